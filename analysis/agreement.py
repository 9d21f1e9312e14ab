"""Felles forståelse: how much workshop participants agree when they rate candidate challenges.

Each participant rates each challenge on «hvor viktig» and «hvor sikker» (1–5). Per challenge the
agreement is the single-item within-group agreement index r_wg of James, Demaree & Wolf (1984) with a
percentile bootstrap interval over participants; per role the mean rating (the heatmap); and for two
roles a plain «enige / uenige» rule on their mean ratings.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

SCALE_POINTS = 5  # the ratings are 1..5
DISAGREE_POINTS = 1.0  # two roles «uenige» when their means differ by more than this many scale points

# LeBreton & Senter (2008), Table 3: r_wg bands.
BANDS: tuple[tuple[float, str], ...] = ((0.91, "svart_sterk"), (0.71, "sterk"), (0.51, "moderat"),
                                        (0.31, "svak"), (-np.inf, "ingen"))


def uniform_null_variance(n_options: int = SCALE_POINTS) -> float:
    """σ²_EU = (A² − 1) / 12, the variance of ratings spread evenly over A options (James et al. 1984)."""
    return (n_options ** 2 - 1) / 12.0


def rwg(ratings: Sequence[float], n_options: int = SCALE_POINTS) -> float:
    """Single-item within-group agreement r_wg = 1 − s² / σ²_EU.

    Parameters
    ----------
    ratings : the participants' ratings of one item (1..``n_options``); NaN are left out.
    n_options : A, the number of scale points.

    Returns
    -------
    r_wg in [0, 1] (negative values, more spread than the even null, are set to 0 as LeBreton & Senter
    recommend); NaN with fewer than two ratings. s² is the sample variance (ddof = 1).

    References
    ----------
    James, L. R., Demaree, R. G. & Wolf, G. (1984). Estimating within-group interrater reliability with and
    without response bias. J Appl Psychol 69, 85-98, eq. 1. LeBreton, J. M. & Senter, J. L. (2008). Answers
    to 20 questions about interrater reliability and interrater agreement. Organ Res Methods 11, 815-852.
    """
    x = np.asarray(ratings, dtype=float)
    x = x[np.isfinite(x)]
    if len(x) < 2:
        return float("nan")
    return float(np.clip(1.0 - x.var(ddof=1) / uniform_null_variance(n_options), 0.0, 1.0))


def rwg_interval(ratings: Sequence[float], n_options: int = SCALE_POINTS, conf: float = 0.95,
                 n_boot: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """r_wg with a percentile bootstrap interval (participants resampled with replacement).

    Returns
    -------
    (r_wg, lower, upper); NaN with fewer than two ratings. With few participants the interval is wide and
    its coverage below nominal (all resamples of identical ratings give r_wg = 1): read it as a rough guide.

    References
    ----------
    Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap, ch. 13 (percentile interval).
    James, Demaree & Wolf (1984), eq. 1.
    """
    x = np.asarray(ratings, dtype=float)
    x = x[np.isfinite(x)]
    est = rwg(x, n_options)
    if len(x) < 2:
        return est, float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    samples = x[rng.integers(0, len(x), size=(n_boot, len(x)))]
    boot = np.clip(1.0 - samples.var(axis=1, ddof=1) / uniform_null_variance(n_options), 0.0, 1.0)
    alpha = 1.0 - conf
    lo, hi = np.quantile(boot, [alpha / 2, 1 - alpha / 2])
    return est, float(lo), float(hi)


def band(value: float) -> str:
    """The LeBreton & Senter (2008) band of an r_wg value: ingen, svak, moderat, sterk, svart_sterk
    (``ukjent`` for NaN)."""
    if not np.isfinite(value):
        return "ukjent"
    return next(code for limit, code in BANDS if value >= limit)


def agreement_by_item(ratings: pd.DataFrame, value: str = "importance", item: str = "finding_id",
                      n_boot: int = 2000) -> pd.DataFrame:
    """Per item: ``n``, ``mean``, ``sd`` (ddof = 1), ``rwg`` with ``rwg_lower``/``rwg_upper`` (95 %
    bootstrap) and its ``band``; items in order of first appearance."""
    rows = []
    for key, grp in ratings.groupby(item, sort=False):
        x = grp[value].to_numpy(float)
        est, lo, hi = rwg_interval(x, n_boot=n_boot)
        rows.append({item: key, "n": int(np.isfinite(x).sum()), "mean": float(np.nanmean(x)) if len(x) else np.nan,
                     "sd": float(np.nanstd(x, ddof=1)) if len(x) > 1 else np.nan,
                     "rwg": est, "rwg_lower": lo, "rwg_upper": hi, "band": band(est)})
    return pd.DataFrame(rows, columns=[item, "n", "mean", "sd", "rwg", "rwg_lower", "rwg_upper", "band"])


def role_means(ratings: pd.DataFrame, value: str = "importance", item: str = "finding_id",
               role: str = "role") -> pd.DataFrame:
    """Mean rating and number of ratings per item and role (long format: item, role, mean, n)."""
    g = ratings.groupby([item, role], sort=False, observed=True)[value]
    return g.agg(mean="mean", n="count").reset_index()


def role_pair(ratings: pd.DataFrame, role_a: str, role_b: str, value: str = "importance",
              item: str = "finding_id", threshold: float = DISAGREE_POINTS) -> pd.DataFrame:
    """Per item: the two roles' mean ratings, their difference and ``enige`` (|difference| ≤ threshold),
    ``uenige`` (> threshold) or ``ukjent`` (a role has not rated the item).

    A descriptive rule, not a test: with a handful of participants per role no interval could tell
    them apart. The threshold is one scale point by default."""
    m = role_means(ratings, value, item)
    wide = m.pivot(index=item, columns="role", values="mean")
    a = wide[role_a] if role_a in wide.columns else pd.Series(np.nan, index=wide.index)
    b = wide[role_b] if role_b in wide.columns else pd.Series(np.nan, index=wide.index)
    diff = a - b
    code = np.where(diff.isna(), "ukjent", np.where(diff.abs() <= threshold, "enige", "uenige"))
    return pd.DataFrame({item: wide.index, "mean_a": a.to_numpy(), "mean_b": b.to_numpy(),
                         "difference": diff.to_numpy(), "verdict": code}).reset_index(drop=True)


__all__ = ["BANDS", "DISAGREE_POINTS", "SCALE_POINTS", "agreement_by_item", "band", "role_means", "role_pair",
           "rwg", "rwg_interval", "uniform_null_variance"]
