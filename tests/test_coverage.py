"""Seeded coverage simulation of the intervals the app draws, through the real pipeline (add_intervals).

Shares: true p drawn uniformly from 5-50 % (the range of mestringsnivå 1 and mobbing), pupils Bernoulli,
published value rounded to one decimal as Udir publishes it. Wilson's coverage is not exact at small n
(it oscillates around 95 % with p); averaged over p it is close to 95 %. The exact average coverage
(binomial sums over the same p grid) is the independent reference the simulation must agree with.
Means: normal pupils, so the t interval is exact; both with the source's SD and with a national
standard SD equal to the true SD.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from analysis.intervals import add_intervals, clopper_pearson_interval, wilson_interval

N_VALUES = (5, 10, 20, 50, 200, 500)
REPS = 20_000
SEED = 20_261_123
P_RANGE = (0.05, 0.50)
MC_SE = np.sqrt(0.95 * 0.05 / REPS)


def _frame(indicator: str, value: np.ndarray, n: int, sd: np.ndarray | float) -> pd.DataFrame:
    k = len(value)
    return pd.DataFrame({
        "level": "skole", "unit_id": np.arange(k).astype(str), "unit_name": "x", "kommune_id": "1",
        "fylke_id": "1", "indicator": pd.Categorical([indicator] * k), "subject": "lesing", "trinn": 5,
        "kjonn": "alle", "period": "2023-24", "value": value, "n": float(n), "sd": sd,
        "suppressed": False, "marker": "", "unit_of_measure": "", "source": "sim",
    })


def _exact_share_coverage(n: int, fn) -> float:
    """Average over the p grid of Σ_x P(x; n, p)·1[p in CI(x)] (no simulation)."""
    ps = np.linspace(*P_RANGE, 2001)
    x = np.arange(n + 1)
    lo, hi = fn(x, n)
    pmf = stats.binom.pmf(x[None, :], n, ps[:, None])
    inside = (lo[None, :] <= ps[:, None]) & (ps[:, None] <= hi[None, :])
    return float((pmf * inside).sum(axis=1).mean())


def _simulate() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    rows = []
    for n in N_VALUES:
        # Shares through add_intervals (Wilson and Clopper-Pearson), values published with one decimal.
        p = rng.uniform(*P_RANGE, REPS)
        x = rng.binomial(n, p)
        value = np.round(100 * x / n, 1)
        for method, fn in (("wilson", wilson_interval), ("clopper_pearson", clopper_pearson_interval)):
            out = add_intervals(_frame("np_mestring_1", value, n, np.nan), share_method=method)
            cov = np.mean((out["lower"].to_numpy() <= 100 * p) & (100 * p <= out["upper"].to_numpy()))
            rows.append({"kind": f"andel ({method})", "n": n, "coverage": cov,
                         "exact": _exact_share_coverage(n, fn),
                         "mean_halfwidth": out["halfwidth"].mean()})
        # Means: normal pupils, SD from the source (t exact).
        mu, sigma = 50.0, 10.0
        pupils = rng.normal(mu, sigma, (REPS, n))
        m = pupils.mean(axis=1)
        s = pupils.std(axis=1, ddof=1) if n > 1 else np.full(REPS, np.nan)
        out = add_intervals(_frame("np_skalapoeng", m, n, s))
        cov = np.mean((out["lower"].to_numpy() <= mu) & (mu <= out["upper"].to_numpy()))
        rows.append({"kind": "gjennomsnitt (SD fra kilden)", "n": n, "coverage": cov, "exact": 0.95,
                     "mean_halfwidth": out["halfwidth"].mean()})
        # Means with the catalogue's national SD (10) where the true SD is 10 (t with known σ: ≥ 95 %).
        out = add_intervals(_frame("np_skalapoeng", m, n, np.nan))
        cov = np.mean((out["lower"].to_numpy() <= mu) & (mu <= out["upper"].to_numpy()))
        t = stats.t.isf(0.025, n - 1)
        rows.append({"kind": "gjennomsnitt (nasjonal SD)", "n": n, "coverage": cov,
                     "exact": 2 * stats.norm.cdf(t) - 1, "mean_halfwidth": out["halfwidth"].mean()})
    return pd.DataFrame(rows)


def test_coverage_table():
    table = _simulate()
    print("\nDekningsgrad for 95 %-intervaller (simulert, " f"{REPS} gjentak per rad; andeler p ~ U{P_RANGE}):")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.4f}"))
    tol = 4 * MC_SE
    # The simulation agrees with the exact (or theoretical) coverage everywhere.
    assert (abs(table["coverage"] - table["exact"]) < tol + 0.002).all(), table
    wil = table[table["kind"] == "andel (wilson)"].set_index("n")["coverage"]
    # Wilson: within 94-96 % from n = 10; at n = 5 the documented tolerance is 94-97 % (oscillation).
    assert wil.drop(5).between(0.94, 0.96).all(), wil
    assert 0.94 <= wil[5] <= 0.97
    cp = table[table["kind"] == "andel (clopper_pearson)"]["coverage"]
    assert (cp >= 0.95 - tol).all()  # exact interval: conservative
    t_src = table[table["kind"] == "gjennomsnitt (SD fra kilden)"]["coverage"]
    assert t_src.between(0.94, 0.96).all()
    t_nat = table[table["kind"] == "gjennomsnitt (nasjonal SD)"]
    assert (t_nat["coverage"] >= 0.95 - tol).all() and t_nat.query("n >= 50")["coverage"].between(0.94, 0.96).all()
