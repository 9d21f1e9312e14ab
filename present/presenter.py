"""Presentation mode: the utfordringsbilde as a sequence of full-screen screens (no Streamlit).

Each ``Screen`` holds one message as a plain sentence, optionally a large-type figure or a list of
findings. Order: start, the spine chart, the chosen indicators (surely worse first, then surely
better), the schools, styrker, utfordringer and open questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from data.catalogue import INDICATORS
from present.charts import PALETTE, SUPPRESSED_SYMBOL, error_bars
from present.format import count_text, fmt_number
from present.spine_chart import spine_figure, spine_label
from present.strings import t, verbatim
from present.verdicts import verdict_sentence, verdict_summary
from present.window import span_text

FONT = 20  # chart text at presentation size (≥ 18 px at 1920×1080)
QUESTION_KINDS = ("sporsmal", "hypotese")
MAX_INDICATORS = 4


@dataclass
class Screen:
    """One screen: a title, one plain sentence, and a figure or a list of items (plain text)."""

    key: str
    title: str
    sentence: str
    figure: go.Figure | None = None
    items: list[str] = field(default_factory=list)
    note: str = ""


def chosen_indicators(spine: pd.DataFrame, limit: int = MAX_INDICATORS) -> list[int]:
    """Row positions of the indicators worth a screen: surely worse first, then surely better."""
    codes = spine["classification"].astype(str).tolist()
    worse = [i for i, c in enumerate(codes) if c == "svakere"]
    better = [i for i, c in enumerate(codes) if c == "bedre"]
    return (worse + better)[:limit]


def indicator_figure(yearly: pd.DataFrame, font_size: int = FONT) -> go.Figure:
    """One indicator year by year: the kommune with its interval, fylke and nation; years in order;
    a suppressed year as a labelled gap at the bottom of the plot (never on a benchmark line)."""
    g = yearly.sort_values("period")
    ok = g[g["lower"].notna()]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=g["period"], y=g["nasjonalt_estimate"], mode="lines", name=t("common.nasjonalt"),
                             line={"color": PALETTE["nasjonalt"], "width": 4}))
    fig.add_trace(go.Scatter(x=g["period"], y=g["fylke_estimate"], mode="lines+markers", name=t("common.fylke"),
                             line={"color": PALETTE["fylke"], "dash": "dot", "width": 3},
                             marker={"symbol": "diamond", "size": 12}))
    fig.add_trace(go.Scatter(x=ok["period"], y=ok["estimate"], mode="markers", name=t("common.kommune"),
                             marker={"color": PALETTE["kommune"], "size": 18},
                             error_y=error_bars(ok["lower"], ok["upper"], ok["estimate"]) | {"thickness": 3}))
    supp = g[g["suppressed"].astype(bool)]
    if len(supp):
        fig.add_trace(go.Scatter(
            x=supp["period"], y=[0.04] * len(supp), yaxis="y9", mode="markers+text", name=t("common.suppressed"),
            text=[t("common.suppressed")] * len(supp), textposition="top center",
            marker={"symbol": SUPPRESSED_SYMBOL, "size": 16, "color": PALETTE["highlight"], "line": {"width": 3}}))
        fig.update_layout(yaxis9={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True})
    ind = INDICATORS[str(g["indicator"].iloc[0])]
    fig.update_layout(
        template="none", height=480, font={"size": font_size, "color": "#222222"}, separators=", ",
        paper_bgcolor="white", plot_bgcolor="white", margin={"l": 80, "r": 20, "t": 20, "b": 110},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0}, hoverlabel={"font_size": font_size})
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=list(g["period"]), gridcolor="#EBF0F8")
    fig.update_yaxes(title={"text": ind.unit_of_measure}, gridcolor="#EBF0F8", automargin=True)
    return fig


def spine_sentence(spine: pd.DataFrame) -> str:
    """The spine chart's message: how many indicators are surely worse and surely better."""
    codes = spine["classification"].astype(str).tolist()
    worse, better = codes.count("svakere"), codes.count("bedre")
    if worse + better == 0:
        return t("presenter.spine.none")
    return t("presenter.spine.some", svakere=worse, bedre=better, total=len(codes))


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {t('presenter.and')} " + names[-1]


def schools_sentence(comp: pd.DataFrame) -> str:
    """The schools' message in one sentence: which are surely worse (or better) than the rest."""
    with_figures = comp[~comp["suppressed"].astype(bool)] if len(comp) else comp
    if len(with_figures) <= 1:
        return t("presenter.schools.one", schools=count_text(len(with_figures), t("presenter.school"),
                                                               t("presenter.schools_word")))
    codes = comp["classification"].astype(str)
    worse = comp.loc[codes == "svakere", "school_name"].astype(str).tolist()
    better = comp.loc[codes == "bedre", "school_name"].astype(str).tolist()
    if worse:
        return t("presenter.schools.worse", names=_join(worse))
    if better:
        return t("presenter.schools.better", names=_join(better))
    return t("presenter.schools.none")


def _finding_screens(findings: list) -> list[Screen]:
    live = [f for f in findings if getattr(f, "status", "") != "forkastet"]
    out = []
    for key, kinds in (("styrker", ("styrke",)), ("utfordringer", ("utfordring",)), ("questions", QUESTION_KINDS)):
        items = [t("presenter.hypothesis", text=verbatim(f.text)) if f.kind == "hypotese" else f.text
                 for f in live if f.kind in kinds]
        sentence = t(f"presenter.sentence.{key}") if items else t(f"presenter.none.{key}")
        out.append(Screen(key, t(f"presenter.title.{key}"), sentence, items=items))
    return out


def indicator_screen(row: pd.Series, yearly: pd.DataFrame, periods: list[str]) -> Screen:
    d = INDICATORS[str(row["indicator"])].decimals
    label = spine_label(row)
    sentence = verdict_sentence(str(row["classification"]), direction=int(row["direction"]),
                                suppressed=bool(row["suppressed"]))
    note = t("presenter.values", value=fmt_number(row["estimate"], d), national=fmt_number(row["nasjonalt_estimate"], d),
             fylke=fmt_number(row["fylke_estimate"], d), window=span_text(periods))
    mine = yearly[(yearly["indicator"] == row["indicator"]) & (yearly["subject"] == row["subject"])
                  & (yearly["trinn"].astype(int) == int(row["trinn"]))]
    return Screen(f"ind-{int(row['order'])}", t("presenter.title.indicator", label=label), sentence,
                  figure=indicator_figure(mine) if len(mine) else None, note=note)


def build_screens(kommune_name: str, spine: pd.DataFrame, yearly: pd.DataFrame, periods: list[str],
                  schools: tuple[pd.Series, pd.DataFrame, go.Figure | None] | None, findings: list) -> list[Screen]:
    """The whole sequence for one kommune (``spine`` from ``analysis.spine.spine_table`` against the nation,
    ``yearly`` from ``analysis.overview.overview_by_year``, ``schools`` = (indicator row, school comparison,
    figure) or None, ``findings`` the kommune's live findings)."""
    screens = [Screen("start", t("presenter.title.start", kommune=kommune_name),
                      t("presenter.sentence.start", window=span_text(periods)))]
    if spine.empty:
        screens.append(Screen("spine", t("presenter.title.spine"), t("presenter.no_data")))
    else:
        fig = spine_figure(spine, font_size=18, row_px=32)
        screens.append(Screen("spine", t("presenter.title.spine"), spine_sentence(spine), figure=fig,
                              note=verdict_summary(spine["classification"].astype(str))))
        for i in chosen_indicators(spine):
            screens.append(indicator_screen(spine.iloc[i], yearly, periods))
    if schools is not None:
        row, comp, fig = schools
        if fig is not None:
            fig.update_layout(font={"size": FONT}, title=None, margin={"t": 20}, hoverlabel={"font_size": FONT})
        screens.append(Screen("schools", t("presenter.title.schools", label=spine_label(row)),
                              schools_sentence(comp), figure=fig if len(comp) > 1 else None))
    return screens + _finding_screens(findings)


def clamp_step(raw: object, total: int) -> int:
    """The 1-based step from a query parameter; anything unreadable gives 1."""
    try:
        step = int(str(raw))
    except (TypeError, ValueError):
        return 1
    return int(np.clip(step, 1, max(total, 1)))
