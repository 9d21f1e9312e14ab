"""Shared Plotly building blocks: colour-blind-safe palette, interval error bars, suppressed markers.

Charts follow the conventions in docs/architecture.md: intervals drawn, the benchmark as a line, suppressed points visibly marked,
readable on a projector.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from present.format import fmt_number
from present.strings import t

# Okabe–Ito palette (colour-blind safe).
PALETTE = {
    "kommune": "#0072B2",
    "fylke": "#E69F00",
    "nasjonalt": "#555555",
    "peers": "#009E73",
    "skole": "#56B4E9",
    "highlight": "#D55E00",
    "svakere": "#D55E00",
    "bedre": "#009E73",
    "ikke_sikker": "#999999",
    "extra": ["#CC79A7", "#56B4E9", "#F0E442", "#009E73", "#D55E00", "#0072B2"],
}
SUPPRESSED_SYMBOL = "x-thin-open"
FONT_SIZE = 15


GRID = "#EBF0F8"
MODEBAR_REMOVE = ("zoom", "pan", "select", "lasso", "select2d", "lasso2d", "zoomin", "zoomout", "zoomIn2d",
                  "zoomOut2d", "autoscale", "autoScale2d", "resetscale", "resetScale2d", "hoverclosest",
                  "hovercompare", "togglespikelines", "toggleHover", "zoom2d", "pan2d")


def layout_dict(*, title: str | None = None, height: int = 420) -> dict:
    """The common layout (``base_layout``) as a plain dict, for figures built from dicts in one step."""
    # The legend sits a fixed ~100 px below the plot area (clear of the x-axis title) whatever the height.
    plot_height = max(150, height - 170)
    return {
        "template": "none", "title": {"text": title, "font": {"size": 17}, "x": 0, "xanchor": "left"} if title else None,
        "height": height, "font": {"size": FONT_SIZE, "color": "#222222"},
        "paper_bgcolor": "white", "plot_bgcolor": "white", "separators": ", ", "hovermode": "closest",
        "margin": {"l": 60, "r": 20, "t": 60 if title else 30, "b": 110},
        "legend": {"orientation": "h", "yanchor": "top", "y": -95 / plot_height, "x": 0},
        "hoverlabel": {"font": {"size": FONT_SIZE}},
        # Only «download as PNG» stays in Plotly's toolbar (its English titles are replaced in the browser).
        "modebar": {"remove": list(MODEBAR_REMOVE)},
    }


def axis_style() -> dict:
    """Every axis: a light grid and line, the title a little away from the ticks."""
    return {"gridcolor": GRID, "linecolor": GRID, "zerolinecolor": GRID, "zerolinewidth": 2, "automargin": True,
            "title": {"standoff": 10}}


def vline_shape(x: float, line: dict) -> dict:
    """``fig.add_vline`` as a layout shape dict (a vertical line over the whole plot height)."""
    return {"type": "line", "x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain", "line": line}


def hline_shape(y: float, line: dict) -> dict:
    """``fig.add_hline`` as a layout shape dict (a horizontal line over the whole plot width)."""
    return {"type": "line", "x0": 0, "x1": 1, "xref": "x domain", "y0": y, "y1": y, "yref": "y", "line": line}


def vrect_shape(x0: float, x1: float, fillcolor: str) -> dict:
    """``fig.add_vrect(..., line_width=0)`` as a layout shape dict (a band over the whole plot height)."""
    return {"type": "rect", "x0": x0, "x1": x1, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain",
            "fillcolor": fillcolor, "line": {"width": 0}}


def merge_layout(base: dict, extra: dict) -> dict:
    """``base`` updated by ``extra`` the way ``update_layout`` does: nested dicts merge, other values replace."""
    out = dict(base)
    for key, value in extra.items():
        out[key] = merge_layout(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def figure_from(traces: list[dict], layout: dict, *, title: str | None = None, height: int = 420,
                xaxis: dict | None = None, yaxis: dict | None = None) -> go.Figure:
    """A one-plot figure built in one step from trace dicts: ``base_layout``'s look, then ``layout`` and the
    two axes on top (what ``base_layout`` plus ``update_layout``/``update_xaxes``/``update_yaxes`` give,
    validated once instead of on every call: ≈4 times faster for a figure of ten traces)."""
    full = merge_layout(layout_dict(title=title, height=height), layout)
    for key, extra in (("xaxis", xaxis or {}), ("yaxis", yaxis or {})):
        full[key] = axis_with(merge_layout(full.get(key, {}), extra))
    return go.Figure({"data": traces, "layout": full})


def axis_with(settings: dict) -> dict:
    """``axis_style()`` updated by ``settings`` as ``base_layout`` then ``update_xaxes(**settings)`` does it: an axis
    title given replaces the styled title object (its standoff too), like ``update_xaxes(title="…")``."""
    out = merge_layout(axis_style(), settings)
    if "title" in settings:
        out["title"] = settings["title"]
    return out


def base_layout(fig: go.Figure, *, title: str | None = None, height: int = 420) -> go.Figure:
    """Common layout: white background, light grid on every axis (subplots too), large fonts, the
    legend below the plot, decimal comma. No Plotly template (``plotly_white`` costs ~30 ms a figure)."""
    fig.update_layout(layout_dict(title=title, height=height))
    fig.update_xaxes(**axis_style())
    fig.update_yaxes(**axis_style())
    return fig


def error_bars(lower, upper, estimate) -> dict:
    """Asymmetric Plotly error bars from interval limits."""
    return {
        "type": "data",
        "symmetric": False,
        "array": (upper - estimate).tolist(),
        "arrayminus": (estimate - lower).tolist(),
        "thickness": 2,
        "width": 6,
    }


# --- added for the exploration pages (utvikling, skoler, sammenlignbare) ------------------------

def rgba(hex_color: str, alpha: float) -> str:
    """'#0072B2', 0.2 -> 'rgba(0,114,178,0.2)' (for interval bands)."""
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def interval_band(fig: go.Figure, x, lower, upper, *, color: str, name: str, legendgroup: str,
                  alpha: float = 0.18, showlegend: bool = False) -> None:
    """A filled interval band, split into runs of consecutive points with an interval.

    A missing interval (suppressed year, no data) leaves a gap; the band never bridges it.
    """
    xs, lo, hi = list(x), list(lower), list(upper)
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, (a, b) in enumerate(zip(lo, hi)):
        ok = a is not None and b is not None and a == a and b == b  # not NaN
        if ok:
            cur.append(i)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    first = True
    for run in runs:
        if len(run) == 1:  # a single year: a short vertical bar instead of a band
            i = run[0]
            fig.add_trace(go.Scatter(
                x=[xs[i], xs[i]], y=[lo[i], hi[i]], mode="lines", line={"color": rgba(color, 0.5), "width": 8},
                name=name, legendgroup=legendgroup, showlegend=showlegend and first, hoverinfo="skip"))
        else:
            fig.add_trace(go.Scatter(
                x=[xs[i] for i in run] + [xs[i] for i in reversed(run)],
                y=[hi[i] for i in run] + [lo[i] for i in reversed(run)],
                fill="toself", fillcolor=rgba(color, alpha), line={"width": 0}, mode="lines",
                name=name, legendgroup=legendgroup, showlegend=showlegend and first, hoverinfo="skip"))
        first = False


def add_suppressed_strip(fig: go.Figure, x, *, color: str, name: str, legendgroup: str, hover: str,
                         y: float = 0.03) -> None:
    """Mark suppressed points as crosses along the bottom of the plot (never at 0 on the value axis).

    Uses an invisible overlaying axis ``y9`` with range 0..1, so the marks sit at the bottom edge
    whatever the value scale.
    """
    xs = list(x)
    if not xs:
        return
    fig.add_trace(go.Scatter(
        x=xs, y=[y] * len(xs), yaxis="y9", mode="markers", name=name, legendgroup=legendgroup,
        marker={"symbol": SUPPRESSED_SYMBOL, "size": 14, "color": color, "line": {"width": 3, "color": color}},
        hovertemplate="%{x}: " + hover + "<extra></extra>", showlegend=False))
    fig.update_layout(yaxis9={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True})


# --- panels: shared helpers of the report's school small multiples -------------------------------

PANEL_COLS = 3


PRINT_TITLE_WIDTH = 38  # characters per line of a report panel title before it wraps


def panel_title(label: str, width: int) -> str:
    """A panel title wrapped on lines of at most ``width`` characters (long labels, e.g. mobbing)."""
    return "<br>".join(textwrap.wrap(label, width)) or label


def match_key(df: pd.DataFrame, key: tuple[str, str, int]) -> pd.DataFrame:
    """Rows of one (indicator, subject, trinn)."""
    return df[(df["indicator"] == key[0]) & (df["subject"] == key[1]) & (df["trinn"] == key[2])]


def suppressed_marker() -> dict:
    """The marker of a suppressed figure (a cross in the highlight colour; the word «skjermet» beside it)."""
    return {"symbol": SUPPRESSED_SYMBOL, "size": 14, "color": PALETTE["highlight"],
            "line": {"width": 2, "color": PALETTE["highlight"]}}


def add_panel_traces(fig: go.Figure, traces: list[dict], rows: list[int], cols: list[int]) -> go.Figure:
    """Add all traces in one call (much faster than one by one), one legend entry per name."""
    seen: set[str] = set()
    for tr in traces:
        if tr.get("showlegend", True) and tr.get("name") not in seen:
            tr["showlegend"] = True
            seen.add(tr.get("name"))
        else:
            tr["showlegend"] = False
    fig.add_traces(traces, rows=rows, cols=cols)
    return fig


# --- the uttrekk model: each school's share of possible risk points (page and report) ---------------

def school_shares_figure(schools: pd.DataFrame, kommune_share: float, top_threshold: float, title: str) -> go.Figure:
    """Horizontal bars: each school's share of possible risk points; the kommune and the national top-group line.

    ``schools``: ``UttrekkResult.kommune_schools`` (school_name, share, top, ranked).
    """
    s = schools[schools["share"].notna()].sort_values("share")
    colors = [PALETTE["highlight"] if bool(top) else PALETTE["kommune"] for top in s["top"]]
    fig = go.Figure(go.Bar(
        x=s["share"], y=s["school_name"], orientation="h", marker={"color": colors},
        text=[f"{fmt_number(v, 0)} %" for v in s["share"]], textposition="outside",
        name=t("chart.school_share"), showlegend=False))
    if not math.isnan(kommune_share):
        fig.add_vline(x=kommune_share, line={"color": PALETTE["nasjonalt"], "width": 3})
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=t("chart.kommune_share"),
                                 line={"color": PALETTE["nasjonalt"], "width": 3}))
    if np.isfinite(top_threshold):
        fig.add_vline(x=top_threshold, line={"color": PALETTE["highlight"], "width": 2, "dash": "dash"})
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines",
                                 name=t("chart.top_group_line"),
                                 line={"color": PALETTE["highlight"], "width": 2, "dash": "dash"}))
    base_layout(fig, title=title, height=max(300, 48 * len(s) + 170))
    fig.update_xaxes(title=t("chart.share_axis"), range=[0, 110])
    return fig
