"""One home for "a unit against its benchmark over a window": Oversikt, Statsforvalter and the report.

``benchmark_comparison`` compares kommuner (each followed across mergers) or the schools of a kommune
with the nation, year by year or with the pupils of the window's school years pooled, with the fylke's
figure alongside. The same function feeds the Oversikt page, the Statsforvalter table
(``analysis.uttrekk.kommuner_indicator_table``) and the report's indicator and school sections, so a
number and its verdict are the same wherever they are shown.

Merger policy (the one the exploration pages use too, ``analysis.selection.kommune_series``): in a
school year where the kommune's current number has a figure, that figure is used; where it has none,
the figures of its earlier numbers (``data.kommune_lineage``) are combined into one
(``analysis.selection.combine_units``: pupils summed, n-weighted mean, pooled SD), and the combination
is suppressed when any part is suppressed (a figure derived from a suppressed one is suppressed).
Pooling over the window then uses the published years only (``analysis.intervals.pooled_window``).

Classification: ``analysis.compare.compare_to_benchmark`` with the nation's SE (MOVER; Zou & Donner
2008, which for two Wilson intervals is Newcombe's 1998 hybrid score interval).
"""

from __future__ import annotations

from typing import Literal, Mapping, NamedTuple, Sequence

import numpy as np
import pandas as pd

from analysis.compare import compare_to_benchmark
from analysis.intervals import add_intervals, pooled_window
from analysis.rounding import apply_benchmark_rounding
from analysis.selection import SELECT_COLUMNS, _plain, benchmark_mask, combine_units
from data.catalogue import UTTREKK_SET
from data.schema import OPTIONAL_COLUMNS

INDICATOR_KEYS = ["indicator", "subject", "trinn"]
Key = tuple[str, str, int]
Level = Literal["kommune", "skole"]


def keys_frame(keys: Sequence[Key] = UTTREKK_SET) -> pd.DataFrame:
    """The indicator keys as a frame (indicator, subject, trinn, order) in the given order."""
    out = pd.DataFrame(list(keys), columns=INDICATOR_KEYS)
    out["trinn"] = out["trinn"].astype(int)
    out["order"] = range(len(out))
    return out


def uttrekk_keys() -> pd.DataFrame:
    """The uttrekk indicator set as a frame (indicator, subject, trinn, order)."""
    return keys_frame(UTTREKK_SET)


def _window_mask(figures: pd.DataFrame, periods: Sequence[str], keys: pd.DataFrame) -> np.ndarray:
    """Rows (kjønn «alle») of the keys' indicators in ``periods``, as a boolean mask over the big frame."""
    return (figures["period"].isin(list(periods)).to_numpy() & figures["indicator"].isin(keys["indicator"].unique()).to_numpy()
            & (figures["kjonn"] == "alle").to_numpy()
            & figures["trinn"].notna().to_numpy())  # real exports: vgo figures have no trinn


def _select(figures: pd.DataFrame, keys: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """``figures[mask]`` as plain columns, only the (indicator, subject, trinn) of ``keys``; optional columns
    ride along where the data have them (Udir's «Usikkerhet» is the interval)."""
    out = _plain(figures.loc[mask, SELECT_COLUMNS + [c for c in OPTIONAL_COLUMNS if c in figures.columns]])
    out["trinn"] = out["trinn"].astype(int)
    return out.merge(keys[INDICATOR_KEYS], on=INDICATOR_KEYS, how="inner")


def _numbers(lineages: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Every kommune number in the lineages -> the current number that carries its history."""
    return {str(num): str(cur) for cur, nums in lineages.items() for num in [cur, *nums]}


def _unit_mask(figures: pd.DataFrame, lineages: Mapping[str, Sequence[str]], level: Level,
               school_ids: Sequence[str] | None) -> np.ndarray:
    """The kommuner's own rows (any of their numbers), or with ``level="skole"`` their schools' rows."""
    nums = list(_numbers(lineages))
    if level == "kommune":
        return (figures["level"] == "kommune").to_numpy() & figures["unit_id"].isin(nums).to_numpy()
    mask = (figures["level"] == "skole").to_numpy() & figures["kommune_id"].isin(nums).to_numpy()
    if school_ids is not None:
        mask &= figures["unit_id"].isin([str(s) for s in school_ids]).to_numpy()
    return mask


def _merge_lineages(rows: pd.DataFrame, lineages: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Each kommune's rows per year under its current number (the merger policy in the module doc)."""
    to_current = _numbers(lineages)
    is_own = rows["unit_id"].isin([str(k) for k in lineages])
    own, old = rows[is_own], rows[~is_own]
    if old.empty:
        return own
    slot = INDICATOR_KEYS + ["period"]
    # A row of the new number without a figure («.», ingen data: exports list the new number for the
    # years before the merger too) does not hold the slot; the predecessors' figures fill it.
    has_figure = (own["value"].notna() | own["suppressed"].astype(bool)).to_numpy()
    have = set(own.loc[has_figure, ["unit_id", *slot]].itertuples(index=False, name=None))
    old = old.assign(_cur=old["unit_id"].map(to_current))
    parts, filled = [], set()
    for cur, grp in old.groupby("_cur", sort=True):
        grp = grp[[(cur, *s) not in have for s in grp[slot].itertuples(index=False, name=None)]]
        if len(grp):
            mine = own.loc[own["unit_id"] == cur, "unit_name"]
            name = str(mine.iloc[-1]) if len(mine) else str(cur)
            parts.append(combine_units(grp.drop(columns="_cur"), cur, name).drop(columns="combined_from"))
            filled |= {(cur, *s) for s in grp[slot].itertuples(index=False, name=None)}
    keep = has_figure | np.array([k not in filled for k in own[["unit_id", *slot]].itertuples(index=False, name=None)],
                                 dtype=bool)
    parts.insert(0, own[keep])
    out = pd.concat([p for p in parts if len(p)], ignore_index=True)
    out["trinn"] = out["trinn"].astype(int)
    return out


def _latest_names(rows: pd.DataFrame) -> pd.DataFrame:
    """Every unit under its latest name (a school renamed within the window is one school)."""
    if rows.empty:
        return rows
    names = rows.assign(_y=rows["period"]).sort_values("_y").groupby("unit_id")["unit_name"].last()
    return rows.assign(unit_name=rows["unit_id"].map(names))


def _side_by_side(est: pd.DataFrame, level: Level, on: list[str],
                  fylke_of: Mapping[str, str | None] | None = None) -> pd.DataFrame:
    """Unit rows with the fylke's and the nation's figures as columns, classified against the nation.
    ``fylke_of`` (kommune number -> fylke): each kommune beside its own fylke; without it, the one fylke
    in ``est``."""
    units = est[est["level"] == level]
    fyl = est[est["level"] == "fylke"][on + ["estimate", "lower", "upper", "n", "suppressed"]
                                       + (["unit_id"] if fylke_of is not None else [])]
    fyl = fyl.rename(columns={c: f"fylke_{c}" for c in fyl.columns if c not in on})
    nat = est[est["level"] == "nasjonalt"][on + ["estimate", "se", "n"]]
    if fylke_of is not None:
        units = units.assign(fylke_unit_id=units["unit_id"].astype(str).map(dict(fylke_of)))
        on_fylke = on + ["fylke_unit_id"]
        out = units.merge(fyl, on=on_fylke, how="left").drop(columns="fylke_unit_id")
    else:
        out = units.merge(fyl, on=on, how="left")
    out = out.merge(nat.rename(columns={c: f"nasjonalt_{c}" for c in nat.columns if c not in on}), on=on, how="left")
    out["benchmark"] = out["nasjonalt_estimate"]
    out["benchmark_se"] = out["nasjonalt_se"]
    out = compare_to_benchmark(out, benchmark_value_col="benchmark", benchmark_se_col="benchmark_se")
    # Issue 12: both figures are rounded when published; no verdict within that bound.
    return apply_benchmark_rounding(out, benchmark_n_col="nasjonalt_n")


def benchmark_comparison(
    figures: pd.DataFrame,
    lineages: Mapping[str, Sequence[str]],
    periods: Sequence[str],
    keys: Sequence[Key] = UTTREKK_SET,
    *,
    level: Level = "kommune",
    by_year: bool = False,
    fylke_id: str | None = None,
    school_ids: Sequence[str] | None = None,
    fylke_of: Mapping[str, str | None] | None = None,
) -> pd.DataFrame:
    """Kommuner (``level="kommune"``) or their schools (``"skole"``) against the nation over ``periods``.

    Parameters
    ----------
    figures : the canonical frame (``data.schema``).
    lineages : current kommune number -> every number whose history it carries (``data.kommune_lineage``).
    periods : the window's school years (``analysis.window.last_school_years``).
    keys : (indicator, subject, trinn) to compare, in display order (column ``order``).
    level : compare the kommuner themselves or the schools that belong to any of their numbers.
    by_year : one row per school year (``add_intervals``) instead of the window pooled (``pooled_window``).
    fylke_id : add the fylke's figure (``fylke_estimate``, ``fylke_lower``, ``fylke_upper``, ``fylke_n``,
        ``fylke_suppressed``).
    school_ids : with ``level="skole"``, only these schools.
    fylke_of : instead of ``fylke_id``, with ``level="kommune"``: each kommune's own fylke (kommune number
        -> fylke number), for many kommuner at once (``national_benchmark_comparison``).

    Returns
    -------
    One row per unit and key (and school year with ``by_year``): the interval columns of
    ``analysis.intervals``, ``order``, ``nasjonalt_estimate``, ``nasjonalt_se``, ``nasjonalt_n``,
    ``difference``, ``diff_lower``, ``diff_upper`` and ``classification`` (``analysis.compare``); empty
    when the units have no rows. Sorted by (school name,) key order (and school year).

    References
    ----------
    Zou, G. Y. & Donner, A. (2008). Construction of confidence limits about effect measures: a general
    approach. Statistics in Medicine 27(10), 1693–1702. Newcombe, R. G. (1998). Interval estimation for
    the difference between independent proportions. Statistics in Medicine 17(8), 873–890.
    """
    kf = keys_frame(keys)
    area = benchmark_mask(figures, fylke_id)
    if fylke_of is not None:
        fylker = sorted({str(f) for f in fylke_of.values() if f})
        area = area | ((figures["level"] == "fylke").to_numpy() & figures["unit_id"].isin(fylker).to_numpy())
    mask = _window_mask(figures, periods, kf) & (_unit_mask(figures, lineages, level, school_ids) | area)
    rows = _select(figures, kf, mask)
    is_unit = (rows["level"] == level).to_numpy()
    if not is_unit.any():
        return pd.DataFrame()
    units = _merge_lineages(rows[is_unit], lineages) if level == "kommune" else _latest_names(rows[is_unit])
    rows = pd.concat([units, rows[~is_unit]], ignore_index=True)
    on = INDICATOR_KEYS + (["period"] if by_year else [])
    if by_year:
        est = add_intervals(rows)
    else:
        est = pooled_window(rows, list(periods), by=["level", "unit_id", *INDICATOR_KEYS, "kjonn"])
    est = est.drop(columns=["order"], errors="ignore").merge(kf, on=INDICATOR_KEYS, how="left")
    out = _side_by_side(est, level, on + ["order"], fylke_of)
    sort = (["unit_name"] if level == "skole" else []) + ["order"] + (["period"] if by_year else [])
    return out.sort_values(sort, kind="stable").reset_index(drop=True)


def overview_by_year(figures: pd.DataFrame, lineage: list[str], fylke_id: str, periods: list[str],
                     keys: Sequence[Key] = UTTREKK_SET) -> pd.DataFrame:
    """Oversikt, year by year: the kommune (``lineage[0]``) per uttrekk indicator and school year.

    A kommune figure missing in a year (no pupils on that trinn) gives no row; a suppressed one is kept
    with ``suppressed`` True and classification ``ingen_data``. See ``benchmark_comparison``.
    """
    return benchmark_comparison(figures, {lineage[0]: lineage}, periods, keys, by_year=True, fylke_id=fylke_id)


def overview_pooled(figures: pd.DataFrame, lineage: list[str], fylke_id: str, periods: list[str],
                    keys: Sequence[Key] = UTTREKK_SET) -> pd.DataFrame:
    """Oversikt, pooled: the kommune's pupils over ``periods`` per uttrekk indicator against the nation's.

    ``keys``: the indicators to show (default the uttrekk set; ``data.coverage.shown_keys`` puts a stand-in
    such as skalapoeng in the place of an uttrekk indicator the data lack)."""
    return benchmark_comparison(figures, {lineage[0]: lineage}, periods, keys, fylke_id=fylke_id)


class NationalComparison(NamedTuple):
    """``benchmark_comparison`` of many kommuner at once (``national_benchmark_comparison``)."""

    table: pd.DataFrame  # every kommune's rows, each kommune on its own number beside its own fylke
    fylke_of: dict[str, str | None]  # the kommuner computed -> the fylke each one was put beside
    keys: frozenset  # the (indicator, subject, trinn) computed
    by_year: bool  # one row per school year (else the window pooled)
    numbers_with_rows: frozenset  # kommune numbers (also earlier ones) with a row of the keys' indicators in the window


def national_benchmark_comparison(figures: pd.DataFrame, fylke_of: Mapping[str, str | None], periods: Sequence[str],
                                  keys: Sequence[Key], *, by_year: bool = False) -> NationalComparison:
    """``benchmark_comparison`` of every kommune in ``fylke_of`` (kommune number -> fylke number) once, each
    kommune on its own number (lineage of one) beside its own fylke and the nation.

    Method: exactly ``benchmark_comparison``. A kommune's rows depend only on its own rows, its fylke's and
    the nation's (the interval per year, or the pupils of the window pooled per unit; the MOVER difference
    and the rounding bound per row), so one kommune's comparison is a selection of these rows
    (``kommune_benchmark_comparison``), with the same numbers as computing it on its own. The national run
    costs about three kommuner's; Oversikt then selects a kommune instead of computing it (issue 16)."""
    fylke_of = {str(k): (str(f) if f else f) for k, f in fylke_of.items()}
    table = benchmark_comparison(figures, {k: [k] for k in fylke_of}, periods, keys, by_year=by_year,
                                 fylke_of=fylke_of)
    # Every kommune number with a row of the keys' indicators in the window (a superset of those with a row of
    # the keys themselves: a merged kommune is taken only when its predecessors have none at all).
    in_window = _window_mask(figures, periods, keys_frame(keys)) & (figures["level"] == "kommune").to_numpy()
    numbers = frozenset(str(u) for u in figures.loc[in_window, "unit_id"].unique())
    return NationalComparison(table, fylke_of, frozenset((str(i), str(s), int(t)) for i, s, t in keys), by_year,
                              numbers)


def kommune_benchmark_comparison(national: NationalComparison, kommune_id: str, lineage: Sequence[str],
                                 fylke_id: str | None, keys: Sequence[Key]) -> pd.DataFrame | None:
    """``benchmark_comparison(figures, {kommune_id: lineage}, periods, keys, fylke_id=fylke_id)`` (with the
    national run's ``by_year``) taken from ``national_benchmark_comparison``: the kommune's rows, only
    ``keys``, numbered and sorted in their order. None when the selection would not be the same: a kommune
    whose earlier numbers (a merger) have figures in the window (its years are combined from its
    predecessors'), one the national run did not compute or put beside another fylke, or a key it did not
    compute; the caller then computes the kommune on its own. A merged kommune whose predecessors have no
    figure in the window is the same as its own number alone, and is taken."""
    kid = str(kommune_id)
    wanted = [(str(i), str(s), int(t)) for i, s, t in keys]
    earlier = [str(k) for k in lineage if str(k) != kid]
    if (str(lineage[0]) != kid or any(k in national.numbers_with_rows for k in earlier) or kid not in national.fylke_of
            or national.fylke_of[kid] != (str(fylke_id) if fylke_id else fylke_id) or not set(wanted) <= national.keys
            or len(set(wanted)) < len(wanted)):
        return None
    table = national.table
    if table.empty:
        return pd.DataFrame()
    out = table[(table["unit_id"] == kid).to_numpy()]
    order = pd.Series(range(len(wanted)), index=pd.MultiIndex.from_tuples(wanted, names=INDICATOR_KEYS))
    pos = order.reindex(pd.MultiIndex.from_frame(out[INDICATOR_KEYS])).to_numpy()
    keep = ~np.isnan(pos)
    if not keep.any():
        return pd.DataFrame()
    out = out[keep].assign(order=pos[keep].astype(np.int64))
    if "fylke_suppressed" in out.columns and out["fylke_suppressed"].dtype == object and out["fylke_suppressed"].notna().all():
        # Nationally some kommune had no fylke figure (NaN made the column object); this one has one in every row.
        out["fylke_suppressed"] = out["fylke_suppressed"].astype(bool)
    sort = ["order"] + (["period"] if national.by_year else [])
    return out.sort_values(sort, kind="stable").reset_index(drop=True)
