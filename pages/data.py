"""Data: upload real exports, check them (preview + validation report), then add them or replace the demo.

Thin view: reading and checking is ``data.importers.import_files``; saving is ``save_import``.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

import data
from data.catalogue import INDICATORS, indicator_name
from data.importers import (
    MAX_FILE_BYTES,
    MAX_FILE_MB,
    KommuneHint,
    clear_imports,
    import_files,
    read_state,
    save_import,
)
from data.access import AccessDenied, check_admin
from data.findings import get_store
from data.findings.access_store import audit
from present.format import fmt_number
from present.strings import t, tr, verbatim
from ui.auth import active_principal
from ui.findings_common import _secret_url
from ui.plain import plain
from ui.realdata_widgets import import_message
from data.importers.textio import file_size_mb
from ui.tables import show_table

log = logging.getLogger(__name__)
RESULT_KEY = "data_import_result"


def _kommune_hint() -> KommuneHint | None:
    with st.expander(t("data.kommune_head")):
        st.caption(t("data.kommune_help"))
        c1, c2 = st.columns(2)
        kid = c1.text_input(t("data.kommune_id"), key="import_kommune_id").strip()
        kname = c2.text_input(t("data.kommune_name"), key="import_kommune_name").strip()
    if not kid:
        return None
    if not (len(kid) == 4 and kid.isdigit()):
        st.warning(t("data.kommune_bad"))
        return None
    return KommuneHint(kid, kname or kid)


def _read_uploads(uploads) -> list[tuple[str, bytes]] | None:
    files = []
    for up in uploads:
        if up.size > MAX_FILE_BYTES:  # refused before the bytes are read
            st.error(t("data.too_big", name=verbatim(up.name), size=file_size_mb(up.size), mb=MAX_FILE_MB))
            return None
        files.append((up.name, up.getvalue()))
    return files


def _run_import(files: list[tuple[str, bytes]], hint: KommuneHint | None) -> None:
    bar = st.progress(0.0, text=t("data.reading"))

    def progress(fraction: float, text: str) -> None:
        bar.progress(min(1.0, max(0.0, fraction)), text=t("data.reading"))  # the pipeline's own text is bokmål

    existing = data.load_dataset() if hint else None
    result = import_files(files, kommune=hint, existing=existing, progress=progress)
    bar.empty()
    st.session_state[RESULT_KEY] = result


def _report(result) -> None:
    st.header(t("data.report_head"))
    for rep in result.reports:
        with st.container(border=True):
            st.markdown(f"**{t('data.file', name=verbatim(plain(rep.file_name)))}**")
            if rep.format_label:
                st.caption(t("data.format", fmt=tr(rep.format_label), enc=tr(rep.encoding) or "–",
                             sep=tr(rep.delimiter) or "–"))
            c = st.columns(4)
            c[0].metric(t("data.rows_read"), f"{rep.rows_read:,}".replace(",", " "))
            c[1].metric(t("data.rows_mapped"), f"{rep.rows_mapped:,}".replace(",", " "))
            c[2].metric(t("data.rows_skipped"), f"{rep.rows_skipped:,}".replace(",", " "))
            c[3].metric(t("data.duplicates"), f"{rep.duplicates_removed:,}".replace(",", " "))
            if rep.n_unknown:
                st.info(t("data.n_unknown", count=f"{rep.n_unknown:,}".replace(",", " ")))
            if rep.markers:
                st.markdown(f"**{t('data.markers')}**")
                show_table(pd.DataFrame([{t("data.col.marker"): k, t("data.col.rows"): v}
                                           for k, v in rep.markers.items()]), hide_index=True)
            if rep.skipped:
                st.markdown(f"**{t('data.skipped')}**")
                tab = rep.skipped_table()
                tab["årsak"] = tab["årsak"].map(tr)  # the data layer's reasons are bokmål
                tab.columns = [t("data.col.reason"), t("data.col.rows"), t("data.col.lines")]
                show_table(tab, hide_index=True)
            if rep.units_unknown:
                st.markdown(f"**{t('data.unknown')}**")
                show_table(pd.DataFrame([{t("data.col.what"): tr(k), t("data.col.rows"): v}
                                           for k, v in rep.units_unknown.most_common(20)]), hide_index=True)
            if rep.notes:
                st.markdown(f"**{t('data.notes')}**")
                for note in rep.notes[:15]:
                    st.markdown(f"- {plain(tr(note))}")
            if rep.mapped is not None and len(rep.mapped):
                with st.expander(t("data.mapped")):
                    m = rep.mapped.copy()
                    m["indicator"] = m["indicator"].map(lambda c: indicator_name(c) if c in INDICATORS else c)
                    m.columns = [t("data.col.indicator"), t("data.col.level"), t("data.col.period"), t("data.col.rows")]
                    show_table(m, hide_index=True)


def _save_section(result) -> None:
    if len(result.figures):
        st.markdown(f"**{t('data.preview')}**")
        show_table(result.figures.head(50), hide_index=True)
    if result.context is not None and len(result.context):
        st.markdown(f"**{t('data.context_rows', count=len(result.context))}**")
        show_table(result.context.head(50), hide_index=True)
    mode = st.radio(t("data.mode"), ["add", "replace"], key="import_mode",
                    format_func=lambda m: t("data.mode_add") if m == "add" else t("data.mode_replace"))
    if st.button(t("data.save"), type="primary", key="import_save"):
        try:
            check_admin(active_principal())
            state = save_import(result, mode)
            _audit("replace" if mode == "replace" else "import", state.get("label", ""),
                   {"files": list(result.sources), "rows": len(result.figures)})
        except Exception as exc:  # a clear message; nothing half-written (atomic writes)
            log.exception("Saving the import failed")
            st.error(t("data.save_failed", error=tr(str(exc)) if isinstance(exc, ValueError) else ""))
            return
        st.session_state.pop(RESULT_KEY, None)
        possible = import_message(result.figures) if len(result.figures) else ""  # what the import made possible
        st.success(t("data.saved", rows=fmt_number(len(result.figures), 0), label=state["label"], possible=possible))


def _audit(action: str, target: str, detail: dict | None) -> None:
    """Imports, replacements and removals go to the audit log (who, when, what)."""
    try:
        audit(get_store(_secret_url()), active_principal(), action, target, detail)
    except Exception:  # noqa: BLE001 - the import is saved; a missing audit line is logged loudly
        log.exception("Audit log write failed for %s", action)


def main() -> None:
    check_admin(active_principal())  # data import and replacement: administrators only
    st.title(t("data.title"))
    st.markdown(t("data.intro"))
    info = data.dataset_info()
    st.markdown(t("data.now", label=info.label))
    state = read_state()
    if state.get("sources"):
        st.caption(t("data.now_sources", sources=", ".join(state["sources"])))
    st.caption(t("data.limit", mb=MAX_FILE_MB))
    uploads = st.file_uploader(
        t("data.uploader"), type=["csv", "tsv", "txt", "xlsx", "json"], accept_multiple_files=True,
        max_upload_size=MAX_FILE_MB, help=t("data.uploader_help", mb=MAX_FILE_MB), key="import_uploads",
    )
    hint = _kommune_hint()
    if uploads and st.button(t("data.check"), key="import_check"):
        files = _read_uploads(uploads)
        if files is not None:
            _run_import(files, hint)
    result = st.session_state.get(RESULT_KEY)
    if result is not None:
        if result.errors:
            st.error(t("data.failed"))
            for msg in result.errors:
                st.error(plain(tr(msg)))
        _report(result)
        if result.ok:
            _save_section(result)
    if state.get("mode") in ("add", "replace"):
        st.divider()
        st.header(t("data.clear_head"))
        if st.button(t("data.clear"), key="import_clear"):
            check_admin(active_principal())
            clear_imports()
            _audit("clear", "", None)
            st.session_state.pop(RESULT_KEY, None)
            st.success(t("data.cleared"))


try:
    main()
except AccessDenied:
    st.error(t("auth.denied"))
except Exception:  # never a traceback on screen
    log.exception("Data page failed")
    st.error(t("data.error"))
