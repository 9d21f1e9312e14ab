"""Skoleportrett as a one-page document for the school's leader (``Report`` of ``report.document``).

The same text as the page (``present.portrait_text``): the school's figures against the rest of the
kommune with intervals, how sure each comparison is, the plain verdicts, the school's share of the
between-school spread, the findings linked to the school and the open questions. Long lists are cut
(«… og N til») so that the PDF stays on one page. No streamlit import.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from present import portrait_text as pt
from present.strings import t
from report.document import Bullets, Paragraph, Report, Section, Table
from report.model import source_line
from report.pdf import render_pdf

MAX_FINDINGS = 4
MAX_QUESTIONS = 3
MAX_SPREAD = 2
MAX_CHARS = 160  # a finding's text is cut to this length in the PDF
# One A4 page: smaller type and margins than the utfordringsbilde report.
COMPACT_CSS = """
@page { margin: 12mm 12mm 14mm 12mm; }
body { font-size: 7.5pt; line-height: 1.2; }
h1 { font-size: 14pt; margin: 0 0 2pt 0; }
h2 { font-size: 10pt; margin: 6pt 0 3pt 0; }
p { margin: 2pt 0; }
p.note { font-size: 7pt; }
ul { margin: 2pt 0; padding-left: 14pt; }
table { font-size: 6.5pt; margin: 2pt 0 4pt 0; }
th, td { padding: 1pt 3pt; }
caption { font-size: 7pt; }
"""


def build_portrait(p: pd.DataFrame, *, school_name: str, kommune_id: str, kommune_name: str, fylke_name: str,
                   findings: Sequence, questions: Sequence, created: date | None = None) -> Report:
    """The portrait of one school (``p`` from ``analysis.portrait.school_portrait``; ``findings`` and
    ``questions`` are ``data.findings.Finding`` values, shown as plain text)."""
    created = created or date.today()
    periods = sorted({y for w in p["window"] for y in w}) if len(p) else []
    table, _ = pt.portrait_table(p)
    figures = Section(t("portrett.report_figures"), [
        Paragraph(pt.summary(p, school_name)),
        Table(list(table.columns), table.astype(str).values.tolist(),
              caption=t("portrett.figures_caption", window=pt.windows_text(p))),
        Paragraph(t("portrett.report_reading"), note=True),
    ])
    meaning = Section(t("portrett.verdict_heading"), [Bullets(pt.verdict_groups(p))])
    spread = pt.spread_sentences(p)[:MAX_SPREAD]
    spread_sec = Section(t("portrett.spread_heading"), [
        Bullets(spread) if spread else Paragraph(t("portrett.spread_none")),
        Paragraph(t("portrett.spread_note"), note=True),
    ])
    f_lines = pt.finding_lines(list(findings), MAX_FINDINGS, MAX_CHARS)
    q_lines = pt.finding_lines(list(questions), MAX_QUESTIONS, MAX_CHARS)
    found = Section(t("portrett.findings_heading"),
                    [Bullets(f_lines) if f_lines else Paragraph(t("portrett.findings_none"))])
    asked = Section(t("portrett.questions_heading"),
                    [Bullets(q_lines) if q_lines else Paragraph(t("portrett.questions_none"))])
    return Report(kommune_id=kommune_id, kommune_name=kommune_name, fylke_name=fylke_name,
                  title=t("portrett.report_title", school=school_name),
                  subtitle=t("portrett.report_subtitle", kommune=kommune_name, fylke=fylke_name,
                             date=created.strftime("%d.%m.%Y")),
                  source_line=source_line(periods, created), created=created, periods=periods,
                  sections=[figures, meaning, spread_sec, found, asked])


def portrait_pdf(report: Report) -> bytes:
    """The portrait as PDF bytes (no figures, so no chart rendering: fast)."""
    return render_pdf(report, extra_css=COMPACT_CSS)


__all__ = ["MAX_FINDINGS", "MAX_QUESTIONS", "build_portrait", "portrait_pdf"]
