"""analysis.selection.national_school_comparison and national_area_pooled (issue 16): every school against the rest
of its kommune, and every kommune, fylke and the nation pooled, computed once for the nation; a kommune's Skoler
comparison and reference lines taken from them, equal frame for frame to computing the kommune on its own
(``school_comparison``; ``pooled_units`` of ``kommune_series`` and ``benchmark_series``) on the demo data and on
Udir's real school export."""

from __future__ import annotations

import pandas as pd
import pytest

import data
from analysis import selection
from analysis.window import last_school_years


def _references_both_ways(sl: pd.DataFrame, window) -> int:
    """The reference lines of every kommune of the slice whose lineage is its own number, both ways."""
    national = selection.national_area_pooled(sl, window)
    kom = sl[sl["level"] == "kommune"].drop_duplicates("unit_id", keep="last")
    checked = 0
    for kid, name, fylke in zip(kom["unit_id"].astype(str), kom["unit_name"].astype(str), kom["fylke_id"].astype(str)):
        if [str(k) for k in data.kommune_lineage(kid)] != [kid]:
            continue
        own = selection.kommune_series(sl, kid, [kid], name=name + " (navn fra registeret)")
        bench = selection.benchmark_series(sl, fylke)
        expected = selection.pooled_units(pd.concat([own.drop(columns="combined_from"), bench], ignore_index=True),
                                          window)
        taken = selection.area_references(national, kid, name + " (navn fra registeret)", fylke)
        pd.testing.assert_frame_equal(taken, expected, check_exact=True)
        checked += 1
    return checked


def _both_ways(sl: pd.DataFrame, kommune_ids, window) -> tuple[int, int]:
    """Compare the two ways for each kommune; (equal, computed on their own because a school moved)."""
    spreads = selection.national_school_spreads(sl, window)
    national = selection.national_school_comparison(sl, window, spreads=spreads)
    equal = fallback = 0
    for kid in kommune_ids:
        lineage = data.kommune_lineage(kid)
        taken = selection.kommune_school_comparison(national, lineage)
        if taken is None:
            fallback += 1
            continue
        own = selection.school_comparison(sl, lineage, window, spreads=spreads)
        if own.empty:
            assert taken.empty
        else:
            pd.testing.assert_frame_equal(taken, own, check_exact=True)
        equal += 1
    return equal, fallback


@pytest.mark.parametrize("key", [("grunnskolepoeng", "", 10, "alle"), ("np_mestring_1", "lesing", 5, "alle")])
def test_demo_kommuner_equal_to_their_own_comparison(demo_figures, key):
    sl = selection.slice_indicator(demo_figures, *key)
    window = last_school_years(sl["period"].unique())
    kommuner = sorted(data.current_kommuner()["kommune_id"].astype(str))[::4]  # every fourth: ≈7 s a key
    equal, fallback = _both_ways(sl, kommuner, window)
    assert equal == len(kommuner) and fallback == 0


def test_demo_reference_lines_equal_to_pooling_each_kommune(demo_figures):
    sl = selection.slice_indicator(demo_figures, "np_mestring_1", "lesing", 5, "alle")
    window = last_school_years(sl["period"].unique())
    assert _references_both_ways(sl, window) > 300


def test_real_school_export_equal_for_every_kommune(realdata, data_folder):
    """Udir's grunnskolepoeng per school 2015–2021 (real kommune numbers, the 2020 reform inside the window:
    Skien 0806 → 3807, Halden's 2018-19 under both 0101 and 3001)."""
    from data.importers import import_files, save_import

    path = realdata / "udir-grunnskolepoeng-skoler-2015-2021" / "Grunnskolepoeng_Udir.xlsx"
    res = import_files([(path.name, path.read_bytes())])
    assert res.ok, res.errors
    save_import(res, "replace")
    figures = data.load_dataset()
    sl = selection.slice_indicator(figures, "grunnskolepoeng", "", 10, "alle")
    window = last_school_years(sl["period"].unique())
    kommuner = sorted(sl.loc[(sl["level"] == "skole") & sl["period"].isin(window), "kommune_id"].astype(str).unique())
    assert len(kommuner) > 300
    equal, fallback = _both_ways(sl, kommuner, window)
    assert equal + fallback == len(kommuner) and equal > 300
    assert _references_both_ways(sl, window) > 300


def _rows(school_years: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Canonical rows: kommune figures of 7001 and 7002 and school figures (school, kommune, period)."""
    from data.schema import validate

    base = {"indicator": "grunnskolepoeng", "subject": "", "trinn": 10, "kjonn": "alle", "fylke_id": "70",
            "unit_of_measure": "poeng", "source": "test", "suppressed": False, "marker": "", "sd": float("nan")}
    rows = []
    for period in ("2022-23", "2023-24", "2024-25"):
        for kid in ("7001", "7002"):
            rows.append({**base, "level": "kommune", "unit_id": kid, "unit_name": f"K{kid}", "kommune_id": kid,
                         "kommune_name": f"K{kid}", "period": period, "value": 40.0, "n": 200.0})
    for school, kid, period in school_years:
        rows.append({**base, "level": "skole", "unit_id": school, "unit_name": f"Skole {school}", "kommune_id": kid,
                     "kommune_name": f"K{kid}", "period": period, "value": 42.0, "n": 40.0})
    return validate(pd.DataFrame(rows))


def test_a_school_that_moved_kommune_in_the_window_is_computed_per_kommune():
    """A school whose rows lie in two unrelated kommuner inside the window: the national row pools both, so
    neither kommune may take it; each kommune is then computed on its own (ui.exploration_data.schools)."""
    window = ["2022-23", "2023-24", "2024-25"]
    sl = _rows([("S1", "7001", "2022-23"), ("S1", "7002", "2023-24"), ("S1", "7002", "2024-25"),
                ("S2", "7001", "2022-23"), ("S2", "7001", "2023-24"), ("S2", "7001", "2024-25")])
    national = selection.national_school_comparison(sl, window)
    assert selection.kommune_school_comparison(national, ["7001"]) is None
    assert selection.kommune_school_comparison(national, ["7002"]) is None
    # A lineage that holds both numbers (a merger) takes both schools, as its own computation does.
    merged = selection.kommune_school_comparison(national, ["7001", "7002"])
    pd.testing.assert_frame_equal(merged, selection.school_comparison(sl, ["7001", "7002"], window))
    own = selection.school_comparison(sl, ["7002"], window).set_index("school_id")
    assert own.loc["S1", "n"] == 80  # only the two years in 7002
    assert national.table.set_index("school_id").loc["S1", "n"] == 120


def test_a_kommune_without_schools_gets_the_empty_table():
    window = ["2022-23", "2023-24", "2024-25"]
    sl = _rows([("S2", "7001", p) for p in window])
    national = selection.national_school_comparison(sl, window)
    taken = selection.kommune_school_comparison(national, ["7002"])
    own = selection.school_comparison(sl, ["7002"], window)
    assert taken.empty and list(taken.columns) == list(own.columns)
