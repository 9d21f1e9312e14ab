"""Draw a Plotly figure accessibly: a one-sentence text alternative and a reduced, Norwegian toolbar.

``show_chart`` replaces ``st.plotly_chart`` on every page. The text alternative (``alt``, read by
screen readers) names the figure and what it shows, and points to the table beside it that holds the
same numbers (WCAG 1.1.1). Pages may pass their own ``alt`` sentence.
"""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go
import streamlit as st

from present.strings import t

CONFIG = {"displaylogo": False}
MAX_SERIES = 6


def _plain(text: str) -> str:
    """Plotly's title markup as plain text: <br> becomes a space, other tags go, entities are decoded."""
    text = re.sub(r"<br\s*/?>", " ", text or "", flags=re.I)
    text = re.sub(r"</?[a-z][^>]*>", "", text, flags=re.I)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


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


def show_chart(fig: go.Figure, *, alt: str | None = None, config: dict | None = None, **kwargs):
    """``st.plotly_chart`` with a text alternative and the app's toolbar settings."""
    kwargs.setdefault("width", "stretch")
    return st.plotly_chart(fig, alt=alt or alt_text(fig), config={**CONFIG, **(config or {})}, **kwargs)
