"""Findings on charts: markers on any Plotly figure (one trace per kind, text on hover, HTML-escaped)
and the small chart of the data a finding links to."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from data.catalogue import INDICATORS
from data.findings import Finding, IndicatorLink, vocab
from present.strings import t
from ui.findings_common import KIND_STYLE, _token, _who, hover_escape, link_label, md_escape

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------------------------
# Charts
# ------------------------------------------------------------------------------------------------
def add_finding_markers(
    fig: go.Figure,
    findings: Sequence[Finding],
    *,
    y_by_x: Mapping[Any, float] | Callable[[Any], float | None] | None = None,
    x_of: Callable[[Finding], Sequence[Any]] | None = None,
    x_values: Sequence[Any] | None = None,
    fallback_x: Any = None,
    row: int | None = None,
    col: int | None = None,
    showlegend: bool = True,
    horizontal: bool = False,
) -> go.Figure:
    """Add findings as markers (one trace per kind, text on hover) to a Plotly figure.

    - ``x_of(finding)``: the x positions of a finding (default: its school years);
    - ``x_values``: the x positions the chart shows (others are dropped; default: keep all);
    - ``fallback_x``: where a finding without a usable x goes (e.g. the last school year); None: left out;
    - ``y_by_x``: the y of a marker at x (a dict or function; e.g. the kommune's value). Where it gives
      no number, the marker sits on the top edge of the plot (an overlaying 0..1 axis);
    - ``row``/``col``: the subplot of a figure made with ``make_subplots`` (markers without a y are
      then left out, since the top-edge axis belongs to the whole figure);
    - ``horizontal``: the chart's categories are on the y axis (dot-and-whisker per school): the
      positions from ``x_of`` become y and the values from ``y_by_x`` become x.
    """
    cell = {"row": row, "col": col} if row is not None else {}
    x_of = x_of or (lambda f: list(f.periods))
    shown = set(x_values) if x_values is not None else None

    def y_at(x):
        if y_by_x is None:
            return None
        v = y_by_x(x) if callable(y_by_x) else y_by_x.get(x)
        try:
            v = float(v)
        except (TypeError, ValueError):
            return None
        return None if v != v else v

    by_kind: dict[str, dict[str, list]] = {}
    for f in findings:
        xs = [x for x in x_of(f) if shown is None or x in shown]
        if not xs and fallback_x is not None:
            xs = [fallback_x]
        for x in xs:
            y = y_at(x)
            d = by_kind.setdefault(f.kind, {"x": [], "y": [], "x_top": [], "hover": [], "hover_top": []})
            hover = (f"<b>{html.escape(f.kind_label)}</b> ({html.escape(f.status_label)})<br>"
                     f"{hover_escape(f.text)}<br><i>{html.escape(_who(f.author_name, f.author_role))}</i>")
            if y is None:
                d["x_top"].append(x)
                d["hover_top"].append(hover)
            else:
                d["x"].append(x)
                d["y"].append(y)
                d["hover"].append(hover)
    used_top = False
    for kind in vocab.KINDS:
        d = by_kind.get(kind)
        if not d:
            continue
        style = KIND_STYLE[kind]
        marker = {"symbol": style["symbol"], "size": 18, "color": style["color"],
                  "line": {"width": 2, "color": "white"}}
        name = t("funn.marker_legend", kind=vocab.KINDS[kind])
        if d["x"]:
            xs, ys = (d["y"], d["x"]) if horizontal else (d["x"], d["y"])
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers", marker=marker, name=name,
                                     legendgroup=f"funn_{kind}", hovertext=d["hover"], showlegend=showlegend,
                                     hovertemplate="%{hovertext}<extra></extra>"), **cell)
        if d["x_top"] and not cell and not horizontal:
            used_top = True
            fig.add_trace(go.Scatter(x=d["x_top"], y=[0.96] * len(d["x_top"]), yaxis="y8", mode="markers",
                                     marker=marker, name=name, legendgroup=f"funn_{kind}",
                                     showlegend=not d["x"], hovertext=d["hover_top"],
                                     hovertemplate="%{hovertext}<extra></extra>"))
    if used_top:
        fig.update_layout(yaxis8={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True})
    return fig



@st.cache_data(show_spinner=False, max_entries=256)
def linked_series(token: str, kommune_id: str, indicator: str, subject: str, trinn: int | None,
                  schools: tuple[str, ...]) -> tuple[pd.DataFrame, str, int | None]:
    """Kommune (and linked schools') figures with intervals, plus the national figure, for a small chart.

    Returns (rows with period/unit/estimate/lower/upper/ci_method/suppressed/level, subject, trinn);
    a link without subject/trinn uses the first one with data for the kommune.
    """
    import data
    from analysis.intervals import add_intervals

    df = data.load_dataset()
    sl = df[(df["indicator"] == indicator) & (df["kjonn"] == "alle")]
    own = sl[(sl["kommune_id"] == kommune_id) & (sl["level"] == "kommune")]
    if not subject:
        subs = [s for s in INDICATORS[indicator].subjects if s in set(own["subject"].astype(str))]
        subject = subs[0] if subs else ""
    if trinn is None:
        tr = sorted(int(x) for x in own.loc[own["subject"] == subject, "trinn"].dropna().unique())
        trinn = tr[0] if tr else None
    if trinn is None:
        return pd.DataFrame(), subject, None
    sl = sl[(sl["subject"] == subject) & (sl["trinn"] == trinn)]
    rows = sl[((sl["level"] == "kommune") & (sl["unit_id"] == kommune_id))
              | ((sl["level"] == "skole") & (sl["unit_id"].isin(list(schools))))
              | (sl["level"] == "nasjonalt")]
    out = add_intervals(rows.copy())
    cols = ["level", "unit_id", "unit_name", "period", "estimate", "lower", "upper", "ci_method", "suppressed"]
    out = out[cols].astype({"level": str, "unit_id": str, "unit_name": str, "period": str})
    return out.sort_values(["level", "unit_id", "period"]).reset_index(drop=True), subject, trinn


def finding_figure(f: Finding) -> go.Figure | None:
    """A small chart of the data a finding links to (its first indicator link): the kommune and linked
    schools with 95 % intervals, the national line, and the finding's school years marked."""
    from present.charts import PALETTE, base_layout, error_bars

    link = f.indicators[0]
    try:
        rows, subject, trinn = linked_series(_token(), f.kommune_id, link.indicator, link.subject, link.trinn,
                                             tuple(f.schools))
    except Exception:  # noqa: BLE001
        log.exception("linked_series failed")
        return None
    if rows.empty or rows.loc[rows["level"] != "nasjonalt", "estimate"].notna().sum() == 0:
        return None
    fig = go.Figure()
    nat = rows[rows["level"] == "nasjonalt"]
    if not nat.empty:
        fig.add_trace(go.Scatter(x=nat["period"], y=nat["estimate"], mode="lines", name=t("funn.chart_national"),
                                 line={"color": PALETTE["nasjonalt"], "dash": "dash", "width": 2}))
    colors = [PALETTE["kommune"], *PALETTE["extra"]]
    for i, (uid, g) in enumerate(rows[rows["level"] != "nasjonalt"].groupby(["level", "unit_id"], sort=False)):
        g = g[g["estimate"].notna()]
        if g.empty:
            continue
        ok = g["lower"].notna()
        fig.add_trace(go.Scatter(
            x=g["period"], y=g["estimate"], mode="lines+markers", name=str(g["unit_name"].iloc[0]),
            line={"color": colors[i % len(colors)], "width": 3},
            error_y=error_bars(g["lower"].where(ok, g["estimate"]), g["upper"].where(ok, g["estimate"]),
                               g["estimate"]),
            hovertemplate="%{x}: %{y:.1f}<extra>" + html.escape(str(g["unit_name"].iloc[0])) + "</extra>"))
    for p in f.periods:
        if p in set(rows["period"]):
            fig.add_vrect(x0=p, x1=p, line={"color": KIND_STYLE.get(f.kind, {}).get("color", "#999"), "width": 6},
                          opacity=0.35)
    base_layout(fig, title=link_label(IndicatorLink(link.indicator, subject, trinn)), height=260)
    fig.update_layout(font={"size": 12}, title={"font": {"size": 13}}, margin={"l": 40, "r": 10, "t": 40, "b": 50},
                      showlegend=False)
    fig.update_xaxes(tickangle=-45, tickfont={"size": 10})
    methods = sorted({m for m in rows["ci_method"].dropna().astype(str) if m})
    fig.update_layout(meta={"methods": methods})
    return fig


def finding_chart(f: Finding, *, key: str) -> None:
    """Draw ``finding_figure`` with the interval method underneath (or a short note if no data)."""
    fig = finding_figure(f) if f.indicators else None
    if fig is None:
        st.caption(t("funn.chart_none"))
        return
    st.plotly_chart(fig, width="stretch", key=key, config={"displayModeBar": False})
    methods = (fig.layout.meta or {}).get("methods") or []
    if methods:
        st.caption(md_escape(t("funn.chart_method", methods="; ".join(methods))))
