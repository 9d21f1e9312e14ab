"""Felles forståelse: the veileder opens a rating session, shows its code, and follows the agreement.

Participants rate on «Vurder utfordringene» (``pages/vurdering.py?okt=<code>``). Results: the heatmap
challenge × role of mean «hvor viktig» with its table, r_wg per challenge with a bootstrap interval
(``analysis.agreement``), and the sentences «skoleledere og skoleeier er enige om …, uenige om …».
"""

from __future__ import annotations

import logging

import streamlit as st

from data.access import AccessDenied
from data.findings import Author, FindingValidationError
from present.strings import t, tr, verbatim
from ui.findings_common import author_inputs, saved_author
from ui.ratings_view import rating_store, results_view
from ui.state import page_kommune, param_choice

log = logging.getLogger(__name__)
DEFAULT_AUTHOR = Author(t("felles.default_author"), "veileder")

kommune_id, info, token = page_kommune()
st.title(t("felles.title", kommune=info["kommune_name"]))
st.markdown(t("felles.intro"))
rs = rating_store()
organiser = rs.may_organise(kommune_id)  # a skoleleder follows the results but does not run sessions


def new_session_form() -> None:
    """Title, anonymous or by name, and who opens it; the new session's code becomes the chosen one."""
    with st.form("felles_ny"):
        title = st.text_input(t("felles.new_title"), value=t("felles.new_title_default"), max_chars=200)
        anonymous = st.toggle(t("felles.new_anonymous"), value=True, help=t("felles.new_anonymous_help"))
        author = author_inputs("felles_ny", st, in_form=True)
        if st.form_submit_button(t("felles.new_button"), type="primary"):
            try:
                new = rs.create_session(kommune_id, title, anonymous=anonymous,
                                        author=author or saved_author() or DEFAULT_AUTHOR)
                st.session_state["qp_okt"] = new.code
                st.query_params["okt"] = new.code
                st.success(t("felles.created", code=new.code))
            except FindingValidationError as e:
                st.error(tr(e.message))
            except AccessDenied:
                st.error(t("auth.denied"))


if organiser:
    with st.expander(t("felles.new_heading"), icon=":material/add_circle:", expanded=False):
        new_session_form()

sessions = rs.sessions(kommune_id)
if not sessions:
    st.info(t("felles.no_sessions"))
    st.stop()
by_code = {s.code: s for s in sessions}
code = param_choice(t("felles.choose_session"), list(by_code), "okt",
                    format_func=lambda c: t("felles.session_label", title=verbatim(by_code[c].title), code=c))
sess = by_code[code]

st.header(t("felles.code_heading"))
st.markdown(f"# `{sess.code}`")
st.caption(t("felles.code_help", page=t("nav.vurdering"), link=f"/vurdering?okt={sess.code}"))
st.caption(t("felles.anonymous_yes") if sess.anonymous else t("felles.anonymous_no"))
if not rs.challenges(sess.code):
    st.warning(t("felles.no_challenges"))
c1, c2 = st.columns(2)
if not sess.is_open:
    st.info(t("felles.closed"))
toggle = ("felles.close", "felles_close", ":material/lock:") if sess.is_open else (
    "felles.open", "felles_open", ":material/lock_open:")
if organiser and c1.button(t(toggle[0]), key=toggle[1], icon=toggle[2]):
    try:
        rs.set_open(sess.code, not sess.is_open, (saved_author() or DEFAULT_AUTHOR))
        st.rerun()
    except AccessDenied:
        st.error(t("auth.denied"))
c2.button(t("felles.refresh"), key="felles_refresh", icon=":material/refresh:")

st.header(t("felles.results_heading"))
results_view(rs, sess)
