"""Reusable Streamlit pieces for findings: the store handle, "Legg til funn", finding cards and lists,
history, the stale-edit conflict view, markers on Plotly charts and the small chart of linked data.

Use on a data page (the view's selection as a ``current`` dict: kommune_id, indicator, subject,
trinn, periods, schools)::

    fs = chart_findings(current)                          # findings linked to what the chart shows
    add_finding_markers(fig, fs, y_by_x=dict(zip(periods, kommune_values)))
    st.plotly_chart(fig)
    findings_under_chart(current, fs, key="utvikling")    # list + prefilled "Legg til funn"

Every text a user typed is shown with ``st.text`` (no Markdown, no HTML) or escaped; Plotly hover
texts are HTML-escaped. Nothing user-related is kept at module level: the author and form states
live in ``st.session_state``.

The pieces live in one module per concern: ``ui.findings_common`` (store, escaping, lookups, author),
``ui.findings_form`` («Legg til funn»), ``ui.findings_cards`` (cards, lists, history, conflicts) and
``ui.findings_charts`` (markers on charts, the small chart of linked data). This module composes them
for the data pages and re-exports the names pages use.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from data.findings import Finding, FindingsStore
from present.strings import t
from ui.findings_cards import finding_card, findings_list, history_view  # noqa: F401
from ui.findings_charts import add_finding_markers, finding_chart, finding_figure, linked_series  # noqa: F401
from ui.findings_common import (  # noqa: F401
    AUTHOR_KEY, KIND_ICON, KIND_STYLE, _remember_author, _saved_author, _token, author_inputs, findings_store,
    hover_escape, indicator_link_options, kommune_schools, link_label, md_escape, remember_author, saved_author,
    school_name,
)
from ui.findings_form import add_finding_form, normalise_prefill  # noqa: F401

log = logging.getLogger(__name__)


def chart_findings(current: Mapping[str, Any], *, kommune_level: bool = True,
                   store: FindingsStore | None = None) -> list[Finding]:
    """Live findings linked to what a chart shows (``current``: kommune_id, indicator, subject,
    trinn and optionally schools); empty (and logged) if the database cannot be read."""
    kommune_id = current.get("kommune_id")
    if not kommune_id or not current.get("indicator"):
        return []
    try:
        store = store or findings_store()
        trinn = current.get("trinn")
        return store.linked_findings(str(kommune_id), str(current["indicator"]),
                                     subject=current.get("subject"),
                                     trinn=int(trinn) if trinn not in (None, "") else None,
                                     school_ids=[str(s) for s in current.get("schools") or []],
                                     kommune_level=kommune_level)
    except Exception:  # noqa: BLE001 - the data page must still work
        log.exception("chart_findings failed")
        return []


def findings_under_chart(current: Mapping[str, Any], findings: Sequence[Finding], *, key: str) -> None:
    """Under a chart: the linked findings (read-only cards) and a prefilled "Legg til funn"."""
    st.markdown(f"**{t('funn.linked_heading', n=len(findings))}**")
    if findings:
        findings_list(findings, key=f"{key}_linked", editable=False, show_chart=False, compact=True)
    else:
        st.caption(t("funn.linked_none"))
    with st.expander(t("funn.add_for"), icon="📝"):
        try:
            add_finding_form(current, key=f"{key}_add")
        except Exception:  # noqa: BLE001
            log.exception("add_finding_form failed")
            st.error(t("funn.db_error"))
    try:
        st.page_link("pages/funn.py", label=t("funn.open_page"), icon="🗂️")
    except Exception:  # noqa: BLE001 - page_link needs the page registered in st.navigation
        pass
