"""Cached data for the exploration pages (utvikling, skoler, sammenlignbare).

Each function selects from the active dataset (``data.load_dataset()``) and calls ``analysis/``; the
results are cached with ``st.cache_data`` keyed on small hashable arguments (the data token, ids,
indicator keys, the window), never on the ~1M-row frame, so a rerun costs a cache lookup.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import data
from data import succession
from present.window import school_years
from analysis import selection
from analysis.intervals import add_intervals, pooled_window
from analysis.peers import PeerError, expected_value, resolve_peers
from analysis.trends import trend
from analysis import funnel as funnel_stats
from analysis.multiplicity import bh_verdicts
from analysis import spread as spread_stats
from analysis.window import WINDOW_YEARS
from data.catalogue import INDICATORS
from data.coverage import shown_keys, uttrekk_coverage
from data.schema import sorted_periods
from present import exploration_charts as xc
from present.format import fmt_number
from present.strings import t, tr
from ui.frozen import freeze


@st.cache_resource(show_spinner=False, max_entries=16)
def indicator_slice(token: str, indicator: str, subject: str, trinn: int, kjonn: str) -> pd.DataFrame:
    """``analysis.selection.slice_indicator`` of the active data per data version and indicator key (≈12 ms on
    the national data): one copy shared read-only by every session and page; callers select from it and never
    change it (pandas' copy-on-write keeps what they derive from it separate)."""
    return selection.slice_indicator(data.load_dataset(), indicator, subject, trinn, kjonn)


@st.cache_data(show_spinner=False, max_entries=32)
def school_spreads(token: str, indicator: str, subject: str, trinn: int, kjonn: str,
                   window: tuple[str, ...]) -> pd.Series:
    """``analysis.selection.national_school_spreads`` per data version, indicator key and window (the same for
    every kommune: computed once, not in every kommune's first run)."""
    return selection.national_school_spreads(indicator_slice(token, indicator, subject, trinn, kjonn), window)


@st.cache_resource(show_spinner=False, max_entries=16)
def national_schools(token: str, indicator: str, subject: str, trinn: int, kjonn: str,
                     window: tuple[str, ...]) -> selection.NationalSchoolComparison:
    """``analysis.selection.national_school_comparison`` per data version, indicator key and window: every
    school against the rest of its kommune, once; a kommune's Skoler run then selects its schools. Shared
    read-only by every session (callers select from it and never change it)."""
    sl = indicator_slice(token, indicator, subject, trinn, kjonn)
    return selection.national_school_comparison(sl, window, spreads=school_spreads(token, indicator, subject, trinn,
                                                                                   kjonn, window))


@st.cache_resource(show_spinner=False, max_entries=16)
def national_areas(token: str, indicator: str, subject: str, trinn: int, kjonn: str,
                   window: tuple[str, ...]) -> pd.DataFrame:
    """``analysis.selection.national_area_pooled``: every kommune, fylke and the nation pooled over the window,
    once per data version, indicator key and window; shared read-only (callers select from it)."""
    return selection.national_area_pooled(indicator_slice(token, indicator, subject, trinn, kjonn), window)


@st.cache_data(show_spinner=False, max_entries=8)
def all_periods(token: str) -> list[str]:
    """Every school year in the active data, in order."""
    return sorted_periods(data.load_dataset()["period"].unique())


@st.cache_data(show_spinner=False, max_entries=64)
def periods_for(token: str, indicator: str, subject: str, trinn: int, kjonn: str) -> list[str]:
    """The school years with figures for one indicator key."""
    sl = indicator_slice(token, indicator, subject, trinn, kjonn)
    return sorted_periods(sl["period"].unique())


@st.cache_data(show_spinner=False, max_entries=64)
def school_choices(token: str, kommune_id: str, indicator: str, subject: str, trinn: int, kjonn: str) -> pd.DataFrame:
    """The kommune's schools with any figure (also suppressed) for this indicator: unit_id, unit_name."""
    sl = indicator_slice(token, indicator, subject, trinn, kjonn)
    rows = selection.school_rows(sl, data.kommune_lineage(kommune_id))
    return rows[["unit_id", "unit_name"]].drop_duplicates("unit_id").sort_values("unit_name").reset_index(drop=True)


@st.cache_data(show_spinner=False, max_entries=32)
def peers(token: str, kommune_id: str, method: str, features: tuple[str, ...], k: int) -> tuple[pd.DataFrame, str]:
    """The peers with names, fylke and context, the kommune itself first (rank 0); or a Norwegian message."""
    ctx = data.load_context().astype({"kommune_id": str})
    try:
        found = resolve_peers(ctx, kommune_id, method, features, k)
    except PeerError as exc:
        empty = pd.DataFrame({"kommune_id": pd.Series(dtype=str), "kommune_name": pd.Series(dtype=str),
                              "rank": pd.Series(dtype=int), "distance": pd.Series(dtype=float)})
        name = succession.name(kommune_id) or next(iter(data.load_kommuner().loc[
            lambda r: r["kommune_id"].astype(str) == str(kommune_id), "kommune_name"]), str(kommune_id))
        msg = str(exc).replace(f"Kommune {kommune_id}", str(name)).replace(f"kommune {kommune_id}", str(name))
        return empty, msg
    own = pd.DataFrame({"kommune_id": [str(kommune_id)], "distance": [0.0], "rank": [0]})
    out = pd.concat([own, found.drop(columns="kostra_group")], ignore_index=True)
    reg = data.load_kommuner().astype({"kommune_id": str}).set_index("kommune_id")
    out["kommune_name"] = out["kommune_id"].map(reg["kommune_name"]).fillna(out["kommune_id"])
    out["fylke_name"] = out["kommune_id"].map(reg["fylke_name"]).fillna("")
    return out.merge(ctx, on="kommune_id", how="left"), ""


@st.cache_data(show_spinner=False, max_entries=64)
def development(token: str, kommune_id: str, kommune_name: str, fylke_id: str, indicator: str, subject: str,
                trinn: int, kjonn: str, peer_ids: tuple[str, ...], school_ids: tuple[str, ...],
                window_years: int = WINDOW_YEARS) -> dict:
    """Utvikling: yearly series with intervals (role kommune/fylke/nasjonalt/peers/skole), pooled
    window values per series, and the kommune's trend (``analysis.trends.trend``)."""
    sl = indicator_slice(token, indicator, subject, trinn, kjonn)
    periods = sorted_periods(sl["period"].unique())
    lineage = data.kommune_lineage(kommune_id)
    parts = []
    kom = selection.kommune_series(sl, kommune_id, lineage, name=kommune_name)
    parts.append(kom.assign(role="kommune", series=kommune_name))
    bench = selection.benchmark_series(sl, fylke_id)
    for level in ("fylke", "nasjonalt"):
        b = bench[bench["level"] == level]
        if len(b):
            label = t("common.nasjonalt") if level == "nasjonalt" else str(b["unit_name"].iloc[0])
            parts.append(b.assign(role=level, series=label, combined_from=""))
    peer_rows = selection.kommuner_series(sl, peer_ids)
    published = peer_rows[~peer_rows["suppressed"] & peer_rows["value"].notna()] if len(peer_rows) else peer_rows
    if len(published):
        # The peer group per year: pupils of the published peer figures combined (suppressed ones left out).
        comb = selection.combine_units(published, "peers", t("utv.peers_series"))
        counts = published.groupby("period")["unit_id"].nunique()
        comb["combined_from"] = comb["period"].map(counts).map(
            lambda c: t("utv.peers_count", count=int(c), total=len(peer_ids)))
        parts.append(comb.assign(role="peers", series=t("utv.peers_series")))
    if school_ids:
        sch = selection.school_rows(sl, lineage)
        sch = sch[sch["unit_id"].isin(list(school_ids))]
        parts.append(sch.assign(role="skole", series=sch["unit_name"], combined_from=""))
    series = add_intervals(pd.concat([p for p in parts if len(p)], ignore_index=True))
    for c in ("ci_method", "no_interval_reason"):
        series[c] = series[c].astype(str)
    # The calendar window ending with the latest year of this indicator: a year missing in the data stays
    # in the window (the label then says «2 av 3 år» and why), it is not replaced by an older year.
    window = school_years(periods[-1], window_years) if periods else []
    pooled = pooled_window(series, window, by=["role", "series", "indicator", "subject", "trinn", "kjonn"])
    pooled["ci_method"] = pooled["ci_method"].astype(str)
    kom_rows = series[series["role"] == "kommune"]
    trend_result, trend_error = None, ""
    if len(kom_rows):
        try:
            trend_result = trend(kom_rows)
        except ValueError as exc:
            trend_error = str(exc)
    return {"series": series, "pooled": pooled, "periods": periods, "window": window, "trend": trend_result,
            "trend_error": trend_error, "merged_from": sorted({c for c in kom["combined_from"] if c}) if len(kom) else []}


@st.cache_data(show_spinner=False, max_entries=64)
def schools(token: str, kommune_id: str, kommune_name: str, fylke_id: str, indicator: str, subject: str,
            trinn: int, kjonn: str, window: tuple[str, ...], bh: bool = False) -> dict:
    """Skoler: each school against the rest of the kommune (``selection.school_comparison``), the
    reference lines (kommune, fylke, nasjonalt pooled over the window) and the between-school spread."""
    sl = indicator_slice(token, indicator, subject, trinn, kjonn)
    lineage = data.kommune_lineage(kommune_id)
    comp = selection.kommune_school_comparison(national_schools(token, indicator, subject, trinn, kjonn, window),
                                               lineage)
    if comp is None:  # a school moved by a border change inside the window: this kommune on its own
        comp = selection.school_comparison(sl, lineage, window, spreads=school_spreads(token, indicator, subject,
                                                                                      trinn, kjonn, window))
    if bh and len(comp):  # Benjamini–Hochberg across the schools shown (analysis.multiplicity)
        comp["classification"] = bh_verdicts(comp["classification"].astype(str).to_numpy(), comp["difference"],
                                             comp["diff_lower"], comp["diff_upper"]).astype(str)
    if [str(k) for k in lineage] == [str(kommune_id)]:
        refs = selection.area_references(national_areas(token, indicator, subject, trinn, kjonn, window), kommune_id,
                                         kommune_name, fylke_id)
    else:  # a merged kommune: its earlier years combined from its predecessors
        kom = selection.kommune_series(sl, kommune_id, lineage, name=kommune_name)
        bench = selection.benchmark_series(sl, fylke_id)
        refs = selection.pooled_units(pd.concat([kom.drop(columns="combined_from"), bench], ignore_index=True),
                                      window)
    spread, drivers = pd.DataFrame(), pd.DataFrame()
    if len(comp):
        pooled_schools = comp.rename(columns={"school_id": "unit_id", "school_name": "unit_name"}).assign(level="skole")
        spread = spread_stats.between_school_spread(pooled_schools, by=["indicator", "subject", "trinn", "kjonn"])
        drivers = spread_stats.spread_drivers(pooled_schools)
    return {"schools": comp, "refs": refs, "spread": spread, "drivers": drivers}


@st.cache_data(show_spinner=False, max_entries=32)
def funnel(token: str, area: str, indicator: str, subject: str, trinn: int, kjonn: str, window: tuple[str, ...],
           overdispersion: str = "none") -> dict:
    """All schools of the fylke (``area`` = fylke_id) or the nation (``area`` = '') pooled over the
    window, the benchmark, and funnel limits (``analysis.funnel.funnel_for_units``: the data's own pupil
    SD for means; ``overdispersion`` "none", "tau2" or "phi", on the arcsine scale for shares)."""
    sl = indicator_slice(token, indicator, subject, trinn, kjonn)
    area_schools = selection.pooled_units(selection.schools_in_area(sl, area or None, window), window)
    level = "fylke" if area else "nasjonalt"
    bench_rows = sl[(sl["level"] == level) & ((sl["unit_id"] == area) if area else True)]
    bench = selection.pooled_units(bench_rows, window)
    out = {"schools": area_schools, "benchmark": bench, "limits": None, "positions": None,
           "method": spread_stats.METHOD_TEXT_FUNNEL, "overdispersion": None}
    theta = float(bench["estimate"].iloc[0]) if len(bench) else float("nan")
    pts = area_schools[area_schools["estimate"].notna() & (area_schools["n"] > 0)]
    if pts.empty or not np.isfinite(theta):
        return out
    ind = INDICATORS[indicator]
    sds = pts["sd"].to_numpy(dtype=float, na_value=np.nan) if "sd" in pts.columns else None
    est = pts["estimate"].to_numpy(float)
    res = funnel_stats.funnel_for_units(est, pts["n"].to_numpy(float), sds, theta, ind.kind, ind.default_sd,
                                        model=overdispersion)
    od = res["dispersion"]
    out.update(limits=res["limits"], overdispersion=od)
    out["method"] = t("stat.funnel.short")
    if ind.kind == "mean" and np.isfinite(res["sd"]):
        out["method"] += " " + t("stat.funnel.sd_used", sd=fmt_number(res["sd"], max(ind.decimals, 2)))
    if res["model"] != "none":
        out["method"] += " " + tr(funnel_stats.METHOD_WINSORISED) + " " + t(
            "skoler.funnel_od_values", phi=fmt_number(od.phi, 2),
            tau=fmt_number(np.sqrt(od.tau2), 2) if np.isfinite(od.tau2) else "–")
    out["positions"] = pd.DataFrame({"unit_id": pts["unit_id"].to_numpy(), "position": funnel_positions(
        est, res["at_n"], ind.direction)})
    return out


def funnel_positions(estimate: np.ndarray, at_n: pd.DataFrame, direction: int) -> list[str]:
    """'innenfor', or outside the 95 % / 99,8 % limit on the better/worse side (direction-aware words)."""
    out = []
    for e, lo95, hi95, lo998, hi998 in zip(estimate, at_n["lower_95"], at_n["upper_95"], at_n["lower_99_8"],
                                           at_n["upper_99_8"]):
        if lo95 <= e <= hi95:
            out.append(t("skoler.funnel_pos.inside"))
            continue
        high = e > hi95
        if direction == 0:
            side = "hoyere" if high else "lavere"
        else:
            side = "bedre" if high == (direction > 0) else "svakere"
        level = "998" if (e > hi998 or e < lo998) else "95"
        out.append(t(f"skoler.funnel_pos.{side}_{level}"))
    return out


@st.cache_data(show_spinner=False, max_entries=32)
def peer_comparison(token: str, kommune_id: str, peer_ids: tuple[str, ...],
                    window: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sammenlignbare: the kommune against its peers on every uttrekk indicator (``selection.peer_comparison``);
    on partial data a stand-in (skalapoeng) in the place of a missing mestringsnivå share (``data.coverage``)."""
    figures = data.load_dataset()
    keys = shown_keys(uttrekk_coverage(figures, data.kommune_lineage(kommune_id)))
    return selection.peer_comparison(figures, data.load_kommuner(), kommune_id, peer_ids, window, keys)


@st.cache_data(show_spinner=False, max_entries=32)
def expected(token: str, kommune_id: str, key: tuple[str, str, int], features: tuple[str, ...],
             window: tuple[str, ...]):
    """(ExpectedValue or None, every kommune's pooled figure, a Norwegian message)."""
    by_k = selection.indicator_by_kommune(data.load_dataset(), data.load_kommuner(), key[0], key[1], key[2], "alle",
                                          window)
    try:
        res = expected_value(by_k, data.load_context(), kommune_id, features)
    except PeerError as exc:
        return None, by_k, str(exc)
    return res, by_k, ""


# ------------------------------------------------------------------------------------------------
# Ready views: (figure, table, suppressed) per chart, cached as shared objects.
#
# Building a Plotly figure validates every property and costs far more than sending it, so the
# finished figure and its table view are kept with ``st.cache_resource`` (no copy on a hit). They are
# shared between sessions: treat them as read-only. To draw on a figure (e.g. findings markers),
# copy it first: ``go.Figure(fig)``. Figures are frozen (``ui.frozen``): serialised once, not on every run.
# ------------------------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=64)
def development_view(token: str, kommune_id: str, kommune_name: str, fylke_id: str, indicator: str, subject: str,
                     trinn: int, kjonn: str, peer_ids: tuple[str, ...], school_ids: tuple[str, ...], title: str):
    res = development(token, kommune_id, kommune_name, fylke_id, indicator, subject, trinn, kjonn, peer_ids,
                      school_ids)
    fig = freeze(xc.development_figure(res["series"], res["periods"], res["pooled"], res["window"], indicator, title))
    table, supp = xc.development_table(res["series"], INDICATORS[indicator].decimals)
    return fig, table, supp


@st.cache_resource(show_spinner=False, max_entries=64)
def schools_view(token: str, kommune_id: str, kommune_name: str, fylke_id: str, indicator: str, subject: str,
                 trinn: int, kjonn: str, window: tuple[str, ...], title: str, spread_title: str, bh: bool = False):
    res = schools(token, kommune_id, kommune_name, fylke_id, indicator, subject, trinn, kjonn, window, bh)
    d = INDICATORS[indicator].decimals
    fig = freeze(xc.schools_figure(res["schools"], res["refs"], indicator, title))
    table, supp = xc.schools_table(res["schools"], d)
    spread_fig = spread_table = spread_supp = None
    if len(res["drivers"]):
        spread_fig = freeze(xc.spread_figure(res["drivers"], indicator, spread_title))
        spread_table, spread_supp = xc.spread_table(res["drivers"], res["schools"], d)
    return {"fig": fig, "table": table, "supp": supp, "spread_fig": spread_fig, "spread_table": spread_table,
            "spread_supp": spread_supp}


@st.cache_resource(show_spinner=False, max_entries=32)
def funnel_view(token: str, area: str, indicator: str, subject: str, trinn: int, kjonn: str, window: tuple[str, ...],
                overdispersion: str, kommune_school_ids: tuple[str, ...], title: str):
    res = funnel(token, area, indicator, subject, trinn, kjonn, window, overdispersion)
    bench = float(res["benchmark"]["estimate"].iloc[0]) if len(res["benchmark"]) else float("nan")
    mine = set(kommune_school_ids)
    fig = freeze(xc.funnel_figure(res["schools"], mine, bench, res["limits"], indicator, title))
    table, supp = xc.funnel_table(res["schools"], mine, INDICATORS[indicator].decimals, res["positions"])
    return fig, table, supp, res["method"], int(res["schools"]["suppressed"].sum())


@st.cache_resource(show_spinner=False, max_entries=32)
def peers_view(token: str, kommune_id: str, method: str, features: tuple[str, ...], k: int, title: str):
    found, error = peers(token, kommune_id, method, features, k)
    if error or (found["rank"] > 0).sum() == 0:
        return None, None
    return freeze(xc.peers_figure(found, title)), xc.peers_table(found)


@st.cache_resource(show_spinner=False, max_entries=32)
def comparison_view(token: str, kommune_id: str, kommune_name: str, peer_ids: tuple[str, ...],
                    window: tuple[str, ...], title: str):
    summary, units = peer_comparison(token, kommune_id, peer_ids, window)
    if summary.empty:
        return None, None, None
    table, supp = xc.comparison_table(summary)
    return xc.comparison_figure(summary, units, kommune_name, title), table, supp


@st.cache_resource(show_spinner=False, max_entries=32)
def expected_view(token: str, kommune_id: str, kommune_name: str, key: tuple[str, str, int],
                  features: tuple[str, ...], window: tuple[str, ...], title: str):
    res, by_k, error = expected(token, kommune_id, key, features, window)
    if res is None:
        return None, None, None
    d = INDICATORS[key[0]].decimals
    table, supp = xc.expected_table(res, by_k, kommune_id, kommune_name, d)
    return xc.expected_figure(res, by_k, kommune_name, key[0], title), table, supp
