"""The plan for gjennomføringsfasen exported as PDF and DOCX and parsed back (pypdf, python-docx):
the headings, every goal with its tiltak, responsible role and minimum detectable change, and the
source line on every page."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from docx import Document
from pypdf import PdfReader

import data
from analysis import goals as ag
from data.findings.goals import Goal
from data.schema import sorted_periods
from present import goals_text as gt
from report.plan import PlanGoal, build_plan, plan_docx, plan_pdf

KOMMUNE = "7290"


def _plan_goals() -> list[PlanGoal]:
    df = data.load_dataset()
    periods = sorted_periods(df["period"].unique())
    lineage = data.kommune_lineage(KOMMUNE)
    sk = data.load_skoler()
    school = str(sk.loc[sk["school_name"] == "Nedre Brekke skole", "school_id"].iloc[0])
    now = datetime.now(UTC)
    specs = [
        (("grunnskolepoeng", "", 10), "skole", school, 44.0, tuple(periods[-5:-2]), "Lesekurs for alle lærere", "skole"),
        (("np_mestring_1", "lesing", 5), "kommune", KOMMUNE, 15.0, tuple(periods[-3:]), "Tidlig innsats i lesing",
         "skoleeier"),
    ]
    out = []
    for i, (key, level, unit, target, win, tiltak, resp) in enumerate(specs):
        year = ag.followup_periods(periods, win, "2099-00")[-1] if win[-1] != periods[-1] else "2027-28"
        g = Goal(kommune_id=KOMMUNE, indicator=key[0], subject=key[1], trinn=key[2], unit_level=level, unit_id=unit,
                 target_value=target, target_year=year, baseline_periods=win, tiltak=tiltak, responsible=resp,
                 kompetansemiljo="NTNU", followup="Januar og juni", id=f"g{i}", created_at=now, updated_at=now,
                 version=1)
        b = ag.goal_baseline(df, lineage, key, level, unit, win)
        kom = ag.goal_baseline(df, lineage, key, "kommune", KOMMUNE, win) if level == "skole" else None
        f = ag.follow_up(df, lineage, key, level, unit, b, target, ag.followup_periods(periods, win, year))
        title = gt.goal_title(key[0], key[1], key[2], b.unit_name, target, year)
        out.append(PlanGoal(g, title, b, gt.assessment(b, target, kom), f,
                            gt.rtm_warning(ag.regression_to_mean_risk(win, periods[-3:]))))
    return out


@pytest.fixture(scope="module")
def plan():
    return _plan_goals()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_has_headings_every_goal_and_source_on_every_page(plan):
    reader = PdfReader(io.BytesIO(plan_pdf("Brekkestad", KOMMUNE, plan)))
    pages = [_flat(p.extract_text()) for p in reader.pages]
    text = " ".join(pages)
    assert "Plan for gjennomføringsfasen: Brekkestad" in text and "Målene" in text and "Metode" in text
    for p in plan:
        assert _flat(p.title) in text
        assert p.goal.tiltak in text
        assert _flat(p.assessment.mdc) in text
    assert "Skolen (skoleleder)" in text and "Skoleeier" in text
    assert "Endring fra utgangspunktet" in text  # the goal with follow-up years
    assert "regresjon mot gjennomsnittet" in text  # the second goal's baseline is the uttrekk window
    assert all("Kilde:" in p for p in pages) and len(pages) >= 2


def test_docx_has_headings_every_goal_and_source_in_footer(plan):
    doc = Document(io.BytesIO(plan_docx("Brekkestad", KOMMUNE, plan)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Plan for gjennomføringsfasen: Brekkestad"
    assert "Målene" in headings and "Metode" in headings
    for p in plan:
        assert p.title in headings
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    for p in plan:
        assert p.goal.tiltak in cells and "Januar og juni" in cells
    # Summary table: one row per goal with the MDC after two years.
    summary = doc.tables[0]
    assert len(summary.rows) == 1 + len(plan)
    assert summary.rows[1].cells[3].text.startswith(gt.fmt_value(plan[0].assessment.mdc_two_years, "grunnskolepoeng"))
    assert "Kilde:" in doc.sections[0].footer.paragraphs[0].text


def test_plan_model_keeps_user_text_plain(plan):
    p = plan[0]
    evil = PlanGoal(Goal(**{**p.goal.__dict__, "tiltak": "<b>fet</b> **md**"}), p.title, p.baseline, p.assessment,
                    p.follow_up)
    rep = build_plan("Brekkestad", KOMMUNE, [evil])
    assert "<b>fet</b> **md**" in rep.plain_text()
    from report.pdf import to_html

    assert "&lt;b&gt;fet&lt;/b&gt;" in to_html(rep)
