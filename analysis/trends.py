"""Trends over school years and stability of the comparison against a benchmark (docs/methods.md §4).

Method: weighted least squares of the published figure on the school year's start year, weights
``1/se²`` (the figure's own sampling variance from ``analysis.intervals``). The residual variance is
estimated from the years, so cohort-to-cohort variation widens the interval, but never below the
sampling variance (scale ≥ 1): with scale > 1 the slope's interval uses t with k − 2 df, otherwise
the normal distribution with the known sampling variances. Fewer than four published years is never
called a trend ("for få år").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.compare import BEDRE, IKKE_SIKKER, INGEN_DATA, SVAKERE
from analysis.intervals import add_intervals
from analysis.window import last_school_years
from data.catalogue import INDICATORS
from data.numbers import fmt_spec
from data.schema import period_start_year, sorted_periods

MIN_PERIODS = 4

BEDRING = "bedring"
FORVERRING = "forverring"
OKNING = "okning"  # neutral indicators: up
NEDGANG = "nedgang"  # neutral indicators: down
INGEN_SIKKER_ENDRING = "ingen_sikker_endring"
FOR_FA_AR = "for_fa_ar"

VERDICT_LABELS: dict[str, str] = {
    BEDRING: "Sikker bedring",
    FORVERRING: "Sikker forverring",
    OKNING: "Sikker økning",
    NEDGANG: "Sikker nedgang",
    INGEN_SIKKER_ENDRING: "Ingen sikker endring",
    FOR_FA_AR: "For få år til å si noe om utvikling",
}

METHOD_TEXT = (
    "Utvikling: vektet lineær regresjon over skoleårene (vekt 1/SE² per år), {pct} %-intervall for "
    "endring per år. Variasjon mellom kull gjør intervallet bredere. Kalles bedring/forverring bare når "
    "intervallet ikke inneholder 0, og aldri med færre enn {min_periods} publiserte år."
)

TREND_BY: tuple[str, ...] = ("level", "unit_id", "indicator", "subject", "trinn", "kjonn")


def method_text(conf: float = 0.95, min_periods: int = MIN_PERIODS) -> str:
    """Norwegian method text for trends."""
    return METHOD_TEXT.format(pct=fmt_spec(100 * conf, "g"), min_periods=min_periods)


@dataclass(frozen=True)
class TrendResult:
    """Slope per school year with its interval and a plain verdict."""

    slope_per_year: float
    lower: float
    upper: float
    p_value: float
    n_periods: int
    verdict: str
    method: str
    first_period: str = ""
    last_period: str = ""
    rounding_bound: float = 0.0  # issue 12: the verdict uses (lower − bound, upper + bound)

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]


def _verdict(lower: float, upper: float, direction: float) -> str:
    if not (np.isfinite(lower) and np.isfinite(upper)) or (lower <= 0 <= upper):
        return INGEN_SIKKER_ENDRING
    up = lower > 0
    if direction > 0:
        return BEDRING if up else FORVERRING
    if direction < 0:
        return FORVERRING if up else BEDRING
    return OKNING if up else NEDGANG


def _prepare(df: pd.DataFrame, conf: float) -> pd.DataFrame:
    d = df if {"estimate", "se"} <= set(df.columns) else add_intervals(df, conf=conf)
    ok = d["estimate"].notna() & d["se"].notna() & (d["se"] > 0)
    d = d[ok.to_numpy()]
    return d.assign(_year=d["period"].astype(str).map(period_start_year).astype(float))


def trend(series_df: pd.DataFrame, conf: float = 0.95, min_periods: int = MIN_PERIODS) -> TrendResult:
    """Trend of one series (one unit, indicator, subject, trinn, kjønn over school years).

    statsmodels WLS of ``estimate`` on the start year with weights ``1/se²``; residual scale floored at 1
    (see the module docstring). ``verdict``: "bedring"/"forverring" by the catalogue direction when the
    slope's interval excludes 0 ("okning"/"nedgang" for neutral indicators), "ingen_sikker_endring"
    otherwise, "for_fa_ar" with fewer than ``min_periods`` published years (then no slope is given).

    Parameters
    ----------
    series_df : DataFrame
        Canonical rows of one series (one unit, indicator, subject, trinn and kjønn), one per school year;
        intervals are added with ``analysis.intervals.add_intervals`` when missing.
    conf : float
        Confidence level of the slope's interval.
    min_periods : int
        Fewest published years for a verdict (4).

    Returns
    -------
    TrendResult
        Slope per school year with its interval, p-value, number of years and verdict.

    References
    ----------
    Draper, N. R. and Smith, H. (1998). Applied Regression Analysis, 3rd ed., Wiley, ch. 9 (weighted
    least squares); statsmodels ``WLS``. docs/methods.md §4.
    """
    d = _prepare(series_df, conf)
    if d["period"].astype(str).duplicated().any():
        raise ValueError("Serien har flere tall for samme skoleår; velg én enhet, indikator, trinn og kjønn.")
    k = len(d)
    text = method_text(conf, min_periods)
    periods = sorted_periods(d["period"].astype(str)) if k else []
    first, last = (periods[0], periods[-1]) if periods else ("", "")
    if k < min_periods:
        return TrendResult(np.nan, np.nan, np.nan, np.nan, k, FOR_FA_AR, text, first, last)
    import statsmodels.api as sm  # here, not at the top: importing statsmodels costs ≈1 s on a page's first run

    x = d["_year"].to_numpy(float) - 2000.0
    y = d["estimate"].to_numpy(float)
    w = 1.0 / d["se"].to_numpy(float) ** 2
    X = sm.add_constant(x, has_constant="add")
    fit = sm.WLS(y, X, weights=w).fit()
    if fit.scale < 1.0:
        fit = sm.WLS(y, X, weights=w).fit(cov_type="fixed scale", cov_kwds={"scale": 1.0})
    lo, hi = fit.conf_int(alpha=1 - conf)[1]
    slope = float(fit.params[1])
    codes = d["indicator"].astype(str).unique()
    direction = INDICATORS[codes[0]].direction if len(codes) == 1 and codes[0] in INDICATORS else 0
    # Issue 12: the yearly figures are published rounded; the verdict uses the interval widened by the
    # slope's rounding bound (``lower``/``upper`` stay the sampling interval).
    from analysis.rounding import published_bound, wls_slope_bound

    n = d["n"].to_numpy(dtype=float, na_value=np.nan)
    bound = wls_slope_bound(x, w, published_bound(d["indicator"].astype(str), n))
    return TrendResult(slope, float(lo), float(hi), float(fit.pvalues[1]), k,
                       _verdict(lo - bound, hi + bound, direction), text, first, last, bound)


def stability(df_with_classification: pd.DataFrame, window: list[str] | int = 5,
              by: list[str] | None = None) -> pd.DataFrame:
    """How often each unit was under ("svakere"), over ("bedre") or not surely different from the
    benchmark in the window (a list of school years, or the last ``window`` years in the data).

    Counting only, no statistics: ``years_svakere``, ``years_bedre``, ``years_ikke_sikker``,
    ``years_with_data`` (classified years), ``years_in_window``, ``share_svakere`` (of years with data),
    ``periods_svakere`` (text) and a Norwegian ``summary`` like "Svakere i 3 av 5 år (2 uten data)".
    """
    by = list(by) if by is not None else [c for c in TREND_BY if c in df_with_classification.columns]
    d = df_with_classification
    all_periods = sorted_periods(d["period"].astype(str).unique())
    periods = last_school_years(all_periods, int(window)) if isinstance(window, int) else sorted_periods(window)
    d = d[d["period"].astype(str).isin(periods)]
    cls = d["classification"].astype(str)
    flags = pd.DataFrame({
        "years_svakere": (cls == SVAKERE).astype(int),
        "years_bedre": (cls == BEDRE).astype(int),
        "years_ikke_sikker": (cls == IKKE_SIKKER).astype(int),
        "years_with_data": (cls != INGEN_DATA).astype(int),
        "_svak_period": np.where(cls == SVAKERE, d["period"].astype(str), ""),
    }, index=d.index)
    for c in by:
        flags[c] = d[c]
    g = flags.groupby(by, observed=True, sort=True, dropna=False)
    out = g[["years_svakere", "years_bedre", "years_ikke_sikker", "years_with_data"]].sum()
    out["periods_svakere"] = g["_svak_period"].agg(lambda s: ", ".join(sorted_periods([p for p in s if p])))
    out = out.reset_index()
    out["years_in_window"] = len(periods)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share_svakere"] = out["years_svakere"] / out["years_with_data"].where(out["years_with_data"] > 0)
    missing = len(periods) - out["years_with_data"]
    out["summary"] = [
        f"Svakere i {s} av {n} år" + (f" ({m} uten data)" if m else "")
        for s, n, m in zip(out["years_svakere"], [len(periods)] * len(out), missing)
    ]
    return out


__all__ = [
    "BEDRING", "FORVERRING", "FOR_FA_AR", "INGEN_SIKKER_ENDRING", "MIN_PERIODS", "NEDGANG", "OKNING",
    "TrendResult", "VERDICT_LABELS", "method_text", "stability", "trend",
]
