"""Skoler: every school of the chosen kommune for one indicator and window, with intervals.

1. Dot-and-whisker: each school's pooled figure and 95 % interval against the rest of the kommune,
   beside the kommune, the fylke and the nation; under / ikke sikker forskjell / over only when the
   interval of the difference excludes 0. Small schools are hollow with wide whiskers: uncertain, not failing.
2. Funnel plot of all schools in the fylke (or the nation), the kommune's schools highlighted.
3. The between-school spread of the kommune and which schools drive it.
Data and statistics: ``ui.exploration_data`` (cached calls into ``analysis/``); figures and tables:
``present.exploration_charts``.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from analysis.compare import count_classifications
from data.catalogue import INDICATORS, NEUTRAL, suppression_min_n
from ui import exploration_data as xd
from ui import skoler_stats as ss
from ui import stats_widgets as sw
from ui.controls import full_label, indicator_choices, indicator_picker, window_picker
from ui.downloads import table_with_downloads
from present.exploration_charts import school_axis_labels
from ui.findings_widgets import add_finding_markers, chart_findings, findings_under_chart
from present.format import count_text, fmt_number
from ui.realdata_widgets import window_label_for
from ui.state import page_kommune, param_choice
from present.strings import t, tr
from ui.charts import show_chart

kommune_id, info, token = page_kommune()
st.title(t("skoler.title", kommune=info["kommune_name"]))
st.markdown(t("skoler.intro"))

opts = indicator_choices(token, kommune_id)
if opts.empty:
    st.warning(t("utv.no_data"))
    st.stop()
indicator, subject, trinn, kjonn = indicator_picker(opts)
window = window_picker(xd.periods_for(token, indicator, subject, trinn, kjonn))
ind = INDICATORS[indicator]
label = full_label(indicator, subject, trinn, kjonn)
wlabel = window_label_for(token, kommune_id, tuple(window), indicator, subject, trinn)

res = xd.schools(token, kommune_id, info["kommune_name"], info["fylke_id"], indicator, subject, trinn, kjonn,
                 tuple(window))
comp, refs = res["schools"], res["refs"]
# The current selection, for the findings widgets (ui/findings_widgets.py).
current = {"page": "skoler", "kommune_id": kommune_id, "indicator": indicator, "subject": subject, "trinn": trinn,
           "kjonn": kjonn, "periods": window, "schools": comp["school_id"].tolist() if len(comp) else []}
if comp.empty:
    st.warning(t("skoler.no_schools", label=label))
    st.stop()

comp = sw.many_comparisons(comp, "skoler")  # expected false flags, Benjamini–Hochberg on request
use_bh = bool(st.session_state.get("skoler_bh", False))
if ss.one_school(comp):
    st.info(t("stat.one_school"))
counts = count_classifications(comp["classification"])
n_supp = int(comp["suppressed"].sum())
neutral = ind.direction == NEUTRAL  # no better side: sure differences are lavere/høyere
st.markdown(t("skoler.summary_neutral" if neutral else "skoler.summary",
              schools=count_text(len(comp), t("presenter.school"), t("presenter.schools_word")), window=wlabel,
              svakere=counts.svakere, bedre=counts.bedre, lavere=counts.lavere, hoyere=counts.hoyere,
              usikker=counts.usikker, skjermet=n_supp, ingen=counts.ingen_data - n_supp))

st.header(t("skoler.chart_heading"))
title = t("skoler.chart_title", label=label, window=wlabel)
stitle = t("skoler.spread_title", label=label, window=wlabel)
view = xd.schools_view(token, kommune_id, info["kommune_name"], info["fylke_id"], indicator, subject, trinn, kjonn,
                       tuple(window), title, stitle, use_bh)
fig = view["fig"]
linked = chart_findings(current)
if linked:  # the cached figure is shared between sessions: draw markers on a copy
    labels = school_axis_labels(comp)  # the chart's row labels
    label_of = dict(zip(comp["school_id"], labels))
    # Findings sit in their own column right of every interval, never on a school's dot.
    ends = comp[["upper", "rest_upper", "estimate"]].astype(float).to_numpy()
    starts = comp[["lower", "rest_lower", "estimate"]].astype(float).to_numpy()
    right = np.nanmax(ends) + 0.08 * (np.nanmax(ends) - np.nanmin(starts)) if np.isfinite(ends).any() else 0.0
    fig = add_finding_markers(go.Figure(fig), linked, horizontal=True, y_by_x=lambda x: right,
                              x_of=lambda f: [label_of[s] for s in f.schools if s in label_of])
methods = "; ".join(sorted({m for m in comp["ci_method"].unique() if m})) or t("common.no_data")
note = t("common.method_line", method=methods) + " " + t("skoler.compare_method")
chart_col, table_col = st.container(), st.container()  # chart full width, its table view right below
with chart_col:
    show_chart(fig, width="stretch", theme=None, key="skoler_chart")
    with st.expander(t("verdict.method_expander")):  # method names and tests, not on the projector
        st.caption(note)
    st.caption(t("skoler.reading_help", min_n=suppression_min_n(indicator)) + " " + t("stat.estimand.pooled"))
    if (rline := ss.rounding_line(comp)):
        st.caption(rline)
    findings_slot = st.container()
    with findings_slot:
        findings_under_chart(current, linked, key="skoler")
with table_col:
    table_with_downloads(view["table"], key="skoler", filename=f"skoler_{kommune_id}_{indicator}_{subject}_{trinn}_{kjonn}",
                         suppressed=view["supp"], note=note, title=f"{info['kommune_name']}: {title}", show_note=False)

# One school's portrait for its leader (pages/skoleportrett.py).
pc1, pc2 = st.columns([3, 2], vertical_alignment="bottom")
names = dict(zip(comp["school_id"].astype(str), comp["school_name"].astype(str)))
pick = pc1.selectbox(t("skoler.portrait_pick"), list(names), format_func=names.get, key="skoler_portrait_pick")
pc2.page_link("pages/skoleportrett.py", label=t("skoler.portrait_link"), icon=":material/school:",
              query_params={"kommune": kommune_id, "skole": pick})

# --- funnel plot ---------------------------------------------------------------------------------
st.header(t("skoler.funnel_heading"))
fc1, fc2 = st.columns(2)
area_choice = param_choice(t("skoler.funnel_area"), ["fylke", "landet"], "trakt", container=fc1,
                           format_func=lambda a: t(f"skoler.funnel_area.{a}"))
overdispersion = fc2.radio(t("skoler.funnel_overdispersion"), ss.OD_MODELS, horizontal=True, key="skoler_od_model",
                           format_func=lambda m: t(f"stat.funnel.od_model.{m}"), help=t("skoler.funnel_overdispersion_help"))
area = info["fylke_id"] if area_choice == "fylke" else ""
ftitle = t("skoler.funnel_title", label=label, area=info["fylke_name"] if area else t("skoler.funnel_area.landet"),
           window=wlabel)
ffig, ftable, fsupp, funnel_note, n_area_supp = xd.funnel_view(
    token, area, indicator, subject, trinn, kjonn, tuple(window), str(overdispersion), tuple(comp["school_id"]), ftitle)
fchart, ftable_col = st.container(), st.container()
with fchart:
    show_chart(ffig, width="stretch", theme=None, key="skoler_funnel")
    with st.expander(t("verdict.method_expander")):  # method names and tests, not on the projector
        st.caption(tr(funnel_note))
    st.caption(t("skoler.funnel_help", n_supp=n_area_supp))
with ftable_col:
    table_with_downloads(ftable, key="skoler_funnel", filename=f"trakt_{area or 'landet'}_{indicator}_{subject}_{trinn}",
                         suppressed=fsupp, note=funnel_note, title=ftitle, height=420, show_note=False)
ss.render_adjusted(token, kommune_id, area, (indicator, subject, trinn, kjonn), tuple(window))

# --- between-school spread -------------------------------------------------------------------------
st.header(t("skoler.spread_heading"))
spread, drivers = res["spread"], res["drivers"]
if spread.empty or drivers.empty or not np.isfinite(spread["icc"].iloc[0]):
    st.info(t("skoler.spread_none"))
else:
    sp = spread.iloc[0]
    st.markdown(t("skoler.spread_summary", icc=fmt_number(100 * sp["icc"], 0), sd=fmt_number(sp["sd_between"], ind.decimals),
                  unit=ind.unit_of_measure, n=int(sp["n_schools"]), supp=int(sp["schools_suppressed"]),
                  window=wlabel))
    top = drivers.iloc[0]
    st.markdown(t("skoler.spread_top", school=top["unit_name"], share=fmt_number(100 * top["contribution_share"], 0)))
    sfig = view["spread_fig"]
    snote = (tr(str(sp["method"])) + " " + t("skoler.spread_drivers_method") + " "
             + t("skoler.spread_test", p=fmt_number(sp["p_value"], 3)))
    sc1, sc2 = st.columns([3, 2])
    with sc1:
        show_chart(sfig, width="stretch", theme=None, key="skoler_spread")
        with st.expander(t("verdict.method_expander")):  # method names and tests, not on the projector
            st.caption(snote)
    with sc2:
        table_with_downloads(view["spread_table"], key="skoler_spread", filename=f"spredning_{kommune_id}_{indicator}_{subject}_{trinn}",
                             suppressed=view["spread_supp"], note=snote, title=f"{info['kommune_name']}: {stitle}",
                             show_note=False)
