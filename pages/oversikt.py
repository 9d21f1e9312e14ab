"""Oversikt: the chosen kommune's uttrekk indicators for the last three school years, with intervals."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import data
from data.schema import sorted_periods
from data.catalogue import INDICATORS, LOWER_IS_BETTER, suppression_min_n
from data.coverage import shown_keys
from present.small_multiples import small_multiples
from present.verdicts import verdict_label, verdict_summary
from ui.frozen import freeze
from ui.findings_widgets import add_finding_markers, findings_store, findings_under_chart
from present.format import fmt_interval, fmt_number, row_label
from present.reform import add_reform_markers, chart_periods, reform_events, split_break_text
from present.window import span_text
from ui.realdata_widgets import coverage_block, kommune_coverage, window_label_for
from ui import stats_widgets as sw
from ui.spine_data import comparison, oversikt_window, pooled as pooled_for, spine, spine_chart
from ui.state import data_token, kommune_row, param_choice, selected_kommune
from present.strings import t
from ui.tables import show_table
from ui.charts import show_chart


@st.cache_data(show_spinner=False, max_entries=32)
def compute(token: str, kommune_id: str) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Yearly and pooled overview for a kommune (cached per data version and kommune)."""
    periods = oversikt_window(data.load_dataset())  # calendar window
    keys = shown_keys(kommune_coverage(token, kommune_id))  # stand-ins (skalapoeng) where an indicator is missing
    return (
        comparison(token, kommune_id, tuple(periods), tuple(keys), by_year=True),  # taken from the national run
        pooled_for(token, kommune_id, tuple(periods), tuple(keys)),  # shared with the spine chart
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
        row[t("common.n")] = t("common.suppressed") if r["suppressed"] else "" if pd.isna(r["n"]) else fmt_number(r["n"], 0)
        row[t("oversikt.col.fylke")] = (
            t("common.suppressed") if r.get("fylke_suppressed") is True else fmt_number(r["fylke_estimate"], d)
        )
        row[t("oversikt.col.nasjonalt")] = fmt_number(r["nasjonalt_estimate"], d)
        row[t("oversikt.col.vurdering")] = verdict_label(str(r["classification"]))
        row[t("oversikt.col.direction")] = (
            t("oversikt.lower_better") if ind.direction == LOWER_IS_BETTER else t("oversikt.higher_better")
        )
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
    return freeze(yearly_chart(_yearly, _findings, kommune_id))


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_tables(token: str, kommune_id: str, _pooled: pd.DataFrame, _yearly: pd.DataFrame) -> tuple:
    """The two table views per data version and kommune (built row by row: cached, shared read-only)."""
    return table(_pooled, with_period=False), table(_yearly, with_period=True)


def linked_to(findings: list, r) -> list:
    """Findings linked to a panel's indicator (kommune-level and school-linked alike)."""
    return [f for f in findings or [] if any(
        link.matches(r["indicator"], r["subject"], int(r["trinn"])) for link in f.indicators)]


def yearly_chart(yearly: pd.DataFrame, findings: list | None = None, kommune_id: str | None = None) -> go.Figure:
    """Small multiples (present/small_multiples.py); findings as their own markers at each panel's top edge;
    a merger or split inside the window as a dashed line in every panel (its label under the chart)."""
    periods = sorted_periods(yearly["period"].astype(str).unique())
    fig, tops = small_multiples(yearly, periods, title=t("oversikt.chart_title"))
    if kommune_id:
        add_reform_markers(fig, kommune_id, panels=True)
    for order, g in yearly.groupby("order", sort=True):
        linked = linked_to(findings, g.iloc[0])
        if linked and int(order) in tops:
            r, c, y_top = tops[int(order)]
            add_finding_markers(fig, linked, y_by_x=lambda x, y=y_top: y, x_values=periods, fallback_x=periods[-1],
                                row=r, col=c)
    seen: set = set()
    for tr in fig.data:  # one legend entry per kind of finding
        group = tr.legendgroup or ""
        if group.startswith("funn_"):
            tr.showlegend = group not in seen
            seen.add(group)
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

# The spine chart first: every indicator at one glance, against the nation or the fylke (in the link).
benchmark = param_choice(t("spine.benchmark"), ["nasjonalt", "fylke"], "sammenligning", key="oversikt_benchmark",
                         format_func=lambda b: t(f"spine.benchmark.{b}"), container=st.columns([1, 3])[0])
spine_rows, _ = spine(data_token(), kommune_id, benchmark)
if len(spine_rows) and "classification" in spine_rows:  # partial real data: the coverage block says what is missing
    st.header(t("spine.title", window=span_text(periods)))
    st.markdown(verdict_summary(spine_rows["classification"].astype(str), reference=benchmark))
    spine_fig, spine_view = spine_chart(data_token(), kommune_id, benchmark)  # cached, shared, serialised once
    show_chart(spine_fig, width="stretch", theme=None, key="oversikt_spine", config={"displayModeBar": False},
               drawn=True)  # drawn on the server: no Plotly to load for the room's first view (ui/charts.py)
    st.caption(t("spine.help", ref=t(f"verdict.ref.{benchmark}")))
    with st.expander(t("spine.table_title")):
        show_table(spine_view, hide_index=True, width="stretch", key="oversikt_spine_table")

st.header(t("oversikt.pooled_title", window=wlabel))
st.caption(t("oversikt.pooled_help"))
pooled, yearly = sw.many_comparisons_in([pooled, yearly], "oversikt")  # false flags; BH on request
pooled_table, yearly_table = cached_tables(data_token(), kommune_id, pooled, yearly)
show_table(pooled_table, hide_index=True, width="stretch", key="oversikt_pooled_table")

st.header(t("oversikt.yearly_title"))
findings = kommune_findings(kommune_id)
chart_tab, table_tab = st.tabs([t("oversikt.tab.chart"), t("common.table_view")])
with chart_tab:
    findings_key = tuple((f.id, f.version) for f in findings) + (("bh", bool(st.session_state.get("oversikt_bh"))),)
    fig = cached_yearly_chart(data_token(), kommune_id, findings_key, yearly, findings)
    show_chart(fig, width="stretch", key="oversikt_chart", drawn=True)
    if reforms := reform_events(kommune_id, chart_periods(fig)):  # the years the chart draws
        st.caption(" · ".join(label for _, label in reforms))
with table_tab:
    show_table(yearly_table, hide_index=True, width="stretch", key="oversikt_year_table")
st.caption(t("oversikt.suppressed_note", min_n=suppression_min_n("grunnskolepoeng")))
with st.expander(t("verdict.method_expander")):
    st.markdown(t("oversikt.intro", window=wlabel))
    methods = sorted({m for m in pd.concat([yearly["ci_method"], pooled["ci_method"]]).dropna().unique() if m})
    st.caption(t("oversikt.methods", methods="; ".join(methods)))

@st.fragment
def findings_section(kommune_id: str, pooled: pd.DataFrame, periods: list[str], findings: list) -> None:
    """Findings for one chosen indicator. A fragment: picking another indicator reruns only this part
    (saving a finding reruns the whole page, so the chart's markers follow)."""
    st.header(t("oversikt.findings_title"))
    picked = st.selectbox(t("oversikt.findings_pick"), list(pooled.index), format_func=lambda i: row_label(pooled.loc[i]),
                          key="oversikt_funn_indikator")
    row = pooled.loc[picked]
    current = {"page": "oversikt", "kommune_id": kommune_id, "indicator": row["indicator"], "subject": row["subject"],
               "trinn": int(row["trinn"]), "periods": periods}
    findings_under_chart(current, linked_to(findings, row), key="oversikt")


findings_section(kommune_id, pooled, periods, findings)
