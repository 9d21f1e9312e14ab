"""The utfordringsbilde report: model, charts, PDF (weasyprint) and DOCX (python-docx). No streamlit.

    from report import ReportOptions, build_report, render_pdf, render_docx
    rep = build_report("7290", ReportOptions(), findings=store.list_findings("7290"), checklist=store.checklist("7290"))
    pdf_bytes = render_pdf(rep, progress=lambda frac, text: ...)

The names below are imported on first use (PEP 562): Oversikt draws its charts with ``present.svg`` in the
first run of a cold server, and importing ``report`` must not pull in python-docx and weasyprint then.
"""

from __future__ import annotations

import importlib

_NAMES = {
    "batch_zip": "report.batch", "ImageExportError": "report.images", "Report": "report.model",
    "ReportOptions": "report.model", "build_report": "report.model", "checklist_progress": "report.model",
    "PdfExportError": "report.pdf", "render_pdf": "report.pdf", "to_html": "report.pdf", "render_docx": "report.word",
}
__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name in _NAMES:
        value = getattr(importlib.import_module(_NAMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'report' has no attribute {name!r}")
