"""The findings store on SQLite and on a real PostgreSQL server: CRUD, filters, history, concurrency
conflicts, soft delete/restore, validation guards, checklist, migrations."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from data.findings import (
    TEXT_MAX,
    Author,
    ChecklistChanges,
    FindingIn,
    FindingNotFoundError,
    FindingsStore,
    FindingValidationError,
    IndicatorLink,
    StaleVersionError,
    findings_frame,
    get_store,
    looks_like_fodselsnummer,
)
from data.findings.models import SCHEMA_HEAD, Base, ChangeLogRow, FindingRow
from tests.pg import findings_store, pg_server, pg_url, store_url  # noqa: F401  (fixtures)

KARI = Author("Kari Nordmann", "veileder")
OLA = Author("Ola Hansen", "skoleleder")
K = "7290"


def _count(store: FindingsStore, model) -> int:
    with store.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def _fin(text: str = "Elevene trives, men lesing på 5. trinn er svak", kind: str = "utfordring", **kw) -> FindingIn:
    return FindingIn(K, text, kind, **kw)


# ---------------------------------------------------------------------------------------------
# Fødselsnummer guard: checked against an independent formulation of the mod-11 rule
# (weights including the control digits; each weighted sum must be divisible by 11).
# ---------------------------------------------------------------------------------------------
W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def _valid_by_reference(n: str) -> bool:
    d = [int(c) for c in n]
    return sum(a * b for a, b in zip(W1, d[:10])) % 11 == 0 and sum(a * b for a, b in zip(W2, d)) % 11 == 0


def _complete(prefix9: str) -> str:
    for tail in range(100):
        n = f"{prefix9}{tail:02d}"
        if _valid_by_reference(n):
            return n
    raise AssertionError("no valid control digits")


def test_fodselsnummer_guard_detects_real_shapes():
    fnr = _complete("150765005")  # born 15.07.65
    dnr = _complete("550765123")  # D-nummer: day + 40
    hnr = _complete("154765124")  # H-nummer: month + 40
    for text in (f"Eleven {fnr} sa", f"nr. {fnr[:6]} {fnr[6:]}", f"{dnr}", f"({hnr})", f"x{fnr[:6]}-{fnr[6:]}."):
        assert looks_like_fodselsnummer(text), text
    # A number with no plausible date is still refused when its control digits are valid.
    odd = next(f"0013{r:05d}{t:02d}" for r in range(1000) for t in range(100)
               if _valid_by_reference(f"0013{r:05d}{t:02d}"))
    assert looks_like_fodselsnummer(odd)


def test_fodselsnummer_guard_lets_ordinary_numbers_through():
    invalid_11 = next(f"00139{r:06d}" for r in range(1000) if not _valid_by_reference(f"00139{r:06d}"))
    for text in ("Tlf 912 34 567", "Orgnr 990000001", "123456789012 (tolv siffer)", "12345678901234",
                 "Skoleåret 2023-24 hadde 47 elever", invalid_11):
        assert not looks_like_fodselsnummer(text), text


def test_fodselsnummer_refused_everywhere_and_nothing_written(findings_store):
    fnr = _complete("150765005")
    with pytest.raises(FindingValidationError) as e:
        findings_store.create(_fin(f"Eleven med nr {fnr} sliter"), KARI)
    assert "fødselsnummer" in e.value.message and "text" in e.value.errors
    with pytest.raises(FindingValidationError):
        findings_store.create(_fin(themes=(fnr,)), KARI)
    with pytest.raises(FindingValidationError):
        findings_store.create(_fin(), Author(f"Kari {fnr}", "veileder"))
    assert _count(findings_store, FindingRow) == 0 and _count(findings_store, ChangeLogRow) == 0
    f = findings_store.create(_fin(), KARI)
    with pytest.raises(FindingValidationError):
        findings_store.update(f.id, f.version, {"text": f"Ny tekst {fnr}"}, KARI)
    with pytest.raises(FindingValidationError):
        findings_store.update_checklist_item(K, "hvem_deltar", 0, ChecklistChanges(note=f"ring {fnr}"), KARI)
    assert findings_store.get(f.id) == f and len(findings_store.history(f.id)) == 1


def test_length_limits_and_bad_values_give_norwegian_messages(findings_store):
    ok = findings_store.create(_fin("a" * TEXT_MAX), KARI)
    assert len(ok.text) == TEXT_MAX
    with pytest.raises(FindingValidationError) as e:
        findings_store.create(_fin("a" * (TEXT_MAX + 1)), KARI)
    assert f"høyst {TEXT_MAX} tegn" in e.value.message
    with pytest.raises(FindingValidationError) as e:
        findings_store.create(_fin("   "), KARI)
    assert "Teksten mangler" in e.value.message
    with pytest.raises(FindingValidationError) as e:
        findings_store.create(FindingIn("72", "tekst", "ukjent", periods=("2023-25",),
                                        indicators=(IndicatorLink("np_mestring_1", "lesing", 7),)), KARI)
    assert set(e.value.errors) == {"kommune_id", "kind", "periods", "indicators"}
    with pytest.raises(FindingValidationError) as e:
        findings_store.create(_fin(), Author("", "rektor"))
    assert set(e.value.errors) == {"author_name", "author_role"}
    assert _count(findings_store, FindingRow) == 1


def test_create_get_list_filters_and_sort(findings_store):
    s = findings_store
    a = s.create(_fin("Sterkt læringsmiljø på Nedre Brekke", "styrke", themes=("Læringsmiljø", "ledelse"),
                      schools=("990000001",), source="observasjon"), KARI)
    b = s.create(_fin("Lesing 5. trinn under snittet tre år på rad", "utfordring",
                      indicators=(IndicatorLink("np_mestring_1", "lesing", 5),), periods=("2023-24", "2022-23")),
                 OLA)
    c = s.create(FindingIn("7190", "Annen kommune", "hypotese"), KARI)
    assert s.get(a.id) == a and a.themes == ("læringsmiljø", "ledelse") and b.periods == ("2022-23", "2023-24")
    assert {f.id for f in s.list(K)} == {a.id, b.id} and [f.id for f in s.list("7190")] == [c.id]
    assert [f.id for f in s.list(K, kinds=["styrke"])] == [a.id]
    assert [f.id for f in s.list(K, themes=["ledelse"])] == [a.id]
    assert [f.id for f in s.list(K, schools=["990000001"])] == [a.id]
    assert [f.id for f in s.list(K, indicators=["np_mestring_1"])] == [b.id]
    assert [f.id for f in s.list(K, author_roles=["skoleleder"])] == [b.id]
    assert [f.id for f in s.list(K, sources=["observasjon"])] == [a.id]
    assert [f.id for f in s.list(K, periods=["2022-23"])] == [b.id]
    assert [f.id for f in s.list(K, text="LÆRINGSMILJØ")] == [a.id]  # casefold, æøå
    assert [f.id for f in s.list(K, text="ola")] == [b.id]  # author name
    assert [f.id for f in s.list(K, sort="created_asc")] == [a.id, b.id]
    assert [f.id for f in s.list(K, sort="created_desc")] == [b.id, a.id]
    assert [f.id for f in s.list(K, sort="kind")] == [a.id, b.id]
    assert s.themes_in_use(K)[0] in ("ledelse", "læringsmiljø")
    frame = findings_frame(s.list(K))
    assert list(frame["Type"]) and "Andel på mestringsnivå 1, lesing, 5. trinn" in set(frame["Indikatorer"])
    with pytest.raises(FindingNotFoundError):
        s.get("finnes-ikke")


def test_linked_findings_for_charts(findings_store):
    s = findings_store
    kommune_level = s.create(_fin(indicators=(IndicatorLink("np_mestring_1", "lesing", 5),)), KARI)
    any_trinn = s.create(_fin("Regning svakt", indicators=(IndicatorLink("np_mestring_1"),)), KARI)
    school = s.create(_fin("Skolen sliter", schools=("990000002",), indicators=(IndicatorLink("np_mestring_1"),)),
                      KARI)
    s.create(_fin("Annen indikator", indicators=(IndicatorLink("eu_mobbing", "", 7),)), KARI)
    got = {f.id for f in s.linked_findings(K, "np_mestring_1", subject="lesing", trinn=5)}
    assert got == {kommune_level.id, any_trinn.id}
    got = {f.id for f in s.linked_findings(K, "np_mestring_1", subject="regning", trinn=8)}
    assert got == {any_trinn.id}
    got = {f.id for f in s.linked_findings(K, "np_mestring_1", subject="lesing", trinn=5,
                                           school_ids=["990000002"], kommune_level=False)}
    assert got == {school.id}


def test_history_of_every_change_with_before_after(findings_store):
    s = findings_store
    f = s.create(_fin(), KARI)
    f = s.update(f.id, f.version, {"text": "Ny formulering", "themes": ["kapasitet"]}, OLA)
    f = s.set_status(f.id, f.version, "bekreftet", KARI)
    same = s.update(f.id, f.version, {"status": "bekreftet"}, KARI)  # no change: no history, no new version
    assert same == f
    f = s.delete(f.id, f.version, OLA)
    assert f.deleted and s.list(K) == [] and [x.id for x in s.list(K, deleted=True)] == [f.id]
    with pytest.raises(FindingValidationError, match="slettet"):
        s.update(f.id, f.version, {"text": "endring av slettet"}, KARI)
    f = s.restore(f.id, f.version, KARI)
    assert not f.deleted and f.version == 5 and [x.id for x in s.list(K)] == [f.id]
    h = s.history(f.id)
    assert [e.action for e in h] == ["create", "update", "status", "delete", "restore"]
    assert [e.version for e in h] == [1, 2, 3, 4, 5]
    assert [(e.actor_name, e.actor_role) for e in h] == [
        ("Kari Nordmann", "veileder"), ("Ola Hansen", "skoleleder"), ("Kari Nordmann", "veileder"),
        ("Ola Hansen", "skoleleder"), ("Kari Nordmann", "veileder")]
    assert h[0].before is None and h[0].after["text"] == _fin().text
    assert h[1].before["text"] == _fin().text and h[1].after["text"] == "Ny formulering"
    assert h[1].changed_fields == ["text", "themes"] and h[2].changed_fields == ["status"]
    assert h[3].after["deleted"] is True and h[4].after["deleted"] is False
    assert all(h[i].at <= h[i + 1].at for i in range(len(h) - 1))
    assert [e.action for e in s.kommune_history(K)][:2] == ["restore", "delete"]


def test_stale_version_conflict_keeps_both_texts(findings_store):
    s = findings_store
    f = s.create(_fin("Opprinnelig tekst"), KARI)
    first = s.update(f.id, f.version, {"text": "Karis endring"}, KARI)
    with pytest.raises(StaleVersionError) as e:
        s.update(f.id, f.version, {"text": "Olas endring"}, OLA)
    err = e.value
    assert err.current.text == "Karis endring" and err.current.version == 2
    assert err.yours == {"text": "Olas endring"} and err.expected_version == 1
    assert "Kari Nordmann" in str(err) and "Ingenting er overskrevet" in str(err)
    assert s.get(f.id) == first and len(s.history(f.id)) == 2
    # Ola decides to keep his text: he saves again from the version he was shown.
    final = s.update(f.id, err.current.version, err.yours, OLA)
    assert final.text == "Olas endring" and final.version == 3
    assert [e.after["text"] for e in s.history(f.id)] == ["Opprinnelig tekst", "Karis endring", "Olas endring"]
    with pytest.raises(StaleVersionError):
        s.delete(f.id, 1, OLA)
    assert not s.get(f.id).deleted


def test_html_and_markup_stored_verbatim_as_plain_text(findings_store):
    text = '<script>alert("x")</script> <img src=x onerror=alert(1)> **fet** [lenke](javascript:alert(1))'
    f = findings_store.create(_fin(text), KARI)
    assert findings_store.get(f.id).text == text


def test_forfase_checklist_store(findings_store):
    s = findings_store
    items = s.checklist(K)
    assert len(items) == 11 and items[0].label == "Plan for forfasen" and all(i.version == 0 for i in items)
    assert items[-1].label == "Behov for støtte til skoleeier/skoleleder"
    styrke = s.create(_fin("God ledelse", "styrke"), KARI)
    other = s.create(FindingIn("7190", "Annen kommune", "styrke"), KARI)
    it = s.update_checklist_item(K, "hva_kommunen_er_god_pa", 0, ChecklistChanges(
        status="pagar", responsible_role="skoleeier", due_date=date(2027, 3, 1), note="Se funn",
        evidence=(styrke.id,)), KARI)
    assert (it.version, it.status, it.responsible_role, it.due_date, it.evidence) == (
        1, "pagar", "skoleeier", date(2027, 3, 1), (styrke.id,))
    with pytest.raises(StaleVersionError) as e:
        s.update_checklist_item(K, "hva_kommunen_er_god_pa", 0, ChecklistChanges(status="ferdig"), OLA)
    assert e.value.current.version == 1 and e.value.yours == {"status": "ferdig"}
    with pytest.raises(FindingValidationError, match="finnes ikke i kommunen"):
        s.update_checklist_item(K, "hva_kommunen_er_god_pa", 1, ChecklistChanges(evidence=(other.id,)), OLA)
    with pytest.raises(FindingValidationError):
        s.update_checklist_item(K, "finnes_ikke", 0, ChecklistChanges(status="ferdig"), OLA)
    it = s.update_checklist_item(K, "hva_kommunen_er_god_pa", 1, ChecklistChanges(status="ferdig"), OLA)
    it = s.update_checklist_item(K, "hva_kommunen_er_god_pa", 2,
                                 ChecklistChanges(clear_due_date=True, responsible_role=""), OLA)
    assert it.due_date is None and it.responsible_role == "" and it.version == 3
    h = s.checklist_history(K, "hva_kommunen_er_god_pa")
    assert [e.action for e in h] == ["create", "status", "update"]
    assert h[1].before["status"] == "pagar" and h[1].after["status"] == "ferdig"
    assert h[2].before["due_date"] == "2027-03-01" and h[2].after["due_date"] is None
    assert [i.version for i in s.checklist(K)].count(0) == 10 and s.checklist("7190")[5].version == 0


def _head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from data.findings.store import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg).get_current_head()


def test_migrations_match_models_and_are_idempotent(store_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    store = FindingsStore(store_url)
    store.migrate()  # second run: nothing to do
    FindingsStore(store_url).dispose()  # a second process starting against the same database
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "version_table": "funn_alembic_version"})
        assert compare_metadata(ctx, Base.metadata) == []
        assert set(inspect(conn).get_table_names()) >= set(Base.metadata.tables) | {"funn_alembic_version"}
        assert conn.exec_driver_sql("SELECT version_num FROM funn_alembic_version").scalar() == _head_revision()
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.dispose()


def test_schema_head_is_alembics_head():
    assert SCHEMA_HEAD == _head_revision()


def _alembic_to(store: FindingsStore, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from data.findings.store import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def test_database_behind_head_is_migrated_on_open(store_url):
    """The fast path (``schema_at_head``) must not keep an older database from being upgraded."""
    store = FindingsStore(store_url)
    assert store.schema_at_head()
    _alembic_to(store, "0004")  # the database as the previous version of the app left it
    assert not store.schema_at_head() and "goals" not in inspect(store.engine).get_table_names()
    reopened = FindingsStore(store_url)
    assert reopened.schema_at_head() and "goals" in inspect(reopened.engine).get_table_names()
    for s in (store, reopened):
        s.dispose()


def test_database_at_head_opens_without_alembic_and_newer_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'funn.sqlite'}"
    FindingsStore(url).dispose()
    code = ("import sys; from data.findings import FindingsStore; s = FindingsStore(sys.argv[1]); "
            "print('alembic' in sys.modules, s.schema_at_head())")
    repo = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code, url], cwd=repo, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]  # Alembic's ≈0.1 s of imports are not on the cold start
    store = FindingsStore(url)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE funn_alembic_version SET version_num = '9999'")  # written by a newer app
    with pytest.raises(Exception, match="9999"):
        FindingsStore(url)
    store.dispose()


def test_get_store_uses_config_url(tmp_path, monkeypatch):
    monkeypatch.setenv("UTFORDRINGSBILDE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    store = get_store()
    assert store.url == f"sqlite:///{tmp_path / 'funn.sqlite'}" and (tmp_path / "funn.sqlite").exists()
    assert get_store() is store
    other = tmp_path / "annen.sqlite"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{other}")
    assert get_store().url.endswith("annen.sqlite") and other.exists()
    store.dispose()
    get_store().dispose()
