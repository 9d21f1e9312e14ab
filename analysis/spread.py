"""Spread between schools, funnel plots, overdispersion and empirical-Bayes shrinkage.

See docs/methods.md §5.

Methods
-------
- ``between_school_spread``: one-way random-effects ANOVA from published aggregates (n, mean and
  pupil-level SD per school; for shares the binomial variance n·p(1−p)/(n−1) of 0/1 pupils).
  ``σ²_b = max(0, (MSB − MSW)/n₀)`` with ``n₀ = (N − Σnᵢ²/N)/(k − 1)``; ICC = ``σ²_b/(σ²_b + σ²_w)``;
  F test of no school differences. For balanced schools this equals the REML estimate of a random
  intercept model (statsmodels MixedLM is the reference in the tests).
- ``spread_drivers``: each school's contribution ``nᵢ(xᵢ − x̄)²`` to the between-school sum of
  squares, and its difference from the other schools with an interval (Welch / Newcombe).
- ``funnel_limits``: Spiegelhalter (2005), "Funnel plots for comparing institutional performance",
  Stat Med 24:1185-1202. Shares: exact binomial limits with the paper's interpolation
  ``(r_p − α)/n``; means: normal ``θ ± z_p·σ/√n``. Overdispersion: multiplicative ``θ ± z·sqrt(φ)·s``
  or additive ``θ ± z·sqrt(s² + τ²)`` (normal approximation).
- ``overdispersion``: winsorised z-scores (10 % each tail), ``φ̂ = Σz²/I``, test ``Iφ̂ ~ χ²_I``;
  ``τ̂² = (Iφ̂ − (I − 1)) / (Σw − Σw²/Σw)`` with ``w = 1/s²`` (DerSimonian-Laird style), truncated at 0.
- ``eb_shrinkage``: normal-normal empirical Bayes toward the benchmark: ``B = s²/(s² + τ²)``,
  ``θ̃ = B·θ₀ + (1 − B)·y``, posterior SD ``sqrt((1 − B)·s²)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analysis.compare import classify, difference_interval
from analysis.intervals import catalogue_lookup
from data.catalogue import INDICATORS

METHOD_TEXT_SPREAD = (
    "Spredning mellom skoler: andel av variasjonen som ligger mellom skolene (intraklassekorrelasjon), "
    "beregnet med enveis variansanalyse fra antall elever, gjennomsnitt og standardavvik per skole. "
    "For andeler brukes binomisk varians. Skjermede skoler er ikke med."
)
METHOD_TEXT_FUNNEL = (
    "Traktdiagram (Spiegelhalter 2005): grensene viser hvor langt fra sammenligningstallet en enhet kan "
    "ligge av tilfeldigheter alene ved gitt antall elever (95 % og 99,8 %). Andeler: eksakte "
    "binomiske grenser; gjennomsnitt: normalfordeling."
)
METHOD_TEXT_OVERDISPERSION = (
    "Overspredning: mer variasjon mellom enhetene enn tilfeldighetene tilsier. Anslått fra "
    "winsoriserte z-verdier (10 % i hver hale) som multiplikativ faktor φ eller additiv varians τ²."
)
METHOD_TEXT_SHRINKAGE = (
    "Empirisk Bayes: små enheter trekkes mot sammenligningstallet i forhold til hvor usikre de er "
    "(vekt s²/(s² + τ²)). Brukes bare til rangering, ikke som enhetens eget tall."
)

_GROUP_BY: tuple[str, ...] = ("kommune_id", "indicator", "subject", "trinn", "kjonn", "period")


def _pupil_moments(df: pd.DataFrame) -> pd.DataFrame:
    """Published rows with n, mean (0..1 for shares) and pupil-level variance (source, default or binomial)."""
    d = df[~df["suppressed"].to_numpy(dtype=bool) & df["value"].notna().to_numpy() & (df["n"] > 0).to_numpy()]
    kind = catalogue_lookup(d["indicator"], "kind", default="mean")
    is_share = kind == "share"
    n = d["n"].to_numpy(float)
    v = d["value"].to_numpy(float)
    mean = np.where(is_share, v / 100, v)
    sd = d["sd"].to_numpy(dtype=float, na_value=np.nan) if "sd" in d.columns else np.full(len(d), np.nan)
    default_sd = catalogue_lookup(d["indicator"], "default_sd", default=np.nan)
    default_sd = np.array([np.nan if x is None else x for x in default_sd], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        binom_var = np.where(n > 1, n * mean * (1 - mean) / (n - 1), 0.0)
    var = np.where(is_share, binom_var, np.where(np.isfinite(sd), sd ** 2, default_sd ** 2))
    return d.assign(_n=n, _mean=mean, _var=var, _share=is_share)


@dataclass(frozen=True)
class AnovaResult:
    """One-way random-effects ANOVA of pupils within schools (``anova_icc``).

    Attributes
    ----------
    icc : float
        Share of the pupil variance that lies between schools, ``σ²_b / (σ²_b + σ²_w)``.
    sigma2_between, sigma2_within : float
        The variance components ``σ²_b`` and ``σ²_w`` (= MSW).
    f_stat, p_value : float
        F test of no difference between schools, on (k − 1, N − k) df.
    n_schools : int
    n_pupils : float
    grand_mean : float
        The pupil-weighted mean over all schools.
    """

    icc: float
    sigma2_between: float
    sigma2_within: float
    f_stat: float
    p_value: float
    n_schools: int
    n_pupils: float
    grand_mean: float


def anova_icc(n, mean, var) -> AnovaResult:
    """One-way random-effects ANOVA estimate of the ICC from group sizes, means and within variances.

    ``SSB = Σnᵢ(mᵢ − m̄)²``, ``SSW = Σ(nᵢ − 1)sᵢ²``, ``MSB = SSB/(k−1)``, ``MSW = SSW/(N−k)``,
    ``n₀ = (N − Σnᵢ²/N)/(k − 1)``, ``σ²_b = max(0, (MSB − MSW)/n₀)``, ``F = MSB/MSW`` on (k−1, N−k) df.

    Parameters
    ----------
    n : array_like
        Pupils per school.
    mean : array_like
        School means (for shares: proportions 0..1).
    var : array_like
        Pupil-level variance within each school (for shares ``n·p(1−p)/(n−1)``).

    Returns
    -------
    AnovaResult

    References
    ----------
    Searle, S. R., Casella, G. and McCulloch, C. E. (1992). Variance Components. Wiley, ch. 3 (the
    ANOVA estimator for unbalanced one-way data, with ``n₀``). docs/methods.md §5.
    """
    n = np.asarray(n, float)
    m = np.asarray(mean, float)
    s2 = np.asarray(var, float)
    k = len(n)
    N = n.sum()
    if k < 2 or N - k <= 0:
        return AnovaResult(np.nan, np.nan, np.nan, np.nan, np.nan, k, N, float(np.sum(n * m) / N) if N else np.nan)
    gm = np.sum(n * m) / N
    ssb = np.sum(n * (m - gm) ** 2)
    ssw = np.sum((n - 1) * s2)
    msb = ssb / (k - 1)
    msw = ssw / (N - k)
    n0 = (N - np.sum(n ** 2) / N) / (k - 1)
    s2b = max(0.0, (msb - msw) / n0)
    f = msb / msw if msw > 0 else np.inf
    p = float(stats.f.sf(f, k - 1, N - k)) if np.isfinite(f) else 0.0
    icc = s2b / (s2b + msw) if (s2b + msw) > 0 else np.nan
    return AnovaResult(float(icc), float(s2b), float(msw), float(f), p, k, float(N), float(gm))


def between_school_spread(school_rows: pd.DataFrame, by: Sequence[str] | None = None) -> pd.DataFrame:
    """Share of variance between schools (ICC) per kommune, indicator, subject, trinn, kjønn and period.

    Only published school rows are used (``schools_suppressed`` counts the rest). Means use the
    source's pupil-level SD, else the catalogue's national SD; shares the binomial variance. Variances
    are on the value's scale (shares as proportions 0..1, so ``sigma_between`` in percentage points is
    ``100·sqrt(sigma2_between)``). Returns ``icc``, ``sigma2_between``, ``sigma2_within``,
    ``sd_between`` (in the value's unit), ``f_stat``, ``p_value``, ``n_schools``, ``n_pupils``,
    ``schools_suppressed``, ``grand_mean`` (value's unit) and ``method``.

    Parameters
    ----------
    school_rows : DataFrame
        Canonical school rows.
    by : sequence of str, optional
        Grouping columns; default kommune, indicator, subject, trinn, kjønn and period.

    References
    ----------
    See ``anova_icc``.
    """
    sch = school_rows[school_rows["level"].astype(str) == "skole"] if "level" in school_rows.columns else school_rows
    by = list(by) if by is not None else [c for c in _GROUP_BY if c in sch.columns]
    d = _pupil_moments(sch)
    supp_counts = sch.groupby(by, observed=True, dropna=False)["suppressed"].sum()
    rows = []
    for key, g in d.groupby(by, observed=True, sort=True, dropna=False):
        r = anova_icc(g["_n"], g["_mean"], g["_var"])
        share = bool(g["_share"].iloc[0])
        unit = 100.0 if share else 1.0
        key = key if isinstance(key, tuple) else (key,)
        rows.append({**dict(zip(by, key)), "icc": r.icc, "sigma2_between": r.sigma2_between,
                     "sigma2_within": r.sigma2_within, "sd_between": unit * np.sqrt(r.sigma2_between),
                     "f_stat": r.f_stat, "p_value": r.p_value, "n_schools": r.n_schools, "n_pupils": r.n_pupils,
                     "schools_suppressed": int(supp_counts.get(key if len(key) > 1 else key[0], 0)),
                     "grand_mean": unit * r.grand_mean, "method": METHOD_TEXT_SPREAD})
    cols = [*by, "icc", "sigma2_between", "sigma2_within", "sd_between", "f_stat", "p_value", "n_schools",
            "n_pupils", "schools_suppressed", "grand_mean", "method"]
    return pd.DataFrame(rows, columns=cols)


def spread_drivers(school_rows: pd.DataFrame, conf: float = 0.95) -> pd.DataFrame:
    """Which schools drive the spread, for ONE kommune/indicator/subject/trinn/kjønn/period (or window).

    Per published school: ``contribution = nᵢ(xᵢ − x̄)²`` and its share of the between-school sum of
    squares; ``others`` = the other published schools' pooled figure; ``difference`` = school − others
    with ``diff_lower``/``diff_upper`` (Welch for means, Newcombe for shares) and a direction-aware
    ``classification`` (see ``analysis.compare.classify``). Sorted by contribution, largest first.

    Parameters
    ----------
    school_rows : DataFrame
        Canonical school rows of one kommune and one figure.
    conf : float
        Confidence level of the differences.

    Returns
    -------
    DataFrame
        One row per published school.

    References
    ----------
    Welch, B. L. (1947). Biometrika 34, 28-35. Newcombe, R. G. (1998). Stat Med 17, 873-890, method 10.
    See ``analysis.compare``.
    """
    sch = school_rows[school_rows["level"].astype(str) == "skole"] if "level" in school_rows.columns else school_rows
    d = _pupil_moments(sch)
    inds = d["indicator"].astype(str).unique()
    if len(inds) > 1:
        raise ValueError("spread_drivers tar én indikator om gangen.")
    if d.empty:
        return pd.DataFrame(columns=["unit_id", "unit_name", "n", "estimate", "contribution", "contribution_share",
                                     "others", "difference", "diff_lower", "diff_upper", "classification"])
    n = d["_n"].to_numpy()
    m = d["_mean"].to_numpy()
    var = d["_var"].to_numpy()
    share = bool(d["_share"].iloc[0])
    unit = 100.0 if share else 1.0
    N = n.sum()
    gm = np.sum(n * m) / N
    contrib = n * (m - gm) ** 2
    tot = contrib.sum()
    # The other schools pooled (sums of pupils and squares).
    rn = N - n
    with np.errstate(divide="ignore", invalid="ignore"):
        om = (N * gm - n * m) / rn
        sq_all = np.sum((n - 1) * var + n * m ** 2)
        sq_i = (n - 1) * var + n * m ** 2
        ovar = (sq_all - sq_i - rn * om ** 2) / (rn - 1)
    if share:
        diff, lo, hi = difference_interval(100 * m, n, 100 * om, rn, kind="share", conf=conf)
    else:
        diff, lo, hi = difference_interval(m, n, om, rn, kind="mean", sd1=np.sqrt(var),
                                           sd2=np.sqrt(np.clip(ovar, 0, None)), conf=conf)
    direction = INDICATORS[inds[0]].direction if inds[0] in INDICATORS else 0
    out = pd.DataFrame({
        "unit_id": d["unit_id"].astype(str).to_numpy(),
        "unit_name": d["unit_name"].astype(str).to_numpy() if "unit_name" in d.columns else "",
        "n": n,
        "estimate": unit * m,
        "contribution": unit ** 2 * contrib,
        "contribution_share": contrib / tot if tot > 0 else np.nan,
        "others": unit * om,
        "difference": diff,
        "diff_lower": lo,
        "diff_upper": hi,
        "classification": classify(lo, hi, np.full(len(d), direction)),
    })
    return out.sort_values("contribution", ascending=False, kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Funnel plots, overdispersion, shrinkage (Spiegelhalter 2005)
# ---------------------------------------------------------------------------------------------

def _level_name(level: float) -> str:
    return f"{100 * level:g}".replace(".", "_")


def _exact_binomial_limit(theta: float, n: np.ndarray, p: float) -> np.ndarray:
    """Spiegelhalter (2005) appendix: r_p = binomial p-quantile, α = (F(r_p) − p)/(F(r_p) − F(r_p − 1)),
    limit = (r_p − α)/n (a continuous, interpolated quantile of the observed proportion)."""
    r = stats.binom.ppf(p, n, theta)
    f_r = stats.binom.cdf(r, n, theta)
    f_r1 = stats.binom.cdf(r - 1, n, theta)
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = np.where(f_r > f_r1, (f_r - p) / (f_r - f_r1), 0.0)
    return np.clip((r - alpha) / n, 0.0, 1.0)


def funnel_limits(benchmark: float, n, kind: str, sd: float | None = None,
                  levels: Sequence[float] = (0.95, 0.998), phi: float | None = None,
                  tau2: float | None = None, exact: bool = True) -> pd.DataFrame:
    """Funnel-plot control limits around ``benchmark`` for each ``n`` (Spiegelhalter 2005).

    ``kind="share"``: benchmark in percent; exact binomial limits (``exact=True``, the paper's
    interpolated quantiles) or normal ``θ ± z·sqrt(θ(1−θ)/n)``. ``kind="mean"``: ``θ ± z·sd/√n``.
    With ``phi`` (multiplicative overdispersion) the normal limits use ``sqrt(φ)·s``; with ``tau2``
    (additive, in the value's unit squared) ``sqrt(s² + τ²)``; either switches shares to the normal form.
    Returns columns ``n``, ``lower_95``/``upper_95``, ``lower_99_8``/``upper_99_8`` (per level) in the
    value's unit (percent for shares).

    Parameters
    ----------
    benchmark : float
        The target θ (percent for shares).
    n : array_like
        The sizes at which to draw the limits.
    kind : {"share", "mean"}
    sd : float, optional
        Pupil-level SD (means only).
    levels : sequence of float
        Coverage of each pair of limits.
    phi : float, optional
        Multiplicative overdispersion factor.
    tau2 : float, optional
        Additive between-unit variance.
    exact : bool
        Exact binomial limits for shares (ignored with ``phi`` or ``tau2``).

    References
    ----------
    Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance. Stat Med 24,
    1185-1202 (the control limits; overdispersion in section 3).
    """
    nn = np.asarray(n, dtype=float)
    out = pd.DataFrame({"n": nn})
    if kind == "share":
        theta = benchmark / 100.0
        if not 0 <= theta <= 1:
            raise ValueError("Sammenligningstallet for en andel må være mellom 0 og 100.")
        with np.errstate(divide="ignore", invalid="ignore"):
            s = np.sqrt(theta * (1 - theta) / nn)
        unit = 100.0
        tau2_scaled = None if tau2 is None else tau2 / unit ** 2
    elif kind == "mean":
        if sd is None:
            raise ValueError("Traktgrenser for gjennomsnitt krever standardavvik på elevnivå (sd).")
        theta = float(benchmark)
        with np.errstate(divide="ignore", invalid="ignore"):
            s = sd / np.sqrt(nn)
        unit = 1.0
        tau2_scaled = tau2
    else:
        raise ValueError(f"Ukjent type {kind!r}: bruk 'share' eller 'mean'.")
    for level in levels:
        lo_p, hi_p = (1 - level) / 2, 1 - (1 - level) / 2
        z = stats.norm.isf((1 - level) / 2)
        name = _level_name(level)
        if kind == "share" and exact and phi is None and tau2 is None:
            lo = _exact_binomial_limit(theta, nn, lo_p)
            hi = _exact_binomial_limit(theta, nn, hi_p)
        else:
            spread = s
            if phi is not None:
                spread = np.sqrt(phi) * s
            if tau2_scaled is not None:
                spread = np.sqrt(s ** 2 + tau2_scaled)
            lo, hi = theta - z * spread, theta + z * spread
            if kind == "share":
                lo, hi = np.clip(lo, 0, 1), np.clip(hi, 0, 1)
        out[f"lower_{name}"] = unit * lo
        out[f"upper_{name}"] = unit * hi
    return out


def funnel_z_scores(values, n, benchmark: float, kind: str, sd=None) -> np.ndarray:
    """Standardised residuals ``(y − θ)/s`` with ``s`` under the benchmark (for ``overdispersion``).

    Parameters
    ----------
    values : array_like
        The units' figures (percent for shares).
    n : array_like
        Pupils behind each figure.
    benchmark : float
        The target θ.
    kind : {"share", "mean"}
    sd : float, optional
        Pupil-level SD (means only).

    Returns
    -------
    ndarray
        ``(y − θ)/s`` with ``s = sqrt(θ(1−θ)/n)`` for shares and ``sd/√n`` for means.

    References
    ----------
    Spiegelhalter (2005), Stat Med 24, 1185-1202, section 3.
    """
    y = np.asarray(values, float)
    nn = np.asarray(n, float)
    if kind == "share":
        theta = benchmark / 100
        with np.errstate(divide="ignore", invalid="ignore"):
            return (y / 100 - theta) / np.sqrt(theta * (1 - theta) / nn)
    if sd is None:
        raise ValueError("z-verdier for gjennomsnitt krever standardavvik (sd).")
    with np.errstate(divide="ignore", invalid="ignore"):
        return (y - benchmark) / (np.asarray(sd, float) / np.sqrt(nn))


@dataclass(frozen=True)
class OverdispersionResult:
    """Overdispersion of units around a benchmark (``overdispersion``).

    Attributes
    ----------
    phi : float
        Multiplicative factor ``φ̂``.
    tau2 : float
        Additive between-unit variance ``τ̂²`` (NaN without standard errors).
    p_value : float
        From χ²_I for ``I·φ̂``.
    n_units : int
    overdispersed : bool
    method : str
        Norwegian method text.
    """

    phi: float
    tau2: float
    p_value: float
    n_units: int
    overdispersed: bool
    method: str = METHOD_TEXT_OVERDISPERSION


def overdispersion(z_scores, se=None, winsorize: float = 0.1, alpha: float = 0.05) -> OverdispersionResult:
    """Multiplicative φ and additive τ² from z-scores after Spiegelhalter (2005), section 3.

    z-scores are winsorised at the ``winsorize`` and ``1 − winsorize`` quantiles; ``φ̂ = Σz_w²/I``;
    overdispersed when ``I·φ̂`` exceeds the χ²_I upper ``alpha`` point (``p_value`` from χ²_I).
    With ``se`` (the units' standard errors, in the unit τ² should have): ``τ̂² = max(0, (Iφ̂ − (I−1)) /
    (Σwᵢ − Σwᵢ²/Σwᵢ))``, ``wᵢ = 1/seᵢ²``; else τ² is NaN.

    Parameters
    ----------
    z_scores : array_like
        Standardised residuals, e.g. from ``funnel_z_scores``.
    se : array_like, optional
        The units' standard errors (needed for τ²).
    winsorize : float
        Share winsorised in each tail.
    alpha : float
        Level of the χ² test.

    Returns
    -------
    OverdispersionResult

    References
    ----------
    Spiegelhalter, D. J. (2005). Stat Med 24, 1185-1202, section 3. DerSimonian, R. and Laird, N.
    (1986). Meta-analysis in clinical trials. Controlled Clinical Trials 7, 177-188 (the moment
    estimator of τ²).
    """
    z = np.asarray(z_scores, float)
    keep = np.isfinite(z)
    z = z[keep]
    i = len(z)
    if i == 0:
        return OverdispersionResult(np.nan, np.nan, np.nan, 0, False)
    if winsorize > 0:
        lo, hi = np.quantile(z, [winsorize, 1 - winsorize])
        z = np.clip(z, lo, hi)
    phi = float(np.sum(z ** 2) / i)
    p = float(stats.chi2.sf(i * phi, i))
    tau2 = np.nan
    if se is not None:
        s = np.asarray(se, float)[keep]
        w = 1 / s ** 2
        tau2 = float(max(0.0, (i * phi - (i - 1)) / (w.sum() - np.sum(w ** 2) / w.sum())))
    return OverdispersionResult(phi, tau2, p, i, p < alpha)


def eb_shrinkage(estimates, se, benchmark, tau2: float) -> tuple[np.ndarray, np.ndarray]:
    """Empirical-Bayes (normal-normal) shrinkage toward ``benchmark``.

    ``B = se²/(se² + τ²)``; returns ``(B·benchmark + (1 − B)·estimate, sqrt((1 − B)·se²))``. With
    ``τ² = 0`` every unit is pulled fully to the benchmark; large units move little.

    Parameters
    ----------
    estimates : array_like
        The units' figures ``y``.
    se : array_like
        Their standard errors ``s``.
    benchmark : float or array_like
        The prior mean ``θ₀``.
    tau2 : float
        The between-unit variance ``τ²``.

    Returns
    -------
    shrunk, posterior_sd : ndarray

    References
    ----------
    Efron, B. and Morris, C. (1975). Data analysis using Stein's estimator and its generalizations.
    JASA 70, 311-319.
    """
    y = np.asarray(estimates, float)
    s2 = np.asarray(se, float) ** 2
    with np.errstate(divide="ignore", invalid="ignore"):
        b = np.where(s2 + tau2 > 0, s2 / (s2 + tau2), 1.0)
    return b * np.asarray(benchmark, float) + (1 - b) * y, np.sqrt((1 - b) * s2)


__all__ = [
    "AnovaResult", "METHOD_TEXT_FUNNEL", "METHOD_TEXT_OVERDISPERSION", "METHOD_TEXT_SHRINKAGE",
    "METHOD_TEXT_SPREAD", "OverdispersionResult", "anova_icc", "between_school_spread", "eb_shrinkage",
    "funnel_limits", "funnel_z_scores", "overdispersion", "spread_drivers",
]
