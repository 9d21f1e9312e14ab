"""Many comparisons on one page (issue 12, item 5).

* ``expected_false_flags``: if nothing really differed, each two-sided level-(1 − α) comparison
  gives a verdict («svakere» or «bedre») with probability α, so a page with m comparisons shows
  ``Σαᵢ`` false verdicts on average (half of them «svakere»), and at least one with probability
  ``1 − Π(1 − αᵢ)`` for independent comparisons.
* ``p_from_interval``: the two-sided p-value that matches a difference interval, using the half of
  the interval that faces 0 (so «the interval excludes 0» ⟺ ``p < α`` exactly, also for asymmetric
  Newcombe intervals).
* ``bh_adjust`` / ``bh_verdicts``: Benjamini–Hochberg step-up adjusted p-values and the verdicts
  that survive false-discovery-rate control at q across what a page shows.

References
----------
Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical and powerful
approach to multiple testing. JRSS B 57, 289–300 (the step-up procedure, eq. in §3).
Šidák, Z. (1967). Rectangular confidence regions for the means of multivariate normal distributions.
JASA 62, 626–633 (``1 − Π(1 − αᵢ)`` for independent tests).
Altman, D. G. & Bland, J. M. (2011). How to obtain the P value from a confidence interval. BMJ 343:d2304.
"""

from __future__ import annotations

import numpy as np

from analysis.distributions import norm_isf, norm_sf
from analysis.compare import IKKE_SIKKER, INGEN_DATA

VERDICT_CODES = ("svakere", "bedre", "hoyere", "lavere")


def expected_false_flags(n_comparisons: int, conf: float = 0.95) -> dict:
    """Expected false verdicts and P(at least one) among ``n_comparisons`` with no true difference.

    Returns ``expected`` (m·α), ``expected_svakere`` (m·α/2), ``p_any`` (1 − (1 − α)^m) and
    ``p_any_svakere`` (1 − (1 − α/2)^m), assuming independent comparisons.
    """
    m = max(int(n_comparisons), 0)
    a = 1 - conf
    return {"n": m, "expected": m * a, "expected_svakere": m * a / 2,
            "p_any": 1 - (1 - a) ** m, "p_any_svakere": 1 - (1 - a / 2) ** m}


def p_from_interval(difference, lower, upper, conf: float = 0.95) -> np.ndarray:
    """Two-sided p-value consistent with a (possibly asymmetric) interval (Altman & Bland 2011).

    ``se`` is taken from the half of the interval facing 0: ``(upper − d)/z`` when ``d < 0``, else
    ``(d − lower)/z``; ``p = 2·Φ(−|d|/se)``. NaN where the interval is missing.
    """
    d = np.asarray(difference, float)
    lo, hi = np.asarray(lower, float), np.asarray(upper, float)
    z = norm_isf((1 - conf) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        se = np.where(d < 0, hi - d, d - lo) / z
        p = 2 * norm_sf(np.abs(d) / se)
    p = np.where(se == 0, np.where(d == 0, 1.0, 0.0), p)
    return np.where(np.isfinite(d) & np.isfinite(lo) & np.isfinite(hi), p, np.nan)


def bh_adjust(pvalues) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values ``min_{j ≥ i} (m/j)·p_(j)``, capped at 1; NaN stays NaN.

    Agrees with ``statsmodels.stats.multitest.multipletests(method="fdr_bh")[1]``.
    """
    p = np.asarray(pvalues, float)
    out = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    m = int(ok.sum())
    if m == 0:
        return out
    pv = p[ok]
    order = np.argsort(pv)
    ranked = pv[order] * m / np.arange(1, m + 1)
    adj = np.minimum.accumulate(ranked[::-1])[::-1]
    res = np.empty(m)
    res[order] = np.minimum(adj, 1.0)
    out[ok] = res
    return out


def bh_verdicts(classification, difference, lower, upper, q: float = 0.05, conf: float = 0.95) -> np.ndarray:
    """Verdicts that survive Benjamini–Hochberg at false discovery rate ``q`` across the given rows.

    Rows without data («ingen_data») are not counted as comparisons. A verdict whose BH-adjusted
    p-value exceeds ``q`` becomes «ikke sikker»; others are unchanged.
    """
    cls = np.asarray(classification, dtype=object).copy()
    p = p_from_interval(difference, lower, upper, conf)
    p = np.where(cls == INGEN_DATA, np.nan, p)
    adj = bh_adjust(p)
    drop = np.isin(cls, VERDICT_CODES) & ~(adj <= q)
    cls[drop] = IKKE_SIKKER
    return cls


def count_comparisons(classification) -> int:
    """Comparisons on a page: rows with a verdict or «ikke sikker» (not «ingen data»)."""
    cls = np.asarray(classification, dtype=object)
    return int(np.sum(cls != INGEN_DATA))


__all__ = ["VERDICT_CODES", "bh_adjust", "bh_verdicts", "count_comparisons", "expected_false_flags",
           "p_from_interval"]
