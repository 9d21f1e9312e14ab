"""Many comparisons: BH against statsmodels, p from intervals consistent with verdicts, false-flag counts."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep

from analysis.compare import classify, newcombe_difference
from analysis.multiplicity import bh_adjust, bh_verdicts, count_comparisons, expected_false_flags, p_from_interval


def test_bh_matches_statsmodels():
    rng = np.random.default_rng(1)
    for m in (1, 5, 40, 400):
        p = np.concatenate([rng.uniform(0, 1, m), rng.uniform(0, 0.01, m // 4)])
        ref = multipletests(p, method="fdr_bh")[1]
        assert bh_adjust(p) == pytest.approx(ref, abs=1e-12)
    p = np.array([0.01, np.nan, 0.04, 0.03])
    got = bh_adjust(p)
    assert np.isnan(got[1]) and got[[0, 2, 3]] == pytest.approx(multipletests([0.01, 0.04, 0.03], method="fdr_bh")[1])


def test_p_from_interval_agrees_with_the_verdict_for_newcombe_intervals():
    rng = np.random.default_rng(2)
    n1, n2 = rng.integers(10, 300, 2000), rng.integers(10, 300, 2000)
    x1, x2 = rng.binomial(n1, 0.2), rng.binomial(n2, 0.2)
    d, lo, hi = newcombe_difference(x1, n1, x2, n2)
    p = p_from_interval(d, lo, hi)
    verdict = (lo > 0) | (hi < 0)
    assert np.array_equal(p < 0.05, verdict)
    # Spot check against statsmodels' interval.
    ref = confint_proportions_2indep(x1[0], n1[0], x2[0], n2[0], method="newcomb")
    assert (lo[0], hi[0]) == pytest.approx(ref)


def test_expected_false_flags_matches_simulation_under_no_difference():
    rng = np.random.default_rng(3)
    m, reps = 11, 20000
    z = rng.standard_normal((reps, m))
    flags = (np.abs(z) > 1.959963984540054).sum(axis=1)
    svakere = (z < -1.959963984540054).sum(axis=1)
    e = expected_false_flags(m)
    assert flags.mean() == pytest.approx(e["expected"], abs=0.02)
    assert (svakere > 0).mean() == pytest.approx(e["p_any_svakere"], abs=0.01)
    assert e["p_any_svakere"] == pytest.approx(0.243, abs=0.001)  # the issue's «≈ 24 %»


def test_bh_verdicts_control_false_discoveries():
    rng = np.random.default_rng(4)
    fdp = []
    kept_true = []
    for _ in range(400):
        m = 60
        effect = np.where(np.arange(m) < 15, 3.5, 0.0)
        d = effect + rng.standard_normal(m)
        lo, hi = d - 1.959963984540054, d + 1.959963984540054
        cls = classify(lo, hi, np.ones(m))
        adj = bh_verdicts(cls, d, lo, hi, q=0.05)
        flagged = adj != "ikke_sikker"
        false = flagged & (effect == 0)
        fdp.append(false.sum() / max(flagged.sum(), 1))
        kept_true.append(flagged[:15].mean())
    assert np.mean(fdp) <= 0.05
    assert np.mean(kept_true) > 0.5
    assert count_comparisons(np.array(["svakere", "ingen_data", "ikke_sikker"], dtype=object)) == 2
