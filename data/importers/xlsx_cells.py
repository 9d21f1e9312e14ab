"""A small streaming reader of the cell texts in an .xlsx sheet (the Office Open XML SpreadsheetML subset
statistikkbanken and Excel write), used instead of openpyxl for data.

Why: openpyxl pads every row to the sheet's *declared* dimension (a 1.6 kB file declaring A1:XFD1048576
costs hours) and spends tens of microseconds per cell. This reader walks ``<row>`` and ``<c>`` elements
with two regular expressions, places cells by their reference (gaps cost nothing), resolves shared and
inline strings, and refuses a formula without a computed value rather than reading it as empty.
Values are the texts Excel stored (numbers as written in ``<v>``), which ``markers.parse_number`` reads.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator

from data.importers.errors import ImportFailure
from data.importers.limits import LIMITS, check_time, refuse

_NS = rb"(?:\w+:)?"
_ROW = re.compile(rb"<" + _NS + rb"row\b([^>]*?)(?:/>|>(.*?)</" + _NS + rb"row>)", re.S)
_CELL = re.compile(rb"<" + _NS + rb"c\b([^>]*?)(?:/>|>(.*?)</" + _NS + rb"c>)", re.S)
_ATTR_R = re.compile(rb'\br="([A-Z]{1,3})?(\d+)?"')
_ATTR_T = re.compile(rb'\bt="(\w+)"')
_V = re.compile(rb"<" + _NS + rb"v\b[^>]*>(.*?)</" + _NS + rb"v>", re.S)
_T = re.compile(rb"<" + _NS + rb"t\b[^>]*>(.*?)</" + _NS + rb"t>|<" + _NS + rb"t\b[^>]*/>", re.S)
_SI = re.compile(rb"<" + _NS + rb"si\b[^>]*>(.*?)</" + _NS + rb"si>|<" + _NS + rb"si\b[^>]*/>", re.S)
_HAS_F = re.compile(rb"<" + _NS + rb"f\b")
_SHEET = re.compile(rb'<' + _NS + rb'sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"', re.S)
_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"|'
                  rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"', re.S)


def _text(raw: bytes) -> str:
    return html.unescape(raw.decode("utf-8", errors="replace"))


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def sheets(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part path) in workbook order."""
    wb = zf.read("xl/workbook.xml")
    rels = {}
    try:
        for m in _REL.finditer(zf.read("xl/_rels/workbook.xml.rels")):
            rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            rels[rid.decode()] = target.decode().lstrip("/")
    except KeyError:
        pass
    out = []
    for i, m in enumerate(_SHEET.finditer(wb), start=1):
        target = rels.get(m.group(2).decode(), f"worksheets/sheet{i}.xml")
        path = target if target.startswith("xl/") else "xl/" + target
        out.append((_text(m.group(1)), path))
    return out


def shared_strings(zf: zipfile.ZipFile) -> list[str]:
    try:
        xml = zf.read("xl/sharedStrings.xml")
    except KeyError:
        return []
    return ["".join(_text(t.group(1) or b"") for t in _T.finditer(si.group(1) or b"")) for si in _SI.finditer(xml)]


def rows(file_name: str, xml: bytes, strings: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts from column A) per non-empty ``<row>``; refuses limits and uncomputed formulas."""
    row_no = 0
    declared_rows = xml.count(b"<row") + xml.count(b":row ")  # counted in C before any row is parsed
    if declared_rows > LIMITS.xlsx_rows:
        raise refuse(file_name, "Antall rader i arket", declared_rows, LIMITS.xlsx_rows, "rader",
                     "Eksporter som CSV i stedet (CSV har ingen slik grense under 150 MB).")
    for count, rm in enumerate(_ROW.finditer(xml), start=1):
        if count % 5000 == 0:
            check_time(file_name)
        r = _ATTR_R.search(rm.group(1))
        row_no = int(r.group(2)) if r and r.group(2) else row_no + 1
        cells: dict[int, str] = {}
        col = 0
        for cm in _CELL.finditer(rm.group(2) or b""):
            ref = _ATTR_R.search(cm.group(1))
            col = _col(ref.group(1)) if ref and ref.group(1) else col + 1
            if col > LIMITS.xlsx_columns:
                raise refuse(file_name, f"Antall kolonner i rad {row_no} i arket", col, LIMITS.xlsx_columns, "kolonner")
            cells[col] = _value(file_name, cm, strings, ref, row_no)
        if cells:
            width = max(cells)
            yield row_no, [cells.get(c, "") for c in range(1, width + 1)]


def _value(file_name: str, cm: re.Match, strings: list[str], ref, row_no: int) -> str:
    inner = cm.group(2) or b""
    t = _ATTR_T.search(cm.group(1))
    kind = t.group(1) if t else b"n"
    if kind == b"inlineStr":
        return "".join(_text(x.group(1) or b"") for x in _T.finditer(inner))
    v = _V.search(inner)
    if v is None:
        if _HAS_F.search(inner):
            where = (ref.group(1) or b"").decode() + str(row_no)
            raise ImportFailure(file_name, f"Excel-filen har en formel uten utregnet verdi (celle {where}). Åpne filen "
                                "i Excel, lagre den (så verdiene regnes ut) og last opp på nytt, eller eksporter som CSV.")
        return ""
    text = _text(v.group(1))
    if kind == b"s":
        try:
            return strings[int(text)]
        except (ValueError, IndexError):
            raise ImportFailure(file_name, f"Excel-filen er ødelagt: cellen i rad {row_no} viser til en tekst som ikke "
                                "finnes. Lagre den på nytt som .xlsx eller eksporter som CSV.") from None
    if kind == b"b":
        return "SANN" if text.strip() == "1" else "USANN"
    return text
