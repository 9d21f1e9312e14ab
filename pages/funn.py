"""Funn: the kommune's findings beside the numbers (docs/architecture.md, «Data in»).

Create, edit (with conflict handling), filter, sort, delete/restore and see the history of findings;
strengths and challenges side by side; export/import. Each finding shows a small chart of the data it
links to, with intervals. All logic lives in ``data.findings`` and ``ui.findings_widgets``.
"""

from __future__ import annotations

import json
import logging

import streamlit as st

from data.catalogue import INDICATORS, indicator_name
from data.findings import SORTS, FindingValidationError, vocab
from ui import findings_widgets as fw
from ui.state import kommune_row, selected_kommune
from present.strings import t, tr

log = logging.getLogger(__name__)

kommune_id = selected_kommune()
if not kommune_id:
    st.info(t("funn.no_kommune"))
    st.stop()
info = kommune_row(kommune_id)
st.title(t("funn.title", kommune=info["kommune_name"]))
st.caption(t("funn.intro"))

try:
    store = fw.findings_store()
except Exception:  # noqa: BLE001 - a clear message, details in the log
    log.exception("findings store unavailable")
    st.error(t("funn.db_error"))
    st.stop()

# --- who is writing (remembered for this browser session) ----------------------------------------
with st.container(border=True):
    st.markdown(f"**{t('funn.author_heading')}**")
    author = fw.author_inputs("funn_page")
    if author is not None:
        fw.remember_author(author)

with st.expander(t("funn.add"), expanded=False, icon=":material/edit_note:"):
    fw.add_finding_form({"kommune_id": kommune_id}, key="funn_add", ask_author=False, store=store)

tab_list, tab_side, tab_deleted, tab_exchange = st.tabs(
    [t("funn.tab_list"), t("funn.tab_side"), t("funn.tab_deleted"), t("funn.tab_exchange")])

# --- all findings: filter and sort ----------------------------------------------------------------
with tab_list:
    schools = fw.kommune_schools(fw._token(), kommune_id)
    with st.expander(t("funn.filters"), expanded=True):
        c1, c2, c3, c4 = st.columns(4)
        kinds = c1.multiselect(t("funn.filter_kind"), list(vocab.KINDS), format_func=lambda k: vocab.KINDS[k],
                               key="funn_f_kind", placeholder=t("funn.choose"))
        statuses = c2.multiselect(t("funn.filter_status"), list(vocab.STATUSES),
                                  format_func=lambda k: vocab.STATUSES[k], key="funn_f_status",
        placeholder=t("funn.choose"))
        themes = c3.multiselect(t("funn.filter_theme"), store.themes_in_use(kommune_id), key="funn_f_theme",
                                placeholder=t("funn.choose"))
        roles = c4.multiselect(t("funn.filter_role"), list(vocab.ROLES), format_func=lambda k: vocab.ROLES[k],
                               key="funn_f_role", placeholder=t("funn.choose"))
        c5, c6, c7, c8 = st.columns(4)
        f_schools = c5.multiselect(t("funn.filter_school"), list(schools), format_func=lambda s: schools.get(s, s),
                                   key="funn_f_school", placeholder=t("funn.choose"))
        f_inds = c6.multiselect(t("funn.filter_indicator"), list(INDICATORS),
                                format_func=indicator_name, key="funn_f_indicator",
        placeholder=t("funn.choose"))
        text = c7.text_input(t("funn.filter_text"), key="funn_f_text", max_chars=200)
        sort = c8.selectbox(t("funn.sort"), list(SORTS), format_func=lambda s: SORTS[s], key="funn_f_sort")
    findings = store.list(kommune_id, kinds=kinds, statuses=statuses, themes=themes, author_roles=roles,
                          schools=f_schools, indicators=f_inds, text=text, sort=sort)
    filtered = any([kinds, statuses, themes, roles, f_schools, f_inds, (text or "").strip()])
    st.caption(t("funn.count", n=len(findings)))
    fw.findings_list(findings, key="funn", store=store,
                     empty_text=t("funn.none_filtered") if filtered else t("funn.none"))

# --- strengths and challenges side by side ---------------------------------------------------------
with tab_side:
    st.caption(t("funn.side_help"))
    live = [f for f in store.list(kommune_id, kinds=["styrke", "utfordring"], sort="kind")
            if f.status != "forkastet"]
    col_s, col_u = st.columns(2)
    styrker = [f for f in live if f.kind == "styrke"]
    utfordringer = [f for f in live if f.kind == "utfordring"]
    with col_s:
        st.header(t("funn.side_styrker", n=len(styrker)))
        fw.findings_list(styrker, key="funn_side_s", store=store, compact=True, editable=False)
    with col_u:
        st.header(t("funn.side_utfordringer", n=len(utfordringer)))
        fw.findings_list(utfordringer, key="funn_side_u", store=store, compact=True, editable=False)

# --- deleted findings (restorable) -------------------------------------------------------------------
with tab_deleted:
    fw.findings_list(store.list(kommune_id, deleted=True), key="funn_del", store=store, show_chart=False,
                     empty_text=t("funn.deleted_none"))

# --- export and import ---------------------------------------------------------------------------------
with tab_exchange:
    st.caption(t("funn.export_help"))
    c1, c2 = st.columns(2)
    c1.download_button(t("funn.export_json"),
                       json.dumps(store.export_json(kommune_id), ensure_ascii=False, indent=1).encode("utf-8"),
                       file_name=f"funn_{kommune_id}.json", mime="application/json", key="funn_dl_json")
    names = fw.kommune_schools(fw._token(), kommune_id)  # schools by name in the CSV, not by organisation number
    c2.download_button(t("funn.export_csv"), store.export_csv(kommune_id, school_names=names),
                       file_name=f"funn_{kommune_id}.csv",
                       mime="text/csv", key="funn_dl_csv")
    upload = st.file_uploader(t("funn.import"), type=["json"], key="funn_import_file")
    if upload is not None and st.button(t("funn.import_button"), key="funn_import_go"):
        payload = upload.getvalue()
        try:
            file_kommune = json.loads(payload.decode("utf-8-sig")).get("kommune_id")
        except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
            file_kommune = None
        who = fw.saved_author()
        if who is None:
            st.error(t("funn.author_missing"))
        elif file_kommune and file_kommune != kommune_id:
            st.error(t("funn.import_wrong_kommune", file_kommune=file_kommune, kommune=kommune_id))
        else:
            try:
                st.success(tr(store.import_json(payload, who).message))
            except FindingValidationError as e:
                st.error(tr(e.message))
