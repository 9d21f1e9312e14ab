"""Trends: WLS against an independent closed form, verdict rules, stability."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from analysis.trends import (
    BEDRING,
    FOR_FA_AR,
    FORVERRING,
    INGEN_SIKKER_ENDRING,
    OKNING,
    stability,
    trend,
)
from data.schema import make_period


def _series(values, ns, indicator="np_skalapoeng", start=2016, unit="1", sds=None, kjonn="alle"):
    rows = []
    for i, (v, n) in enumerate(zip(values, ns)):
        supp = v is None
        rows.append(dict(level="skole", unit_id=unit, unit_name="S", kommune_id="7001", fylke_id="70",
                         indicator=indicator, subject="lesing", trinn=5, kjonn=kjonn, period=make_period(start + i),
                         value=np.nan if supp else v, n=np.nan if supp else float(n),
                         sd=np.nan if (supp or sds is None) else sds[i], suppressed=supp,
                         marker="*" if supp else "", unit_of_measure="", source="t"))
    return pd.DataFrame(rows)


def _wls_reference(x, y, se, conf=0.95):
    """Weighted least squares by the normal equations, written out (independent of statsmodels)."""
    w = 1 / se ** 2
    xm = np.sum(w * x) / np.sum(w)
    ym = np.sum(w * y) / np.sum(w)
    sxx = np.sum(w * (x - xm) ** 2)
    b = np.sum(w * (x - xm) * (y - ym)) / sxx
    resid = y - (ym + b * (x - xm))
    scale = np.sum(w * resid ** 2) / (len(x) - 2)
    if scale > 1:
        half = stats.t.isf((1 - conf) / 2, len(x) - 2) * np.sqrt(scale / sxx)
    else:
        half = stats.norm.isf((1 - conf) / 2) * np.sqrt(1 / sxx)
    return b, b - half, b + half


def test_trend_matches_closed_form():
    rng = np.random.default_rng(5)
    for _ in range(20):
        k = rng.integers(4, 10)
        ns = rng.integers(15, 200, k)
        vals = 50 + 0.8 * np.arange(k) + rng.normal(0, 10 / np.sqrt(ns)) + rng.normal(0, 1.5, k)
        df = _series(np.round(vals, 3), ns)
        res = trend(df)
        se = 10 / np.sqrt(ns)
        b, lo, hi = _wls_reference(np.arange(2016, 2016 + k, dtype=float), np.round(vals, 3), se)
        assert res.slope_per_year == pytest.approx(b, abs=1e-9)
        assert (res.lower, res.upper) == pytest.approx((lo, hi), abs=1e-9)
        assert res.n_periods == k


def test_scale_floor_uses_sampling_variance():
    ns = [100] * 5
    df = _series([50, 50.1, 50.2, 50.3, 50.4], ns)  # exactly on a line: residual scale 0
    res = trend(df)
    se = np.full(5, 10 / np.sqrt(100))
    b, lo, hi = _wls_reference(np.arange(5.0), np.array([50, 50.1, 50.2, 50.3, 50.4]), se)
    assert res.slope_per_year == pytest.approx(0.1)
    assert (res.lower, res.upper) == pytest.approx((lo, hi))
    assert res.verdict == INGEN_SIKKER_ENDRING  # 0.1 per year on 100 pupils is within noise


def test_too_few_years_is_never_a_trend():
    res = trend(_series([40, 45, 50], [500] * 3))
    assert res.verdict == FOR_FA_AR and np.isnan(res.slope_per_year) and res.n_periods == 3
    # Suppressed years do not count.
    res = trend(_series([40, None, 45, None, 50], [500] * 5))
    assert res.verdict == FOR_FA_AR and res.n_periods == 3


def test_direction_aware_verdicts():
    up = [40, 43, 46, 49, 52, 55]
    ns = [400] * 6
    assert trend(_series(up, ns)).verdict == BEDRING
    assert trend(_series(up[::-1], ns)).verdict == FORVERRING
    assert trend(_series(up, ns, indicator="np_mestring_1")).verdict == FORVERRING  # more on level 1 is worse
    assert trend(_series(up[::-1], ns, indicator="np_mestring_1")).verdict == BEDRING
    assert trend(_series(up, ns, indicator="np_mestring_3")).verdict == OKNING
    r = trend(_series(up, ns))
    assert r.verdict_label == "Sikker bedring" and "1/SE²" in r.method


@settings(max_examples=30, deadline=None)
@given(vals=st.lists(st.floats(30, 70), min_size=4, max_size=10), shift=st.floats(-10, 10),
       n=st.integers(10, 300))
def test_trend_properties(vals, shift, n):
    ns = [n] * len(vals)
    a = trend(_series(vals, ns))
    b = trend(_series([v + shift for v in vals], ns))
    assert a.slope_per_year == pytest.approx(b.slope_per_year, abs=1e-6)
    assert a.lower <= a.slope_per_year <= a.upper
    # The verdict reads the sampling interval widened by the published rounding of the yearly figures.
    sure = not (a.lower - a.rounding_bound <= 0 <= a.upper + a.rounding_bound)
    assert (a.verdict != INGEN_SIKKER_ENDRING) == sure
    # Reversing time reverses the verdict.
    c = trend(_series(vals[::-1], ns))
    assert c.slope_per_year == pytest.approx(-a.slope_per_year, abs=1e-6)
    if a.verdict == BEDRING:
        assert c.verdict == FORVERRING


def test_stability_counts():
    cls = ["svakere", "svakere", "ikke_sikker", "ingen_data", "svakere", "bedre"]
    df = _series([50] * 6, [30] * 6).assign(classification=cls)
    out = stability(df, window=5).iloc[0]
    assert out["years_in_window"] == 5
    assert out["years_svakere"] == 2 and out["years_bedre"] == 1 and out["years_with_data"] == 4
    assert out["share_svakere"] == pytest.approx(0.5)
    assert out["periods_svakere"] == "2017-18, 2020-21"
    assert out["summary"] == "Svakere i 2 av 5 år (1 uten data)"
    out2 = stability(df, window=["2016-17", "2017-18"]).iloc[0]
    assert out2["years_svakere"] == 2 and out2["summary"] == "Svakere i 2 av 2 år"
