"""Selecting what a page shows from the canonical long frame (``data.schema``), pure pandas.

The pages ask the same few questions of the ~1M-row frame: one indicator's rows, one kommune's
series over the school years (following the kommune's history across mergers), the fylke and the
nation beside it, the schools of a kommune in a window of years, and every kommune's figure for a
cross-kommune comparison. Each function here answers one of them and returns a small frame with the
canonical columns (text columns as plain ``str``), so later steps never touch the big frame again.

Merged kommuner: for a school year where the kommune's own number has no figure but its predecessors
do (``data.kommune_lineage``), the predecessors' figures are combined: n-weighted mean, pooled pupil
SD (within- plus between-unit variance), n summed. A combined figure is suppressed if any of its parts
is suppressed (a figure derived from suppressed figures is suppressed as well; docs/methods.md §8).

No streamlit import here.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Sequence

import numpy as np
import pandas as pd

from data.catalogue import MARKER_SUPPRESSED
from data.schema import COLUMNS, OPTIONAL_COLUMNS, TEXT_COLUMNS, period_start_year

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
    # Optional columns ride along where the data have them (Udir's «Usikkerhet», the source's kommune number).
    cols = SELECT_COLUMNS + [c for c in OPTIONAL_COLUMNS if c in df.columns]
    return _plain(df.loc[mask, cols])


def indicator_options(df: pd.DataFrame, kommune_ids: Iterable[str]) -> pd.DataFrame:
    """The (indicator, subject, trinn, kjonn) combinations with any kommune-level row for these kommuner."""
    ids = [str(k) for k in kommune_ids]
    rows = df.loc[(df["level"] == "kommune").to_numpy() & df["unit_id"].isin(ids).to_numpy(),
                  ["indicator", "subject", "trinn", "kjonn"]]
    out = _plain(rows.drop_duplicates())
    return out.sort_values(["indicator", "subject", "trinn", "kjonn"]).reset_index(drop=True)


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
    # A row without a figure («.», ingen data) under the new number does not hide the predecessors' figures.
    has_figure = own["value"].notna() | own["suppressed"].astype(bool)
    old = kom[(kom["unit_id"] != kid) & ~kom["period"].isin(own.loc[has_figure, "period"])]
    own = own[has_figure | ~own["period"].isin(old["period"])]
    parts = [own]
    if len(old):
        parts.append(combine_units(old, kid, name))
    out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else own
    return _sort_periods(out)


def benchmark_series(sl: pd.DataFrame, fylke_id: str | None) -> pd.DataFrame:
    """The fylke's and the nation's figures per period from an indicator slice (level, then period order)."""
    return _sort_periods(sl[benchmark_mask(sl, fylke_id)].copy(), first=["level"])


def benchmark_mask(frame: pd.DataFrame, fylke_id: str | None) -> np.ndarray:
    """The nation's rows and, when ``fylke_id`` is given, the fylke's, as a boolean mask over ``frame``."""
    level = frame["level"]
    area = level == "nasjonalt"
    if fylke_id:
        area = area | ((level == "fylke") & (frame["unit_id"] == str(fylke_id)))
    return area.to_numpy()


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


# ------------------------------------------------------------------------------------------------
# Composite views for the Skoler and Sammenlignbare pages (selection + analysis.intervals/compare)
# ------------------------------------------------------------------------------------------------

_POOL_KEYS = ["indicator", "subject", "trinn", "kjonn"]


def school_comparison(sl: pd.DataFrame, lineage: Sequence[str], window: Sequence[str],
                      spreads: pd.Series | None = None, sort: bool = True) -> pd.DataFrame:
    """Each school of a kommune over a window, pooled, against the rest of the kommune.

    Method: school figures of the window are pooled (``analysis.intervals.pooled_window``: pupils of
    the published years). "The rest of the kommune" is computed per school year from the published
    kommune and school figures (``analysis.compare.rest_of_kommune``; refused when it would reveal a
    suppressed figure) and then pooled the same way. The school is classified against the rest with
    the MOVER interval of the difference (``compare_to_benchmark`` with the rest's own interval): over
    or under only when that interval excludes 0, otherwise "ikke_sikker"; no figure gives "ingen_data".

    Returns one row per school: ``school_id``, ``school_name``, the interval columns of the school's
    pooled figure (``estimate``, ``lower``, ``upper``, ``n``, ``suppressed``, ``large_uncertainty``,
    ``ci_method``, ``periods_used``, ``periods_suppressed``, ``periods_used_list``), ``rest_estimate``,
    ``rest_lower``, ``rest_upper``, ``rest_n``, ``rest_reason``, ``difference``, ``diff_lower``,
    ``diff_upper`` and ``classification``; sorted by estimate (suppressed schools last).

    ``spreads``: ``national_school_spreads(sl, window)`` when the caller has it already (it is the same for
    every kommune); computed here otherwise. ``sort=False`` leaves the rows in school-number order (for
    ``national_school_comparison``).
    """
    from analysis.compare import compare_to_benchmark, rest_of_kommune
    from analysis.intervals import pooled_window

    window = list(window)
    sch = school_rows(sl, lineage, window)
    if sch.empty:
        return _empty_comparison()
    kom = sl[(sl["level"] == "kommune") & sl["unit_id"].isin([str(k) for k in lineage]) & sl["period"].isin(window)]
    pooled = pooled_window(sch, window, by=["unit_id", *_POOL_KEYS])
    pooled = pooled.rename(columns={"unit_id": "school_id", "unit_name": "school_name"})
    rest = rest_of_kommune(sch, kom)
    # Why the rest is missing in a year (e.g. the school's own figure is suppressed), per school.
    reasons: dict[str, dict[str, None]] = {}
    for sid, why in zip(rest["school_id"], rest["rest_reason"]):
        if why != "":
            reasons.setdefault(sid, {})[why] = None  # each reason once, in year order
    rest_pooled = pooled_window(rest, window, by=["school_id", *_POOL_KEYS])
    rp = rest_pooled[["school_id", "estimate", "lower", "upper", "n", "se"]].rename(
        columns={"estimate": "rest_estimate", "lower": "rest_lower", "upper": "rest_upper", "n": "rest_n",
                 "se": "rest_se"})
    out = pooled.merge(rp, on="school_id", how="left")
    out["rest_reason"] = ["; ".join(reasons.get(sid, ())) for sid in out["school_id"]]
    out = compare_to_benchmark(out, "rest_estimate", benchmark_lower_col="rest_lower",
                               benchmark_upper_col="rest_upper")
    out = _rounding_aware(out, sch, rest)
    out = _relative_uncertainty(out, national_school_spreads(sl, window) if spreads is None else spreads)
    for c in ("ci_method", "no_interval_reason"):
        if c in out.columns:
            out[c] = out[c].astype(str)
    return _sorted_comparison(out) if sort else out


def _empty_comparison() -> pd.DataFrame:
    return pd.DataFrame(columns=["school_id", "school_name", "estimate", "lower", "upper", "n", "suppressed",
                                 "classification"])


def _sorted_comparison(out: pd.DataFrame) -> pd.DataFrame:
    """By estimate, suppressed schools last, then by name (stable)."""
    out = out.assign(_s=out["suppressed"].astype(bool))
    out = out.sort_values(["_s", "estimate", "school_name"], kind="stable").drop(columns="_s")
    return out.reset_index(drop=True)


class NationalSchoolComparison(NamedTuple):
    """``school_comparison`` for every school of an indicator slice at once (``national_school_comparison``)."""

    table: pd.DataFrame  # one row per school, in the order ``school_comparison`` builds them before sorting
    kommuner: dict[str, frozenset]  # school_id -> the kommune numbers its rows in the window belong to


def national_school_comparison(sl: pd.DataFrame, window: Sequence[str],
                               spreads: pd.Series | None = None) -> NationalSchoolComparison:
    """Every school of the slice against the rest of its kommune, computed once for the nation.

    Method: exactly ``school_comparison`` with every kommune number of the slice as the lineage. Each
    school's row depends only on its own rows and its kommune's rows in the same years (its pooled figure,
    the rest of its kommune per year, the MOVER difference, the rounding bound, the national spread), so a
    kommune's comparison is the rows of its schools (``kommune_school_comparison``). The national run costs
    about as much as two kommuner's; every further kommune is then a selection.
    """
    window = list(window)
    kommuner_ids = sorted(sl.loc[sl["level"] == "skole", "kommune_id"].astype(str).unique())
    table = school_comparison(sl, kommuner_ids, window, spreads=spreads, sort=False)
    sch = sl[(sl["level"] == "skole") & sl["period"].isin(window)]
    kommuner: dict[str, set] = {}
    for school, kommune in zip(sch["unit_id"].astype(str), sch["kommune_id"].astype(str)):
        kommuner.setdefault(school, set()).add(kommune)
    return NationalSchoolComparison(table, {school: frozenset(ks) for school, ks in kommuner.items()})


def kommune_school_comparison(national: NationalSchoolComparison, lineage: Sequence[str]) -> pd.DataFrame | None:
    """``school_comparison(sl, lineage, window)`` taken from ``national_school_comparison(sl, window)``: the
    rows of the schools with a row in the window in any of ``lineage``'s kommune numbers, sorted as
    ``school_comparison`` sorts. None when one of those schools also has rows in another kommune in the
    window (a school moved by a border change): then its figure for this kommune is not the national one,
    and the caller computes the kommune on its own."""
    ids = frozenset(str(k) for k in lineage)
    mine = {school: ks for school, ks in national.kommuner.items() if ks & ids}
    if any(not ks <= ids for ks in mine.values()):
        return None
    if not mine:
        return _empty_comparison()
    out = national.table[national.table["school_id"].astype(str).isin(list(mine))]
    return _sorted_comparison(out)


def national_school_spreads(sl: pd.DataFrame, window: Sequence[str]) -> pd.Series:
    """The national between-school SD per indicator key over the window (``analysis.persistence.
    school_spread_by_key``), the yardstick of «stor usikkerhet» for every kommune's schools."""
    from analysis.persistence import school_spread_by_key

    return school_spread_by_key(sl[sl["period"].isin(list(window))])


def _relative_uncertainty(out: pd.DataFrame, spreads: pd.Series) -> pd.DataFrame:
    """Issue 12: «stor usikkerhet» relative to the national spread between schools (``data.catalogue``
    ``LARGE_UNCERTAINTY_SHARE_OF_SPREAD``); ``large_uncertainty_absolute`` keeps the old flag."""
    from analysis.persistence import relative_large_uncertainty

    if out.empty or "large_uncertainty" not in out.columns:
        return out
    out["large_uncertainty_absolute"] = out["large_uncertainty"].astype(bool)
    out["large_uncertainty"] = relative_large_uncertainty(out, spreads) & ~out["suppressed"].astype(bool)
    return out


def _rounding_aware(out: pd.DataFrame, sch: pd.DataFrame, rest: pd.DataFrame) -> pd.DataFrame:
    """Issue 12 item 1: widen each school-vs-rest interval by the rounding bound of the published
    figures it is derived from (``analysis.rounding.school_rest_bounds``) and withhold verdicts within
    it: «ikke sikker» with ``rounding_withheld`` True. ``classification_unrounded`` keeps the plain verdict."""
    from analysis.intervals import catalogue_lookup
    from analysis.rounding import (INNENFOR_AVRUNDING, classification_labels, classify_rounding_aware,
                                   school_rest_bounds, widen)

    bounds = school_rest_bounds(sch, rest).set_index("school_id")["rounding_bound"]
    out["rounding_bound"] = out["school_id"].astype(str).map(bounds).astype(float)
    out["classification_unrounded"] = out["classification"].astype(str)
    direction = catalogue_lookup(out["indicator"], "direction", default=0).astype(float)
    cls = classify_rounding_aware(out["difference"], out["diff_lower"], out["diff_upper"], out["rounding_bound"],
                                  direction)
    out["rounding_withheld"] = cls == INNENFOR_AVRUNDING
    out["classification"] = np.where(out["rounding_withheld"], "ikke_sikker", cls).astype(str)
    out["diff_lower"], out["diff_upper"] = widen(out["diff_lower"], out["diff_upper"], out["rounding_bound"])
    if "classification_label" in out.columns:
        out["classification_label"] = classification_labels(out["classification"])
    return out


def pooled_units(rows: pd.DataFrame, window: Sequence[str]) -> pd.DataFrame:
    """Each unit's figure pooled over the window (``pooled_window`` by unit), one row per unit."""
    from analysis.intervals import pooled_window

    out = pooled_window(rows, list(window), by=["level", "unit_id", *_POOL_KEYS])
    for c in ("ci_method", "no_interval_reason"):
        if c in out.columns:
            out[c] = out[c].astype(str)
    return out.reset_index(drop=True)


def national_area_pooled(sl: pd.DataFrame, window: Sequence[str]) -> pd.DataFrame:
    """``pooled_units`` of every kommune, fylke and the nation in the slice, once (each unit is pooled on its
    own rows only, so any set of units is a selection of these rows; ``area_references``)."""
    return pooled_units(sl[sl["level"].isin(["kommune", "fylke", "nasjonalt"])], window)


def area_references(national: pd.DataFrame, kommune_id: str, kommune_name: str, fylke_id: str | None) -> pd.DataFrame:
    """The Skoler page's reference lines taken from ``national_area_pooled``: equal to
    ``pooled_units(concat(kommune_series(sl, kommune_id, [kommune_id], kommune_name), benchmark_series(sl,
    fylke_id)), window)`` for a kommune whose lineage is its own number alone (a merged kommune's figures are
    combined from its predecessors first: the caller pools those itself)."""
    own = ((national["level"] == "kommune") & (national["unit_id"] == str(kommune_id))).to_numpy()
    out = national[own | benchmark_mask(national, fylke_id)].reset_index(drop=True)
    out["unit_name"] = out["unit_name"].astype(object).where(out["level"] != "kommune", kommune_name)
    return out


def indicator_by_kommune(df: pd.DataFrame, kommuner: pd.DataFrame, indicator: str, subject: str, trinn: int,
                         kjonn: str, window: Sequence[str]) -> pd.DataFrame:
    """Every current kommune's figure pooled over the window: kommune_id, kommune_name, value, n, se, suppressed.

    For the cross-kommune regression in ``analysis.peers.expected_value`` (``se`` from the pooled
    interval; suppressed kommuner carry no value).
    """
    sl = slice_indicator(df, indicator, subject, trinn, kjonn)
    pooled = pooled_units(all_kommuner(sl, kommuner, window), window)
    return pd.DataFrame({
        "kommune_id": pooled["unit_id"].astype(str), "kommune_name": pooled["unit_name"].astype(str),
        "value": pooled["estimate"].astype(float), "lower": pooled["lower"].astype(float),
        "upper": pooled["upper"].astype(float), "n": pooled["n"].astype(float), "se": pooled["se"].astype(float),
        "suppressed": pooled["suppressed"].astype(bool), "ci_method": pooled["ci_method"].astype(str),
    })


def peer_comparison(df: pd.DataFrame, kommuner: pd.DataFrame, kommune_id: str, peer_ids: Sequence[str],
                    window: Sequence[str], keys: Sequence[tuple[str, str, int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The kommune against its peers on each (indicator, subject, trinn) of ``keys``, pooled over the window.

    Returns ``(summary, units)``. ``units``: each kommune's pooled figure (the kommune and every peer,
    ``role`` 'kommune'/'peer'). ``summary``: one row per key with the kommune's interval columns, the peer
    group's pooled figure (``peer_estimate``, ``peer_lower``, ``peer_upper``, ``peer_n``, ``peers_published``),
    the lowest and highest peer, and the classification of the kommune against the peer group.

    Method: the peer group's figure pools the pupils of every *published* peer figure in the window
    (``pooled_window`` across peers and years; suppressed peer figures are left out, so nothing hidden
    is revealed); the kommune is compared with it by the MOVER interval of the difference
    (``compare_to_benchmark`` with the group's own interval).
    """
    from analysis.compare import compare_to_benchmark
    from analysis.intervals import pooled_window
    from analysis.rounding import apply_benchmark_rounding

    kid = str(kommune_id)
    peers = [str(p) for p in peer_ids if str(p) != kid]
    order = pd.DataFrame([(i, s_, int(tr), k) for k, (i, s_, tr) in enumerate(keys)],
                         columns=["indicator", "subject", "trinn", "order"])
    order["trinn"] = order["trinn"].astype("Int64")
    allk = all_kommuner(slice_keys(df, keys), kommuner, window)
    rows = allk[allk["unit_id"].isin([kid, *peers])].drop(columns="combined_from")
    if rows.empty:
        return pd.DataFrame(), pd.DataFrame()
    units = pooled_units(rows, window)
    units["role"] = np.where(units["unit_id"] == kid, "kommune", "peer")
    units = units.merge(order, on=["indicator", "subject", "trinn"], how="left")
    own = units[units["role"] == "kommune"].copy()
    if own.empty:
        return pd.DataFrame(), units
    peer_rows = rows[rows["unit_id"].isin(peers)]
    cols = ["peer_estimate", "peer_lower", "peer_upper", "peer_n"]
    if len(peer_rows):
        grp = pooled_window(peer_rows.assign(unit_id="peers", unit_name="peers"), list(window), by=_POOL_KEYS)
        grp = grp[[*_POOL_KEYS, "estimate", "lower", "upper", "n"]].rename(
            columns=dict(zip(["estimate", "lower", "upper", "n"], cols)))
        grp["trinn"] = grp["trinn"].astype("Int64")
        own = own.merge(grp.drop(columns="kjonn"), on=["indicator", "subject", "trinn"], how="left")
    else:
        for c in cols:
            own[c] = np.nan
    pub = units[(units["role"] == "peer") & ~units["suppressed"].astype(bool) & units["estimate"].notna()]
    stats_ = pub.groupby("order")["estimate"].agg(["min", "max", "count"])
    own["peer_min"] = own["order"].map(stats_["min"])
    own["peer_max"] = own["order"].map(stats_["max"])
    own["peers_published"] = own["order"].map(stats_["count"]).fillna(0).astype(int)
    own["peers_total"] = len(peers)
    summary = compare_to_benchmark(own, "peer_estimate", benchmark_lower_col="peer_lower",
                                   benchmark_upper_col="peer_upper")
    summary = apply_benchmark_rounding(summary, benchmark_n_col="peer_n")  # issue 12: published rounding
    for c in ("classification", "ci_method", "no_interval_reason"):
        summary[c] = summary[c].astype(str)
    return summary.sort_values("order").reset_index(drop=True), units


def slice_keys(df: pd.DataFrame, keys: Sequence[tuple[str, str, int]], kjonn: str = "alle") -> pd.DataFrame:
    """All rows of several (indicator, subject, trinn) keys and one kjønn, as plain columns (one pass)."""
    ind = df["indicator"]
    subj = df["subject"]
    trinn = df["trinn"].to_numpy(dtype=float, na_value=np.nan)
    mask = np.zeros(len(df), dtype=bool)
    for i, s_, tr in keys:
        mask = mask | ((ind == i).to_numpy() & (subj == (s_ or "")).to_numpy() & (trinn == int(tr)))
    mask = mask & (df["kjonn"] == kjonn).to_numpy()
    return _plain(df.loc[mask, SELECT_COLUMNS + [c for c in OPTIONAL_COLUMNS if c in df.columns]])
