"""The utfordringsbilde report: model, charts, PDF (weasyprint) and DOCX (python-docx). No streamlit.

    from report import ReportOptions, build_report, render_pdf, render_docx
    rep = build_report("7290", ReportOptions(), findings=store.list_findings("7290"), checklist=store.checklist("7290"))
    pdf_bytes = render_pdf(rep, progress=lambda frac, text: ...)
"""

from report.batch import batch_zip  # noqa: F401
from report.images import ImageExportError  # noqa: F401
from report.model import Report, ReportOptions, build_report, checklist_progress  # noqa: F401
from report.pdf import PdfExportError, render_pdf, to_html  # noqa: F401
from report.word import render_docx  # noqa: F401
