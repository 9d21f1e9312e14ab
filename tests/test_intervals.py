"""Intervals: elementary functions against statsmodels/scipy, add_intervals, pooled_window, speed."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from analysis.intervals import (
    REASON_N_TOO_SMALL,
    REASON_N_UNKNOWN,
    REASON_SUPPRESSED,
    add_intervals,
    clopper_pearson_interval,
    mean_interval,
    pooled_window,
    wilson_interval,
)
from data.catalogue import INDICATORS
from tests.rows import canonical_row


def _grid(max_n: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    n = np.repeat(np.arange(1, max_n + 1), np.arange(2, max_n + 2))
    x = np.concatenate([np.arange(k + 1) for k in range(1, max_n + 1)])
    return x, n


def test_wilson_matches_statsmodels_on_full_grid():
    x, n = _grid()
    lo, hi = wilson_interval(x, n)
    ref_lo, ref_hi = proportion_confint(x, n, alpha=0.05, method="wilson")
    np.testing.assert_allclose(lo, ref_lo, atol=1e-9, rtol=0)
    np.testing.assert_allclose(hi, ref_hi, atol=1e-9, rtol=0)
    # Counts 0 and n are in the grid and give the closed ends.
    assert np.all(lo[x == 0] <= 1e-12) and np.all(hi[x == n] >= 1 - 1e-12)


@pytest.mark.parametrize("conf", [0.8, 0.95, 0.998])
def test_wilson_and_clopper_pearson_other_levels(conf):
    x, n = _grid(200)
    for method, fn in (("wilson", wilson_interval), ("beta", clopper_pearson_interval)):
        lo, hi = fn(x, n, conf)
        ref_lo, ref_hi = proportion_confint(x, n, alpha=1 - conf, method=method)
        np.testing.assert_allclose(lo, ref_lo, atol=1e-9, rtol=0)
        np.testing.assert_allclose(hi, ref_hi, atol=1e-9, rtol=0)


def test_clopper_pearson_matches_statsmodels_on_full_grid():
    x, n = _grid()
    lo, hi = clopper_pearson_interval(x, n)
    ref_lo, ref_hi = proportion_confint(x, n, alpha=0.05, method="beta")
    np.testing.assert_allclose(lo, ref_lo, atol=1e-9, rtol=0)
    np.testing.assert_allclose(hi, ref_hi, atol=1e-9, rtol=0)
    assert np.all(lo[x == 0] == 0) and np.all(hi[x == n] == 1)


def test_invalid_n_gives_nan():
    lo, hi = wilson_interval([0, 1], [0, np.nan])
    assert np.isnan(lo).all() and np.isnan(hi).all()
    lo, hi = clopper_pearson_interval([0, 1], [0, np.nan])
    assert np.isnan(lo).all() and np.isnan(hi).all()


def test_t_interval_matches_scipy():
    rng = np.random.default_rng(1)
    n = rng.integers(2, 2000, 500)
    m = rng.normal(50, 10, 500)
    s = rng.uniform(0.1, 15, 500)
    lo, hi = mean_interval(m, s, n)
    ref_lo, ref_hi = stats.t.interval(0.95, n - 1, loc=m, scale=s / np.sqrt(n))
    np.testing.assert_allclose(lo, ref_lo, atol=1e-9, rtol=0)
    np.testing.assert_allclose(hi, ref_hi, atol=1e-9, rtol=0)
    lo, hi = mean_interval([50.0], [10.0], [1])
    assert np.isnan(lo[0]) and np.isnan(hi[0])


def _row(**kw) -> dict:
    return canonical_row(**{"indicator": "np_mestring_1", "unit_of_measure": "prosent", **kw})


def test_add_intervals_rows_by_hand():
    df = pd.DataFrame([
        _row(indicator="np_mestring_1", value=20.0, n=25),
        _row(indicator="np_skalapoeng", value=48.0, n=30),
        _row(indicator="eu_stotte_larer", value=4.1, n=40, sd=0.6, trinn=7, subject=""),
        _row(indicator="eu_stotte_larer", value=4.1, n=40, trinn=10, subject=""),
        _row(indicator="np_mestring_1", suppressed=True, marker="*", period="2022-23"),
        _row(indicator="np_skalapoeng", value=48.0, n=np.nan, period="2022-23"),
        _row(indicator="np_skalapoeng", value=48.0, n=1, period="2021-22"),
        _row(indicator="eu_mobbing", value=0.0, n=40, subject="", trinn=7),
    ])
    out = add_intervals(df)
    # Share: 5 of 25 pupils, Wilson, percent.
    lo, hi = proportion_confint(5, 25, method="wilson")
    assert out.loc[0, "lower"] == pytest.approx(100 * lo, abs=1e-9)
    assert out.loc[0, "upper"] == pytest.approx(100 * hi, abs=1e-9)
    assert out.loc[0, "ci_method"] == "95 % Wilson-intervall"
    assert out.loc[0, "sd_source"] == ""
    assert out.loc[0, "se"] == pytest.approx(100 * (hi - lo) / (2 * stats.norm.isf(0.025)))
    assert bool(out.loc[0, "large_uncertainty"]) == (out.loc[0, "halfwidth"] > 15.0)
    # Mean without SD: national standard SD 10.
    lo, hi = stats.t.interval(0.95, 29, loc=48, scale=10 / np.sqrt(30))
    assert (out.loc[1, "lower"], out.loc[1, "upper"]) == pytest.approx((lo, hi), abs=1e-9)
    assert out.loc[1, "ci_method"] == "95 % t-intervall (SD = 10, nasjonal standard for skalapoeng)"
    assert out.loc[1, "sd_source"] == "standard" and out.loc[1, "sd_used"] == 10
    # Mean with the source's SD.
    lo, hi = stats.t.interval(0.95, 39, loc=4.1, scale=0.6 / np.sqrt(40))
    assert (out.loc[2, "lower"], out.loc[2, "upper"]) == pytest.approx((lo, hi), abs=1e-9)
    assert out.loc[2, "ci_method"] == "95 % t-intervall (elevnivå-SD fra kilden)"
    assert out.loc[2, "sd_source"] == "kilde" and out.loc[2, "se"] == pytest.approx(0.6 / np.sqrt(40))
    assert out.loc[3, "sd_used"] == INDICATORS["eu_stotte_larer"].default_sd
    assert "0,8" in out.loc[3, "ci_method"]
    # No interval: suppressed, n unknown, n < 2.
    assert out.loc[4, "no_interval_reason"] == REASON_SUPPRESSED and np.isnan(out.loc[4, "lower"])
    assert out.loc[5, "no_interval_reason"] == REASON_N_UNKNOWN and np.isnan(out.loc[5, "upper"])
    assert out.loc[6, "no_interval_reason"] == REASON_N_TOO_SMALL
    assert (out.loc[:3, "no_interval_reason"] == "").all()
    # 0 % has a proper upper limit and a non-zero SE.
    assert out.loc[7, "lower"] == 0 and out.loc[7, "upper"] > 5 and out.loc[7, "se"] > 0
    # The input is not modified.
    assert "lower" not in df.columns


def test_add_intervals_clopper_pearson_and_level():
    df = pd.DataFrame([_row(value=20.0, n=25)])
    out = add_intervals(df, conf=0.9, share_method="clopper_pearson")
    lo, hi = proportion_confint(5, 25, alpha=0.1, method="beta")
    assert (out.loc[0, "lower"], out.loc[0, "upper"]) == pytest.approx((100 * lo, 100 * hi))
    assert out.loc[0, "ci_method"].startswith("90 % Clopper-Pearson")
    with pytest.raises(ValueError):
        add_intervals(df, share_method="wald")


def test_add_intervals_speed_on_demo(demo_figures):
    add_intervals(demo_figures.head(1000))
    t0 = time.perf_counter()
    out = add_intervals(demo_figures)
    elapsed = time.perf_counter() - t0
    print(f"\nadd_intervals on {len(demo_figures):,} demo rows: {elapsed:.3f} s")
    assert elapsed < 2.0
    pub = ~out["suppressed"]
    assert out.loc[pub, "lower"].notna().all()
    assert (out.loc[pub, "lower"] <= out.loc[pub, "estimate"] + 1e-12).all()
    assert (out.loc[pub, "estimate"] <= out.loc[pub, "upper"] + 1e-12).all()
    assert out.loc[~pub, "lower"].isna().all()
    assert (out.loc[~pub, "no_interval_reason"] == REASON_SUPPRESSED).all()


# --- property tests ---------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 5000), frac=st.floats(0, 1), conf=st.floats(0.5, 0.999))
def test_wilson_contains_estimate_and_narrows(n, frac, conf):
    x = np.round(frac * n)
    lo, hi = wilson_interval(x, n, conf)
    p = x / n
    assert 0 <= lo <= p + 1e-12 and p - 1e-12 <= hi <= 1
    lo2, hi2 = wilson_interval(4 * x, 4 * n, conf)
    assert hi2 - lo2 < hi - lo
    clo, chi = clopper_pearson_interval(x, n, conf)
    assert 0 <= clo <= p <= chi <= 1


@settings(max_examples=200, deadline=None)
@given(n=st.integers(2, 5000), m=st.floats(1, 100), s=st.floats(0.01, 30))
def test_t_interval_contains_mean_and_narrows(n, m, s):
    lo, hi = mean_interval(m, s, n)
    assert lo < m < hi
    lo2, hi2 = mean_interval(m, s, n + 1)
    assert hi2 - lo2 < hi - lo


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(["np_mestring_1", "np_skalapoeng", "eu_mobbing", "eu_trivsel"]),
                  st.integers(0, 400), st.floats(0, 1), st.booleans()),
        min_size=1, max_size=30,
    )
)
def test_add_intervals_properties(rows):
    recs = []
    for i, (ind, n, frac, supp) in enumerate(rows):
        spec = INDICATORS[ind]
        if spec.kind == "share":
            value = round(100 * round(frac * n) / n, 1) if n else np.nan
        else:
            value = spec.value_min + frac * (spec.value_max - spec.value_min)
        recs.append(_row(indicator=ind, unit_id=str(i), value=np.nan if supp else value,
                         n=np.nan if supp else float(n), suppressed=supp))
    out = add_intervals(pd.DataFrame(recs))
    has = out["lower"].notna()
    # Suppressed in => suppressed out (no interval, no estimate).
    assert not (has & out["suppressed"]).any()
    assert out.loc[out["suppressed"], "estimate"].isna().all()
    assert (out.loc[has, "lower"] <= out.loc[has, "estimate"]).all()
    assert (out.loc[has, "estimate"] <= out.loc[has, "upper"]).all()
    assert (out.loc[has, "no_interval_reason"] == "").all()
    assert (out.loc[~has, "no_interval_reason"] != "").all()


# --- pooling over school years --------------------------------------------------------------

def _pupil_frame(rng, sizes, indicator, with_sd, mean_shift=0.0):
    """Yearly aggregates and the pupils behind them (independent reference for pooling)."""
    periods = ["2021-22", "2022-23", "2023-24", "2024-25"][: len(sizes)]
    rows, pupils = [], []
    spec = INDICATORS[indicator]
    for per, k in zip(periods, sizes):
        if spec.kind == "share":
            x = (rng.random(k) < 0.3).astype(float)
            value = 100 * x.mean()
            sd = np.nan
        else:
            x = rng.normal(50 + mean_shift, 10, k)
            value, sd = x.mean(), x.std(ddof=1)
            mean_shift += 3
        supp = k < 10
        rows.append(_row(indicator=indicator, period=per, value=np.nan if supp else value,
                         n=np.nan if supp else float(k), sd=sd if (with_sd and not supp) else np.nan,
                         suppressed=supp, marker="*" if supp else ""))
        if not supp:
            pupils.append(x)
    return pd.DataFrame(rows), np.concatenate(pupils) if pupils else np.array([]), periods


def test_pooled_window_means_equal_all_pupils():
    rng = np.random.default_rng(7)
    df, pupils, periods = _pupil_frame(rng, [25, 6, 40, 31], "np_skalapoeng", with_sd=True)
    out = pooled_window(df, periods[1:])
    assert len(out) == 1
    row = out.iloc[0]
    # The suppressed year (6 pupils) is left out; the pooled figure is that of the remaining pupils.
    used = pupils[25:]
    assert row["value"] == pytest.approx(used.mean(), abs=1e-9)
    assert row["n"] == len(used)
    assert row["sd"] == pytest.approx(used.std(ddof=1), abs=1e-9)  # within + between years
    assert row["periods_used"] == 2 and row["periods_suppressed"] == 1
    assert row["periods_used_list"] == "2023-24, 2024-25"
    assert row["period"] == "2022-23–2024-25"
    lo, hi = stats.t.interval(0.95, len(used) - 1, loc=used.mean(), scale=used.std(ddof=1) / np.sqrt(len(used)))
    assert (row["lower"], row["upper"]) == pytest.approx((lo, hi), abs=1e-9)
    assert row["sd_source"] == "kilde"


def test_pooled_window_means_without_sd_use_default():
    rng = np.random.default_rng(8)
    df, pupils, periods = _pupil_frame(rng, [25, 30, 40], "np_skalapoeng", with_sd=False)
    row = pooled_window(df, periods).iloc[0]
    assert row["value"] == pytest.approx(pupils.mean())
    assert np.isnan(row["sd"]) and row["sd_source"] == "standard" and row["sd_used"] == 10


def test_pooled_window_shares_pool_counts():
    rng = np.random.default_rng(9)
    df, pupils, periods = _pupil_frame(rng, [12, 30, 8], "np_mestring_1", with_sd=False)
    row = pooled_window(df, periods).iloc[0]
    assert row["n"] == len(pupils) == 42
    assert row["value"] == pytest.approx(100 * pupils.mean())
    lo, hi = proportion_confint(pupils.sum(), len(pupils), method="wilson")
    assert (row["lower"], row["upper"]) == pytest.approx((100 * lo, 100 * hi))


def test_pooled_window_all_suppressed_is_suppressed():
    rng = np.random.default_rng(10)
    df, _, periods = _pupil_frame(rng, [5, 6, 7], "np_mestring_1", with_sd=False)
    df = pd.concat([df, _pupil_frame(rng, [50, 60, 70], "np_mestring_1", with_sd=False)[0].assign(unit_id="2")])
    out = pooled_window(df, periods).set_index("unit_id")
    assert bool(out.loc["1", "suppressed"]) and np.isnan(out.loc["1", "value"])
    assert out.loc["1", "no_interval_reason"] == REASON_SUPPRESSED
    assert out.loc["1", "periods_suppressed"] == 3 and out.loc["1", "periods_used"] == 0
    assert not bool(out.loc["2", "suppressed"]) and out.loc["2", "n"] == 180


def test_pooled_window_on_demo_is_consistent(demo_figures):
    kom = demo_figures[demo_figures["kommune_id"] == "7290"]
    periods = ["2021-22", "2022-23", "2023-24"]
    out = pooled_window(kom, periods)
    pub = kom[kom["period"].isin(periods) & ~kom["suppressed"]]
    n_ref = pub.groupby(["unit_id", "indicator", "subject", "trinn", "kjonn"], observed=True)["n"].sum()
    got = out[~out["suppressed"]].set_index(["unit_id", "indicator", "subject", "trinn", "kjonn"])["n"]
    pd.testing.assert_series_equal(got.sort_index(), n_ref.sort_index(), check_names=False, check_index_type=False)
    assert (out["periods_used"] + out["periods_suppressed"] <= 3).all()
