"""The utfordringsbilde report: model contents, PDF and DOCX parsed back, suppression kept, batch zip."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from analysis import uttrekk as u
from data.findings import Author, ChecklistChanges, FindingIn, FindingsStore, IndicatorLink
from report import ReportOptions, batch_zip, build_report, render_docx, render_pdf
from report.model import Figure, Table

AUTHOR = Author("Kari Test", "veileder")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = FindingsStore(f"sqlite:///{tmp_path_factory.mktemp('funn') / 'f.sqlite'}")
    a = st.create(FindingIn("7190", "Godt samarbeid med foreldrene", "styrke", source="intervju"), AUTHOR)
    b = st.create(FindingIn("7190", "Få elever gjør at tallene svinger mye", "utfordring",
                            indicators=(IndicatorLink("grunnskolepoeng", "", 10),)), AUTHOR)
    st.create(FindingIn("7190", "Hvorfor er mobbetallene skjermet hvert år?", "sporsmal"), AUTHOR)
    st.create(FindingIn("7190", "Dette stemte ikke", "utfordring", status="forkastet"), AUTHOR)
    st.update_checklist_item("7190", "plan_forfasen", 0, ChecklistChanges(
        status="ferdig", responsible_role="skoleeier", due_date=date(2026, 12, 1), evidence=(a.id, b.id)), AUTHOR)
    st.update_checklist_item("7190", "hvem_deltar", 0, ChecklistChanges(status="pagar"), AUTHOR)
    yield st
    st.dispose()


@pytest.fixture(scope="module")
def uttrekk_result(demo_figures):
    return u.compute(demo_figures)


@pytest.fixture(scope="module")
def kvitholm(store, demo_figures, uttrekk_result):
    rep = build_report("7190", findings=store.list_findings("7190"), checklist=store.checklist("7190"),
                       figures=demo_figures, uttrekk=uttrekk_result, created=date(2026, 11, 23))
    steps: list[float] = []
    pdf = render_pdf(rep, progress=lambda f, text: steps.append(f))
    docx = render_docx(rep)
    return rep, pdf, docx, steps


def test_model_sections_and_findings(kvitholm):
    rep, *_ = kvitholm
    heads = rep.headings()
    for h in ("Sammendrag", "Indikatorene", "Skolene", "Hvorfor er kommunen trukket ut?", "Styrker og utfordringer",
              "Åpne spørsmål", "Sjekkliste for forfasen", "Vedlegg: metoder"):
        assert h in heads
    text = rep.plain_text()
    assert "Godt samarbeid med foreldrene" in text and "Hvorfor er mobbetallene skjermet" in text
    assert "Dette stemte ikke" not in text  # rejected findings are left out by default
    assert "1 av 11 punkter er ferdige, 1 pågår" in text
    assert "nan" not in text.lower().split()


def test_suppressed_cells_say_skjermet(kvitholm, demo_figures):
    """Every suppressed kommune figure of 7190 in the window appears as «skjermet» in the yearly table."""
    rep, *_ = kvitholm
    periods = rep.periods
    kom = demo_figures[(demo_figures["level"] == "kommune") & (demo_figures["unit_id"] == "7190")
                       & demo_figures["period"].isin(periods) & (demo_figures["kjonn"] == "alle")]
    yearly = next(b for s in rep.sections for b in s.blocks if isinstance(b, Table) and b.columns[1:] == periods)
    cells = {(r[0], p): c for r in yearly.rows for p, c in zip(periods, r[1:])}
    from data.catalogue import UTTREKK_SET, indicator_label
    checked = 0
    for ind, subj, trinn in UTTREKK_SET:
        rows = kom[(kom["indicator"] == ind) & (kom["subject"] == subj) & (kom["trinn"] == trinn)]
        for _, r in rows.iterrows():
            cell = cells[(indicator_label(ind, subj, trinn), str(r["period"]))]
            if r["suppressed"]:
                assert cell == "skjermet"
                checked += 1
            else:
                assert cell.startswith(f"{r['value']:.{2 if ind.startswith('eu_') and ind != 'eu_mobbing' else 1}f}"
                                       .replace(".", ","))
    assert checked > 10


def test_pdf_parses_back(kvitholm):
    rep, pdf, _docx, steps = kvitholm
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 4
    texts = [p.extract_text() for p in reader.pages]
    full = "\n".join(texts)
    for h in ("Utfordringsbilde for Kvitholm", "Indikatorene", "Hvorfor er kommunen trukket ut?",
              "Sjekkliste for forfasen", "Vedlegg: metoder"):
        assert h in full
    # Source and date on every page.
    for t in texts:
        assert "Kilde:" in t and "23.11.2026" in t
    assert "skjermet" in full
    # The charts are vector drawings (present/svg.py): each figure's caption and its chart text are in the PDF.
    assert len(rep.figures()) >= 2
    for f in rep.figures():
        assert f.caption.split(".")[0] in full
    assert "Nasjonalt" in full and "2025-26" in full
    assert steps[-1] == 1.0 and steps == sorted(steps)


def test_docx_parses_back(kvitholm):
    rep, _pdf, docx, _ = kvitholm
    doc = Document(io.BytesIO(docx))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading") or p.style.name == "Title"]
    assert "Utfordringsbilde for Kvitholm" in headings
    assert "Hvorfor er kommunen trukket ut?" in headings and "Vedlegg: metoder" in headings
    assert len(doc.inline_shapes) == len(rep.figures())
    footer = doc.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Kilde:") and "23.11.2026" in footer
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "skjermet" in cells
    assert not any(re.fullmatch(r"nan.*", c) for c in cells)


def test_options_leave_sections_out(demo_figures, uttrekk_result):
    opts = ReportOptions(indicators=(("grunnskolepoeng", "", 10),), include_schools=False, include_uttrekk=False,
                         include_checklist=False, include_methods=False)
    rep = build_report("7290", opts, figures=demo_figures, uttrekk=uttrekk_result)
    assert "Skolene" not in rep.headings() and "Vedlegg: metoder" not in rep.headings()
    tables = [b for s in rep.sections for b in s.blocks if isinstance(b, Table)]
    assert all(len(t.rows) == 1 for t in tables)
    assert len([b for s in rep.sections for b in s.blocks if isinstance(b, Figure)]) == 1


def test_spread_showcase_report_names_weak_school(demo_figures, uttrekk_result):
    rep = build_report("7290", figures=demo_figures, uttrekk=uttrekk_result)
    text = rep.plain_text()
    assert "Hvis Nedre Brekke skole hadde hatt resultater på kommunens nivå" in text
    assert "trukket ut på grunn av forskjeller mellom skolene" in text


def test_unknown_kommune_is_a_clear_error(demo_figures, uttrekk_result):
    with pytest.raises(KeyError, match="Ukjent kommune"):
        build_report("0000", figures=demo_figures, uttrekk=uttrekk_result)


def test_batch_zip(demo_figures, uttrekk_result, store):
    opts = ReportOptions(indicators=(("grunnskolepoeng", "", 10),), include_schools=False)
    blob, errors = batch_zip(["7190", "0000"], options=opts, figures=demo_figures, uttrekk=uttrekk_result,
                             findings_for=store.list_findings, checklist_for=store.checklist)
    names = zipfile.ZipFile(io.BytesIO(blob)).namelist()
    assert names == ["utfordringsbilde_7190_Kvitholm.pdf"]
    assert len(errors) == 1 and errors[0].startswith("0000")


def test_chart_renderer_page_loads_nothing_from_the_internet():
    """Kaleido's page with our settings (MathJax off) takes plotly.js from the installed package, not a CDN."""
    from kaleido import PageGenerator

    from report.images import browser_path

    page = PageGenerator(mathjax=False).generate_index()
    assert "https://" not in page and "http://" not in page
    assert "plotly.min.js" in page and "file://" in page
    assert browser_path() is not None


def test_report_in_nynorsk(demo_figures, uttrekk_result):
    """The report's sections, the uttrekk explanation and the methods appendix in nynorsk (issue 15)."""
    import re

    from data.language import use_language

    with use_language("nn"):
        rep = build_report("7290", figures=demo_figures, uttrekk=uttrekk_result)
    heads = rep.headings()
    for h in ("Samandrag", "Indikatorane", "Skulane", "Kvifor er kommunen trekt ut?", "Styrkar og utfordringar",
              "Opne spørsmål", "Sjekkliste for forfasen", "Vedlegg: metodar"):
        assert h in heads, heads
    text = rep.plain_text()
    assert text.startswith("Utfordringsbilete for Brekkestad") and "Kjelde: Demodata (fiktive kommunar og skular)" in text
    assert "Viss Nedre Brekke skole hadde hatt resultat på nivået til kommunen" in text  # names stay as named
    left = sorted(set(re.findall(r"\b(ikke|hvor|hvorfor|skolene|elever|forskjellen|fra|bare|andel)\b", text)))
    assert not left, left
