"""AppTest of the utfordringsbilde page: choose contents, preview, export a PDF and a DOCX with progress."""

from __future__ import annotations

import io

from docx import Document
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app




def _run(kommune_id: str) -> AppTest:
    return open_app("utfordringsbilde", kommune=kommune_id)


def _headings(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("### ")]


def test_preview_follows_choices_and_exports():
    at = _run("7190")
    assert at.title[0].value == "Utfordringsbilde: Kvitholm"
    heads = _headings(at)
    assert "### Hvorfor er kommunen trukket ut?" in heads and "### Vedlegg: metoder" in heads
    assert any("skjermet" in str(df.value.values) for df in at.dataframe)
    # Leave the methods appendix and the schools out, keep one indicator.
    at.checkbox(key="ub_inc_methods").uncheck()
    at.checkbox(key="ub_inc_schools").uncheck()
    at.multiselect(key="ub_indicators").set_value(["grunnskolepoeng||10"])
    at.run()
    heads = _headings(at)
    assert "### Vedlegg: metoder" not in heads and "### Skolene" not in heads
    # Export PDF: the progress bar ends at 100 % and a download button appears with a PDF that parses.
    at.button(key="ub_make_pdf").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    # The job ran to the end («Ferdig på … sekunder») and both buttons are enabled again.
    assert any(c.value.startswith("Ferdig på") for c in at.caption)
    assert at.session_state["ub_exporting"] is None
    assert not at.button(key="ub_make_pdf").disabled and not at.button(key="ub_make_docx").disabled
    kid, blob = at.session_state["ub_file_pdf"]
    reader = PdfReader(io.BytesIO(blob))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert kid == "7190" and "Utfordringsbilde for Kvitholm" in text and "Vedlegg: metoder" not in text
    at.button(key="ub_make_docx").click().run()
    _, docx = at.session_state["ub_file_docx"]
    doc = Document(io.BytesIO(docx))
    assert doc.paragraphs[0].text == "Utfordringsbilde for Kvitholm"
    assert len(doc.inline_shapes) >= 1


def test_no_indicator_chosen_gives_a_clear_message():
    at = _run("7290")
    at.multiselect(key="ub_indicators").set_value([])
    at.run()
    assert any("Velg minst én indikator" in w.value for w in at.warning)


def test_one_export_at_a_time(monkeypatch):
    """While one export runs, both buttons are drawn disabled (a click can neither start a second job nor
    cancel the first); the flag is cleared when the job ends, also when it fails."""
    import streamlit as st

    import report

    seen = []

    def fake_docx(rep, progress=None):
        seen.append(st.session_state.get("ub_exporting"))
        raise RuntimeError("boom")

    monkeypatch.setattr(report, "render_docx", fake_docx)
    at = _run("7190")
    at.button(key="ub_make_docx").click().run()
    assert seen == ["docx"]
    assert at.session_state["ub_exporting"] is None
    assert any("Rapporten kunne ikke lages" in e.value for e in at.error)
