"""Hvorfor er vi trukket ut? Udir's selection model reconstructed for the chosen kommune and all others.

Thin view: the model is ``analysis.uttrekk``; the sentences are ``present.uttrekk_text`` (the report says
the same). The unpublished parts of the model are settings on this page with documented defaults.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

import data
from analysis import uttrekk as u
from data.schema import sorted_periods
from ui.realdata_widgets import coverage_block
from present.strings import t, tr
from present.uttrekk_text import explain
from present.uncertainty import indicator_set_line
from ui import stats_widgets as sw
from ui import uttrekk_view as view
from ui.state import data_token, kommune_row, selected_kommune

log = logging.getLogger(__name__)


# Shared, not copied: st.cache_data would unpickle the ~14 MB result on every run of every session.
@st.cache_resource(show_spinner=False, max_entries=8)
def model(token: str, params_key: str, _params: u.UttrekkParams) -> u.UttrekkResult:
    """The model for all kommuner, memoised per data version and parameter set."""
    return u.compute(data.load_dataset(), _params)


@st.cache_data(show_spinner=False, max_entries=64)
def explained(token: str, params_key: str, _res: u.UttrekkResult, kommune_id: str, name: str):
    """The plain-language explanation for a kommune (memoised per data version and parameter set)."""
    return explain(_res, kommune_id, name)


@st.cache_data(show_spinner=False, max_entries=256)
def what_if(token: str, params_key: str, _res: u.UttrekkResult, kommune_id: str, school_id: str, target: str):
    """The what-if for one school (memoised per data version, parameter set and choice)."""
    return u.what_if(_res, kommune_id, school_id, target)


@st.cache_data(show_spinner=False, max_entries=4)
def periods_in_data(token: str) -> list[str]:
    return sorted_periods(str(p) for p in data.load_dataset()["period"].unique())


kommune_id = selected_kommune()
if not kommune_id:
    st.stop()
info = kommune_row(kommune_id)
name = info["kommune_name"]
st.title(t("uttrekk.title", kommune=name))
st.markdown(t("uttrekk.intro"))
st.info(tr(u.DISCLAIMER), icon=":material/info:")

token = data_token()
params = view.params_form(u.UttrekkParams(), periods_in_data(token))
try:
    with st.spinner(t("uttrekk.computing")):
        res = model(token, repr(params), params)
except Exception:  # noqa: BLE001 - a clear message, details in the log
    log.exception("uttrekk model failed")
    st.error(t("uttrekk.error"))
    st.stop()

krow = res.kommune_row(kommune_id)
ex = explained(token, repr(params), res, kommune_id, name)
coverage_block(token, kommune_id, name)  # which uttrekk indicators the data hold, which export brings the rest
if krow is None or pd.isna(krow["share"]):
    st.warning(ex.headline)
    st.stop()

view.metrics(res, krow)
st.caption(indicator_set_line(params.indicators))
with st.spinner(t("uttrekk.boot.computing")):
    boot = sw.uttrekk_bootstrap(token, repr(params), res)  # cached per data version and parameters

tabs = st.tabs([t("uttrekk.tab.explain"), t("uttrekk.tab.points"), t("uttrekk.tab.schools"),
                t("uttrekk.tab.whatif"), t("uttrekk.tab.stability"), t("uttrekk.tab.all")])

schools = res.kommune_schools(kommune_id)
views_key = (token, repr(params))  # the tabs' finished tables, per data version and language and parameters
with tabs[0]:
    view.explanation_tab(ex)
    sw.render_kommune_uncertainty(boot, kommune_id)
    sw.render_rtm(sw.uttrekk_rtm(token, repr(params), params))
with tabs[1]:
    view.points_tab(views_key, res, kommune_id)
with tabs[2]:
    view.schools_tab(views_key, res, schools, kommune_id)
with tabs[3]:
    view.what_if_tab(res, kommune_id, name, schools,
                     lambda school_id, target: what_if(token, repr(params), res, kommune_id, school_id, target))
with tabs[4]:
    view.stability_tab(views_key, res, kommune_id, ex)
with tabs[5]:
    view.all_kommuner_tab(views_key, res, kommune_id)
    sw.render_all_kommuner(boot)
