"""Shared Plotly building blocks: colour-blind-safe palette, interval error bars, suppressed markers.

Charts follow DESIGN §4: intervals drawn, the benchmark as a line, suppressed points visibly marked,
readable on a projector.
"""

from __future__ import annotations

import plotly.graph_objects as go

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


def base_layout(fig: go.Figure, *, title: str | None = None, height: int = 420) -> go.Figure:
    """Common layout: large fonts, white background, legend below the plot."""
    fig.update_layout(
        title=title,
        height=height,
        template="plotly_white",
        font={"size": FONT_SIZE},
        margin={"l": 60, "r": 20, "t": 60 if title else 30, "b": 60},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        hoverlabel={"font_size": FONT_SIZE},
    )
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
