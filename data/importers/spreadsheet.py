"""Excel (.xlsx) exports from statistikkbanken: the first sheet with a known header, read as text.

Before any sheet is parsed, the zip directory is checked (uncompressed size, number of sheets) and
each sheet's declared dimension is read from the start of its XML; the sheet is then read by
``xlsx_cells`` (no padding to a declared dimension), counting rows and columns against
``data/importers/limits.py``.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import pandas as pd

from data.importers import xlsx_cells
from data.importers.errors import ImportFailure
from data.importers.limits import LIMITS, check_time, refuse

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')

KNOWN_HEADER = {"enhetnivaa", "indikatornavn", "enhetsnavn"}


def is_xlsx(raw: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def check_package(file_name: str, raw: bytes) -> None:
    """Uncompressed size, sheet count, declared dimensions and formulas without a computed value."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise ImportFailure(file_name, "Excel-filen kunne ikke åpnes (ødelagt zip). Lagre den på nytt som .xlsx "
                            "eller eksporter som CSV.") from None
    with zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        if total > LIMITS.xlsx_uncompressed_mb * 1024 * 1024:
            raise refuse(file_name, "Størrelsen på Excel-filen pakket ut", total / 1024 / 1024, LIMITS.xlsx_uncompressed_mb, "MB",
                         "Eksporter som CSV i stedet.")
        sheets = [i for i in infos if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")]
        if len(sheets) > LIMITS.xlsx_sheets:
            raise refuse(file_name, "Antall ark i Excel-filen", len(sheets), LIMITS.xlsx_sheets, "ark")
        for info in sheets:
            _check_sheet(file_name, zf, info)


def _check_sheet(file_name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    with zf.open(info) as fh:
        head = fh.read(8192)
    m = _DIMENSION.search(head)
    if m:
        last_col, last_row = (m.group(3), m.group(4)) if m.group(3) else (m.group(1), m.group(2))
        rows, cols = int(last_row), _col_number(last_col)
        if cols > LIMITS.xlsx_columns:
            raise refuse(file_name, "Antall kolonner arket oppgir å ha", cols, LIMITS.xlsx_columns, "kolonner",
                         "Lagre eksporten på nytt uten tomme kolonner, eller som CSV.")
        if rows * cols > LIMITS.xlsx_declared_cells:
            raise refuse(file_name, "Antall celler arket oppgir å ha", rows * cols, LIMITS.xlsx_declared_cells, "celler",
                         "Lagre eksporten på nytt uten tomme rader, eller som CSV.")
    check_time(file_name)


def read_xlsx(file_name: str, raw: bytes) -> tuple[pd.DataFrame, str, int]:
    """Return (text frame with the header as columns, sheet name, header row number)."""
    check_package(file_name, raw)
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        with zf:
            strings = xlsx_cells.shared_strings(zf)
            listed = xlsx_cells.sheets(zf)
            if not listed:
                raise ImportFailure(file_name, "Excel-filen kunne ikke åpnes: arbeidsboken har ingen ark (ødelagt "
                                    "eller ufullstendig fil). Lagre den på nytt som .xlsx eller eksporter som CSV.")
            for name, path in listed:
                check_time(file_name)
                try:
                    xml = zf.read(path)
                except KeyError:
                    continue
                found = _read_sheet(file_name, xml, strings)
                if found is not None:
                    return found[0], name, found[1]
    except (zipfile.BadZipFile, KeyError, zlib.error, EOFError) as exc:
        raise ImportFailure(file_name, f"Excel-filen kunne ikke åpnes ({type(exc).__name__}). "
                            "Lagre den på nytt som .xlsx eller eksporter som CSV.") from None
    raise ImportFailure(file_name, "Fant ingen ark med en kjent overskrift (forventet statistikkbankens kolonner "
                        "EnhetNivaa … EnhetNavn, eller Skoleportens Enhetsnavn … Måleenhet).")


def _read_sheet(file_name: str, xml: bytes, strings: list[str]) -> tuple[pd.DataFrame, int] | None:
    """(text frame, header row) when the sheet's first non-empty row is a known header, else None."""
    it = xlsx_cells.rows(file_name, xml, strings)
    for row_no, row in it:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if not KNOWN_HEADER & {c.lower() for c in cells}:
            return None  # the first non-empty row of a sheet is its header
        header = cells
        while header and not header[-1]:
            header.pop()
        width = len(header)
        body = [r[:width] + [""] * (width - len(r)) for _, r in it if any(x.strip() for x in r[:width])]
        return pd.DataFrame(body, columns=header, dtype=object), row_no
    return None
