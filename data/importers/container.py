"""From uploaded bytes to an ``ImportFile``: the container (CSV text, xlsx, JSON), the encoding, Excel's
``sep=`` line, blank lines before the header, and the delimiter. Formats no source can read (zip, old xls,
PDF, binary) are refused here with a message saying what the file is."""

from __future__ import annotations

import pandas as pd

from data.importers.errors import ImportFailure
from data.importers.identity import KommuneHint
from data.importers.jsonstat import parse_json
from data.importers.limits import LIMITS, check_csv_shape, json_depth, refuse
from data.importers.protocol import Head, ImportFile
from data.importers.report import ImportReport
from data.importers.spreadsheet import is_xlsx, read_xlsx
from data.importers.textio import DELIMITERS, decode, first_line, sniff_binary, sniff_delimiter, split_sep_line

SUPPORTED_TEXT = (
    "Skoleporten-nedlasting (CSV), eksport fra Udirs statistikkbank (CSV eller Excel) eller en SSB-tabell i "
    "JSON-stat2"
)


def prepare(file_name: str, raw: bytes, report: ImportReport, kommune: KommuneHint | None = None,
            existing: pd.DataFrame | None = None) -> ImportFile:
    """Open the container once; raises ImportFailure for what no source reads."""
    kind = sniff_binary(raw)
    if kind == "zip":
        if is_xlsx(raw):
            frame, sheet, header_row = read_xlsx(file_name, raw)
            report.encoding, report.delimiter = "Excel (.xlsx)", f"ark «{sheet}»"
            head = Head(file_name, "xlsx", "\t".join(str(c) for c in frame.columns))
            return ImportFile(head, raw, report, kommune, existing, header_line=header_row, frame=frame)
        raise ImportFailure(file_name, "Filen er en ZIP-fil (komprimert), ikke en CSV-fil. Pakk den ut og last opp "
                            "CSV-filen(e) den inneholder.")
    if kind == "xls":
        raise ImportFailure(file_name, "Filen er i det gamle Excel-formatet (.xls). Åpne den og lagre som .xlsx, "
                            "eller eksporter som CSV.")
    if kind == "pdf":
        raise ImportFailure(file_name, f"Filen er en PDF. Forventet {SUPPORTED_TEXT}.")
    if kind == "binary":
        raise ImportFailure(file_name, f"Filen er ikke en tekstfil. Forventet {SUPPORTED_TEXT}.")
    text, encoding = decode(file_name, raw)
    report.encoding = encoding
    if text.lstrip()[:6].lower().startswith("{\\rtf"):
        raise ImportFailure(file_name, "Filen er et RTF-dokument (Word eller WordPad), ikke en eksport. Last opp CSV- "
                            f"eller Excel-filen fra kilden. Forventet {SUPPORTED_TEXT}.")
    if "\n" not in text[:65536] and "\r" in text[:65536]:  # classic Mac line ends (CR only)
        text = text.replace("\r", "\n")
        encoding += ", linjeskift CR"
        report.encoding = encoding
        raw = b""  # the bytes no longer match the text: the body is re-encoded below
    stripped = text[:1000].lstrip()
    if stripped.startswith("{") or stripped.startswith("["):
        head = Head(file_name, "json", first_line(stripped)[:200], _parse_json_limited(file_name, raw, text))
        return ImportFile(head, raw, report, kommune, existing)
    return _prepare_csv(file_name, raw, text, encoding, report, kommune, existing)


def _prepare_csv(file_name: str, raw: bytes, text: str, encoding: str, report: ImportReport,
                 kommune: KommuneHint | None, existing: pd.DataFrame | None) -> ImportFile:
    body, sep_hint, removed = split_sep_line(text)
    header_line = removed + 1
    while body.startswith(("\n", "\r\n")):  # blank lines before the header
        body = body.split("\n", 1)[1]
        header_line += 1
    skipped_chars = len(text) - len(body)
    header = first_line(body)
    del body
    if encoding in ("UTF-8", "UTF-8 med BOM") and raw:  # the raw bytes are the body already: no copy
        start = (3 if encoding == "UTF-8 med BOM" else 0) + len(text[:skipped_chars].encode("utf-8"))
        body_bytes = memoryview(raw)[start:]
    else:
        encoded = text.encode("utf-8")
        body_bytes = memoryview(encoded)[len(text[:skipped_chars].encode("utf-8")):]
    del text
    if not header.strip():
        raise ImportFailure(file_name, "Filen er tom. Forventet en overskriftslinje og tall.", header_line)
    delimiter = sep_hint if sep_hint in DELIMITERS else sniff_delimiter(file_name, header, header_line)
    report.delimiter = DELIMITERS[delimiter]
    check_csv_shape(file_name, header, delimiter, body_bytes, header_line)
    head = Head(file_name, "text", header)
    return ImportFile(head, raw, report, kommune, existing, body_bytes=body_bytes, delimiter=delimiter,
                      header_line=header_line)


def _parse_json_limited(file_name: str, raw: bytes, text: str) -> object:
    """JSON within the size and depth limits (a deeply nested file never reaches the recursive parser's limit)."""
    if len(raw) > LIMITS.json_mb * 1024 * 1024:
        raise refuse(file_name, "Størrelsen på JSON-filen", len(raw) / 1024 / 1024, LIMITS.json_mb, "MB",
                     "Velg færre år eller regioner i tabellen.")
    try:
        obj = parse_json(file_name, text)
    except RecursionError:
        obj = None
    depth = LIMITS.json_depth + 1 if obj is None else json_depth(obj)
    if depth > LIMITS.json_depth:
        raise ImportFailure(file_name, f"JSON-filen er nestet dypere enn grensen på {LIMITS.json_depth} nivåer. "
                            "En JSON-stat2-tabell fra SSB har noen få nivåer.")
    return obj


def unknown_format(file: ImportFile) -> ImportFailure:
    """The message when no registered source recognises the file."""
    head = file.head
    if head.kind == "json":
        return ImportFailure(file.name, "JSON-filen er ikke et JSON-stat2-datasett (forventet «class»: «dataset»).")
    if head.kind == "xlsx":
        return ImportFailure(file.name, f"Ukjent oppsett. Forventet {SUPPORTED_TEXT}.", file.header_line)
    return ImportFailure(
        file.name,
        f"Ukjent filformat. Forventet {SUPPORTED_TEXT}. Første linje var: «{head.header[:150]}».", file.header_line,
    )
