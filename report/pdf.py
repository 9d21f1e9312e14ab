"""Render a ``Report`` to HTML and to PDF (weasyprint; needs libpango from the system).

The source line and the date are in the running footer of every page (CSS paged media margin boxes),
with the kommune in the header and the page number bottom right.
"""

from __future__ import annotations

import base64
import html
import logging
from collections.abc import Callable

from report.images import figures_to_png
from present.svg import figure_to_svg
from report.model import Bullets, Figure, Paragraph, Report, Subheading, Table
from data.language import active_language
from present.strings import t

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


class PdfExportError(RuntimeError):
    """The PDF could not be written; the message is Norwegian and user-facing."""


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _css(report: Report) -> str:
    return f"""
@page {{
  font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  size: A4; margin: 22mm 16mm 22mm 16mm;
  @top-left {{ content: {_css_string(report.title)}; font-size: 8.5pt; color: #555; }}
  @top-right {{ content: {_css_string(report.created.strftime('%d.%m.%Y'))}; font-size: 8.5pt; color: #555; }}
  @bottom-left {{ content: {_css_string(report.source_line)}; font-size: 8pt; color: #555; width: 80%; }}
  @bottom-right {{ content: "Side " counter(page) " av " counter(pages); font-size: 8.5pt; color: #555; }}
}}
body {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.4;
        color: #111; }}
h1 {{ font-size: 20pt; margin: 0 0 4pt 0; color: #0b3d6b; }}
h2 {{ font-size: 14pt; margin: 16pt 0 6pt 0; color: #0b3d6b; border-bottom: 1px solid #ccd; page-break-after: avoid; }}
h2.appendix {{ page-break-before: always; }}
h3 {{ font-size: 11pt; margin: 10pt 0 4pt 0; page-break-after: avoid; }}
p.subtitle {{ color: #333; margin-top: 0; }}
p.note {{ color: #555; font-size: 9pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; overflow-wrap: break-word; margin: 4pt 0 10pt 0; font-size: 8.5pt; }}
th, td {{ border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }}
th {{ background: #e8eef5; }}
tr {{ page-break-inside: avoid; }}
caption {{ caption-side: bottom; text-align: left; color: #555; font-size: 8.5pt; padding-top: 2pt; }}
figure {{ margin: 6pt 0 12pt 0; page-break-inside: avoid; }}
figure img {{ max-width: 100%; max-height: 230mm; }}
figcaption {{ color: #555; font-size: 8.5pt; }}
"""


def _colgroup(table: Table) -> str:
    """Column widths for the fixed table layout (fast: weasyprint need not measure every cell).

    Each column gets at least its longest word (words are not broken) and a share of the rest in
    proportion to how much longer its longest cell is (capped at 40 characters).
    """
    n = len(table.columns)
    if n == 0:
        return ""
    mins, prefs = [], []
    for i in range(n):
        cells = [str(table.columns[i])] + [str(r[i]) for r in table.rows if i < len(r)]
        word = max((len(w) for c in cells for w in c.split()), default=1)
        mins.append(min(word, 22) * 1.15 + 2)
        prefs.append(max(min(max(len(c) for c in cells), 40), mins[-1]))
    budget = 95.0  # characters across the page at the table font size
    extra = max(budget - sum(mins), 0.0)
    grow = [p - m for p, m in zip(prefs, mins)]
    g = sum(grow) or 1.0
    widths = [m + extra * x / g for m, x in zip(mins, grow)]
    total = sum(widths)
    return "<colgroup>" + "".join(f"<col style='width:{100 * w / total:.1f}%'>" for w in widths) + "</colgroup>"


def figure_svgs(report: Report) -> dict[int, str]:
    """SVG of every figure the direct renderer can draw (``present.svg``), by ``id`` of the figure block."""
    out: dict[int, str] = {}
    for f in report.figures():
        try:
            out[id(f)] = figure_to_svg(f.fig, height=f.height)
        except Exception:  # noqa: BLE001 - drawn by kaleido instead (see render_pdf)
            log.warning("SVG renderer could not draw a report figure; using kaleido", exc_info=True)
    return out


def _img_src(png: bytes | None, svg: str | None) -> str | None:
    if svg:
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    if png:
        return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return None


def to_html(report: Report, images: list[bytes] | None = None, svgs: dict[int, str] | None = None,
            extra_css: str = "") -> str:
    """The report as one self-contained HTML document (images embedded as data URIs; SVG where given);
    ``extra_css`` is appended to the style sheet (e.g. the compact one-page skoleportrett)."""
    esc = html.escape
    figs = report.figures()
    pngs = images if images is not None else [f.png for f in figs]
    img_of = {id(f): p for f, p in zip(figs, pngs)}
    svgs = svgs or {}
    out = [
        f"<!DOCTYPE html><html lang='{active_language()}'><head><meta charset='utf-8'>",
        f"<title>{esc(report.title)}</title><style>{_css(report)}{extra_css}</style></head><body>",
        f"<h1>{esc(report.title)}</h1>",
        f"<p class='subtitle'>{esc(report.subtitle)}</p>",
        f"<p class='note'>{esc(report.source_line)}</p>",
    ]
    for sec in report.sections:
        out.append(f"<h2 class='{'appendix' if sec.appendix else ''}'>{esc(sec.title)}</h2>")
        for b in sec.blocks:
            if isinstance(b, Subheading):
                out.append(f"<h3>{esc(b.text)}</h3>")
            elif isinstance(b, Paragraph):
                out.append(f"<p class='{'note' if b.note else ''}'>{esc(b.text)}</p>")
            elif isinstance(b, Bullets):
                out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in b.items) + "</ul>")
            elif isinstance(b, Table):
                head = "".join(f"<th>{esc(c)}</th>" for c in b.columns)
                body = "".join("<tr>" + "".join(f"<td>{esc(str(c))}</td>" for c in r) + "</tr>" for r in b.rows)
                cap = f"<caption>{esc(b.caption)}</caption>" if b.caption else ""
                out.append(f"<table>{cap}{_colgroup(b)}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
            elif isinstance(b, Figure):
                src = _img_src(img_of.get(id(b)), svgs.get(id(b)))
                if src:
                    out.append(f"<figure><img src='{src}' alt='{esc(b.caption)}'><figcaption>{esc(b.caption)}"
                               "</figcaption></figure>")
                else:
                    out.append(f"<p class='note'>{esc(b.caption)} ({esc(t('rep.image_missing'))})</p>")
    out.append("</body></html>")
    return "".join(out)


def render_images(report: Report, progress: Progress | None = None, start: float = 0.0, end: float = 1.0) -> None:
    """Render every figure of the report to PNG once (kept on the figure for PDF and DOCX)."""
    todo = [f for f in report.figures() if f.png is None]
    if not todo:
        return

    def step(done: int, total: int) -> None:
        if progress:
            progress(start + (end - start) * done / total, t("rep.progress.image", done=done, total=total))

    pngs = figures_to_png([f.fig for f in todo], heights=[f.height for f in todo], progress=step)
    for f, p in zip(todo, pngs):
        f.png = p


def render_pdf(report: Report, progress: Progress | None = None, extra_css: str = "") -> bytes:
    """The report as PDF bytes. Charts are drawn as SVG (``present.svg``, no browser); a chart that renderer
    cannot draw is rendered to PNG with kaleido as before."""
    if progress:
        progress(0.1, t("rep.progress.charts"))
    svgs = figure_svgs(report)
    missing = [f for f in report.figures() if id(f) not in svgs and f.png is None]
    if missing:
        for f, p in zip(missing, figures_to_png([f.fig for f in missing], heights=[f.height for f in missing])):
            f.png = p
    if progress:
        progress(0.5, t("rep.progress.pdf"))
    try:
        from weasyprint import HTML

        pdf = HTML(string=to_html(report, svgs=svgs, extra_css=extra_css)).write_pdf()
    except OSError as exc:  # libpango missing
        log.exception("weasyprint failed")
        raise PdfExportError(t("rep.pdf_no_pango")) from exc
    except Exception as exc:
        log.exception("weasyprint failed")
        raise PdfExportError(t("rep.pdf_failed")) from exc
    if progress:
        progress(1.0, t("rep.progress.pdf_done"))
    return pdf
