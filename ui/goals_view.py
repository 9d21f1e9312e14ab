"""Widgets of the Mål og oppfølging page: the goal inputs, what the data can show, the follow-up and the
plan of one goal, and saving with the findings store's versioning. Text from ``present.goals_text``."""

from __future__ import annotations

import logging

import streamlit as st

from data.access import AccessDenied
from data.catalogue import INDICATORS, indicator_label
from data.findings import Author, FindingValidationError, StaleVersionError, vocab
from data.findings.goals import RESPONSIBLE, GoalIn
from data.schema import period_start_year
from present import goals_text as gt
from present.format import decimals_for, fmt_number
from present.strings import NB, t, tr
from ui import goals_data as gd
from ui.controls import indicator_choices
from ui.exploration_data import school_choices
from ui.findings_common import md_escape

log = logging.getLogger(__name__)
FIELDS = ("key", "unit", "target", "year", "finding", "tiltak", "responsible", "kompetansemiljo", "followup")


def key_code(key: tuple[str, str, int]) -> str:
    return f"{key[0]}|{key[1]}|{int(key[2])}"


def key_from_code(code: str) -> tuple[str, str, int]:
    ind, subject, trinn = code.split("|")
    return ind, subject, int(trinn)


def key_options(token: str, kommune_id: str) -> list[str]:
    """The (indicator, subject, trinn) the kommune has figures for, grunnskolepoeng first."""
    opts = indicator_choices(token, kommune_id)
    opts = opts[opts["kjonn"] == "alle"]
    codes = [key_code((r.indicator, r.subject, int(r.trinn))) for r in opts.itertuples()]
    order = list(INDICATORS)
    return sorted(dict.fromkeys(codes), key=lambda c: (c.split("|")[0] != "grunnskolepoeng",
                                                       order.index(c.split("|")[0]) if c.split("|")[0] in order else 99, c))


def target_years(window_end: str, count: int = 4) -> list[str]:
    y = period_start_year(window_end)
    return [f"{y + i}-{(y + i + 1) % 100:02d}" for i in range(1, count + 1)]


def _initial(prefix: str, name: str, **default) -> dict:
    """A widget's starting value unless session state already holds one."""
    return {} if f"{prefix}_{name}" in st.session_state else default


def goal_inputs(prefix: str, token: str, kommune: dict, window_end: str, findings: dict[str, str],
                start: dict | None = None) -> dict:
    """The goal's inputs (outside a form, so the assessment under them follows every change).

    Returns the chosen key, unit level/id and the raw text of the other fields.
    """
    start = start or {}
    kid = kommune["kommune_id"]
    codes = key_options(token, kid)
    if not codes:
        return {}
    first = start.get("key", codes[0])
    code = st.selectbox(t("maal.indicator"), codes, key=f"{prefix}_key",
                        **_initial(prefix, "key", index=codes.index(first) if first in codes else 0),
                        format_func=lambda c: indicator_label(*key_from_code(c)))
    key = key_from_code(code)
    schools = school_choices(token, kid, key[0], key[1], key[2], "alle")
    names = {"kommune": t("maal.unit_kommune", name=kommune["kommune_name"]),
             **dict(zip(schools["unit_id"].astype(str), schools["unit_name"].astype(str)))}
    units = list(names)
    unit = st.selectbox(t("maal.unit"), units, key=f"{prefix}_unit", format_func=names.get,
                        **_initial(prefix, "unit", index=units.index(start["unit"]) if start.get("unit") in units else 0))
    c1, c2, c3 = st.columns(3)
    target = c1.text_input(t("maal.target_value", unit=INDICATORS[key[0]].unit_of_measure), key=f"{prefix}_target",
                           **_initial(prefix, "target", value=start.get("target", "")))
    years = target_years(window_end)
    if start.get("year") and start["year"] not in years:  # a stored target year is always offered
        years = sorted({*years, start["year"]})
    year = c2.selectbox(t("maal.target_year"), years, key=f"{prefix}_year",
                        **_initial(prefix, "year", index=years.index(start["year"]) if start.get("year") in years else 1))
    resp = c3.selectbox(t("maal.responsible"), list(RESPONSIBLE), key=f"{prefix}_responsible",
                        format_func=lambda r: t(f"maal.responsible.{r}"),
                        **_initial(prefix, "responsible", index=list(RESPONSIBLE).index(start.get("responsible", "skoleeier"))))
    fopts = [""] + list(findings)
    finding = st.selectbox(t("maal.finding"), fopts, key=f"{prefix}_finding",
                           format_func=lambda f: findings.get(f, t("maal.finding_none")),
                           **_initial(prefix, "finding", index=fopts.index(start["finding"]) if start.get("finding") in fopts else 0))
    tiltak = st.text_area(t("maal.tiltak"), key=f"{prefix}_tiltak", max_chars=4000,
                          **_initial(prefix, "tiltak", value=start.get("tiltak", "")))
    c4, c5 = st.columns(2)
    komp = c4.text_input(t("maal.kompetansemiljo"), key=f"{prefix}_kompetansemiljo", max_chars=1000,
                         **_initial(prefix, "kompetansemiljo", value=start.get("kompetansemiljo", "")))
    follow = c5.text_input(t("maal.followup"), key=f"{prefix}_followup", max_chars=1000, help=t("maal.followup_help"),
                           **_initial(prefix, "followup", value=start.get("followup", "")))
    return {"key": key, "unit_level": "kommune" if unit == "kommune" else "skole",
            "unit_id": kid if unit == "kommune" else unit, "unit_name": names[unit], "target": target,
            "year": year, "finding": finding or None, "tiltak": tiltak, "responsible": resp,
            "kompetansemiljo": komp, "followup": follow}


def parse_target(text: str) -> float | None:
    """A typed target value ('38,5' or '38.5'); None when it is not a number."""
    try:
        x = float(str(text).strip().replace(" ", "").replace(",", "."))
    except ValueError:
        return None
    return x if x == x and abs(x) != float("inf") else None


def start_values(goal) -> dict:
    """The inputs' starting values for an existing goal."""
    return {"key": key_code(gd.goal_key(goal)), "unit": "kommune" if goal.unit_level == "kommune" else goal.unit_id,
            "target": fmt_number(goal.target_value, decimals_for(goal.indicator)), "year": goal.target_year,
            "finding": goal.finding_id or "", "tiltak": goal.tiltak, "responsible": goal.responsible,
            "kompetansemiljo": goal.kompetansemiljo, "followup": goal.followup}


def show_assessment(b, target: float | None, kommune_b=None, overlap: list[str] | None = None) -> float:
    """The baseline, the change, the MDC after one and two years, the verdict, suggestions and the
    regression-to-the-mean warning. Returns the MDC after two years (nan when not computed)."""
    if overlap:
        st.warning(gt.rtm_warning(overlap), icon="⚠️")
    if target is None:
        st.write(gt.baseline_sentence(b))
        return float("nan")
    a = gt.assessment(b, target, kommune_b)
    st.write(a.baseline)
    for line in (a.change, a.mdc):
        if line:
            st.write(line)
    if a.verdict:
        (st.success if a.level == "success" else st.warning if a.level == "warning" else st.info)(a.verdict)
    if a.suggestions:
        st.markdown(f"**{t('maal.suggestions')}**")
        st.markdown("\n".join(f"- {md_escape(s)}" for s in a.suggestions))
    return a.mdc_two_years


def show_followup(b, f, target: float, target_year: str) -> None:
    """The follow-up years against the baseline and the target, or why there are none yet."""
    st.markdown(f"**{t('maal.followup_heading')}**")
    if f is None:
        st.caption(t("maal.no_followup", last=b.periods[-1] if b.periods else t("maal.empty")))
        return
    st.dataframe(gt.followup_table(b, f, target, target_year), hide_index=True, width="stretch")
    for line in gt.followup_sentences(b, f):
        st.write(line)


def show_plan(goal) -> None:
    """Tiltak, responsible role, kompetansemiljø and follow-up schedule, as plain text."""
    st.markdown(f"**{t('maal.plan')}**")
    for label, value in ((t("maal.tiltak"), goal.tiltak), (t("maal.responsible"), t(f"maal.responsible.{goal.responsible}")),
                         (t("maal.kompetansemiljo"), goal.kompetansemiljo), (t("maal.followup"), goal.followup)):
        st.text(t("maal.plan_line", label=label, value=value or t("maal.empty")))


def goal_values(v: dict, kommune_id: str, b) -> dict:
    """The store's fields from the inputs and the computed baseline (kept for the record)."""
    def num(x):
        return float(x) if x == x else None

    return dict(indicator=v["key"][0], subject=v["key"][1], trinn=v["key"][2], unit_level=v["unit_level"],
                unit_id=v["unit_id"], finding_id=v["finding"], baseline_periods=tuple(b.periods),
                baseline_value=num(b.estimate), baseline_lower=num(b.lower), baseline_upper=num(b.upper),
                baseline_n=num(b.n), target_value=v["target"], target_year=v["year"], tiltak=v["tiltak"],
                responsible=v["responsible"], kompetansemiljo=v["kompetansemiljo"], followup=v["followup"])


def save(store, author: Author | None, values: dict, kommune_id: str, goal=None,
         shown_version: int | None = None) -> str | None:
    """Create or update a goal; returns the flash key (``saved``/``nothing``/``stale``) or None after
    showing an error. ``shown_version`` is the version the user's form was built from."""
    if author is None:
        st.warning(t("maal.author_needed"))
        return None
    try:
        if goal is None:
            store.create(GoalIn(kommune_id=kommune_id, **values), author)
            return "saved"
        version = goal.version if shown_version is None else shown_version
        after = store.update(goal.id, version, values, author)
        return "saved" if after.version != version else "nothing"
    except StaleVersionError:
        return "stale"
    except AccessDenied:
        st.error(t("auth.denied"))
        return None
    except FindingValidationError as exc:
        st.error(tr(exc.message))
        return None


def show_history(store, goal) -> None:
    with st.popover(t("maal.history")):
        for h in store.history(goal.id):
            fields = ", ".join(t(f"maal.field.{f}") for f in h.changed_fields if f"maal.field.{f}" in NB)
            st.markdown(f"- {h.at.strftime('%d.%m.%Y %H:%M')}, {md_escape(h.actor_name)} "
                        f"({vocab.ROLES.get(h.actor_role, h.actor_role)}): {h.action_label}"
                        + (f" ({md_escape(fields)})" if fields else ""))
