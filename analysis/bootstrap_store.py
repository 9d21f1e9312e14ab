"""The uttrekk bootstrap (``analysis.uttrekk_bootstrap.bootstrap_uttrekk``) kept on disk per inputs.

500 replicates of the whole rule take ≈2 s; the result depends only on the model's tables (``obs``,
``kommuner``, ``schools``), its parameters, the replicates/level/seed/block and the code. The key hashes all
of these (``pandas.util.hash_pandas_object`` of the three tables, the parameters' repr, and
``data.result_cache.code_version`` of the bootstrap and model modules: their source and the
numpy/pandas/pyarrow/scipy versions, since the random stream and quantiles are theirs), so a stored result is
the one ``bootstrap_uttrekk`` would return, number for number (``tests/test_bootstrap_store.py``). Storage: ``data.result_cache`` (Parquet in the data folder).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from analysis.uttrekk import UttrekkResult
from data import result_cache

KIND = "uttrekk-bootstrap"
_SOURCES = ("uttrekk_bootstrap.py", "uttrekk.py", "bootstrap_store.py")


def bootstrap_key(result: UttrekkResult, replicates: int, conf: float, seed: int, block: int) -> str:
    """Hex digest of everything ``bootstrap_uttrekk`` reads (see the module docstring)."""
    h = hashlib.sha256()
    for frame in (result.obs, result.kommuner, result.schools):
        h.update(repr(list(frame.columns)).encode())
        h.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    h.update(repr((result.params, replicates, conf, seed, block)).encode())
    here = Path(__file__).resolve().parent
    h.update(result_cache.code_version(tuple(here / name for name in _SOURCES)).encode())
    return h.hexdigest()[:40]


def cached_bootstrap(result: UttrekkResult, replicates: int = 500, conf: float = 0.95, seed: int = 20241,
                     block: int = 100):
    """``bootstrap_uttrekk(result, replicates, conf, seed, block)``, read from disk when stored before."""
    from analysis.uttrekk_bootstrap import BootstrapResult, bootstrap_uttrekk

    key = bootstrap_key(result, replicates, conf, seed, block)
    hit = result_cache.read_frames(KIND, key, ("kommuner", "figures"))
    if hit is not None:
        frames, meta = hit
        return BootstrapResult(frames["kommuner"], frames["figures"], int(meta["replicates"]), float(meta["conf"]),
                               int(meta["seed"]))
    out = bootstrap_uttrekk(result, replicates=replicates, conf=conf, seed=seed, block=block)
    result_cache.write_frames(KIND, key, {"kommuner": out.kommuner, "figures": out.figures},
                              {"replicates": out.replicates, "conf": out.conf, "seed": out.seed})
    return out
