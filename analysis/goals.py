"""What the data can show for a goal: its baseline, the minimum detectable change, and what would help.

- ``goal_baseline``: the unit's figure over the forfase window, the pupils of the window's school
  years pooled (``analysis.overview.benchmark_comparison``, which follows the kommune across mergers and
  pools with ``analysis.intervals.pooled_window``), with its 95 % interval, the pupils behind it, the
  pupils per published year and the pupil-level SD the interval used.
- ``assess``: the minimum detectable change after one and two follow-up years at those pupil numbers
  (``analysis.power.assess_goal``: two-sample t test for means, arcsine test for shares; 80 % power,
  5 % two-sided; Cohen 1988) and whether the target's change is at least that large.
- ``suggestions``: where the change cannot be told apart from noise in two years, what can: more
  follow-up years pooled (the years needed), the kommune instead of the school, Elevundersøkelsen on
  more trinn, and local surveys or observation as qualitative evidence.
- ``regression_to_mean_risk``: the baseline window overlaps the school years the kommune was drawn on.
  A unit picked for low figures tends to score nearer the mean next time without any change
  (Barnett, van der Pols & Dobson 2005), so a rise from such a baseline is no evidence of effect.

References
----------
Cohen, J. (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed. Erlbaum.
Barnett, A. G., van der Pols, J. C. & Dobson, A. J. (2005). Regression to the mean: what it is and how
to deal with it. International Journal of Epidemiology 34(1), 215–220.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import power
from analysis.overview import benchmark_comparison
from data.catalogue import ELEVUNDERSOKELSEN, INDICATORS

MAX_FOLLOWUP_YEARS = 6


@dataclass(frozen=True)
class Baseline:
    """A unit's pooled figure over the baseline window (``nan`` where there are no published figures)."""

    unit_level: str
    unit_id: str
    unit_name: str
    indicator: str
    periods: tuple[str, ...]
    estimate: float
    lower: float
    upper: float
    n: float
    periods_used: int
    sd: float  # pupil-level SD behind the interval (means); nan for shares
    is_share: bool
    reason: str = ""  # why there is no estimate or interval (Norwegian, from analysis.intervals)

    @property
    def n_per_year(self) -> float:
        return self.n / self.periods_used if self.periods_used else float("nan")

    @property
    def usable(self) -> bool:
        """An estimate with a known number of pupils (at least two a year), so the MDC can be computed."""
        return bool(np.isfinite(self.estimate) and np.isfinite(self.n) and self.n_per_year >= 2
                    and (self.is_share or np.isfinite(self.sd)))


def _num(row: Mapping, key: str) -> float:
    v = row.get(key)
    try:
        return float(v) if v is not None else float("nan")
    except (TypeError, ValueError):
        return float("nan")


def goal_baseline(figures: pd.DataFrame, lineage: Sequence[str], key: tuple[str, str, int], unit_level: str,
                  unit_id: str, periods: Sequence[str]) -> Baseline:
    """The baseline of a goal: the unit's figure for ``key`` over ``periods``, pupils pooled.

    Parameters
    ----------
    figures : the canonical frame.
    lineage : the kommune's numbers (``data.kommune_lineage``), the current one first.
    key : (indicator, subject, trinn).
    unit_level, unit_id : ``"kommune"`` (``unit_id`` the kommune number) or ``"skole"`` (the school's id).
    periods : the baseline window's school years.

    Returns
    -------
    ``Baseline`` with the pooled estimate, its 95 % interval (Wilson for shares, t for means;
    ``analysis.intervals``), pupils ``n`` and the years used.
    """
    kid = str(lineage[0])
    is_share = INDICATORS[key[0]].kind == "share"
    out = benchmark_comparison(figures, {kid: list(lineage)}, list(periods), keys=[key], level=unit_level,
                               school_ids=[str(unit_id)] if unit_level == "skole" else None)
    if len(out):
        out = out[out["unit_id"].astype(str) == (str(unit_id) if unit_level == "skole" else kid)]
    if out.empty:
        return Baseline(unit_level, str(unit_id), str(unit_id), key[0], tuple(periods), *[math.nan] * 4, 0, math.nan,
                        is_share, "Ingen tall")
    r = out.iloc[0].to_dict()
    sd = math.nan if is_share else _num(r, "sd_used")
    return Baseline(unit_level, str(unit_id), str(r.get("unit_name") or unit_id), key[0], tuple(periods),
                    _num(r, "estimate"), _num(r, "lower"), _num(r, "upper"), _num(r, "n"),
                    int(r.get("periods_used") or 0), sd, is_share, str(r.get("no_interval_reason") or ""))


def assess(baseline: Baseline, target: float, alpha: float = power.ALPHA,
           pwr: float = power.POWER) -> power.GoalAssessment:
    """``analysis.power.assess_goal`` at the baseline's pupil numbers (follow-up years as large as the
    baseline's average year). Raises ``ValueError`` when the baseline is not usable."""
    if not baseline.usable:
        raise ValueError("Utgangspunktet har ikke tall med kjent antall elever.")
    return power.assess_goal(is_share=baseline.is_share, baseline=baseline.estimate, target=float(target),
                             n_baseline=baseline.n, n_per_year=baseline.n_per_year,
                             sd=None if baseline.is_share else baseline.sd, alpha=alpha, power=pwr)


def mdc_after(baseline: Baseline, years: int, change: float) -> float:
    """The minimum detectable change after ``years`` follow-up years pooled (direction of ``change``)."""
    n1 = baseline.n_per_year * years
    if baseline.is_share:
        return power.mdc_share(baseline.estimate, baseline.n, n1, "down" if change < 0 else "up")
    return power.mdc_mean(baseline.sd, baseline.n, n1)


def years_needed(baseline: Baseline, change: float, limit: int = MAX_FOLLOWUP_YEARS) -> int | None:
    """The fewest follow-up years (pooled) whose MDC is at most ``|change|``; ``None`` beyond ``limit``."""
    if change == 0 or not baseline.usable:
        return None
    for k in range(1, limit + 1):
        m = mdc_after(baseline, k, change)
        if np.isfinite(m) and abs(change) >= m:
            return k
    return None


@dataclass(frozen=True)
class Suggestion:
    """One thing that could show the change: a code (the page's text key) and its numbers."""

    code: str  # "pool_years" | "larger_unit" | "more_trinn" | "qualitative"
    years: int | None = None
    mdc: float = math.nan


def suggestions(baseline: Baseline, target: float, kommune: Baseline | None = None) -> list[Suggestion]:
    """What could show the change when two follow-up years cannot (empty when they can).

    ``pool_years``: the fewest follow-up years pooled that would do (up to ``MAX_FOLLOWUP_YEARS``);
    ``larger_unit``: for a school goal, the kommune's MDC after two years for the same change;
    ``more_trinn``: for Elevundersøkelsen, more pupils by asking more trinn; ``qualitative``: always,
    local surveys and observation as qualitative evidence.
    """
    change = float(target) - baseline.estimate
    if baseline.usable and abs(change) >= np.nan_to_num(mdc_after(baseline, 2, change), nan=np.inf):
        return []
    out: list[Suggestion] = []
    k = years_needed(baseline, change) if baseline.usable else None
    if k is not None and k > 2:
        out.append(Suggestion("pool_years", years=k))
    if baseline.unit_level == "skole" and kommune is not None and kommune.usable:
        out.append(Suggestion("larger_unit", mdc=mdc_after(kommune, 2, change)))
    ind = INDICATORS.get(baseline.indicator)
    if ind is not None and ind.family == ELEVUNDERSOKELSEN:
        out.append(Suggestion("more_trinn"))
    out.append(Suggestion("qualitative"))
    return out


def regression_to_mean_risk(baseline_periods: Sequence[str], uttrekk_periods: Sequence[str]) -> list[str]:
    """The school years the baseline shares with the years the kommune was drawn on (empty: no risk)."""
    drawn = {str(p) for p in uttrekk_periods}
    return sorted(p for p in map(str, baseline_periods) if p in drawn)


# ------------------------------------------------------------------------------------------------
# Follow-up: new school years against the baseline and the target
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FollowUp:
    """The follow-up years' figures against the baseline (``verdict`` one of ``VERDICTS``)."""

    periods: tuple[str, ...]
    by_year: tuple[Baseline, ...]
    pooled: Baseline  # the follow-up years' pupils pooled
    difference: float  # pooled follow-up − baseline
    diff_lower: float
    diff_upper: float
    verdict: str
    remaining: float  # target − pooled follow-up (in the indicator's unit)
    progress: float  # share of the way from the baseline to the target (1 = reached); nan if no change asked


VERDICTS = ("bedring", "forverring", "endring", "ikke_sikker", "ingen_data")


def followup_periods(all_periods: Sequence[str], baseline_periods: Sequence[str], target_year: str) -> list[str]:
    """The school years after the baseline window up to and including the target year."""
    from data.schema import sorted_periods

    last = max(map(str, baseline_periods)) if baseline_periods else ""
    return [p for p in sorted_periods(all_periods) if p > last and p <= str(target_year)]


def change_verdict(lower: float, upper: float, direction: int) -> str:
    """«Sikker endring» only when the difference's interval excludes 0; its sign and the indicator's
    direction say whether it is bedring or forverring («endring» for neutral indicators)."""
    if not (np.isfinite(lower) and np.isfinite(upper)):
        return "ingen_data"
    if lower <= 0 <= upper:
        return "ikke_sikker"
    if direction == 0:
        return "endring"
    return "bedring" if (lower > 0) == (direction > 0) else "forverring"


def follow_up(figures: pd.DataFrame, lineage: Sequence[str], key: tuple[str, str, int], unit_level: str,
              unit_id: str, baseline: Baseline, target: float, periods: Sequence[str]) -> FollowUp | None:
    """The follow-up years' figures (each year and pooled) against the baseline and the target.

    The difference pooled follow-up − baseline has the interval of ``analysis.compare.difference_interval``
    (Newcombe's hybrid score interval for shares, Welch for means): two independent cohorts of pupils.
    ``None`` when there are no follow-up years.
    """
    from analysis.compare import difference_interval

    periods = [str(p) for p in periods]
    if not periods:
        return None
    by_year = tuple(goal_baseline(figures, lineage, key, unit_level, unit_id, [p]) for p in periods)
    pooled = goal_baseline(figures, lineage, key, unit_level, unit_id, periods)
    kind = "share" if baseline.is_share else "mean"
    d, lo, hi = (math.nan,) * 3
    if pooled.usable and baseline.usable:
        d, lo, hi = (float(np.asarray(x)) for x in difference_interval(
            pooled.estimate, pooled.n, baseline.estimate, baseline.n, kind,
            sd1=None if baseline.is_share else pooled.sd, sd2=None if baseline.is_share else baseline.sd))
    verdict = change_verdict(lo, hi, INDICATORS[key[0]].direction)
    asked = float(target) - baseline.estimate
    progress = d / asked if np.isfinite(d) and asked != 0 else math.nan
    return FollowUp(tuple(periods), by_year, pooled, d, lo, hi, verdict, float(target) - pooled.estimate, progress)
