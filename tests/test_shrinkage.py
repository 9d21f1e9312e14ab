"""Shrinkage: τ² against statsmodels, beta-binomial ML against a brute-force likelihood, coverage."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special, stats
from statsmodels.stats.meta_analysis import combine_effects

from analysis.shrinkage import (
    beta_binomial_shrinkage,
    fit_beta_binomial,
    normal_shrinkage,
    tau2_dersimonian_laird,
    tau2_paule_mandel,
)
from analysis.spread import eb_shrinkage


def _meta(rng, k=40, tau=1.5):
    se = rng.uniform(0.5, 3, k)
    theta = rng.normal(10, tau, k)
    return theta, theta + rng.normal(0, se), se


def test_tau2_matches_statsmodels():
    rng = np.random.default_rng(1)
    for _ in range(20):
        _, y, se = _meta(rng)
        assert tau2_dersimonian_laird(y, se ** 2) == pytest.approx(combine_effects(y, se ** 2, method_re="dl").tau2,
                                                                  rel=1e-9, abs=1e-12)
        ref = combine_effects(y, se ** 2, method_re="iterated").tau2  # Paule–Mandel
        assert tau2_paule_mandel(y, se ** 2) == pytest.approx(ref, rel=1e-5, abs=1e-8)


def test_shrinks_toward_the_group_mean_not_a_benchmark():
    y = np.array([10.0, 12.0, 14.0, 30.0])
    se = np.array([1.0, 1.0, 1.0, 10.0])
    r = normal_shrinkage(y, se)
    assert r.target == pytest.approx(np.sum(y / (se ** 2 + r.tau2)) / np.sum(1 / (se ** 2 + r.tau2)))
    # The imprecise unit moves most, toward the group mean.
    moved = np.abs(r.estimate - y)
    assert moved[3] == moved.max() and r.estimate[3] < 30.0
    assert (r.lower <= r.estimate).all() and (r.estimate <= r.upper).all()


def test_normal_shrinkage_coverage():
    rng = np.random.default_rng(2)
    cover, cover_raw, width, width_raw = [], [], [], []
    for _ in range(300):
        theta, y, se = _meta(rng, k=60)
        r = normal_shrinkage(y, se)
        cover.append(np.mean((r.lower <= theta) & (theta <= r.upper)))
        width.append(np.mean(r.upper - r.lower))
        width_raw.append(np.mean(2 * 1.96 * se))
    assert np.mean(cover) >= 0.935, np.mean(cover)
    assert np.mean(width) < np.mean(width_raw)  # shorter intervals, same coverage


def test_old_eb_shrinkage_was_biased_and_now_uses_the_group_mean():
    rng = np.random.default_rng(3)
    theta, y, se = _meta(rng, k=60)
    est, sd = eb_shrinkage(y, se)  # no benchmark, no τ²: group mean and Paule–Mandel τ²
    ref = normal_shrinkage(y, se)
    assert est == pytest.approx(ref.estimate)
    assert sd == pytest.approx((ref.upper - ref.lower) / (2 * 1.959963984540054))


def _bb_loglik(a, b, x, n):
    # Independent form: log of the beta-binomial pmf without the binomial coefficient via gammaln.
    g = special.gammaln
    return np.sum(g(a + b) - g(a) - g(b) + g(a + x) + g(b + n - x) - g(a + b + n))


def test_beta_binomial_ml_matches_a_brute_force_grid():
    rng = np.random.default_rng(4)
    n = rng.integers(10, 120, 150)
    p = rng.beta(4, 16, 150)
    x = rng.binomial(n, p)
    a, b = fit_beta_binomial(x, n)
    best = _bb_loglik(a, b, x, n)
    for aa in np.linspace(0.6 * a, 1.4 * a, 25):
        for bb in np.linspace(0.6 * b, 1.4 * b, 25):
            assert _bb_loglik(aa, bb, x, n) <= best + 1e-6
    # And the pmf agrees with scipy's beta-binomial (constant binomial term added back).
    ref = np.sum(stats.betabinom.logpmf(x, n, a, b))
    const = np.sum(special.gammaln(n + 1) - special.gammaln(x + 1) - special.gammaln(n - x + 1))
    assert best + const == pytest.approx(ref)


def test_beta_binomial_coverage_and_direction():
    rng = np.random.default_rng(5)
    cover = []
    for _ in range(150):
        n = rng.integers(8, 80, 200)
        p = rng.beta(3, 12, 200)
        x = rng.binomial(n, p)
        r = beta_binomial_shrinkage(x, n)
        cover.append(np.mean((r.lower <= 100 * p) & (100 * p <= r.upper)))
    assert 0.93 <= np.mean(cover) <= 0.97, np.mean(cover)
    r = beta_binomial_shrinkage(np.array([0, 5, 10, 20]), np.array([10, 50, 50, 50]))
    assert r.estimate[0] > 0 and (r.weight > 0).all() and (r.weight < 1).all()


def test_shrink_units_dispatches_by_kind():
    from analysis.shrinkage import shrink_units

    rng = np.random.default_rng(9)
    n = rng.integers(10, 80, 100).astype(float)
    p = rng.beta(3, 12, 100)
    est = 100 * rng.binomial(n.astype(int), p) / n
    r = shrink_units(est, n, None, "share")
    ref = beta_binomial_shrinkage(np.round(est / 100 * n), n)
    assert r.estimate == pytest.approx(ref.estimate)
    y = 4.0 + rng.normal(0, 0.2, 100)
    r = shrink_units(y, n, [np.nan] * 100, "mean", default_sd=0.8)
    assert r.estimate == pytest.approx(normal_shrinkage(y, 0.8 / np.sqrt(n)).estimate)
