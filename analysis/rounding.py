"""Rounding-aware comparisons of published figures (issue 12, items 1 and 4).

Published figures are rounded to a fixed number of decimals (``data.catalogue.Indicator.decimals``).
A figure published as ``x`` with ``d`` decimals lies in ``[x − δ, x + δ]`` with ``δ = ½·10^(−d)``.
Everything computed from rounded figures inherits that error, and sampling intervals know nothing of
it. This module

* bounds the rounding error of a difference, including the «rest of the kommune» derived figure
  ``rest = (N·x_K − n·x_S)/(N − n)``;
* widens a difference interval by that bound (the interval then covers the true difference of the
  unrounded figures whenever the sampling interval covers it: a conservative, worst-case union),
  and withholds a verdict whose observed difference lies within the bound;
* compares a figure with a limit on the published decimal grid, so that a figure exactly on a limit
  gets the same risk points however it was computed (no floating-point accident decides 1 or 3).

References
----------
Sheppard, W. F. (1898). On the calculation of the most probable values of frequency-constants, for
data arranged according to equidistant divisions of a scale. Proc. London Math. Soc. 29, 353–380
(rounding error uniform on ±δ; here the worst case ±δ is used, not its variance).
Higham, N. J. (2002). Accuracy and Stability of Numerical Algorithms, 2nd ed., §2.2 (absolute error
bounds propagate through linear combinations as Σ|cᵢ|·δᵢ).
"""

from __future__ import annotations

import numpy as np

from analysis.compare import IKKE_SIKKER, classify

# A verdict withheld because the observed difference lies within the rounding bound of its inputs.
INNENFOR_AVRUNDING = "innenfor_avrunding"


def rounding_bound(decimals) -> np.ndarray:
    """Half a unit of the last published decimal: ``δ = ½·10^(−decimals)``.

    Parameters
    ----------
    decimals : int or array of int
        Published decimals (0 for skalapoeng, 1 for percentages and grunnskolepoeng, 2 for indices).

    Returns
    -------
    ndarray of float, the maximal absolute rounding error of one published figure.
    """
    return 0.5 * 10.0 ** (-np.asarray(decimals, dtype=float))


def difference_bound(delta1, delta2) -> np.ndarray:
    """Rounding bound of ``x₁ − x₂`` of two independently rounded figures: ``δ₁ + δ₂`` (Higham §2.2)."""
    return np.asarray(delta1, dtype=float) + np.asarray(delta2, dtype=float)


def rest_bound(n_kommune, n_school, delta_kommune, delta_school) -> np.ndarray:
    """Rounding bound of the derived «rest of the kommune» figure ``(N·x_K − n·x_S)/(N − n)``.

    Linear error propagation (Higham 2002, §2.2): ``(N·δ_K + n·δ_S)/(N − n)``. NaN when ``N ≤ n``.
    """
    big_n = np.asarray(n_kommune, dtype=float)
    n = np.asarray(n_school, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (big_n * np.asarray(delta_kommune, float) + n * np.asarray(delta_school, float)) / (big_n - n)
    return np.where(big_n > n, out, np.nan)


def school_minus_rest_bound(n_kommune, n_school, delta_kommune, delta_school) -> np.ndarray:
    """Rounding bound of ``x_S − rest`` where rest is derived from the same school figure.

    ``x_S − rest = N/(N − n)·(x_S − x_K)``, so the bound is ``N/(N − n)·(δ_S + δ_K)``; tighter than
    adding ``δ_S`` to ``rest_bound`` because the school's own rounding error partly cancels.
    Issue 12's example: N = 2500, n = 500, δ = 0,5 gives 1,25.
    """
    big_n = np.asarray(n_kommune, dtype=float)
    n = np.asarray(n_school, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = big_n / (big_n - n) * (np.asarray(delta_school, float) + np.asarray(delta_kommune, float))
    return np.where(big_n > n, out, np.nan)


def widen(diff_lower, diff_upper, bound) -> tuple[np.ndarray, np.ndarray]:
    """Widen a difference interval by a rounding bound on each side: ``(lower − b, upper + b)``.

    If the sampling interval covers the difference of the unrounded figures with probability 1 − α,
    the widened interval covers the true difference with at least that probability, because the
    rounded difference is at most ``b`` from the unrounded one. A NaN bound leaves the interval.
    """
    b = np.nan_to_num(np.asarray(bound, dtype=float), nan=0.0)
    return np.asarray(diff_lower, float) - b, np.asarray(diff_upper, float) + b


def classify_rounding_aware(difference, diff_lower, diff_upper, bound, direction) -> np.ndarray:
    """Classify a difference with the rounding bound taken into account.

    Method: the interval is widened by ``bound`` (``widen``) and classified by
    ``analysis.compare.classify``. A verdict the plain interval would give is withheld
    (``INNENFOR_AVRUNDING``) when the observed |difference| is within the bound: the sign of the
    difference itself is then not known from the published figures. Rows the plain interval calls
    «ikke sikker» stay so.
    """
    lo0, hi0 = np.atleast_1d(np.asarray(diff_lower, float)), np.atleast_1d(np.asarray(diff_upper, float))
    direction = np.broadcast_to(direction, lo0.shape)
    plain = classify(lo0, hi0, direction)
    lo, hi = widen(lo0, hi0, bound)
    out = classify(lo, hi, direction)
    d = np.atleast_1d(np.asarray(difference, dtype=float))
    b = np.nan_to_num(np.asarray(bound, dtype=float), nan=0.0)
    within = np.isfinite(d) & (np.abs(d) <= b) & (b > 0)
    had_verdict = ~np.isin(plain, [IKKE_SIKKER, "ingen_data"])
    out = np.where(within & had_verdict, INNENFOR_AVRUNDING, out)
    return out.astype(object)


def classification_labels(codes) -> list[str]:
    """Plain-language labels of classification codes, with «Innenfor avrundingen» for withheld verdicts."""
    from analysis.compare import CLASSIFICATION_LABELS

    labels = {**CLASSIFICATION_LABELS, INNENFOR_AVRUNDING: "Innenfor avrundingen"}
    return [labels.get(str(c), str(c)) for c in codes]


def on_grid(values, decimals) -> np.ndarray:
    """Round to the published decimal grid, half away from zero (as published tables do).

    ``np.round`` rounds half to even and works on binary floats (2.675 → 2.67); here the value is
    first snapped to 9 significant places past the grid to remove representation error, then rounded
    half away from zero, so 2.675 → 2.68 and 0.1 + 0.2 → 0.3 at one decimal.
    """
    v = np.asarray(values, dtype=float)
    scale = 10.0 ** np.asarray(decimals, dtype=float)
    scaled = np.round(v * scale, 9)
    return np.sign(scaled) * np.floor(np.abs(scaled) + 0.5) / scale


def points_on_grid(values, national, absolute, direction, decimals) -> np.ndarray:
    """Risk points 0/1/3 with figure and limits compared on the published decimal grid.

    Udir's rule (DESIGN §1): beyond the absolute limit 3 points, on the unfavourable side of the
    national limit 1 point, else 0. «Beyond» is strict: a figure *on* a limit is not beyond it.
    All three numbers are put on the grid first (``on_grid``), so a figure exactly on the limit
    (50.0 against a limit computed as 53.0 − 3.0000000000000004) gets the same points however it was
    computed. NaN values give 0 points.
    """
    d = np.asarray(direction, dtype=float)
    v = on_grid(values, decimals)
    nat = on_grid(national, decimals)
    ab = on_grid(absolute, decimals)
    with np.errstate(invalid="ignore"):
        beyond_abs = d * (v - ab) < 0
        beyond_nat = d * (v - nat) < 0
    pts = np.where(beyond_abs, 3, np.where(beyond_nat, 1, 0))
    return np.where(np.isfinite(v), pts, 0).astype(int)


def within_bound_count(classification, rounding_classification) -> int:
    """How many verdicts (not «ikke sikker»/«ingen data») the rounding bound removes."""
    a = np.asarray(classification, dtype=object)
    b = np.asarray(rounding_classification, dtype=object)
    verdict = ~np.isin(a, [IKKE_SIKKER, "ingen_data"])
    return int(np.sum(verdict & (b != a)))


def count_error_bound(n, delta_pct) -> np.ndarray:
    """Largest error in a count recovered as ``round(v/100·n)`` from a share ``v`` published with error ≤ δ pp.

    ``|v·n/100 − c| ≤ δ·n/100``; when that is below ½ the count is recovered exactly (0), otherwise
    the recovered count can be off by up to ``floor(δ·n/100 + ½)``.
    """
    e = np.asarray(delta_pct, float) * np.asarray(n, float) / 100
    return np.where(e < 0.5, 0.0, np.floor(e + 0.5))


def pooled_school_rest_bound(n_school, n_kommune, delta_school, delta_kommune, share: bool) -> float:
    """Rounding bound of (school pooled over years) − (rest of the kommune pooled over the same years).

    Means: with ``a_t = n_t/Σn`` and ``b_t = r_t/Σr`` (``r_t = N_t − n_t``) the error is
    ``Σ e_S,t (a_t + n_t/Σr) − Σ e_K,t N_t/Σr``, bounded by ``δ_S(1 + Σn_t/Σr) + δ_K·ΣN_t/Σr``
    (one year: ``N/(N − n)·(δ_S + δ_K)``, as ``school_minus_rest_bound``). Shares: the page pools
    counts recovered from the published shares, exact while ``δ·n/100 < ½``; the bound is
    ``100·(Σc_S/Σn + Σ(c_K + c_S)/Σr)`` with ``c = count_error_bound``. Years are the arrays' entries.
    """
    n = np.asarray(n_school, float)
    big_n = np.asarray(n_kommune, float)
    ok = np.isfinite(n) & np.isfinite(big_n) & (big_n > n) & (n > 0)
    if not ok.any():
        return float("nan")
    n, big_n = n[ok], big_n[ok]
    ds = np.broadcast_to(np.asarray(delta_school, float), ok.shape)[ok]
    dk = np.broadcast_to(np.asarray(delta_kommune, float), ok.shape)[ok]
    rest = (big_n - n).sum()
    if share:
        cs, ck = count_error_bound(n, ds), count_error_bound(big_n, dk)
        return float(100 * (cs.sum() / n.sum() + (ck + cs).sum() / rest))
    return float(np.sum(ds * (n / n.sum() + n / rest)) + np.sum(dk * big_n / rest))


def school_rest_bounds(school_rows, rest_rows):
    """Per school: the rounding bound of its pooled difference from the pooled rest of the kommune.

    ``school_rows``: the schools' published yearly rows (unit_id, period, indicator, n); ``rest_rows``:
    ``analysis.compare.rest_of_kommune`` output for the same rows (school_id, period, value, n = pupils in
    the rest). Only years where the rest exists count (as in the pooled rest). Decimals come from the
    catalogue. Returns a DataFrame ``school_id``, ``rounding_bound`` (NaN where no year counts).
    """
    import pandas as pd

    from data.catalogue import INDICATORS

    if len(rest_rows) == 0:
        return pd.DataFrame({"school_id": pd.Series(dtype=str), "rounding_bound": pd.Series(dtype=float)})
    r = rest_rows[rest_rows["value"].notna()][["school_id", "period", "indicator", "n"]].copy()
    r = r.rename(columns={"n": "rest_n"})
    s = school_rows[["unit_id", "period", "n"]].rename(columns={"unit_id": "school_id"})
    for frame in (r, s):
        frame["school_id"] = frame["school_id"].astype(str)
        frame["period"] = frame["period"].astype(str)
    m = r.merge(s, on=["school_id", "period"], how="inner").sort_values("school_id", kind="stable")
    sid = m["school_id"].to_numpy()
    codes = m["indicator"].astype(str).to_numpy()
    n_all = m["n"].to_numpy(float)
    big_all = n_all + m["rest_n"].to_numpy(float)
    starts = np.flatnonzero(np.r_[True, sid[1:] != sid[:-1]]) if len(sid) else np.array([], dtype=int)
    out = []
    for a, b in zip(starts, np.r_[starts[1:], len(sid)]):  # per school: its years (array slices, no groupby)
        ind = INDICATORS.get(codes[a])
        delta = float(rounding_bound(ind.decimals if ind else 1))
        share = bool(ind and ind.kind == "share")
        out.append((sid[a], pooled_school_rest_bound(n_all[a:b], big_all[a:b], delta, delta, share)))
    return pd.DataFrame(out, columns=["school_id", "rounding_bound"])


def published_bound(indicator_codes, n) -> np.ndarray:
    """Rounding bound of one published (or pooled-from-published) figure in its own unit.

    Means: ``δ`` (a pupil-weighted mean of figures each within δ is within δ). Shares: 0 when the
    pooled n is below the count-recovery limit (``δ·n/100 < ½`` in every year, so the counts the
    intervals use are exact), else ``δ``.
    """
    from data.catalogue import INDICATORS

    codes = [str(c) for c in indicator_codes]
    dec = np.array([INDICATORS[c].decimals if c in INDICATORS else 1 for c in codes], dtype=float)
    share = np.array([c in INDICATORS and INDICATORS[c].kind == "share" for c in codes], dtype=bool)
    delta = rounding_bound(dec)
    nn = np.asarray(n, dtype=float)
    exact = share & np.isfinite(nn) & (delta * nn / 100 < 0.5)
    return np.where(exact, 0.0, delta)


def apply_benchmark_rounding(out, benchmark_n_col: str | None = None, withheld: str = IKKE_SIKKER):
    """Widen unit-vs-benchmark comparisons (``analysis.compare.compare_to_benchmark`` output) by the
    rounding bound of both published figures, ``published_bound(unit) + published_bound(benchmark)``,
    and withhold verdicts within it (``classify_rounding_aware``). A withheld verdict gets the code
    ``withheld`` («ikke sikker» by default, so every consumer of the codes keeps working) and
    ``rounding_withheld`` True. Adds ``rounding_bound`` and ``classification_unrounded``;
    ``classification`` keeps its dtype (categorical or text).
    """
    import pandas as pd

    from analysis.intervals import catalogue_lookup

    out = out.copy()
    ind = out["indicator"].astype(str).to_numpy()
    bench_n = out[benchmark_n_col].to_numpy(dtype=float, na_value=np.nan) if benchmark_n_col else np.full(len(out), np.inf)
    bound = published_bound(ind, out["n"].to_numpy(dtype=float, na_value=np.nan)) + published_bound(ind, bench_n)
    direction = catalogue_lookup(out["indicator"], "direction", default=0).astype(float)
    was_categorical = isinstance(out["classification"].dtype, pd.CategoricalDtype)
    out["classification_unrounded"] = out["classification"].astype(str)
    cls = classify_rounding_aware(out["difference"], out["diff_lower"], out["diff_upper"], bound, direction)
    out["rounding_withheld"] = cls == INNENFOR_AVRUNDING
    cls = np.where(cls == INNENFOR_AVRUNDING, withheld, cls).astype(object)
    out["diff_lower"], out["diff_upper"] = widen(out["diff_lower"], out["diff_upper"], bound)
    out["rounding_bound"] = bound
    if was_categorical:
        cats = list(out["classification"].cat.categories)
        if withheld not in cats:
            cats.append(withheld)
        out["classification"] = pd.Categorical(cls, categories=cats)
    else:
        out["classification"] = cls.astype(str)
    if "classification_label" in out.columns:
        out["classification_label"] = classification_labels(cls)
    return out


def wls_slope_bound(x, weights, bounds) -> float:
    """Rounding bound of a weighted least-squares slope: ``Σ|cₜ|·bₜ`` with ``c`` the slope row of
    ``(XᵀWX)⁻¹XᵀW`` (the slope is linear in y, so each year's error ``|eₜ| ≤ bₜ`` moves it by at most
    ``|cₜ|·bₜ``; Higham 2002, §2.2). ``x`` the years, ``weights`` the WLS weights, ``bounds`` per year."""
    xx = np.asarray(x, float)
    w = np.asarray(weights, float)
    b = np.asarray(bounds, float)
    X = np.column_stack([np.ones_like(xx), xx])
    coef = np.linalg.solve(X.T @ (w[:, None] * X), (X * w[:, None]).T)
    return float(np.sum(np.abs(coef[1]) * b))


__all__ = [
    "INNENFOR_AVRUNDING", "apply_benchmark_rounding", "classification_labels", "classify_rounding_aware",
    "count_error_bound", "difference_bound", "on_grid", "points_on_grid", "pooled_school_rest_bound",
    "published_bound", "rest_bound", "rounding_bound", "school_minus_rest_bound", "school_rest_bounds", "widen",
    "within_bound_count", "wls_slope_bound",
]
