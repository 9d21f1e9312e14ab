"""Minimum detectable change (analysis/power.py) against statsmodels' power functions and by simulation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.power import NormalIndPower, TTestIndPower
from statsmodels.stats.proportion import proportion_effectsize

from analysis import power


@pytest.mark.parametrize("n0,n1", [(5, 5), (12, 30), (60, 20), (250, 250), (900, 300)])
def test_mdc_mean_matches_statsmodels_ttestindpower(n0, n1):
    sd = 8.5
    d_ref = TTestIndPower().solve_power(effect_size=None, nobs1=n0, alpha=0.05, power=0.8, ratio=n1 / n0,
                                        alternative="two-sided")
    got = power.mdc_mean(sd, n0, n1)
    # Same standardised change as statsmodels' solver (which stops at about 1e-6) ...
    assert got / sd == pytest.approx(d_ref, abs=1e-5)
    # ... and statsmodels' own power function gives exactly the asked-for 80 % at our root.
    assert TTestIndPower().power(effect_size=got / sd, nobs1=n0, alpha=0.05, ratio=n1 / n0) == pytest.approx(0.8, abs=1e-9)


@pytest.mark.parametrize("d,n0,n1", [(0.2, 40, 50), (0.8, 10, 12), (0.05, 2000, 1000)])
def test_ttest_power_matches_statsmodels(d, n0, n1):
    ref = TTestIndPower().power(effect_size=d, nobs1=n0, alpha=0.05, ratio=n1 / n0)
    assert power.ttest_ind_power(d, n0, n1) == pytest.approx(ref, abs=1e-9)


@pytest.mark.parametrize("p0,n0,n1,direction", [(20.0, 60, 20, "down"), (12.0, 300, 100, "down"),
                                                (30.0, 45, 45, "up"), (5.0, 2000, 700, "down")])
def test_mdc_share_matches_statsmodels_normalindpower(p0, n0, n1, direction):
    got = power.mdc_share(p0, n0, n1, direction)
    p1 = (p0 - got if direction == "down" else p0 + got) / 100
    # The effect size of the found change is exactly the one statsmodels needs for 80 % power.
    h = abs(proportion_effectsize(p1, p0 / 100))
    h_ref = NormalIndPower().solve_power(effect_size=None, nobs1=n0, alpha=0.05, power=0.8, ratio=n1 / n0)
    assert h == pytest.approx(h_ref, abs=1e-5)
    assert NormalIndPower().power(effect_size=h, nobs1=n0, alpha=0.05, ratio=n1 / n0) == pytest.approx(0.8, abs=1e-6)


def test_share_change_below_zero_is_not_detectable():
    # 3 % on mestringsnivå 1 at a tiny school: not even a fall to 0 % can be shown.
    assert math.isnan(power.mdc_share(3.0, 15, 5, "down"))


def test_mdc_shrinks_with_more_pupils_and_years():
    a = power.assess_goal(is_share=False, baseline=36.3, target=39.0, n_baseline=74, n_per_year=25, sd=8.5)
    assert a.mdc_two_years < a.mdc_one_year
    big = power.assess_goal(is_share=False, baseline=36.3, target=39.0, n_baseline=740, n_per_year=250, sd=8.5)
    assert big.mdc_one_year < a.mdc_one_year
    assert big.detectable_one_year and not a.detectable_one_year


def test_pupils_needed_inverts_mdc():
    n = power.pupils_needed_per_year(is_share=False, baseline=40, change=3.0, n_baseline=120, years=2, sd=8.5)
    assert power.mdc_mean(8.5, 120, 2 * n) == pytest.approx(3.0, abs=1e-3)
    # A change smaller than what the baseline alone allows can never be shown.
    assert power.pupils_needed_per_year(is_share=False, baseline=40, change=0.5, n_baseline=30, years=2,
                                        sd=8.5) == math.inf


def test_simulated_detection_rate_is_about_eighty_percent():
    """Draw cohorts with a true change equal to the MDC; the test should reject in about 80 %."""
    rng = np.random.default_rng(20261201)
    reps = 4000
    # Means: t test.
    n0, n1, sd = 60, 25, 8.5
    delta = power.mdc_mean(sd, n0, n1)
    a = rng.normal(40.0, sd, (reps, n0))
    b = rng.normal(40.0 + delta, sd, (reps, n1))
    p = stats.ttest_ind(a, b, axis=1).pvalue
    assert 0.77 <= np.mean(p < 0.05) <= 0.83
    # Shares: arcsine z test (the test the MDC is built for).
    n0, n1, p0 = 240, 120, 0.22
    delta = power.mdc_share(100 * p0, n0, n1, "down") / 100
    x0 = rng.binomial(n0, p0, reps) / n0
    x1 = rng.binomial(n1, p0 - delta, reps) / n1
    z = (2 * np.arcsin(np.sqrt(x0)) - 2 * np.arcsin(np.sqrt(x1))) / math.sqrt(1 / n0 + 1 / n1)
    assert 0.77 <= np.mean(np.abs(z) > stats.norm.isf(0.025)) <= 0.83
