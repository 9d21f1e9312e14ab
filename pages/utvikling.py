"""Utvikling over tid: one indicator for the chosen kommune over all school years, with intervals.

Beside the kommune: its fylke, the nation, its comparable kommuner (their combined figure) and any of
its schools. The pooled three-year value and the trend verdict sit above the chart; suppressed years
are gaps with a cross at the bottom edge, never zeros. Statistics come from ``analysis/``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import data
from analysis import selection
from analysis.intervals import add_intervals, pooled_window, window_label
from analysis.peers import DEFAULT_FEATURES, DEFAULT_K, PEER_METHODS, PeerError, resolve_peers
from data.catalogue import INDICATORS, SUBJECT_LABELS, indicator_label, suppression_min_n
from data.schema import sorted_periods
from ui.charts import PALETTE, add_suppressed_strip, base_layout, error_bars, interval_band
from ui.downloads import table_with_downloads
from ui.format import fmt_number
from ui.state import data_token, kommune_row, param_choice, param_multi, selected_kommune
from ui.strings import t

try:  # analysis/trends.py is written by another engineer; the page works without it meanwhile
    from analysis.trends import trend as _trend
except ImportError:  # pragma: no cover - until analysis/trends.py lands
    _trend = None

KJONN_LABELS = {"alle": "kjonn.alle", "jenter": "kjonn.jenter", "gutter": "kjonn.gutter"}
ROLE_ORDER = ["nasjonalt", "fylke", "peers", "kommune", "skole"]


# ------------------------------------------------------------------------------------------------
# Cached computations (keyed on small hashable arguments, never on the big frame)
# ------------------------------------------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=32)
def indicator_choices(token: str, kommune_id: str) -> pd.DataFrame:
    """(indicator, subject, trinn, kjonn) combinations with figures for the kommune (any of its numbers)."""
    return selection.indicator_options(data.load_dataset(), data.kommune_lineage(kommune_id))


@st.cache_data(show_spinner=False, max_entries=64)
def school_choices(token: str, kommune_id: str, indicator: str, subject: str, trinn: int, kjonn: str) -> pd.DataFrame:
    """The kommune's schools with any figure (also suppressed) for this indicator: unit_id, unit_name."""
    sl = selection.slice_indicator(data.load_dataset(), indicator, subject, trinn, kjonn)
    rows = selection.school_rows(sl, data.kommune_lineage(kommune_id))
    return rows[["unit_id", "unit_name"]].drop_duplicates("unit_id").sort_values("unit_name").reset_index(drop=True)


@st.cache_data(show_spinner=False, max_entries=32)
def peer_list(token: str, kommune_id: str, method: str, features: tuple[str, ...], k: int) -> tuple[pd.DataFrame, str]:
    """The chosen comparable kommuner with names, and a Norwegian message when they cannot be found."""
    try:
        peers = resolve_peers(data.load_context(), kommune_id, method, features, k)
    except PeerError as exc:
        return pd.DataFrame({"kommune_id": pd.Series(dtype=str), "kommune_name": pd.Series(dtype=str)}), str(exc)
    names = data.load_kommuner().astype({"kommune_id": str}).set_index("kommune_id")["kommune_name"]
    peers["kommune_name"] = peers["kommune_id"].map(names).fillna(peers["kommune_id"])
    return peers, ""


@st.cache_data(show_spinner=False, max_entries=64)
def compute(token: str, kommune_id: str, kommune_name: str, fylke_id: str, indicator: str, subject: str, trinn: int,
            kjonn: str, peer_ids: tuple[str, ...], school_ids: tuple[str, ...], window_years: int = 3) -> dict:
    """Everything the page draws: yearly series with intervals, pooled window values and the trend."""
    figures = data.load_dataset()
    sl = selection.slice_indicator(figures, indicator, subject, trinn, kjonn)
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
    if len(peer_rows):
        published = peer_rows[~peer_rows["suppressed"] & peer_rows["value"].notna()]
        if len(published):
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
    series["ci_method"] = series["ci_method"].astype(str)
    series["no_interval_reason"] = series["no_interval_reason"].astype(str)

    window = selection.last_periods(periods, window_years)
    pooled = pooled_window(series, window, by=["role", "series", "indicator", "subject", "trinn", "kjonn"])
    pooled["ci_method"] = pooled["ci_method"].astype(str)

    trend_result = None
    trend_error = ""
    kom_rows = series[series["role"] == "kommune"]
    if _trend is not None and len(kom_rows):
        try:
            trend_result = _trend(kom_rows)
        except (ValueError, KeyError) as exc:
            trend_error = str(exc)
    return {"series": series, "pooled": pooled, "periods": periods, "window": window,
            "trend": trend_result, "trend_error": trend_error,
            "merged_from": sorted({c for c in kom["combined_from"] if c}) if len(kom) else []}


# ------------------------------------------------------------------------------------------------
# Figure and table
# ------------------------------------------------------------------------------------------------

def series_color(role: str, i: int) -> str:
    if role == "skole":
        extra = PALETTE["extra"]
        return extra[i % len(extra)]
    return PALETTE[{"peers": "peers"}.get(role, role)]


def build_figure(series: pd.DataFrame, periods: list[str], pooled: pd.DataFrame, window: list[str],
                 indicator: str, title: str) -> go.Figure:
    """Line chart over all school years with interval bands, benchmarks, peers and schools."""
    ind = INDICATORS[indicator]
    fig = go.Figure()
    school_i = 0
    for role in ROLE_ORDER:
        for name, g in series[series["role"] == role].groupby("series", sort=True):
            g = g.set_index("period").reindex(periods)
            color = series_color(role, school_i)
            if role == "skole":
                school_i += 1
            y = g["estimate"].to_numpy(dtype=float)
            lo, hi = g["lower"].to_numpy(dtype=float), g["upper"].to_numpy(dtype=float)
            n = g["n"].to_numpy(dtype=float)
            width = {"kommune": 4, "nasjonalt": 3, "fylke": 2.5, "peers": 2.5}.get(role, 2)
            dash = {"fylke": "dot", "peers": "dash", "skole": "dashdot"}.get(role, "solid")
            if role in ("kommune", "peers"):
                interval_band(fig, periods, lo, hi, color=color, name=f"{name}: {t('common.interval')}",
                              legendgroup=f"{role}-{name}", alpha=0.22 if role == "kommune" else 0.12)
            hover = [
                f"{name}<br>%{{x}}: {fmt_number(v, ind.decimals)} ({fmt_number(a, ind.decimals)}–{fmt_number(b, ind.decimals)})"
                f", n = {fmt_number(k, 0)}<extra></extra>" if np.isfinite(v) and np.isfinite(a) else
                f"{name}<br>%{{x}}: {fmt_number(v, ind.decimals)}<extra></extra>"
                for v, a, b, k in zip(y, lo, hi, n)
            ]
            fig.add_trace(go.Scatter(
                x=periods, y=y, mode="lines+markers", name=str(name), legendgroup=f"{role}-{name}",
                line={"color": color, "width": width, "dash": dash}, connectgaps=False,
                marker={"size": 9 if role in ("kommune", "skole") else 6, "color": color},
                error_y=error_bars(pd.Series(lo), pd.Series(hi), pd.Series(y)) | {"color": color} if role == "skole" else None,
                hovertemplate=hover,
            ))
            supp = g.index[g["suppressed"].fillna(False).astype(bool)].tolist()
            add_suppressed_strip(fig, supp, color=color, name=str(name), legendgroup=f"{role}-{name}",
                                 hover=f"{name}: {t('common.suppressed')}")
    kp = pooled[pooled["role"] == "kommune"]
    if len(kp) and np.isfinite(kp["estimate"].iloc[0]) and len(window) > 1:
        r = kp.iloc[0]
        fig.add_trace(go.Scatter(
            x=[window[0], window[-1]], y=[r["estimate"]] * 2, mode="lines", name=t("utv.pooled_line"),
            line={"color": PALETTE["highlight"], "width": 3, "dash": "longdash"},
            hovertemplate=t("utv.pooled_line") + ": " + fmt_number(r["estimate"], ind.decimals) + "<extra></extra>",
        ))
    base_layout(fig, title=title, height=520)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=periods, title=t("common.skoleaar"))
    fig.update_yaxes(title=ind.unit_of_measure)
    return fig


def build_table(series: pd.DataFrame, decimals: int) -> tuple[pd.DataFrame, pd.Series]:
    """The table view of exactly what the chart shows (one row per series and school year)."""
    s = series.copy()
    s["_role"] = s["role"].map({r: i for i, r in enumerate(ROLE_ORDER)})
    s["_year"] = s["period"].map(lambda p: int(str(p)[:4]))
    s = s.sort_values(["_role", "series", "_year"]).reset_index(drop=True)
    notes = []
    for _, r in s.iterrows():
        note = []
        if r["suppressed"]:
            note.append(t("utv.note_suppressed", min_n=suppression_min_n(str(r["indicator"]))))
        elif r["no_interval_reason"]:
            note.append(r["no_interval_reason"])
        if r.get("large_uncertainty") is True:
            note.append(t("common.large_uncertainty"))
        if r.get("combined_from"):
            note.append(t("utv.note_combined", parts=r["combined_from"]) if r["role"] == "kommune" else r["combined_from"])
        notes.append("; ".join(note))
    table = pd.DataFrame({
        t("utv.col.series"): s["series"],
        t("common.skoleaar"): s["period"],
        t("common.verdi"): s["estimate"].round(decimals),
        t("utv.col.lower"): s["lower"].round(decimals),
        t("utv.col.upper"): s["upper"].round(decimals),
        t("common.n"): s["n"],
        t("utv.col.note"): notes,
    })
    return table, s["suppressed"].astype(bool)


def fmt_pooled(r: pd.Series, decimals: int) -> str:
    if bool(r["suppressed"]) or not np.isfinite(r["estimate"]):
        return t("common.suppressed")
    if np.isfinite(r["lower"]):
        return f"{fmt_number(r['estimate'], decimals)} ({fmt_number(r['lower'], decimals)}–{fmt_number(r['upper'], decimals)})"
    return fmt_number(r["estimate"], decimals)


# ------------------------------------------------------------------------------------------------
# Page
# ------------------------------------------------------------------------------------------------

kommune_id = selected_kommune()
if not kommune_id:
    st.stop()
info = kommune_row(kommune_id)
token = data_token()
st.title(t("utv.title", kommune=info["kommune_name"]))
st.markdown(t("utv.intro"))

opts = indicator_choices(token, kommune_id)
if opts.empty:
    st.warning(t("utv.no_data"))
    st.stop()

c1, c2, c3, c4 = st.columns([3, 1.3, 1, 1.2])
indicators = [i for i in INDICATORS if i in set(opts["indicator"])]
default_first = ["grunnskolepoeng"] + [i for i in indicators if i != "grunnskolepoeng"]
indicators = [i for i in default_first if i in indicators]
indicator = param_choice(t("common.indikator"), indicators, "indikator", container=c1,
                         format_func=lambda c: INDICATORS[c].label)
o = opts[opts["indicator"] == indicator]
subjects = sorted(o["subject"].unique())
subject = param_choice(t("utv.subject"), subjects, "fag", container=c2,
                       format_func=lambda s: SUBJECT_LABELS.get(s, s) or t("utv.no_subject"))
o = o[o["subject"] == subject]
trinns = sorted(int(x) for x in o["trinn"].unique())
trinn = param_choice(t("utv.trinn"), trinns, "trinn", container=c3, format_func=lambda x: f"{x}. trinn")
o = o[o["trinn"] == trinn]
kjonns = [k for k in ("alle", "jenter", "gutter") if k in set(o["kjonn"])]
kjonn = param_choice(t("utv.kjonn"), kjonns, "kjonn", container=c4, format_func=lambda k: t(KJONN_LABELS[k])) \
    if len(kjonns) > 1 else kjonns[0]

schools = school_choices(token, kommune_id, indicator, subject, trinn, kjonn)
school_names = dict(zip(schools["unit_id"], schools["unit_name"]))
chosen_schools = param_multi(t("utv.schools"), list(school_names), "skoler",
                             format_func=lambda s: school_names.get(s, s), help=t("utv.schools_help"))

with st.expander(t("utv.peers_expander")):
    method = param_choice(t("peers.method"), list(PEER_METHODS), "sammenligning",
                          format_func=lambda m: t(f"peers.method.{m}"))
    features = tuple(f for f in (st.query_params.get("kontekst") or ",".join(DEFAULT_FEATURES)).split(",")
                     if f in DEFAULT_FEATURES) or DEFAULT_FEATURES
    try:
        k = max(1, min(50, int(st.query_params.get("k", DEFAULT_K))))
    except ValueError:
        k = DEFAULT_K
    peers, peer_error = peer_list(token, kommune_id, method, features, k)
    if peer_error:
        st.warning(peer_error)
    elif len(peers):
        st.caption(t("utv.peers_list", names=", ".join(peers["kommune_name"])))
    else:
        st.caption(t("peers.none"))
    # st.page_link("pages/sammenlignbare.py", label=t("utv.peers_link"))

result = compute(token, kommune_id, info["kommune_name"], info["fylke_id"], indicator, subject, trinn, kjonn,
                 tuple(peers["kommune_id"]) if len(peers) else (), tuple(chosen_schools))
series, pooled, periods, window = result["series"], result["pooled"], result["periods"], result["window"]
ind = INDICATORS[indicator]
label = indicator_label(indicator, subject, trinn) + ("" if kjonn == "alle" else f", {t(KJONN_LABELS[kjonn]).lower()}")
# The current selection, for the findings widgets (ui/findings_widgets.py) and for exports.
current = {"page": "utvikling", "kommune_id": kommune_id, "indicator": indicator, "subject": subject,
           "trinn": trinn, "kjonn": kjonn, "periods": periods, "window": window,
           "peers": list(peers["kommune_id"]) if len(peers) else [], "schools": list(chosen_schools)}

if series[series["role"] == "kommune"].empty:
    st.warning(t("utv.no_kommune_data", label=label))

# --- pooled three-year value and trend verdict -----------------------------------------------------
st.subheader(t("utv.pooled_title", window=window_label(window)))
cols = st.columns(4)
for col, role in zip(cols, ["kommune", "fylke", "nasjonalt", "peers"]):
    pr = pooled[pooled["role"] == role]
    if pr.empty:
        continue
    r = pr.iloc[0]
    col.metric(str(r["series"]), fmt_pooled(r, ind.decimals),
               help=t("utv.pooled_help", n=fmt_number(r["n"], 0), years=r.get("periods_used_list", "")))
st.caption(t("utv.pooled_caption"))

tr = result["trend"]
if tr is not None:
    st.markdown(t("utv.trend_line", verdict=str(getattr(tr, "verdict_label", None) or tr.verdict),
                  slope=fmt_number(tr.slope_per_year, ind.decimals + 1),
                  lower=fmt_number(tr.lower, ind.decimals + 1), upper=fmt_number(tr.upper, ind.decimals + 1),
                  unit=ind.unit_of_measure))
    st.caption(t("common.method_line", method=tr.method))
elif result["trend_error"]:
    st.info(result["trend_error"])
else:
    st.caption(t("utv.trend_pending"))
if result["merged_from"]:
    st.info(t("utv.merged_note", parts=", ".join(result["merged_from"])))

# --- chart and table ---------------------------------------------------------------------------------
title = t("utv.chart_title", label=label)
fig = build_figure(series, periods, pooled, window, indicator, title)
chart_col, table_col = st.columns([3, 2])
with chart_col:
    st.plotly_chart(fig, width="stretch", key="utvikling_chart")
    methods = sorted({m for m in series["ci_method"].unique() if m})
    st.caption(t("common.method_line", method="; ".join(methods) or t("common.no_data")))
    st.caption(t("utv.suppressed_caption", min_n=suppression_min_n(indicator)))
findings_slot = st.container()  # ui/findings_widgets.py: "Legg til funn" for `current`, markers on `fig`
with table_col:
    table, supp = build_table(series, ind.decimals)
    table_with_downloads(table, key="utvikling", filename=f"utvikling_{kommune_id}_{indicator}_{subject}_{trinn}",
                         suppressed=supp, method="; ".join(methods), title=f"{info['kommune_name']}: {title}",
                         height=460)
