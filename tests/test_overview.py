"""benchmark_comparison: the one "unit against the nation over a window" used by Oversikt, Statsforvalter
and the report; its merger policy, and agreement with the pooling and comparison it is built from."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.compare import compare_to_benchmark
from analysis import selection
from analysis.intervals import pooled_window
from analysis.overview import benchmark_comparison
from tests.rows import canonical_row

KEY = ("grunnskolepoeng", "", 10)
YEARS = ["2019-20", "2020-21", "2021-22"]


def _row(level, unit_id, period, value, n, suppressed=False, kommune_id=None, sd=8.0):
    return canonical_row(level=level, unit_id=unit_id, unit_name=f"Enhet {unit_id}", kommune_id=kommune_id or unit_id,
                         indicator=KEY[0], subject=KEY[1], trinn=KEY[2], period=period,
                         value=np.nan if suppressed else value, n=np.nan if suppressed else n,
                         sd=np.nan if suppressed else sd, suppressed=suppressed, marker="*" if suppressed else "",
                         unit_of_measure="poeng")


def _frame(old_b_suppressed: bool = False) -> pd.DataFrame:
    """Kommune 9000 formed in 2020-21 from 9001 and 9002; the nation every year; two schools."""
    rows = [_row("nasjonalt", "0", p, 42.0, 60_000, kommune_id="") for p in YEARS]
    rows += [_row("kommune", "9001", "2019-20", 38.0, 40), _row("kommune", "9002", "2019-20", 41.0, 30,
                                                                  suppressed=old_b_suppressed)]
    rows += [_row("kommune", "9000", "2020-21", 39.0, 75), _row("kommune", "9000", "2021-22", 40.0, 72)]
    rows += [_row("skole", "s1", p, 37.0 + i, 40, kommune_id="9001" if p == "2019-20" else "9000")
             for i, p in enumerate(YEARS)]
    rows += [_row("skole", "s2", "2021-22", 44.0, 32, kommune_id="9000")]
    return pd.DataFrame(rows)


LINEAGE = {"9000": ["9000", "9001", "9002"]}


def test_merged_kommune_one_row_per_year_predecessors_combined():
    out = benchmark_comparison(_frame(), LINEAGE, YEARS, (KEY,), by_year=True)
    assert list(out["period"]) == YEARS and set(out["unit_id"]) == {"9000"}
    first = out.iloc[0]
    assert first["n"] == 70 and first["estimate"] == pytest.approx((40 * 38 + 30 * 41) / 70)


def test_suppressed_predecessor_makes_the_combined_year_suppressed():
    """A figure derived from a suppressed one is suppressed: the merged year is left out of the pool."""
    yearly = benchmark_comparison(_frame(old_b_suppressed=True), LINEAGE, YEARS, (KEY,), by_year=True)
    assert bool(yearly.iloc[0]["suppressed"]) and str(yearly.iloc[0]["classification"]) == "ingen_data"
    pooled = benchmark_comparison(_frame(old_b_suppressed=True), LINEAGE, YEARS, (KEY,))
    assert len(pooled) == 1 and pooled.iloc[0]["n"] == 75 + 72


def test_same_merger_policy_as_the_exploration_pages():
    """Pooled result = selection.kommune_series (Utvikling/Skoler) pooled by pooled_window, then MOVER."""
    df = _frame()
    got = benchmark_comparison(df, LINEAGE, YEARS, (KEY,)).iloc[0]
    sl = selection.slice_indicator(df, *KEY)
    series = selection.kommune_series(sl, "9000", LINEAGE["9000"]).drop(columns="combined_from")
    ref = pooled_window(pd.concat([series, sl[sl["level"] == "nasjonalt"]], ignore_index=True), YEARS,
                        by=["level", "unit_id", "indicator", "subject", "trinn", "kjonn"])
    nat = ref[ref["level"] == "nasjonalt"].iloc[0]
    mine = ref[ref["level"] == "kommune"].iloc[[0]].assign(nat=nat["estimate"], nat_se=nat["se"])
    assert got["n"] == mine["n"].iloc[0] == 70 + 75 + 72
    assert got["estimate"] == pytest.approx(mine["estimate"].iloc[0])
    assert got["upper"] == pytest.approx(mine["upper"].iloc[0])
    ref_cls = compare_to_benchmark(mine, benchmark_value_col="nat", benchmark_se_col="nat_se")
    assert got["diff_lower"] == pytest.approx(ref_cls["diff_lower"].iloc[0])
    assert str(got["classification"]) == str(ref_cls["classification"].iloc[0]) == "svakere"


def test_schools_of_every_number_in_the_lineage_under_their_latest_name():
    df = _frame()
    df.loc[(df["unit_id"] == "s1") & (df["period"] == "2021-22"), "unit_name"] = "Nytt navn"
    out = benchmark_comparison(df, LINEAGE, YEARS, (KEY,), level="skole")
    assert list(out["unit_id"]) == ["s2", "s1"]  # sorted by name: «Enhet s2» < «Nytt navn»
    s1 = out[out["unit_id"] == "s1"].iloc[0]
    assert s1["unit_name"] == "Nytt navn" and s1["n"] == 120
    only = benchmark_comparison(df, LINEAGE, YEARS, (KEY,), level="skole", school_ids=["s2"])
    assert list(only["unit_id"]) == ["s2"]


def test_no_rows_gives_an_empty_frame():
    assert benchmark_comparison(_frame(), {"1234": ["1234"]}, YEARS, (KEY,)).empty
