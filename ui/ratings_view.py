"""Streamlit pieces of «felles forståelse»: the participant's rating form and the veileder's results.

The participant is a random key kept in the session state and in the link (``&deltaker=<key>``), so a
phone that reloads the page or wakes from sleep is still the same participant; the key says nothing about
who it is. Their earlier ratings in the session are the form's defaults, so saving again updates them. Challenge texts
are user text and are shown with ``st.text`` (no Markdown, no HTML).
"""

from __future__ import annotations

import logging
import re
import uuid

import streamlit as st

from analysis.agreement import agreement_by_item, role_means
from data.findings import Finding, FindingValidationError
from data.findings.ratings import RatingSession
from data.findings.scoped_ratings import ParticipantRatings, ScopedRatings
from data.findings.vocab import RATING_ROLES, RATING_SCALE
from present import agreement_charts as ac
from present.format import count_text
from present.strings import t, tr
from ui.downloads import table_with_downloads
from ui.findings_common import _secret_url, findings_store

log = logging.getLogger(__name__)
PARTICIPANT_KEY = "vurdering_deltaker"
PARTICIPANT_PARAM = "deltaker"
_KEY_RE = re.compile(r"^[0-9a-f]{32}$")


def rating_store() -> ScopedRatings:
    """Sessions and ratings as the person using the app may use them (their kommuner)."""
    return findings_store().ratings()


def participant_ratings(code: str) -> ParticipantRatings:
    """This browser's participant in the session with ``code``: the code is the capability, no login needed;
    only their own ratings can be read or changed (``data.findings.scoped_ratings``)."""
    from data.findings import get_store
    from data.findings.ratings import RatingStore

    return ParticipantRatings(RatingStore(get_store(_secret_url())), code, participant_key())


def participant_key() -> str:
    """This browser's participant key: from the session, else the link, else a new random one (kept in both)."""
    key = st.session_state.get(PARTICIPANT_KEY) or str(st.query_params.get(PARTICIPANT_PARAM, ""))
    if not _KEY_RE.match(key):
        key = uuid.uuid4().hex
    st.session_state[PARTICIPANT_KEY] = key
    if st.query_params.get(PARTICIPANT_PARAM) != key:
        st.query_params[PARTICIPANT_PARAM] = key
    return key


def rating_form(pr: ParticipantRatings, challenges: list[Finding]) -> None:
    """Role (and name), then «hvor viktig» and «hvor sikker» 1–5 for each challenge; saves what is answered."""
    sess = pr.session
    mine = pr.mine()
    prev_role = str(mine["role"].iloc[0]) if len(mine) else None
    with st.form(f"vurdering_{sess.code}"):
        roles = list(RATING_ROLES)
        role = st.selectbox(t("vurdering.role"), roles, index=roles.index(prev_role) if prev_role in roles else None,
                            format_func=lambda r: RATING_ROLES[r], placeholder=t("common.choose"), key="vurdering_role")
        name = "" if sess.anonymous else st.text_input(t("vurdering.name"), key="vurdering_name", max_chars=100)
        answers = {}
        for i, f in enumerate(challenges, start=1):
            st.markdown(f"**{t('vurdering.challenge', i=i, n=len(challenges))}**")
            st.text(f.text)
            prev = mine.loc[f.id] if f.id in mine.index else None
            c1, c2 = st.columns(2)
            imp = c1.radio(t("vurdering.importance"), RATING_SCALE, horizontal=True, key=f"imp_{f.id}",
                           index=RATING_SCALE.index(int(prev["importance"])) if prev is not None else None,
                           help=t("vurdering.scale_help"))
            cer = c2.radio(t("vurdering.certainty"), RATING_SCALE, horizontal=True, key=f"cer_{f.id}",
                           index=RATING_SCALE.index(int(prev["certainty"])) if prev is not None else None,
                           help=t("vurdering.scale_help"))
            answers[f.id] = (imp, cer)
        submitted = st.form_submit_button(t("vurdering.save"), type="primary")
    if not submitted:
        return
    if role is None:
        st.error(t("vurdering.role") + ": " + t("common.choose"))
        return
    saved = 0
    try:
        for fid, (imp, cer) in answers.items():
            if imp is not None and cer is not None:
                pr.rate(role=role, finding_id=fid, importance=imp, certainty=cer, name=name)
                saved += 1
    except FindingValidationError as e:
        st.error(tr(e.message))
        return
    st.success(t("vurdering.saved", n=count_text(saved, t("vurdering.one"), t("vurdering.many"))))


def _labels(rs: ScopedRatings, sess: RatingSession) -> dict[str, str]:
    return {f.id: f.text for f in rs.challenges(sess.code)}


def results_view(rs: ScopedRatings, sess: RatingSession) -> None:
    """Participants, the heatmap challenge × role with its table, the agreement table, the role pair sentences."""
    df = rs.ratings(sess.code)
    labels = _labels(rs, sess)
    df = df[df["finding_id"].isin(list(labels))]
    if df.empty:
        st.info(t("felles.no_ratings"))
        return
    st.markdown(t("felles.participants", n=df["participant"].nunique(), m=len(df)))
    st.header(t("felles.heatmap_heading"))
    means = role_means(df)
    rated = {f: x for f, x in labels.items() if f in set(df["finding_id"])}
    fig = ac.heatmap_figure(means, rated, t("felles.heatmap_title"))
    st.plotly_chart(fig, width="stretch", theme=None, key="felles_heatmap")
    table_with_downloads(ac.heatmap_table(means, rated), key="felles_heatmap_table", filename=f"vurdering_{sess.code}",
                         note=t("felles.heatmap_title"), title=t("felles.heatmap_title"), show_note=False)
    st.header(t("felles.agreement_heading"))
    ag = ac.agreement_table(agreement_by_item(df, "importance"), agreement_by_item(df, "certainty"), rated)
    table_with_downloads(ag, key="felles_agreement", filename=f"enighet_{sess.code}", note=t("felles.method"),
                         title=t("felles.agreement_heading"), show_note=False)
    with st.expander(t("felles.method_heading"), icon=":material/functions:"):
        st.markdown(t("felles.method"))
    st.header(t("felles.pairs_heading"))
    roles = list(RATING_ROLES)
    c1, c2 = st.columns(2)
    a = c1.selectbox(t("felles.role_a"), roles, index=roles.index("skoleleder"), key="felles_role_a",
                     format_func=lambda r: RATING_ROLES[r])
    b = c2.selectbox(t("felles.role_b"), roles, index=roles.index("skoleeier"), key="felles_role_b",
                     format_func=lambda r: RATING_ROLES[r])
    for line in ac.pair_sentences(df, rated, a, b):
        st.text(line)
