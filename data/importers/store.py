"""Persisting imports (the contract in ``data/dataset.py``): Parquet first, ``state.json`` last, both atomic.

- ``imported_dir()/figures.parquet``: the validated canonical frame; a new import is merged with the
  earlier ones, the new rows replacing the same keys.
- ``imported_dir()/context.parquet``: kommune context (the demo context's columns), merged by kommune.
- ``imported_dir()/state.json``: ``{"mode": "add"|"replace", "label": ..., "sources": [...]}``.
A failure leaves the earlier files untouched (temp file + ``os.replace``).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from data.dataset import _atomic_write_parquet, imported_dir
from data.importers.jsonstat import CONTEXT_COLUMNS
from data.importers.pipeline import ImportResult, merge_context
from data.schema import KEY_COLUMNS, validate

MODES = ("add", "replace")


def _atomic_write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_state() -> dict:
    path = imported_dir() / "state.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {"mode": "none", "sources": []}


def imported_figures() -> pd.DataFrame | None:
    path = imported_dir() / "figures.parquet"
    return pd.read_parquet(path) if path.exists() else None


def merge_figures(old: pd.DataFrame | None, new: pd.DataFrame) -> pd.DataFrame:
    """Earlier imports plus the new one; for the same key the new row wins."""
    if old is None or not len(old):
        return validate(new)
    both = pd.concat([old, new], ignore_index=True)
    both = both[~both.duplicated(KEY_COLUMNS, keep="last")]
    return validate(both)


def save_import(result: ImportResult, mode: str) -> dict:
    """Write a successful import. Returns the new state. Raises ValueError for a result with errors."""
    if mode not in MODES:
        raise ValueError(f"Ukjent modus {mode!r}")
    if not result.ok:
        raise ValueError("Importen har feil og lagres ikke.")
    folder = imported_dir()
    state = read_state()
    if len(result.figures):
        merged = merge_figures(imported_figures(), result.figures)
        _atomic_write_parquet(merged, folder / "figures.parquet")
    if result.context is not None and len(result.context):
        ctx_path = folder / "context.parquet"
        ctx = result.context
        if ctx_path.exists():
            ctx = merge_context(pd.read_parquet(ctx_path), ctx)
        _atomic_write_parquet(ctx[CONTEXT_COLUMNS], ctx_path)
    sources = list(dict.fromkeys(list(state.get("sources", [])) + list(result.sources)))
    labels = [x for x in (state.get("label", ""), result.label) if x]
    label = result.label if not state.get("label") or state.get("label") == result.label else _join_labels(labels)
    new_state = {"mode": mode, "label": label, "sources": sources}
    if not (folder / "figures.parquet").exists():
        new_state["mode"] = "add"  # context only: keep showing the demo figures
    _atomic_write_text(json.dumps(new_state, ensure_ascii=False, indent=2), folder / "state.json")
    return new_state


def _join_labels(labels: list[str]) -> str:
    parts: list[str] = []
    for lab in labels:
        for p in lab.replace("Importerte data: ", "").split(", "):
            if p and p not in parts:
                parts.append(p)
    return "Importerte data: " + ", ".join(parts)


def clear_imports() -> None:
    """Back to the demo: state first (so readers stop using the files), then the files."""
    folder = imported_dir()
    for name in ("state.json", "figures.parquet", "context.parquet"):
        try:
            (folder / name).unlink()
        except FileNotFoundError:
            pass
