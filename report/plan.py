"""Plan for gjennomføringsfasen: the kommune's goals as a document in the utfordringsbilde's style.

One ``Report`` (``report.document``) with a summary table of every goal (indicator, unit, baseline with
interval, target and target year, minimum detectable change after two years, responsible role) and one
section per goal: what the data can show, the follow-up so far, the tiltak, the responsible role, the
kompetansemiljø and the follow-up schedule. Rendered with ``report.pdf``/``report.word``, so the source
line and the date are on every page. No streamlit import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from analysis.goals import Baseline, FollowUp
from report.document import Bullets, Paragraph, Report, Section, Subheading, Table
from report.model import source_line
from report.pdf import render_pdf
from report.word import render_docx
from present import goals_text as gt
from present.format import fmt_number
from present.strings import t


@dataclass
class PlanGoal:
    """One goal with what the page computed for it (``goal`` is a ``data.findings.goals.Goal``)."""

    goal: Any
    title: str
    baseline: Baseline
    assessment: gt.Assessment
    follow_up: FollowUp | None = None
    warning: str = ""  # the regression-to-the-mean warning, when it applies


def _summary(goals: list[PlanGoal]) -> Table:
    cols = [t("maal.sf.col.goal"), t("maal.sf.col.baseline"), t("maal.sf.col.target"), t("maal.sf.col.mdc"),
            t("maal.responsible")]
    rows = []
    for p in goals:
        g, b = p.goal, p.baseline
        mdc = p.assessment.mdc_two_years
        rows.append([p.title, gt.baseline_cell(b), f"{gt.fmt_value(g.target_value, g.indicator)} ({g.target_year})",
                     f"{gt.fmt_value(mdc, g.indicator)} {gt.unit_word(g.indicator)}" if mdc == mdc else t("maal.empty"),
                     t(f"maal.responsible.{g.responsible}")])
    return Table(cols, rows)


def _goal_section(p: PlanGoal) -> Section:
    g, a = p.goal, p.assessment
    blocks: list = [Subheading(t("maal.assessment")), Paragraph(a.baseline)]
    if p.warning:
        blocks.append(Paragraph(p.warning))
    blocks += [Paragraph(x) for x in (a.change, a.mdc, a.verdict) if x]
    if a.suggestions:
        blocks += [Paragraph(t("maal.suggestions")), Bullets(list(a.suggestions))]
    blocks.append(Subheading(t("maal.followup_heading")))
    if p.follow_up is None:
        last = p.baseline.periods[-1] if p.baseline.periods else t("maal.empty")
        blocks.append(Paragraph(t("maal.no_followup", last=last), note=True))
    else:
        tab = gt.followup_table(p.baseline, p.follow_up, g.target_value, g.target_year)
        blocks.append(Table(list(tab.columns), tab.astype(str).values.tolist()))
        blocks += [Paragraph(x) for x in gt.followup_sentences(p.baseline, p.follow_up)]
    blocks.append(Subheading(t("maal.plan")))
    blocks.append(Table([t("maal.plan"), ""], [
        [t("maal.tiltak"), g.tiltak or t("maal.empty")],
        [t("maal.responsible"), t(f"maal.responsible.{g.responsible}")],
        [t("maal.kompetansemiljo"), g.kompetansemiljo or t("maal.empty")],
        [t("maal.followup"), g.followup or t("maal.empty")],
    ]))
    return Section(p.title, blocks)


def build_plan(kommune_name: str, kommune_id: str, goals: list[PlanGoal], created: date | None = None) -> Report:
    """The plan as a ``Report``: a summary of the goals, then one section per goal, then the method."""
    created = created or date.today()
    periods = sorted({p for x in goals for p in x.baseline.periods})
    rep = Report(kommune_id=kommune_id, kommune_name=kommune_name, fylke_name="",
                 title=t("plan.title", kommune=kommune_name), subtitle=t("plan.subtitle"),
                 source_line=source_line(periods, created), created=created, periods=periods, sections=[])
    rep.sections.append(Section(t("plan.summary"), [Paragraph(t("plan.summary_text", count=fmt_number(len(goals), 0))),
                                                    _summary(goals)]))
    rep.sections += [_goal_section(p) for p in goals]
    rep.sections.append(Section(t("plan.method"), [Paragraph(t("plan.method_text"), note=True)], appendix=True))
    return rep


def plan_pdf(kommune_name: str, kommune_id: str, goals: list[PlanGoal]) -> bytes:
    """The plan as PDF bytes (weasyprint)."""
    return render_pdf(build_plan(kommune_name, kommune_id, goals))


def plan_docx(kommune_name: str, kommune_id: str, goals: list[PlanGoal]) -> bytes:
    """The plan as DOCX bytes (python-docx)."""
    return render_docx(build_plan(kommune_name, kommune_id, goals))
