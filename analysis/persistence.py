"""A unit's level over time, the between-school share with an interval, relative «stor usikkerhet»,
and regression to the mean (issue 12, items 6–8).

* ``persistent_level``: the estimand «skolens nivå over tid» (the steady level that cohorts vary
  around), not «de tre elevkullene» (the pupils actually tested, which the pooled interval of
  ``analysis.intervals.pooled_window`` describes). Random-effects meta-analysis of the yearly figures:
  between-year variance τ² by Paule–Mandel (or DerSimonian–Laird), mean ``μ̂ = Σw*y/Σw*`` with
  ``w* = 1/(sᵢ² + τ̂²)``; interval by Hartung–Knapp–Sidik–Jonkman (t with k − 1 df, variance scaled by
  ``max(1, Q/(k − 1))``, the modified form), because with three years the normal interval is far too short.
* ``icc_interval``: Searle's (1971) F-based interval for the one-way ANOVA intraclass correlation,
  with the unbalanced-design group size ``n₀``: ``F_L = F/F_{1−α/2}``, ``F_U = F/F_{α/2}`` on
  (k − 1, N − k) df, ``ICC = (F − 1)/(F + n₀ − 1)`` at each end.
* ``national_spread`` and ``large_uncertainty``: «stor usikkerhet» when the 95 % half-width exceeds
  ``data.catalogue.LARGE_UNCERTAINTY_SHARE_OF_SPREAD`` × the national between-school SD (moment
  estimate: variance of the school figures minus their mean sampling variance).
* ``regression_to_mean``: drawn kommuner's share of risk points in the selection window and in the
  next window, with the prediction of the between-window regression line (Galton; Barnett, van der Pols
  & Dobson 2005).

References
----------
Hartung, J. & Knapp, G. (2001). On tests of the overall treatment effect in meta-analysis with normally
distributed responses. Stat Med 20, 1771–1782; Röver, Knapp & Friede (2015). Hartung-Knapp-Sidik-Jonkman
approach and its modification. BMC Med Res Methodol 15:99 (the ``max(1, q)`` modification).
Searle, S. R. (1971). Linear Models, Wiley, §9.7 (interval for σ²_b/(σ²_b + σ²_w) from the F ratio);
Donner, A. (1986). A review of inference procedures for the intraclass correlation coefficient in the
one-way random effects model. Int Stat Rev 54, 67–82 (the n₀ version for unequal group sizes).
Barnett, A. G., van der Pols, J. C. & Dobson, A. J. (2005). Regression to the mean: what it is and how
to deal with it. Int J Epidemiol 34, 215–220.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from analysis.shrinkage import tau2_dersimonian_laird, tau2_paule_mandel
from analysis.spread import icc_interval  # noqa: F401 - Searle's interval lives beside anova_icc


@dataclass(frozen=True)
class Level:
    """Random-effects estimate of a unit's steady level over k years."""

    estimate: float
    lower: float
    upper: float
    tau2: float
    k: int
    method: str


def persistent_level(y, se, conf: float = 0.95, method: str = "pm", modified: bool = True) -> Level:
    """Random-effects level over the years with a Hartung–Knapp interval (see module docstring).

    Needs at least three years with an SE; fewer gives NaN (the page then says why). The default
    (``modified=True``) scales by ``max(1, q)``, so the interval for the level over time is never
    shorter than the one for the pooled cohorts (which it logically contains); with three years it is
    conservative (coverage 99 % in simulation). ``modified=False`` is the unmodified HKSJ interval of
    ``statsmodels.stats.meta_analysis.combine_effects`` (``conf_int(use_t=True)``, random effect wls),
    about 94–95 % coverage but narrower than the pooled interval when the years happen to agree.
    """
    y = np.asarray(y, float)
    s2 = np.asarray(se, float) ** 2
    ok = np.isfinite(y) & np.isfinite(s2) & (s2 > 0)
    y, s2 = y[ok], s2[ok]
    k = len(y)
    if k < 3:
        return Level(np.nan, np.nan, np.nan, np.nan, k, method)
    t2 = tau2_paule_mandel(y, s2) if method == "pm" else tau2_dersimonian_laird(y, s2)
    w = 1 / (s2 + t2)
    mu = float(np.sum(w * y) / np.sum(w))
    q = float(np.sum(w * (y - mu) ** 2) / (k - 1))
    scale = max(1.0, q) if modified else q
    half = float(stats.t.isf((1 - conf) / 2, k - 1) * np.sqrt(scale / np.sum(w)))
    return Level(mu, mu - half, mu + half, float(t2), k, method)


def national_spread(values, se) -> float:
    """Between-unit SD net of sampling noise: ``sqrt(max(0, var(y) − mean(s²)))`` (moment estimate).

    Falls back to the raw SD of the values when the noise exceeds the spread.
    """
    y, s = np.asarray(values, float), np.asarray(se, float)
    ok = np.isfinite(y) & np.isfinite(s)
    if ok.sum() < 3:
        return float("nan")
    net = np.var(y[ok], ddof=1) - np.mean(s[ok] ** 2)
    return float(np.sqrt(net)) if net > 0 else float(np.std(y[ok], ddof=1))


def large_uncertainty(halfwidth, spread: float, share: float | None = None, fallback=None) -> np.ndarray:
    """«Stor usikkerhet» relative to the scale: half-width > ``share`` × national between-unit SD.

    ``share`` defaults to ``data.catalogue.LARGE_UNCERTAINTY_SHARE_OF_SPREAD``; where ``spread`` is not
    finite, ``fallback`` (the catalogue's absolute half-width) is used instead.
    """
    from data.catalogue import LARGE_UNCERTAINTY_SHARE_OF_SPREAD

    share = LARGE_UNCERTAINTY_SHARE_OF_SPREAD if share is None else share
    h = np.asarray(halfwidth, float)
    limit = share * spread if np.isfinite(spread) and spread > 0 else (np.nan if fallback is None else fallback)
    return np.where(np.isfinite(h), h > limit, False)


def regression_to_mean(first, second, drawn) -> dict:
    """Drawn units' mean in the selection window and the next, against the regression-line prediction.

    ``first``/``second``: every unit's share of risk points in the two windows (aligned, NaN allowed);
    ``drawn``: who was drawn on the first. Returns the drawn units' means in both windows, the
    all-unit means, the slope of ``second`` on ``first`` and the predicted mean for the drawn units if
    nothing but regression to the mean happened: ``m₂ + b·(x̄_drawn − m₁)``.
    """
    x, y = np.asarray(first, float), np.asarray(second, float)
    d = np.asarray(drawn, bool)
    ok = np.isfinite(x) & np.isfinite(y)
    slope = float(np.polyfit(x[ok], y[ok], 1)[0]) if ok.sum() >= 3 else float("nan")
    m1, m2 = float(np.mean(x[ok])), float(np.mean(y[ok]))
    dx, dy = float(np.mean(x[ok & d])), float(np.mean(y[ok & d]))
    return {"n_drawn": int((ok & d).sum()), "drawn_first": dx, "drawn_second": dy, "all_first": m1,
            "all_second": m2, "slope": slope, "predicted_second": m2 + slope * (dx - m1)}


def school_spread_by_key(rows, keys=("indicator", "subject", "trinn", "kjonn")):
    """National between-school SD per indicator key, averaged over the school years in ``rows``.

    Per year: ``national_spread`` of the published school figures with sampling SEs
    ``sqrt(p(100 − p)/n)`` (shares, percent) or ``σ/√n`` (means: the row's SD, else the catalogue's).
    Returns a Series indexed by ``keys`` (the mean of the yearly SDs).
    """
    import pandas as pd

    from data.catalogue import INDICATORS

    sch = rows[(rows["level"].astype(str) == "skole") & ~rows["suppressed"].astype(bool)
               & rows["value"].notna() & (rows["n"] > 0)]
    out = {}
    for key, g in sch.groupby([*keys, "period"], observed=True, sort=False):
        ind = INDICATORS.get(str(key[0]))
        v = g["value"].to_numpy(float)
        n = g["n"].to_numpy(float)
        if ind is not None and ind.kind == "share":
            se = np.sqrt(np.clip(v * (100 - v), 0, None) / n)
        else:
            sd = g["sd"].to_numpy(dtype=float, na_value=np.nan) if "sd" in g.columns else np.full(len(g), np.nan)
            fallback = ind.default_sd if ind is not None and ind.default_sd else np.nan
            se = np.where(np.isfinite(sd), sd, fallback) / np.sqrt(n)
        out.setdefault(tuple(str(k) if i != 2 else int(k) for i, k in enumerate(key[:-1])), []).append(
            national_spread(v, se))
    index = pd.MultiIndex.from_tuples(list(out), names=list(keys)) if out else None
    means = [float(np.mean([x for x in v if np.isfinite(x)])) if any(np.isfinite(v)) else float("nan")
             for v in out.values()]
    return pd.Series(means, index=index, dtype=float)


def relative_large_uncertainty(frame, spreads) -> np.ndarray:
    """«Stor usikkerhet» per row of ``frame`` (interval columns ``lower``/``upper``, indicator keys):
    half-width over ``LARGE_UNCERTAINTY_SHARE_OF_SPREAD`` × the key's national school SD (``spreads``
    from ``school_spread_by_key``); the catalogue's absolute half-width where no spread is known."""
    from data.catalogue import INDICATORS

    half = (frame["upper"].to_numpy(dtype=float, na_value=np.nan)
            - frame["lower"].to_numpy(dtype=float, na_value=np.nan)) / 2
    out = np.zeros(len(frame), dtype=bool)
    keys = list(zip(frame["indicator"].astype(str), frame["subject"].astype(str), frame["trinn"],
                    frame["kjonn"].astype(str)))
    rows_by_key: dict[tuple, list[int]] = {}
    for i, key in enumerate(keys):  # one limit per indicator key, applied to all its rows at once
        rows_by_key.setdefault(key, []).append(i)
    for (ind, sub, tr, kj), rows in rows_by_key.items():
        spread = spreads.get((ind, sub, int(tr), kj), np.nan) if spreads is not None and len(spreads) else np.nan
        fallback = INDICATORS[ind].large_uncertainty_halfwidth if ind in INDICATORS else None
        out[rows] = large_uncertainty(half[rows], spread, fallback=fallback)
    return out


def unit_levels(rows, conf: float = 0.95, unit_col: str = "unit_id"):
    """«Skolens nivå over tid» for every unit in ``rows`` (canonical yearly rows of one indicator key).

    Yearly estimates and SEs from ``analysis.intervals.add_intervals`` (published years only), then
    ``persistent_level`` per unit. Returns ``unit_id``, ``level_estimate``, ``level_lower``,
    ``level_upper``, ``level_years`` and ``level_tau2`` (NaN interval with fewer than three years).
    """
    import pandas as pd

    from analysis.intervals import add_intervals
    from data.catalogue import INDICATORS

    cols = [unit_col, "level_estimate", "level_lower", "level_upper", "level_years", "level_tau2"]
    pub = rows[~rows["suppressed"].astype(bool) & rows["value"].notna()]
    if pub.empty:
        return pd.DataFrame(columns=cols)
    ci = add_intervals(pub)
    code = str(pub["indicator"].iloc[0])
    share = code in INDICATORS and INDICATORS[code].kind == "share"
    out = []
    for uid, g in ci.groupby(ci[unit_col].astype(str), sort=False):
        lvl = persistent_level(g["estimate"].to_numpy(float), g["se"].to_numpy(float), conf=conf)
        lo, hi = lvl.lower, lvl.upper
        if share:  # a share's level stays within 0–100 %
            lo, hi = max(lo, 0.0), min(hi, 100.0)
        out.append((uid, lvl.estimate, lo, hi, lvl.k, lvl.tau2))
    return pd.DataFrame(out, columns=cols)


__all__ = ["Level", "icc_interval", "large_uncertainty", "national_spread", "persistent_level",
           "regression_to_mean", "relative_large_uncertainty", "school_spread_by_key", "unit_levels"]
