"""analysis.bootstrap_store: the stored uttrekk bootstrap is bootstrap_uttrekk's result, number for number, and
the key changes with anything the bootstrap reads."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from analysis import bootstrap_store
from analysis import uttrekk as u
from analysis.uttrekk_bootstrap import bootstrap_uttrekk
from tests.sim_uttrekk import PARAMS, sample
from tests.sim_uttrekk import world as simulated_world


@pytest.fixture(scope="module")
def world():
    rng = np.random.default_rng(5)
    return sample(simulated_world(rng), rng)


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("UTFORDRINGSBILDE_DATA_DIR", str(tmp_path))
    return tmp_path


def _same(a, b):
    pd.testing.assert_frame_equal(a.kommuner, b.kommuner)
    pd.testing.assert_frame_equal(a.figures, b.figures)
    assert (a.replicates, a.conf, a.seed) == (b.replicates, b.conf, b.seed)


def test_stored_result_is_the_computed_one(world, cache_dir):
    res = u.compute(world, PARAMS)
    direct = bootstrap_uttrekk(res, replicates=60, seed=7)
    first = bootstrap_store.cached_bootstrap(res, replicates=60, seed=7)
    entries = list((cache_dir / "cache" / bootstrap_store.KIND).iterdir())
    assert len(entries) == 1 and (entries[0] / "meta.json").exists()
    again = bootstrap_store.cached_bootstrap(res, replicates=60, seed=7)  # read from disk
    _same(direct, first)
    _same(direct, again)


def test_key_follows_inputs(world, cache_dir):
    res = u.compute(world, PARAMS)
    key = bootstrap_store.bootstrap_key(res, 60, 0.95, 7, 100)
    assert key == bootstrap_store.bootstrap_key(u.compute(world, PARAMS), 60, 0.95, 7, 100)
    assert key != bootstrap_store.bootstrap_key(res, 61, 0.95, 7, 100)
    assert key != bootstrap_store.bootstrap_key(res, 60, 0.9, 7, 100)
    assert key != bootstrap_store.bootstrap_key(res, 60, 0.95, 8, 100)
    changed = world.copy()
    changed.loc[changed["value"].notna().idxmax(), "value"] += 1.0
    assert key != bootstrap_store.bootstrap_key(u.compute(changed, PARAMS), 60, 0.95, 7, 100)
    other = u.compute(world, replace(res.params, n_level=res.params.n_level + 1))
    assert key != bootstrap_store.bootstrap_key(other, 60, 0.95, 7, 100)


def test_unreadable_entry_is_a_miss(world, cache_dir):
    res = u.compute(world, PARAMS)
    bootstrap_store.cached_bootstrap(res, replicates=40, seed=3)
    entry = next((cache_dir / "cache" / bootstrap_store.KIND).iterdir())
    (entry / "figures.parquet").write_bytes(b"not parquet")
    _same(bootstrap_uttrekk(res, replicates=40, seed=3), bootstrap_store.cached_bootstrap(res, replicates=40, seed=3))
