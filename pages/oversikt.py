"""Oversikt: the chosen kommune's uttrekk indicators for the last three school years, with intervals."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import data
from analysis.compare import count_classifications
from analysis.overview import overview_by_year, overview_pooled
from analysis.window import last_school_years
from data.catalogue import INDICATORS, LOWER_IS_BETTER, suppression_min_n
from present.charts import indicator_years_figure, panel_position
from ui.findings_widgets import add_finding_markers, findings_store, findings_under_chart
from present.format import fmt_interval, fmt_number, row_label
from ui.state import data_token, kommune_row, selected_kommune
from present.strings import classification_label, t
from ui.tables import show_table
from ui.charts import show_chart


@st.cache_data(show_spinner=False, max_entries=32)
def compute(token: str, kommune_id: str) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Yearly and pooled overview for a kommune (cached per data version and kommune)."""
    figures = data.load_dataset()
    periods = last_school_years(figures["period"].unique())
    lineage = data.kommune_lineage(kommune_id)
    fylke_id = kommune_row(kommune_id)["fylke_id"]
    return (
        overview_by_year(figures, lineage, fylke_id, periods),
        overview_pooled(figures, lineage, fylke_id, periods),
        periods,
    )


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
        row[t("oversikt.col.vurdering")] = classification_label(r["classification"])
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
    """The small multiples of ``present.charts.indicator_years_figure`` with the linked findings as markers."""
    panels = [g for _, g in yearly.groupby("order", sort=True)]
    keys = [(str(g["indicator"].iloc[0]), str(g["subject"].iloc[0]), int(g["trinn"].iloc[0])) for g in panels]
    fig = indicator_years_figure(yearly, keys, t("oversikt.chart_title"))
    for i, (g, key) in enumerate(zip(panels, keys)):
        linked = [f for f in findings or [] if not f.schools and any(link.matches(*key) for link in f.indicators)]
        if linked:
            r, c = panel_position(i)
            y = dict(zip(g["period"], g["estimate"].fillna(g["nasjonalt_estimate"])))
            add_finding_markers(fig, linked, y_by_x=y, x_values=list(g["period"]), fallback_x=g["period"].iloc[-1],
                                row=r, col=c, showlegend=False)
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
counts = count_classifications(pooled["classification"])
st.markdown(t("oversikt.summary", svakere=counts.svakere, bedre=counts.bedre, usikker=counts.usikker,
              ingen=counts.ingen_data))
show_table(table(pooled, with_period=False), hide_index=True, width="stretch", key="oversikt_pooled_table")

st.subheader(t("oversikt.yearly_title"))
chart_col, table_col = st.columns([3, 2])
findings = kommune_findings(kommune_id)
with chart_col:
    findings_key = tuple((f.id, f.version) for f in findings)
    fig = cached_yearly_chart(data_token(), kommune_id, findings_key, yearly, findings)
    show_chart(fig, width="stretch", key="oversikt_chart")
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
