"""A disk cache of computed tables (Parquet) in the data folder, for results that are slow to compute and
fully determined by a key the caller builds (e.g. the uttrekk bootstrap: its inputs, parameters, seed and code).

Files: ``<data folder>/cache/<kind>/<key>/<name>.parquet`` plus ``meta.json``, each written atomically, so a
half-written entry is never read. A missing or unreadable entry is simply a miss (the caller computes and
writes again). Parquet, not pickle: nothing in the data folder is executed when read.

``write_exact``/``read_exact`` keep a table exactly as it was (column order, dtypes, text as Python ``str``):
an entry is written only when it reads back identical, so a caller gets the computed table or none.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
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


@functools.cache
def code_version(paths: tuple[Path, ...]) -> str:
    """Hex digest of the code a stored result comes from: every file in ``paths`` (files, or folders read
    recursively without ``__pycache__``; relative name and bytes) and the versions of numpy, pandas, pyarrow
    and scipy (their numerics and storage). Read once per process: the code does not change under a running
    server (a deployment restarts it)."""
    from importlib.metadata import version  # not the packages themselves: no scipy import for a version

    h = hashlib.sha256("|".join(version(p) for p in ("numpy", "pandas", "pyarrow", "scipy")).encode())
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*")
                                                     if p.is_file() and "__pycache__" not in p.parts)
        for f in files:
            h.update(f"{f.relative_to(root.parent).as_posix()}\0".encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def prune(kind: str, keep: Iterable[str], newest: int = 6) -> None:
    """Remove the entries of ``kind`` but the ``newest`` (by metadata time) and those in ``keep``: every data
    version and code version leaves one, and nothing else ever removes them."""
    folder = data_dir() / "cache" / kind
    try:
        entries = sorted((e for e in folder.iterdir() if e.is_dir()),
                         key=lambda e: (e / "meta.json").stat().st_mtime_ns if (e / "meta.json").exists() else 0,
                         reverse=True)
    except OSError:
        return
    keep = set(keep)
    for entry in entries[newest:]:
        if entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)


def _parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _write_entry(kind: str, key: str, files: dict[str, bytes], meta: dict) -> None:
    """Write each Parquet file and then the metadata (which makes the entry readable)."""
    entry = _entry(kind, key)
    try:
        for name, body in files.items():
            _atomic_write(entry / f"{name}.parquet", lambda tmp, b=body: Path(tmp).write_bytes(b))
        _atomic_write(entry / "meta.json", lambda tmp: Path(tmp).write_text(json.dumps(meta), encoding="utf-8"))
    except OSError:  # a read-only data folder: no cache, same results
        log.warning("Could not write cache entry %s", entry, exc_info=True)


def write_frames(kind: str, key: str, frames: dict[str, pd.DataFrame], meta: dict) -> None:
    """Store the frames (index dropped: pass frames with a default RangeIndex) and then the metadata."""
    _write_entry(kind, key, {name: _parquet(frame) for name, frame in frames.items()}, meta)


_TEXT, _FLAGS, _NATIVE = "object", "flags", "native"


def _object_kind(values) -> str | None:
    """An object column Parquet can give back as it was: all Python ``str`` (text), or Python ``bool`` with
    float NaN for the missing (flags, e.g. a benchmark's «suppressed» where some rows have no benchmark)."""
    if all(type(v) is str for v in values):
        return _TEXT
    if all(type(v) is bool or (type(v) is float and v != v) for v in values):
        return _FLAGS
    return None


def _column_kinds(frame: pd.DataFrame) -> list[list[str]] | None:
    """Each column's name and how Parquet gives it back (``_object_kind`` for an object column, else the
    column's own dtype), or None for what would not come back as it was: an object column holding anything
    else (None would come back as NaN, a number as text), a non-default index, a column name that is not text."""
    if not isinstance(frame.index, pd.RangeIndex) or frame.index.start != 0 or frame.index.step != 1:
        return None
    kinds = []
    for name in frame.columns:
        if not isinstance(name, str):
            return None
        kind = _object_kind(frame[name].to_numpy()) if frame[name].dtype == object else _NATIVE
        if kind is None:
            return None
        kinds.append([name, kind])
    return kinds


def _restored(frame: pd.DataFrame, kinds: list[list[str]]) -> pd.DataFrame:
    """The frame as it was written: Parquet gives text columns back as pandas' string dtype, and flags with
    None for the missing."""
    if list(frame.columns) != [name for name, _ in kinds]:
        raise ValueError("stored columns differ")
    text = [name for name, kind in kinds if kind == _TEXT]
    if text:
        frame[text] = frame[text].astype(object)
    for name in (name for name, kind in kinds if kind == _FLAGS):
        frame[name] = pd.Series([float("nan") if v is None else bool(v) for v in frame[name].to_numpy()],
                                index=frame.index, dtype=object)
    return frame


def _identical(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Equal frames (``assert_frame_equal``, exact) whose object columns also hold values of the same types
    (pandas counts None and NaN as equal; a stored table must not turn one into the other)."""
    try:
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    except AssertionError:
        return False
    return all(list(map(type, a[c].to_numpy())) == list(map(type, b[c].to_numpy()))
               for c in a.columns if a[c].dtype == object)


def write_exact(kind: str, key: str, frames: dict[str, pd.DataFrame], meta: dict) -> bool:
    """``write_frames`` for frames that must read back exactly as they are (``read_exact``): written only when
    each one does (the Parquet bytes read back in memory, then those bytes written); False when not written."""
    kinds, files = {}, {}
    for name, frame in frames.items():
        kinds[name] = _column_kinds(frame)
        if kinds[name] is None:
            return False
        files[name] = _parquet(frame)
        if not _identical(frame, _restored(pd.read_parquet(io.BytesIO(files[name])), kinds[name])):
            return False
    _write_entry(kind, key, files, {**meta, "_columns": kinds})  # the bytes just checked
    return True


def read_exact(kind: str, key: str, names: tuple[str, ...]) -> tuple[dict[str, pd.DataFrame], dict] | None:
    """The frames ``write_exact`` stored, as they were, and the metadata; None when not stored or unusable."""
    hit = read_frames(kind, key, names)
    if hit is None:
        return None
    frames, meta = hit
    try:
        return {n: _restored(frames[n], meta["_columns"][n]) for n in names}, meta
    except (KeyError, TypeError, ValueError):
        log.warning("Unusable cache entry %s/%s", kind, key, exc_info=True)
        return None
