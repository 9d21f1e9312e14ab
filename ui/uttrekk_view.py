"""Streamlit pieces of the page «Hvorfor er vi trukket ut?»: the settings form and one function per tab.

The model is ``analysis.uttrekk``; the sentences are ``present.uttrekk_text`` (the report says the same);
``pages/uttrekk.py`` wires them together.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from dataclasses import replace

import pandas as pd
import streamlit as st

from analysis import uttrekk as u
from data.catalogue import UTTREKK_SET_LABELS, UTTREKK_SETS, indicator_label, uttrekk_set_name
from present.format import fmt_number
from present.strings import t, tr
from present.window import school_years, window_text
from ui.tables import show_table
from present.charts import school_shares_figure
from present.uttrekk_text import UttrekkExplanation, kommune_obs, pct, point_table, school_obs, what_if_sentence
from ui.charts import show_chart
from ui.frozen import freeze

PARAMS_KEY = "uttrekk_params"
YES_NO = {True: t("uttrekk.yes"), False: t("uttrekk.no")}


def pp(x: float) -> str:
    """'75 pp' (whole percentage points, decimal comma); '–' for NaN."""
    return "–" if pd.isna(x) else t("uttrekk.pp", value=fmt_number(x, 0))


def status_text(row) -> str:
    if bool(row["drawn_level"]):
        return t("uttrekk.status.level")
    if bool(row["drawn_spread"]):
        return t("uttrekk.status.spread")
    return t("uttrekk.status.none")


def _whole(v) -> str:
    return fmt_number(v, 0)


def _offset_inputs(current: u.UttrekkParams) -> dict:
    st.markdown(f"**{t('uttrekk.offsets')}**")
    cols = st.columns(3)
    offsets = {}
    for i, ((ind, trinn), off) in enumerate(current.absolute_offsets):
        label = indicator_label(ind, "", trinn) if trinn is not None else indicator_label(ind)
        offsets[(ind, trinn)] = cols[i % 3].number_input(label, 0.0, 50.0, float(off),
                                                         0.05 if off < 1 else 0.5, key=f"off_{ind}_{trinn}")
    return offsets


def _form_values(current: u.UttrekkParams, periods: list[str]) -> dict:
    """The settings widgets (inside the form); returns the chosen values."""
    c1, c2 = st.columns(2)
    first_end = current.window_years - 1  # the first school year that ends a full window
    end_opts = periods[first_end:] if len(periods) > first_end else periods
    end = c1.selectbox(t("uttrekk.end_period"), end_opts,
                       index=end_opts.index(current.end_period) if current.end_period in end_opts
                       else len(end_opts) - 1)
    supp = c2.selectbox(t("uttrekk.suppressed"), ["exclude", "possible_zero"],
                        index=["exclude", "possible_zero"].index(current.suppressed),
                        format_func=lambda k: t(f"uttrekk.suppressed.{k}"))
    stat = c1.selectbox(t("uttrekk.spread_stat"), ["range", "sd"], index=["range", "sd"].index(current.spread_statistic),
                        format_func=lambda k: t(f"uttrekk.spread_stat.{k}"))
    cutoff = c2.number_input(t("uttrekk.cutoff"), 0.0, 100.0, float(current.spread_cutoff), 5.0)
    top = c1.number_input(t("uttrekk.top_share"), 1.0, 100.0, 100 * current.top_share, 5.0)
    n_level = c2.number_input(t("uttrekk.n_level"), 1, 200, int(current.n_level), 1)
    n_spread = c1.number_input(t("uttrekk.n_spread"), 0, 100, int(current.n_spread), 1)
    sets = list(UTTREKK_SETS)
    chosen = uttrekk_set_name(current.indicators)
    iset = c2.selectbox(t("stat.indicator_set.choice"), sets, index=sets.index(chosen) if chosen in sets else 0,
                        format_func=lambda k: tr(UTTREKK_SET_LABELS[k]), help=t("stat.indicator_set.long"))
    offsets = _offset_inputs(current)
    return dict(indicators=UTTREKK_SETS[iset],
                end_period=end if end != periods[-1] else None, suppressed=supp, spread_statistic=stat,
                spread_cutoff=float(cutoff), top_share=float(top) / 100, n_level=int(n_level),
                n_spread=int(n_spread), absolute_offsets=tuple(offsets.items()))


def params_form(defaults: u.UttrekkParams, periods: list[str]) -> u.UttrekkParams:
    """The settings expander; returns the parameters in use (kept in session state)."""
    current: u.UttrekkParams = st.session_state.get(PARAMS_KEY, defaults)
    with st.expander(t("uttrekk.params"), expanded=False, icon=":material/settings:"):
        st.caption(t("uttrekk.params_help"))
        for note in u.PARAM_NOTES.values():
            st.markdown(f"- {tr(note)}")
        with st.form("uttrekk_params_form"):
            values = _form_values(current, periods)
            a, b = st.columns(2)
            apply = a.form_submit_button(t("uttrekk.apply"), type="primary")
            reset = b.form_submit_button(t("uttrekk.reset"))
        if reset:
            st.session_state[PARAMS_KEY] = defaults
            st.rerun()
        if apply:
            st.session_state[PARAMS_KEY] = replace(current, **values)
            st.rerun()
    return current


def metrics(res: u.UttrekkResult, krow: pd.Series) -> None:
    """The verdict as a full line of its own (it wraps, never cut); share, rank (no progress arrow) and
    spread as three metrics; the window below them."""
    st.markdown(f'<p id="uttrekk-verdict" style="font-size:1.7rem;font-weight:700;margin:.2em 0;white-space:normal">'
                f'{escape(t("uttrekk.metric.status"))}: {escape(status_text(krow))}</p>', unsafe_allow_html=True)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("uttrekk.metric.share"), pct(krow["share"]))
    m2.metric(t("uttrekk.metric.rank"), f'{fmt_number(krow["rank"], 0)} {t("uttrekk.rank_of", n=int(krow["n_kommuner"]))}')
    m3.metric(t("uttrekk.metric.spread"), "–" if pd.isna(krow["spread"]) else pp(krow["spread"]))
    # The window as used: «2 av 3 år: …» with the reason where a year is missing in the data.
    wanted = school_years(res.params.end_period or res.periods[-1], res.params.window_years)
    st.caption(t("uttrekk.window", window=window_text(wanted, res.periods)))


def explanation_tab(ex: UttrekkExplanation) -> None:
    st.markdown(ex.headline)
    for part in ex.level + ex.spread:
        st.markdown(part)
    st.header(t("uttrekk.reliability_heading"))
    for part in ex.reliability:
        (st.warning if ex.uncertain and ("ikke sikker" in part or "ikkje sikker" in part) else st.markdown)(part)
    for part in ex.drivers + ex.stability:
        st.markdown(part)
    if ex.what_if:
        st.header(t("uttrekk.tab.whatif"))
        for part in ex.what_if:
            st.markdown(f"- {part}")


# A rerun of this page (a widget in any tab) used to rebuild every tab's tables and the schools' chart from the
# model result (≈0,15 s of server CPU). They are finished once per data version and language, model parameters
# and kommune (``key`` = (data token, parameters)), and shared read-only between sessions.
Key = tuple[str, str]


@st.cache_resource(show_spinner=False, max_entries=64)
def _kommune_views(key: Key, _res: u.UttrekkResult, kommune_id: str) -> dict:
    """The points, stability and all-kommuner tables and the schools' chart and table of one kommune."""
    obs = kommune_obs(_res, kommune_id)
    by = u.stability(obs, _res.periods)["by_year"]
    drv = u.drivers(obs)
    k = _res.kommuner
    views = {
        "points": point_table(_res, obs),
        "by_year": pd.DataFrame({
            t("uttrekk.col.period"): by["period"], t("uttrekk.col.points"): by["points"].map(_whole),
            t("uttrekk.col.possible"): by["possible"].map(_whole), t("uttrekk.col.share"): by["share"].map(pct)}),
        "drivers": pd.DataFrame({
            t("uttrekk.col.indicator"): drv["label"],
            t("uttrekk.col.points"): drv["points"].map(_whole),
            t("uttrekk.col.possible"): drv["possible"].map(_whole),
            t("uttrekk.col.years_with_points"): [t("uttrekk.years_of", count=a, total=b)
                                                 for a, b in zip(drv["years_with_points"], drv["years_counted"])],
            t("uttrekk.col.contribution"): drv["contribution"].map(pct)}),
        "all": pd.DataFrame({
            t("uttrekk.col.rank"): k["rank"],
            t("uttrekk.col.kommune"): k["kommune_name"] + " (" + k["kommune_id"] + ")",
            t("uttrekk.col.share_pct"): k["share"].round(1), t("uttrekk.col.spread_pp"): k["spread"].round(1),
            t("uttrekk.col.signal"): k["spread_signal"].map(YES_NO),
            t("uttrekk.col.status"): [status_text(r) for _, r in k.iterrows()],
            t("uttrekk.col.this"): (k["kommune_id"] == kommune_id).map({True: t("uttrekk.this_kommune"), False: ""})}),
    }
    schools, krow = _res.kommune_schools(kommune_id), _res.kommune_row(kommune_id)
    if len(schools) and krow is not None:
        views["schools_fig"] = freeze(school_shares_figure(schools, float(krow["share"]), _res.top_threshold,
                                                           t("uttrekk.schools_chart")))
        views["schools"] = pd.DataFrame({
            t("uttrekk.col.school"): schools["school_name"],
            t("uttrekk.col.points"): schools["points"].map(_whole),
            t("uttrekk.col.possible"): schools["possible"].map(_whole),
            t("uttrekk.col.share"): schools["share"].map(pct),
            t("uttrekk.col.suppressed"): schools["n_suppressed"].astype(int),
            t("uttrekk.col.national_rank"): schools["national_rank"].map(_whole),
            t("uttrekk.col.top"): schools["top"].map(YES_NO),
        })
    return views


@st.cache_resource(show_spinner=False, max_entries=256)
def _school_points(key: Key, _res: u.UttrekkResult, school_id: str) -> pd.DataFrame:
    return point_table(_res, school_obs(_res, school_id))


def points_tab(key: Key, res: u.UttrekkResult, kommune_id: str) -> None:
    pt = _kommune_views(key, res, kommune_id)["points"]
    if pt.empty:
        st.info(t("uttrekk.no_points"))
    else:
        st.caption(t("uttrekk.points_caption"))
        show_table(pt, hide_index=True, width="stretch")
    with st.expander(t("uttrekk.reliability_help")):
        for text in u.RELIABILITY_LABELS.values():
            st.markdown(f"- {tr(text)}")


def schools_tab(key: Key, res: u.UttrekkResult, schools: pd.DataFrame, kommune_id: str) -> None:
    views = _kommune_views(key, res, kommune_id)
    if schools.empty or "schools_fig" not in views:
        st.info(t("uttrekk.whatif_none"))
        return
    show_chart(views["schools_fig"], width="stretch")
    show_table(views["schools"], hide_index=True, width="stretch")
    pick = st.selectbox(t("uttrekk.school_points"), schools["school_id"].tolist(),
                        format_func=dict(zip(schools["school_id"], schools["school_name"])).get,
                        key="uttrekk_school_points")
    spt = _school_points(key, res, pick)
    if spt.empty:
        st.info(t("uttrekk.no_points"))
    else:
        show_table(spt, hide_index=True, width="stretch")


def what_if_tab(res: u.UttrekkResult, kommune_id: str, name: str, schools: pd.DataFrame,
                compute_what_if: Callable[[str, str], u.WhatIf]) -> None:
    """Pick a school and a level; ``compute_what_if(school_id, target)`` is the page's memoised what-if."""
    st.markdown(t("uttrekk.whatif_intro"))
    ranked = schools[schools["ranked"]] if len(schools) else schools
    if ranked.empty:
        st.info(t("uttrekk.whatif_none"))
        return
    weakest = u.weakest_school(res, kommune_id)
    ids = ranked["school_id"].tolist()
    c1, c2 = st.columns(2)
    school_id = c1.selectbox(t("uttrekk.whatif_school"), ids, index=ids.index(weakest["school_id"]),
                             format_func=dict(zip(ranked["school_id"], ranked["school_name"])).get,
                             key="uttrekk_whatif_school")
    target = c2.radio(t("uttrekk.whatif_target"), ["kommune", "nasjonalt"], horizontal=True,
                      format_func=lambda k: t(f"uttrekk.whatif_target.{k}"), key="uttrekk_whatif_target")
    w = compute_what_if(school_id, target)
    st.success(what_if_sentence(w, name))
    # The cut that decides selection on spread is the tenth-largest spread, not the published limit.
    p = res.params
    st.markdown(t("uttrekk.whatif_cut", n=p.n_spread, floor=pp(res.spread_selection_floor), cutoff=pp(p.spread_cutoff)))
    rows = [
        (t("uttrekk.row.school_share"), pct(w.before["school_share"]), pct(w.after["school_share"])),
        (t("uttrekk.row.share"), pct(w.before["share"]), pct(w.after["share"])),
        (t("uttrekk.row.rank"), fmt_number(w.before["rank"], 0), fmt_number(w.after["rank"], 0)),
        (t("uttrekk.row.spread"), pp(w.before["spread"]), pp(w.after["spread"])),
        (t("uttrekk.row.status"), status_text(w.before), status_text(w.after)),
    ]
    st.table(pd.DataFrame(rows, columns=["", t("uttrekk.col.before"), t("uttrekk.col.after")]).set_index(""))


def stability_tab(key: Key, res: u.UttrekkResult, kommune_id: str, ex: UttrekkExplanation) -> None:
    views = _kommune_views(key, res, kommune_id)
    st.header(t("uttrekk.by_year"))
    show_table(views["by_year"], hide_index=True, width="stretch")
    for part in ex.stability:
        st.markdown(part)
    st.header(t("uttrekk.drivers"))
    show_table(views["drivers"], hide_index=True, width="stretch")


def all_kommuner_tab(key: Key, res: u.UttrekkResult, kommune_id: str) -> None:
    st.caption(t("uttrekk.all_caption"))
    show_table(_kommune_views(key, res, kommune_id)["all"], hide_index=True, width="stretch", height=420)
