"""Draw a Plotly figure accessibly: a one-sentence text alternative and a reduced, Norwegian toolbar.

``show_chart`` replaces ``st.plotly_chart`` on every page. The text alternative (``alt``, read by
screen readers) names the figure and what it shows, and points to the table beside it that holds the
same numbers (WCAG 1.1.1). Pages may pass their own ``alt`` sentence.

``show_chart(..., drawn=True)`` is for the charts a room sees first (Oversikt): the figure is drawn on the
server as SVG (``present.svg``, the same drawing as in the PDF report) and shown inline, with every marker's
hover text as a tooltip. The browser then needs no Plotly (≈1,4 MB of JavaScript to compile and a chart to
lay out: about 2 s of a new session on a 2-core machine, issue 16). A switch under the chart, «Utforsk
diagrammet», swaps in the interactive Plotly chart (zoom, hover boxes) for that session. A figure the SVG
renderer cannot draw falls back to Plotly.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go
import streamlit as st

from present.strings import t
from present.svg import UnsupportedFigure, figure_to_svg, plain

CONFIG = {"displaylogo": False}
MAX_SERIES = 6


def _plain(text: str) -> str:
    """Plotly's title markup as plain text on one line: <br> becomes a space, other tags go, entities are
    decoded (``present.svg.plain``)."""
    return re.sub(r"\s+", " ", plain(re.sub(r"<br\s*/?>", " ", text or "", flags=re.I))).strip()


def alt_text(fig: go.Figure) -> str:
    """'Figur: <title>. Viser <series>. Tallene står i tabellen ved figuren.'"""
    title = _plain(fig.layout.title.text or "") if fig.layout.title else ""
    names = []
    for tr in fig.data:
        name = _plain(getattr(tr, "name", None) or "")
        if name and name not in names and getattr(tr, "showlegend", None) is not False:
            names.append(name)
    series = ", ".join(names[:MAX_SERIES])
    if len(names) > MAX_SERIES:
        series += t("chart.alt_more", n=len(names) - MAX_SERIES)
    return t("chart.alt", title=title or t("chart.alt_untitled"), series=series or t("chart.alt_no_series"))


SVG_WIDTH = 900  # the drawing's own width in px; the page scales it to its column (fonts scale with it)
SVG_FONT = '"Source Sans", "Source Sans Pro", sans-serif'  # Streamlit's own font, as in the Plotly charts


def drawn_svg(fig: go.Figure, alt: str) -> str | None:
    """The figure as inline SVG for the page (``present.svg.figure_to_svg`` with tooltips, ``role="img"`` and
    the text alternative), or None if the renderer cannot draw it. A frozen (cached, shared) figure keeps
    its drawing, so it is drawn once per figure, not per run."""
    memo = getattr(fig, "_drawn", None)
    if memo is not None and alt in memo:
        return memo[alt]
    try:
        svg = figure_to_svg(fig, SVG_WIDTH, tooltips=True, font=SVG_FONT, attrs={
            "class": "ub-chart", "role": "img", "aria-label": alt, "style": "width:100%;height:auto;display:block"})
    except UnsupportedFigure:
        svg = None
    if hasattr(fig, "_frozen_dict"):  # FrozenFigure: read-only after building, so its drawing can be kept
        fig._drawn = {**(memo or {}), alt: svg}
    return svg


def show_chart(fig: go.Figure, *, alt: str | None = None, config: dict | None = None, drawn: bool = False,
               **kwargs):
    """``st.plotly_chart`` with a text alternative and the app's toolbar settings; with ``drawn=True`` (and a
    ``key``) the server-drawn SVG first, and a switch to the interactive chart (see the module docstring)."""
    kwargs.setdefault("width", "stretch")
    alt = alt or alt_text(fig)
    plot = {"alt": alt, "config": {**CONFIG, **(config or {})}, **kwargs}
    if drawn and kwargs.get("key"):
        box = st.container()  # the chart above its switch
        interactive = st.toggle(t("chart.interactive"), key=f"{kwargs['key']}_interaktiv",
                                help=t("chart.interactive_help"))
        svg = None if interactive else drawn_svg(fig, alt)
        if svg is not None:
            box.markdown(svg, unsafe_allow_html=True)  # our own SVG: every text in it is escaped (present.svg)
            return None
        return box.plotly_chart(fig, **plot)
    return st.plotly_chart(fig, **plot)
