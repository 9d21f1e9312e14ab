"""Cached data for the spine chart and the presentation mode (per data version, kommune, benchmark)."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

import data
from analysis.national_store import cached_national, cached_range
from analysis.overview import NationalComparison, benchmark_comparison, kommune_benchmark_comparison
from analysis.window import WINDOW_YEARS, last_school_years
from analysis.spine import spine_table
from data.catalogue import UTTREKK_SET
from data.coverage import possible_keys
from present.spine_chart import spine_figure, spine_table_view
from present.window import school_years
from ui.frozen import freeze
from ui.state import kommune_options, kommune_row

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False, max_entries=8)
def national(token: str, periods: tuple[str, ...], by_year: bool) -> NationalComparison:
    """``analysis.overview.national_benchmark_comparison`` of every current kommune beside its fylke, on every
    key Oversikt can show (``data.coverage.possible_keys``), per data version, window and kind (pooled or by
    year); shared read-only by every session (callers select from it and never change it). Kept on disk too
    (``analysis.national_store``): a restart on the same data and code reads it instead of computing it."""
    options = kommune_options(token)
    return cached_national(data.load_dataset(), dict(zip(options["kommune_id"], options["fylke_id"])),
                           list(periods), possible_keys(), by_year=by_year, data_id=token)


def oversikt_window(figures: pd.DataFrame) -> list[str]:
    """Oversikt's window: the last ``WINDOW_YEARS`` calendar school years up to the newest in the data (a year
    without figures is in it, and the window label says so)."""
    return school_years(last_school_years(figures["period"].unique())[-1], WINDOW_YEARS)


def warm_up(token: str) -> None:
    """Compute the national runs every first Oversikt visit selects from (the pooled table and the spine chart,
    year by year for the small multiples), so the first visitor does not wait for them (scripts/serve.py)."""
    figures = data.load_dataset()
    window = tuple(oversikt_window(figures))
    for periods, by_year in [(window, True), (window, False), (tuple(last_school_years(figures["period"].unique())), False)]:
        national(token, periods, by_year)


def comparison(token: str, kommune_id: str, periods: tuple[str, ...], keys: tuple, by_year: bool) -> pd.DataFrame:
    """``analysis.overview.benchmark_comparison`` of the kommune beside its fylke (``overview_pooled`` or, with
    ``by_year``, ``overview_by_year``): a selection from ``national`` where that gives the same rows, else
    (a merged kommune with predecessors' figures in the window, a key the national run lacks) the kommune
    computed on its own."""
    lineage, fylke_id = data.kommune_lineage(kommune_id), kommune_row(kommune_id)["fylke_id"]
    taken = kommune_benchmark_comparison(national(token, periods, by_year), kommune_id, lineage, fylke_id, keys)
    if taken is not None:
        return taken
    return benchmark_comparison(data.kommune_area_rows(data.load_dataset(), lineage, fylke_id), {lineage[0]: lineage},
                                list(periods), list(keys), by_year=by_year, fylke_id=fylke_id)


@st.cache_data(show_spinner=False, max_entries=128)
def pooled(token: str, kommune_id: str, periods: tuple[str, ...], keys: tuple) -> pd.DataFrame:
    """The kommune's pooled comparison (``comparison``) per data version, kommune, window and indicator keys:
    Oversikt's pooled table and the spine chart (both benchmarks) share it (pass every argument the same
    way: Streamlit's cache key holds the arguments as passed)."""
    return comparison(token, kommune_id, periods, keys, by_year=False)


@st.cache_data(show_spinner=False, max_entries=32)
def distribution(token: str, periods: tuple[str, ...], fylke_id: str | None) -> pd.DataFrame:
    """``analysis.spine.kommune_distribution`` per data version and window: the national range is the same
    for every kommune (and the fylke's for every kommune of the fylke), so it is computed once (and kept on disk:
    ``analysis.national_store``)."""
    return cached_range(data.load_dataset(), periods, fylke_id, data_id=token)


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
    """The kommune year by year (``comparison``) on the uttrekk set for the last three school years."""
    periods = last_school_years(data.load_dataset()["period"].unique())
    return comparison(token, kommune_id, tuple(periods), UTTREKK_SET, by_year=True)


def live_findings(kommune_id: str) -> list:
    """The kommune's findings (empty, and logged, when the database cannot be read)."""
    from ui.findings_widgets import findings_store

    try:
        return list(findings_store().list_findings(kommune_id))
    except Exception:  # noqa: BLE001 - the numbers must show even if the database is down
        log.exception("Could not read findings for %s", kommune_id)
        return []
