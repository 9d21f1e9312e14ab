"""AppTest of the Funn page and the add-from-chart path; Plotly markers; HTML stays inert."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app

from data.findings import Author, FindingIn, IndicatorLink, get_store
from tests.test_findings_store import _complete

K = "7290"
KARI = Author("Kari Nordmann", "veileder")
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)> **fet** [lenke](javascript:alert(1))'


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A fresh SQLite findings database for the app (through DATABASE_URL)."""
    url = f"sqlite:///{tmp_path / 'funn.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("UTFORDRINGSBILDE_RAISE", "1")
    store = get_store(url)
    yield store
    store.dispose()


def _funn_page() -> AppTest:
    return open_app("funn", kommune=K, check_errors=False)


def _by_key(elements, prefix: str, suffix: str):
    hits = [e for e in elements if e.key and e.key.startswith(prefix) and e.key.endswith(suffix)]
    assert len(hits) == 1, [e.key for e in elements]
    return hits[0]


def _button(at: AppTest, label: str, nth: int = 0):
    hits = [b for b in at.button if b.label == label]
    assert hits, [b.label for b in at.button]
    return hits[nth]


def _texts(at: AppTest) -> list[str]:
    return [str(x.value) for x in at.get("text")]


def _assert_inert(at: AppTest) -> None:
    # The one HTML element allowed is the app's own document script (ui.language: lang, Norwegian UI texts).
    from ui.language import FOCUS_CSS, build_script

    own = {build_script(lang) for lang in ("nb", "nn")} | {FOCUS_CSS}
    assert [h.proto.body for h in at.get("html") if h.proto.body not in own] == []
    for m in at.markdown:
        assert not m.proto.allow_html
        assert "<script" not in m.value and "<img" not in m.value
    for c in at.caption:
        assert "<script" not in c.value


def test_page_lists_findings_with_html_inert(db):
    db.create(FindingIn(K, XSS, "utfordring", themes=("<b>tema</b>",),
                        indicators=(IndicatorLink("np_mestring_1", "lesing", 5),), periods=("2023-24",)), KARI)
    db.create(FindingIn(K, "God ledelse på alle skolene", "styrke", themes=("ledelse",)), KARI)
    at = _funn_page()
    assert XSS in _texts(at)  # shown literally, as plain text
    _assert_inert(at)
    assert any("\\<b\\>tema\\</b\\>" in m.value for m in at.markdown)  # escaped theme
    # The small chart of linked data, with intervals (error bars), for the finding with an indicator.
    charts = at.get("plotly_chart")
    assert charts
    spec = json.loads(charts[0].proto.spec)
    assert any(tr.get("error_y") for tr in spec["data"])
    # Strengths and challenges side by side.
    assert any(m.value.startswith("Styrker (1)") for m in at.header)
    assert any(m.value.startswith("Utfordringer (1)") for m in at.header)


def test_create_via_form_and_validation_keeps_text(db):
    at = _funn_page()
    at.text_input(key="funn_page_author_name").input("Ola Hansen").run()
    fnr = _complete("150765005")
    typed = f"Eleven {fnr} trenger mer støtte i lesing"
    _by_key(at.text_area, "funn_add_", "_text").input(typed)
    _button(at, "Lagre funn").click().run()
    assert not at.exception
    assert any("fødselsnummer" in e.value for e in at.error)
    assert _by_key(at.text_area, "funn_add_", "_text").value == typed  # nothing typed is lost
    assert db.count() == 0
    fixed = "Elevene trenger mer støtte i lesing"
    _by_key(at.text_area, "funn_add_", "_text").input(fixed)
    _by_key(at.selectbox, "funn_add_", "_kind").select("hypotese")
    _button(at, "Lagre funn").click().run()
    assert not at.exception and not at.error
    [f] = db.list(K)
    assert (f.text, f.kind, f.author_name, f.author_role) == (fixed, "hypotese", "Ola Hansen", "veileder")
    assert any("Funnet er lagret" in s.value for s in at.success)
    assert _by_key(at.text_area, "funn_add_", "_text").value == ""  # emptied after success
    assert fixed in _texts(at)


def test_length_limit_in_form(db):
    at = _funn_page()
    at.text_input(key="funn_page_author_name").input("Ola").run()
    box = _by_key(at.text_area, "funn_add_", "_text")
    assert box.proto.max_chars == 4000  # the browser stops typing at the store's limit
    box.input("x" * 4000)
    _button(at, "Lagre funn").click().run()
    assert not at.error and db.count() == 1
    box = _by_key(at.text_area, "funn_add_", "_text")
    box.input("   ")
    _button(at, "Lagre funn").click().run()
    assert any("Teksten mangler" in e.value for e in at.error) and db.count() == 1


def test_filters_and_text_search(db):
    db.create(FindingIn(K, "Sterk kultur for samarbeid", "styrke"), KARI)
    db.create(FindingIn(K, "Høyt fravær på ungdomstrinnet", "utfordring"), Author("Per", "skoleleder"))
    at = _funn_page()
    at.multiselect(key="funn_f_kind").select("styrke").run()
    assert "Sterk kultur for samarbeid" in _texts(at) and any(c.value == "1 funn" for c in at.caption)
    at.multiselect(key="funn_f_kind").unselect("styrke").run()
    at.text_input(key="funn_f_text").input("FRAVÆR").run()
    assert any(c.value == "1 funn" for c in at.caption)
    at.text_input(key="funn_f_text").input("").run()
    at.multiselect(key="funn_f_role").select("skoleleder").run()
    assert any(c.value == "1 funn" for c in at.caption)


def test_stale_edit_shows_both_texts_and_loses_nothing(db):
    f = db.create(FindingIn(K, "Opprinnelig tekst", "utfordring"), KARI)
    at = _funn_page()
    at.text_input(key="funn_page_author_name").input("Ola Hansen").run()
    _button(at, "Rediger").click().run()
    # Meanwhile someone else saves a change.
    db.update(f.id, f.version, {"text": "Karis endring fra en annen maskin"}, KARI)
    edit = _by_key(at.text_area, f"funn_{f.id}_edit_", "_text")
    edit.input("Olas endring")
    _button(at, "Lagre endring").click().run()
    assert not at.exception
    assert any("Ingenting er overskrevet" in w.value for w in at.warning)
    texts = _texts(at)
    assert "Karis endring fra en annen maskin" in texts and "Olas endring" in texts
    assert db.get(f.id).text == "Karis endring fra en annen maskin"
    _button(at, "Lagre min versjon likevel").click().run()
    assert not at.exception
    now = db.get(f.id)
    assert now.text == "Olas endring" and now.version == 3
    assert [e.after["text"] for e in db.history(f.id)] == [
        "Opprinnelig tekst", "Karis endring fra en annen maskin", "Olas endring"]


def test_delete_restore_and_history_in_ui(db):
    f = db.create(FindingIn(K, "Slett meg", "sporsmal"), KARI)
    at = _funn_page()
    at.text_input(key="funn_page_author_name").input("Ola Hansen").run()
    _button(at, "Slett").click().run()
    assert db.get(f.id).deleted and db.list(K) == []
    _button(at, "Gjenopprett").click().run()
    assert not db.get(f.id).deleted
    assert [e.action for e in db.history(f.id)] == ["create", "delete", "restore"]
    lines = [c.value for c in at.caption]
    assert any("Gjenopprettet av Ola Hansen" in line for line in lines)
    assert any("Slettet av Ola Hansen" in line for line in lines)


def test_export_buttons_present(db):
    db.create(FindingIn(K, "=CMD()", "hypotese"), KARI)
    at = _funn_page()
    labels = [b.proto.label for b in at.get("download_button")]
    assert any("JSON" in x for x in labels) and any("CSV" in x for x in labels)


# ---------------------------------------------------------------------------------------------
# Add from a chart (the path the Oversikt/Utvikling/Skoler pages use)
# ---------------------------------------------------------------------------------------------
def _chart_app():
    import plotly.graph_objects as go
    import streamlit as st

    from ui.findings_widgets import add_finding_markers, chart_findings, findings_under_chart

    periods = ["2021-22", "2022-23", "2023-24"]
    values = [30.0, 28.5, 31.0]
    current = {"page": "utvikling", "kommune_id": "7290", "indicator": "np_mestring_1", "subject": "lesing",
               "trinn": 5, "periods": periods, "window": periods, "schools": []}
    fig = go.Figure(go.Scatter(x=periods, y=values, name="Kommunen"))
    fs = chart_findings(current)
    add_finding_markers(fig, fs, y_by_x=dict(zip(periods, values)), x_values=periods, fallback_x=periods[-1])
    st.plotly_chart(fig, key="chart")
    findings_under_chart(current, fs, key="utv")


def test_add_from_chart_prefilled_then_marker_and_list(db):
    at = AppTest.from_function(_chart_app, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    # Prefilled with what is on screen.
    links = _by_key(at.multiselect, "utv_add_", "_links")
    periods = _by_key(at.multiselect, "utv_add_", "_periods")
    assert links.value == ["np_mestring_1|lesing|5"]
    assert periods.value == ["2021-22", "2022-23", "2023-24"]
    at.text_input(key="utv_add_form_author_name").input("Kari Nordmann")
    _by_key(at.text_area, "utv_add_", "_text").input("Lesing 5. trinn: <b>dårligere</b> i 2022-23")
    periods.unselect("2021-22").unselect("2023-24")
    _button(at, "Lagre funn").click().run()
    assert not at.exception and not at.error
    [f] = db.list(K)
    assert f.indicators == (IndicatorLink("np_mestring_1", "lesing", 5),) and f.periods == ("2022-23",)
    # The marker sits on the chart at the kommune's value for that year, its text (escaped) on hover.
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    markers = [tr for tr in spec["data"] if tr.get("legendgroup") == "funn_utfordring"]
    assert markers and markers[0]["x"] == ["2022-23"] and markers[0]["y"] == [28.5]
    assert "&lt;b&gt;dårligere&lt;/b&gt;" in markers[0]["hovertext"][0]
    # And in the list under the chart.
    assert f.text in _texts(at)
    assert any("Funn koblet til denne figuren (1)" in m.value for m in at.markdown)


# ---------------------------------------------------------------------------------------------
# add_finding_markers without Streamlit
# ---------------------------------------------------------------------------------------------
def test_add_finding_markers_mapping_and_fallbacks(db):
    from ui.findings_widgets import add_finding_markers

    a = db.create(FindingIn(K, "Styrke i 2022-23", "styrke", periods=("2022-23",)), KARI)
    b = db.create(FindingIn(K, "Uten skoleår", "utfordring"), KARI)
    c = db.create(FindingIn(K, "Skoleår utenfor figuren", "hypotese", periods=("2016-17",)), KARI)
    d = db.create(FindingIn(K, "Undertrykt år <i>", "sporsmal", periods=("2023-24",)), KARI)
    fig = go.Figure()
    add_finding_markers(fig, [a, b, c, d], y_by_x={"2022-23": 12.0, "2023-24": None},
                        x_values=["2022-23", "2023-24"], fallback_x="2023-24")
    by_name = {}
    for tr in fig.data:
        by_name.setdefault(tr.legendgroup, []).append(tr)
    assert list(by_name["funn_styrke"][0].y) == [12.0] and by_name["funn_styrke"][0].marker.symbol == "star"
    # No x -> fallback year; no y there -> top edge on the overlay axis.
    assert by_name["funn_utfordring"][0].yaxis == "y8" and list(by_name["funn_utfordring"][0].x) == ["2023-24"]
    assert by_name["funn_hypotese"][0].x == ("2023-24",)  # its year is not on the chart -> fallback
    assert "&lt;i&gt;" in by_name["funn_sporsmal"][0].hovertext[0]
    assert fig.layout.yaxis8.overlaying == "y"
    fig2 = add_finding_markers(go.Figure(), [c], x_values=["2022-23"])  # no fallback: left out
    assert len(fig2.data) == 0
