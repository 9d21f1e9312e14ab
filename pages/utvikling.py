"""Utvikling over tid: one indicator for the chosen kommune over all school years, with intervals.

Beside the kommune: its fylke, the nation, its comparable kommuner (combined) and any of its schools.
The pooled three-year value and the trend verdict sit above the chart; suppressed years are gaps with
a cross at the bottom edge, never zeros. Data and statistics: ``ui.exploration_data`` (cached calls
into ``analysis/``); figure and table: ``present.exploration_charts``.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from data.catalogue import INDICATORS, suppression_min_n
from ui import exploration_data as xd
from ui.controls import full_label, indicator_choices, indicator_picker, peer_settings
from ui.downloads import table_with_downloads
from ui.findings_widgets import add_finding_markers, chart_findings, findings_under_chart
from present.format import fmt_number
from present.reform import add_reform_markers
from ui.realdata_widgets import renumbering_note, usable_features, window_label_for
from ui.state import page_kommune, param_multi
from present.strings import t
from present.strings import tr as in_language  # `tr` is the trend below
from ui.charts import show_chart


def fmt_pooled(r, decimals: int) -> str:
    if bool(r["suppressed"]) or not np.isfinite(r["estimate"]):
        return t("common.suppressed")
    if np.isfinite(r["lower"]):
        return f"{fmt_number(r['estimate'], decimals)} ({fmt_number(r['lower'], decimals)}–{fmt_number(r['upper'], decimals)})"
    return fmt_number(r["estimate"], decimals)


kommune_id, info, token = page_kommune()
st.title(t("utv.title", kommune=info["kommune_name"]))
st.markdown(t("utv.intro"))

opts = indicator_choices(token, kommune_id)
if opts.empty:
    st.warning(t("utv.no_data"))
    st.stop()
indicator, subject, trinn, kjonn = indicator_picker(opts)
schools = xd.school_choices(token, kommune_id, indicator, subject, trinn, kjonn)
school_names = dict(zip(schools["unit_id"], schools["unit_name"]))
chosen_schools = param_multi(t("utv.schools"), list(school_names), "skoler",
                             format_func=lambda s: school_names.get(s, s), help=t("utv.schools_help"),
                             placeholder=t("utv.schools_placeholder"))
with st.expander(t("utv.peers_expander")):
    method, features, k = peer_settings(editable=False)
    features = usable_features(kommune_id, features)[0] or features  # real kommuner: the context they have
    peers, peer_error = xd.peers(token, kommune_id, method, features, k)
    peer_ids = tuple(peers.loc[peers["rank"] > 0, "kommune_id"])
    if peer_error:
        st.warning(peer_error)
    elif peer_ids:
        st.caption(t("utv.peers_list", names=", ".join(peers.loc[peers["rank"] > 0, "kommune_name"])))
    else:
        st.caption(t("peers.none"))
    st.page_link("pages/sammenlignbare.py", label=t("utv.peers_link"))

res = xd.development(token, kommune_id, info["kommune_name"], info["fylke_id"], indicator, subject, trinn, kjonn,
                     peer_ids, tuple(chosen_schools))
series, pooled, periods, window = res["series"], res["pooled"], res["periods"], res["window"]
ind = INDICATORS[indicator]
label = full_label(indicator, subject, trinn, kjonn)
# The current selection, for the findings widgets (ui/findings_widgets.py).
current = {"page": "utvikling", "kommune_id": kommune_id, "indicator": indicator, "subject": subject,
           "trinn": trinn, "kjonn": kjonn, "periods": periods, "window": window, "peers": list(peer_ids),
           "schools": list(chosen_schools)}
if series[series["role"] == "kommune"].empty:
    st.warning(t("utv.no_kommune_data", label=label))

st.header(t("utv.pooled_title", window=window_label_for(token, kommune_id, tuple(window), indicator, subject, trinn)))
for col, role in zip(st.columns(4), ["kommune", "fylke", "nasjonalt", "peers"]):
    pr = pooled[pooled["role"] == role]
    if len(pr):
        r = pr.iloc[0]
        col.metric(str(r["series"]), fmt_pooled(r, ind.decimals),
                   help=t("utv.pooled_help", n=fmt_number(r["n"], 0), years=r.get("periods_used_list", "")))
st.caption(t("utv.pooled_caption"))
tr = res["trend"]
if tr is not None:
    if np.isfinite(tr.slope_per_year):
        st.markdown(t("utv.trend_line", verdict=tr.verdict_label, first=tr.first_period, last=tr.last_period,
                      slope=fmt_number(tr.slope_per_year, ind.decimals + 1), lower=fmt_number(tr.lower, ind.decimals + 1),
                      upper=fmt_number(tr.upper, ind.decimals + 1), unit=ind.unit_of_measure))
    else:
        st.markdown(t("utv.trend_none", verdict=tr.verdict_label, n=tr.n_periods))
    st.caption(in_language(tr.method) + " " + t("stat.rtm.short"))  # a later year against the year of selection
elif res["trend_error"]:
    st.info(in_language(res["trend_error"]))
if res["merged_from"]:
    st.info(t("utv.merged_note", parts=", ".join(res["merged_from"])))

title = t("utv.chart_title", label=label)
fig, table, supp = xd.development_view(token, kommune_id, info["kommune_name"], info["fylke_id"], indicator, subject,
                                       trinn, kjonn, peer_ids, tuple(chosen_schools), title)
methods = "; ".join(sorted({m for m in series["ci_method"].unique() if m})) or t("common.no_data")
linked = chart_findings(current)
fig = go.Figure(fig)  # the cached figure is shared between sessions: draw markers on a copy
add_reform_markers(fig, kommune_id, list(periods))  # merger/split years as labelled lines
if linked:
    kom = series[series["role"] == "kommune"]
    fig = add_finding_markers(fig, linked, y_by_x=dict(zip(kom["period"], kom["estimate"])),
                              x_values=list(periods), fallback_x=periods[-1] if len(periods) else None)
chart_col, table_col = st.container(), st.container()  # chart full width, its table view right below
with chart_col:
    show_chart(fig, width="stretch", theme=None, key="utvikling_chart")
    st.caption(t("common.method_line", method=methods))
    st.caption(t("utv.suppressed_caption", min_n=suppression_min_n(indicator)))
    if note := renumbering_note(series[series["role"] == "kommune"], kommune_id):
        st.caption(note)
    findings_slot = st.container()
with table_col:
    table_with_downloads(table, key="utvikling", filename=f"utvikling_{kommune_id}_{indicator}_{subject}_{trinn}_{kjonn}",
                         suppressed=supp, note=t("common.method_line", method=methods),
                         title=f"{info['kommune_name']}: {title}", height=460, show_note=False)

with findings_slot:
    findings_under_chart(current, linked, key="utvikling")
