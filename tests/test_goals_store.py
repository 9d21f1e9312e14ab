"""Goals for gjennomføringsfasen in the findings database, on SQLite and PostgreSQL: create, edit,
validation, link to an utfordring, optimistic versioning, soft delete/restore and history."""

from __future__ import annotations

import pytest

from data.findings import Author, FindingIn, FindingValidationError, StaleVersionError
from data.findings.goal_store import GoalNotFoundError, GoalStore
from data.findings.goals import GoalIn
from tests.pg import findings_store, pg_server, pg_url, store_url  # noqa: F401  (fixtures)

KARI = Author("Kari Nordmann", "veileder")
OLA = Author("Ola Hansen", "skoleeier")
K = "7290"


def _goal(**kw) -> GoalIn:
    base = dict(kommune_id=K, indicator="grunnskolepoeng", target_value=38.5, target_year="2027-28", trinn=10,
                unit_level="skole", unit_id="972900003", baseline_periods=("2023-24", "2021-22", "2022-23"),
                baseline_value=35.2, baseline_lower=34.1, baseline_upper=36.3, baseline_n=121,
                tiltak="Lesekurs for lærerne\nFaste samtaler", responsible="skole",
                kompetansemiljo="Universitetet i Brekkestad", followup="Hvert halvår (januar og juni)")
    base.update(kw)
    return GoalIn(**base)


def test_create_get_list_and_history(findings_store):
    goals = GoalStore(findings_store)
    ut = findings_store.create(FindingIn(K, "Svake grunnskolepoeng ved Nedre Brekke", "utfordring"), KARI)
    g = goals.create(_goal(finding_id=ut.id), KARI)
    assert g.version == 1 and g.finding_id == ut.id and g.kommune_id == K
    # Periods are stored sorted; numbers and text come back as given (text as plain text).
    assert g.baseline_periods == ("2021-22", "2022-23", "2023-24")
    assert g.baseline_value == pytest.approx(35.2) and g.baseline_n == pytest.approx(121)
    assert goals.get(g.id) == g
    assert [x.id for x in goals.list(K)] == [g.id] and goals.list("7190") == []
    assert goals.get(g.id).tiltak == "Lesekurs for lærerne\nFaste samtaler"
    h = goals.history(g.id)
    assert [e.action for e in h] == ["create"] and h[0].after["target_value"] == pytest.approx(38.5)
    # The goal's history is in the kommune's change log next to the findings'.
    assert {e.entity for e in findings_store.kommune_history(K)} >= {"goal", "finding"}


def test_update_is_versioned_and_stale_edits_are_refused(findings_store):
    goals = GoalStore(findings_store)
    g = goals.create(_goal(), KARI)
    g2 = goals.update(g.id, g.version, {"target_value": 39.0, "responsible": "skoleeier"}, OLA)
    assert g2.version == 2 and g2.target_value == 39.0 and g2.updated_by_name == OLA.name
    assert goals.update(g2.id, g2.version, {"target_value": 39.0}, OLA).version == 2  # no change, no entry
    with pytest.raises(StaleVersionError) as exc:
        goals.update(g.id, g.version, {"tiltak": "Noe annet"}, KARI)
    assert exc.value.current.version == 2 and exc.value.yours == {"tiltak": "Noe annet"}
    assert goals.get(g.id).tiltak == g.tiltak
    h = goals.history(g.id)
    assert [e.action for e in h] == ["create", "update"]
    assert set(h[1].changed_fields) == {"target_value", "responsible"}


def test_delete_restore_and_not_found(findings_store):
    goals = GoalStore(findings_store)
    g = goals.create(_goal(), KARI)
    d = goals.delete(g.id, g.version, KARI)
    assert d.deleted and goals.list(K) == [] and [x.id for x in goals.list(K, deleted=True)] == [g.id]
    with pytest.raises(FindingValidationError):
        goals.update(d.id, d.version, {"target_value": 1.0}, KARI)
    r = goals.restore(d.id, d.version, KARI)
    assert not r.deleted and r.version == 3 and goals.list_many([K, "7190"]) == {K: [r], "7190": []}
    with pytest.raises(GoalNotFoundError, match="Fant ikke målet"):
        goals.get("nope")


@pytest.mark.parametrize("changes,field", [
    ({"indicator": "finnes_ikke"}, "indicator"),
    ({"trinn": 4}, "trinn"),
    ({"unit_level": "skole", "unit_id": ""}, "unit_id"),
    ({"unit_level": "kommune", "unit_id": "7190"}, "unit_id"),
    ({"target_value": "mye"}, "target_value"),
    ({"target_value": None}, "target_value"),
    ({"target_value": 75.0}, "target_value"),  # grunnskolepoeng run from 10 to 60
    ({"target_year": "2027"}, "target_year"),
    ({"responsible": "rektor"}, "responsible"),
    ({"tiltak": "Eleven 15076500565 trenger hjelp"}, "tiltak"),
    ({"followup": "x" * 1001}, "followup"),
    ({"baseline_periods": ("2023-25",)}, "baseline_periods"),
])
def test_validation_names_the_field(findings_store, changes, field):
    goals = GoalStore(findings_store)
    with pytest.raises(FindingValidationError) as exc:
        goals.create(_goal(**changes), KARI)
    assert field in exc.value.errors
    assert goals.list(K) == []


def test_link_to_another_kommunes_finding_is_refused(findings_store):
    goals = GoalStore(findings_store)
    other = findings_store.create(FindingIn("7190", "Annen kommune", "utfordring"), KARI)
    with pytest.raises(FindingValidationError, match="finnes ikke i kommunen"):
        goals.create(_goal(finding_id=other.id), KARI)
    g = goals.create(_goal(unit_level="kommune", unit_id="", target_value="40,5"), KARI)
    assert g.unit_id == K and g.target_value == 40.5  # decimal comma accepted, kommune unit filled in


def test_goals_migration_downgrades_and_upgrades(findings_store):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from data.findings.store import MIGRATIONS_DIR

    GoalStore(findings_store).create(_goal(), KARI)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with findings_store._write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005-1")
    with findings_store.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert "goals" not in tables and "findings" in tables
    findings_store.migrate()
    assert GoalStore(findings_store).list(K) == []  # the table is back, empty
