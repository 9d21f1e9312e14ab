"""Funnels with the data's SD and arcsine overdispersion limits: hand-worked points, DL τ², coverage."""

from __future__ import annotations

import math

import numpy as np
import pytest
from statsmodels.stats.meta_analysis import combine_effects

from analysis.funnel import arcsine, estimate_dispersion, funnel, outside, pooled_sd, z_scores


def test_pooled_sd_is_anova_msw():
    rng = np.random.default_rng(2)
    groups = [rng.normal(4, 0.63, k) for k in (12, 30, 7, 55)]
    n = [len(g) for g in groups]
    sd = [g.std(ddof=1) for g in groups]
    ssw = sum(((g - g.mean()) ** 2).sum() for g in groups)
    assert pooled_sd(n, sd) == pytest.approx(math.sqrt(ssw / (sum(n) - len(n))))
    assert math.isnan(pooled_sd([1], [np.nan]))


def test_arcsine_limits_hand_worked():
    # FunnelPlotR «PR» formula by hand: p0 = 8 %, n = 12, 99,8 %: θ* = asin(√0,08), s = 1/(2√12).
    theta = math.asin(math.sqrt(0.08))
    s = 1 / (2 * math.sqrt(12))
    z = 3.090232306167813
    tau2 = 0.004
    up = math.sin(theta + z * math.sqrt(s * s + tau2)) ** 2
    lo_arg = theta - z * math.sqrt(s * s + tau2)
    lim = funnel(8.0, [12], "share", overdispersion="tau2", tau2=tau2)
    assert lim["upper_99_8"].iloc[0] == pytest.approx(100 * up, rel=1e-12)
    assert lim["lower_99_8"].iloc[0] == (0.0 if lo_arg < 0 else pytest.approx(100 * math.sin(lo_arg) ** 2))
    # Multiplicative: θ* ± z·√φ·s.
    lim = funnel(8.0, [400], "share", overdispersion="phi", phi=2.5)
    z95 = 1.959963984540054
    assert lim["upper_95"].iloc[0] == pytest.approx(100 * math.sin(theta + z95 * math.sqrt(2.5) / 40) ** 2)
    assert lim["lower_95"].iloc[0] == pytest.approx(100 * math.sin(theta - z95 * math.sqrt(2.5) / 40) ** 2)
    # With τ² = 0 the arcsine limits are far from the raw normal limit's 32,2 % of the issue.
    lim0 = funnel(8.0, [12], "share", overdispersion="tau2", tau2=0.0)
    assert lim0["upper_99_8"].iloc[0] > 36.0
    assert lim0["lower_99_8"].iloc[0] == 0.0


def test_means_normal_limits_with_given_sd():
    lim = funnel(4.1, [25, 100], "mean", sd=0.63, overdispersion="tau2", tau2=0.01)
    z = 1.959963984540054
    assert lim["upper_95"].tolist() == pytest.approx([4.1 + z * math.sqrt(0.63 ** 2 / n + 0.01) for n in (25, 100)])
    plain = funnel(4.1, [25], "mean", sd=0.63)
    assert plain["lower_95"].iloc[0] == pytest.approx(4.1 - z * 0.63 / 5)


def test_choice_is_explicit():
    with pytest.raises(ValueError):
        funnel(8.0, [12], "share", overdispersion="tau2", tau2=0.01, phi=2.0)
    with pytest.raises(ValueError):
        funnel(8.0, [12], "share", overdispersion="phi", tau2=0.01)
    with pytest.raises(ValueError):
        funnel(8.0, [12], "share", tau2=0.01)
    with pytest.raises(ValueError):
        funnel(8.0, [12], "share", overdispersion="both")


def test_tau2_equals_dersimonian_laird_without_winsorising():
    # With the target at the fixed-effect mean and no winsorising, τ̂² is DerSimonian–Laird's.
    rng = np.random.default_rng(7)
    n = rng.integers(15, 300, 80)
    p = np.sin(rng.normal(arcsine(0.2), 0.08, 80)) ** 2
    x = rng.binomial(n, p)
    y = arcsine(x / n)
    v = 1 / (4 * n)
    fe = np.sum(y / v) / np.sum(1 / v)
    target = 100 * math.sin(fe) ** 2
    d = estimate_dispersion(100 * x / n, n, target, "share", winsorize=0.0)
    ref = combine_effects(y, v, method_re="dl")
    assert d.tau2 == pytest.approx(ref.tau2, rel=1e-9)
    assert d.scale == "arcsine"


def _overdispersed_shares(rng, units, tau):
    n = rng.integers(10, 400, units)
    theta = rng.normal(arcsine(0.12), tau, units)
    x = rng.binomial(n, np.sin(np.clip(theta, 0, np.pi / 2)) ** 2)
    return 100 * x / n, n


def test_arcsine_overdispersion_limits_cover_95_and_998_percent():
    rng = np.random.default_rng(11)
    inside95, inside998 = [], []
    for _ in range(40):
        y, n = _overdispersed_shares(rng, 500, 0.06)
        d = estimate_dispersion(y, n, 12.0, "share")
        assert d.overdispersed
        lim = funnel(12.0, n, "share", overdispersion="tau2", tau2=d.tau2)
        inside95.append(np.mean(outside(y, lim, 0.95) == 0))
        inside998.append(np.mean(outside(y, lim, 0.998) == 0))
    assert 0.93 <= np.mean(inside95) <= 0.97, np.mean(inside95)
    assert np.mean(inside998) >= 0.99, np.mean(inside998)


def test_means_funnel_with_data_sd_covers_95_percent_and_catalogue_sd_does_not():
    rng = np.random.default_rng(12)
    n = rng.integers(8, 120, 3000)
    sd_true = 0.63
    means = 4.1 + rng.normal(0, sd_true / np.sqrt(n))
    sds = sd_true * np.sqrt(rng.chisquare(n - 1) / (n - 1))
    sd = pooled_sd(n, sds)
    assert sd == pytest.approx(sd_true, abs=0.01)
    inside = np.mean(outside(means, funnel(4.1, n, "mean", sd=sd), 0.95) == 0)
    assert 0.94 <= inside <= 0.96
    inside_cat = np.mean(outside(means, funnel(4.1, n, "mean", sd=0.8), 0.95) == 0)
    assert inside_cat > 0.98  # the catalogue's 0,8 hides real outliers


def test_z_scores_need_sd_for_means():
    with pytest.raises(ValueError):
        z_scores([4.0], [20], 4.1, "mean")
    z, s = z_scores([12.0], [100], 8.0, "share")
    assert s[0] == pytest.approx(0.05)
    assert z[0] == pytest.approx((math.asin(math.sqrt(0.12)) - math.asin(math.sqrt(0.08))) / 0.05)


def test_winsorised_moment_against_simulation():
    from analysis.funnel import winsorised_normal_moment
    z = np.random.default_rng(3).standard_normal(2_000_000)
    lo, hi = np.quantile(z, [0.1, 0.9])
    assert winsorised_normal_moment(0.1) == pytest.approx(np.mean(np.clip(z, lo, hi) ** 2), abs=2e-3)
    assert winsorised_normal_moment(0.0) == 1.0


def test_no_overdispersion_is_not_flagged_too_often():
    rng = np.random.default_rng(21)
    flags = 0
    for _ in range(200):
        n = rng.integers(20, 300, 200)
        x = rng.binomial(n, 0.12)
        flags += estimate_dispersion(100 * x / n, n, 12.0, "share").overdispersed
    assert flags / 200 <= 0.05


def test_funnel_for_units_uses_the_data_sd_and_the_chosen_model():
    from analysis.funnel import funnel_for_units

    rng = np.random.default_rng(30)
    n = rng.integers(10, 100, 300).astype(float)
    sds = np.full(300, 0.63)
    y = 4.1 + rng.normal(0, 0.63 / np.sqrt(n))
    res = funnel_for_units(y, n, sds, 4.1, "mean", default_sd=0.8)
    assert res["sd"] == pytest.approx(0.63) and res["model"] == "none"
    assert res["at_n"]["upper_95"].to_numpy() == pytest.approx(4.1 + 1.959963984540054 * 0.63 / np.sqrt(n))
    res = funnel_for_units(y, n, [np.nan] * 300, 4.1, "mean", default_sd=0.8)
    assert res["sd"] == 0.8
    counts = rng.binomial(n.astype(int), 0.08)
    res = funnel_for_units(100 * counts / n, n, None, 8.0, "share", model="tau2")
    assert res["model"] == "tau2" and (res["limits"]["lower_99_8"] >= 0).all()
    res = funnel_for_units(100 * counts / n, n, None, 8.0, "share", model="phi")
    assert res["model"] == "phi"
