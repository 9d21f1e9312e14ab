"""When the findings database cannot be read: say so on every page, and offer the newest backup.

``app.py`` calls ``database_problem_notice()`` on every run; pages that show findings ask
``findings_unavailable()`` and say «funnene kan ikke leses» instead of showing «0 funn».
"""

from __future__ import annotations

import logging

import streamlit as st

from data.findings import DatabaseUnavailable
from data.findings.backup import restore_backup
from present.strings import t, tr
from ui.findings_common import findings_store
from ui.plain import plain

log = logging.getLogger(__name__)


def findings_unavailable() -> DatabaseUnavailable | None:
    """The problem when the findings database cannot be opened now, else None."""
    try:
        findings_store()
    except DatabaseUnavailable as exc:
        return exc
    return None


def database_problem_notice() -> None:
    """An error box naming what is wrong with the database file, with a button to restore the newest backup."""
    problem = findings_unavailable()
    if problem is None:
        return
    st.error(t("db.unavailable", problem=problem.message, path=plain(problem.path)))
    if problem.backup is None:
        st.caption(t("db.no_backup"))
        return
    st.caption(t("db.backup_offer", name=plain(problem.backup.name)))
    if st.button(t("db.restore"), key="db_restore"):
        try:
            kept = restore_backup(problem.path, problem.backup)
        except (OSError, DatabaseUnavailable) as exc:
            log.exception("Restore failed")
            st.error(t("db.restore_failed", error=plain(tr(getattr(exc, "message", str(exc))))))
            return
        st.success(t("db.restored", name=plain(problem.backup.name), kept=plain(kept.name)))
        st.rerun()
