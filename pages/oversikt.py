"""Oversikt: the chosen kommune's uttrekk indicators for the last three school years, with intervals."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import data
from analysis.compare import count_classifications
from analysis.overview import overview_by_year, overview_pooled
from analysis.window import WINDOW_YEARS, last_school_years
from data.catalogue import INDICATORS, LOWER_IS_BETTER, suppression_min_n
from data.coverage import shown_keys, uttrekk_coverage
from present.charts import indicator_years_figure, panel_position
from ui.frozen import freeze
from ui.findings_widgets import add_finding_markers, findings_store, findings_under_chart
from present.format import fmt_interval, fmt_number, row_label
from present.reform import split_break_text
from present.window import school_years
from ui.realdata_widgets import coverage_block, window_label_for
from ui import stats_widgets as sw
from ui.state import data_token, kommune_row, selected_kommune
from present.strings import classification_label, t
from ui.tables import show_table
from ui.charts import show_chart


@st.cache_data(show_spinner=False, max_entries=32)
def compute(token: str, kommune_id: str) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Yearly and pooled overview for a kommune (cached per data version and kommune)."""
    figures = data.load_dataset()
    periods = school_years(last_school_years(figures["period"].unique())[-1], WINDOW_YEARS)  # calendar window
    lineage = data.kommune_lineage(kommune_id)
    fylke_id = kommune_row(kommune_id)["fylke_id"]
    keys = shown_keys(uttrekk_coverage(figures, lineage))  # stand-ins (skalapoeng) where an indicator is missing
    return (
        overview_by_year(figures, lineage, fylke_id, periods, keys),
        overview_pooled(figures, lineage, fylke_id, periods, keys),
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
    """The figure per data version, kommune and findings (ids and versions); shared read-only, serialised once."""
    return freeze(yearly_chart(_yearly, _findings))


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_tables(token: str, kommune_id: str, _pooled: pd.DataFrame, _yearly: pd.DataFrame) -> tuple:
    """The two table views per data version and kommune (built row by row: cached, shared read-only)."""
    return table(_pooled, with_period=False), table(_yearly, with_period=True)


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
coverage_block(data_token(), kommune_id, info["kommune_name"])  # what the data hold, which export brings the rest
if split_note := split_break_text(kommune_id):  # a kommune out of a split: its series starts with a break
    st.caption(split_note)
if yearly.empty:
    st.stop()
wlabel = window_label_for(data_token(), kommune_id, tuple(periods))  # the years actually used, and why not others
st.markdown(t("oversikt.intro", window=wlabel))

st.subheader(t("oversikt.pooled_title", window=wlabel))
st.caption(t("oversikt.pooled_help"))
pooled, yearly = sw.many_comparisons_in([pooled, yearly], "oversikt")  # false flags; BH on request
counts = count_classifications(pooled["classification"])
st.markdown(t("oversikt.summary", svakere=counts.svakere, bedre=counts.bedre, usikker=counts.usikker,
              ingen=counts.ingen_data))
pooled_table, yearly_table = cached_tables(data_token(), kommune_id, pooled, yearly)
show_table(pooled_table, hide_index=True, width="stretch", key="oversikt_pooled_table")

st.subheader(t("oversikt.yearly_title"))
chart_col, table_col = st.columns([3, 2])
findings = kommune_findings(kommune_id)
with chart_col:
    findings_key = tuple((f.id, f.version) for f in findings) + (("bh", bool(st.session_state.get("oversikt_bh"))),)
    fig = cached_yearly_chart(data_token(), kommune_id, findings_key, yearly, findings)
    show_chart(fig, width="stretch", key="oversikt_chart")
with table_col:
    st.caption(t("common.table_view"))
    show_table(yearly_table, hide_index=True, width="stretch", height=700, key="oversikt_year_table")
methods = sorted({m for m in pd.concat([yearly["ci_method"], pooled["ci_method"]]).dropna().unique() if m})
st.caption(t("oversikt.methods", methods="; ".join(methods)))
st.caption(t("oversikt.suppressed_note", min_n=suppression_min_n("grunnskolepoeng")))

@st.fragment
def findings_section(kommune_id: str, pooled: pd.DataFrame, periods: list[str], findings: list) -> None:
    """Findings for one chosen indicator. A fragment: picking another indicator reruns only this part
    (saving a finding reruns the whole page, so the chart's markers follow)."""
    st.subheader(t("oversikt.findings_title"))
    picked = st.selectbox(t("oversikt.findings_pick"), list(pooled.index), format_func=lambda i: row_label(pooled.loc[i]),
                          key="oversikt_funn_indikator")
    row = pooled.loc[picked]
    current = {"page": "oversikt", "kommune_id": kommune_id, "indicator": row["indicator"], "subject": row["subject"],
               "trinn": int(row["trinn"]), "periods": periods}
    linked = [f for f in findings if not f.schools and any(
        link.matches(row["indicator"], row["subject"], int(row["trinn"])) for link in f.indicators)]
    findings_under_chart(current, linked, key="oversikt")


findings_section(kommune_id, pooled, periods, findings)
