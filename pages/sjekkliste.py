"""Sjekkliste for forfasen: Udir's goals for the forfase as a tracked list per kommune.

Each item has a status, a responsible role, a due date, a note and links to the findings that are its
evidence. Stored in the findings database with history (``data.findings`` checklist API).
"""

from __future__ import annotations

import logging
from datetime import date

import pandas as pd
import streamlit as st

from data.findings import ChecklistChanges, FindingValidationError, StaleVersionError, vocab
from report.model import checklist_progress
from ui import drafts
from ui import findings_widgets as fw
from ui.state import kommune_row, selected_kommune
from present.strings import t, tr
from ui.plain import plain
from ui.tables import show_table

log = logging.getLogger(__name__)

kommune_id = selected_kommune()
if not kommune_id:
    st.stop()
info = kommune_row(kommune_id)
st.title(t("sjekkliste.title", kommune=info["kommune_name"]))
st.caption(t("sjekkliste.intro"))

try:
    store = fw.findings_store()
    items = store.checklist(kommune_id)
    findings = store.list_findings(kommune_id)
except Exception:  # noqa: BLE001 - a clear message, details in the log
    log.exception("checklist unavailable")
    st.error(t("sjekkliste.db_error"))
    st.stop()

prog = checklist_progress(items)
st.progress(prog["ferdig"] / max(prog["total"], 1),
            text=t("sjekkliste.progress", done=prog["ferdig"], total=prog["total"], doing=prog["pagar"]))

with st.container(border=True):
    st.markdown(f"**{t('sjekkliste.author')}**")
    author = fw.author_inputs("sjekkliste")
    if author is not None:
        fw._remember_author(author)

finding_text = {f.id: f"{f.kind_label}: {f.text[:90]}{'…' if len(f.text) > 90 else ''}" for f in findings}
roles = [""] + list(vocab.ROLES)

overview = pd.DataFrame([{
    t("sjekkliste.col.item"): it.label, t("sjekkliste.status"): it.status_label,
    t("sjekkliste.role"): vocab.ROLES.get(it.responsible_role, ""),
    t("sjekkliste.due"): it.due_date.strftime("%d.%m.%Y") if it.due_date else "",
    t("sjekkliste.evidence"): len(it.evidence),
} for it in items])
with st.expander(t("sjekkliste.table"), expanded=False):
    show_table(overview, hide_index=True, width="stretch")

icons = {"ferdig": ":material/check_circle:", "pagar": ":material/autorenew:", "ikke_startet": ":material/radio_button_unchecked:"}
WIDGETS = ("status", "role", "due", "note", "evidence")
for it in items:
    key = f"chk_{kommune_id}_{it.item_key}"  # per kommune: another kommune's form never shows this one's
    # The version the user's form was built from: a save against an older version is a conflict.
    shown_version = st.session_state.setdefault(f"{key}_version", it.version)
    if shown_version > it.version:  # e.g. the database was replaced
        shown_version = st.session_state[f"{key}_version"] = it.version
    flash = st.session_state.pop(f"{key}_flash", None)
    dkey, wk = ("sjekkliste", kommune_id, it.item_key, shown_version), f"{key}_{shown_version}"
    with st.expander(f"{it.label} – {it.status_label}", icon=icons.get(it.status), expanded=False):
        if flash:
            (st.warning if flash == "stale" else st.success)(t(f"sjekkliste.{flash}"))
        if it.version:
            st.caption(t("sjekkliste.last_changed", when=it.updated_at.strftime("%d.%m.%Y %H:%M"),
                          who=plain(f"{it.updated_by_name} ({vocab.ROLES.get(it.updated_by_role, it.updated_by_role)})")))
        mine = st.session_state.get(f"{key}_mine")
        if mine:  # what this user typed before the conflict: shown, and one click puts it back in the form
            st.markdown(f"**{t('sjekkliste.mine_heading')}**")
            st.text(t("sjekkliste.mine_summary", status=vocab.CHECKLIST_STATUSES.get(mine["status"], mine["status"]),
                      role=vocab.ROLES.get(mine["role"], t("sjekkliste.role_none")),
                      due=mine["due"].strftime("%d.%m.%Y") if mine["due"] else "–"))
            st.text(mine["note"])
            if st.button(t("sjekkliste.use_mine"), key=f"{key}_use_mine"):
                drafts.put(dkey, {**mine, "evidence": [e for e in mine["evidence"] if e in finding_text]})
                for suffix in WIDGETS:
                    st.session_state.pop(f"{wk}_{suffix}", None)
                st.session_state.pop(f"{key}_mine", None)
                st.rerun()
        drafts.unsaved_note(dkey)  # in a slot of its own: the fields below keep their place
        # Plain widgets (not st.form): every change is kept as a draft per kommune and item (ui.drafts).
        c1, c2, c3 = st.columns(3)
        status = c1.selectbox(t("sjekkliste.status"), list(vocab.CHECKLIST_STATUSES),
                              format_func=vocab.CHECKLIST_STATUSES.get,
                              **drafts.bind(dkey, "status", f"{wk}_status", it.status, list(vocab.CHECKLIST_STATUSES)))
        role = c2.selectbox(t("sjekkliste.role"), roles, format_func=lambda r: vocab.ROLES.get(r, t("sjekkliste.role_none")),
                            **drafts.bind(dkey, "role", f"{wk}_role",
                                          it.responsible_role if it.responsible_role in roles else "", roles))
        due = c3.date_input(t("sjekkliste.due"), format="DD.MM.YYYY", **drafts.bind(dkey, "due", f"{wk}_due", it.due_date))
        note = st.text_area(t("sjekkliste.note"), max_chars=2000, **drafts.bind(dkey, "note", f"{wk}_note", it.note))
        evidence = st.multiselect(t("sjekkliste.evidence"), list(finding_text), format_func=finding_text.get,
                                  help=t("sjekkliste.evidence_help"),
                                  **drafts.bind(dkey, "evidence", f"{wk}_evidence",
                                                [e for e in it.evidence if e in finding_text], list(finding_text)))
        saved = st.button(t("sjekkliste.save"), type="primary", key=f"{wk}_save")
        if saved:
            if author is None:
                st.warning(t("sjekkliste.author_needed"))
            else:
                changes = ChecklistChanges(
                    status=status, responsible_role=role, due_date=due if isinstance(due, date) else None,
                    clear_due_date=due is None and it.due_date is not None, note=note, evidence=tuple(evidence))
                try:
                    after = store.update_checklist_item(kommune_id, it.item_key, shown_version, changes, author)
                    drafts.clear(dkey)
                    st.session_state[f"{key}_version"] = after.version
                    st.session_state[f"{key}_flash"] = "saved" if after.version != shown_version else "nothing"
                    st.rerun()
                except StaleVersionError as exc:
                    # Keep what this user typed (shown above the form, one click to restore), then show
                    # the other person's version: reset the widgets to what is stored now.
                    st.session_state[f"{key}_mine"] = {
                        "status": status, "role": role, "due": due if isinstance(due, date) else None,
                        "note": note, "evidence": list(evidence)}
                    drafts.clear(dkey)  # the new version gets fresh widgets; «mine» is shown above them
                    st.session_state[f"{key}_version"] = exc.current.version
                    st.session_state[f"{key}_flash"] = "stale"
                    st.rerun()
                except FindingValidationError as exc:
                    st.error(tr(exc.message))
        if it.evidence:
            for e in it.evidence:
                if e in finding_text:
                    st.markdown(f"- {fw.md_escape(finding_text[e])}")
            st.page_link("pages/funn.py", label=t("sjekkliste.see_findings"), icon=":material/lightbulb:")
        if it.version:
            hist = store.checklist_history(kommune_id, it.item_key)
            with st.popover(t("sjekkliste.history")):
                if not hist:
                    st.caption(t("sjekkliste.no_history"))
                for h in hist:
                    fields = ", ".join(h.changed_fields)
                    st.markdown(f"- {h.at.strftime('%d.%m.%Y %H:%M')}, {fw.md_escape(h.actor_name)} "
                                f"({vocab.ROLES.get(h.actor_role, h.actor_role)}): {h.action_label}"
                                + (f" ({fw.md_escape(fields)})" if fields else ""))
