"""Loading the active dataset: the demo (generated once, cached as Parquet) and, later, imported data.

``load_dataset()`` is the one function every page uses to get figures. It returns the canonical long
format (``data.schema``), validated. Results are memoised per file state, so repeated calls are cheap
and a changed file on disk (a new import) is picked up without a restart.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from data import demo, real_context, renumber, succession
from data.config import data_dir
from data.catalogue import LEGACY_MARGIN_INDICATOR
from data.schema import validate, with_optional

log = logging.getLogger(__name__)
_lock = threading.Lock()
_memo: dict[tuple, object] = {}

REGISTRY_FILES = ("figures", "kommuner", "skoler", "context")


@dataclass(frozen=True)
class DatasetInfo:
    """What the banner says about the active data."""

    is_demo: bool
    label: str
    sources: tuple[str, ...]


def demo_dir() -> Path:
    return data_dir() / "demo" / f"v{demo.DEMO_VERSION}-seed{demo.SEED}"


def _atomic_write_parquet(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        df.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def ensure_demo() -> Path:
    """Generate the demo data once and cache it as Parquet; return its folder."""
    folder = demo_dir()
    if all((folder / f"{name}.parquet").exists() for name in REGISTRY_FILES):
        return folder
    with _lock:
        if all((folder / f"{name}.parquet").exists() for name in REGISTRY_FILES):
            return folder
        log.info("Generating demo data in %s", folder)
        d = demo.generate()
        figures = validate(d.figures)
        # Registries first, figures last: the figures file marks the cache as complete.
        for name, frame in (("kommuner", d.kommuner), ("skoler", d.skoler), ("context", d.context)):
            _atomic_write_parquet(frame, folder / f"{name}.parquet")
        _atomic_write_parquet(figures, folder / "figures.parquet")
    return folder


def _release_arrow_memory() -> None:
    """Give the Arrow buffers freed by a Parquet read back to the system (≈70 MB RSS for the national file).

    Arrow's allocator keeps freed memory for reuse; one read at start-up does not need it again.
    """
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except Exception:  # noqa: BLE001 - best effort (another libc, an old pyarrow)
        pass


def _read_parquet_memo(path: Path) -> pd.DataFrame:
    key = (str(path), path.stat().st_mtime_ns)
    hit = _memo.get(key)
    if hit is None:
        with _lock:
            hit = _memo.get(key)
            if hit is None:
                for old in [k for k in _memo if k[0] == str(path)]:
                    del _memo[old]
                hit = pd.read_parquet(path)
                _release_arrow_memory()
                _memo[key] = hit
    return hit  # type: ignore[return-value]


def imported_dir() -> Path:
    return data_dir() / "imported"


def _import_state() -> dict:
    path = imported_dir() / "state.json"
    if not path.exists():
        return {"mode": "none"}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        log.exception("Unreadable import state %s; using demo data", path)
        return {"mode": "none"}


def load_dataset() -> pd.DataFrame:
    """The active canonical dataset: demo, demo plus imports, or imports only (see the Data page)."""
    state = _import_state()
    imported = imported_dir() / "figures.parquet"
    if state.get("mode") in ("add", "replace") and imported.exists():
        imp = _upgraded(imported)
        if state["mode"] == "replace":
            return imp
        key = ("combined", str(imported), imported.stat().st_mtime_ns)
        hit = _memo.get(key)
        if hit is None:
            demo_fig = _read_parquet_memo(ensure_demo() / "figures.parquet")
            hit = validate(pd.concat([_demo_without(demo_fig, imp), imp], ignore_index=True))
            _memo[key] = hit
        return hit  # type: ignore[return-value]
    return _read_parquet_memo(ensure_demo() / "figures.parquet")


def _demo_without(demo_fig: pd.DataFrame, imp: pd.DataFrame) -> pd.DataFrame:
    """The demo figures minus those the import replaces: the same unit, indicator, group and period, with
    «nasjonalt» one unit whatever its id (the demo's ``0``, Udir's ``I``). Adding never duplicates a series."""
    cols = ["level", "unit_id", "indicator", "subject", "trinn", "kjonn", "period"]

    def keys(df: pd.DataFrame) -> pd.MultiIndex:
        plain = pd.DataFrame({c: df[c].astype(object).where(df[c].notna(), "").astype(str) for c in cols})
        plain.loc[plain["level"] == "nasjonalt", "unit_id"] = ""
        return pd.MultiIndex.from_frame(plain)

    geo_imp = imp[imp["level"].astype(str) != "skole"]  # schools are fictional in the demo: no shared ids
    if geo_imp.empty:
        return demo_fig
    # Cheap pre-filter on two categoricals, then exact keys on the few candidates.
    cand = (demo_fig["level"].astype(str) != "skole").to_numpy() & \
        demo_fig["indicator"].isin(geo_imp["indicator"].astype(str).unique()).to_numpy() & \
        demo_fig["period"].isin(geo_imp["period"].astype(str).unique()).to_numpy()
    drop = np.zeros(len(demo_fig), dtype=bool)
    if cand.any():
        drop[np.flatnonzero(cand)] = keys(demo_fig[cand]).isin(keys(geo_imp))
    return demo_fig[~drop]


def _upgraded(path: Path) -> pd.DataFrame:
    """Imported figures in today's format: «Usikkerhet» rows saved as an indicator before issue 11 become
    the ``udir_margin`` of their skalapoeng; optional columns present; kommune and school figures filed
    under today's kommune numbers (``data.renumber``)."""
    key = ("upgraded", str(path), path.stat().st_mtime_ns)
    hit = _memo.get(key)
    if hit is None:
        df = with_optional(_read_parquet_memo(path))
        legacy = (df["indicator"].astype(str) == LEGACY_MARGIN_INDICATOR).to_numpy()
        if legacy.any():
            keys = ["level", "unit_id", "subject", "trinn", "kjonn", "period"]
            margins = df.loc[legacy, keys + ["value"]].rename(columns={"value": "_m"}).astype({k: str for k in keys})
            df = df.loc[~legacy].copy()
            probe = df[keys].astype(str).merge(margins, on=keys, how="left")
            is_sp = (df["indicator"].astype(str) == "np_skalapoeng").to_numpy()
            df["udir_margin"] = np.where(is_sp & ~df["suppressed"].to_numpy(), probe["_m"].to_numpy(), np.nan)
            df = validate(df)
        _memo[key] = hit = renumber.file_under_current(df)
    return hit  # type: ignore[return-value]


def dataset_info() -> DatasetInfo:
    """Which data the app shows now, for the banner."""
    state = _import_state()
    if state.get("mode") == "replace":
        return DatasetInfo(False, state.get("label", "Importerte data"), tuple(state.get("sources", ())))
    if state.get("mode") == "add":
        return DatasetInfo(True, "Demodata og importerte data", tuple(state.get("sources", ())))
    return DatasetInfo(True, "Demodata (fiktive kommuner og skoler)", ("demo",))


def load_kommuner() -> pd.DataFrame:
    """Kommune registry: kommune_id, kommune_name, fylke_id, fylke_name, successor_id, last_period.

    Built from the demo registry plus any kommune that appears in the active dataset.
    """
    reg = _read_parquet_memo(ensure_demo() / "kommuner.parquet")
    if dataset_info().is_demo and not (imported_dir() / "figures.parquet").exists():
        return reg
    key = ("kommuner", dataset_token())
    hit = _memo.get(key)
    if hit is None:
        hit = _kommuner_from_figures(reg, load_dataset())
        _memo[key] = hit
    return hit  # type: ignore[return-value]


def _kommuner_from_figures(reg: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Registry rows for the kommuner in the figures: today's names and fylker from ``data.succession``,
    merged numbers pointing to today's kommune (``successor_id``), merged or split numbers ``historical``."""
    rows = figures[figures["level"].isin(["kommune", "skole"])][["level", "unit_id", "unit_name", "kommune_id",
                                                                 "fylke_id", "period"]].astype(str)
    rows["kid"] = np.where(rows["level"] == "kommune", rows["unit_id"], rows["kommune_id"])
    rows = rows[rows["kid"] != ""]
    rows["start"] = rows["period"].str[:4]
    rows = rows.sort_values(["level", "start"], ascending=[True, False])  # kommune rows first, latest year first
    kom = rows.drop_duplicates("kid")
    last = rows.groupby("kid")["period"].max()
    status = renumber.kommune_status(kom["kid"], kom["kid"].map(last))
    status = status.set_index("kommune_id")
    missing = sorted({s for s in status["successor_id"].dropna() if s not in set(kom["kid"])})
    fylke_names = (figures[figures["level"] == "fylke"][["unit_id", "unit_name"]].astype(str)
                   .drop_duplicates("unit_id").set_index("unit_id")["unit_name"])
    out = []
    for k, name, fid, lvl in zip(list(kom["kid"]) + missing, list(kom["unit_name"]) + [""] * len(missing),
                                 list(kom["fylke_id"]) + [""] * len(missing),
                                 list(kom["level"]) + ["skole"] * len(missing)):
        known = k in status.index
        hist = bool(status.at[k, "historical"]) if known else False
        fylke = None if hist else succession.fylke_of(k)
        shown = succession.name(k, last.get(k)) or (succession.clean_name(name) if lvl == "kommune" else "")
        fid = fylke[0] if fylke else fid
        out.append({
            "kommune_id": k, "kommune_name": shown or f"Kommune {k}", "fylke_id": fid,
            "fylke_name": fylke[1] if fylke else succession.clean_name(fylke_names.get(fid, fid)),
            "successor_id": status.at[k, "successor_id"] if known else None,
            "last_period": last.get(k) if hist else None, "historical": hist,
        })
    kom = pd.DataFrame(out, columns=["kommune_id", "kommune_name", "fylke_id", "fylke_name", "successor_id",
                                     "last_period", "historical"])
    base = reg if dataset_info().is_demo else reg.iloc[0:0]
    return pd.concat([base, kom[~kom["kommune_id"].isin(base["kommune_id"])]], ignore_index=True)


def load_skoler() -> pd.DataFrame:
    """School registry of the demo (school_id, school_name, school_type, kommune_id, early_kommune_id)."""
    return _read_parquet_memo(ensure_demo() / "skoler.parquet")


def load_context() -> pd.DataFrame:
    """Kommune context for peers: population, adult education, disability benefit, child welfare, KOSTRA group."""
    ctx = _read_parquet_memo(ensure_demo() / "context.parquet")
    state = _import_state().get("mode")
    if state in ("add", "replace") and (imported_dir() / "figures.parquet").exists():
        # Real kommuner get their real population (data.real_context); the demo's fictional ones keep theirs.
        real = real_context.real_context()
        ctx = real if state == "replace" else pd.concat([ctx, real], ignore_index=True)
    extra = imported_dir() / "context.parquet"
    if extra.exists():
        imp = _read_parquet_memo(extra)
        # An imported SSB table's values win; what it lacks (e.g. population) is kept from before.
        merged = imp.set_index("kommune_id").combine_first(ctx.set_index("kommune_id").loc[
            lambda c: c.index.isin(imp["kommune_id"])])
        ctx = pd.concat([ctx[~ctx["kommune_id"].isin(imp["kommune_id"])], merged.reset_index()[ctx.columns]],
                        ignore_index=True)
    return ctx


def kommune_lineage(kommune_id: str) -> list[str]:
    """The kommune's number and every earlier number whose history it carries (mergers)."""
    reg = load_kommuner()
    out = [str(kommune_id)]
    frontier = [str(kommune_id)]
    while frontier:
        cur = frontier.pop()
        prev = reg.loc[reg["successor_id"].astype(str) == cur, "kommune_id"].astype(str).tolist()
        for p in prev:
            if p not in out:
                out.append(p)
                frontier.append(p)
    return out


def _unit_positions(figures: pd.DataFrame) -> tuple[dict[tuple[str, str], np.ndarray], list[np.ndarray]]:
    """(level, unit_id) -> the row positions of that unit in ``figures``, and the nation's positions; built once
    per dataset (≈60 ms)."""
    key = ("unit_positions",)
    hit = _memo.get(key)
    if hit is not None and hit[0] is figures:
        return hit[1], hit[2]
    index = {(str(level), str(unit)): pos for (level, unit), pos in figures.groupby(
        ["level", "unit_id"], observed=True, sort=False).indices.items()}
    nation = [pos for (level, _), pos in index.items() if level == "nasjonalt"]
    _memo[key] = (figures, index, nation)  # holds the frame itself, so the identity check cannot match a new one
    return index, nation


def kommune_area_rows(figures: pd.DataFrame, kommune_ids: list[str], fylke_id: str | None) -> pd.DataFrame:
    """The rows of ``figures`` a kommune is compared with: the kommune under any of its numbers
    (``kommune_lineage``), its fylke and the nation, every year and indicator, in the frame's own order.

    The same rows as the masks ``analysis.overview.benchmark_comparison`` and ``data.coverage`` apply
    (kommune-level rows of those numbers, the fylke's, the nation's), found through an index of the units
    instead of comparing every row of the national frame (≈20 ms a kommune less on the national demo)."""
    index, nation = _unit_positions(figures)
    keys = [("kommune", str(k)) for k in kommune_ids] + ([("fylke", str(fylke_id))] if fylke_id else [])
    parts = [index[k] for k in keys if k in index] + nation
    pos = np.sort(np.concatenate(parts)) if parts else np.array([], dtype=np.intp)
    return figures.take(pos)


def current_kommuner() -> pd.DataFrame:
    """Kommuner that exist now (no successor, not a split or merged number), sorted by name, for pickers."""
    reg = load_kommuner()
    historical = reg["historical"].fillna(False).astype(bool) if "historical" in reg.columns else False
    cur = reg[reg["successor_id"].isna() & ~historical].copy()
    return cur.sort_values("kommune_name").reset_index(drop=True)


def dataset_token() -> str:
    """A short string that changes whenever the active data change: each data file's name, size and modification
    time (cache keys in the app, and on disk in ``analysis.national_store``)."""
    parts = []
    for path in (ensure_demo() / "figures.parquet", imported_dir() / "figures.parquet",
                 imported_dir() / "state.json", imported_dir() / "context.parquet"):
        if path.exists():
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)
