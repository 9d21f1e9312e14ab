"""Cached data for the spine chart and the presentation mode (per data version, kommune, benchmark)."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

import data
from analysis.overview import overview_by_year, overview_pooled
from analysis.window import last_school_years
from analysis.spine import kommune_distribution, spine_table
from data.catalogue import UTTREKK_SET
from present.spine_chart import spine_figure, spine_table_view
from ui.frozen import freeze
from ui.state import kommune_row

log = logging.getLogger(__name__)


@st.cache_data(show_spinner=False, max_entries=128)
def pooled(token: str, kommune_id: str, periods: tuple[str, ...], keys: tuple) -> pd.DataFrame:
    """``analysis.overview.overview_pooled`` per data version, kommune, window and indicator keys: Oversikt's
    pooled table and the spine chart (both benchmarks) share one computation (pass every argument the same
    way: Streamlit's cache key holds the arguments as passed)."""
    lineage, fylke_id = data.kommune_lineage(kommune_id), kommune_row(kommune_id)["fylke_id"]
    return overview_pooled(data.kommune_area_rows(data.load_dataset(), lineage, fylke_id), lineage, fylke_id,
                           list(periods), list(keys))


@st.cache_data(show_spinner=False, max_entries=32)
def distribution(token: str, periods: tuple[str, ...], fylke_id: str | None) -> pd.DataFrame:
    """``analysis.spine.kommune_distribution`` per data version and window: the national range is the same
    for every kommune (and the fylke's for every kommune of the fylke), so it is computed once."""
    return kommune_distribution(data.load_dataset(), list(periods), fylke_id)


@st.cache_data(show_spinner=False, max_entries=64)
def spine(token: str, kommune_id: str, benchmark: str) -> tuple[pd.DataFrame, list[str]]:
    """``analysis.spine.spine_table`` for the last three school years, and those years."""
    figures = data.load_dataset()
    periods = last_school_years(figures["period"].unique())
    lineage, fylke_id = data.kommune_lineage(kommune_id), kommune_row(kommune_id)["fylke_id"]
    table = spine_table(data.kommune_area_rows(figures, lineage, fylke_id), lineage, fylke_id, periods, benchmark,
                        pooled=pooled(token, kommune_id, tuple(periods), UTTREKK_SET),  # defaults are not in the key
                        distribution=distribution(token, tuple(periods), fylke_id if benchmark == "fylke" else None))
    return table, periods


@st.cache_resource(show_spinner=False, max_entries=64)
def spine_chart(token: str, kommune_id: str, benchmark: str) -> tuple:
    """The finished spine chart (frozen: serialised once) and its table view, per data version and language
    (``token``), kommune and benchmark; shared read-only between sessions."""
    rows, _ = spine(token, kommune_id, benchmark)
    return freeze(spine_figure(rows)), spine_table_view(rows)


@st.cache_data(show_spinner=False, max_entries=32)
def yearly(token: str, kommune_id: str) -> pd.DataFrame:
    """``analysis.overview.overview_by_year`` for the last three school years."""
    figures = data.load_dataset()
    periods = last_school_years(figures["period"].unique())
    lineage, fylke_id = data.kommune_lineage(kommune_id), kommune_row(kommune_id)["fylke_id"]
    return overview_by_year(data.kommune_area_rows(figures, lineage, fylke_id), lineage, fylke_id, periods)


def live_findings(kommune_id: str) -> list:
    """The kommune's findings (empty, and logged, when the database cannot be read)."""
    from ui.findings_widgets import findings_store

    try:
        return list(findings_store().list_findings(kommune_id))
    except Exception:  # noqa: BLE001 - the numbers must show even if the database is down
        log.exception("Could not read findings for %s", kommune_id)
        return []
