"""Formula injection (OWASP CSV injection): one function neutralises every CSV and XLSX cell the app writes."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from data.export_safety import FORMULA_START, neutralise_cell, neutralise_frame
from ui.downloads import csv_bytes, excel_bytes

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ['=HYPERLINK("http://x","klikk")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\u2212=1", "\uff1dcmd",
           "  =cmd|' /C calc'!A0"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_is_prefixed(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Vanlig tekst", "a=b", "", "Ås skole", 3, -2.5, None])
def test_harmless_values_unchanged(value):
    assert neutralise_cell(value) == value


def _table() -> pd.DataFrame:
    return pd.DataFrame({"Skole": HOSTILE, "Verdi": [-1.5 + i for i in range(len(HOSTILE))],
                         "=Kolonne": ["x"] * len(HOSTILE)})


def _dangerous(text: object) -> bool:
    """Text a spreadsheet could run (a number written by the app, such as «-1,5», is data, not a formula)."""
    if not isinstance(text, str) or re.fullmatch(r"-?\d+(,\d+)?", text):
        return False
    return text.lstrip(" \u00a0").startswith(FORMULA_START)


def test_csv_download_has_no_live_formula():
    raw = csv_bytes(_table(), footer=["=Kilde", "Kilde: demo"]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
    cells = [c for r in rows for c in r]
    assert not [c for c in cells if _dangerous(c)], cells
    assert "-1,5" in cells  # numbers stay numbers (decimal comma, no apostrophe)


def test_xlsx_download_has_no_formula_cell():
    wb = openpyxl.load_workbook(io.BytesIO(excel_bytes(_table(), footer=["=Kilde"])))
    ws = wb.active
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            assert not _dangerous(cell.value), (cell.coordinate, cell.value)
    assert any(cell.value == -1.5 for row in ws.iter_rows() for cell in row)


def test_neutralise_frame_keeps_numbers():
    out = neutralise_frame(pd.DataFrame({"a": ["=1", "x"], "b": [-1.0, 2.0]}))
    assert out["a"].tolist() == ["'=1", "x"] and out["b"].tolist() == [-1.0, 2.0]


def test_findings_csv_uses_the_one_function():
    from data.findings import exchange

    assert exchange.neutralise_cell is neutralise_cell
    from data.findings import exchange_goals

    assert exchange_goals.neutralise_cell is neutralise_cell


def test_every_download_goes_through_a_safe_builder():
    """Every download button in the app serves one of the known builders (CSV/XLSX neutralised; PDF, DOCX,
    JSON and zip of PDFs carry no spreadsheet formulas)."""
    safe = {"csv_bytes", "excel_bytes", "export_csv", "goals_csv", "export_json", "saved[1]",
            "made[1]", "made[2]", "[pdf_key]"}  # PDF/DOCX bytes: utfordringsbilde, plan, skoleportrett
    found = []
    for path in list((ROOT / "pages").glob("*.py")) + list((ROOT / "ui").glob("*.py")) + [ROOT / "app.py"]:
        src = path.read_text(encoding="utf-8")
        for m in re.finditer(r"download_button\((.{0,200})", src, re.S):
            found.append((path.name, m.group(1)))
    assert found
    for name, call in found:
        assert any(s in call for s in safe), (name, call[:120])
