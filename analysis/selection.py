"""Selecting what a page shows from the canonical long frame (``data.schema``), pure pandas.

The pages ask the same few questions of the ~1M-row frame: one indicator's rows, one kommune's
series over the school years (following the kommune's history across mergers), the fylke and the
nation beside it, the schools of a kommune in a window of years, and every kommune's figure for a
cross-kommune comparison. Each function here answers one of them and returns a small frame with the
canonical columns (text columns as plain ``str``), so later steps never touch the big frame again.

Merged kommuner: for a school year where the kommune's own number has no figure but its predecessors
do (``data.kommune_lineage``), the predecessors' figures are combined: n-weighted mean, pooled pupil
SD (within- plus between-unit variance), n summed. A combined figure is suppressed if any of its parts
is suppressed (DESIGN §3: a figure derived from suppressed figures is suppressed as well).

No streamlit import here.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from data.catalogue import MARKER_SUPPRESSED
from data.schema import COLUMNS, TEXT_COLUMNS, period_start_year, sorted_periods

SELECT_COLUMNS: list[str] = list(COLUMNS)


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Small frame with categorical text columns turned into plain str (safe to concat and compare)."""
    out = df.copy()
    for c in TEXT_COLUMNS:
        if c in out.columns:
            out[c] = _as_str(out[c])
    if "trinn" in out.columns:
        out["trinn"] = out["trinn"].astype("Int64")
    return out.reset_index(drop=True)


def _as_str(s: pd.Series) -> pd.Series:
    """Text column as plain str, missing as '' (fast path for categoricals: map through the codes)."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = np.append(s.cat.categories.astype(str).to_numpy(dtype=object), "")
        codes = s.cat.codes.to_numpy()
        return pd.Series(cats[codes], index=s.index, dtype=object)  # code -1 (missing) -> ''
    return s.astype(object).where(s.notna(), "").astype(str)


def slice_indicator(
    df: pd.DataFrame, indicator: str, subject: str = "", trinn: int | None = None, kjonn: str = "alle"
) -> pd.DataFrame:
    """All rows (every level and unit) of one indicator, subject, trinn and kjønn, as plain columns.

    ``trinn=None`` keeps every trinn.
    """
    mask = (df["indicator"] == indicator).to_numpy() & (df["subject"] == (subject or "")).to_numpy()
    mask = mask & (df["kjonn"] == kjonn).to_numpy()
    if trinn is not None:
        mask = mask & (df["trinn"] == int(trinn)).fillna(False).to_numpy(dtype=bool)
    return _plain(df.loc[mask, SELECT_COLUMNS])


def indicator_options(df: pd.DataFrame, kommune_ids: Iterable[str]) -> pd.DataFrame:
    """The (indicator, subject, trinn, kjonn) combinations with any kommune-level row for these kommuner."""
    ids = [str(k) for k in kommune_ids]
    rows = df.loc[(df["level"] == "kommune").to_numpy() & df["unit_id"].isin(ids).to_numpy(),
                  ["indicator", "subject", "trinn", "kjonn"]]
    out = _plain(rows.drop_duplicates())
    return out.sort_values(["indicator", "subject", "trinn", "kjonn"]).reset_index(drop=True)


def last_periods(periods: Iterable[str], k: int = 3, end: str | None = None) -> list[str]:
    """The last ``k`` school years up to and including ``end`` (default: the latest), in order."""
    ordered = sorted_periods(periods)
    if end is not None:
        end_year = period_start_year(end)
        ordered = [p for p in ordered if period_start_year(p) <= end_year]
    return ordered[-k:] if k > 0 else []


def successor_map(kommuner: pd.DataFrame) -> dict[str, str]:
    """Old kommune number -> the current number that carries its history (follows chains of mergers)."""
    direct = {
        str(k): str(s)
        for k, s in zip(kommuner["kommune_id"], kommuner["successor_id"])
        if s is not None and not pd.isna(s) and str(s) != ""
    }
    out: dict[str, str] = {}
    for old in direct:
        cur, seen = old, {old}
        while cur in direct and direct[cur] not in seen:
            cur = direct[cur]
            seen.add(cur)
        out[old] = cur
    return out


def combine_units(rows: pd.DataFrame, unit_id: str, unit_name: str) -> pd.DataFrame:
    """Combine several units' figures per period into one unit (used for predecessors of a merged kommune).

    Per (indicator, subject, trinn, kjonn, period): n = Σn; value = Σ n·value / Σn; sd pooled as
    sqrt((Σ (n-1)·sd² + Σ n·(value - mean)²) / (Σn - 1)) when every part has an sd; suppressed if any
    part is suppressed (then value, n and sd are empty and the marker is '*'). The column
    ``combined_from`` lists the parts' unit_ids.
    """
    if rows.empty:
        out = rows.copy()
        out["combined_from"] = pd.Series(dtype=str)
        return out
    keys = ["indicator", "subject", "trinn", "kjonn", "period"]
    r = rows.copy()
    r["_w"] = r["n"] * r["value"]
    r["_ss"] = (r["n"] - 1) * r["sd"] ** 2
    r["_sd_missing"] = r["sd"].isna()
    g = r.groupby(keys, dropna=False, sort=False)
    agg = g.agg(
        n=("n", "sum"), _w=("_w", "sum"), _ss=("_ss", "sum"), suppressed=("suppressed", "any"),
        _sd_missing=("_sd_missing", "any"), combined_from=("unit_id", lambda s: "+".join(sorted(map(str, s)))),
        level=("level", "first"), kommune_id=("kommune_id", "first"), fylke_id=("fylke_id", "first"),
        unit_of_measure=("unit_of_measure", "first"), source=("source", "first"),
    ).reset_index()
    agg["value"] = agg["_w"] / agg["n"]
    # Between-unit part of the pooled variance: Σ n_i (m_i - m)^2.
    r = r.merge(agg[keys + ["value"]].rename(columns={"value": "_m"}), on=keys, how="left")
    r["_between"] = r["n"] * (r["value"] - r["_m"]) ** 2
    between = r.groupby(keys, dropna=False, sort=False)["_between"].sum().reset_index()
    agg = agg.merge(between, on=keys, how="left")
    var = (agg["_ss"] + agg["_between"]) / (agg["n"] - 1)
    agg["sd"] = np.where(agg["_sd_missing"] | (agg["n"] <= 1), np.nan, np.sqrt(var.clip(lower=0)))
    supp = agg["suppressed"].to_numpy(dtype=bool)
    for c in ("value", "n", "sd"):
        agg.loc[supp, c] = np.nan
    agg["marker"] = np.where(supp, MARKER_SUPPRESSED, "")
    agg["unit_id"] = str(unit_id)
    agg["unit_name"] = str(unit_name)
    agg["kommune_id"] = str(unit_id) if (agg["level"] == "kommune").all() else agg["kommune_id"]
    return agg[SELECT_COLUMNS + ["combined_from"]].reset_index(drop=True)


def kommune_series(sl: pd.DataFrame, kommune_id: str, lineage: Sequence[str], name: str | None = None) -> pd.DataFrame:
    """One kommune's figures per period from an indicator slice, following its history across mergers.

    Periods with the kommune's own figure use it (``combined_from`` = ''); periods with only predecessor
    figures (numbers in ``lineage`` other than ``kommune_id``) get them combined (``combine_units``).
    Sorted by period.
    """
    kid = str(kommune_id)
    kom = sl[(sl["level"] == "kommune") & sl["unit_id"].isin([str(k) for k in lineage])]
    own = kom[kom["unit_id"] == kid].copy()
    own["combined_from"] = ""
    if name is None:
        name = str(own["unit_name"].iloc[0]) if len(own) else kid
    own["unit_name"] = name
    old = kom[(kom["unit_id"] != kid) & ~kom["period"].isin(own["period"])]
    parts = [own]
    if len(old):
        parts.append(combine_units(old, kid, name))
    out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else own
    return _sort_periods(out)


def benchmark_series(sl: pd.DataFrame, fylke_id: str | None) -> pd.DataFrame:
    """The fylke's and the nation's figures per period from an indicator slice (level, then period order)."""
    mask = sl["level"] == "nasjonalt"
    if fylke_id:
        mask |= (sl["level"] == "fylke") & (sl["unit_id"] == str(fylke_id))
    return _sort_periods(sl[mask].copy(), first=["level"])


def kommuner_series(sl: pd.DataFrame, kommune_ids: Iterable[str]) -> pd.DataFrame:
    """Kommune-level figures of several kommuner (e.g. peers), sorted by unit and period."""
    ids = [str(k) for k in kommune_ids]
    return _sort_periods(sl[(sl["level"] == "kommune") & sl["unit_id"].isin(ids)].copy(), first=["unit_id"])


def school_rows(sl: pd.DataFrame, lineage: Sequence[str], periods: Sequence[str] | None = None) -> pd.DataFrame:
    """School figures of a kommune (schools whose row belongs to any number in its lineage).

    Suppressed rows are kept, so a school whose every figure is suppressed still appears. ``periods``
    limits to a window of school years.
    """
    ids = [str(k) for k in lineage]
    mask = (sl["level"] == "skole") & sl["kommune_id"].isin(ids)
    if periods is not None:
        mask &= sl["period"].isin(list(periods))
    return _sort_periods(sl[mask].copy(), first=["unit_name"])


def schools_in_area(sl: pd.DataFrame, fylke_id: str | None, periods: Sequence[str] | None = None) -> pd.DataFrame:
    """School figures of a whole fylke (``fylke_id``) or the nation (``None``), e.g. for a funnel plot."""
    mask = sl["level"] == "skole"
    if fylke_id:
        mask &= sl["fylke_id"] == str(fylke_id)
    if periods is not None:
        mask &= sl["period"].isin(list(periods))
    return sl[mask].reset_index(drop=True)


def all_kommuner(sl: pd.DataFrame, kommuner: pd.DataFrame, periods: Sequence[str] | None = None) -> pd.DataFrame:
    """Every current kommune's figures per period, predecessors of merged kommuner combined into them.

    ``kommuner`` is the registry (``data.load_kommuner()``: kommune_id, kommune_name, successor_id, …).
    Returns kommune-level rows with ``unit_id`` = the current kommune number.
    """
    kom = sl[sl["level"] == "kommune"]
    if periods is not None:
        kom = kom[kom["period"].isin(list(periods))]
    succ = successor_map(kommuner)
    is_old = kom["unit_id"].isin(list(succ))
    current = kom[~is_old].copy()
    current["combined_from"] = ""
    parts = [current]
    old = kom[is_old]
    if len(old):
        names = dict(zip(kommuner["kommune_id"].astype(str), kommuner["kommune_name"].astype(str)))
        old = old.assign(_cur=old["unit_id"].map(succ))
        for cur, grp in old.groupby("_cur", sort=True):
            grp = grp[~grp["period"].isin(current.loc[current["unit_id"] == cur, "period"])]
            if len(grp):
                parts.append(combine_units(grp.drop(columns="_cur"), cur, names.get(cur, cur)))
    out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else current
    return _sort_periods(out, first=["unit_id"])


def _sort_periods(df: pd.DataFrame, first: list[str] | None = None) -> pd.DataFrame:
    if df.empty:
        return df.reset_index(drop=True)
    df = df.assign(_year=df["period"].map(period_start_year))
    df = df.sort_values([*(first or []), "_year"], kind="stable").drop(columns="_year")
    return df.reset_index(drop=True)
