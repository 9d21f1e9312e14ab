"""Administrasjon: user roles and scopes, and the audit log (administrators only)."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from data.access import ROLES, AccessDenied, Principal, check_admin
from data.findings import get_store
from data.findings.access_store import audit_log, list_roles, remove_role, set_role
from present.strings import t, tr
from ui.auth import active_principal
from ui.findings_common import _secret_url
from ui.plain import plain

log = logging.getLogger(__name__)


def _roles_table(store, admin: Principal) -> None:
    people = list_roles(store, admin)
    if not people:
        st.caption(t("admin.no_roles"))
        return
    st.dataframe(pd.DataFrame([{
        t("admin.col_name"): p.name, t("admin.col_subject"): p.subject, t("admin.col_role"): ROLES[p.role],
        t("admin.col_scope"): p.fylke or ", ".join(p.kommuner) or t("admin.all"), t("admin.col_school"): p.school,
    } for p in people]), hide_index=True)


def _role_form(store, admin: Principal) -> None:
    with st.form("admin_role_form"):
        subject = st.text_input(t("admin.subject"), help=t("admin.subject_help"))
        name = st.text_input(t("admin.name"))
        role = st.selectbox(t("admin.role"), list(ROLES), format_func=ROLES.get)
        fylke = st.text_input(t("admin.fylke"), max_chars=2)
        kommuner = st.text_input(t("admin.kommuner"), help=t("admin.kommuner_help"))
        school = st.text_input(t("admin.school"), max_chars=9)
        if st.form_submit_button(t("admin.save")):
            person = Principal(subject.strip(), name.strip() or subject.strip(), role, fylke.strip(),
                               tuple(k.strip() for k in kommuner.replace(";", ",").split(",") if k.strip()),
                               school.strip())
            try:
                if not person.subject:
                    raise AccessDenied(t("admin.subject_missing"))
                set_role(store, admin, person)
                st.success(t("admin.saved", name=plain(person.name)))
            except AccessDenied as exc:
                st.error(plain(tr(str(exc))))


def _remove_form(store, admin: Principal) -> None:
    people = list_roles(store, admin)
    if not people:
        return
    subject = st.selectbox(t("admin.remove_who"), [p.subject for p in people], key="admin_remove_subject",
                           format_func=lambda s: next(f"{p.name} ({s})" for p in people if p.subject == s))
    if st.button(t("admin.remove"), key="admin_remove"):
        remove_role(store, admin, subject)
        st.success(t("admin.removed"))
        st.rerun()


def _audit(store, admin: Principal) -> None:
    entries = audit_log(store, admin)
    if not entries:
        st.caption(t("admin.no_audit"))
        return
    st.dataframe(pd.DataFrame([{
        t("admin.col_when"): e.at.astimezone().strftime("%d.%m.%Y %H:%M"), t("admin.col_who"): e.actor_name,
        t("admin.col_what"): e.action_label, t("admin.col_target"): e.target,
        t("admin.col_detail"): ", ".join(f"{k}: {v}" for k, v in (e.detail or {}).items()),
    } for e in entries]), hide_index=True)


def main() -> None:
    admin = active_principal()
    check_admin(admin)
    store = get_store(_secret_url())
    st.title(t("admin.title"))
    st.header(t("admin.roles"))
    _roles_table(store, admin)
    _role_form(store, admin)
    _remove_form(store, admin)
    st.header(t("admin.audit"))
    _audit(store, admin)


try:
    main()
except AccessDenied:
    st.error(t("auth.denied"))
except Exception:  # never a traceback on screen
    log.exception("Admin page failed")
    st.error(t("admin.error"))
