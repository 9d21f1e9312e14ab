"""The spine chart (Fingertips style): every uttrekk indicator of a kommune on one screen.

One row per indicator: the range of the kommuner (lightest bar: lowest to highest, darker bar: the
middle half), centred on the benchmark (a vertical line), better always to the right; the kommune as
a marker whose colour AND shape give the verdict (Okabe–Ito colours, a different symbol each); the
second benchmark (fylke, or the nation when the fylke is the benchmark) as a vertical tick; the
kommune's value, n (or «skjermet») and the benchmark's value as text columns on the right.
Input: ``analysis.spine.spine_table``. No Streamlit.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data.catalogue import INDICATORS
from present.charts import PALETTE
from present.format import fmt_interval, fmt_number
from present.strings import t
from present.verdicts import verdict_label, verdict_sentence

# Verdict -> (colour, symbol). Colour and shape both carry the verdict (never colour alone).
VERDICT_STYLE: dict[str, tuple[str, str]] = {
    "svakere": (PALETTE["svakere"], "triangle-left"),
    "bedre": (PALETTE["bedre"], "triangle-right"),
    "ikke_sikker": ("#FFFFFF", "circle"),
    "lavere": ("#FFFFFF", "diamond"),
    "hoyere": ("#FFFFFF", "diamond"),
}
LEGEND_VERDICTS = ("svakere", "ikke_sikker", "bedre")
RANGE_COLOUR = "#DDDDDD"
MID_COLOUR = "#A6A6A6"
OUTLINE = "#333333"
TRACE_META = "spine-kommune"
SECOND_NATIONAL = "#CC79A7"  # the nation as the second mark: not the grey of the centre line


def spine_label(row) -> str:
    """Short row label: «Mestringsnivå 1, lesing 5. trinn»."""
    code = str(row["indicator"])
    try:
        name = t(f"spine.short.{code}")
    except KeyError:
        name = INDICATORS[code].label if code in INDICATORS else code
    subject = str(row["subject"])
    trinn = f"{int(row['trinn'])}. trinn"
    return f"{name}, {subject} {trinn}" if subject else f"{name}, {trinn}"


def _value_text(row) -> str:
    if bool(row["suppressed"]):
        return t("common.suppressed")
    return fmt_number(row["estimate"], INDICATORS[str(row["indicator"])].decimals)


def _n_text(row) -> str:
    return "" if bool(row["suppressed"]) or pd.isna(row["n"]) else fmt_number(row["n"], 0)


def _bars(traces: list, spine: pd.DataFrame, labels: list[str], benchmark: str, bar_px: int) -> None:
    """The range bars and the centre line, with one legend entry each."""
    for lo, hi, colour, width, name in (
        ("pos_worst", "pos_best", RANGE_COLOUR, bar_px, t(f"spine.legend.range.{benchmark}")),
        ("pos_q_worst", "pos_q_best", MID_COLOUR, bar_px, t("spine.legend.mid")),
    ):
        xs, ys = [], []
        for label, (_, r) in zip(labels, spine.iterrows()):
            xs += [r[lo], r[hi], None]
            ys += [label, label, None]
        traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "line": {"color": colour, "width": width},
                       "name": name, "hoverinfo": "skip", "legendrank": 10})
    traces.append({
        "type": "scatter", "x": [0, 0], "y": [labels[0], labels[-1]], "mode": "lines",
        "line": {"color": OUTLINE, "width": 3}, "name": t(f"spine.legend.benchmark.{benchmark}"), "hoverinfo": "skip",
        "legendrank": 20})


def _second(traces: list, spine: pd.DataFrame, labels: list[str], benchmark: str, size: int) -> None:
    ok = spine["pos_second"].notna().to_numpy()
    colour = PALETTE["fylke"] if benchmark == "nasjonalt" else SECOND_NATIONAL
    traces.append({
        "type": "scatter", "x": spine.loc[ok, "pos_second"].tolist(), "y": [lab for lab, k in zip(labels, ok) if k],
        "mode": "markers", "marker": {"symbol": "line-ns", "size": size * 1.6, "line": {"width": 4, "color": colour}},
        "name": t(f"spine.legend.second.{benchmark}"), "legendrank": 30,
        "hovertemplate": "%{y}<br>" + t(f"spine.legend.second.{benchmark}") + "<extra></extra>"})


def _kommune_marks(traces: list, spine: pd.DataFrame, labels: list[str], reference: str, size: int) -> None:
    """One trace per verdict; every verdict in the legend even when absent (the legend explains all)."""
    codes = spine["classification"].astype(str)
    for code in list(LEGEND_VERDICTS) + [c for c in ("lavere", "hoyere") if (codes == c).any()]:
        colour, symbol = VERDICT_STYLE[code]
        rows = spine[(codes == code).to_numpy() & spine["pos_kommune"].notna().to_numpy()]
        ys = [labels[i] for i in rows.index]
        hover = [t("spine.hover", label=ys[j], value=fmt_interval(r), sentence=verdict_sentence(
            code, reference=reference, direction=int(r["direction"]), suppressed=bool(r["suppressed"])))
            for j, (_, r) in enumerate(rows.iterrows())]
        traces.append({
            "type": "scatter", "x": rows["pos_kommune"].tolist() if len(rows) else [None],
            "y": ys if len(rows) else [None], "mode": "markers",
            "marker": {"symbol": symbol, "size": size, "color": colour, "line": {"width": 2, "color": OUTLINE}},
            "name": verdict_label(code, reference), "meta": f"{TRACE_META}:{code}", "customdata": list(rows.index),
            "hovertext": hover, "hoverinfo": "text", "legendrank": 1})


def _columns(spine: pd.DataFrame, labels: list[str], benchmark: str, font: int) -> list[dict]:
    """Text columns right of the plot: the kommune's value, n, the benchmark's value (as annotations).

    Returned as plain dicts and set on the layout in one go: ``fig.add_annotation`` re-validates every
    annotation already there on each call (quadratic; ≈0.1 s per chart with 3 × 20 cells).
    """
    heads = (t("spine.col.kommune"), t("spine.col.n"), t(f"spine.col.benchmark.{benchmark}"))
    xs = (0.66, 0.82, 0.91)
    notes = [{"x": x, "y": 1, "xref": "paper", "yref": "paper", "yanchor": "bottom", "xanchor": "left",
              "text": f"<b>{head}</b>", "showarrow": False, "font": {"size": font}} for x, head in zip(xs, heads)]
    suppressed = t("common.suppressed")
    for label, (_, r) in zip(labels, spine.iterrows()):
        d = INDICATORS[str(r["indicator"])].decimals
        cells = (_value_text(r), _n_text(r), fmt_number(r["benchmark_value"], d))
        for x, text in zip(xs, cells):
            notes.append({"x": x, "y": label, "xref": "paper", "yref": "y", "xanchor": "left", "showarrow": False,
                          "text": f"<i>{text}</i>" if text == suppressed else text, "font": {"size": font}})
    return notes


def spine_figure(spine: pd.DataFrame, *, title: str | None = None, font_size: int = 15,
                 row_px: int = 46) -> go.Figure:
    """The spine chart for ``analysis.spine.spine_table`` output (one benchmark)."""
    spine = spine.reset_index(drop=True)
    benchmark = str(spine["benchmark"].iloc[0])
    labels = [spine_label(r) for _, r in spine.iterrows()]
    traces: list[dict] = []  # plain dicts: the figure is validated once, when it is built (≈4 times faster)
    _bars(traces, spine, labels, benchmark, bar_px=int(row_px * 0.4))
    _second(traces, spine, labels, benchmark, size=int(font_size * 1.1))
    _kommune_marks(traces, spine, labels, benchmark, size=int(font_size * 1.25))
    notes = _columns(spine, labels, benchmark, font_size)
    for x, key, anchor in ((-1.05, "spine.worse_side", "left"), (1.05, "spine.better_side", "right")):
        notes.append({"x": x, "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom", "xanchor": anchor,
                      "showarrow": False, "text": f"<b>{t(key)}</b>", "font": {"size": font_size}})
    top = 60 + (font_size * 2 if title else 0)
    layout = {
        "annotations": notes, "template": "none", "height": top + row_px * len(spine) + 40 + font_size * 5,
        "paper_bgcolor": "white", "plot_bgcolor": "white", "font": {"size": font_size, "color": "#222222"},
        "separators": ", ",
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": font_size + 2}} if title else None,
        "margin": {"l": 10, "r": 10, "t": top, "b": 10 + font_size * 5},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0, "font": {"size": font_size},
                   "traceorder": "normal"},
        "hoverlabel": {"font": {"size": font_size}}, "showlegend": True,
        "xaxis": {"range": [-1.08, 1.08], "visible": False, "fixedrange": True, "domain": [0, 0.62]},
        "yaxis": {"categoryorder": "array", "categoryarray": labels[::-1], "autorange": True, "fixedrange": True,
                  "automargin": True, "showgrid": True, "gridcolor": "#F2F2F2", "ticks": "", "ticksuffix": "  "},
    }
    return go.Figure({"data": traces, "layout": layout})


def spine_table_view(spine: pd.DataFrame) -> pd.DataFrame:
    """The table view of exactly what the chart shows (Norwegian numbers, «skjermet» as text)."""
    reference = str(spine["benchmark"].iloc[0]) if len(spine) else "nasjonalt"
    rows = []
    for _, r in spine.iterrows():
        d = INDICATORS[str(r["indicator"])].decimals
        rows.append({
            t("spine.col.indikator"): spine_label(r),
            t("spine.col.verdi"): fmt_interval(r),
            t("common.n"): _n_text(r),
            t("spine.col.vurdering"): verdict_label(str(r["classification"]), reference),
            t("spine.col.benchmark"): fmt_number(r["benchmark_value"], d),
            t("spine.col.range"): (f"{fmt_number(r['range_min'], d)}–{fmt_number(r['range_max'], d)}"
                                   if pd.notna(r["range_min"]) else ""),
        })
    return pd.DataFrame(rows)
