"""The report as a plain document model: sections of paragraphs, bullet lists, tables and figures.

``report.model.build_report`` fills it; ``report.pdf`` and ``report.word`` render it, so the preview,
the PDF and the DOCX say the same thing. All table cells are already formatted text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import plotly.graph_objects as go


@dataclass
class Paragraph:
    text: str
    note: bool = False  # smaller, grey (captions, explanations)


@dataclass
class Subheading:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    caption: str = ""


@dataclass
class Figure:
    fig: go.Figure
    caption: str
    png: bytes | None = None

    @property
    def height(self) -> int:
        return int(self.fig.layout.height or 500)


Block = Paragraph | Subheading | Bullets | Table | Figure


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    appendix: bool = False


@dataclass
class Report:
    kommune_id: str
    kommune_name: str
    fylke_name: str
    title: str
    subtitle: str
    source_line: str  # printed on every page
    created: date
    periods: list[str]
    sections: list[Section]

    def figures(self) -> list[Figure]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def headings(self) -> list[str]:
        return [s.title for s in self.sections]

    def plain_text(self) -> str:
        """All text of the report (for tests and search)."""
        out = [self.title, self.subtitle, self.source_line]
        for s in self.sections:
            out.append(s.title)
            for b in s.blocks:
                if isinstance(b, (Paragraph, Subheading)):
                    out.append(b.text)
                elif isinstance(b, Bullets):
                    out.extend(b.items)
                elif isinstance(b, Table):
                    out.append(b.caption)
                    out.append(" | ".join(b.columns))
                    out.extend(" | ".join(r) for r in b.rows)
                elif isinstance(b, Figure):
                    out.append(b.caption)
        return "\n".join(out)



__all__ = ["Block", "Bullets", "Figure", "Paragraph", "Report", "Section", "Subheading", "Table"]
