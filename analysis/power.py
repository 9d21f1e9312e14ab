"""What the data can show: minimum detectable change (MDC) for a goal.

A goal for gjennomføringsfasen compares a follow-up figure (new pupils, one or two school years after
the forfase) with the forfase baseline (the pupils of the baseline window). The two are different
cohorts, so the comparison is a two-sample comparison of independent groups. The minimum detectable
change is the smallest true change that a two-sided test at level ``alpha`` detects with probability
``power`` at the unit's pupil numbers.

Methods
-------
- Means (skalapoeng, grunnskolepoeng, survey indices): two-sample t test with pooled pupil-level SD.
  Power is computed exactly from the noncentral t distribution (Cohen 1988, ch. 2; the same formula as
  ``statsmodels.stats.power.TTestIndPower``): with ``d`` the standardised change,
  ``df = n0 + n1 - 2`` and ``nc = d * sqrt(n0 n1 / (n0 + n1))``,
  ``power = P(T' > t_crit) + P(T' < -t_crit)``, ``T' ~ nct(df, nc)``. The MDC is ``d* · sd`` where ``d*``
  solves ``power(d*) = target`` (Brent's method).
- Shares (mestringsnivå 1, mobbing): two-sample comparison on the arcsine scale, Cohen's effect size
  ``h = 2·asin(sqrt(p1)) − 2·asin(sqrt(p0))`` (Cohen 1988, ch. 6), normal power
  ``power = Φ(|h|·sqrt(n0 n1/(n0+n1)) − z) + Φ(−|h|·sqrt(n0 n1/(n0+n1)) − z)`` with
  ``z = Φ⁻¹(1 − alpha/2)`` (as ``statsmodels.stats.power.NormalIndPower`` with
  ``proportion_effectsize``). The MDC in percentage points is the change from ``p0`` to
  ``p1 = sin²(asin(sqrt(p0)) ± h*/2)`` in the direction asked for.

References
----------
Cohen, J. (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed. Erlbaum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats

ALPHA = 0.05
POWER = 0.80


def _check(alpha: float, power: float, n0: float, n1: float) -> None:
    if not 0 < alpha < 1 or not 0 < power < 1:
        raise ValueError("alpha og styrke må ligge mellom 0 og 1.")
    if not (n0 >= 2 and n1 >= 2):
        raise ValueError("Minste påviselige endring krever minst to elever i hver gruppe.")


def _solve(f, cap: float) -> float:
    """Root of the increasing function ``f`` on (0, cap]: bracket by doubling, then Brent's method."""
    hi = 1e-3
    while f(hi) < 0 and hi < cap:
        hi *= 2
    return float(optimize.brentq(f, hi / 2 if hi > 1e-3 else 1e-12, hi, xtol=1e-13, rtol=1e-14))


def ttest_ind_power(d: float, n0: float, n1: float, alpha: float = ALPHA) -> float:
    """Power of the two-sided two-sample t test for standardised change ``d``.

    Parameters
    ----------
    d : standardised difference (change / pupil-level SD).
    n0, n1 : pupils in the baseline and in the follow-up.
    alpha : two-sided significance level.

    Returns
    -------
    The probability that the test rejects, from the noncentral t distribution (Cohen 1988, ch. 2).
    """
    df = n0 + n1 - 2
    nc = abs(d) * math.sqrt(n0 * n1 / (n0 + n1))
    crit = stats.t.isf(alpha / 2, df)
    p = float(stats.nct.sf(crit, df, nc) + stats.nct.cdf(-crit, df, nc))
    return 1.0 if math.isnan(p) else p  # nct fails only far out in the tail, where power is 1


def mdc_mean(sd: float, n0: float, n1: float, alpha: float = ALPHA, power: float = POWER) -> float:
    """Minimum detectable change of a mean, in the indicator's own unit.

    Parameters
    ----------
    sd : pupil-level standard deviation.
    n0, n1 : pupils behind the baseline and behind the follow-up figure.
    alpha, power : two-sided level and the power asked for.

    Returns
    -------
    ``d* · sd`` with ``d*`` solving ``ttest_ind_power(d*) = power`` (noncentral t, Brent's method).
    """
    _check(alpha, power, n0, n1)
    if not sd > 0:
        raise ValueError("Standardavviket må være positivt.")
    d = _solve(lambda x: ttest_ind_power(x, n0, n1, alpha) - power, 50.0)
    return float(d * sd)


def normal_ind_power(h: float, n0: float, n1: float, alpha: float = ALPHA) -> float:
    """Power of the two-sided two-sample z test on the arcsine scale for Cohen's ``h``.

    Returns ``Φ(|h|·sqrt(n0 n1/(n0+n1)) − z) + Φ(−|h|·sqrt(n0 n1/(n0+n1)) − z)`` (Cohen 1988, ch. 6).
    """
    z = stats.norm.isf(alpha / 2)
    s = abs(h) * math.sqrt(n0 * n1 / (n0 + n1))
    return float(stats.norm.cdf(s - z) + stats.norm.cdf(-s - z))


def mdc_share(p0_pct: float, n0: float, n1: float, direction: str = "down", alpha: float = ALPHA,
              power: float = POWER) -> float:
    """Minimum detectable change of a share, in percentage points (positive number).

    Parameters
    ----------
    p0_pct : the baseline share in percent (0–100).
    n0, n1 : pupils behind the baseline and behind the follow-up share.
    direction : ``"down"`` (the goal is a lower share, as for mestringsnivå 1) or ``"up"``.
    alpha, power : two-sided level and the power asked for.

    Returns
    -------
    ``|p1 − p0|`` in percentage points, where ``p1 = sin²(asin(sqrt(p0)) ∓ h*/2)`` and ``h*`` solves
    ``normal_ind_power(h*) = power``. ``nan`` when even a change to 0 % (or 100 %) cannot be detected.
    """
    _check(alpha, power, n0, n1)
    if direction not in ("down", "up"):
        raise ValueError("direction må være 'down' eller 'up'.")
    p0 = min(max(p0_pct / 100.0, 0.0), 1.0)
    h = _solve(lambda x: normal_ind_power(x, n0, n1, alpha) - power, 2 * math.pi)
    phi0 = math.asin(math.sqrt(p0))
    phi1 = phi0 - h / 2 if direction == "down" else phi0 + h / 2
    if phi1 < 0 or phi1 > math.pi / 2:
        return float("nan")
    return float(abs(math.sin(phi1) ** 2 - p0) * 100.0)


@dataclass(frozen=True)
class GoalAssessment:
    """What the data can show for one goal."""

    baseline: float
    target: float
    change_wanted: float  # target − baseline, in the indicator's unit
    mdc_one_year: float  # minimum detectable change after one follow-up year (nan: not detectable)
    mdc_two_years: float  # after two follow-up years pooled
    detectable_one_year: bool
    detectable_two_years: bool
    n_baseline: float
    n_per_year: float


def assess_goal(*, is_share: bool, baseline: float, target: float, n_baseline: float,
                n_per_year: float, sd: float | None = None, alpha: float = ALPHA,
                power: float = POWER) -> GoalAssessment:
    """Minimum detectable change after one and two follow-up years and whether the target's change
    is at least that large (``mdc_mean`` / ``mdc_share``).

    The follow-up pools the pupils of the follow-up years (``n_per_year`` each); the baseline pools the
    pupils of the baseline window (``n_baseline``).
    """
    change = target - baseline
    mdcs = []
    for years in (1, 2):
        n1 = n_per_year * years
        if is_share:
            mdcs.append(mdc_share(baseline, n_baseline, n1, "down" if change < 0 else "up", alpha, power))
        else:
            if sd is None:
                raise ValueError("Gjennomsnitt krever standardavvik på elevnivå.")
            mdcs.append(mdc_mean(sd, n_baseline, n1, alpha, power))
    ok = [bool(np.isfinite(m) and abs(change) >= m) for m in mdcs]
    return GoalAssessment(baseline, target, change, mdcs[0], mdcs[1], ok[0], ok[1], n_baseline, n_per_year)


def pupils_needed_per_year(*, is_share: bool, baseline: float, change: float, n_baseline: float,
                           years: int, sd: float | None = None, alpha: float = ALPHA,
                           power: float = POWER, limit: float = 1e6) -> float:
    """Pupils per follow-up year for which ``change`` becomes the minimum detectable change
    (bisection on ``n_per_year``); ``inf`` when not even ``limit`` pupils a year would do (the
    baseline alone limits what can be shown)."""
    if change == 0:
        return math.inf

    def gap(n: float) -> float:
        n1 = n * years
        if is_share:
            m = mdc_share(baseline, n_baseline, n1, "down" if change < 0 else "up", alpha, power)
            return (m if np.isfinite(m) else 1e9) - abs(change)
        return mdc_mean(sd or 0.0, n_baseline, n1, alpha, power) - abs(change)

    lo = 2.0 / years
    if gap(limit) > 0:
        return math.inf
    if gap(lo) <= 0:
        return lo
    return float(optimize.brentq(gap, lo, limit, xtol=0.01))
