"""Sammenlignbare kommuner: who the peers are, the kommune against them, and a context-adjusted expectation.

1. Peers two ways: the KOSTRA-like group, or the k nearest kommuner on standardised context (features
   and k adjustable); who they are and how near.
2. The kommune against its peers on every uttrekk indicator, pooled over the window, with intervals.
3. The value the kommune's context predicts for an indicator (regression across all kommuner, with a
   prediction interval), beside what it achieved.
Data and statistics: ``ui.exploration_data`` (cached calls into ``analysis/``); figures and tables:
``present.exploration_charts``.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from analysis.compare import count_classifications
from analysis.peers import CONTEXT_FEATURES
from data.catalogue import INDICATORS, UTTREKK_SET, indicator_label
from ui import exploration_data as xd
from ui import stats_widgets as sw
from ui.controls import peer_settings, window_picker
from ui.downloads import table_with_downloads
from present.format import fmt_number
from ui.realdata_widgets import context_note, usable_features, window_label_for
from ui.state import page_kommune, param_choice
from present.strings import t, tr
from ui.charts import show_chart

KEYS = {f"{i}|{s}|{tr}": (i, s, tr) for i, s, tr in UTTREKK_SET}


def ev_verdict(res, indicator: str) -> str:
    """Plain words for where the kommune lies against its prediction interval (direction-aware)."""
    pos = res.position
    if pos in ("ingen_data", "som_forventet"):
        return t(f"peers.ev_verdict.{pos}")
    direction = INDICATORS[indicator].direction
    if direction == 0:
        return t(f"peers.ev_verdict.{pos}")
    better = (pos == "hoyere") == (direction > 0)
    return t(f"peers.ev_verdict.{pos}") + " " + t("peers.ev_better" if better else "peers.ev_worse")


kommune_id, info, token = page_kommune()
st.title(t("peers.title", kommune=info["kommune_name"]))
st.markdown(t("peers.intro"))

settings, main = st.columns([1, 3])
with settings:
    method, chosen, k = peer_settings(editable=True)
    features, lacking = usable_features(kommune_id, chosen)  # a real kommune: only the context it has
    features = features or chosen
    window = window_picker(xd.all_periods(token))
wlabel = window_label_for(token, kommune_id, tuple(window))
feature_text = ", ".join(tr(CONTEXT_FEATURES[f]).lower() for f in features)
peers, peer_error = xd.peers(token, kommune_id, method, features, k)
peer_ids = tuple(peers.loc[peers["rank"] > 0, "kommune_id"])
# The current selection, for the findings widgets (ui/findings_widgets.py).
current = {"page": "sammenlignbare", "kommune_id": kommune_id, "peers": list(peer_ids), "method": method,
           "features": list(features), "k": k, "periods": window}

# One screen for the message: who the peers are, the kommune against them, the expected value. The
# charts, tables and method texts are in the tabs below.
with main:
    st.header(t("peers.message_heading"))
    context_note(kommune_id, info["kommune_name"], features if lacking != list(chosen) else (), lacking)
    if peer_error:
        st.warning(tr(peer_error))
    elif not peer_ids:
        st.warning(t("peers.none"))
    else:
        st.markdown(t(f"peers.who_intro.{method}", n=len(peer_ids), features=feature_text))
    summary = None
    if peer_ids:
        summary, units = xd.peer_comparison(token, kommune_id, peer_ids, tuple(window))
        if summary.empty:
            st.warning(t("peers.compare_none"))
        else:
            summary = sw.many_comparisons(summary, "peers")  # false flags; BH on request
            counts = count_classifications(summary["classification"])
            st.markdown(t("peers.compare_summary", svakere=counts.svakere, bedre=counts.bedre,
                          usikker=counts.usikker + counts.lavere + counts.hoyere, ingen=counts.ingen_data,
                          total=counts.total))
    key_choice = param_choice(t("common.indikator"), list(KEYS), "forventet",
                              format_func=lambda s: indicator_label(KEYS[s][0], KEYS[s][1], KEYS[s][2]))
    key = KEYS[key_choice]
    res, by_k, ev_error = xd.expected(token, kommune_id, key, tuple(features), tuple(window))
    if ev_error:
        st.warning(tr(ev_error))
    else:
        d = INDICATORS[key[0]].decimals
        m1, m2, m3 = st.columns(3)
        m1.metric(t("peers.ev_observed"), fmt_number(res.observed, d) if np.isfinite(res.observed) else t("common.suppressed"))
        m2.metric(t("peers.ev_expected"), fmt_number(res.expected, d))
        m3.metric(t("peers.ev_pi"), f"{fmt_number(res.pi_lower, d)}–{fmt_number(res.pi_upper, d)}")
        st.markdown(f"**{ev_verdict(res, key[0])}**")

tab_compare, tab_who, tab_expected = st.tabs([t("peers.tab.compare"), t("peers.tab.who"), t("peers.tab.expected")])
with tab_who:
    if peer_ids:
        ptitle = t("peers.who_title", kommune=info["kommune_name"])
        pfig, ptable = xd.peers_view(token, kommune_id, method, features, k, ptitle)
        pnote = t("peers.method_text", features=feature_text)
        show_chart(pfig, width="stretch", theme=None, key="peers_chart")
        table_with_downloads(ptable, key="peers", filename=f"sammenlignbare_{kommune_id}", note=pnote, title=ptitle)
with tab_compare:
    if summary is not None and not summary.empty:
        ctitle = t("peers.compare_title", kommune=info["kommune_name"], window=wlabel)
        cfig, ctable, csupp = xd.comparison_view(token, kommune_id, info["kommune_name"], peer_ids, tuple(window),
                                                 ctitle)
        methods = "; ".join(sorted({m for m in summary["ci_method"].unique() if m}))
        cnote = t("common.method_line", method=methods) + " " + t("peers.compare_method")
        show_chart(cfig, width="stretch", theme=None, key="peers_compare_chart")
        with st.expander(t("verdict.method_expander")):
            st.caption(cnote)
        table_with_downloads(ctable, key="peers_compare", filename=f"sammenligning_{kommune_id}", suppressed=csupp,
                             note=cnote, title=ctitle, show_note=False)
with tab_expected:
    st.markdown(t("peers.ev_intro"))
    if not ev_error:
        etitle = t("peers.ev_title", label=indicator_label(*key), window=wlabel)
        efig, etable, esupp = xd.expected_view(token, kommune_id, info["kommune_name"], key, tuple(features),
                                               tuple(window), etitle)
        enote = tr(res.method) + " " + t("peers.ev_r2", r2=fmt_number(res.r2, 2), n=res.n_kommuner)
        show_chart(efig, width="stretch", theme=None, key="peers_expected_chart")
        with st.expander(t("verdict.method_expander")):
            st.caption(enote)
        table_with_downloads(etable, key="peers_expected", filename=f"forventet_{kommune_id}_{key[0]}_{key[1]}_{key[2]}",
                             suppressed=esupp, note=enote, title=etitle, show_note=False)
