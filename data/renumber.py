"""File real figures under today's (2024) kommune numbers, keeping the number the source used.

Udir's files before 2024-25 carry the 2020 numbers (Skien 3807), later files the 2024 numbers (4003), and
files before 2020-21 the older ones (0806). ``file_under_current`` applies ``data.succession`` to a canonical
frame so a kommune's series reads through the reforms:

- **Kommune figures** of a number that was only renumbered (one predecessor, whole area) are filed under
  today's number; ``orig_kommune_id`` keeps the source's number and the name becomes today's display name.
- **Mergers** (several numbers in the same year became one): the old numbers' kommune figures stay under
  their own numbers; the kommune registry names today's kommune as their successor, and the pages combine
  them through ``data.kommune_lineage`` (as for the demo's Fjordbygd).
- **Splits** (Ålesund 1507 → 1508 + 1580): kommune figures stay under the old number and are never summed
  or weighted into a successor; the registry marks the number as historical, so it is not in the picker,
  and the successors' series start with a break.
- **Schools** are placed by organisation number in Udir's 2025-26 tree (``data.school_places``), else by the
  succession of their kommune when it went whole into one kommune; ``orig_kommune_id`` keeps the source's.
- Names of kommuner and fylker lose the «(2020 - 2023)» suffix and show the Norwegian form first.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data import school_places, succession
from data.schema import KEY_COLUMNS, validate, with_optional


def _kommune_target(kommune_id: str, period: str) -> str | None:
    """Today's number to file a kommune figure under, or None to keep it under its own number.

    Udir recalculates history into newer structures (the grunnskolepoeng file has Skien both as 0806 and
    as 3807 for 2015-16): a number used *before* it existed describes its own area, which went whole into
    today's kommune unless it was later split; a number used *after* it ended is judged by its last year.
    """
    span = succession.validity(kommune_id)
    if span is None:
        return None
    year = int(str(period)[:4])
    if year < span[0]:
        hit = succession.successors(kommune_id, span[0])
        return hit[0][0] if len(hit) == 1 and hit[0][0] != kommune_id else None
    return _renumbered_kommune(kommune_id, min(year, span[1]))


def _renumbered_kommune(kommune_id: str, period) -> str | None:
    """Today's number when ``kommune_id`` in that year was only renumbered (no merger, no split)."""
    hit = succession.successors(kommune_id, period)
    if len(hit) != 1 or hit[0][0] == kommune_id:
        return None
    current = hit[0][0]
    others = [p for p, _ in succession.predecessors(current, period) if p != current]
    return current if others in ([kommune_id], []) else None


def file_under_current(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with kommune and school figures filed under today's numbers (see the module docstring)."""
    if df.empty:
        return with_optional(df)
    out = with_optional(df).copy()
    for col in ("unit_id", "unit_name", "kommune_id", "fylke_id", "orig_kommune_id"):
        out[col] = out[col].astype(str)
    level = out["level"].astype(str).to_numpy()
    kom = out["kommune_id"].to_numpy(dtype=object)
    period = out["period"].astype(str).to_numpy(dtype=object)
    pairs = {(k, p) for k, p in zip(kom, period) if k}
    renamed = {pair: _kommune_target(*pair) for pair in pairs}
    whole = {pair: succession.current_id(*pair) for pair in pairs}

    is_kom = level == "kommune"
    new_kom = np.array([renamed.get((k, p)) or "" for k, p in zip(kom, period)], dtype=object)
    move_kom = is_kom & (new_kom != "")
    is_sch = level == "skole"
    placed = school_places.place(out["unit_id"]).to_numpy(dtype=object)
    by_kom = np.array([whole.get((k, p)) or "" for k, p in zip(kom, period)], dtype=object)
    sch_kom = np.where(placed != "", placed, by_kom)
    move_sch = is_sch & (sch_kom != "") & (sch_kom != kom)
    target = np.where(move_kom, new_kom, np.where(move_sch, sch_kom, kom))
    moved = move_kom | move_sch
    out["orig_kommune_id"] = np.where(moved, kom, out["orig_kommune_id"].to_numpy(dtype=object))
    out["kommune_id"] = target
    out["unit_id"] = np.where(move_kom, new_kom, out["unit_id"].to_numpy(dtype=object))
    fylke_now = {k: (succession.fylke_of(k) or (k[:2], ""))[0] for k in set(target[moved])}
    out.loc[moved, "fylke_id"] = [fylke_now[k] for k in target[moved]]
    out["unit_name"] = _display_names(out, level, move_kom)
    return validate(_one_figure_per_key(out, moved))


def _one_figure_per_key(out: pd.DataFrame, moved: np.ndarray) -> pd.DataFrame:
    """Where old and new numbers now give the same key (both structures in one file, or both numbers in
    one year), keep one figure: a published or suppressed one over an empty cell, then the newest structure
    (the figure already under today's number, else the source number that came into use last)."""
    if not out.duplicated(KEY_COLUMNS).any():
        return out
    orig = out["orig_kommune_id"].astype(str).to_numpy()
    first = {o: float((succession.validity(o) or (0, 0))[0]) for o in set(orig[moved])}
    rank = np.array([first[o] if m else np.inf for m, o in zip(moved, orig)])
    empty = (out["value"].isna() & ~out["suppressed"]).to_numpy()
    order = pd.DataFrame({"empty": empty, "rank": -rank}, index=out.index).sort_values(["empty", "rank"], kind="stable")
    ranked = out.loc[order.index]
    return ranked[~ranked.duplicated(KEY_COLUMNS, keep="first")].sort_index()


def _display_names(out: pd.DataFrame, level: np.ndarray, move_kom: np.ndarray) -> np.ndarray:
    names = out["unit_name"].to_numpy(dtype=object).copy()
    geo = (level == "kommune") | (level == "fylke")
    cache: dict[str, str] = {}
    for i in np.flatnonzero(geo):
        raw = names[i]
        if raw not in cache:
            cache[raw] = succession.clean_name(raw)
        names[i] = cache[raw]
    ids = out["unit_id"].to_numpy(dtype=object)
    today = {k: succession.name(k) for k in set(ids[move_kom])}
    for i in np.flatnonzero(move_kom):
        names[i] = today[ids[i]] or names[i]
    return names


def kommune_status(kommune_ids, last_periods) -> pd.DataFrame:
    """Per kommune number with figures: ``successor_id`` (today's kommune a merged number's history belongs
    to, else None) and ``historical`` (True for numbers that no longer exist: merged or split)."""
    rows = []
    for k, p in zip(kommune_ids, last_periods):
        k = str(k)
        hit = succession.successors(k, p) if p else [(k, 1.0)]
        merged = len(hit) == 1 and hit[0][0] != k
        rows.append({"kommune_id": k, "successor_id": hit[0][0] if merged else None,
                     "historical": merged or len(hit) > 1})
    return pd.DataFrame(rows, columns=["kommune_id", "successor_id", "historical"])
