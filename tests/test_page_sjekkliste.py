"""AppTest of the forfase checklist: save an item with evidence, see progress and history, stale edits."""

from __future__ import annotations

import uuid

from streamlit.testing.v1 import AppTest

from tests.apptest import open_app

from data.findings import Author, ChecklistChanges, FindingIn, get_store

KOMMUNE = "7390"


def _run() -> AppTest:
    return open_app("sjekkliste", kommune=KOMMUNE)


def test_save_item_with_evidence_and_history():
    store = get_store()
    f = store.create(FindingIn(KOMMUNE, "Plan for forfasen vedtatt i kommunestyret", "styrke"), Author("Ola", "skoleeier"))
    before = store.checklist_item(KOMMUNE, "plan_forfasen")
    at = _run()
    assert at.title[0].value == "Sjekkliste for forfasen: Fjordbygd"
    at.text_input(key="sjekkliste_author_name").set_value("Kari Veileder")
    at.selectbox(key="chk_plan_forfasen_status").set_value("ferdig")
    at.selectbox(key="chk_plan_forfasen_role").set_value("skoleeier")
    at.multiselect(key="chk_plan_forfasen_evidence").set_value([f.id])
    submit = next(b for b in at.button if b.key and "chk_plan_forfasen_form" in b.key)
    submit.click().run()
    assert not at.exception, [e.message for e in at.exception]
    item = store.checklist_item(KOMMUNE, "plan_forfasen")
    assert item.status == "ferdig" and item.responsible_role == "skoleeier" and f.id in item.evidence
    assert item.version == before.version + 1 and item.updated_by_name == "Kari Veileder"
    assert store.checklist_history(KOMMUNE, "plan_forfasen")
    done = sum(1 for it in store.checklist(KOMMUNE) if it.status == "ferdig")
    assert any(f"{done} av 11 punkter er ferdige" in p.proto.text for p in at.get("progress"))


def test_save_without_author_is_refused_and_stale_edit_is_explained():
    store = get_store()
    at = _run()
    at.selectbox(key="chk_hvem_deltar_status").set_value("pagar")
    at.text_input(key="sjekkliste_author_name").set_value("")
    next(b for b in at.button if b.key and "chk_hvem_deltar_form" in b.key).click().run()
    assert any("navnet ditt" in w.value for w in at.warning)
    # Someone else saves in between: the page says so and does not overwrite.
    item = store.checklist_item(KOMMUNE, "hvem_deltar")
    at2 = _run()
    other_note = f"Fra et annet vindu {uuid.uuid4().hex[:6]}"
    store.update_checklist_item(KOMMUNE, "hvem_deltar", item.version, ChecklistChanges(note=other_note),
                                Author("Per", "veileder"))
    at2.text_input(key="sjekkliste_author_name").set_value("Kari")
    at2.selectbox(key="chk_hvem_deltar_status").set_value("ferdig")
    next(b for b in at2.button if b.key and "chk_hvem_deltar_form" in b.key).click().run()
    assert any("Noen andre har endret" in w.value for w in at2.warning)
    assert store.checklist_item(KOMMUNE, "hvem_deltar").note == other_note
