"""Excel (.xlsx) exports from statistikkbanken: the first sheet with a known header, read as text."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from data.importers.errors import ImportFailure


def is_xlsx(raw: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v) if not v.is_integer() else str(int(v))
    return str(v)


def read_xlsx(file_name: str, raw: bytes) -> tuple[pd.DataFrame, str, int]:
    """Return (text frame with the header as columns, sheet name, header row number)."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise ImportFailure(file_name, f"Excel-filen kunne ikke åpnes ({type(exc).__name__}). "
                            "Lagre den på nytt som .xlsx eller eksporter som CSV.") from None
    try:
        for ws in wb.worksheets:
            rows = ws.iter_rows(values_only=True)
            for row_no, row in enumerate(rows, start=1):
                cells = [_cell_text(v).strip() for v in row]
                if not any(cells):
                    continue
                low = {c.lower() for c in cells}
                if {"enhetnivaa", "indikatornavn", "enhetsnavn"} & low:
                    header = cells
                    while header and not header[-1]:
                        header.pop()
                    body = [[_cell_text(v) for v in r[: len(header)]] for r in rows]
                    body = [r + [""] * (len(header) - len(r)) for r in body if any(x.strip() for x in r)]
                    return pd.DataFrame(body, columns=header, dtype=object), ws.title, row_no
                break  # the first non-empty row of a sheet is its header
    finally:
        wb.close()
    raise ImportFailure(file_name, "Fant ingen ark med en kjent overskrift (forventet statistikkbankens kolonner "
                        "EnhetNivaa … EnhetNavn, eller Skoleportens Enhetsnavn … Måleenhet).")
