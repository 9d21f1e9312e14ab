"""As a skoleeier of kommune A, every page, export and query parameter shows nothing of kommune B's findings
or checklist, and B cannot be chosen (issue 14). Public statistics of other kommuner (peers, the national
ranking, fylke and national benchmarks) stay visible by design: they are published figures."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from data.access import Principal
from data.findings import Author, ChecklistChanges, FindingIn, get_store
from tests.conftest import REPO_ROOT

A, B = "7290", "7190"
SECRET = "HEMMELIG-B-FUNN"
SECRET_NOTE = "HEMMELIG-B-NOTAT"
PAGES = ["oversikt", "utvikling", "skoler", "sammenlignbare", "uttrekk", "funn", "sjekkliste", "utfordringsbilde",
         "statsforvalter"]
SKOLEEIER_A = Principal("sub-a", "Siri Skoleeier", "skoleeier", kommuner=(A,))


@pytest.fixture
def world(data_folder, monkeypatch):
    monkeypatch.setenv("UTFORDRINGSBILDE_TESTING", "1")
    store = get_store()
    kari = Author("Kari", "veileder")
    store.create(FindingIn(B, f"{SECRET} om mobbing", "utfordring", indicators=()), kari)
    store.update_checklist_item(B, "hva_kommunen_er_god_pa", 0, ChecklistChanges(status="pagar", note=SECRET_NOTE),
                                kari)
    store.create(FindingIn(A, "Eget funn i A", "styrke"), kari)
    return data_folder


def _everything(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "text", "error", "warning", "info", "success", "title", "subheader",
                 "header", "code", "json"):
        parts += [str(getattr(e, "value", "")) for e in getattr(at, kind, [])]
    parts += [str(df.value.to_dict()) for df in at.dataframe]
    parts += [str(getattr(w, "options", "")) for w in list(at.selectbox) + list(at.multiselect)]
    parts += [str(w.value) for w in at.text_area] + [str(w.value) for w in at.text_input]
    return "\n".join(parts)


def test_skoleeier_of_a_sees_nothing_of_b_on_any_page(world):
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=180)
    at.session_state["_test_principal"] = SKOLEEIER_A
    at.query_params["kommune"] = B  # a shared link to kommune B
    at.run()
    assert not at.exception
    picker = at.sidebar.selectbox[0]
    assert [str(o) for o in picker.options] == [o for o in picker.options if A in str(o)] and len(picker.options) == 1
    assert at.query_params.get("kommune") in (A, [A])
    assert any("Innlogget: Siri Skoleeier" in c.value for c in at.sidebar.caption)
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, [e.message for e in at.exception])
        text = _everything(at)
        assert SECRET not in text and SECRET_NOTE not in text, page
    at.switch_page("pages/funn.py").run()
    assert "Eget funn i A" in _everything(at)
    assert "Lagres som Siri Skoleeier (innlogget)" in _everything(at)  # the author is the signed-in person
    assert not [w for w in at.text_input if w.key and w.key.endswith("_author_name")]  # no name to type
    exports = [b for b in at.get("download_button")]
    for b in exports:  # the findings JSON and CSV exports are of kommune A only
        payload = str(getattr(b, "proto", b))
        assert SECRET not in payload


def test_admin_and_data_pages_refuse_a_skoleeier_even_when_opened_directly(world):
    for page in ("admin", "data"):
        at = AppTest.from_file(str(REPO_ROOT / "pages" / f"{page}.py"), default_timeout=180)
        at.session_state["_principal"] = SKOLEEIER_A
        at.run()
        assert not at.exception
        assert any("ikke tilgang" in e.value or "Bare en administrator" in e.value or "kunne ikke" in e.value
                   for e in at.error), page
        assert not at.button or all(b.key not in ("import_save", "admin_remove") for b in at.button)


def test_control_an_administrator_does_see_b(world):
    """The detector works: with full access the secret of B is found on the Funn page."""
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=180)
    at.session_state["_test_principal"] = Principal("sub-admin", "Anna Admin", "administrator")
    at.query_params["kommune"] = B
    at.run()
    at.switch_page("pages/funn.py").run()
    assert SECRET in _everything(at)


def test_local_mode_names_itself(world, monkeypatch):
    monkeypatch.delenv("UTFORDRINGSBILDE_TESTING")
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=180).run()
    assert any("Lokal enbrukermodus" in w.value for w in at.sidebar.warning)
