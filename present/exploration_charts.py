"""Figures and table views of the exploration pages (utvikling, skoler, sammenlignbare).

Each chart has a table builder returning ``(table, suppressed)``: the table view of exactly what the
chart shows (Norwegian headers, numbers rounded as shown) and which rows are suppressed, for
``ui.downloads.table_with_downloads``. Figures follow the chart conventions of docs/architecture.md (colour-blind-safe palette, intervals
drawn, benchmarks as lines, suppressed points visibly marked) and use ``present.charts.base_layout``: the look of
plotly's white template without instantiating it (which costs ~30 ms per figure), and Norwegian number
separators in hover labels and axes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.peers import CONTEXT_FEATURES
from data.catalogue import INDICATORS, LOWER_IS_BETTER, indicator_label, suppression_min_n
from present.charts import (PALETTE, SUPPRESSED_SYMBOL, add_suppressed_strip, axis_with, base_layout, error_bars,
                            figure_from, hline_shape, interval_band, merge_layout, rgba, vline_shape, vrect_shape)
from present.format import fmt_number
from present.strings import classification_label, t, tr

ROLE_ORDER = ["nasjonalt", "fylke", "peers", "kommune", "skole"]
CLASS_COLORS = {
    "svakere": PALETTE["svakere"], "bedre": PALETTE["bedre"], "ikke_sikker": PALETTE["ikke_sikker"],
    "lavere": PALETTE["skole"], "hoyere": PALETTE["skole"], "ingen_data": PALETTE["ikke_sikker"],
}
CLASS_ORDER = ["svakere", "lavere", "ikke_sikker", "hoyere", "bedre", "ingen_data"]
# Not by colour alone (WCAG 1.4.1): the classification also shows as the marker's shape and the bar's pattern.
CLASS_SYMBOLS = {"svakere": "triangle-down", "lavere": "triangle-down", "ikke_sikker": "circle",
                 "hoyere": "triangle-up", "bedre": "triangle-up", "ingen_data": "square"}
CLASS_PATTERNS = {"svakere": "/", "lavere": "/", "hoyere": ".", "bedre": ".", "ikke_sikker": "", "ingen_data": "x"}


def _num(x, decimals: int) -> float:
    return round(float(x), decimals) if x is not None and np.isfinite(float(x)) else np.nan


def _span(a, b, decimals: int, sep: str = "–") -> str:
    return "" if not (np.isfinite(a) and np.isfinite(b)) else f"{fmt_number(a, decimals)}{sep}{fmt_number(b, decimals)}"


# ------------------------------------------------------------------------------------------------
# Utvikling over tid
# ------------------------------------------------------------------------------------------------

def _series_color(role: str, i: int) -> str:
    if role == "skole":
        return PALETTE["extra"][i % len(PALETTE["extra"])]
    return PALETTE[role]


def development_figure(series: pd.DataFrame, periods: list[str], pooled: pd.DataFrame, window: list[str],
                       indicator: str, title: str) -> go.Figure:
    """Line chart over all school years: bands for the kommune and the peers, error bars for schools,
    fylke and nation as lines, suppressed years as gaps with a cross at the bottom edge."""
    ind = INDICATORS[indicator]
    fmt = f".{ind.decimals}f"
    fig = go.Figure()
    school_i = 0
    for role in ROLE_ORDER:
        for name, g in series[series["role"] == role].groupby("series", sort=True):
            g = g.set_index("period").reindex(periods)
            color = _series_color(role, school_i)
            school_i += role == "skole"
            y = g["estimate"].to_numpy(dtype=float)
            lo, hi = g["lower"].to_numpy(dtype=float), g["upper"].to_numpy(dtype=float)
            group = f"{role}-{name}"
            if role in ("kommune", "peers"):
                interval_band(fig, periods, lo, hi, color=color, name=f"{name}: {t('common.interval')}",
                              legendgroup=group, alpha=0.22 if role == "kommune" else 0.12)
            custom = np.column_stack([lo, hi, g["n"].to_numpy(dtype=float)])
            fig.add_trace(go.Scatter(
                x=periods, y=y, mode="lines+markers", name=str(name), legendgroup=group, connectgaps=False,
                line={"color": color, "width": {"kommune": 4, "nasjonalt": 3}.get(role, 2.5),
                      "dash": {"fylke": "dot", "peers": "dash", "skole": "dashdot"}.get(role, "solid")},
                marker={"size": 9 if role in ("kommune", "skole") else 6, "color": color},
                error_y=(error_bars(pd.Series(lo), pd.Series(hi), pd.Series(y)) | {"color": color})
                if role == "skole" else None,
                customdata=custom,
                hovertemplate=f"{name}<br>%{{x}}: %{{y:{fmt}}} (%{{customdata[0]:{fmt}}}–%{{customdata[1]:{fmt}}})"
                              f", n = %{{customdata[2]:,.0f}}<extra></extra>",
            ))
            supp = g.index[g["suppressed"].fillna(False).astype(bool)].tolist()
            add_suppressed_strip(fig, supp, color=color, name=str(name), legendgroup=group,
                                 hover=f"{name}: {t('common.suppressed')}")
    kp = pooled[pooled["role"] == "kommune"]
    if len(kp) and np.isfinite(kp["estimate"].iloc[0]) and len(window) > 1:
        v = float(kp["estimate"].iloc[0])
        fig.add_trace(go.Scatter(
            x=[window[0], window[-1]], y=[v, v], mode="lines", name=t("utv.pooled_line"),
            line={"color": PALETTE["highlight"], "width": 3, "dash": "longdash"},
            hovertemplate=f"{t('utv.pooled_line')}: {fmt_number(v, ind.decimals)}<extra></extra>"))
    base_layout(fig, title=title, height=520)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=periods, title=t("common.skoleaar"))
    fig.update_yaxes(title=ind.unit_of_measure)
    return fig


def development_table(series: pd.DataFrame, decimals: int) -> tuple[pd.DataFrame, pd.Series]:
    """One row per line and school year: value, interval, n and a note (suppressed, merged, …)."""
    s = series.assign(_role=series["role"].map({r: i for i, r in enumerate(ROLE_ORDER)}),
                      _year=series["period"].map(lambda p: int(str(p)[:4])))
    s = s.sort_values(["_role", "series", "_year"]).reset_index(drop=True)
    notes = []
    for r in s.itertuples(index=False):
        note = []
        if r.suppressed:
            note.append(t("utv.note_suppressed", min_n=suppression_min_n(str(r.indicator))))
        elif r.no_interval_reason:
            note.append(tr(str(r.no_interval_reason)))
        if bool(r.large_uncertainty):
            note.append(t("common.large_uncertainty"))
        if r.combined_from:
            note.append(t("utv.note_combined", parts=r.combined_from) if r.role == "kommune" else str(r.combined_from))
        notes.append("; ".join(note))
    table = pd.DataFrame({
        t("utv.col.series"): s["series"], t("common.skoleaar"): s["period"],
        t("common.verdi"): s["estimate"].round(decimals), t("utv.col.lower"): s["lower"].round(decimals),
        t("utv.col.upper"): s["upper"].round(decimals), t("common.n"): s["n"], t("utv.col.note"): notes,
    })
    return table, s["suppressed"].astype(bool)


# ------------------------------------------------------------------------------------------------
# Skoler
# ------------------------------------------------------------------------------------------------

def school_class_label(code: str) -> str:
    return classification_label(code, "rest")


def school_axis_labels(comp: pd.DataFrame) -> list[str]:
    """'Nedre Brekke skole (n = 74)' / '… (skjermet)': the n behind each school on the axis."""
    return [f"{name} ({t('common.suppressed') if supp else 'n = ' + fmt_number(n, 0)})"
            for name, supp, n in zip(comp["school_name"], comp["suppressed"].astype(bool), comp["n"])]


def schools_figure(comp: pd.DataFrame, refs: pd.DataFrame, indicator: str, title: str) -> go.Figure:
    """Dot-and-whisker: each school's pooled figure and interval, coloured by its classification
    against the rest of the kommune (a tick in the same row); hollow when the interval is wide;
    the kommune (with its interval), fylke and nation as vertical lines; suppressed schools as crosses.
    Built from dicts and validated once (``present.charts.figure_from``)."""
    ind = INDICATORS[indicator]
    fmt = f".{ind.decimals}f"
    comp = comp.assign(label=school_axis_labels(comp))
    order = list(reversed(comp["label"].tolist()))  # first row (lowest estimate) at the top
    traces: list[dict] = []
    shapes: list[dict] = []
    for level, dash, width in (("kommune", "solid", 3), ("fylke", "dot", 2.5), ("nasjonalt", "dash", 2.5)):
        r = refs[refs["level"] == level]
        if r.empty or not np.isfinite(r["estimate"].iloc[0]) or not order:
            continue
        r = r.iloc[0]
        name = t("common.nasjonalt") if level == "nasjonalt" else str(r["unit_name"])
        if level == "kommune" and np.isfinite(r["lower"]):
            shapes.append(vrect_shape(r["lower"], r["upper"], rgba(PALETTE["kommune"], 0.10)))
        line = {"color": PALETTE[level], "dash": dash, "width": width}
        shapes.append(vline_shape(float(r["estimate"]), line))
        traces.append({  # legend entry for the line above
            "type": "scatter", "x": [None], "y": [None], "mode": "lines",
            "name": f"{name}: {fmt_number(r['estimate'], ind.decimals)}", "line": line})
    rest = comp[np.isfinite(comp["rest_estimate"].astype(float))]
    if len(rest):
        traces.append({
            "type": "scatter", "x": rest["rest_estimate"], "y": rest["label"], "mode": "markers",
            "name": t("skoler.rest_marker"),
            "marker": {"symbol": "line-ns-open", "size": 22, "color": PALETTE["kommune"], "line": {"width": 3}},
            "customdata": rest[["rest_lower", "rest_upper"]].to_numpy(dtype=float),
            "hovertemplate": f"{t('skoler.rest')}: %{{x:{fmt}}} (%{{customdata[0]:{fmt}}}–%{{customdata[1]:{fmt}}})"
                             "<extra></extra>"})
    shown = comp[~comp["suppressed"].astype(bool) & np.isfinite(comp["estimate"].astype(float))]
    for code in CLASS_ORDER:
        for uncertain in (False, True):
            g = shown[(shown["classification"] == code) & (shown["large_uncertainty"].astype(bool) == uncertain)]
            if g.empty:
                continue
            color = CLASS_COLORS[code]
            name = school_class_label(code) + (f" ({t('common.large_uncertainty')})" if uncertain else "")
            traces.append({
                "type": "scatter", "x": g["estimate"], "y": g["label"], "mode": "markers", "name": name,
                "marker": {"symbol": CLASS_SYMBOLS.get(code, "circle") + ("-open" if uncertain else ""), "size": 15,
                           "color": color, "line": {"width": 3, "color": color}},
                "error_x": error_bars(g["lower"], g["upper"], g["estimate"]) | {"color": color},
                "customdata": g[["lower", "upper"]].to_numpy(dtype=float),
                "hovertemplate": f"%{{y}}<br>%{{x:{fmt}}} (%{{customdata[0]:{fmt}}}–%{{customdata[1]:{fmt}}})"
                                 f"<br>{school_class_label(code)}<extra></extra>"})
    layout: dict = {"shapes": shapes} if shapes else {}
    supp = comp[comp["suppressed"].astype(bool)]
    if len(supp):
        traces.append({
            "type": "scatter", "x": [0.01] * len(supp), "y": supp["label"], "xaxis": "x9", "mode": "markers+text",
            "text": [t("common.suppressed")] * len(supp), "textposition": "middle right",
            "name": t("skoler.suppressed_marker"),
            "marker": {"symbol": SUPPRESSED_SYMBOL, "size": 14, "color": PALETTE["highlight"], "line": {"width": 3}},
            "hovertemplate": "%{y}: " + t("skoler.suppressed_hover", min_n=suppression_min_n(indicator))
                             + "<extra></extra>"})
        layout["xaxis9"] = {"overlaying": "x", "range": [0, 1], "visible": False, "fixedrange": True}
    height = max(480, 240 + 56 * len(comp))
    # Up to three rows of legend below the plot: a bottom margin that holds them, so Plotly's automargin
    # does not shrink the plot and pull the legend up onto the axis title (seen at 1366 px).
    layout |= {"margin": {"b": 210}, "legend": {"y": -95 / max(150, height - 60 - 210)}}
    # Horizontal ticks, not too many: rotated ticks at 1366 px pushed the axis title into the legend.
    xaxis = {"title": {"text": ind.unit_of_measure}, "tickangle": 0, "nticks": 8}
    if len(supp):  # every x axis gets the common style and these settings, the overlay too
        layout["xaxis9"] = axis_with(merge_layout(layout["xaxis9"], xaxis))
    return figure_from(traces, layout, title=title, height=height, xaxis=xaxis,
                       yaxis={"type": "category", "categoryorder": "array", "categoryarray": order})


def schools_table(comp: pd.DataFrame, decimals: int) -> tuple[pd.DataFrame, pd.Series]:
    """One row per school: pooled figure, interval, n, the rest of the kommune, difference, classification."""
    notes = []
    for r in comp.itertuples(index=False):
        note = []
        if r.suppressed:
            note.append(t("utv.note_suppressed", min_n=suppression_min_n(str(r.indicator))))
        elif int(getattr(r, "periods_suppressed", 0) or 0) > 0:
            note.append(t("skoler.note_years", used=getattr(r, "periods_used_list", "")))
        if bool(r.large_uncertainty):
            note.append(t("common.large_uncertainty"))
        if r.rest_reason:
            note.append(t("skoler.note_rest", reason=r.rest_reason))
        notes.append("; ".join(note))
    table = pd.DataFrame({
        t("common.skole"): comp["school_name"],
        t("skoler.col.estimate"): comp["estimate"].round(decimals),
        t("utv.col.lower"): comp["lower"].round(decimals),
        t("utv.col.upper"): comp["upper"].round(decimals),
        t("common.n"): comp["n"],
        t("skoler.col.rest"): comp["rest_estimate"].astype(float).round(decimals),
        t("skoler.col.rest_interval"): [_span(a, b, decimals) for a, b in
                                        zip(comp["rest_lower"].astype(float), comp["rest_upper"].astype(float))],
        t("skoler.col.difference"): comp["difference"].astype(float).round(decimals),
        t("skoler.col.class"): [school_class_label(c) for c in comp["classification"]],
        t("utv.col.note"): notes,
    })
    return table, comp["suppressed"].astype(bool).reset_index(drop=True)


LOG_TICKS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


def log_ticks(n) -> list[int]:
    """Readable ticks for a log axis of pupil counts: 5, 10, 20, 50, 100, 200 … covering the data."""
    v = pd.to_numeric(pd.Series(n), errors="coerce").dropna()
    v = v[v > 0]
    if v.empty:
        return [10, 100]
    lo, hi = float(v.min()), float(v.max())
    inside = [x for x in LOG_TICKS if lo / 1.5 <= x <= hi * 1.5]
    return inside or [x for x in LOG_TICKS if x >= lo][:2]


def funnel_label_positions(own: pd.DataFrame) -> list[str]:
    """Stagger the kommune's school labels: alternate above/below along n, so neighbours do not collide."""
    order = own["n"].astype(float).rank(method="first").to_numpy()
    return ["top center" if int(r) % 2 else "bottom center" for r in order]


def funnel_labels(own: pd.DataFrame, max_chars: int = 18) -> list[str]:
    """Short labels on the chart (the full names are in the hover and the table)."""
    return [str(name) if len(str(name)) <= max_chars else str(name)[: max_chars - 1].rstrip() + "…"
            for name in own["unit_name"]]


def funnel_figure(area_schools: pd.DataFrame, kommune_school_ids: set[str], benchmark: float,
                  limits: pd.DataFrame | None, indicator: str, title: str) -> go.Figure:
    """Funnel plot: every school's pooled figure against its n, the kommune's schools highlighted.
    Built from dicts and validated once (``present.charts.figure_from``)."""
    ind = INDICATORS[indicator]
    fmt = f".{ind.decimals}f"
    pts = area_schools[np.isfinite(area_schools["estimate"].astype(float))]
    mine = pts["unit_id"].isin(kommune_school_ids).to_numpy()
    traces: list[dict] = []
    if limits is not None and len(limits):
        for col, dash, label in (("upper_95", "dash", "95 %"), ("lower_95", "dash", "95 %"),
                                 ("upper_99_8", "dot", "99,8 %"), ("lower_99_8", "dot", "99,8 %")):
            if col in limits.columns:
                traces.append({
                    "type": "scatter", "x": limits["n"], "y": limits[col], "mode": "lines", "legendgroup": label,
                    "showlegend": col.startswith("upper"),
                    "line": {"color": PALETTE["nasjonalt"], "dash": dash, "width": 1.5},
                    "name": t("skoler.funnel_limit", level=label), "hoverinfo": "skip"})
    hover = f"%{{text}}: %{{y:{fmt}}}, n = %{{x:,.0f}}<extra></extra>"
    traces.append({
        "type": "scatter", "x": pts.loc[~mine, "n"], "y": pts.loc[~mine, "estimate"], "text": pts.loc[~mine, "unit_name"],
        "mode": "markers", "name": t("skoler.funnel_other"),
        "marker": {"color": rgba(PALETTE["nasjonalt"], 0.35), "size": 6}, "hovertemplate": hover})
    own = pts.loc[mine]
    traces.append({
        "type": "scatter", "x": own["n"], "y": own["estimate"], "text": own["unit_name"], "mode": "markers+text",
        "texttemplate": funnel_labels(own), "textposition": funnel_label_positions(own),
        "name": t("skoler.funnel_mine"),
        "marker": {"color": PALETTE["highlight"], "size": 13, "line": {"width": 1.5, "color": "white"}},
        "hovertemplate": hover})
    layout: dict = {}
    if np.isfinite(benchmark):  # the value in the legend, not as a label that could cover a school's name
        line = {"color": PALETTE["nasjonalt"], "width": 2}
        layout["shapes"] = [hline_shape(benchmark, line)]
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "lines", "line": line,
                       "name": t("skoler.funnel_benchmark", value=fmt_number(benchmark, ind.decimals))})
    ticks = log_ticks(pts["n"])
    return figure_from(traces, layout, title=title, height=520,
                       xaxis={"title": {"text": t("skoler.funnel_x")}, "type": "log", "tickvals": ticks,
                              "ticktext": [fmt_number(v, 0) for v in ticks]},
                       yaxis={"title": {"text": ind.unit_of_measure}})


def funnel_table(area_schools: pd.DataFrame, kommune_school_ids: set[str], decimals: int,
                 limits_at_n: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.Series]:
    """Every school in the funnel (the kommune's first), with its figure, n and place in the funnel."""
    fs = area_schools.assign(_mine=area_schools["unit_id"].isin(kommune_school_ids))
    fs = fs.sort_values(["_mine", "unit_name"], ascending=[False, True]).reset_index(drop=True)
    supp = fs["suppressed"].astype(bool)
    table = pd.DataFrame({
        t("common.skole"): fs["unit_name"], t("skoler.col.kommune"): fs["kommune_id"],
        t("skoler.col.estimate"): [t("common.suppressed") if s_ else fmt_number(v, decimals)
                                   for s_, v in zip(supp, fs["estimate"].astype(float))],
        t("common.n"): [t("common.suppressed") if s_ else fmt_number(v, 0) for s_, v in zip(supp, fs["n"].astype(float))],
        t("skoler.col.mine"): np.where(fs["_mine"], t("skoler.yes"), ""),
    })
    if limits_at_n is not None and "position" in limits_at_n.columns:
        table[t("skoler.col.funnel_position")] = fs["unit_id"].map(
            limits_at_n.set_index("unit_id")["position"]).fillna("")
    return table, fs["suppressed"].astype(bool)


# ------------------------------------------------------------------------------------------------
# Sammenlignbare kommuner
# ------------------------------------------------------------------------------------------------

def peers_figure(peers: pd.DataFrame, title: str) -> go.Figure:
    """How near each peer is: distance on standardised context (0 = the kommune itself)."""
    p = peers[peers["rank"] > 0].sort_values("rank")
    fig = go.Figure(go.Bar(x=p["distance"], y=p["kommune_name"], orientation="h", marker={"color": PALETTE["peers"]},
                           hovertemplate="%{y}: %{x:.2f}<extra></extra>", name=t("peers.distance")))
    base_layout(fig, title=title, height=max(320, 110 + 30 * len(p)))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(reversed(p["kommune_name"].tolist())))
    fig.update_xaxes(title=t("peers.distance_axis"))
    return fig


def peers_table(peers: pd.DataFrame) -> pd.DataFrame:
    """The peers (the kommune itself, rank 0, is the chart's reference, not a row of the table)."""
    peers = peers[peers["rank"] > 0]
    out = pd.DataFrame({
        t("peers.col.rank"): peers["rank"], t("common.kommune"): peers["kommune_name"],
        t("common.fylke"): peers["fylke_name"], t("peers.distance"): peers["distance"].round(2),
    })
    for f, lab in CONTEXT_FEATURES.items():
        if f in peers.columns:
            out[tr(lab).replace(" (log)", "")] = peers[f].round(0 if f == "population" else 1)
    if "kostra_group" in peers.columns:
        out[t("peers.method.kostra")] = peers["kostra_group"]
    return out


def comparison_figure(summary: pd.DataFrame, units: pd.DataFrame, kommune_name: str, title: str) -> go.Figure:
    """Small multiples, one per uttrekk indicator: each peer (dots), the peer group and the kommune
    with their intervals (hollow kommune marker when its interval is wide)."""
    keys = summary.sort_values("order")
    fig = make_subplots(rows=len(keys), cols=1, vertical_spacing=0.75 / max(1, len(keys)),
                        subplot_titles=[indicator_label(r.indicator, r.subject, int(r.trinn)) for r in keys.itertuples()])
    row_peers = t("peers.row_peers")
    for i, r in enumerate(keys.itertuples(), start=1):
        fmt = f".{INDICATORS[r.indicator].decimals}f"
        show = i == 1
        pu = units[(units["order"] == r.order) & (units["role"] == "peer") & units["estimate"].notna()]
        fig.add_trace(go.Scatter(
            x=pu["estimate"], y=[row_peers] * len(pu), text=pu["unit_name"], mode="markers", name=t("peers.each_peer"),
            marker={"color": rgba(PALETTE["peers"], 0.45), "size": 9}, legendgroup="each", showlegend=show,
            hovertemplate=f"%{{text}}: %{{x:{fmt}}}<extra></extra>"), row=i, col=1)
        for est, lo, hi, y, name, color, symbol, group in (
            (r.peer_estimate, r.peer_lower, r.peer_upper, row_peers, t("peers.group"), PALETTE["peers"], "diamond",
             "group"),
            (r.estimate, r.lower, r.upper, kommune_name, kommune_name, PALETTE["kommune"],
             "circle-open" if bool(r.large_uncertainty) else "circle", "kom"),
        ):
            if not np.isfinite(est):
                continue
            fig.add_trace(go.Scatter(
                x=[est], y=[y], mode="markers", name=name, legendgroup=group, showlegend=show,
                marker={"color": color, "size": 14, "symbol": symbol, "line": {"width": 3, "color": color}},
                error_x=error_bars(pd.Series([lo]), pd.Series([hi]), pd.Series([est])) | {"color": color},
                customdata=[[lo, hi]],
                hovertemplate=f"{name}: %{{x:{fmt}}} (%{{customdata[0]:{fmt}}}–%{{customdata[1]:{fmt}}})<extra></extra>"),
                row=i, col=1)
        fig.update_yaxes(type="category", categoryorder="array", categoryarray=[row_peers, kommune_name], row=i, col=1)
    base_layout(fig, title=title, height=150 * len(keys) + 170)
    fig.update_annotations(font_size=13)
    return fig


def comparison_table(summary: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """One row per uttrekk indicator: the kommune and the peer group with intervals, range, classification."""
    s = summary.sort_values("order").reset_index(drop=True)
    rows = []
    for r in s.itertuples():
        ind = INDICATORS[r.indicator]
        d = ind.decimals
        rows.append({
            t("common.indikator"): indicator_label(r.indicator, r.subject, int(r.trinn)),
            t("peers.col.kommune"): _num(r.estimate, d), t("utv.col.lower"): _num(r.lower, d),
            t("utv.col.upper"): _num(r.upper, d), t("common.n"): r.n,
            t("peers.col.group"): _num(r.peer_estimate, d),
            t("peers.col.group_interval"): _span(r.peer_lower, r.peer_upper, d),
            t("peers.col.range"): _span(r.peer_min, r.peer_max, d),
            t("peers.col.published"): f"{int(r.peers_published)} / {int(r.peers_total)}",
            t("peers.col.class"): classification_label(r.classification, "peers"),
            t("oversikt.col.direction"): t("oversikt.lower_better") if ind.direction == LOWER_IS_BETTER
            else t("oversikt.higher_better"),
        })
    return pd.DataFrame(rows), s["suppressed"].astype(bool)


def expected_figure(res, by_k: pd.DataFrame, kommune_name: str, indicator: str, title: str) -> go.Figure:
    """All kommuner: observed against the value their context predicts; the kommune with its prediction interval."""
    fmt = f".{INDICATORS[indicator].decimals}f"
    fitted = res.fitted.merge(by_k[["kommune_id", "kommune_name"]], on="kommune_id", how="left")
    lo = float(np.nanmin([fitted["fitted"].min(), fitted["observed"].min(), res.pi_lower]))
    hi = float(np.nanmax([fitted["fitted"].max(), fitted["observed"].max(), res.pi_upper]))
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=[lo, hi], y=[lo, hi], mode="lines", name=t("peers.ev_identity"),
                             line={"color": PALETTE["nasjonalt"], "dash": "dash", "width": 1.5}, hoverinfo="skip"))
    fig.add_trace(go.Scatter(
        x=fitted["fitted"], y=fitted["observed"], text=fitted["kommune_name"], mode="markers", name=t("peers.ev_others"),
        marker={"color": rgba(PALETTE["nasjonalt"], 0.35), "size": 7},
        hovertemplate=f"%{{text}}: %{{y:{fmt}}} ({t('peers.ev_expected_short')} %{{x:{fmt}}})<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=[res.expected, res.expected], y=[res.pi_lower, res.pi_upper], mode="lines", opacity=0.3,
        line={"color": PALETTE["kommune"], "width": 12}, name=t("peers.ev_pi"),
        hovertemplate=f"{t('peers.ev_pi')}: {fmt_number(res.pi_lower, 2)}–{fmt_number(res.pi_upper, 2)}<extra></extra>"))
    if np.isfinite(res.observed):
        fig.add_trace(go.Scatter(
            x=[res.expected], y=[res.observed], mode="markers+text", text=[kommune_name], textposition="middle right",
            name=kommune_name, marker={"color": PALETTE["highlight"], "size": 16, "line": {"width": 2, "color": "white"}},
            hovertemplate=f"{kommune_name}: %{{y:{fmt}}} ({t('peers.ev_expected_short')} %{{x:{fmt}}})<extra></extra>"))
    base_layout(fig, title=title, height=520)
    fig.update_xaxes(title=t("peers.ev_x"))
    fig.update_yaxes(title=t("peers.ev_y"))
    return fig


def expected_table(res, by_k: pd.DataFrame, kommune_id: str, kommune_name: str,
                   decimals: int) -> tuple[pd.DataFrame, pd.Series]:
    """The kommune first (with its prediction interval), then every kommune of the fit; suppressed kommuner last."""
    fitted = res.fitted.merge(by_k[["kommune_id", "kommune_name", "n"]], on="kommune_id", how="left")
    own_n = by_k.loc[by_k["kommune_id"] == str(kommune_id), "n"]
    own = pd.DataFrame({"kommune_id": [str(kommune_id)], "kommune_name": [kommune_name], "observed": [res.observed],
                        "fitted": [res.expected], "n": [float(own_n.iloc[0]) if len(own_n) else np.nan]})
    supp = by_k[by_k["suppressed"] & (by_k["kommune_id"] != str(kommune_id))][["kommune_id", "kommune_name"]]
    rows = pd.concat([own, fitted.sort_values("kommune_name"), supp], ignore_index=True)
    supp_ids = set(by_k.loc[by_k["suppressed"], "kommune_id"])
    note_self = t("peers.ev_note_self", lo=fmt_number(res.pi_lower, decimals), hi=fmt_number(res.pi_upper, decimals))
    table = pd.DataFrame({
        t("common.kommune"): rows["kommune_name"],
        t("peers.ev_observed"): rows["observed"].astype(float).round(decimals),
        t("peers.ev_expected"): rows["fitted"].astype(float).round(decimals),
        t("common.n"): rows["n"],
        t("utv.col.note"): [note_self if i == 0 else (t("common.suppressed") if k in supp_ids else "")
                            for i, k in enumerate(rows["kommune_id"])],
    })
    return table, rows["kommune_id"].isin(supp_ids).reset_index(drop=True)


def spread_figure(drivers: pd.DataFrame, indicator: str, title: str) -> go.Figure:
    """Which schools drive the between-school spread: each school's share of the between-school sum of
    squares, coloured by its difference from the kommune's other schools (sure only when the interval
    excludes 0). Built from dicts and validated once (``present.charts.figure_from``)."""
    d = drivers.sort_values("contribution_share", ascending=True)
    fmt = f".{INDICATORS[indicator].decimals}f"
    colors = [CLASS_COLORS.get(str(c), PALETTE["ikke_sikker"]) for c in d["classification"]]
    bar = {
        "type": "bar", "x": 100 * d["contribution_share"], "y": d["unit_name"], "orientation": "h",
        "marker": {"color": colors, "pattern": {"shape": [CLASS_PATTERNS.get(str(c), "") for c in d["classification"]],
                                                "fgcolor": "white", "solidity": 0.3}},
        "customdata": np.column_stack([d["estimate"], d["others"], d["difference"], d["diff_lower"], d["diff_upper"]]),
        "hovertemplate": (f"%{{y}}: %{{x:.0f}} %<br>{t('skoler.spread_school')} %{{customdata[0]:{fmt}}}, "
                          f"{t('skoler.spread_others')} %{{customdata[1]:{fmt}}}<br>{t('skoler.col.difference')} "
                          f"%{{customdata[2]:{fmt}}} (%{{customdata[3]:{fmt}}} til %{{customdata[4]:{fmt}}})"
                          "<extra></extra>"),
        "name": t("skoler.spread_share")}
    return figure_from([bar], {}, title=title, height=max(300, 120 + 44 * len(d)),
                       xaxis={"title": {"text": t("skoler.spread_share_axis")}, "rangemode": "tozero"},
                       yaxis={"type": "category", "automargin": True})


def spread_table(drivers: pd.DataFrame, comp: pd.DataFrame, decimals: int) -> tuple[pd.DataFrame, pd.Series]:
    """The drivers of the spread, then the suppressed schools (left out of the computation) as suppressed rows."""
    supp = comp[comp["suppressed"].astype(bool)]
    names = list(drivers["unit_name"]) + list(supp["school_name"])
    n = len(drivers)
    pad = [np.nan] * len(supp)
    table = pd.DataFrame({
        t("common.skole"): names,
        t("common.n"): list(drivers["n"]) + pad,
        t("skoler.col.estimate"): list(drivers["estimate"].round(decimals)) + pad,
        t("skoler.spread_others"): list(drivers["others"].round(decimals)) + pad,
        t("skoler.col.difference"): list(drivers["difference"].round(decimals)) + pad,
        t("skoler.spread_diff_interval"): [_span(a, b, decimals, " til ") for a, b in
                                           zip(drivers["diff_lower"], drivers["diff_upper"])] + [""] * len(supp),
        t("skoler.spread_share"): list((100 * drivers["contribution_share"]).round(1)) + pad,
        t("skoler.col.class"): [classification_label(c, "schools") for c in drivers["classification"]]
        + [t("common.suppressed")] * len(supp),
    })
    return table, pd.Series([False] * n + [True] * len(supp))
