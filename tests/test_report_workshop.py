"""The report leads with the findings: executive sections first, findings with the figures behind them,
correct plurals, checklist notes (issue 13)."""

from __future__ import annotations

from datetime import date

import pytest

from data.findings import Author, ChecklistChanges, FindingIn, FindingsStore, IndicatorLink
from report import build_report
from report.model import Bullets, Paragraph, Table

AUTHOR = Author("Kari Test", "veileder")


@pytest.fixture(scope="module")
def report(tmp_path_factory, demo_figures):
    st = FindingsStore(f"sqlite:///{tmp_path_factory.mktemp('funn') / 'f.sqlite'}")
    st.create(FindingIn("7290", "Lite samarbeid om vurdering", "utfordring",
                        indicators=(IndicatorLink("grunnskolepoeng", "", 10),)), AUTHOR)
    st.create(FindingIn("7290", "Mange skolebytter på ungdomstrinnet", "utfordring"), AUTHOR)
    st.create(FindingIn("7290", "Trygge voksne i friminuttene", "styrke"), AUTHOR)
    st.update_checklist_item("7290", "plan_forfasen", 0, ChecklistChanges(
        status="pagar", note="Avtalt møte med rektorene i januar", due_date=date(2027, 1, 15)), AUTHOR)
    rep = build_report("7290", findings=st.list_findings("7290"), checklist=st.checklist("7290"),
                       figures=demo_figures, created=date(2026, 12, 1))
    st.dispose()
    return rep


def test_executive_part_first(report):
    titles = [s.title for s in report.sections]
    assert titles[:3] == ["Sammendrag", "Styrker og utfordringer", "Åpne spørsmål"]


def test_plurals_and_supporting_figures(report):
    summary = " ".join(b.text for b in report.sections[0].blocks if isinstance(b, Paragraph))
    assert "2 utfordringer" in summary and "1 styrke" in summary and "2 utfordring," not in summary
    findings = [item for b in report.sections[1].blocks if isinstance(b, Bullets) for item in b.items]
    linked = [x for x in findings if x.startswith("Lite samarbeid")][0]
    assert "Tallene: grunnskolepoeng, 10. trinn" in linked and "Kommunen ligger sikkert under landet" not in linked
    assert "kommunen ligger sikkert under landet" in linked  # the verdict as a plain sentence


def test_checklist_keeps_its_notes(report):
    sec = [s for s in report.sections if s.title == "Sjekkliste for forfasen"][0]
    table = [b for b in sec.blocks if isinstance(b, Table)][0]
    assert "Notat" in table.columns
    assert any("Avtalt møte med rektorene i januar" in row for row in table.rows)
