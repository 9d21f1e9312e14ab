"""Kommune reforms on charts: a vertical line with a label where today's kommune was formed by a merger or
came out of a split (``data.succession.events``), and the sentence that explains a series break.

Streamlit-free; works on Plotly figures whose x axis holds school years as categories.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from data import succession
from present.strings import t

MARKED_KINDS = ("sammenslåing", "deling")


def _names(numbers: Sequence[str], year: int) -> str:
    names = [succession.name(n, year - 1) or n for n in numbers]
    unique = list(dict.fromkeys(names))
    return ", ".join(unique[:-1]) + f" {t('window.and')} " + unique[-1] if len(unique) > 1 else "".join(unique)


def reform_events(kommune_id: str, periods: Sequence[str]) -> list[tuple[str, str]]:
    """(first school year under the new kommune, label) for each merger or split inside the plotted years."""
    shown = [str(p) for p in periods]
    out = []
    for ev in succession.events(str(kommune_id)):
        if ev.kind not in MARKED_KINDS or ev.period not in shown or ev.period == shown[0]:
            continue
        key = "reform.merger" if ev.kind == "sammenslåing" else "reform.split"
        out.append((ev.period, t(key, year=ev.year, names=_names(ev.predecessors, ev.year))))
    return out


def chart_periods(fig: go.Figure) -> list[str]:
    """The school years of a figure's category x axis, in drawn order (``categoryarray``)."""
    return [str(p) for p in (fig.layout.xaxis.categoryarray or ())]


def add_reform_markers(fig: go.Figure, kommune_id: str, periods: Sequence[str] | None = None,
                       panels: bool = False) -> list[str]:
    """Draw a dashed vertical line between the last year before and the first year after each reform
    (category axis: halfway between the two positions) with its label; return the labels for the caption.

    ``periods``: the years on the x axis in order; None reads them from the figure (``chart_periods``).
    ``panels``: the figure is small multiples; the line goes into every panel and the label only into the
    returned list (the caller puts it under the chart: one label per panel would crowd it)."""
    shown = [str(p) for p in periods] if periods is not None else chart_periods(fig)
    labels = []
    for period, label in reform_events(kommune_id, shown):
        x = shown.index(period) - 0.5
        line = {"dash": "dash", "width": 1.5, "color": "#555555"}
        if panels:
            fig.add_vline(x=x, line=line, row="all", col="all")
        else:
            fig.add_vline(x=x, line=line)
            fig.add_annotation(x=x, y=1.0, yref="paper", text=label, showarrow=False, xanchor="left",
                               yanchor="bottom", font={"size": 12})
        labels.append(label)
    return labels


def split_break_text(kommune_id: str) -> str | None:
    """The series-break sentence for today's kommune that came out of a split, else None."""
    for ev in succession.events(str(kommune_id)):
        if ev.kind == "deling":
            old = ev.predecessors[0]
            return t("reform.split_break", kommune=succession.name(kommune_id) or kommune_id,
                     old=succession.name(old, ev.year - 1) or old, number=old, period=ev.period)
    return None
