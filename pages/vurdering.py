"""Vurder utfordringene: a workshop participant rates the candidate challenges of a session.

Opened with ``?okt=<code>`` from a phone or laptop; needs nothing else (no kommune choice, no login).
Saving again updates the participant's ratings (``data.findings.ratings``, with history).
"""

from __future__ import annotations

import logging

import streamlit as st

from data.findings.ratings import RatingSessionNotFoundError, normalise_code
from present.strings import t, tr, verbatim
from ui.ratings_view import participant_ratings, rating_form

log = logging.getLogger(__name__)

st.title(t("vurdering.title"))
code = normalise_code(st.query_params.get("okt", ""))
if not code:
    with st.form("vurdering_kode"):
        typed = st.text_input(t("vurdering.code"), help=t("vurdering.code_help"), max_chars=12)
        if st.form_submit_button(t("vurdering.open")) and normalise_code(typed):
            st.query_params["okt"] = normalise_code(typed)
            st.rerun()
    st.info(t("vurdering.ask_code"))
    st.stop()

try:
    pr = participant_ratings(code)
    sess = pr.session
    challenges = pr.challenges()
except RatingSessionNotFoundError as exc:
    st.error(tr(str(exc)))
    st.stop()
except Exception:  # noqa: BLE001 - never a traceback on screen
    log.exception("rating session %s could not be read", code)
    st.error(t("felles.error"))
    st.stop()

st.text(t("vurdering.session", title=verbatim(sess.title)))
st.caption(t("vurdering.anonymous") if sess.anonymous else t("vurdering.named"))
if not sess.is_open:
    st.warning(t("vurdering.closed"))
    st.stop()
if not challenges:
    st.info(t("vurdering.none"))
    st.stop()
rating_form(pr, challenges)
