"""A disk cache of computed tables (Parquet) in the data folder, for results that are slow to compute and
fully determined by a key the caller builds (e.g. the uttrekk bootstrap: its inputs, parameters, seed and code).

Files: ``<data folder>/cache/<kind>/<key>/<name>.parquet`` plus ``meta.json``, each written atomically, so a
half-written entry is never read. A missing or unreadable entry is simply a miss (the caller computes and
writes again). Parquet, not pickle: nothing in the data folder is executed when read.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from pathlib import Path

import pandas as pd

from data.config import data_dir

log = logging.getLogger(__name__)
_SAFE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


def _entry(kind: str, key: str) -> Path:
    if not (_SAFE.match(kind) and _SAFE.match(key)):
        raise ValueError(f"unsafe cache kind/key: {kind!r}/{key!r}")
    return data_dir() / "cache" / kind / key


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_frames(kind: str, key: str, names: tuple[str, ...]) -> tuple[dict[str, pd.DataFrame], dict] | None:
    """The stored frames and metadata, or None (not stored, or unreadable)."""
    entry = _entry(kind, key)
    meta_path = entry / "meta.json"
    if not meta_path.exists():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return {n: pd.read_parquet(entry / f"{n}.parquet") for n in names}, meta
    except Exception:  # noqa: BLE001 - a broken entry is a miss
        log.warning("Unreadable cache entry %s", entry, exc_info=True)
        return None


def write_frames(kind: str, key: str, frames: dict[str, pd.DataFrame], meta: dict) -> None:
    """Store the frames (index dropped: pass frames with a default RangeIndex) and then the metadata."""
    entry = _entry(kind, key)
    try:
        for name, frame in frames.items():
            _atomic_write(entry / f"{name}.parquet", lambda tmp, f=frame: f.to_parquet(tmp, index=False))
        _atomic_write(entry / "meta.json", lambda tmp: Path(tmp).write_text(json.dumps(meta), encoding="utf-8"))
    except OSError:  # a read-only data folder: no cache, same results
        log.warning("Could not write cache entry %s", entry, exc_info=True)
