"""Coverage figures and timings of the issue 12 statistics, on simulations and the demo data.

Run: ``.venv/bin/python scripts/stats_figures.py`` (about a minute). Prints one line per figure; the
numbers in the README «Methods» section come from here.
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.simplefilter("ignore")


def rounding_coverage() -> None:
    from analysis.compare import welch_difference
    from analysis.rounding import classify_rounding_aware, on_grid, school_minus_rest_bound, widen

    for n_s, n_k in ((500, 2500), (500, 2000), (60, 400)):
        rng = np.random.default_rng(n_s + n_k)
        reps, sd = 40000, 10.0
        n_r = n_k - n_s
        mu = rng.uniform(40, 60, reps)
        ms = mu + rng.normal(0, sd / np.sqrt(n_s), reps)
        mr = mu + rng.normal(0, sd / np.sqrt(n_r), reps)
        xs, xk = on_grid(ms, 0), on_grid((n_s * ms + n_r * mr) / n_k, 0)
        rest = (n_k * xk - n_s * xs) / n_r
        d, lo, hi, _ = welch_difference(xs, sd, n_s, rest, sd, n_r)
        b = school_minus_rest_bound(n_k, n_s, 0.5, 0.5)
        wl, wh = widen(lo, hi, b)
        cls = classify_rounding_aware(d, lo, hi, b, 1)
        print(f"rounding, skalapoeng n={n_s} in N={n_k}: plain coverage {np.mean((lo <= 0) & (0 <= hi)):.3f}, "
              f"false verdicts {np.mean((lo > 0) | (hi < 0)):.3f}; widened coverage {np.mean((wl <= 0) & (0 <= wh)):.3f}, "
              f"false verdicts {np.mean(np.isin(cls, ['svakere', 'bedre'])):.3f}")


def funnel_coverage() -> None:
    from analysis.funnel import arcsine, estimate_dispersion, funnel, outside, pooled_sd

    rng = np.random.default_rng(11)
    for consistent in (False, True):
        ins95, ins998 = [], []
        for _ in range(60):
            n = rng.integers(10, 400, 500)
            theta = rng.normal(arcsine(0.12), 0.06, 500)
            y = 100 * rng.binomial(n, np.sin(np.clip(theta, 0, np.pi / 2)) ** 2) / n
            d = estimate_dispersion(y, n, 12.0, "share", consistent=consistent)
            lim = funnel(12.0, n, "share", overdispersion="tau2", tau2=d.tau2)
            ins95.append(np.mean(outside(y, lim, 0.95) == 0))
            ins998.append(np.mean(outside(y, lim, 0.998) == 0))
        label = "consistent φ" if consistent else "raw winsorised φ (FunnelPlotR)"
        print(f"funnel, arcsine τ² limits ({label}): inside 95 % {np.mean(ins95):.3f}, inside 99,8 % {np.mean(ins998):.4f}")
    n = rng.integers(8, 120, 20000)
    means = 4.1 + rng.normal(0, 0.63 / np.sqrt(n))
    sds = 0.63 * np.sqrt(rng.chisquare(n - 1) / (n - 1))
    for label, sd in (("data SD", pooled_sd(n, sds)), ("catalogue SD 0,8", 0.8)):
        print(f"funnel, means with {label}: inside 95 % {np.mean(outside(means, funnel(4.1, n, 'mean', sd=sd), 0.95) == 0):.3f}")


def shrinkage_coverage() -> None:
    from analysis.shrinkage import beta_binomial_shrinkage, normal_shrinkage
    from analysis.spread import eb_shrinkage

    rng = np.random.default_rng(2)
    cov, cov_old = [], []
    for _ in range(400):
        se = rng.uniform(0.5, 3, 60)
        theta = rng.normal(10, 1.5, 60)
        y = theta + rng.normal(0, se)
        r = normal_shrinkage(y, se)
        cov.append(np.mean((r.lower <= theta) & (theta <= r.upper)))
        est, sd = eb_shrinkage(y, se, 0.0, tau2=0.5 * r.tau2)  # the old pattern: benchmark, low τ²
        cov_old.append(np.mean(np.abs(est - theta) <= 1.96 * sd))
    print(f"shrinkage, normal-normal Paule–Mandel: coverage {np.mean(cov):.3f}")
    cov = []
    for _ in range(300):
        n = rng.integers(8, 80, 200)
        p = rng.beta(3, 12, 200)
        r = beta_binomial_shrinkage(rng.binomial(n, p), n)
        cov.append(np.mean((r.lower <= 100 * p) & (100 * p <= r.upper)))
    print(f"shrinkage, beta-binomial: coverage {np.mean(cov):.3f}")


def level_and_icc_coverage() -> None:
    from analysis.persistence import icc_interval, persistent_level

    rng = np.random.default_rng(3)
    for cohort in (0.1, 0.2):
        hit_re = hit_mod = hit_pool = 0
        reps = 4000
        for _ in range(reps):
            sd, n = 10.0, 60
            y = 50 + rng.normal(0, cohort * sd, 3) + rng.normal(0, sd / np.sqrt(n), 3)
            lvl = persistent_level(y, np.full(3, sd / np.sqrt(n)), modified=False)
            mod = persistent_level(y, np.full(3, sd / np.sqrt(n)))
            hit_re += lvl.lower <= 50 <= lvl.upper
            hit_mod += mod.lower <= 50 <= mod.upper
            hit_pool += abs(y.mean() - 50) <= 1.96 * sd / np.sqrt(3 * n)
        print(f"steady level, cohort SD {cohort} pupil SD, n=60: pooled interval {hit_pool / reps:.3f}, "
              f"random-effects HKSJ {hit_re / reps:.3f}, modified HKSJ (default) {hit_mod / reps:.3f}")
    hits, reps = 0, 2000
    for _ in range(reps):
        n = rng.integers(5, 60, 15)
        groups = [rng.normal(rng.normal(0, np.sqrt(0.1)), np.sqrt(0.9), k) for k in n]
        _, lo, hi = icc_interval(n, [g.mean() for g in groups], [g.var(ddof=1) for g in groups])
        hits += lo <= 0.1 <= hi
    print(f"ICC Searle interval, 15 unbalanced schools, ICC 0,1: coverage {hits / reps:.3f}")


def bootstrap_calibration() -> None:
    from analysis import uttrekk
    from analysis.uttrekk_bootstrap import bootstrap_uttrekk
    from tests.sim_uttrekk import PARAMS, sample, world

    rng = np.random.default_rng(1)
    ps, fs = [], []
    for wi in range(5):
        w = world(rng)
        b = bootstrap_uttrekk(uttrekk.compute(sample(w, rng), PARAMS), 300, seed=wi).kommuner.set_index("kommune_id")
        fresh = np.zeros(len(b))
        for _ in range(20):
            kk = uttrekk.compute(sample(w, rng), PARAMS).kommuner.set_index("kommune_id")
            fresh += (kk["drawn_level"] | kk["drawn_spread"]).reindex(b.index).to_numpy(bool)
        ps.append(b["p_drawn"].to_numpy())
        fs.append(fresh / 20)
    p, f = np.concatenate(ps), np.concatenate(fs)
    parts = []
    for lo, hi in ((0, 0.05), (0.05, 0.2), (0.2, 0.5), (0.5, 0.8), (0.8, 1.01)):
        m = (p >= lo) & (p < hi)
        if m.any():
            parts.append(f"P in [{lo:g}, {hi:g}): mean P {p[m].mean():.2f}, drawn again {f[m].mean():.2f} (n={m.sum()})")
    print("bootstrap calibration (5 simulated worlds × 60 kommuner, 20 fresh samples each): " + "; ".join(parts)
          + f"; Brier {np.mean((p - f) ** 2):.3f}")


def demo_figures() -> None:
    import data
    from analysis import uttrekk
    from analysis.persistence import regression_to_mean
    from analysis.uttrekk_bootstrap import audit, bootstrap_uttrekk
    from data.schema import sorted_periods

    df = data.load_dataset()
    res = uttrekk.compute(df)
    t0, c0 = time.perf_counter(), time.process_time()
    b = bootstrap_uttrekk(res, 500)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    k = b.kommuner
    print(f"bootstrap: 500 replicates, {len(k)} kommuner, {len(res.obs)} figures: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"bootstrap: drawn kommuner median P(drawn) {k[k.drawn].p_drawn.median():.2f} (min "
          f"{k[k.drawn].p_drawn.min():.2f}); not drawn with P(drawn) > 0,2: {(~k.drawn & (k.p_drawn > 0.2)).sum()}")
    a = audit(b.figures)
    print(f"audit: {a['n_given_doubtful']} of {a['n_given']} figures with points could as well give fewer/none; "
          f"{a['n_not_given_doubtful']} of {a['n_not_given']} without points could as well give points")
    periods = sorted_periods(df["period"].unique())
    if len(periods) >= 6:
        first = uttrekk.compute(df, uttrekk.UttrekkParams(end_period=periods[-4])).kommuner.set_index("kommune_id")
        second = res.kommuner.set_index("kommune_id").reindex(first.index)
        r = regression_to_mean(first["share"], second["share"], first["drawn_level"] | first["drawn_spread"])
        print(f"regression to the mean: drawn for window ending {periods[-4]}: {r['drawn_first']:.1f} % -> "
              f"{r['drawn_second']:.1f} % next window (predicted by the regression line {r['predicted_second']:.1f} %)")


if __name__ == "__main__":
    for fn in (rounding_coverage, funnel_coverage, shrinkage_coverage, level_and_icc_coverage, bootstrap_calibration,
               demo_figures):
        t = time.perf_counter()
        fn()
        print(f"  ({fn.__name__}: {time.perf_counter() - t:.1f} s)")
