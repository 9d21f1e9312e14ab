"""Render a ``Report`` to DOCX (python-docx): headings, tables, charts as images, and the source line
and date in the header/footer of every page (with a PAGE field for the page number)."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from report.model import Bullets, Figure, Paragraph, Report, Subheading, Table
from report.pdf import render_images
from present.strings import t

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


def _page_field(paragraph) -> None:
    """Append a PAGE field ('Side 3') to a paragraph."""
    run = paragraph.add_run()
    for tag, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        if tag == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif tag == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        run._r.append(el)


def _small(paragraph, size: float = 8) -> None:
    for r in paragraph.runs:
        r.font.size = Pt(size)
        r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def render_docx(report: Report, progress: Progress | None = None) -> bytes:
    """The report as DOCX bytes (renders the charts first if needed)."""
    render_images(report, progress, 0.0, 0.8)
    if progress:
        progress(0.85, t("rep.progress.docx"))
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(2.0)
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10)

    header = section.header.paragraphs[0]
    header.text = f"{report.title} – {report.created.strftime('%d.%m.%Y')}"
    _small(header, 8.5)
    footer = section.footer.paragraphs[0]
    footer.text = report.source_line + "  Side "
    _page_field(footer)
    _small(footer)

    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.subtitle)
    _small(doc.add_paragraph(report.source_line), 9)
    usable = section.page_width - section.left_margin - section.right_margin
    for sec in report.sections:
        if sec.appendix:
            doc.add_page_break()
        doc.add_heading(sec.title, level=1)
        for b in sec.blocks:
            if isinstance(b, Subheading):
                doc.add_heading(b.text, level=2)
            elif isinstance(b, Paragraph):
                p = doc.add_paragraph(b.text)
                if b.note:
                    _small(p, 9)
            elif isinstance(b, Bullets):
                for item in b.items:
                    doc.add_paragraph(item, style="List Bullet")
            elif isinstance(b, Table):
                tbl = doc.add_table(rows=1, cols=len(b.columns))
                tbl.style = "Table Grid"
                for cell, text in zip(tbl.rows[0].cells, b.columns):
                    cell.text = str(text)
                    for r in cell.paragraphs[0].runs:
                        r.font.bold = True
                        r.font.size = Pt(8.5)
                for row in b.rows:
                    cells = tbl.add_row().cells
                    for cell, text in zip(cells, row):
                        cell.text = str(text)
                        for r in cell.paragraphs[0].runs:
                            r.font.size = Pt(8.5)
                if b.caption:
                    _small(doc.add_paragraph(b.caption), 8.5)
            elif isinstance(b, Figure):
                if b.png:
                    doc.add_picture(io.BytesIO(b.png), width=usable)
                _small(doc.add_paragraph(b.caption), 8.5)
    buf = io.BytesIO()
    doc.save(buf)
    if progress:
        progress(1.0, t("rep.progress.docx_done"))
    return buf.getvalue()
