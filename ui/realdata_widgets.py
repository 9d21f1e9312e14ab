"""Streamlit pieces for pages on real, partial data (issue 11): what the data cover and which export brings
the rest, truthful window labels, reform notes under charts, real context for peers, the import message.

Pages call these with one line each; the texts live in ``present/strings.py``, the logic below them in
``data.coverage``, ``data.succession``, ``data.real_context``, ``present.window`` and ``present.reform``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

import data
from analysis.peers import CONTEXT_FEATURES
from data import real_context, renumber, succession
from data.catalogue import indicator_label
from data.coverage import import_summary, uttrekk_coverage
from present.format import fmt_number
from present.reform import split_break_text
from present.strings import t, tr
from present.window import missing_reasons, span_text, window_text


@st.cache_data(show_spinner=False, max_entries=64)
def kommune_coverage(token: str, kommune_id: str):
    """``data.coverage.uttrekk_coverage`` for the kommune, per data version (the block and Oversikt share it)."""
    lineage = data.kommune_lineage(kommune_id)
    return uttrekk_coverage(data.kommune_area_rows(data.load_dataset(), lineage, None), lineage)


_coverage = kommune_coverage


def coverage_lines(token: str, kommune_id: str) -> tuple[int, list[str]]:
    """(number of uttrekk indicators present, one plain line per indicator)."""
    lines, present = [], 0
    for c in _coverage(token, kommune_id):
        label = indicator_label(c.indicator, c.subject, c.trinn)
        if c.present:
            present += 1
            lines.append(t("coverage.present", label=label, years=span_text(c.periods)))
        elif c.stand_in:
            lines.append(t("coverage.stand_in", label=label, years=span_text(c.stand_in_periods), hint=t(c.export_key),
                           stand_in=indicator_label(c.stand_in, c.subject, c.trinn)))
        else:
            lines.append(t("coverage.missing", label=label, hint=t(c.export_key)))
    return present, lines


def coverage_block(token: str, kommune_id: str, kommune_name: str, *, expanded: bool | None = None) -> int:
    """The «what the data cover» block; returns how many uttrekk indicators the data hold for the kommune.

    Open by default when something is missing. Every line is plain text (names come from files)."""
    present, lines = coverage_lines(token, kommune_id)
    total = len(lines) and len(_coverage(token, kommune_id))
    if present == total and expanded is None:
        return present
    with st.expander(t("coverage.heading"), expanded=present < total if expanded is None else expanded):
        st.text(t("coverage.summary", present=present, total=total, kommune=kommune_name))
        for line in lines:
            st.text("• " + line)
    return present


def _window_mask(figures: pd.DataFrame, window: tuple[str, ...], indicator: str | None, subject: str,
                 trinn: int | None):
    """Rows of ``figures`` in the window (and of the indicator, when one is given), as a boolean array."""
    sel = figures["period"].isin(list(window)).to_numpy()
    if indicator is not None:
        sel = sel & (figures["indicator"] == indicator).to_numpy() & (figures["subject"] == subject).to_numpy()
        if trinn is not None:
            sel = sel & (figures["trinn"] == int(trinn)).fillna(False).to_numpy(dtype=bool)
    return sel


@st.cache_data(show_spinner=False, max_entries=64)
def _periods_in_data(token: str, window: tuple[str, ...], indicator: str | None, subject: str,
                     trinn: int | None) -> frozenset[str]:
    """The window's school years the data hold at all (for the indicator): the same for every kommune, so
    computed once per data version (masks over the national frame, ≈20 ms)."""
    figures = data.load_dataset()
    return frozenset(str(p) for p in figures.loc[_window_mask(figures, window, indicator, subject, trinn),
                                                 "period"].unique())


@st.cache_data(show_spinner=False, max_entries=256)
def window_label_for(token: str, kommune_id: str, window: tuple[str, ...], indicator: str | None = None,
                     subject: str = "", trinn: int | None = None) -> str:
    """The window as it was used for the kommune: «2 av 3 år: … (2024-25: ingen tall i dataene)»."""
    figures = data.load_dataset()
    in_data = set(_periods_in_data(token, window, indicator, subject, trinn))
    # The kommune's own rows through the unit index (data.kommune_area_rows), not masks over every row.
    rows = data.kommune_area_rows(figures, data.kommune_lineage(kommune_id), None)
    kom_sel = _window_mask(rows, window, indicator, subject, trinn) & (rows["level"] == "kommune").to_numpy() \
        & (rows["kjonn"] == "alle").to_numpy()
    kom = rows.loc[kom_sel, ["period", "value", "suppressed"]]
    used = set(kom.loc[kom["value"].notna(), "period"].astype(str))
    supp = set(kom.loc[kom["suppressed"], "period"].astype(str)) - used
    if not used:  # a kommune without kommune figures (schools only): the years its schools have
        sel = _window_mask(figures, window, indicator, subject, trinn)
        sch = figures.loc[sel & (figures["level"] == "skole").to_numpy() & (figures["kommune_id"] == kommune_id).to_numpy()]
        used = set(sch.loc[sch["value"].notna(), "period"].astype(str))
    return window_text(list(window), used, missing_reasons(list(window), in_data, supp))


def renumbering_note(series: pd.DataFrame, kommune_id: str) -> str | None:
    """«Tall før 2024-25 er publisert under kommunenummer 3807 …» when the kommune's series holds figures
    filed from old numbers; the split sentence for a kommune that came out of a split."""
    notes = []
    if "orig_kommune_id" in series.columns:
        orig = series["orig_kommune_id"].astype(object).where(series["orig_kommune_id"].notna(), "").astype(str)
        old = series[orig != ""]
        if len(old):
            numbers = " og ".join(sorted(set(orig[orig != ""])))
            notes.append(t("reform.renumbered", last=max(old["period"].astype(str)), numbers=numbers,
                           kommune=succession.name(kommune_id) or kommune_id))
    split = split_break_text(kommune_id)
    if split:
        notes.append(split)
    return " ".join(notes) or None


def usable_features(kommune_id: str, features: Sequence[str]) -> tuple[tuple[str, ...], list[str]]:
    """(the chosen context features the kommune has values for, the chosen ones it lacks)."""
    ctx = data.load_context()
    row = ctx[ctx["kommune_id"].astype(str) == str(kommune_id)]
    if row.empty:
        return (), list(features)
    have = [f for f in features if f in row.columns and pd.notna(row.iloc[0][f])]
    return tuple(have), [f for f in features if f not in have]


def context_note(kommune_id: str, kommune_name: str, used: Sequence[str], missing: Sequence[str]) -> None:
    """Say which context variables are missing for the kommune and what the peer choice rests on."""
    if not missing:
        return
    names = ", ".join(tr(CONTEXT_FEATURES[f]).lower() for f in missing)
    basis = ", ".join(tr(CONTEXT_FEATURES[f]).lower() for f in used) or t("peers.context_nothing")
    year = real_context.latest_year()
    st.info(t("peers.context_missing", kommune=kommune_name, missing=names, basis=basis,
              source=real_context.SOURCE_TEXT.format(year=year)), icon="ℹ️")


def import_message(figures: pd.DataFrame) -> str:
    """The Data page's save message: what the import made possible."""
    filed = renumber.file_under_current(figures)  # counted under today's kommune numbers
    s = import_summary(filed)
    pages = t("coverage.saved_pages_full" if s["uttrekk_present"] == s["uttrekk_total"] else
              "coverage.saved_pages_partial")
    kom = filed[filed["level"] == "kommune"]
    ids = set(kom["unit_id"].astype(str)) | set(filed.loc[filed["level"] == "skole", "kommune_id"].astype(str))
    last = kom["period"].astype(str).groupby(kom["unit_id"].astype(str)).max()
    status = renumber.kommune_status(sorted(ids - {""}), [last.get(k, "") for k in sorted(ids - {""})])
    today = int((~status["historical"]).sum())  # what the picker will offer
    return t("coverage.saved", kommuner=fmt_number(today, 0), skoler=fmt_number(s["skoler"], 0),
             years=span_text(s["periods"]),
             present=s["uttrekk_present"], total=s["uttrekk_total"], pages=pages)
