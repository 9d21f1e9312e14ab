"""AppTest of the forfase checklist: save an item with evidence, see progress and history, stale edits."""

from __future__ import annotations

import uuid

from streamlit.testing.v1 import AppTest

from tests.apptest import open_app

from data.findings import Author, ChecklistChanges, FindingIn, get_store

KOMMUNE = "7390"


def _w(elements, item: str, field: str):
    """The checklist widget ``field`` of ``item`` (keys: chk_<kommune>_<item>_<version>_<field>)."""
    hits = [e for e in elements if e.key and e.key.startswith(f"chk_{KOMMUNE}_{item}_") and e.key.endswith(f"_{field}")]
    assert len(hits) == 1, [e.key for e in elements]
    return hits[0]


def _run() -> AppTest:
    return open_app("sjekkliste", kommune=KOMMUNE)


def test_save_item_with_evidence_and_history():
    store = get_store()
    f = store.create(FindingIn(KOMMUNE, "Plan for forfasen vedtatt i kommunestyret", "styrke"), Author("Ola", "skoleeier"))
    before = store.checklist_item(KOMMUNE, "plan_forfasen")
    at = _run()
    assert at.title[0].value == "Sjekkliste for forfasen: Fjordbygd"
    at.text_input(key="sjekkliste_author_name").set_value("Kari Veileder")
    _w(at.selectbox, "plan_forfasen", "status").set_value("ferdig")
    _w(at.selectbox, "plan_forfasen", "role").set_value("skoleeier")
    _w(at.multiselect, "plan_forfasen", "evidence").set_value([f.id])
    submit = next(b for b in at.button if b.key and b.key.startswith(f"chk_{KOMMUNE}_plan_forfasen_") and b.key.endswith("_save"))
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
    _w(at.selectbox, "hvem_deltar", "status").set_value("pagar")
    at.text_input(key="sjekkliste_author_name").set_value("")
    next(b for b in at.button if b.key and b.key.startswith(f"chk_{KOMMUNE}_hvem_deltar_") and b.key.endswith("_save")).click().run()
    assert any("navnet ditt" in w.value for w in at.warning)
    # Someone else saves in between: the page says so and does not overwrite.
    item = store.checklist_item(KOMMUNE, "hvem_deltar")
    at2 = _run()
    other_note = f"Fra et annet vindu {uuid.uuid4().hex[:6]}"
    store.update_checklist_item(KOMMUNE, "hvem_deltar", item.version, ChecklistChanges(note=other_note),
                                Author("Per", "veileder"))
    at2.text_input(key="sjekkliste_author_name").set_value("Kari")
    _w(at2.selectbox, "hvem_deltar", "status").set_value("ferdig")
    next(b for b in at2.button if b.key and b.key.startswith(f"chk_{KOMMUNE}_hvem_deltar_") and b.key.endswith("_save")).click().run()
    assert any("Noen andre har endret" in w.value for w in at2.warning)
    assert store.checklist_item(KOMMUNE, "hvem_deltar").note == other_note


def test_stale_edit_keeps_what_the_user_typed_and_can_restore_it():
    store = get_store()
    item = store.checklist_item(KOMMUNE, "forventninger")
    at = _run()
    other_note = f"Per sin tekst {uuid.uuid4().hex[:6]}"
    store.update_checklist_item(KOMMUNE, "forventninger", item.version, ChecklistChanges(note=other_note),
                                Author("Per", "veileder"))
    my_note = f"Kari sin lange tekst fra workshopen {uuid.uuid4().hex[:6]}"
    at.text_input(key="sjekkliste_author_name").set_value("Kari")
    _w(at.text_area, "forventninger", "note").set_value(my_note)
    _w(at.selectbox, "forventninger", "status").set_value("ferdig")
    next(b for b in at.button if b.key and b.key.startswith(f"chk_{KOMMUNE}_forventninger_") and b.key.endswith("_save")).click().run()
    assert not at.exception
    assert store.checklist_item(KOMMUNE, "forventninger").note == other_note  # nothing overwritten
    assert _w(at.text_area, "forventninger", "note").value == other_note  # the form shows the stored version
    assert my_note in [str(x.value) for x in at.get("text")]  # and nothing typed is lost
    at.button(key=f"chk_{KOMMUNE}_forventninger_use_mine").click().run()
    assert not at.exception
    assert all("widget" not in w.value for w in at.warning)  # no "default value and Session State" clash
    assert _w(at.text_area, "forventninger", "note").value == my_note
    assert _w(at.selectbox, "forventninger", "status").value == "ferdig"
    next(b for b in at.button if b.key and b.key.startswith(f"chk_{KOMMUNE}_forventninger_") and b.key.endswith("_save")).click().run()
    assert store.checklist_item(KOMMUNE, "forventninger").note == my_note  # saved on top of the newer version
