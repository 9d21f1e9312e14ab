"""Mål og oppfølging: goals for gjennomføringsfasen with what the data can show, the follow-up when new
school years arrive, and the plan for gjennomføringsfasen as PDF and DOCX.

For each goal: the baseline from the forfase window with its interval, the minimum detectable change
after one and two years at the unit's pupil numbers (``analysis.power``), a plain verdict, suggestions
where the change cannot be shown, and a regression-to-the-mean warning. Stored in the findings database
with history (``data.findings.goal_store``).
"""

from __future__ import annotations

import logging

import streamlit as st

from analysis.goals import regression_to_mean_risk
from data.access import AccessDenied
from analysis.window import last_school_years
from report.plan import PlanGoal, plan_docx, plan_pdf
from ui import goals_data as gd
from ui import goals_view as gv
from ui.findings_common import author_inputs, findings_store, remember_author
from ui.state import page_kommune
from present import goals_text as gt
from present.window import span_text
from present.strings import t

log = logging.getLogger(__name__)

kommune_id, kommune, token = page_kommune()
st.title(t("maal.title", kommune=kommune["kommune_name"]))
st.caption(t("maal.intro"))

try:
    store = gd.goal_store()
    goals = store.list(kommune_id)
    findings = {f.id: f"{f.kind_label}: {f.text[:80]}{'…' if len(f.text) > 80 else ''}"
                for f in findings_store().list_findings(kommune_id, kinds=["utfordring"])}
except Exception:  # noqa: BLE001 - a clear message, details in the log
    log.exception("goals unavailable")
    st.error(t("maal.db_error"))
    st.stop()

if store.principal.role == "skoleleder":  # the store refuses other goals; say so before anyone types
    st.info(t("maal.skoleleder_scope"))
periods = gd.periods(token)
if len(periods) < 1:
    st.info(t("app.no_kommuner"))
    st.stop()

with st.expander(t("maal.settings"), expanded=False):
    c1, c2 = st.columns(2)
    window_end = c1.selectbox(t("maal.window_end"), periods, index=len(periods) - 1, key="maal_window_end",
                              help=t("maal.window_help"))
    uttrekk_end = c2.selectbox(t("maal.uttrekk_end"), periods, index=len(periods) - 1, key="maal_uttrekk_end",
                               help=t("maal.uttrekk_help"))
    uttrekk_window = last_school_years(periods, end=uttrekk_end)
    drawn = gd.drawn_in_model(token, kommune_id, uttrekk_end)
    st.caption(t(f"maal.model.{drawn or 'none'}", kommune=kommune["kommune_name"], window=span_text(uttrekk_window)))
window = gd.window(token, window_end)

with st.container(border=True):
    st.markdown(f"**{t('maal.author')}**")
    author = author_inputs("maal")
    if author is not None:
        remember_author(author)

flash = st.session_state.pop("maal_flash", None)
if flash:
    shown = t("auth.denied") if flash == "denied" else t(f"maal.{flash}")
    (st.warning if flash in ("stale", "denied") else st.success)(shown)


def assessment_block(values: dict, win: tuple[str, ...]):
    """The baseline and what the data can show for the chosen inputs; returns the baseline."""
    key, level, unit = values["key"], values["unit_level"], values["unit_id"]
    b = gd.baseline(token, kommune_id, key, level, unit, win)
    kom = gd.baseline(token, kommune_id, key, "kommune", kommune_id, win) if level == "skole" else None
    gv.show_assessment(b, gv.parse_target(values["target"]), kom, regression_to_mean_risk(win, uttrekk_window))
    return b


# --- a new goal --------------------------------------------------------------------------------
with st.expander(t("maal.new"), expanded=not goals):
    new = gv.goal_inputs("maal_new", token, kommune, window_end, findings)
    if new:
        st.markdown(f"**{t('maal.assessment')}**")
        b_new = assessment_block(new, window)
        if st.button(t("maal.save"), type="primary", key="maal_new_save"):
            result = gv.save(store, author, gv.goal_values(new, kommune_id, b_new), kommune_id)
            if result:
                st.session_state["maal_flash"] = result
                for f in gv.FIELDS:
                    st.session_state.pop(f"maal_new_{f}", None)
                st.rerun()

# --- the kommune's goals ------------------------------------------------------------------------
st.header(t("maal.goals"))
if not goals:
    st.info(t("maal.no_goals"))
plan: list[PlanGoal] = []
for goal in goals:
    key = gd.goal_key(goal)
    win = tuple(goal.baseline_periods) or window
    b = gd.baseline(token, kommune_id, key, goal.unit_level, goal.unit_id, win)
    title = gt.goal_title(goal.indicator, goal.subject, goal.trinn, b.unit_name if goal.unit_level == "skole"
                          else kommune["kommune_name"], goal.target_value, goal.target_year)
    kom = gd.baseline(token, kommune_id, key, "kommune", kommune_id, win) if goal.unit_level == "skole" else None
    with st.expander(title, expanded=len(goals) <= 2):
        st.markdown(f"**{t('maal.assessment')}**")
        overlap = regression_to_mean_risk(win, uttrekk_window)
        gv.show_assessment(b, goal.target_value, kom, overlap)
        f = gd.follow_up(token, kommune_id, key, goal.unit_level, goal.unit_id, win, goal.target_value,
                         goal.target_year)
        gv.show_followup(b, f, goal.target_value, goal.target_year)
        gv.show_plan(goal)
        plan.append(PlanGoal(goal, title, b, gt.assessment(b, goal.target_value, kom), f, gt.rtm_warning(overlap)))
        with st.popover(t("maal.edit")):
            prefix = f"maal_{goal.id}"
            # The version this user's form was built from: a save against an older one is a conflict.
            shown = st.session_state.setdefault(f"{prefix}_version", goal.version)
            vals = gv.goal_inputs(prefix, token, kommune, win[-1], findings, gv.start_values(goal))
            if vals and st.button(t("maal.save"), type="primary", key=f"{prefix}_save"):
                nb = gd.baseline(token, kommune_id, vals["key"], vals["unit_level"], vals["unit_id"], win)
                result = gv.save(store, author, gv.goal_values(vals, kommune_id, nb), kommune_id, goal, shown)
                if result:
                    st.session_state["maal_flash"] = result
                    st.session_state.pop(f"{prefix}_version", None)  # next form: the version now stored
                    for fld in gv.FIELDS if result != "stale" else ():  # after a conflict the typing stays
                        st.session_state.pop(f"{prefix}_{fld}", None)
                    st.rerun()
        c1, c2 = st.columns(2)
        with c1:
            gv.show_history(store, goal)
        if c2.button(t("maal.delete"), key=f"maal_{goal.id}_delete"):
            if author is None:
                st.warning(t("maal.author_needed"))
            else:
                try:
                    store.delete(goal.id, goal.version, author)
                    st.session_state["maal_flash"] = "deleted"
                except AccessDenied:
                    st.session_state["maal_flash"] = "denied"
                except Exception:  # noqa: BLE001 - stale or gone: say so, reload
                    st.session_state["maal_flash"] = "stale"
                st.rerun()

# --- the plan for gjennomføringsfasen (made on request: the PDF takes a few seconds) --------------
if plan:
    st.header(t("maal.export"))
    stamp = (kommune_id, tuple((p.goal.id, p.goal.version) for p in plan), window_end, uttrekk_end)
    st.download_button(t("maal.export_csv"), gd.goals_csv(token, kommune_id, goals, findings), key="maal_csv",
                       file_name=f"maal-{kommune_id}.csv", mime="text/csv", icon=":material/table:")
    if st.button(t("maal.export_make"), key="maal_make_plan"):
        try:
            name = kommune["kommune_name"]
            st.session_state["maal_plan"] = (stamp, plan_pdf(name, kommune_id, plan), plan_docx(name, kommune_id, plan))
        except Exception:  # noqa: BLE001 - a clear message, details in the log
            log.exception("plan export failed")
            st.error(t("maal.export_error"))
    made = st.session_state.get("maal_plan")
    if made and made[0] == stamp:
        c1, c2 = st.columns(2)
        c1.download_button(t("maal.export_pdf"), made[1], file_name=f"plan-{kommune_id}.pdf",
                           mime="application/pdf", key="maal_pdf")
        c2.download_button(t("maal.export_docx"), made[2], file_name=f"plan-{kommune_id}.docx", key="maal_docx",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
