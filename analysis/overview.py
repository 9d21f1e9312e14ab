"""The Oversikt table: a kommune's uttrekk indicators beside its fylke and the nation, with intervals.

Pure functions on the canonical frame; the intervals and the benchmark comparison come from
``analysis.intervals`` and ``analysis.compare`` (one implementation of each method).
"""

from __future__ import annotations

import pandas as pd

from analysis.compare import compare_to_benchmark
from analysis.intervals import add_intervals, pooled_window
from analysis.rounding import apply_benchmark_rounding
from data.catalogue import UTTREKK_SET
from data.schema import sorted_periods

INDICATOR_KEYS = ["indicator", "subject", "trinn"]
_INTERVAL_COLS = ["estimate", "lower", "upper", "n", "se", "suppressed", "ci_method", "no_interval_reason",
                  "large_uncertainty"]


def uttrekk_keys() -> pd.DataFrame:
    """The uttrekk indicator set as a frame (indicator, subject, trinn, order)."""
    keys = pd.DataFrame(list(UTTREKK_SET), columns=INDICATOR_KEYS)
    keys["order"] = range(len(keys))
    return keys


def latest_periods(figures: pd.DataFrame, count: int = 3) -> list[str]:
    """The last ``count`` school years present in the data (chronological)."""
    periods = figures["period"].unique()
    return sorted_periods(periods)[-count:]


def select_benchmark_rows(
    figures: pd.DataFrame, kommune_ids: list[str], fylke_id: str, periods: list[str], keys: pd.DataFrame
) -> pd.DataFrame:
    """Rows of the kommune (any of its numbers), its fylke and the nation for ``keys`` and ``periods``."""
    level = figures["level"]
    unit = figures["unit_id"]
    mask = (
        figures["period"].isin(periods)
        & figures["indicator"].isin(keys["indicator"].unique())
        & (figures["kjonn"] == "alle")
        & (
            ((level == "kommune") & unit.isin(kommune_ids))
            | ((level == "fylke") & (unit == fylke_id))
            | (level == "nasjonalt")
        )
    )
    rows = figures.loc[mask].copy()
    for col in ("indicator", "subject", "period", "level", "unit_id"):
        rows[col] = rows[col].astype(str)
    rows["trinn"] = rows["trinn"].astype(int)
    return rows.merge(keys, on=INDICATOR_KEYS, how="inner")


def _side_by_side(intervals: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    """Kommune rows with the fylke's and the nation's figures as columns, compared with the nation."""
    kom = intervals[intervals["level"] == "kommune"]
    fyl = intervals[intervals["level"] == "fylke"][on + ["estimate", "lower", "upper", "n", "suppressed"]]
    nat = intervals[intervals["level"] == "nasjonalt"][on + ["estimate", "se", "n"]]
    out = kom.merge(fyl.add_prefix("fylke_").rename(columns={f"fylke_{c}": c for c in on}), on=on, how="left")
    out = out.merge(nat.add_prefix("nasjonalt_").rename(columns={f"nasjonalt_{c}": c for c in on}), on=on, how="left")
    out["benchmark"] = out["nasjonalt_estimate"]
    out["benchmark_se"] = out["nasjonalt_se"]
    out = compare_to_benchmark(out, benchmark_value_col="benchmark", benchmark_se_col="benchmark_se")
    # Issue 12: both figures are rounded when published; no verdict within that bound.
    return apply_benchmark_rounding(out, benchmark_n_col="nasjonalt_n")


def overview_by_year(
    figures: pd.DataFrame, kommune_ids: list[str], fylke_id: str, periods: list[str]
) -> pd.DataFrame:
    """One row per uttrekk indicator and school year: the kommune with interval, fylke, nation, verdict.

    A kommune figure missing in a year (no pupils on that trinn) gives no row; a suppressed one is kept
    with ``suppressed`` True and classification ``ingen_data``.
    """
    keys = uttrekk_keys()
    rows = select_benchmark_rows(figures, kommune_ids, fylke_id, periods, keys)
    if rows.empty:
        return pd.DataFrame()
    with_ci = add_intervals(rows)
    out = _side_by_side(with_ci, INDICATOR_KEYS + ["period", "order"])
    return out.sort_values(["order", "period"]).reset_index(drop=True)


def overview_pooled(
    figures: pd.DataFrame, kommune_ids: list[str], fylke_id: str, periods: list[str]
) -> pd.DataFrame:
    """One row per uttrekk indicator: the kommune's pupils pooled over ``periods`` against the nation's."""
    keys = uttrekk_keys()
    rows = select_benchmark_rows(figures, kommune_ids, fylke_id, periods, keys)
    if rows.empty:
        return pd.DataFrame()
    # Old and new numbers of a merged kommune pool as one unit.
    rows.loc[rows["level"] == "kommune", "unit_id"] = kommune_ids[0]
    pooled = pooled_window(rows, periods, by=["level", "unit_id"] + INDICATOR_KEYS + ["kjonn"])
    pooled = pooled.merge(keys, on=INDICATOR_KEYS, how="left")
    out = _side_by_side(pooled, INDICATOR_KEYS + ["order"])
    return out.sort_values("order").reset_index(drop=True)
