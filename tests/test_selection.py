"""Data selection for the pages: slices, kommune series across mergers, schools, all kommuner."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import data
from analysis import selection
from analysis.window import last_school_years
from data.demo import SHOWCASE_MERGER, SHOWCASE_MERGER_OLD, SHOWCASE_ONE_SCHOOL, SHOWCASE_SPREAD


@pytest.fixture(scope="module")
def gsp(demo_figures) -> pd.DataFrame:
    return selection.slice_indicator(demo_figures, "grunnskolepoeng", "", 10, "alle")


def test_slice_indicator_equals_a_direct_filter(demo_figures):
    sl = selection.slice_indicator(demo_figures, "np_mestring_1", "lesing", 5)
    d = demo_figures
    ref = d[(d["indicator"] == "np_mestring_1") & (d["subject"] == "lesing") & (d["trinn"] == 5) & (d["kjonn"] == "alle")]
    assert len(sl) == len(ref) > 1000
    assert set(sl["indicator"]) == {"np_mestring_1"} and set(sl["trinn"]) == {5}
    np.testing.assert_allclose(np.sort(sl["value"].dropna()), np.sort(ref["value"].dropna()))
    assert sl["suppressed"].sum() == ref["suppressed"].sum()
    # Text columns are plain str (safe to concat), missing text as ''.
    assert sl["unit_id"].map(type).eq(str).all()
    assert (sl.loc[sl["level"] == "nasjonalt", "kommune_id"] == "").all()


def test_kjonn_slice(demo_figures):
    girls = selection.slice_indicator(demo_figures, "grunnskolepoeng", "", 10, "jenter")
    assert set(girls["kjonn"]) == {"jenter"} and len(girls) > 1000


def test_merged_kommune_series_combines_predecessors(gsp):
    lineage = data.kommune_lineage(SHOWCASE_MERGER)
    assert set(lineage) == {SHOWCASE_MERGER, *SHOWCASE_MERGER_OLD}
    ser = selection.kommune_series(gsp, SHOWCASE_MERGER, lineage)
    assert len(ser) == 10 and ser["period"].is_unique
    assert list(ser["period"]) == sorted(ser["period"])
    assert (ser["unit_id"] == SHOWCASE_MERGER).all()
    old = gsp[(gsp["level"] == "kommune") & gsp["unit_id"].isin(SHOWCASE_MERGER_OLD) & (gsp["period"] == "2017-18")]
    row = ser[ser["period"] == "2017-18"].iloc[0]
    assert row["n"] == old["n"].sum()
    assert row["value"] == pytest.approx(np.average(old["value"], weights=old["n"]))
    assert row["combined_from"] == "+".join(sorted(SHOWCASE_MERGER_OLD))
    own = ser[ser["period"] == "2022-23"].iloc[0]
    assert own["combined_from"] == "" and own["unit_name"] == "Fjordbygd"


def test_combine_units_pooled_sd_matches_pupil_level_data():
    rng = np.random.default_rng(0)
    a, b = rng.normal(3.9, 0.8, 37), rng.normal(4.3, 0.7, 52)
    rows = pd.DataFrame(
        {
            "level": "kommune", "unit_id": ["1", "2"], "unit_name": ["A", "B"], "kommune_id": ["1", "2"],
            "fylke_id": "9", "indicator": "eu_trivsel", "subject": "", "trinn": 7, "kjonn": "alle",
            "period": "2024-25", "value": [a.mean(), b.mean()], "n": [37.0, 52.0],
            "sd": [a.std(ddof=1), b.std(ddof=1)], "suppressed": False, "marker": "",
            "unit_of_measure": "indeks 1-5", "source": "test",
        }
    )
    out = selection.combine_units(rows, "3", "C")
    both = np.concatenate([a, b])
    assert out["value"].iloc[0] == pytest.approx(both.mean())
    assert out["sd"].iloc[0] == pytest.approx(both.std(ddof=1))
    assert out["n"].iloc[0] == 89 and out["unit_id"].iloc[0] == "3"
    # A figure derived from a suppressed figure is suppressed as well.
    rows.loc[1, ["value", "n", "sd"]] = np.nan
    rows.loc[1, ["suppressed", "marker"]] = [True, "*"]
    out = selection.combine_units(rows, "3", "C")
    assert bool(out["suppressed"].iloc[0]) and np.isnan(out["value"].iloc[0]) and out["marker"].iloc[0] == "*"


def test_benchmark_series(gsp):
    b = selection.benchmark_series(gsp, "72")
    assert set(b["level"]) == {"fylke", "nasjonalt"}
    assert len(b) == 20 and set(b.loc[b["level"] == "fylke", "unit_id"]) == {"72"}


def test_school_rows_of_the_spread_kommune(gsp):
    window = last_school_years(gsp["period"].unique())
    assert window == ["2023-24", "2024-25", "2025-26"]
    rows = selection.school_rows(gsp, [SHOWCASE_SPREAD], window)
    names = set(rows["unit_name"])
    assert "Nedre Brekke skole" in names
    # Schools offering 10. trinn: Brekkestad ungdomsskole, Lerkeli skole, Nedre Brekke skole.
    assert len(names) == 3 and len(rows) == 9
    skoler = data.load_skoler()
    assert names <= set(skoler.loc[skoler["kommune_id"] == SHOWCASE_SPREAD, "school_name"])


def test_school_rows_keep_suppressed_years(demo_figures):
    sl = selection.slice_indicator(demo_figures, "np_mestring_1", "lesing", 5)
    rows = selection.school_rows(sl, [SHOWCASE_ONE_SCHOOL])
    assert len(rows) == 10 and rows["suppressed"].any()
    assert rows.loc[rows["suppressed"], "value"].isna().all()


def test_all_kommuner_maps_predecessors_to_current(gsp):
    reg = data.load_kommuner()
    out = selection.all_kommuner(gsp, reg)
    assert not set(SHOWCASE_MERGER_OLD) & set(out["unit_id"])
    assert (out["unit_id"] == SHOWCASE_MERGER).sum() == 10
    assert out.groupby("unit_id")["period"].apply(lambda s: s.is_unique).all()
    assert out["unit_id"].nunique() == reg["successor_id"].isna().sum()
    window = last_school_years(gsp["period"].unique())
    assert set(selection.all_kommuner(gsp, reg, window)["period"]) == set(window)


def test_successor_map_follows_chains():
    reg = pd.DataFrame({"kommune_id": ["1", "2", "3", "4"], "successor_id": ["2", "3", None, None]})
    assert selection.successor_map(reg) == {"1": "3", "2": "3"}


def test_last_school_years_with_end():
    ps = ["2018-19", "2016-17", "2017-18", "2019-20"]
    assert last_school_years(ps, 2, end="2018-19") == ["2017-18", "2018-19"]
    assert last_school_years(ps) == ["2017-18", "2018-19", "2019-20"]


def test_last_school_years_counts_school_years_not_rows():
    """A school year missing from the data stays missing: the window does not reach further back."""
    ps = ["2016-17", "2017-18", "2019-20", "2020-21"]  # no 2018-19
    assert last_school_years(ps) == ["2019-20", "2020-21"]
    assert last_school_years(ps, 4) == ["2017-18", "2019-20", "2020-21"]
    assert last_school_years(ps, 0) == [] and last_school_years([], 3) == []


def test_indicator_options_for_kommune(demo_figures):
    opts = selection.indicator_options(demo_figures, data.kommune_lineage(SHOWCASE_SPREAD))
    assert {"grunnskolepoeng", "np_mestring_1", "eu_mobbing"} <= set(opts["indicator"])
    assert {"alle", "jenter", "gutter"} == set(opts.loc[opts["indicator"] == "grunnskolepoeng", "kjonn"])
