"""Comparisons against a benchmark, the rest of the kommune, and differences of two estimates.

See docs/methods.md §3 for the formulas and papers.

Rule: a unit is called over or under a benchmark only when the interval of the difference excludes 0;
otherwise "Ikke sikker forskjell". "Svakere"/"bedre" follow the indicator's direction in the catalogue
(+1: higher is better, -1: lower is better); neutral indicators (0) are only "lavere"/"høyere".

Methods
-------
- Fixed benchmark (e.g. the national figure, whose uncertainty is negligible): the unit's own interval
  shifted by the benchmark.
- Uncertain benchmark (given as SE or as its own interval): the MOVER method (method of variance
  estimates recovery; Zou & Donner 2008), which for two Wilson intervals is exactly Newcombe's hybrid
  score interval (Newcombe 1998, method 10) and for two t intervals is close to Welch's interval.
- ``difference_interval``: Welch's t interval (Welch-Satterthwaite df) for two means; Newcombe's hybrid
  score interval for two shares.
- ``rest_of_kommune``: the kommune's figure with one school's pupils removed, from the published
  aggregates; refused when that would reveal a suppressed figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np
import pandas as pd

from analysis.distributions import norm_isf, t_isf
from analysis.intervals import add_intervals, catalogue_lookup, wilson_interval
from data.catalogue import INDICATORS, MARKER_NO_DATA, MARKER_SUPPRESSED, suppression_min_n
from data.numbers import fmt_spec

SVAKERE = "svakere"
IKKE_SIKKER = "ikke_sikker"
BEDRE = "bedre"
LAVERE = "lavere"
HOYERE = "hoyere"
INGEN_DATA = "ingen_data"
CLASSIFICATIONS: tuple[str, ...] = (SVAKERE, IKKE_SIKKER, BEDRE, LAVERE, HOYERE, INGEN_DATA)


@dataclass(frozen=True)
class ClassificationCounts:
    """How many units (or indicators) fell in each classification; see ``count_classifications``."""

    svakere: int = 0
    bedre: int = 0
    lavere: int = 0
    hoyere: int = 0
    ikke_sikker: int = 0
    ingen_data: int = 0

    @property
    def total(self) -> int:
        return self.svakere + self.bedre + self.lavere + self.hoyere + self.ikke_sikker + self.ingen_data

    @property
    def usikker(self) -> int:
        """«Uten sikker forskjell»: the interval of the difference contains 0 (``IKKE_SIKKER`` only)."""
        return self.ikke_sikker


def count_classifications(codes: Iterable[object]) -> ClassificationCounts:
    """Count classification codes (``classify``) with one rule for every page and the report.

    Each code counts under itself. «Uten sikker forskjell» is ``IKKE_SIKKER`` only: ``LAVERE`` and
    ``HOYERE`` (an indicator without a better direction) are sure differences and are counted on their
    own, and ``INGEN_DATA`` (no interval or no benchmark) is never counted as uncertain. Missing values
    count as ``INGEN_DATA``; an unknown code raises ``ValueError``.
    """
    counts = dict.fromkeys(CLASSIFICATIONS, 0)
    for c in codes:
        code = INGEN_DATA if c is None or (isinstance(c, float) and np.isnan(c)) else str(c)
        if code not in counts:
            raise ValueError(f"Ukjent klassifisering: {code!r}")
        counts[code] += 1
    return ClassificationCounts(**counts)


METHOD_TEXT_FIXED = (
    "Forskjell fra sammenligningstallet: enhetens eget {pct} %-intervall flyttet med sammenligningstallet "
    "(sammenligningstallet regnes som sikkert). Over/under bare når intervallet ikke inneholder 0."
)
METHOD_TEXT_MOVER = (
    "Forskjell fra sammenligningstallet: {pct} %-intervall for differansen der begge tallene er usikre "
    "(MOVER-metoden; for andeler Newcombes hybride score-intervall). Over/under bare når intervallet "
    "ikke inneholder 0."
)
METHOD_TEXT_DIFFERENCE = (
    "Differanse mellom to uavhengige tall: gjennomsnitt med Welchs t-intervall, andeler med "
    "Newcombes hybride score-intervall (Wilson)."
)
METHOD_TEXT_REST = (
    "«Resten av kommunen» er kommunens tall med skolens elever trukket fra: gjennomsnitt som "
    "(N·m − n·x)/(N − n), andeler som antall elever. Vises ikke når resten har færre elever enn "
    "grensen for skjerming, fordi tallet da ville avsløre skjermede tall."
)


def _z(conf: float) -> float:
    if not 0 < conf < 1:
        raise ValueError(f"Konfidensnivået må være mellom 0 og 1, fikk {conf!r}.")
    return float(norm_isf((1 - conf) / 2))


def method_text(conf: float = 0.95, uncertain_benchmark: bool = False) -> str:
    """Norwegian method text for ``compare_to_benchmark``."""
    pct = fmt_spec(100 * conf, "g")
    return (METHOD_TEXT_MOVER if uncertain_benchmark else METHOD_TEXT_FIXED).format(pct=pct)


# ---------------------------------------------------------------------------------------------
# Classification against a benchmark
# ---------------------------------------------------------------------------------------------

def classify(diff_lower, diff_upper, direction) -> np.ndarray:
    """Classify intervals of differences (unit − benchmark) into the CLASSIFICATIONS codes.

    Above when ``diff_lower > 0``, below when ``diff_upper < 0``, else "ikke_sikker"; NaN → "ingen_data".
    Direction +1: above = "bedre"; -1: above = "svakere"; 0: "hoyere"/"lavere".
    """
    lo = np.asarray(diff_lower, dtype=float)
    hi = np.asarray(diff_upper, dtype=float)
    d = np.asarray(direction, dtype=float)
    above = lo > 0
    below = hi < 0
    nodata = ~np.isfinite(lo) | ~np.isfinite(hi)
    above_code = np.where(d > 0, BEDRE, np.where(d < 0, SVAKERE, HOYERE))
    below_code = np.where(d > 0, SVAKERE, np.where(d < 0, BEDRE, LAVERE))
    out = np.where(nodata, INGEN_DATA, np.where(above, above_code, np.where(below, below_code, IKKE_SIKKER)))
    return out.astype(object)


def compare_to_benchmark(
    df: pd.DataFrame,
    benchmark_value_col: str = "benchmark",
    benchmark_se_col: str | None = None,
    benchmark_lower_col: str | None = None,
    benchmark_upper_col: str | None = None,
    conf: float = 0.95,
) -> pd.DataFrame:
    """Add ``difference``, ``diff_lower``, ``diff_upper`` and ``classification`` (a code; labels: ``present``).

    ``df`` carries the interval columns of ``add_intervals`` (added here if missing) and a benchmark
    value column. Method: without benchmark uncertainty the unit's own interval minus the benchmark.
    With the benchmark's SE (``benchmark_se_col``) or its own interval (``benchmark_lower_col`` and
    ``benchmark_upper_col``), the MOVER interval of the difference (Zou & Donner 2008):
    ``d − sqrt((est − lower)² + (b_upper − b)²)`` to ``d + sqrt((upper − est)² + (b − b_lower)²)``,
    where an SE gives ``b ± z·se``; for two Wilson intervals this is Newcombe's hybrid score interval.
    A missing benchmark SE counts as 0 (a fixed benchmark). Rows without an interval or without a
    benchmark are "ingen_data". The classification respects the catalogue direction (see ``classify``).
    """
    out = df if {"estimate", "lower", "upper"} <= set(df.columns) else add_intervals(df, conf=conf)
    out = out.copy()
    z = _z(conf)
    est = out["estimate"].to_numpy(dtype=float, na_value=np.nan)
    lo = out["lower"].to_numpy(dtype=float, na_value=np.nan)
    hi = out["upper"].to_numpy(dtype=float, na_value=np.nan)
    b = pd.to_numeric(out[benchmark_value_col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    d = est - b
    if benchmark_lower_col is not None and benchmark_upper_col is not None:
        bl = pd.to_numeric(out[benchmark_lower_col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        bu = pd.to_numeric(out[benchmark_upper_col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        b_down = np.where(np.isfinite(bl), b - bl, 0.0)
        b_up = np.where(np.isfinite(bu), bu - b, 0.0)
    elif benchmark_se_col is not None:
        se_b = pd.to_numeric(out[benchmark_se_col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        se_b = np.where(np.isfinite(se_b), se_b, 0.0)
        b_down = b_up = z * se_b
    else:
        b_down = b_up = np.zeros(len(out))
    dlo = d - np.sqrt((est - lo) ** 2 + b_up ** 2)
    dhi = d + np.sqrt((hi - est) ** 2 + b_down ** 2)
    out["difference"] = d
    out["diff_lower"] = dlo
    out["diff_upper"] = dhi
    direction = catalogue_lookup(out["indicator"], "direction", default=0).astype(float)
    cls = classify(dlo, dhi, direction)
    out["classification"] = pd.Categorical(cls, categories=list(CLASSIFICATIONS))
    return out


# ---------------------------------------------------------------------------------------------
# Difference of two independent estimates
# ---------------------------------------------------------------------------------------------

def welch_difference(mean1, sd1, n1, mean2, sd2, n2, conf: float = 0.95):
    """Welch's t interval for ``mean1 − mean2`` (unequal variances; Welch-Satterthwaite df).

    ``se = sqrt(s1²/n1 + s2²/n2)``, ``df = se⁴ / ((s1²/n1)²/(n1−1) + (s2²/n2)²/(n2−1))``.
    Returns ``(difference, lower, upper, df)`` as arrays. Agrees with
    ``statsmodels.stats.weightstats.CompareMeans(...).tconfint_diff(usevar="unequal")``.
    """
    _z(conf)
    m1, s1, k1 = (np.asarray(x, dtype=float) for x in (mean1, sd1, n1))
    m2, s2, k2 = (np.asarray(x, dtype=float) for x in (mean2, sd2, n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        v1 = s1 ** 2 / k1
        v2 = s2 ** 2 / k2
        se = np.sqrt(v1 + v2)
        dof = (v1 + v2) ** 2 / (v1 ** 2 / (k1 - 1) + v2 ** 2 / (k2 - 1))
        ok = (k1 >= 2) & (k2 >= 2) & np.isfinite(se)
        t = t_isf((1 - conf) / 2, np.where(ok, dof, 1.0))
    d = m1 - m2
    half = np.where(ok, t * se, np.nan)
    return d, d - half, d + half, np.where(ok, dof, np.nan)


def newcombe_difference(count1, n1, count2, n2, conf: float = 0.95):
    """Newcombe's hybrid score interval (1998, method 10) for ``p1 − p2`` on the 0..1 scale.

    With Wilson intervals ``[l_i, u_i]``: ``d − sqrt((p1−l1)² + (u2−p2)²)`` to
    ``d + sqrt((u1−p1)² + (p2−l2)²)``. Returns ``(difference, lower, upper)``. Agrees with
    ``statsmodels.stats.proportion.confint_proportions_2indep(method="newcomb")``.
    """
    x1, k1, x2, k2 = (np.asarray(x, dtype=float) for x in (count1, n1, count2, n2))
    l1, u1 = wilson_interval(x1, k1, conf)
    l2, u2 = wilson_interval(x2, k2, conf)
    with np.errstate(divide="ignore", invalid="ignore"):
        p1 = x1 / k1
        p2 = x2 / k2
    d = p1 - p2
    lower = d - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    upper = d + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return d, lower, upper


def difference_interval(est1, n1, est2, n2, kind: str, sd1=None, sd2=None, conf: float = 0.95):
    """Interval for ``est1 − est2`` of two independent published figures, in the figures' unit.

    ``kind="share"``: estimates in percent; counts ``round(est/100·n)``; Newcombe's hybrid score
    interval, returned in percentage points. ``kind="mean"``: Welch's t interval from ``sd1``/``sd2``
    (pupil-level SDs). Returns ``(difference, lower, upper)``.
    """
    if kind == "share":
        k1 = np.asarray(n1, dtype=float)
        k2 = np.asarray(n2, dtype=float)
        x1 = np.round(np.asarray(est1, dtype=float) / 100 * k1)
        x2 = np.round(np.asarray(est2, dtype=float) / 100 * k2)
        d, lo, hi = newcombe_difference(x1, k1, x2, k2, conf)
        return 100 * d, 100 * lo, 100 * hi
    if kind == "mean":
        if sd1 is None or sd2 is None:
            raise ValueError("Differanse mellom gjennomsnitt krever standardavvik for begge tallene.")
        d, lo, hi, _ = welch_difference(est1, sd1, n1, est2, sd2, n2, conf)
        return d, lo, hi
    raise ValueError(f"Ukjent type {kind!r}: bruk 'share' eller 'mean'.")


# ---------------------------------------------------------------------------------------------
# The rest of the kommune
# ---------------------------------------------------------------------------------------------

REST_KOMMUNE_SUPPRESSED = "Kommunetallet er skjermet"
REST_KOMMUNE_MISSING = "Kommunetallet mangler"
REST_SCHOOL_SUPPRESSED = "Skolens tall er skjermet, så resten kan ikke regnes ut uten å avsløre det"
REST_N_UNKNOWN = "Antall elever er ukjent"
REST_NO_OTHERS = "Ingen andre elever i kommunen"
REST_TOO_FEW = "For få elever i resten av kommunen (under {thr}); tallet ville avsløre skjermede tall"

_JOIN = ["indicator", "subject", "trinn", "kjonn", "period"]


def rest_of_kommune(school: pd.DataFrame, kommune: pd.DataFrame) -> pd.DataFrame:
    """The kommune's figure with each school's pupils removed ("resten av kommunen"), per school row.

    Method: means ``(N·m − n·x)/(N − n)``; when both SDs are known the rest's SD comes from the pooled
    sums of squares ``Σx² = (N−1)S² + N·m²`` minus the school's; shares from counts
    ``round(v/100·N) − round(x/100·n)``. ``rounding_error`` bounds the error that the published
    figures' rounding can cause: ``(N·δ + n·δ)/(N − n)`` with δ half the last published decimal.
    Suppressed in ⇒ suppressed out: a suppressed kommune or school figure gives a suppressed rest. When
    the rest has fewer pupils than the suppression threshold (``data.catalogue``) it is refused
    (suppressed, no value), because it would reveal a hidden figure. ``rest_reason`` says why.

    ``school`` holds school rows (one or several schools); ``kommune`` holds kommune rows; rows are
    matched on indicator, subject, trinn, kjønn, period and the school's ``kommune_id`` for that period.
    Returns canonical rows (level "kommune", ``unit_id`` "<kommune>-uten-<skole>") plus ``school_id``,
    ``school_name``, ``rest_reason``, ``rounding_error`` and ``derived_from_suppressed``.
    """
    m = _rest_inputs(school, kommune)
    x = m["value"].to_numpy(dtype=float, na_value=np.nan)
    n = m["n"].to_numpy(dtype=float, na_value=np.nan)
    s_supp = m["suppressed"].to_numpy(dtype=bool, na_value=False)
    kv = m["k_value"].to_numpy(dtype=float, na_value=np.nan)
    kn = m["k_n"].to_numpy(dtype=float, na_value=np.nan)
    k_missing = m["k_supp"].isna().to_numpy()
    k_supp = m["k_supp"].fillna(False).to_numpy(dtype=bool)
    ind = m["indicator"].astype(str)
    is_share = ind.map(lambda c: c in INDICATORS and INDICATORS[c].kind == "share").to_numpy(bool)
    thr = ind.map(lambda c: suppression_min_n(c) if c in INDICATORS else 10).to_numpy(float)
    value, rest_sd, rounding = _rest_values(m, is_share)
    rn = kn - n
    code, reason = _rest_reasons(k_missing, k_supp, s_supp, x, n, kv, kn, thr)
    ok = code == 0
    suppressed_out = np.isin(code, [2, 3, 6])
    out = pd.DataFrame({
        "level": "kommune",
        "unit_id": (m["kommune_id"].astype(str) + "-uten-" + m["unit_id"].astype(str)).to_numpy(),
        "unit_name": (m["kommune_name"].astype(str).where(~k_missing, m["kommune_id"].astype(str))
                      + " uten " + m["unit_name"].astype(str)).to_numpy(),
        "kommune_id": m["kommune_id"].to_numpy(),
        "fylke_id": m["fylke_id"].to_numpy() if "fylke_id" in m.columns else "",
        **{c: m[c].to_numpy() for c in ("indicator", "subject", "trinn", "kjonn", "period")},
        "value": np.where(ok, value, np.nan),
        "n": np.where(ok, rn, np.nan),
        "sd": np.where(ok, rest_sd, np.nan),
        "suppressed": suppressed_out,
        "marker": np.where(suppressed_out, MARKER_SUPPRESSED, np.where(ok, "", MARKER_NO_DATA)),
        "unit_of_measure": m["unit_of_measure"].to_numpy() if "unit_of_measure" in m.columns else "",
        "source": m["source"].to_numpy() if "source" in m.columns else "",
        "school_id": m["unit_id"].astype(str).to_numpy(),
        "school_name": m["unit_name"].astype(str).to_numpy(),
        "rest_reason": reason,
        "rounding_error": np.where(ok, rounding, np.nan),
        "derived_from_suppressed": s_supp | k_supp,
    })
    out["trinn"] = out["trinn"].astype("Int8")
    return out


def _rest_inputs(school: pd.DataFrame, kommune: pd.DataFrame) -> pd.DataFrame:
    """School rows with their kommune's figure of the same indicator, trinn, kjønn and year (``k_*``)."""
    kom = kommune[kommune["level"].astype(str) == "kommune"] if "level" in kommune.columns else kommune
    k = kom[["unit_id", "unit_name", *_JOIN, "value", "n", "sd", "suppressed"]].copy()
    k = k.rename(columns={"unit_id": "kommune_id", "unit_name": "kommune_name", "value": "k_value", "n": "k_n",
                          "sd": "k_sd", "suppressed": "k_supp"})
    s = school.copy()
    for frame in (s, k):
        for c in ("kommune_id", *_JOIN):
            frame[c] = frame[c].astype(str) if c != "trinn" else frame[c].astype("Int64")
    return s.merge(k, on=["kommune_id", *_JOIN], how="left")


def _rest_values(m: pd.DataFrame, is_share: np.ndarray):
    """(value, sd, rounding bound) of the rest: shares from counts, means ``(N·m − n·x)/(N − n)``, the SD
    from the pooled sums of squares when both SDs are known."""
    x = m["value"].to_numpy(dtype=float, na_value=np.nan)
    n = m["n"].to_numpy(dtype=float, na_value=np.nan)
    sd = m["sd"].to_numpy(dtype=float, na_value=np.nan)
    kv = m["k_value"].to_numpy(dtype=float, na_value=np.nan)
    kn = m["k_n"].to_numpy(dtype=float, na_value=np.nan)
    ksd = m["k_sd"].to_numpy(dtype=float, na_value=np.nan)
    decimals = m["indicator"].astype(str).map(lambda c: INDICATORS[c].decimals if c in INDICATORS else 1)
    rn = kn - n
    with np.errstate(divide="ignore", invalid="ignore"):
        share_succ = np.round(kv / 100 * kn) - np.round(x / 100 * n)
        share_val = 100 * np.clip(share_succ, 0, rn) / rn
        mean_val = (kn * kv - n * x) / rn
        sq_k = (kn - 1) * ksd ** 2 + kn * kv ** 2
        sq_s = (n - 1) * sd ** 2 + n * x ** 2
        rest_var = (sq_k - sq_s - rn * mean_val ** 2) / (rn - 1)
        rest_sd = np.sqrt(np.clip(rest_var, 0, None))
        delta = 0.5 * 10.0 ** (-decimals.to_numpy(float))
        rounding = (kn * delta + n * delta) / rn
    rest_sd = np.where(np.isfinite(ksd) & np.isfinite(sd) & (rn >= 2) & ~is_share, rest_sd, np.nan)
    return np.where(is_share, share_val, mean_val), rest_sd, rounding


def _rest_reasons(k_missing, k_supp, s_supp, x, n, kv, kn, thr):
    """(code, text) of why the rest is not given, first match wins; code 0 and '' when it is."""
    rn = kn - n
    conds = [
        k_missing,
        k_supp,
        s_supp,
        ~np.isfinite(kn) | ~np.isfinite(n) | ~np.isfinite(kv) | ~np.isfinite(x),
        rn <= 0,
        rn < thr,
    ]
    texts = [REST_KOMMUNE_MISSING, REST_KOMMUNE_SUPPRESSED, REST_SCHOOL_SUPPRESSED, REST_N_UNKNOWN,
             REST_NO_OTHERS, None]
    code = np.select(conds, list(range(1, len(conds) + 1)), default=0)
    reason = np.array([""] * len(code), dtype=object)
    for i, t in enumerate(texts, start=1):
        sel = code == i
        reason[sel] = [REST_TOO_FEW.format(thr=int(v)) for v in thr[sel]] if t is None else t
    return code, reason


__all__ = [
    "BEDRE", "CLASSIFICATIONS", "ClassificationCounts", "HOYERE", "IKKE_SIKKER", "INGEN_DATA", "LAVERE",
    "METHOD_TEXT_DIFFERENCE", "METHOD_TEXT_REST", "SVAKERE", "classify", "compare_to_benchmark", "count_classifications",
    "difference_interval", "method_text", "newcombe_difference", "rest_of_kommune", "welch_difference",
]
