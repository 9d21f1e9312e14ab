"""Hvorfor er vi trukket ut? Udir's selection model reconstructed for the chosen kommune and all others.

Thin view: the model is ``analysis.uttrekk``; the sentences are ``report.uttrekk_text`` (the report says
the same). The unpublished parts of the model are settings on this page with documented defaults.
"""

from __future__ import annotations

import logging
import math
from dataclasses import replace

import pandas as pd
import streamlit as st

import data
from analysis import uttrekk as u
from data.catalogue import indicator_label
from data.schema import sorted_periods
from report.charts import school_shares_figure
from report.texts import rt
from report.uttrekk_text import explain, kommune_obs, pct, point_table, school_obs, what_if_sentence
from ui.format import fmt_number
from ui.state import data_token, kommune_row, selected_kommune

log = logging.getLogger(__name__)
PARAMS_KEY = "uttrekk_params"


@st.cache_data(show_spinner=False, max_entries=8)
def model(token: str, params_key: str, _params: u.UttrekkParams) -> u.UttrekkResult:
    """The model for all kommuner, memoised per data version and parameter set."""
    return u.compute(data.load_dataset(), _params)


@st.cache_data(show_spinner=False, max_entries=4)
def periods_in_data(token: str) -> list[str]:
    return sorted_periods(str(p) for p in data.load_dataset()["period"].unique())


def status_text(row) -> str:
    if bool(row["drawn_level"]):
        return rt("uttrekk.status.level")
    if bool(row["drawn_spread"]):
        return rt("uttrekk.status.spread")
    return rt("uttrekk.status.none")


def params_form(defaults: u.UttrekkParams, periods: list[str]) -> u.UttrekkParams:
    """The settings expander; returns the parameters in use (kept in session state)."""
    current: u.UttrekkParams = st.session_state.get(PARAMS_KEY, defaults)
    with st.expander(rt("uttrekk.params"), expanded=False, icon="⚙️"):
        st.caption(rt("uttrekk.params_help"))
        for note in u.PARAM_NOTES.values():
            st.markdown(f"- {note}")
        with st.form("uttrekk_params_form"):
            c1, c2 = st.columns(2)
            end_opts = periods[2:] if len(periods) > 2 else periods
            end = c1.selectbox(rt("uttrekk.end_period"), end_opts,
                               index=end_opts.index(current.end_period) if current.end_period in end_opts
                               else len(end_opts) - 1)
            supp = c2.selectbox(rt("uttrekk.suppressed"), ["exclude", "possible_zero"],
                                index=["exclude", "possible_zero"].index(current.suppressed),
                                format_func=lambda k: rt(f"uttrekk.suppressed.{k}"))
            stat = c1.selectbox(rt("uttrekk.spread_stat"), ["range", "sd"],
                                index=["range", "sd"].index(current.spread_statistic),
                                format_func=lambda k: rt(f"uttrekk.spread_stat.{k}"))
            cutoff = c2.number_input(rt("uttrekk.cutoff"), 0.0, 100.0, float(current.spread_cutoff), 5.0)
            top = c1.number_input(rt("uttrekk.top_share"), 1.0, 100.0, 100 * current.top_share, 5.0)
            n_level = c2.number_input(rt("uttrekk.n_level"), 1, 200, int(current.n_level), 1)
            n_spread = c1.number_input(rt("uttrekk.n_spread"), 0, 100, int(current.n_spread), 1)
            st.markdown(f"**{rt('uttrekk.offsets')}**")
            cols = st.columns(3)
            offsets = {}
            for i, ((ind, trinn), off) in enumerate(current.absolute_offsets):
                label = indicator_label(ind, "", trinn) if trinn is not None else indicator_label(ind)
                offsets[(ind, trinn)] = cols[i % 3].number_input(label, 0.0, 50.0, float(off),
                                                                 0.05 if off < 1 else 0.5, key=f"off_{ind}_{trinn}")
            a, b = st.columns(2)
            apply = a.form_submit_button("Bruk innstillingene", type="primary")
            reset = b.form_submit_button(rt("uttrekk.reset"))
        if reset:
            st.session_state[PARAMS_KEY] = defaults
            st.rerun()
        if apply:
            st.session_state[PARAMS_KEY] = replace(
                current, end_period=end if end != periods[-1] else None, suppressed=supp, spread_statistic=stat,
                spread_cutoff=float(cutoff), top_share=float(top) / 100, n_level=int(n_level),
                n_spread=int(n_spread), absolute_offsets=tuple(offsets.items()))
            st.rerun()
    return current


kommune_id = selected_kommune()
if not kommune_id:
    st.stop()
info = kommune_row(kommune_id)
name = info["kommune_name"]
st.title(rt("uttrekk.title", kommune=name))
st.markdown(rt("uttrekk.intro"))
st.info(u.DISCLAIMER, icon="ℹ️")

token = data_token()
params = params_form(u.UttrekkParams(), periods_in_data(token))
try:
    with st.spinner("Regner ut risikopoeng for alle kommuner …"):
        res = model(token, repr(params), params)
except Exception:  # noqa: BLE001 - a clear message, details in the log
    log.exception("uttrekk model failed")
    st.error(rt("uttrekk.error"))
    st.stop()

krow = res.kommune_row(kommune_id)
ex = explain(res, kommune_id, name)
if krow is None or pd.isna(krow["share"]):
    st.warning(ex.headline)
    st.stop()

m1, m2, m3, m4 = st.columns(4)
m1.metric(rt("uttrekk.metric.share"), pct(krow["share"]))
m2.metric(rt("uttrekk.metric.rank"), fmt_number(krow["rank"], 0), rt("uttrekk.rank_of", n=int(krow["n_kommuner"])),
          delta_color="off")
m3.metric(rt("uttrekk.metric.spread"), "–" if pd.isna(krow["spread"]) else f"{fmt_number(krow['spread'], 0)} pp")
m4.metric(rt("uttrekk.metric.status"), status_text(krow))
st.caption(f"Skoleår {res.periods[0]}–{res.periods[-1]}.")

tabs = st.tabs([rt("uttrekk.tab.explain"), rt("uttrekk.tab.points"), rt("uttrekk.tab.schools"),
                rt("uttrekk.tab.whatif"), rt("uttrekk.tab.stability"), rt("uttrekk.tab.all")])

with tabs[0]:
    st.markdown(ex.headline)
    for part in ex.level + ex.spread:
        st.markdown(part)
    st.subheader("Hvor sikre er poengene?")
    for part in ex.reliability:
        (st.warning if ex.uncertain and "ikke sikker" in part else st.markdown)(part)
    for part in ex.drivers + ex.stability:
        st.markdown(part)
    if ex.what_if:
        st.subheader(rt("uttrekk.tab.whatif"))
        for part in ex.what_if:
            st.markdown(f"- {part}")

with tabs[1]:
    pt = point_table(res, kommune_obs(res, kommune_id))
    if pt.empty:
        st.info(rt("uttrekk.no_points"))
    else:
        st.caption(rt("uttrekk.points_caption"))
        st.dataframe(pt, hide_index=True, width="stretch")
    with st.expander("Hva betyr «sikker» og «ikke sikker»?"):
        for text in u.RELIABILITY_LABELS.values():
            st.markdown(f"- {text}")

schools = res.kommune_schools(kommune_id)
with tabs[2]:
    if schools.empty:
        st.info(rt("uttrekk.whatif_none"))
    else:
        fig = school_shares_figure(schools, float(krow["share"]), res.top_threshold, rt("uttrekk.schools_chart"))
        st.plotly_chart(fig, width="stretch")
        tbl = pd.DataFrame({
            "Skole": schools["school_name"],
            "Risikopoeng": schools["points"].map(lambda v: fmt_number(v, 0)),
            "Mulige poeng": schools["possible"].map(lambda v: fmt_number(v, 0)),
            "Andel": schools["share"].map(pct),
            "Skjermede tall": schools["n_suppressed"].astype(int),
            "Plass blant skolene i landet": schools["national_rank"].map(lambda v: fmt_number(v, 0)),
            "Blant de 25 % høyeste": schools["top"].map({True: "ja", False: "nei"}),
        })
        st.dataframe(tbl, hide_index=True, width="stretch")
        pick = st.selectbox(rt("uttrekk.school_points"), schools["school_id"].tolist(),
                            format_func=dict(zip(schools["school_id"], schools["school_name"])).get,
                            key="uttrekk_school_points")
        spt = point_table(res, school_obs(res, pick))
        if spt.empty:
            st.info(rt("uttrekk.no_points"))
        else:
            st.dataframe(spt, hide_index=True, width="stretch")

with tabs[3]:
    st.markdown(rt("uttrekk.whatif_intro"))
    ranked = schools[schools["ranked"]] if len(schools) else schools
    if ranked.empty:
        st.info(rt("uttrekk.whatif_none"))
    else:
        weakest = u.weakest_school(res, kommune_id)
        ids = ranked["school_id"].tolist()
        c1, c2 = st.columns(2)
        school_id = c1.selectbox(rt("uttrekk.whatif_school"), ids, index=ids.index(weakest["school_id"]),
                                 format_func=dict(zip(ranked["school_id"], ranked["school_name"])).get,
                                 key="uttrekk_whatif_school")
        target = c2.radio(rt("uttrekk.whatif_target"), ["kommune", "nasjonalt"], horizontal=True,
                          format_func=lambda k: rt(f"uttrekk.whatif_target.{k}"), key="uttrekk_whatif_target")
        w = u.what_if(res, kommune_id, school_id, target)
        st.success(what_if_sentence(w, name))

        def _status(s: dict) -> str:
            return status_text(s)

        rows = [
            (rt("uttrekk.row.school_share"), pct(w.before["school_share"]), pct(w.after["school_share"])),
            (rt("uttrekk.row.share"), pct(w.before["share"]), pct(w.after["share"])),
            (rt("uttrekk.row.rank"), fmt_number(w.before["rank"], 0), fmt_number(w.after["rank"], 0)),
            (rt("uttrekk.row.spread"), "–" if math.isnan(w.before["spread"]) else f"{fmt_number(w.before['spread'], 0)} pp",
             "–" if math.isnan(w.after["spread"]) else f"{fmt_number(w.after['spread'], 0)} pp"),
            (rt("uttrekk.row.status"), _status(w.before), _status(w.after)),
        ]
        st.table(pd.DataFrame(rows, columns=["", rt("uttrekk.col.before"), rt("uttrekk.col.after")]).set_index(""))

with tabs[4]:
    obs = kommune_obs(res, kommune_id)
    st_ = u.stability(obs, res.periods)
    st.subheader(rt("uttrekk.by_year"))
    by = st_["by_year"]
    st.dataframe(pd.DataFrame({
        "Skoleår": by["period"], "Risikopoeng": by["points"].map(lambda v: fmt_number(v, 0)),
        "Mulige poeng": by["possible"].map(lambda v: fmt_number(v, 0)), "Andel": by["share"].map(pct),
    }), hide_index=True, width="stretch")
    for part in ex.stability:
        st.markdown(part)
    st.subheader(rt("uttrekk.drivers"))
    drv = u.drivers(obs)
    st.dataframe(pd.DataFrame({
        "Indikator": drv["label"], "Risikopoeng": drv["points"].map(lambda v: fmt_number(v, 0)),
        "Mulige poeng": drv["possible"].map(lambda v: fmt_number(v, 0)),
        "År med poeng": [f"{a} av {b}" for a, b in zip(drv["years_with_points"], drv["years_counted"])],
        "Del av kommunens poeng": drv["contribution"].map(pct),
    }), hide_index=True, width="stretch")

with tabs[5]:
    k = res.kommuner
    st.caption(rt("uttrekk.all_caption"))
    st.dataframe(pd.DataFrame({
        "Plass": k["rank"], "Kommune": k["kommune_name"] + " (" + k["kommune_id"] + ")",
        "Andel (%)": k["share"].round(1), "Spredning (pp)": k["spread"].round(1),
        "Spredningssignal": k["spread_signal"].map({True: "ja", False: "nei"}),
        "Utfall": [status_text(r) for _, r in k.iterrows()],
        "Denne kommunen": (k["kommune_id"] == kommune_id).map({True: "◀", False: ""}),
    }), hide_index=True, width="stretch", height=420)
