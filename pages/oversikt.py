"""Oversikt: the chosen kommune's uttrekk indicators for the last three school years, with intervals."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

import data
from analysis.overview import latest_periods, overview_by_year, overview_pooled
from data.catalogue import INDICATORS, LOWER_IS_BETTER, suppression_min_n
from present.charts import PALETTE, SUPPRESSED_SYMBOL, base_layout, error_bars
from ui.findings_widgets import add_finding_markers, findings_store, findings_under_chart
from present.format import fmt_interval, fmt_number, row_label
from ui.state import data_token, kommune_row, selected_kommune
from present.strings import t
from ui.tables import show_table


@st.cache_data(show_spinner=False, max_entries=32)
def compute(token: str, kommune_id: str) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Yearly and pooled overview for a kommune (cached per data version and kommune)."""
    figures = data.load_dataset()
    periods = latest_periods(figures, 3)
    lineage = data.kommune_lineage(kommune_id)
    fylke_id = kommune_row(kommune_id)["fylke_id"]
    return (
        overview_by_year(figures, lineage, fylke_id, periods),
        overview_pooled(figures, lineage, fylke_id, periods),
        periods,
    )


def classification_text(code: str) -> str:
    return t(f"class.{code}")


def table(frame: pd.DataFrame, with_period: bool) -> pd.DataFrame:
    """The table view of exactly what the chart shows."""
    rows = []
    for _, r in frame.iterrows():
        ind = INDICATORS[r["indicator"]]
        d = ind.decimals
        row = {t("common.indikator"): row_label(r)}
        if with_period:
            row[t("common.skoleaar")] = r["period"]
        row[t("oversikt.col.kommune_ci")] = fmt_interval(r)
        row[t("common.n")] = "" if pd.isna(r["n"]) else fmt_number(r["n"], 0)
        row[t("oversikt.col.fylke")] = (
            t("common.suppressed") if r.get("fylke_suppressed") is True else fmt_number(r["fylke_estimate"], d)
        )
        row[t("oversikt.col.nasjonalt")] = fmt_number(r["nasjonalt_estimate"], d)
        row[t("oversikt.col.vurdering")] = classification_text(r["classification"])
        row[t("oversikt.col.direction")] = (
            t("oversikt.lower_better") if ind.direction == LOWER_IS_BETTER else t("oversikt.higher_better")
        )
        row[t("common.method")] = r["ci_method"] if isinstance(r["ci_method"], str) else ""
        rows.append(row)
    return pd.DataFrame(rows)


def kommune_findings(kommune_id: str) -> list:
    """The kommune's live findings (empty, and logged, if the database cannot be read)."""
    try:
        return findings_store().list_findings(kommune_id)
    except Exception:  # noqa: BLE001 - the numbers must show even if the database is down
        import logging

        logging.getLogger(__name__).exception("Could not read findings for %s", kommune_id)
        return []


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_yearly_chart(token: str, kommune_id: str, findings_key: tuple, _yearly: pd.DataFrame,
                        _findings: list) -> go.Figure:
    """The figure per data version, kommune and findings (ids and versions); shared read-only."""
    return yearly_chart(_yearly, _findings)


def yearly_chart(yearly: pd.DataFrame, findings: list | None = None) -> go.Figure:
    """Small multiples: per indicator, the kommune's yearly figure with interval, fylke and nation."""
    groups = list(yearly.groupby("order", sort=True))
    cols = 3
    rows = (len(groups) + cols - 1) // cols
    # Long labels (mobbing) wrap instead of running into the neighbouring panel's title.
    titles = ["<br>".join(textwrap.wrap(row_label(g.iloc[0]), 44)) for _, g in groups]
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles, vertical_spacing=0.09, horizontal_spacing=0.06)
    for i, (_, g) in enumerate(groups):
        r, c = i // cols + 1, i % cols + 1
        show = i == 0
        ok = g[g["lower"].notna()]
        fig.add_trace(
            go.Scatter(
                x=ok["period"], y=ok["estimate"], mode="markers", name=t("common.kommune"),
                marker={"color": PALETTE["kommune"], "size": 10}, error_y=error_bars(ok["lower"], ok["upper"], ok["estimate"]),
                legendgroup="k", showlegend=show,
                hovertemplate="%{x}: %{y}<extra>" + t("common.kommune") + "</extra>",
            ),
            row=r, col=c,
        )
        supp = g[g["suppressed"]]
        if len(supp):
            fig.add_trace(
                go.Scatter(
                    x=supp["period"], y=supp["nasjonalt_estimate"], mode="markers+text", text=[t("common.suppressed")] * len(supp),
                    textposition="top center", name=t("common.suppressed"),
                    marker={"symbol": SUPPRESSED_SYMBOL, "size": 12, "color": PALETTE["highlight"]},
                    legendgroup="s", showlegend=True, hovertemplate="%{x}: " + t("common.suppressed") + "<extra></extra>",
                ),
                row=r, col=c,
            )
        fig.add_trace(
            go.Scatter(x=g["period"], y=g["fylke_estimate"], mode="lines+markers", name=t("common.fylke"),
                       line={"color": PALETTE["fylke"], "dash": "dot"}, marker={"symbol": "diamond"},
                       legendgroup="f", showlegend=show),
            row=r, col=c,
        )
        fig.add_trace(
            go.Scatter(x=g["period"], y=g["nasjonalt_estimate"], mode="lines", name=t("common.nasjonalt"),
                       line={"color": PALETTE["nasjonalt"], "width": 3}, legendgroup="n", showlegend=show),
            row=r, col=c,
        )
        first = g.iloc[0]
        linked = [f for f in findings or [] if not f.schools and any(
            link.matches(first["indicator"], first["subject"], int(first["trinn"])) for link in f.indicators)]
        if linked:
            y = dict(zip(g["period"], g["estimate"].fillna(g["nasjonalt_estimate"])))
            add_finding_markers(fig, linked, y_by_x=y, x_values=list(g["period"]), fallback_x=g["period"].iloc[-1],
                                row=r, col=c, showlegend=False)
    base_layout(fig, title=t("oversikt.chart_title"), height=300 * rows)
    fig.update_annotations(font_size=13)
    return fig


kommune_id = selected_kommune()
if not kommune_id:
    st.stop()
info = kommune_row(kommune_id)
st.title(t("oversikt.title", kommune=info["kommune_name"]))
yearly, pooled, periods = compute(data_token(), kommune_id)
if yearly.empty:
    st.warning(t("common.no_data"))
    st.stop()
st.markdown(t("oversikt.intro", first=periods[0], last=periods[-1]))

st.subheader(t("oversikt.pooled_title", first=periods[0], last=periods[-1]))
st.caption(t("oversikt.pooled_help"))
counts = pooled["classification"].value_counts()
st.markdown(
    t(
        "oversikt.summary",
        svakere=int(counts.get("svakere", 0)),
        bedre=int(counts.get("bedre", 0)),
        usikker=int(counts.get("ikke_sikker", 0) + counts.get("lavere", 0) + counts.get("hoyere", 0)),
        ingen=int(counts.get("ingen_data", 0)),
    )
)
show_table(table(pooled, with_period=False), hide_index=True, width="stretch", key="oversikt_pooled_table")

st.subheader(t("oversikt.yearly_title"))
chart_col, table_col = st.columns([3, 2])
findings = kommune_findings(kommune_id)
with chart_col:
    findings_key = tuple((f.id, f.version) for f in findings)
    fig = cached_yearly_chart(data_token(), kommune_id, findings_key, yearly, findings)
    st.plotly_chart(fig, width="stretch", key="oversikt_chart")
with table_col:
    st.caption(t("common.table_view"))
    show_table(table(yearly, with_period=True), hide_index=True, width="stretch", height=700, key="oversikt_year_table")
methods = sorted({m for m in pd.concat([yearly["ci_method"], pooled["ci_method"]]).dropna().unique() if m})
st.caption(t("oversikt.methods", methods="; ".join(methods)))
st.caption(t("oversikt.suppressed_note", min_n=suppression_min_n("grunnskolepoeng")))

st.subheader(t("oversikt.findings_title"))
choices = list(pooled.index)
picked = st.selectbox(
    t("oversikt.findings_pick"), choices, format_func=lambda i: row_label(pooled.loc[i]), key="oversikt_funn_indikator"
)
row = pooled.loc[picked]
current = {
    "page": "oversikt", "kommune_id": kommune_id, "indicator": row["indicator"], "subject": row["subject"],
    "trinn": int(row["trinn"]), "periods": periods,
}
linked = [f for f in findings if not f.schools and any(
    link.matches(row["indicator"], row["subject"], int(row["trinn"])) for link in f.indicators)]
findings_under_chart(current, linked, key="oversikt")
