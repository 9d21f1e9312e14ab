"""Normal and Student t tail quantiles and probabilities from ``scipy.special`` (no ``scipy.stats`` import).

``scipy.stats`` costs about a second and ≈50 MB to import; the intervals and comparisons behind every page
need only four of its functions, which ``scipy.stats`` itself computes with these ``scipy.special`` kernels
(``norm._isf = -ndtri``, ``norm._sf(x) = ndtr(-x)``, ``t._isf = -stdtrit``). With loc 0 and scale 1 the
results are the same floating-point numbers, edges included (q = 0 or 1, NaN, ±inf):
``tests/test_distributions.py`` checks them against ``scipy.stats`` element by element.

``scipy.special`` itself is imported on first use (≈0.1 s, two thirds of it NumPy's f2py, pulled in by
SciPy's array API layer): a cold start whose national tables come from disk (``analysis.national_store``)
needs none of these before the first chart.

References
----------
Cody, W. J. (1969). Rational Chebyshev approximations for the error function. *Math. Comp.* 23, 631–637
(Cephes ``ndtr``/``ndtri``); Hill, G. W. (1970). Algorithm 396: Student's t-quantiles. *CACM* 13(10),
617–619 (Boost/Cephes ``stdtrit``).
"""

from __future__ import annotations

import numpy as np


def norm_isf(q):
    """Upper-tail quantile of the standard normal, ``scipy.stats.norm.isf(q)``: z with P(Z > z) = q."""
    from scipy import special

    return -special.ndtri(q)


def norm_sf(x):
    """Upper-tail probability of the standard normal, ``scipy.stats.norm.sf(x)`` = P(Z > x)."""
    from scipy import special

    return special.ndtr(-np.asarray(x, dtype=float))


def t_isf(q, df):
    """Upper-tail quantile of Student's t with ``df`` degrees of freedom, ``scipy.stats.t.isf(q, df)``.

    As in ``scipy.stats``: +inf at q = 0, −inf at q = 1, NaN for q outside [0, 1] or df ≤ 0."""
    from scipy import special

    qa, dfa = np.broadcast_arrays(np.asarray(q, dtype=float), np.asarray(df, dtype=float))
    with np.errstate(invalid="ignore"):
        out = np.where(qa == 0, np.inf, np.where(qa == 1, -np.inf, -special.stdtrit(dfa, qa)))
        out = np.where((dfa > 0) & (qa >= 0) & (qa <= 1), out, np.nan)
    return out[()]
