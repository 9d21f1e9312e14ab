"""The bokmål/nynorsk switch in the app and the browser script that removes Streamlit's English.

AppTest: ``?sprak=nn`` and ``UTFORDRINGSBILDE_LANG`` pick the language per session, the sidebar picker
switches it and writes it to the link. Static: the browser script survives Streamlit's HTML sanitiser,
parses as JavaScript, and carries a Norwegian text for every English one it replaces.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.apptest import open_app


def test_browser_script_is_not_dropped_by_the_sanitiser():
    from ui.language import build_script

    for lang in ("nb", "nn"):
        body = build_script(lang)[len("<script>"):-len("</script>")]
        # DOMPurify removes a script whose text contains «<» followed by a letter, «/» or «!».
        assert not re.findall(r"<[/\w!]", body), "the browser script would be dropped by Streamlit's sanitiser"


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_browser_script_is_valid_javascript(tmp_path):
    from ui.language import build_script

    js = tmp_path / "s.js"
    js.write_text(build_script("nn")[len("<script>"):-len("</script>")], encoding="utf-8")
    out = subprocess.run(["node", "--check", str(js)], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr


def test_every_english_text_has_norwegian_in_both_languages():
    from data.language import use_language
    from ui.browser_text import EXACT, PATTERNS, replacements

    for lang in ("nb", "nn"):
        with use_language(lang):
            rep = replacements()
        assert set(rep["exact"]) == set(EXACT)
        for en, no in rep["exact"].items():
            assert no and no != en or en in ("Zoom",), (lang, en, no)
        assert all("$1" in no for _, no in rep["patterns"]) and len(rep["patterns"]) == len(PATTERNS)
        for rx, _ in PATTERNS:
            re.compile(rx)
    with use_language("nn"):
        assert replacements()["exact"]["Skip to main content"] == "Hopp til hovudinnhaldet"


def test_link_with_sprak_nn_opens_in_nynorsk(monkeypatch):
    # AppTest formats widget options in the test thread, outside the session: give it the same default.
    monkeypatch.setenv("UTFORDRINGSBILDE_LANG", "nn")
    at = open_app(kommune="7290", sprak="nn")
    assert at.title[0].value == "Oversikt: Brekkestad"
    assert any("Indikatorane som blir brukte i uttrekket" in m.value for m in at.markdown)
    assert at.sidebar.radio[0].value == "nn"
    at.switch_page("pages/skoler.py").run()
    assert not at.exception
    assert at.title[0].value == "Skular: Brekkestad"


def test_picker_switches_language_and_keeps_it_in_the_link():
    at = open_app(kommune="7290")
    assert at.title[0].value == "Oversikt: Brekkestad"
    assert "sprak" not in at.query_params  # plain links stay plain
    assert any("Indikatorene som brukes" in m.value for m in at.markdown)
    at.sidebar.radio[0].set_value("nn").run()
    assert not at.exception
    assert any("Indikatorane som blir brukte" in m.value for m in at.markdown)
    assert at.query_params["sprak"] == ["nn"] or at.query_params["sprak"] == "nn"


def test_chart_text_alternative_names_the_figure_and_its_table():
    import plotly.graph_objects as go

    from data.language import use_language
    from ui.charts import alt_text

    fig = go.Figure([go.Scatter(x=[1], y=[2], name="Brekkestad"), go.Scatter(x=[1], y=[3], name="Nasjonalt"),
                     go.Scatter(x=[1], y=[3], name="hjelpelinje", showlegend=False)])
    fig.update_layout(title={"text": "Grunnskolepoeng, <b>10. trinn</b>"})
    assert alt_text(fig) == ("Figur: Grunnskolepoeng, 10. trinn. Viser Brekkestad, Nasjonalt. "
                             "Tallene står i tabellen ved figuren.")
    with use_language("nn"):
        assert alt_text(go.Figure()).startswith("Figur: utan tittel. Viser éin dataserie. Tala står i tabellen")
    many = go.Figure([go.Scatter(x=[1], y=[1], name=f"S{i}") for i in range(9)])
    assert "S5 og 3 til." in alt_text(many)


def test_uttrekk_page_explains_in_nynorsk(monkeypatch):
    import re

    monkeypatch.setenv("UTFORDRINGSBILDE_LANG", "nn")
    at = open_app("uttrekk", kommune="7290", sprak="nn")
    assert at.title[0].value.startswith("Kvifor er vi trekte ut?")
    prose = " ".join(m.value for m in at.markdown) + " " + " ".join(w.value for w in at.warning)
    assert "moglege risikopoeng i vindauget" in prose
    bokmal = re.findall(r"\b(ikke|mulige|skolene|elever|forskjellen|hvor|fra)\b", prose)
    assert not bokmal, bokmal
