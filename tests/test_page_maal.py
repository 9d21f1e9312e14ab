"""AppTest of «Mål og oppfølging»: for Brekkestad (7290) a veileder sets a goal for grunnskolepoeng at
Nedre Brekke skole and sees whether the change she wants can be shown in two years; the minimum
detectable change on the page is analysis.power's at the school's pupil numbers (computed here
independently from the school's published figures); a goal with earlier baseline years shows the
follow-up; the plan can be made for download."""

from __future__ import annotations

import uuid

import numpy as np
import pytest

import data
from analysis import power
from analysis.intervals import pooled_window
from analysis.window import last_school_years
from data.findings import Author, get_store
from data.findings.goal_store import GoalStore
from data.findings.goals import GoalIn
from data.schema import sorted_periods
from present.format import fmt_number
from tests.apptest import open_app

KOMMUNE = "7290"
KEY = "grunnskolepoeng||10"


@pytest.fixture(scope="module")
def school():
    """Nedre Brekke skole's id and its grunnskolepoeng over the last three school years, pooled
    (pupils and SD straight from the published rows, not through the page's code)."""
    df = data.load_dataset()
    sk = data.load_skoler()
    sid = str(sk.loc[sk["school_name"] == "Nedre Brekke skole", "school_id"].iloc[0])
    window = last_school_years(sorted_periods(df["period"].unique()))
    rows = df[(df["unit_id"] == sid) & (df["indicator"] == "grunnskolepoeng") & (df["kjonn"] == "alle")
              & df["period"].isin(window)]
    rows = rows[~rows["suppressed"]]
    n = rows["n"].to_numpy(float)
    m = rows["value"].to_numpy(float)
    mean = float((n * m).sum() / n.sum())
    pooled = pooled_window(rows.astype({c: str for c in ("level", "unit_id", "indicator", "subject", "kjonn",
                                                         "period")}), window)
    sd = float(pooled["sd_used"].iloc[0])
    return {"id": sid, "mean": mean, "n": float(n.sum()), "years": len(n), "sd": sd, "window": window}


def _clear_goals():
    goals = GoalStore(get_store())
    for g in goals.list(KOMMUNE):
        goals.delete(g.id, g.version, Author("Opprydding", "veileder"))
    return goals


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [s.value for s in at.success] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts)


def test_goal_at_nedre_brekke_shows_mdc_equal_to_analysis_power(school):
    goals = _clear_goals()
    at = open_app("maal", kommune=KOMMUNE)
    assert at.title[0].value == "Mål og oppfølging: Brekkestad"
    at.selectbox(key="maal_new_key").set_value(KEY).run()
    at.selectbox(key="maal_new_unit").set_value(school["id"]).run()
    wanted = round(school["mean"] + 3.0, 1)
    at.text_input(key="maal_new_target").set_value(fmt_number(wanted, 1)).run()
    assert not at.exception, [e.message for e in at.exception]
    per_year = school["n"] / school["years"]
    one = power.mdc_mean(school["sd"], school["n"], per_year)
    two = power.mdc_mean(school["sd"], school["n"], 2 * per_year)
    text = _texts(at)
    assert f"{fmt_number(one, 1)} poeng etter ett år og {fmt_number(two, 1)} poeng etter to år" in text
    change = wanted - school["mean"]
    if change >= two:
        assert "kan skilles fra tilfeldig variasjon" in text
    else:
        assert "mindre enn det tallene kan skille fra tilfeldig variasjon på to år" in text
        assert "Bruk en større enhet" in text and "kvalitativt belegg" in text
    # Baseline with its interval, pupils over three school years.
    assert f"{fmt_number(school['n'], 0)} elever over {school['years']} skoleår" in text
    # Without a name nothing is saved; with one, the goal is in the database with the computed baseline.
    at.text_input(key="maal_author_name").set_value("")
    at.button(key="maal_new_save").click().run()
    assert any("navnet ditt" in w.value for w in at.warning) and goals.list(KOMMUNE) == []
    tiltak = f"Lesekurs og veiledning {uuid.uuid4().hex[:6]}"
    at.text_input(key="maal_author_name").set_value("Kari Veileder")
    at.text_area(key="maal_new_tiltak").set_value(tiltak)
    at.button(key="maal_new_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    saved = [g for g in goals.list(KOMMUNE) if g.tiltak == tiltak]
    assert len(saved) == 1
    g = saved[0]
    assert g.unit_id == school["id"] and g.target_value == pytest.approx(wanted)
    assert g.baseline_value == pytest.approx(school["mean"], abs=1e-9) and g.baseline_n == school["n"]
    assert g.baseline_periods == tuple(school["window"])
    assert any("Målet er lagret" in s.value for s in at.success)
    assert any("Nedre Brekke skole" in e.label for e in at.expander)


def test_goal_with_earlier_baseline_shows_follow_up_and_plan(school):
    goals = _clear_goals()
    periods = sorted_periods(data.load_dataset()["period"].unique())
    base = tuple(periods[-5:-2])
    goals.create(GoalIn(KOMMUNE, "grunnskolepoeng", 45.0, periods[-1], trinn=10, unit_level="skole",
                        unit_id=school["id"], baseline_periods=base, tiltak="Tiltak A", responsible="skole",
                        kompetansemiljo="Høgskolen", followup="Januar og juni"), Author("Kari", "veileder"))
    at = open_app("maal", kommune=KOMMUNE)
    text = _texts(at)
    assert "Endring fra utgangspunktet:" in text
    assert ("ikke sikker endring" in text) or ("sikker endring (" in text)
    assert "Gjenstår til målet" in text or "Målverdien er nådd" in text
    table = at.dataframe[0].value
    assert list(table.iloc[:, 0])[1:3] == list(periods[-2:])
    at.button(key="maal_make_plan").click().run()
    assert not at.exception, [e.message for e in at.exception]
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Last ned målene som CSV for Excel", "Last ned planen (PDF)",
                      "Last ned planen (Word)"]  # the plan files themselves: test_plan_export
    assert not at.error
    # History in Norwegian words, never the stored field names.
    hist = [m.value for m in at.markdown if "Opprettet" in m.value]
    assert hist and "målverdi" in hist[0] and "target_value" not in hist[0]


def test_statsforvalter_shows_goals_per_kommune(school):
    goals = _clear_goals()
    periods = sorted_periods(data.load_dataset()["period"].unique())
    goals.create(GoalIn(KOMMUNE, "grunnskolepoeng", 45.0, periods[-1], trinn=10, unit_level="skole",
                        unit_id=school["id"], baseline_periods=tuple(periods[-5:-2])), Author("Kari", "veileder"))
    at = open_app("statsforvalter", kommune=KOMMUNE)
    assert any(s.value == "Mål og oppfølging" for s in at.header)
    tab = at.dataframe[1].value
    row = tab[tab["Kommune"] == "Brekkestad (7290)"].iloc[0]
    assert "Nedre Brekke skole" in row["Mål"] and row["Endring"] in ("ikke sikker endring", "sikker endring (bedring)",
                                                                       "sikker endring (forverring)")
    assert "(" in row["Utgangspunkt"] and "," in row["Oppfølging"]
    assert len(tab) == 1  # the other kommuner of the fylke have no goals


def test_edit_is_saved_and_a_stale_edit_is_explained(school):
    goals = _clear_goals()
    periods = sorted_periods(data.load_dataset()["period"].unique())
    g = goals.create(GoalIn(KOMMUNE, "grunnskolepoeng", 44.0, "2027-28", trinn=10, unit_level="skole",
                            unit_id=school["id"], baseline_periods=tuple(periods[-3:]), tiltak="Første tiltak"),
                     Author("Kari", "veileder"))
    at = open_app("maal", kommune=KOMMUNE)
    prefix = f"maal_{g.id}"
    assert at.text_input(key=f"{prefix}_target").value == "44,0"  # Norwegian decimal comma in the form
    at.text_input(key="maal_author_name").set_value("Per Skoleeier")
    at.text_area(key=f"{prefix}_tiltak").set_value("Andre tiltak")
    at.button(key=f"{prefix}_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    g2 = goals.get(g.id)
    assert g2.tiltak == "Andre tiltak" and g2.version == 2 and g2.updated_by_name == "Per Skoleeier"
    # Someone else saves while this page is open: the save is refused and explained, nothing is overwritten.
    at2 = open_app("maal", kommune=KOMMUNE)
    goals.update(g.id, g2.version, {"target_value": 46.0}, Author("Annen", "skoleeier"))
    at2.text_input(key="maal_author_name").set_value("Per Skoleeier")
    at2.text_area(key=f"{prefix}_tiltak").set_value("Tredje tiltak")
    at2.button(key=f"{prefix}_save").click().run()
    assert any("Noen andre har endret målet" in w.value for w in at2.warning)
    g3 = goals.get(g.id)
    assert g3.tiltak == "Andre tiltak" and g3.target_value == 46.0


def test_uttrekk_setting_names_what_the_model_says():
    _clear_goals()
    at = open_app("maal", kommune=KOMMUNE)
    # Brekkestad is the demo's spread showcase: the reconstructed model draws it on spread.
    assert any("trekkes Brekkestad ut på spredning" in c.value for c in at.caption)
    periods = sorted_periods(data.load_dataset()["period"].unique())
    at.selectbox(key="maal_uttrekk_end").set_value(periods[2]).run()
    assert not at.exception
    # The window of the default baseline (the last three years) no longer overlaps: no warning.
    assert not any("regresjon mot gjennomsnittet" in w.value for w in at.warning)


def test_statsforvalter_follows_the_goals_of_every_kommune_of_her_fylke_and_no_other(school, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from data.access import Principal
    from tests.apptest import APP

    goals = _clear_goals()
    periods = sorted_periods(data.load_dataset()["period"].unique())
    kari = Author("Kari", "veileder")
    base = tuple(periods[-5:-2])
    made = [goals.create(GoalIn(KOMMUNE, "grunnskolepoeng", 45.0, periods[-1], trinn=10, unit_level="skole",
                                unit_id=school["id"], baseline_periods=base), kari),
            goals.create(GoalIn("7201", "grunnskolepoeng", 44.0, periods[-1], trinn=10, baseline_periods=base), kari),
            goals.create(GoalIn("7101", "grunnskolepoeng", 43.0, periods[-1], trinn=10, baseline_periods=base), kari)]
    try:
        monkeypatch.setenv("UTFORDRINGSBILDE_TESTING", "1")
        for params in ({"utvalg": "fylke", "fylke": "72"}, {"utvalg": "list", "kommuner": "7101,7201,7290"}):
            at = AppTest.from_file(APP, default_timeout=180)
            at.session_state["_test_principal"] = Principal("sf", "Stine", "statsforvalter", fylke="72")
            at.query_params["kommune"] = KOMMUNE
            for k, v in params.items():
                at.query_params[k] = v
            at.run()
            at.switch_page("pages/statsforvalter.py").run()
            assert not at.exception, [e.message for e in at.exception]
            tab = next(d.value for d in at.dataframe if "Mål" in d.value.columns)
            assert sorted(tab["Kommune"]) == ["Brekkestad (7290)", "Heirud (7201)"]  # not 7101 of fylke 71
            assert all(v not in ("", "nan", "None") for v in tab.astype(str).to_numpy().ravel())
            heirud = tab[tab["Kommune"] == "Heirud (7201)"].iloc[0]
            assert "Heirud" in heirud["Mål"] and "(" in heirud["Utgangspunkt"]
    finally:
        for g in made:
            goals.delete(g.id, goals.get(g.id).version, kari)


def test_skoleleder_sets_goals_for_their_own_school_only(school, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from data.access import Principal
    from present.strings import t
    from tests.apptest import APP

    goals = _clear_goals()
    monkeypatch.setenv("UTFORDRINGSBILDE_TESTING", "1")
    leder = Principal("s-l", "Leif Leder", "skoleleder", kommuner=(KOMMUNE,), school=school["id"])
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["_test_principal"] = leder
    at.query_params["kommune"] = KOMMUNE
    at.run()
    at.switch_page("pages/maal.py").run()
    assert any(t("maal.skoleleder_scope") == i.value for i in at.info)
    at.selectbox(key="maal_new_key").set_value(KEY).run()
    at.text_input(key="maal_new_target").set_value("45,0").run()
    at.button(key="maal_new_save").click().run()  # the kommune as the unit: refused, explained, not saved
    assert not at.exception and any(t("auth.denied") == e.value for e in at.error) and goals.list(KOMMUNE) == []
    at.selectbox(key="maal_new_unit").set_value(school["id"]).run()
    at.button(key="maal_new_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    saved = goals.list(KOMMUNE)
    assert [(g.unit_id, g.author_name, g.author_role) for g in saved] == [(school["id"], "Leif Leder", "skoleleder")]
    goals.delete(saved[0].id, saved[0].version, Author("Opprydding", "veileder"))
