"""Spread: ANOVA ICC vs pupil data and MixedLM, drivers, Spiegelhalter funnel limits, overdispersion, EB."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf
from scipy import stats

from analysis.spread import (
    anova_icc,
    between_school_spread,
    eb_shrinkage,
    funnel_limits,
    funnel_z_scores,
    overdispersion,
    spread_drivers,
)


def _schools(pupils: list[np.ndarray], indicator="np_skalapoeng", share=False, with_sd=True, supp_small=False):
    rows = []
    for i, x in enumerate(pupils):
        supp = supp_small and len(x) < 10
        rows.append(dict(level="skole", unit_id=f"s{i}", unit_name=f"Skole {i}", kommune_id="7001", fylke_id="70",
                         indicator=indicator, subject="lesing", trinn=5, kjonn="alle", period="2023-24",
                         value=np.nan if supp else (100 * x.mean() if share else x.mean()),
                         n=np.nan if supp else float(len(x)),
                         sd=np.nan if (supp or share or not with_sd) else x.std(ddof=1),
                         suppressed=supp, marker="*" if supp else "", unit_of_measure="", source="t"))
    return pd.DataFrame(rows)


def test_anova_matches_pupil_level_f_test():
    rng = np.random.default_rng(21)
    pupils = [rng.normal(50 + rng.normal(0, 3), 10, rng.integers(8, 60)) for _ in range(7)]
    res = between_school_spread(_schools(pupils)).iloc[0]
    f, p = stats.f_oneway(*pupils)
    assert res["f_stat"] == pytest.approx(f, rel=1e-9) and res["p_value"] == pytest.approx(p, rel=1e-7)
    allx = np.concatenate(pupils)
    ssw = sum(((x - x.mean()) ** 2).sum() for x in pupils)
    assert res["sigma2_within"] == pytest.approx(ssw / (len(allx) - len(pupils)))
    assert res["grand_mean"] == pytest.approx(allx.mean()) and res["n_pupils"] == len(allx)


def test_anova_icc_equals_mixedlm_reml_when_balanced():
    rng = np.random.default_rng(22)
    k, n = 10, 30
    effects = rng.normal(0, 4, k)
    pupils = [rng.normal(50 + e, 10, n) for e in effects]
    res = between_school_spread(_schools(pupils)).iloc[0]
    data = pd.DataFrame({"y": np.concatenate(pupils), "g": np.repeat(np.arange(k), n)})
    fit = smf.mixedlm("y ~ 1", data, groups=data["g"]).fit(reml=True)
    s2b = float(fit.cov_re.iloc[0, 0])
    assert res["sigma2_between"] == pytest.approx(s2b, rel=1e-3)
    assert res["sigma2_within"] == pytest.approx(fit.scale, rel=1e-3)
    assert res["icc"] == pytest.approx(s2b / (s2b + fit.scale), rel=1e-3)


def test_shares_use_binomial_variance():
    rng = np.random.default_rng(23)
    pupils = [(rng.random(m) < p).astype(float) for m, p in [(40, 0.1), (25, 0.3), (60, 0.2), (33, 0.5)]]
    res = between_school_spread(_schools(pupils, indicator="np_mestring_1", share=True)).iloc[0]
    f, p = stats.f_oneway(*pupils)
    assert res["f_stat"] == pytest.approx(f, rel=1e-9)
    r = anova_icc([len(x) for x in pupils], [x.mean() for x in pupils], [x.var(ddof=1) for x in pupils])
    assert res["icc"] == pytest.approx(r.icc)
    assert res["sd_between"] == pytest.approx(100 * np.sqrt(r.sigma2_between))


def test_suppressed_schools_left_out_and_counted():
    rng = np.random.default_rng(24)
    pupils = [rng.normal(50, 10, m) for m in (30, 5, 40)]
    res = between_school_spread(_schools(pupils, supp_small=True)).iloc[0]
    assert res["n_schools"] == 2 and res["schools_suppressed"] == 1 and res["n_pupils"] == 70
    # Default SD is used when the source has none.
    res2 = between_school_spread(_schools(pupils[::2], with_sd=False)).iloc[0]
    assert res2["sigma2_within"] == pytest.approx(100.0)


def test_spread_drivers():
    rng = np.random.default_rng(25)
    pupils = [rng.normal(m, 10, n) for m, n in [(50, 40), (51, 35), (38, 30), (52, 45)]]
    out = spread_drivers(_schools(pupils))
    allx = np.concatenate(pupils)
    ssb = sum(len(x) * (x.mean() - allx.mean()) ** 2 for x in pupils)
    assert out["contribution"].sum() == pytest.approx(ssb)
    assert out["contribution_share"].sum() == pytest.approx(1.0)
    top = out.iloc[0]
    assert top["unit_id"] == "s2" and top["classification"] == "svakere"
    others = np.concatenate([pupils[0], pupils[1], pupils[3]])
    assert top["others"] == pytest.approx(others.mean())
    ref = stats.ttest_ind(pupils[2], others, equal_var=False).confidence_interval(0.95)
    assert (top["diff_lower"], top["diff_upper"]) == pytest.approx((ref.low, ref.high), rel=1e-6)


def test_funnel_normal_limits_by_hand():
    lim = funnel_limits(50.0, [25, 100], kind="mean", sd=10.0)
    # 50 ± 1.959964·10/√25 and 50 ± 3.090232·10/√100 (Spiegelhalter 2005, normal limits).
    assert lim.loc[0, "lower_95"] == pytest.approx(50 - 1.959964 * 2, abs=1e-5)
    assert lim.loc[0, "upper_95"] == pytest.approx(50 + 1.959964 * 2, abs=1e-5)
    assert lim.loc[1, "lower_99_8"] == pytest.approx(50 - 3.090232, abs=1e-5)
    od = funnel_limits(50.0, [25], kind="mean", sd=10.0, phi=4.0)
    assert od.loc[0, "upper_95"] == pytest.approx(50 + 1.959964 * 2 * 2, abs=1e-5)
    ad = funnel_limits(50.0, [25], kind="mean", sd=10.0, tau2=5.0)
    assert ad.loc[0, "upper_95"] == pytest.approx(50 + 1.959964 * np.sqrt(4 + 5), abs=1e-5)


def test_funnel_exact_binomial_limits_by_hand():
    # θ = 10 %, n = 100, upper 97.5 % point: r = 16 is the smallest r with F(r) ≥ 0.975 ...
    theta, n, p = 0.1, 100, 0.975
    cdf = [stats.binom.cdf(r, n, theta) for r in range(0, 30)]
    r = next(r for r, f in enumerate(cdf) if f >= p)
    alpha = (cdf[r] - p) / (cdf[r] - cdf[r - 1])
    lim = funnel_limits(10.0, [n], kind="share")
    assert r == 16
    assert lim.loc[0, "upper_95"] == pytest.approx(100 * (r - alpha) / n, abs=1e-9)
    # ... and the lower 2.5 % point.
    p = 0.025
    r = next(r for r, f in enumerate(cdf) if f >= p)
    alpha = (cdf[r] - p) / (cdf[r] - cdf[r - 1])
    assert lim.loc[0, "lower_95"] == pytest.approx(100 * (r - alpha) / n, abs=1e-9)
    # Large n: exact ≈ normal approximation.
    big = funnel_limits(20.0, [20000], kind="share")
    normal = funnel_limits(20.0, [20000], kind="share", exact=False)
    assert big.loc[0, "upper_99_8"] == pytest.approx(normal.loc[0, "upper_99_8"], abs=0.05)
    with pytest.raises(ValueError):
        funnel_limits(50.0, [10], kind="mean")


def test_funnel_limits_narrow_with_n():
    lim = funnel_limits(25.0, np.arange(10, 500, 10), kind="share")
    width = lim["upper_95"] - lim["lower_95"]
    assert (np.diff(width) <= 1e-9).sum() >= len(width) - 3  # monotone up to the binomial lattice
    assert (lim["lower_99_8"] <= lim["lower_95"]).all() and (lim["upper_95"] <= lim["upper_99_8"]).all()


def test_overdispersion_formulas():
    z = np.array([-2.0, -1.0, 0.0, 0.5, 1.0, 3.0])
    se = np.array([1.0, 2.0, 1.0, 0.5, 1.0, 2.0])
    r = overdispersion(z, se=se, winsorize=0.0)
    phi = np.mean(z ** 2)
    w = 1 / se ** 2
    assert r.phi == pytest.approx(phi)
    assert r.tau2 == pytest.approx(max(0, (6 * phi - 5) / (w.sum() - (w ** 2).sum() / w.sum())))
    assert r.p_value == pytest.approx(stats.chi2.sf(6 * phi, 6))
    # Winsorising at 10 %/90 % pulls the extreme values in.
    r2 = overdispersion(z, winsorize=0.1)
    lo, hi = np.quantile(z, [0.1, 0.9])
    assert r2.phi == pytest.approx(np.mean(np.clip(z, lo, hi) ** 2))


def test_overdispersion_detects_extra_variation():
    rng = np.random.default_rng(26)
    n = rng.integers(20, 300, 400)
    theta = 0.2
    plain = rng.binomial(n, theta) / n * 100
    z = funnel_z_scores(plain, n, 20.0, kind="share")
    r = overdispersion(z)
    assert not r.overdispersed and 0.6 < r.phi < 1.2
    p_units = np.clip(rng.normal(theta, 0.06, len(n)), 0.01, 0.99)
    extra = rng.binomial(n, p_units) / n * 100
    se = np.sqrt(theta * (1 - theta) / n) * 100
    r = overdispersion(funnel_z_scores(extra, n, 20.0, kind="share"), se=se)
    assert r.overdispersed and r.phi > 1.5
    assert 10 < r.tau2 < 80  # true τ² = 6² = 36 percentage points², winsorising shrinks it


def test_eb_shrinkage():
    est, sd = eb_shrinkage([60.0, 40.0, 55.0], [5.0, 1.0, 0.0], 50.0, tau2=25.0)
    assert est[0] == pytest.approx(50 + 0.5 * 10)  # B = 25/(25+25)
    assert est[1] == pytest.approx(0.96154 * 40 + 0.03846 * 50, abs=1e-4)
    assert est[2] == pytest.approx(55.0)
    assert sd[0] == pytest.approx(np.sqrt(0.5 * 25))
    est0, _ = eb_shrinkage([60.0, 40.0], [5.0, 1.0], 50.0, tau2=0.0)
    assert np.allclose(est0, 50.0)


def test_spread_on_demo_showcase(demo_figures):
    k = demo_figures[(demo_figures["kommune_id"] == "7290") & (demo_figures["indicator"] == "np_skalapoeng")]
    res = between_school_spread(k)
    assert len(res) > 10 and res["icc"].between(0, 1).all()
    one = k[(k["subject"] == "lesing") & (k["trinn"] == 5) & (k["period"] == "2023-24")]
    drivers = spread_drivers(one)
    assert drivers["contribution_share"].sum() == pytest.approx(1.0)
