"""analysis.distributions against scipy.stats (the reference): the same floating-point numbers, edges included."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from analysis.distributions import norm_isf, norm_sf, t_isf

Q = np.array([0, 1e-300, 1e-12, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999999, 1, np.nan, -0.1, 1.1])
X = np.array([-np.inf, -40, -8.3, -1.96, -0.5, -0.0, 0.0, 0.3, 1.959963984540054, 7, 38, np.inf, np.nan])
DF = np.array([-1, 0, 0.5, 1, 2, 3, 4.5, 9, 29, 30, 100, 1e6, np.inf, np.nan])


def test_norm_isf_is_scipy_stats():
    np.testing.assert_array_equal(norm_isf(Q), stats.norm.isf(Q))
    assert norm_isf(0.025) == stats.norm.isf(0.025)
    assert isinstance(norm_isf(0.025), np.floating)


def test_norm_sf_is_scipy_stats():
    np.testing.assert_array_equal(norm_sf(X), stats.norm.sf(X))
    assert norm_sf(1.5) == stats.norm.sf(1.5)


@pytest.mark.parametrize("df", DF)
def test_t_isf_is_scipy_stats_per_df(df):
    np.testing.assert_array_equal(t_isf(Q, df), stats.t.isf(Q, df))


@pytest.mark.parametrize("q", Q)
def test_t_isf_is_scipy_stats_per_q(q):
    np.testing.assert_array_equal(t_isf(q, DF), stats.t.isf(q, DF))
    assert np.ndim(t_isf(q, 5.0)) == 0


def test_random_arguments():
    rng = np.random.default_rng(1)
    q = rng.uniform(0, 1, 2000)
    df = rng.integers(1, 400, 2000).astype(float)
    np.testing.assert_array_equal(t_isf(q, df), stats.t.isf(q, df))
    np.testing.assert_array_equal(norm_isf(q), stats.norm.isf(q))
    x = rng.normal(0, 3, 2000)
    np.testing.assert_array_equal(norm_sf(x), stats.norm.sf(x))
