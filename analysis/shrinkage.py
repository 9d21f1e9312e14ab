"""Shrinkage for small numbers («justert for små tall», issue 12 item 4).

Two empirical-Bayes models, both shrinking toward the mean of the comparison group the units belong
to (e.g. all schools in the country for the same indicator, trinn and year), never toward an outside
benchmark:

* ``normal_shrinkage`` (means, or any estimate with a standard error): normal–normal model
  ``yᵢ ~ N(θᵢ, sᵢ²)``, ``θᵢ ~ N(μ, τ²)``. τ² by DerSimonian–Laird (method of moments) or Paule–Mandel
  (iterated method of moments, the default: less biased than DL when sᵢ vary); μ̂ the precision-weighted
  mean with weights ``1/(sᵢ² + τ̂²)``. Posterior mean ``μ̂ + (1 − Bᵢ)(yᵢ − μ̂)``, ``Bᵢ = sᵢ²/(sᵢ² + τ̂²)``;
  variance ``(1 − Bᵢ)sᵢ² + Bᵢ²·Var(μ̂) + 2/(k − 3)·Bᵢ²(yᵢ − μ̂)²`` (Morris 1983: the last term carries
  the uncertainty of τ̂²; without it the intervals cover about 93 % with 60 units and 87 % with 15).
* ``beta_binomial_shrinkage`` (shares from counts): ``xᵢ ~ Bin(nᵢ, pᵢ)``, ``pᵢ ~ Beta(α, β)``; α, β by
  maximum marginal likelihood (beta-binomial); posterior ``Beta(α + xᵢ, β + nᵢ − xᵢ)``, equal-tailed
  interval from its quantiles.

Coverage of both intervals is checked by simulation in ``tests/test_shrinkage.py``.

References
----------
DerSimonian, R. & Laird, N. (1986). Meta-analysis in clinical trials. Controlled Clinical Trials 7,
177–188 (eq. 8, τ² by moments).
Paule, R. C. & Mandel, J. (1982). Consensus values and weighting factors. J. Res. Natl. Bur. Stand. 87,
377–385; DerSimonian & Kacker (2007), Contemp. Clin. Trials 28, 105–114 (the PM iteration).
Morris, C. N. (1983). Parametric empirical Bayes inference: theory and applications. JASA 78, 47–55.
Griffiths, D. A. (1973). Maximum likelihood estimation for the beta-binomial distribution. Biometrics
29, 637–648. Efron & Morris (1975), JASA 70, 311–319 (shrinkage toward the group mean).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import optimize, special, stats

Tau2Method = Literal["dl", "pm"]


def tau2_dersimonian_laird(y, var) -> float:
    """DerSimonian–Laird moment estimate: ``max(0, (Q − (k − 1))/(Σw − Σw²/Σw))``, ``w = 1/vᵢ``."""
    y, v = np.asarray(y, float), np.asarray(var, float)
    w = 1 / v
    mu = np.sum(w * y) / np.sum(w)
    q = np.sum(w * (y - mu) ** 2)
    return float(max(0.0, (q - (len(y) - 1)) / (w.sum() - np.sum(w ** 2) / w.sum())))


def tau2_paule_mandel(y, var, tol: float = 1e-10, max_iter: int = 200) -> float:
    """Paule–Mandel: the τ² ≥ 0 at which the generalised Q statistic equals its df, ``k − 1``.

    ``Q(τ²) = Σ(yᵢ − μ̂(τ²))²/(vᵢ + τ²)`` is decreasing in τ²; solved by bracketing (Brent's method).
    Returns 0 when ``Q(0) ≤ k − 1``.
    """
    y, v = np.asarray(y, float), np.asarray(var, float)
    k = len(y)
    if k < 2:
        return 0.0

    def excess(t2: float) -> float:
        w = 1 / (v + t2)
        mu = np.sum(w * y) / np.sum(w)
        return float(np.sum(w * (y - mu) ** 2) - (k - 1))

    if excess(0.0) <= 0:
        return 0.0
    hi = max(np.var(y, ddof=1), 1e-12)
    while excess(hi) > 0:
        hi *= 2
    return float(optimize.brentq(excess, 0.0, hi, xtol=tol, maxiter=max_iter))


@dataclass(frozen=True)
class Shrunk:
    """Shrunken estimates with intervals; ``weight`` is 1 − Bᵢ (how much of the unit's own figure is kept)."""

    estimate: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    weight: np.ndarray
    target: float
    tau2: float
    method: str


def normal_shrinkage(y, se, method: Tau2Method = "pm", conf: float = 0.95) -> Shrunk:
    """Normal–normal empirical Bayes toward the precision-weighted group mean (see module docstring).

    Parameters
    ----------
    y, se : the units' estimates and standard errors (same unit). Non-finite rows give NaN.
    method : ``"pm"`` (Paule–Mandel, default) or ``"dl"`` (DerSimonian–Laird) for τ².
    conf : interval level.
    """
    y = np.asarray(y, float)
    s2 = np.asarray(se, float) ** 2
    ok = np.isfinite(y) & np.isfinite(s2) & (s2 > 0)
    nan = np.full(len(y), np.nan)
    if ok.sum() < 3:
        return Shrunk(nan, nan, nan, nan, float("nan"), float("nan"), method)
    est = tau2_paule_mandel if method == "pm" else tau2_dersimonian_laird
    t2 = est(y[ok], s2[ok])
    w = 1 / (s2[ok] + t2)
    mu = float(np.sum(w * y[ok]) / np.sum(w))
    var_mu = 1 / np.sum(w)
    b = s2 / (s2 + t2)
    post = mu + (1 - b) * (y - mu)
    k = int(ok.sum())
    # Morris (1983, §4): the uncertainty in B from estimating τ² adds 2/(k − 3)·B²(y − μ̂)².
    extra = 2 / (k - 3) * b ** 2 * (y - mu) ** 2 if k > 3 else 0.0
    sd = np.sqrt((1 - b) * s2 + b ** 2 * var_mu + extra)
    z = stats.norm.isf((1 - conf) / 2)
    keep = lambda a: np.where(ok, a, np.nan)  # noqa: E731
    return Shrunk(keep(post), keep(post - z * sd), keep(post + z * sd), keep(1 - b), mu, t2, method)


def _bb_negloglik(params, x, n) -> float:
    mu = special.expit(params[0])
    m = np.exp(params[1])
    a, b = mu * m, (1 - mu) * m
    return -float(np.sum(special.betaln(x + a, n - x + b) - special.betaln(a, b)))


def fit_beta_binomial(x, n) -> tuple[float, float]:
    """Maximum marginal likelihood (α, β) of the beta-binomial (Griffiths 1973).

    Parametrised by the mean ``μ = α/(α + β)`` (logit) and the precision ``M = α + β`` (log); the
    binomial coefficient is constant and left out. Starts from the pooled share and a moment estimate.
    Returns ``(α, β)``; a huge M (≥ 1e7) means no detectable overdispersion.
    """
    x, n = np.asarray(x, float), np.asarray(n, float)
    p0 = np.clip(x.sum() / n.sum(), 1e-4, 1 - 1e-4)
    start = np.array([special.logit(p0), np.log(50.0)])
    res = optimize.minimize(_bb_negloglik, start, args=(x, n), method="Nelder-Mead",
                            options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 4000})
    mu, m = special.expit(res.x[0]), min(np.exp(res.x[1]), 1e7)
    return float(mu * m), float((1 - mu) * m)


def beta_binomial_shrinkage(x, n, conf: float = 0.95) -> Shrunk:
    """Beta-binomial empirical Bayes toward the group's share (see module docstring).

    ``x``, ``n``: counts and group sizes (a published share in percent gives ``x = round(p/100·n)``).
    Returns shares in percent: posterior mean ``100(α + x)/(α + β + n)``, the equal-tailed posterior
    interval, ``weight = n/(α + β + n)`` and ``target = 100·α/(α + β)``; ``tau2`` holds the prior
    variance of p in percentage points squared.
    """
    x, n = np.asarray(x, float), np.asarray(n, float)
    ok = np.isfinite(x) & np.isfinite(n) & (n > 0)
    nan = np.full(len(x), np.nan)
    if ok.sum() < 3:
        return Shrunk(nan, nan, nan, nan, float("nan"), float("nan"), "beta-binomial")
    a, b = fit_beta_binomial(x[ok], n[ok])
    pa, pb = a + np.where(ok, x, 0), b + np.where(ok, n - x, 0)
    q = (1 - conf) / 2
    keep = lambda v: np.where(ok, v, np.nan)  # noqa: E731
    prior_var = a * b / ((a + b) ** 2 * (a + b + 1))
    return Shrunk(keep(100 * pa / (pa + pb)), keep(100 * stats.beta.ppf(q, pa, pb)),
                  keep(100 * stats.beta.isf(q, pa, pb)), keep(n / (a + b + n)), 100 * a / (a + b),
                  1e4 * prior_var, "beta-binomial")


def shrink_units(estimates, n, sds, kind: str, default_sd: float | None = None, conf: float = 0.95) -> Shrunk:
    """«Justert for små tall» for published unit figures of one indicator (the comparison group).

    Shares (percent): counts ``round(p/100·n)`` and ``beta_binomial_shrinkage``. Means: standard errors
    ``σᵢ/√nᵢ`` from each unit's own pupil-level SD (``default_sd`` where none is published) and
    ``normal_shrinkage``. Every unit given is part of the comparison group the others shrink toward.
    """
    y = np.asarray(estimates, float)
    nn = np.asarray(n, float)
    if kind == "share":
        return beta_binomial_shrinkage(np.round(y / 100 * nn), nn, conf)
    sd = np.asarray(sds, float) if sds is not None else np.full(len(y), np.nan)
    fallback = np.nan if default_sd is None else float(default_sd)
    sd = np.where(np.isfinite(sd), sd, fallback)
    with np.errstate(divide="ignore", invalid="ignore"):
        se = sd / np.sqrt(nn)
    return normal_shrinkage(y, se, conf=conf)


__all__ = ["Shrunk", "beta_binomial_shrinkage", "fit_beta_binomial", "normal_shrinkage", "shrink_units",
           "tau2_dersimonian_laird", "tau2_paule_mandel"]
