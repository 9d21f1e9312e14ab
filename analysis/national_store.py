"""Oversikt's two national tables kept on disk per inputs: every kommune against its fylke and the nation
(``analysis.overview.national_benchmark_comparison``) and the national range of the kommuner for the spine
chart (``analysis.spine.kommune_distribution``).

They take ≈0.35 s of the interpreter for the national demo, and the server computes them before the first
visitor's Oversikt run (``scripts/serve.py``), so on a cold start they sit on the way to the first chart
(issue 16); the range also needs ``scipy.special`` (≈0.1 s to import). Each depends only on the active data,
its arguments and the code (the labels in the comparison are the active language's). The key hashes all of
these: the caller's data identity (``ui.state.data_token``: the dataset files' names, sizes and times, and
the language), the arguments, and ``data.result_cache.code_version`` of ``analysis/``, ``data/`` and
``present/`` with the numpy/pandas/pyarrow/scipy versions. A restart on the same data and code then reads
them (≈30 ms) instead of computing them.

Exactness: ``data.result_cache.write_exact`` writes an entry only when it reads back identical (columns,
dtypes, every value), so a stored table is the computed one, number for number
(``tests/test_national_store.py``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis.overview import NationalComparison, national_benchmark_comparison
from analysis.spine import kommune_distribution
from data import result_cache

KIND = "national-comparison"
RANGE_KIND = "national-range"
_CODE = tuple(Path(__file__).resolve().parent.parent / name for name in ("analysis", "data", "present"))


def _key(spec: dict) -> str:
    spec = {**spec, "code": result_cache.code_version(_CODE)}
    return hashlib.sha256(json.dumps(spec, ensure_ascii=False).encode()).hexdigest()[:40]


def national_key(data_id: str, fylke_of: Mapping[str, str | None], periods: Sequence[str], keys: Sequence,
                 by_year: bool) -> str:
    """Hex digest of everything ``national_benchmark_comparison`` reads (see the module docstring)."""
    return _key({"data": data_id, "periods": [str(p) for p in periods], "by_year": bool(by_year),
                 "fylke_of": sorted((str(k), None if f is None else str(f)) for k, f in fylke_of.items()),
                 "keys": sorted([str(i), str(s), int(t)] for i, s, t in keys)})


def range_key(data_id: str, periods: Sequence[str], fylke_id: str | None) -> str:
    """Hex digest of everything ``kommune_distribution`` reads."""
    return _key({"data": data_id, "periods": [str(p) for p in periods],
                 "fylke_id": None if fylke_id is None else str(fylke_id)})


def cached_national(figures: pd.DataFrame, fylke_of: Mapping[str, str | None], periods: Sequence[str],
                    keys: Sequence, *, by_year: bool, data_id: str) -> NationalComparison:
    """``national_benchmark_comparison(figures, fylke_of, periods, keys, by_year=by_year)``, read from disk when
    stored before for the same ``data_id`` (the identity of ``figures``), arguments and code."""
    key = national_key(data_id, fylke_of, periods, keys, by_year)
    hit = result_cache.read_exact(KIND, key, ("table",))
    if hit is not None:
        frames, meta = hit
        return NationalComparison(frames["table"], {str(k): f for k, f in meta["fylke_of"]},
                                  frozenset((str(i), str(s), int(t)) for i, s, t in meta["keys"]),
                                  bool(meta["by_year"]), frozenset(str(u) for u in meta["numbers_with_rows"]))
    out = national_benchmark_comparison(figures, fylke_of, periods, keys, by_year=by_year)
    meta = {"fylke_of": sorted(out.fylke_of.items(), key=lambda kv: kv[0]), "keys": sorted(list(k) for k in out.keys),
            "by_year": out.by_year, "numbers_with_rows": sorted(out.numbers_with_rows)}
    if result_cache.write_exact(KIND, key, {"table": out.table}, meta):
        result_cache.prune(KIND, keep=[key])
    return out


def cached_range(figures: pd.DataFrame, periods: Sequence[str], fylke_id: str | None, *,
                 data_id: str) -> pd.DataFrame:
    """``kommune_distribution(figures, periods, fylke_id)``, read from disk when stored before for the same
    ``data_id``, arguments and code."""
    key = range_key(data_id, periods, fylke_id)
    hit = result_cache.read_exact(RANGE_KIND, key, ("range",))
    if hit is not None:
        return hit[0]["range"]
    out = kommune_distribution(figures, list(periods), fylke_id)
    if result_cache.write_exact(RANGE_KIND, key, {"range": out}, {}):
        result_cache.prune(RANGE_KIND, keep=[key], newest=40)  # a fylke's range per fylke: more entries
    return out
