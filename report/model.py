"""The utfordringsbilde report as a plain document model, built from data, findings and the checklist.

``build_report`` gathers what the user chose (indicators, schools, the uttrekk explanation, styrker and
utfordringer, open questions, checklist status, the methods appendix) into ``Report``
(``report.document``): sections of paragraphs, bullet lists, tables (all cells already formatted text,
suppressed figures as «skjermet») and Plotly figures. One builder per section (``report.sections``).
``report.pdf`` and ``report.word`` render the same model, so the preview, the PDF and the DOCX say the
same thing. No streamlit import.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

import data
from analysis import uttrekk as u
from analysis.overview import benchmark_comparison
from analysis.window import last_school_years
from present.window import school_years, span_text, window_text
from report.document import Block, Bullets, Figure, Paragraph, Report, Section, Subheading, Table
from report.sections import (MARK, SECTION_BUILDERS, Key, ReportContext, ReportOptions, checklist_progress,
                             checklist_progress_text, keep_finding, school_pooled, short_label)
from present.strings import t, tr


def window_span(periods: list[str], years: int | None = None) -> str:
    """The report's window as used: «2023-24–2025-26», or «2 av 3 år: …; 2024-25: ingen tall i dataene»."""
    if not periods:
        return ""
    return window_text(school_years(periods[-1], years or len(periods)), periods) if years else span_text(periods)


def source_line(periods: list[str], created: date) -> str:
    """'Kilde: … Skoleårene …. Laget dd.mm.yyyy.' — printed on every page."""
    info = data.dataset_info()
    src = info.label + (f" ({', '.join(info.sources)})" if info.sources and info.sources != ("demo",) else "")
    window = window_span(periods)
    return t("rep.source_line", source=tr(src), window=window, date=created.strftime("%d.%m.%Y"))


def _kommune(kommune_id: str) -> pd.Series:
    reg = data.load_kommuner()
    hit = reg[reg["kommune_id"].astype(str) == kommune_id]
    if hit.empty:
        raise KeyError(f"Ukjent kommune: {kommune_id}")
    return hit.iloc[0]


def build_report(
    kommune_id: str,
    options: ReportOptions = ReportOptions(),
    *,
    findings: Sequence[Any] = (),
    checklist: Sequence[Any] = (),
    figures: pd.DataFrame | None = None,
    uttrekk: u.UttrekkResult | None = None,
    created: date | None = None,
    agreement: tuple[Any, pd.DataFrame, dict[str, str]] | None = None,
) -> Report:
    """Build the report model for one kommune.

    ``findings`` are ``data.findings.Finding`` objects (or anything with the same attributes) of the
    kommune; ``checklist`` its ``ChecklistItem`` list. ``figures`` and ``uttrekk`` default to the
    active dataset and the model with default parameters (pass them in when building many reports).
    The kommune's figures against the nation come from ``analysis.overview.benchmark_comparison``, the
    same function as the Oversikt page. ``agreement`` is the «felles forståelse» session the report speaks
    of, with its ratings and the challenges' texts (``ScopedRatings.for_report``); None: no such section.
    """
    kommune_id = str(kommune_id)
    created = created or date.today()
    figures = data.load_dataset() if figures is None else figures
    krow = _kommune(kommune_id)
    kname, fylke_id, fylke_name = str(krow["kommune_name"]), str(krow["fylke_id"]), str(krow["fylke_name"])
    lineage = data.kommune_lineage(kommune_id)
    periods = last_school_years(figures["period"].unique(), options.window_years)
    keys = list(options.indicators)
    units = {kommune_id: lineage}
    ctx = ReportContext(
        kommune_id=kommune_id, kommune_name=kname, lineage=lineage, options=options, figures=figures,
        periods=periods, pooled=benchmark_comparison(figures, units, periods, keys, fylke_id=fylke_id),
        yearly=benchmark_comparison(figures, units, periods, keys, by_year=True, fylke_id=fylke_id),
        findings=findings, kept=[f for f in findings if keep_finding(f, options)], checklist=checklist,
        uttrekk=uttrekk, agreement=agreement,
    )
    report = Report(
        kommune_id=kommune_id, kommune_name=kname, fylke_name=fylke_name,
        title=t("rep.title", kommune=kname),
        subtitle=t("rep.subtitle", kommune_id=kommune_id, fylke=fylke_name,
                   window=window_span(periods, options.window_years)),
        source_line=source_line(periods, created), created=created, periods=periods, sections=[],
    )
    for builder in SECTION_BUILDERS:
        report.sections.extend(builder(ctx))
    return report


__all__ = [
    "Block", "Bullets", "Figure", "Key", "MARK", "Paragraph", "Report", "ReportOptions", "Section", "Subheading",
    "Table", "build_report", "checklist_progress", "checklist_progress_text", "school_pooled", "short_label",
    "source_line",
]
