"""Placing schools in today's kommuner by organisation number, from Udir's own 2025-26 tree.

Udir's report API serves an «EnhetID» filter tree (fylke → kommune → school, 2024 numbers) with each
school's organisation number as ``kode`` (saved sample: ``../shared/realdata/udir-eu-enhetid-tree-2025-26/
filterVerdier.json``; Udir data, NLOD 2.0). ``read_tree`` reads such a file; ``scripts/build_succession.py``
ships the result as ``data/reference/skoler_udir_2025_26.csv`` and ``place`` looks schools up in it, so a
school keeps its place through a renumbering of its kommune (it is followed by organisation number).

The tree has gaps in the source (``barn`` entries pointing to absent nodes, whole pre-2024 fylker missing):
only nodes that are present are used; names lose Udir's trailing spaces.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pandas as pd

REFERENCE = Path(__file__).resolve().parent / "reference" / "skoler_udir_2025_26.csv"
COLUMNS = ["orgnr", "school_name", "kommune_id", "kommune_name", "fylke_id", "fylke_name", "enhet_id"]


class TreeError(ValueError):
    """The file is not an EnhetID filter tree; the message is Norwegian."""


def read_tree(raw: bytes | str) -> pd.DataFrame:
    """Schools of an EnhetID tree: one row per school node (nivaa 4) whose kommune (nivaa 3) is present.

    Returns the columns of ``COLUMNS``; ``orgnr`` is the node's ``kode`` (nine digits, or Udir's ``U…``
    code for schools abroad), ``enhet_id`` Udir's internal id used in API filters.
    """
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise TreeError(f"Filen er ikke gyldig JSON ({exc}).") from exc
    nodes = obj.get("EnhetID") if isinstance(obj, dict) else None
    if not isinstance(nodes, list) or not nodes:
        raise TreeError("Fant ikke «EnhetID» i filen (forventet filterverdiene fra Udirs rapport-API).")
    by_index = {n.get("indeks"): n for n in nodes if isinstance(n, dict)}
    rows = []
    for node in by_index.values():
        if node.get("nivaa") != 4:
            continue
        kom = by_index.get(node.get("forelder"))
        if kom is None or kom.get("nivaa") != 3:
            continue
        fyl = by_index.get(kom.get("forelder")) or {}
        rows.append({
            "orgnr": str(node.get("kode", "")).strip(), "school_name": str(node.get("navn", "")).strip(),
            "kommune_id": str(kom.get("kode", "")).strip().zfill(4), "kommune_name": str(kom.get("navn", "")).strip(),
            "fylke_id": str(fyl.get("kode", "")).strip().zfill(2), "fylke_name": str(fyl.get("navn", "")).strip(),
            "enhet_id": node.get("id"),
        })
    return pd.DataFrame(rows, columns=COLUMNS).sort_values(["kommune_id", "school_name"]).reset_index(drop=True)


@functools.lru_cache(maxsize=1)
def schools() -> pd.DataFrame:
    """The shipped 2025-26 school list (``COLUMNS``), all text."""
    return pd.read_csv(REFERENCE, dtype=str).fillna("")


def place(orgnr: pd.Series) -> pd.Series:
    """Today's kommune number of each organisation number, or "" where Udir's tree does not have it."""
    lookup = schools().set_index("orgnr")["kommune_id"]
    return orgnr.astype(str).map(lookup).fillna("")
