"""Parametric bootstrap of the uttrekk rule: reproduces the rule without noise, calibrated P(drawn)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from analysis import uttrekk
from analysis.rounding import points_on_grid
from analysis.uttrekk_bootstrap import _figure_arrays, _ordered, _raw_points, audit, bootstrap_uttrekk
from tests.sim_uttrekk import PARAMS, sample, world


@pytest.fixture(scope="module")
def observed():
    rng = np.random.default_rng(5)
    w = world(rng)
    return w, uttrekk.compute(sample(w, rng), PARAMS)


def test_grid_thresholds_equal_points_on_grid(observed):
    _, res = observed
    a, order = _ordered(_figure_arrays(res.obs))
    obs = res.obs.iloc[order]
    got = _raw_points(a["scaled"][None, :], a)[0]
    dec = np.where(obs["indicator"].astype(str) == "eu_stotte_larer", 2, 1)
    ref = points_on_grid(obs["value"], obs["national"], obs["absolute"], obs["direction"], dec)
    published = obs["gap"].notna().to_numpy()
    assert np.array_equal(got[published], ref[published])
    assert (got[~published] == 0).all()


def test_without_sampling_noise_the_bootstrap_is_the_rule(observed):
    _, res = observed
    obs = res.obs.copy()
    obs["n"] = 1e9  # figures known to many decimals: every replicate equals the published data
    frozen = uttrekk.UttrekkResult(res.params, res.periods, obs, res.schools, res.kommuner, res.top_threshold,
                                   res.spread_selection_floor)
    b = bootstrap_uttrekk(frozen, replicates=50).kommuner.set_index("kommune_id")
    k = res.kommuner.set_index("kommune_id").loc[b.index]
    assert np.array_equal(b["p_drawn_level"].to_numpy(), k["drawn_level"].to_numpy(float))
    assert np.allclose(b["share_lower"], k["share"]) and np.allclose(b["share_upper"], k["share"])
    assert np.array_equal(b["rank_lower"].to_numpy(), k["rank"].to_numpy())
    f = bootstrap_uttrekk(frozen, replicates=20).figures
    assert set(np.unique(f["p_points"])) <= {0.0, 1.0}
    assert (f["doubt"] == 0).all()


def test_intervals_contain_the_observed_share_and_audit_runs_both_ways(observed):
    _, res = observed
    b = bootstrap_uttrekk(res, replicates=300, seed=2)
    k = b.kommuner
    assert len(k) == len(res.kommuner)
    assert ((k["share_lower"] <= k["share_median"]) & (k["share_median"] <= k["share_upper"])).all()
    ranked = k["rank"].notna()
    assert (k.loc[ranked, "rank_lower"] <= k.loc[ranked, "rank_upper"]).all()
    assert ((k["p_drawn"] >= k["p_drawn_level"]) & (k["p_drawn"] <= 1)).all()
    # On average the bootstrap draws as many kommuner as the rule does.
    assert k["p_drawn_level"].sum() == pytest.approx(PARAMS.n_level, abs=1.5)
    a = audit(b.figures)
    assert a["n_given"] + a["n_not_given"] == len(b.figures)
    assert a["n_given_doubtful"] > 0 and a["n_not_given_doubtful"] > 0
    assert (a["not_given_doubtful"]["raw_points"] == 0).all()


def test_p_drawn_is_calibrated_against_a_fresh_sample_of_the_same_truth():
    """Simulated worlds where the truth is known: P(drawn) vs how often a new draw of pupils selects."""
    rng = np.random.default_rng(1)
    p_all, f_all = [], []
    fresh_samples = 16
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for wi in range(3):
            w = world(rng)
            b = bootstrap_uttrekk(uttrekk.compute(sample(w, rng), PARAMS), 300, seed=wi).kommuner
            b = b.set_index("kommune_id")
            fresh = np.zeros(len(b))
            for _ in range(fresh_samples):
                kk = uttrekk.compute(sample(w, rng), PARAMS).kommuner.set_index("kommune_id")
                fresh += (kk["drawn_level"] | kk["drawn_spread"]).reindex(b.index).to_numpy(bool)
            p_all.append(b["p_drawn"].to_numpy())
            f_all.append(fresh / fresh_samples)
    p, f = np.concatenate(p_all), np.concatenate(f_all)
    assert np.mean((p - f) ** 2) < 0.03  # Brier score against the fresh-sample frequency
    for lo, hi in ((0.0, 0.2), (0.2, 0.8), (0.8, 1.01)):
        m = (p >= lo) & (p < hi)
        if m.sum() >= 10:
            assert abs(p[m].mean() - f[m].mean()) < 0.1, (lo, hi, p[m].mean(), f[m].mean())
    assert p.sum() == pytest.approx(f.sum(), rel=0.15)
