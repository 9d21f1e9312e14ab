"""Level over time (RE, statsmodels), ICC interval (Shrout–Fleiss, coverage), relative uncertainty, RTM."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.stats.meta_analysis import combine_effects

from analysis.persistence import (
    icc_interval,
    large_uncertainty,
    national_spread,
    persistent_level,
    regression_to_mean,
)


def test_level_matches_statsmodels_hksj():
    rng = np.random.default_rng(1)
    for _ in range(30):
        k = rng.integers(3, 8)
        se = rng.uniform(0.5, 2, k)
        y = rng.normal(50, 1.0, k) + rng.normal(0, se)
        ref = combine_effects(y, se ** 2, method_re="iterated", use_t=True)
        got = persistent_level(y, se, modified=False)
        assert got.estimate == pytest.approx(ref.mean_effect_re)
        assert (got.lower, got.upper) == pytest.approx(tuple(ref.conf_int(use_t=True)[3]), rel=1e-6)
        assert got.tau2 == pytest.approx(ref.tau2, rel=1e-5, abs=1e-8)
    assert np.isnan(persistent_level([1.0, 2.0], [0.1, 0.1]).estimate)


def test_steady_level_coverage_with_cohort_effects():
    """Three cohorts of a school, cohort SD 0,15 pupil SD: pooled interval vs random-effects interval."""
    rng = np.random.default_rng(2)
    sd, n, cohort = 10.0, 60, 1.5
    reps = 3000
    cover_re, cover_pooled = 0, 0
    for _ in range(reps):
        mu = 50.0
        y = mu + rng.normal(0, cohort, 3) + rng.normal(0, sd / np.sqrt(n), 3)
        se = np.full(3, sd / np.sqrt(n))
        lvl = persistent_level(y, se, modified=False)
        cover_re += lvl.lower <= mu <= lvl.upper
        pooled_se = sd / np.sqrt(3 * n)
        cover_pooled += abs(y.mean() - mu) <= 1.96 * pooled_se
    assert cover_re / reps >= 0.93
    assert cover_pooled / reps < 0.85  # the three-cohort interval is not an interval for the steady level


def test_icc_point_matches_shrout_fleiss_and_interval_contains_it():
    # Shrout & Fleiss (1979), Table 2: six targets rated by four judges; ICC(1,1) = 0,17.
    data = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]], float)
    icc, lo, hi = icc_interval(np.full(6, 4), data.mean(axis=1), data.var(axis=1, ddof=1))
    assert icc == pytest.approx(0.17, abs=0.005)
    assert lo <= icc <= hi


@pytest.mark.parametrize("sizes", ["balanced", "unbalanced"])
def test_icc_interval_coverage(sizes):
    rng = np.random.default_rng(3)
    rho, groups, reps = 0.1, 15, 1500
    sb, sw = np.sqrt(rho), np.sqrt(1 - rho)
    hits = 0
    for _ in range(reps):
        n = np.full(groups, 20) if sizes == "balanced" else rng.integers(5, 60, groups)
        means, varis = [], []
        for ni in n:
            x = rng.normal(rng.normal(0, sb), sw, ni)
            means.append(x.mean())
            varis.append(x.var(ddof=1))
        _, lo, hi = icc_interval(n, means, varis)
        hits += lo <= rho <= hi
    assert 0.93 <= hits / reps <= 0.975, hits / reps


def test_relative_large_uncertainty():
    rng = np.random.default_rng(4)
    true = rng.normal(10, 5, 400)
    se = rng.uniform(1, 4, 400)
    spread = national_spread(true + rng.normal(0, se), se)
    assert spread == pytest.approx(5, abs=0.6)
    # Mestringsnivå 1, 8. trinn, n = 15: Wilson interval 1,2–29,8 (half-width about 14) is «stor usikkerhet».
    assert large_uncertainty([14.3, 3.0], spread=6.0).tolist() == [True, False]
    assert large_uncertainty([14.3], spread=float("nan"), fallback=15.0).tolist() == [False]


def test_regression_to_the_mean_without_any_change():
    rng = np.random.default_rng(5)
    level = rng.normal(50, 8, 2000)
    first = level + rng.normal(0, 8, 2000)
    second = level + rng.normal(0, 8, 2000)
    drawn = first >= np.sort(first)[-100]
    r = regression_to_mean(first, second, drawn)
    assert r["drawn_second"] < r["drawn_first"]  # they «improve» with no intervention
    assert r["predicted_second"] == pytest.approx(r["drawn_second"], abs=1.5)
    assert r["slope"] == pytest.approx(0.5, abs=0.05)


def test_brekkestad_icc_interval_matches_the_issue(demo_figures):
    """Issue 12: Brekkestad, støtte fra lærer 7. trinn: ICC 0,064, 95 % CI about 0,013–0,41."""
    import pandas as pd

    from analysis import selection, spread

    sl = selection.slice_indicator(demo_figures, "eu_stotte_larer", "", 7, "alle")
    window = sorted(sl["period"].astype(str).unique())[-3:]
    kid = str(sl[(sl["level"] == "kommune") & sl["unit_name"].astype(str).str.contains("Brekkestad")]["unit_id"].iloc[0])
    comp = selection.school_comparison(sl, [kid], window)
    pooled = comp.rename(columns={"school_id": "unit_id", "school_name": "unit_name"}).assign(level="skole")
    r = spread.between_school_spread(pooled, by=["indicator", "subject", "trinn", "kjonn"]).iloc[0]
    assert isinstance(r, pd.Series)
    assert (r["icc"], r["icc_lower"], r["icc_upper"]) == pytest.approx((0.064, 0.013, 0.41), abs=0.002)


def test_relative_flag_on_school_rows():
    import pandas as pd

    from analysis.persistence import relative_large_uncertainty, school_spread_by_key

    rng = np.random.default_rng(8)
    k = 400
    n = rng.integers(10, 200, k).astype(float)
    p = np.clip(rng.normal(8, 4, k), 0.5, 60)
    x = rng.binomial(n.astype(int), p / 100)
    rows = pd.DataFrame({"level": "skole", "indicator": "np_mestring_1", "subject": "lesing", "trinn": 8,
                         "kjonn": "alle", "period": "2024-25", "value": 100 * x / n, "n": n, "sd": np.nan,
                         "suppressed": False})
    spreads = school_spread_by_key(rows)
    assert spreads[("np_mestring_1", "lesing", 8, "alle")] == pytest.approx(4, abs=0.8)
    frame = pd.DataFrame({"indicator": ["np_mestring_1"] * 2, "subject": ["lesing"] * 2, "trinn": [8, 8],
                          "kjonn": ["alle"] * 2, "lower": [1.2, 6.0], "upper": [29.8, 9.0]})
    # n = 15 at 8 %: interval 1,2–29,8 is «stor usikkerhet» (the absolute 15-point rule missed it).
    assert relative_large_uncertainty(frame, spreads).tolist() == [True, False]


def test_unit_levels_from_yearly_rows():
    import pandas as pd

    from analysis.persistence import unit_levels
    from tests.rows import canonical_row

    rows = [canonical_row(unit_id="A", period=p, value=v, n=60.0, sd=10.0)
            for p, v in (("2023-24", 48.0), ("2024-25", 52.0), ("2025-26", 50.0))]
    rows += [canonical_row(unit_id="B", period=p, value=v, n=60.0, sd=10.0) for p, v in (("2024-25", 40.0), ("2025-26", 41.0))]
    rows.append(canonical_row(unit_id="A", period="2022-23", value=np.nan, suppressed=True))
    lv = unit_levels(pd.DataFrame(rows)).set_index("unit_id")
    se = np.full(3, 10 / np.sqrt(60))
    ref = persistent_level(np.array([48.0, 52.0, 50.0]), se)
    assert lv.loc["A", "level_years"] == 3
    assert (lv.loc["A", "level_lower"], lv.loc["A", "level_upper"]) == pytest.approx((ref.lower, ref.upper), rel=1e-3)
    # Never narrower than the pooled three-cohort interval (modified HKSJ).
    assert ref.upper - ref.lower >= 2 * 1.96 * 10 / np.sqrt(180)
    assert lv.loc["B", "level_years"] == 2 and np.isnan(lv.loc["B", "level_lower"])


def test_school_comparison_with_the_spreads_given_is_the_same(demo_figures):
    """The page passes the national spread (the same for every kommune, cached once); the result is the same as
    when ``school_comparison`` computes it itself, and the flag really depends on it."""
    import pandas as pd

    from analysis import selection

    sl = selection.slice_indicator(demo_figures, "eu_stotte_larer", "", 7, "alle")
    window = sorted(sl["period"].astype(str).unique())[-3:]
    kid = str(sl[(sl["level"] == "kommune") & sl["unit_name"].astype(str).str.contains("Brekkestad")]["unit_id"].iloc[0])
    spreads = selection.national_school_spreads(sl, window)
    pd.testing.assert_frame_equal(selection.school_comparison(sl, [kid], window, spreads=spreads),
                                  selection.school_comparison(sl, [kid], window))
    tiny = selection.school_comparison(sl, [kid], window, spreads=spreads * 1e-3)  # every school then «stor»
    published = ~tiny["suppressed"].astype(bool)
    assert tiny.loc[published, "large_uncertainty"].all()
