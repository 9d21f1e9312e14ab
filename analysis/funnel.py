"""Funnel plots as FunnelPlotR and PHE draw them (issue 12, item 2).

* Means: limits ``θ ± z·σ/√n`` with σ the pupil-level SD **in the data** (pooled within-unit SD of
  the plotted units, ``pooled_sd``), not a catalogue constant.
* Shares without overdispersion: exact binomial limits (``analysis.spread.funnel_limits``).
* Shares with overdispersion: the arcsine square-root transform ``y = asin(√p)``, ``s = 1/(2√n)``,
  limits ``θ* ± z·sqrt(s² + τ²)`` (additive) or ``θ* ± z·sqrt(φ)·s`` (multiplicative) on that
  scale, back-transformed with ``sin²`` (clipped at 0 and π/2). τ² and φ are estimated on the same
  scale from winsorised z-scores.
* The overdispersion model is chosen explicitly: ``"none"``, ``"phi"`` or ``"tau2"``. Passing a φ
  with the τ² model (or the reverse) raises instead of being silently ignored.

References
----------
Spiegelhalter, D. J. (2005a). Funnel plots for comparing institutional performance. Statistics in
Medicine 24, 1185–1202 (exact binomial limits; §3 multiplicative overdispersion).
Spiegelhalter, D. J., et al. (2005b/2012). Statistical methods for healthcare regulation: rating,
screening and surveillance. JRSS A 175, 1–47, and Spiegelhalter (2005) «Handling over-dispersion of
performance indicators», Qual Saf Health Care 14, 347–351: winsorised z-scores,
``φ̂ = Σz²/I``, additive ``τ̂² = (Iφ̂ − (I − 1))/(Σw − Σw²/Σw)`` with ``w = 1/s²``, and the
arcsine transform for proportions (eq. 1–3).
Mohammed, M. A., et al. / Wright, C. (2021). FunnelPlotR: Funnel Plots for Comparing Institutional
Performance, R package, «PR» (proportion) option: ``asin(sqrt(·))`` with ``s = 1/(2√n)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from analysis.spread import funnel_limits as exact_funnel_limits

Overdispersion = Literal["none", "phi", "tau2"]

METHOD_WINSORISED = (
    "Overspredning måles slik: hver enhets avstand fra sammenligningstallet regnes om til en z-verdi, "
    "de 10 % mest ekstreme i hver ende kuttes til grensen (winsorisering) så enkeltenheter ikke styrer "
    "svaret, og gjennomsnittet av z² (korrigert for kuttingen) sammenlignes med det tilfeldighetene "
    "alene gir (χ²-test)."
)


def pooled_sd(n, sd) -> float:
    """Pooled within-unit (pupil-level) SD of the plotted units: ``sqrt(Σ(nᵢ − 1)sᵢ² / Σ(nᵢ − 1))``.

    The standard pooled estimator of a common within-group SD: the square root of the within-groups
    mean square of one-way ANOVA (Snedecor & Cochran 1989, Statistical Methods, ch. 12). Units without an SD or with n < 2 are left out; NaN when none remain.
    """
    n = np.asarray(n, dtype=float)
    s = np.asarray(sd, dtype=float)
    ok = np.isfinite(n) & np.isfinite(s) & (n >= 2)
    if not ok.any():
        return float("nan")
    return float(np.sqrt(np.sum((n[ok] - 1) * s[ok] ** 2) / np.sum(n[ok] - 1)))


def arcsine(p) -> np.ndarray:
    """``asin(√p)`` for proportions 0..1 (variance-stabilising: Var ≈ 1/(4n))."""
    return np.arcsin(np.sqrt(np.clip(np.asarray(p, dtype=float), 0.0, 1.0)))


def _back(y) -> np.ndarray:
    return np.sin(np.clip(y, 0.0, np.pi / 2)) ** 2


def z_scores(values, n, benchmark: float, kind: str, sd: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """z-scores and standard errors on the funnel's scale.

    Shares (values and benchmark in percent): ``z = (asin√p − asin√p₀)·2√n``, ``s = 1/(2√n)``.
    Means: ``z = (y − θ)/(σ/√n)``, ``s = σ/√n``. Returns ``(z, s)``.
    """
    y = np.asarray(values, dtype=float)
    nn = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if kind == "share":
            s = 1 / (2 * np.sqrt(nn))
            return (arcsine(y / 100) - arcsine(benchmark / 100)) / s, s
        if kind == "mean":
            if sd is None or not np.isfinite(sd):
                raise ValueError("Traktgrenser for gjennomsnitt krever standardavvik på elevnivå.")
            s = sd / np.sqrt(nn)
            return (y - benchmark) / s, s
    raise ValueError(f"Ukjent type {kind!r}: bruk 'share' eller 'mean'.")


@dataclass(frozen=True)
class Dispersion:
    """Winsorised overdispersion estimate on the funnel's scale (arcsine for shares)."""

    phi: float
    tau2: float
    p_value: float
    n_units: int
    overdispersed: bool
    scale: str
    method: str = METHOD_WINSORISED


def winsorised_normal_moment(winsorize: float) -> float:
    """E[z_w²] for z ~ N(0, 1) winsorised at its ``winsorize`` and ``1 − winsorize`` quantiles.

    ``κ = (1 − 2w) − 2c·ϕ(c) + 2w·c²`` with ``c = Φ⁻¹(1 − w)`` (0,679 at w = 0,1; 1 at w = 0). The
    winsorised mean of z² estimates κ·φ, not φ (Huber 1981, Robust Statistics, §5.3: a consistency
    factor makes a winsorised scale estimate consistent at the normal).
    """
    if winsorize <= 0:
        return 1.0
    c = float(stats.norm.isf(winsorize))
    return float((1 - 2 * winsorize) - 2 * c * stats.norm.pdf(c) + 2 * winsorize * c * c)


def estimate_dispersion(values, n, benchmark: float, kind: str, sd: float | None = None,
                        winsorize: float = 0.1, alpha: float = 0.05, consistent: bool = True) -> Dispersion:
    """φ and τ² from winsorised z-scores (Spiegelhalter 2005, QSHC eq. 2–3), on the funnel's scale.

    ``z`` from ``z_scores`` (arcsine for shares); winsorised at the ``winsorize`` and
    ``1 − winsorize`` quantiles; ``φ̂ = Σz²/I``; p-value of ``I·φ̂`` on χ²_I;
    the test uses the raw winsorised φ̂ (conservative). With ``consistent=True`` (default) the
    returned ``φ̂`` (and the τ̂² from it) is divided by ``winsorised_normal_moment`` so it is
    unbiased at the normal (FunnelPlotR's raw winsorised φ̂, ``consistent=False``, is about 0,68 of
    the true φ and makes the τ² limits cover only about 88 % in simulation);
    ``τ̂² = max(0, (Iφ̂ − (I − 1))/(Σw − Σw²/Σw))`` with ``w = 1/s²``. τ² for shares is on the
    arcsine scale (radians²), for means in the indicator's unit squared.
    """
    z, s = z_scores(values, n, benchmark, kind, sd)
    keep = np.isfinite(z) & np.isfinite(s) & (s > 0)
    z, s = z[keep], s[keep]
    i = len(z)
    if i == 0:
        return Dispersion(np.nan, np.nan, np.nan, 0, False, "arcsine" if kind == "share" else "raw")
    if winsorize > 0:
        lo, hi = np.quantile(z, [winsorize, 1 - winsorize])
        z = np.clip(z, lo, hi)
    phi_raw = float(np.sum(z ** 2) / i)
    # The test uses the raw winsorised φ̂ as Spiegelhalter does (conservative: size below alpha);
    # the estimate used for the limits is made consistent.
    p = float(stats.chi2.sf(i * phi_raw, i))
    phi = phi_raw / winsorised_normal_moment(winsorize) if consistent else phi_raw
    w = 1 / s ** 2
    tau2 = float(max(0.0, (i * phi - (i - 1)) / (w.sum() - np.sum(w ** 2) / w.sum())))
    return Dispersion(phi, tau2, p, i, p < alpha, "arcsine" if kind == "share" else "raw")


def _check_choice(overdispersion: Overdispersion, phi, tau2) -> None:
    if overdispersion not in ("none", "phi", "tau2"):
        raise ValueError(f"Ukjent overspredningsmodell {overdispersion!r}: bruk 'none', 'phi' eller 'tau2'.")
    if overdispersion == "phi" and (phi is None or tau2 is not None):
        raise ValueError("Modellen φ krever φ og ingen τ².")
    if overdispersion == "tau2" and (tau2 is None or phi is not None):
        raise ValueError("Modellen τ² krever τ² og ingen φ.")
    if overdispersion == "none" and (phi is not None or tau2 is not None):
        raise ValueError("φ eller τ² er oppgitt, men ingen overspredningsmodell er valgt.")


def funnel(benchmark: float, n, kind: str, sd: float | None = None, levels: Sequence[float] = (0.95, 0.998),
           overdispersion: Overdispersion = "none", phi: float | None = None,
           tau2: float | None = None) -> pd.DataFrame:
    """Funnel limits around ``benchmark`` for each ``n``, with an explicitly chosen overdispersion model.

    Parameters
    ----------
    benchmark : the target (percent for shares).
    n : group sizes.
    kind : ``"share"`` or ``"mean"``.
    sd : pupil-level SD for means (use ``pooled_sd`` of the plotted units).
    overdispersion : ``"none"`` (exact binomial limits for shares, normal for means), ``"phi"``
        (``θ ± z·sqrt(φ)·s``) or ``"tau2"`` (``θ ± z·sqrt(s² + τ²)``). For shares the last two are
        computed on the arcsine scale and back-transformed (``sin²``), so they stay inside 0–100 and
        are asymmetric like the exact limits. τ² must be on the scale of ``estimate_dispersion``.

    Returns
    -------
    DataFrame with ``n`` and ``lower_95``/``upper_95``, ``lower_99_8``/``upper_99_8`` (per level).
    """
    _check_choice(overdispersion, phi, tau2)
    nn = np.asarray(n, dtype=float)
    if overdispersion == "none":
        return exact_funnel_limits(benchmark, nn, kind, sd=sd, levels=levels)
    if kind == "share":
        if not 0 <= benchmark <= 100:
            raise ValueError("Sammenligningstallet for en andel må være mellom 0 og 100.")
        theta, unit = float(arcsine(benchmark / 100)), 100.0
    else:
        theta, unit = float(benchmark), 1.0
    _, s = z_scores(np.full(len(nn), benchmark), nn, benchmark, kind, sd)
    spread = np.sqrt(phi) * s if overdispersion == "phi" else np.sqrt(s ** 2 + tau2)
    out = pd.DataFrame({"n": nn})
    for level in levels:
        z = stats.norm.isf((1 - level) / 2)
        lo, hi = theta - z * spread, theta + z * spread
        if kind == "share":
            lo, hi = _back(lo), _back(hi)
        name = f"{100 * level:g}".replace(".", "_")
        out[f"lower_{name}"] = unit * lo
        out[f"upper_{name}"] = unit * hi
    return out


def outside(values, limits: pd.DataFrame, level: float = 0.95) -> np.ndarray:
    """-1 below the lower limit, +1 above the upper, 0 inside (limits from ``funnel`` at each unit's n)."""
    name = f"{100 * level:g}".replace(".", "_")
    y = np.asarray(values, dtype=float)
    return np.where(y < limits[f"lower_{name}"].to_numpy(), -1, np.where(y > limits[f"upper_{name}"].to_numpy(), 1, 0))


def funnel_for_units(estimates, n, sds, benchmark: float, kind: str, default_sd: float | None = None,
                     model: Overdispersion = "none", grid_points: int = 120) -> dict:
    """Everything a funnel plot of units needs, with the issue 12 choices made explicit.

    Means use ``pooled_sd`` of the units' own pupil-level SDs (``default_sd`` only when none is
    published). ``model``: ``"none"`` (exact/normal limits), ``"tau2"`` or ``"phi"`` (estimated here by
    ``estimate_dispersion``; arcsine scale for shares). Returns ``limits`` (on a log grid of n),
    ``at_n`` (limits at each unit's n), ``dispersion`` (always estimated, so the page can report the
    test even when no model is applied), ``sd`` (the SD used, NaN for shares) and ``model``.
    """
    y = np.asarray(estimates, dtype=float)
    nn = np.asarray(n, dtype=float)
    sd = float("nan")
    if kind == "mean":
        sd = pooled_sd(nn, sds) if sds is not None else float("nan")
        if not np.isfinite(sd):
            sd = float(default_sd) if default_sd is not None else float("nan")
    disp = estimate_dispersion(y, nn, benchmark, kind, sd=sd if kind == "mean" else None)
    kwargs: dict = {}
    if model == "tau2" and np.isfinite(disp.tau2):
        kwargs = {"overdispersion": "tau2", "tau2": disp.tau2}
    elif model == "phi" and np.isfinite(disp.phi):
        kwargs = {"overdispersion": "phi", "phi": max(disp.phi, 1.0)}
    lo, hi = max(2.0, float(np.nanmin(nn))), max(3.0, float(np.nanmax(nn)))
    grid = np.unique(np.round(np.geomspace(lo, hi, grid_points)))
    sd_arg = sd if kind == "mean" else None
    return {"limits": funnel(benchmark, grid, kind, sd=sd_arg, **kwargs),
            "at_n": funnel(benchmark, nn, kind, sd=sd_arg, **kwargs), "dispersion": disp,
            "sd": sd, "model": kwargs.get("overdispersion", "none")}


__all__ = ["Dispersion", "METHOD_WINSORISED", "arcsine", "estimate_dispersion", "funnel", "funnel_for_units", "outside",
           "pooled_sd", "winsorised_normal_moment", "z_scores"]
