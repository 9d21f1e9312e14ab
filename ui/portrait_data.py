"""Cached data for the Skoleportrett page: the school's portrait frame and its findings."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

import data
from analysis.portrait import school_portrait
from data.findings import Finding
from ui.findings_common import findings_store

log = logging.getLogger(__name__)


@st.cache_data(show_spinner=False, max_entries=32)
def portrait(token: str, kommune_id: str, school_id: str) -> pd.DataFrame:
    """``analysis.portrait.school_portrait`` for one school of the kommune (uttrekk indicators)."""
    return school_portrait(data.load_dataset(), data.kommune_lineage(kommune_id), school_id)


def school_findings(kommune_id: str, school_id: str) -> tuple[list[Finding], list[Finding]]:
    """(live findings linked to the school except questions, open questions of the school or of the whole
    kommune) — «spørsmål» not marked «forkastet»; empty lists (logged) if the database cannot be read."""
    try:
        store = findings_store()
        linked = store.list_findings(kommune_id, schools=[school_id])
        questions = [f for f in store.list_findings(kommune_id, kinds=["sporsmal"])
                     if f.status != "forkastet" and (not f.schools or school_id in f.schools)]
    except Exception:  # noqa: BLE001 - the portrait still shows the numbers
        log.exception("school_findings failed")
        return [], []
    return [f for f in linked if f.kind != "sporsmal"], questions


@st.cache_data(show_spinner=False, max_entries=16)
def schools_of(token: str, kommune_id: str) -> dict[str, str]:
    """The kommune's schools with any figure in the active data (id -> name, by name); merged
    predecessors' schools included (``data.kommune_lineage``)."""
    df = data.load_dataset()
    ids = [str(k) for k in data.kommune_lineage(kommune_id)]
    rows = df.loc[(df["level"] == "skole") & df["kommune_id"].isin(ids), ["unit_id", "unit_name"]]
    rows = rows.astype(str).drop_duplicates("unit_id", keep="last").sort_values("unit_name")
    return dict(zip(rows["unit_id"], rows["unit_name"]))
