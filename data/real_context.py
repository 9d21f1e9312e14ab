"""Real context for today's kommuner from the shipped population table (``data/reference/kommune_population.csv``).

Population on 1 January and population aged 6–15 per kommune (SSB figures, packaged by FHI's csdata; see
``data/reference/README.md``). Only population is a peer feature here: adult education, disability
benefit, child welfare and the KOSTRA group have no real source in the project yet and stay empty until an
SSB JSON-stat table is imported (``MISSING``), so the pages say what a real kommune's peer choice rests on.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

TABLE = Path(__file__).resolve().parent / "reference" / "kommune_population.csv"
CONTEXT_COLUMNS = ["kommune_id", "population", "adult_education_share", "disability_benefit_share",
                   "child_welfare_share", "kostra_group"]
# Context columns no shipped real source fills (an SSB JSON-stat import can).
MISSING: tuple[str, ...] = ("adult_education_share", "disability_benefit_share", "child_welfare_share", "kostra_group")
SOURCE_TEXT = "SSB (befolkning 1. januar {year}, via FHIs csdata)"


@functools.lru_cache(maxsize=1)
def population() -> pd.DataFrame:
    """All shipped years: kommune_id, calyear, pop_total, pop_6_15."""
    return pd.read_csv(TABLE, dtype={"kommune_id": str})


def latest_year() -> int:
    return int(population()["calyear"].max())


@functools.lru_cache(maxsize=1)
def real_context() -> pd.DataFrame:
    """One row per today's kommune in the app's context format: population from the latest observed year,
    the other context columns empty (NaN / None)."""
    pop = population().sort_values("calyear").groupby("kommune_id").tail(1)
    out = pd.DataFrame({"kommune_id": pop["kommune_id"].to_numpy(), "population": pop["pop_total"].astype(float)})
    for col in MISSING:
        out[col] = None if col == "kostra_group" else np.nan
    return out[CONTEXT_COLUMNS].reset_index(drop=True)


def pupils_aged_6_15(kommune_id: str) -> tuple[int, int] | None:
    """(year, population aged 6–15) for today's kommune, latest observed year; None when unknown."""
    pop = population()
    rows = pop[pop["kommune_id"] == str(kommune_id)]
    if rows.empty:
        return None
    last = rows.sort_values("calyear").iloc[-1]
    return int(last["calyear"]), int(last["pop_6_15"])
