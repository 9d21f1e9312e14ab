"""Tests of analysis/uttrekk.py: hand-built frames with answers worked out by hand, plus the demo showcases."""

from __future__ import annotations

import math
import time

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.proportion import proportion_confint
from scipy import stats

from analysis import uttrekk as u
from data.schema import validate

GSP = ("grunnskolepoeng", "", 10)
M1 = ("np_mestring_1", "lesing", 5)
PERIODS = ["2022-23", "2023-24", "2024-25", "2025-26"]


def _row(level, unit_id, kommune_id, indicator, subject, trinn, period, value, n=None, sd=None, name=None):
    supp = value is None
    return {
        "level": level, "unit_id": unit_id, "unit_name": name or unit_id, "kommune_id": kommune_id,
        "fylke_id": "99" if level != "nasjonalt" else "", "indicator": indicator, "subject": subject,
        "trinn": trinn, "kjonn": "alle", "period": period, "value": np.nan if supp else value,
        "n": np.nan if supp else n, "sd": np.nan if sd is None or supp else sd, "suppressed": supp,
        "marker": "*" if supp else "", "unit_of_measure": "x", "source": "test",
    }


def _frame(rows):
    return validate(pd.DataFrame(rows))


def _small():
    """Nation, kommune K1 (schools A weak, B good), kommune K2 (school C), 4 years, two indicators.

    National: grunnskolepoeng 42 every year, mestring 1 (lesing 5) 20 % every year.
    Params: absolute offsets 3 points / 10 pp, so absolute limits 39 and 30.
    """
    rows = []
    for p in PERIODS:
        rows.append(_row("nasjonalt", "0", "", *GSP, p, 42.0, 40000))
        rows.append(_row("nasjonalt", "0", "", *M1, p, 20.0, 40000))
    # 2022-23 is outside the three-year window and must never count.
    vals = {
        # unit: (level, kommune, {period: (gsp, m1)})
        "A": ("skole", "K1", {"2022-23": (30.0, 60.0), "2023-24": (38.0, 25.0), "2024-25": (41.0, 35.0),
                                "2025-26": (None, 19.0)}),
        "B": ("skole", "K1", {"2022-23": (45.0, 10.0), "2023-24": (44.0, 10.0), "2024-25": (45.0, 15.0),
                                "2025-26": (46.0, 10.0)}),
        "C": ("skole", "K2", {"2022-23": (40.0, 22.0), "2023-24": (41.5, 22.0), "2024-25": (43.0, 18.0),
                                "2025-26": (42.0, 21.0)}),
        "K1": ("kommune", "K1", {"2022-23": (40.0, 30.0), "2023-24": (41.0, 18.0), "2024-25": (43.0, 25.0),
                                   "2025-26": (44.0, 14.0)}),
        "K2": ("kommune", "K2", {"2022-23": (40.0, 22.0), "2023-24": (41.5, 22.0), "2024-25": (43.0, 18.0),
                                   "2025-26": (42.0, 21.0)}),
    }
    for unit, (level, kid, years) in vals.items():
        for p, (g, m) in years.items():
            rows.append(_row(level, unit, kid, *GSP, p, g, 20 if level == "skole" else 60, sd=8.0))
            rows.append(_row(level, unit, kid, *M1, p, m, 20 if level == "skole" else 60))
    return _frame(rows)


PARAMS = u.UttrekkParams(
    indicators=(GSP, M1),
    absolute_offsets=((("grunnskolepoeng", None), 3.0), (("np_mestring_1", None), 10.0)),
    min_possible_school=3, min_possible_kommune=3, n_level=1, n_spread=1, spread_cutoff=50.0,
)


def test_window_is_last_three_years():
    df = _small()
    assert u.window_periods(df, PARAMS) == ["2023-24", "2024-25", "2025-26"]
    assert u.window_periods(df, u.UttrekkParams(end_period="2024-25")) == ["2022-23", "2023-24", "2024-25"]


def test_risk_points_by_hand():
    obs = u.risk_points(_small(), PARAMS)
    a = obs[obs["unit_id"] == "A"].set_index(["indicator", "period"])
    # gsp 38 < 39 (absolute) -> 3 × weight 3 = 9; 41 < 42 -> 1 × 3 = 3; suppressed -> not counted.
    assert a.loc[("grunnskolepoeng", "2023-24"), "points"] == 9
    assert a.loc[("grunnskolepoeng", "2024-25"), "points"] == 3
    assert a.loc[("grunnskolepoeng", "2025-26"), "possible"] == 0
    assert not a.loc[("grunnskolepoeng", "2025-26"), "counted"]
    # mestring 1: lower is better. 25 > 20 -> 1; 35 > 30 -> 3; 19 -> 0.
    assert list(a.loc["np_mestring_1", "raw_points"]) == [1, 3, 0]
    # The year outside the window is absent.
    assert "2022-23" not in set(obs["period"])
    # Possible points: 3 per figure × weight.
    assert a["possible"].sum() == 9 + 9 + 0 + 3 * 3
    b = obs[obs["unit_id"] == "B"]
    assert b["points"].sum() == 0


def test_shares_rank_spread_by_hand():
    r = u.compute(_small(), PARAMS)
    s = r.schools.set_index("school_id")
    # A: points 9+3 (gsp) + 1+3 (m1) = 16 of 18+9 = 27 possible.
    assert s.loc["A", "share"] == pytest.approx(100 * 16 / 27)
    assert s.loc["B", "share"] == 0
    # C: gsp 41.5 < 42 -> 3; 43, 42 -> 0 ; m1 22 > 20 -> 1; 18, 21 -> 0, 1  => 3 + 2 = 5 of 27+9=36
    assert s.loc["C", "share"] == pytest.approx(100 * 5 / 36)
    # Top 25 % of 3 ranked schools = ceil(0.75) = 1 school: A.
    assert list(s.index[s["top"]]) == ["A"]
    k = r.kommuner.set_index("kommune_id")
    # K1: gsp 41 -> 3, 43, 44 -> 0 ; m1 18 -> 0, 25 -> 1, 14 -> 0 => 4 of 36.
    assert k.loc["K1", "share"] == pytest.approx(100 * 4 / 36)
    # K2 = C's figures: 5 of 36 -> rank 1, drawn on level (n_level = 1).
    assert k.loc["K2", "rank"] == 1 and k.loc["K1", "rank"] == 2
    assert bool(k.loc["K2", "drawn_level"]) and not bool(k.loc["K1", "drawn_level"])
    # Spread of K1 = 59.26 - 0 >= 50 and A is in the top group -> signal and drawn on spread.
    assert k.loc["K1", "spread"] == pytest.approx(100 * 16 / 27)
    assert bool(k.loc["K1", "spread_signal"]) and bool(k.loc["K1", "drawn_spread"])
    # K2 has one school: no spread.
    assert math.isnan(k.loc["K2", "spread"]) and not bool(k.loc["K2", "spread_signal"])


def test_spread_sd_and_suppressed_rule():
    df = _small()
    r = u.compute(df, u.UttrekkParams(**{**PARAMS.__dict__, "spread_statistic": "sd"}))
    k1 = r.kommuner.set_index("kommune_id").loc["K1"]
    assert k1["spread"] == pytest.approx(np.std([100 * 16 / 27, 0.0], ddof=1))
    # "possible_zero": A's suppressed gsp counts 9 possible points with 0 points.
    r2 = u.compute(df, u.UttrekkParams(**{**PARAMS.__dict__, "suppressed": "possible_zero"}))
    a = r2.schools.set_index("school_id").loc["A"]
    assert a["share"] == pytest.approx(100 * 16 / 36)


def test_reliability_against_statsmodels_and_scipy():
    """A school 0.3 below the national average with 12 pupils is not a reliable risk point."""
    rows = [
        _row("nasjonalt", "0", "", *GSP, "2025-26", 42.6, 40000),
        _row("nasjonalt", "0", "", *M1, "2025-26", 20.0, 40000),
        _row("skole", "S", "K", *GSP, "2025-26", 42.3, 12),
        _row("skole", "T", "K", *GSP, "2025-26", 36.0, 200),
        _row("skole", "S", "K", *M1, "2025-26", 50.0, 12),
        _row("skole", "T", "K", *M1, "2025-26", 40.0, 200),
        _row("kommune", "K", "K", *GSP, "2025-26", 38.0, 212),
        _row("kommune", "K", "K", *M1, "2025-26", 37.0, 212),
    ]
    params = u.UttrekkParams(indicators=(GSP, M1), window_years=1,
                             absolute_offsets=((("grunnskolepoeng", None), 3.0), (("np_mestring_1", None), 10.0)))
    obs = u.risk_points(_frame(rows), params)
    rel = u.point_reliability(obs).set_index(["unit_id", "indicator"])
    assert rel.loc[("S", "grunnskolepoeng"), "raw_points"] == 1
    assert rel.loc[("S", "grunnskolepoeng"), "reliability"] == "usikker"
    # T: 36 with n=200 and SD 8.5: t interval upper = 36 + t*8.5/sqrt(200) < 39.6 -> 3 sure points.
    upper = stats.t.interval(0.95, 199, loc=36.0, scale=8.5 / np.sqrt(200))[1]
    assert upper < 39.6
    assert rel.loc[("T", "grunnskolepoeng"), "reliability"] == "sikker"
    assert rel.loc[("T", "grunnskolepoeng"), "sure_points"] == 9
    # S mestring: 50 % of 12 (6 pupils); Wilson lower from statsmodels decides.
    lo, _ = proportion_confint(6, 12, method="wilson")
    expected = "sikker" if 100 * lo > 30 else ("delvis" if 100 * lo > 20 else "usikker")
    assert rel.loc[("S", "np_mestring_1"), "reliability"] == expected
    # T mestring: 80 of 200; Wilson lower > 30 -> sikker (3 points).
    lo_t, _ = proportion_confint(80, 200, method="wilson")
    assert 100 * lo_t > 30 and rel.loc[("T", "np_mestring_1"), "reliability"] == "sikker"
    summ = u.reliability_summary(obs[obs["unit_id"] == "S"])
    assert summ["sure_points"] < summ["points"]


def test_drivers_and_stability_by_hand():
    r = u.compute(_small(), PARAMS)
    a = r.obs[r.obs["unit_id"] == "A"]
    d = u.drivers(a)
    assert d.iloc[0]["indicator"] == "grunnskolepoeng" and d.iloc[0]["points"] == 12
    assert d["contribution"].sum() == pytest.approx(100)
    st = u.stability(a, r.periods)
    # gsp gives points both counted years; m1 only two of three -> consistency 1/2.
    assert st["consistency"] == pytest.approx(0.5)
    by = st["by_year"].set_index("period")
    assert by.loc["2023-24", "share"] == pytest.approx(100 * 10 / 12)
    assert by.loc["2025-26", "share"] == 0


def test_what_if_by_hand():
    r = u.compute(_small(), PARAMS)
    w = u.what_if(r, "K1", "A", "kommune")
    assert w.school_name == "A"
    # A at K1's level: gsp 41 -> 3 (2023-24), 43 -> 0; suppressed stays out; m1 18 -> 0, 25 -> 1, 14 -> 0.
    assert w.after["school_share"] == pytest.approx(100 * 4 / 27)
    # Kommune figure moves by n_A / n_K = 20/60 of the change: gsp 2023-24: 41 + 1/3 (41-38) = 42 -> 0 points.
    # gsp 2024-25: 43 + 1/3 (43-41) -> 0 ; m1 2023-24: 18 + 1/3 (18-25) = 15.67 -> 0; 2024-25: 25 + 1/3(25-35)
    # = 21.67 -> 1; 2025-26: 14 + 1/3 (14-19) -> 0.  => 1 of 36.
    assert w.after["share"] == pytest.approx(100 * 1 / 36)
    assert w.before["drawn_spread"] and not w.after["spread_signal"] and not w.after["drawn_spread"]
    assert w.selection_changes
    with pytest.raises(KeyError):
        u.what_if(r, "K1", "nope")


def test_empty_frame():
    r = u.compute(_small().iloc[0:0], PARAMS)
    assert r.kommuner.empty and r.notes


# --- the demo showcases -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_result(demo_figures):
    t0 = time.perf_counter()
    res = u.compute(demo_figures)
    res.elapsed = time.perf_counter() - t0
    return res


def test_demo_runs_fast_over_all_kommuner(demo_result):
    assert len(demo_result.kommuner) > 300 and len(demo_result.schools) > 2500
    assert demo_result.elapsed < 3.0


def test_demo_spread_showcase(demo_result):
    k = demo_result.kommune_row("7290")
    assert bool(k["spread_signal"]) and bool(k["drawn_spread"]) and not bool(k["drawn_level"])
    weak = u.weakest_school(demo_result, "7290")
    assert weak["school_name"] == "Nedre Brekke skole" and bool(weak["top"])
    w = u.what_if(demo_result, "7290", weak["school_id"], "kommune")
    assert w.school_name == "Nedre Brekke skole"
    assert not w.after["spread_signal"] and w.after["spread"] < w.before["spread"]


def test_demo_one_school_showcase(demo_result):
    k = demo_result.kommune_row("7190")
    assert k["n_schools"] == 1 and math.isnan(k["spread"])
    obs = demo_result.obs[(demo_result.obs["level"] == "kommune") & (demo_result.obs["unit_id"] == "7190")]
    s = u.reliability_summary(obs)
    # Most cells are suppressed, and most of the points that remain do not survive the interval.
    assert k["n_suppressed"] > k["n_counted"]
    assert s["n_usikker"] > s["n_sikker"] and s["sure_share"] < s["share"]


def test_kommuner_indicator_table_matches_overview(demo_figures):
    """The batch table agrees with the Oversikt page's pooled figures (analysis.overview) per kommune."""
    import data
    from analysis.overview import overview_pooled
    from analysis.window import last_school_years

    periods = last_school_years(demo_figures["period"].unique())
    ids = ["7290", "7190", "7390"]
    tab = u.kommuner_indicator_table(demo_figures, {k: data.kommune_lineage(k) for k in ids}, periods)
    for k in ids:
        fylke = data.load_kommuner().set_index("kommune_id").loc[k, "fylke_id"]
        ref = overview_pooled(demo_figures, data.kommune_lineage(k), fylke, periods)
        got = tab[tab["kommune_id"] == k].merge(ref, on=["indicator", "subject", "trinn"], suffixes=("", "_ref"))
        assert len(got) == len(ref) == 11
        np.testing.assert_allclose(got["estimate"], got["estimate_ref"], equal_nan=True)
        assert (got["classification"].astype(str) == got["classification_ref"].astype(str)).all()
