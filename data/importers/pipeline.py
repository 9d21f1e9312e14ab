"""One import: sniff each file's format, read it, and combine — all or nothing.

``import_files`` never writes anything and never raises for a bad file: failures come back as
Norwegian messages in ``ImportResult.errors``; ``ImportResult.ok`` says whether it may be saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from data.importers import eu_api, jsonstat, skoleporten, statbank
from data.importers.canonical import build  # noqa: F401  (re-exported for readers' tests)
from data.importers.errors import ImportFailure
from data.importers.identity import KommuneHint
from data.importers.report import ImportReport
from data.importers.spreadsheet import is_xlsx, read_xlsx
from data.importers.textio import (
    DELIMITERS,
    check_size,
    decode,
    first_line,
    read_table,
    sniff_binary,
    sniff_delimiter,
    split_sep_line,
)
from data.schema import KEY_COLUMNS, SchemaError, empty_frame, validate

log = logging.getLogger(__name__)
Progress = Callable[[float, str], None]

SUPPORTED_TEXT = (
    "Skoleporten-nedlasting (CSV), eksport fra Udirs statistikkbank (CSV eller Excel), Elevundersøkelsen fra "
    "Udirs eksport-API (JSON) eller en SSB-tabell i JSON-stat2"
)


_SOURCE_OF = {
    skoleporten.FORMAT_LABEL: "Skoleporten",
    statbank.FORMAT_UNITS: "Udir statistikkbanken",
    statbank.FORMAT_INDICATORS: "Udir statistikkbanken",
    jsonstat.FORMAT_LABEL: "SSB",
    eu_api.FORMAT_LABEL: "Udir eksport-API",
}


@dataclass
class ImportResult:
    """Figures and context read from the files, one report per file, and the errors (if any)."""

    figures: pd.DataFrame
    context: pd.DataFrame | None
    reports: list[ImportReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and (len(self.figures) > 0 or (self.context is not None and len(self.context) > 0))

    @property
    def label(self) -> str:
        sources = sorted({_SOURCE_OF.get(r.format_label, r.format_label) for r in self.reports if r.format_label})
        return "Importerte data: " + ", ".join(sources) if sources else "Importerte data"


def read_file(
    file_name: str, raw: bytes, kommune: KommuneHint | None = None, existing: pd.DataFrame | None = None,
    report: ImportReport | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame | None, ImportReport]:
    """Read one file into (canonical figures, context or None, report). Raises ImportFailure."""
    report = report or ImportReport(file_name)
    check_size(file_name, len(raw))
    kind = sniff_binary(raw)
    if kind == "zip":
        if is_xlsx(raw):
            frame, sheet, header_row = read_xlsx(file_name, raw)
            report.encoding, report.delimiter = "Excel (.xlsx)", f"ark «{sheet}»"
            return _dispatch_frame(file_name, frame, header_row, report), None, report
        raise ImportFailure(file_name, "Filen er en ZIP-fil (komprimert), ikke en CSV-fil. Pakk den ut og last opp "
                            "CSV-filen(e) den inneholder.")
    if kind == "xls":
        raise ImportFailure(file_name, "Filen er i det gamle Excel-formatet (.xls). Åpne den og lagre som .xlsx, "
                            "eller eksporter som CSV.")
    if kind == "pdf":
        raise ImportFailure(file_name, f"Filen er en PDF. Forventet {SUPPORTED_TEXT}.")
    if kind == "binary":
        raise ImportFailure(file_name, f"Filen er ikke en tekstfil. Forventet {SUPPORTED_TEXT}.")
    if eu_api.sniff(raw[:8192]) >= 0.5:  # issue 10's registry will walk sniff() over every importer
        return eu_api.read(file_name, raw, report), None, report
    text, encoding = decode(file_name, raw)
    report.encoding = encoding
    stripped = text.lstrip()
    if stripped.startswith("{") or stripped.startswith("["):
        obj = jsonstat.parse_json(file_name, text)
        if jsonstat.looks_like(obj):
            frame = jsonstat.read_dataset(file_name, obj)
            return pd.DataFrame(), jsonstat.to_context(file_name, frame, report), report
        if isinstance(obj, dict) and "metadata" in obj and "rows" in obj:
            raise ImportFailure(file_name, "Dette er et svar fra Udirs rapport-API (statistikkportalen), ikke en "
                                "eksportfil. Bruk «Eksporter» i statistikkbanken og last opp CSV-filen.")
        raise ImportFailure(file_name, "JSON-filen er ikke et JSON-stat2-datasett (forventet «class»: «dataset»).")
    body, sep_hint, removed = split_sep_line(text)
    header_line = removed + 1
    while body.startswith(("\n", "\r\n")):  # blank lines before the header
        body = body.split("\n", 1)[1]
        header_line += 1
    body_bytes = None
    if encoding in ("UTF-8", "UTF-8 med BOM"):  # the raw bytes are the body already: no re-encoding
        skipped_chars = len(text) - len(body)
        body_bytes = raw[(3 if encoding == "UTF-8 med BOM" else 0) + len(text[:skipped_chars].encode("utf-8")):]
    header = first_line(body)
    if not header.strip():
        raise ImportFailure(file_name, "Filen er tom. Forventet en overskriftslinje og tall.", header_line)
    delimiter = sep_hint if sep_hint in DELIMITERS else sniff_delimiter(file_name, header, header_line)
    report.delimiter = DELIMITERS[delimiter]
    if skoleporten.looks_like(header):
        return skoleporten.read(file_name, body, delimiter, header_line, report, kommune, existing,
                                data=body_bytes), None, report
    if statbank.looks_like_units(header) or statbank.looks_like_indicators(header):
        table = read_table(file_name, body, delimiter, header_line)
        frame = table.to_pandas()
        return _dispatch_frame(file_name, frame, header_line, report), None, report
    low = header.lower()
    if "parentcode" in low and "validfrom" in low:
        raise ImportFailure(file_name, "Dette er en kodeliste fra SSB Klass (kommune- eller fylkesnumre), ikke tall. "
                            f"Forventet {SUPPORTED_TEXT}.", header_line)
    raise ImportFailure(
        file_name,
        f"Ukjent filformat. Forventet {SUPPORTED_TEXT}. Første linje var: «{header[:150]}».", header_line,
    )


def _dispatch_frame(file_name: str, frame: pd.DataFrame, header_line: int, report: ImportReport) -> pd.DataFrame:
    cols = " ".join(str(c) for c in frame.columns)
    if statbank.looks_like_units(cols):
        return statbank.read_units(file_name, frame, header_line, report)
    if statbank.looks_like_indicators(cols):
        return statbank.read_indicators(file_name, frame, header_line, report)
    if skoleporten.looks_like(cols):
        raise ImportFailure(file_name, "Skoleporten-nedlastinger leses som CSV; lagre arket som CSV og last opp på nytt.")
    raise ImportFailure(file_name, f"Ukjent oppsett. Forventet {SUPPORTED_TEXT}.", header_line)


def import_files(
    files: Sequence[tuple[str, bytes]],
    kommune: KommuneHint | None = None,
    existing: pd.DataFrame | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read all files; combine their figures and context; collect reports and errors (nothing is saved)."""
    progress = progress or (lambda f, t: None)
    figures, contexts, reports, errors, sources = [], [], [], [], []
    total = max(1, sum(len(raw) for _, raw in files))
    done = 0
    for name, raw in files:
        progress(done / total, f"Leser {name} …")
        report = ImportReport(name)
        try:
            fig, ctx, report = read_file(name, raw, kommune, existing, report)
            if not len(fig) and (ctx is None or not len(ctx)):
                reasons = "; ".join(f"{r} ({c})" for r, c in report.skipped.most_common(3))
                raise ImportFailure(name, "Ingen tall kunne importeres fra filen: alle rader ble hoppet over"
                                    + (f" ({reasons})." if reasons else "."))
            if len(fig):
                fig = validate(fig)
            report.summarise(fig if len(fig) else empty_frame())
            if ctx is not None:
                report.rows_mapped = len(ctx)
                contexts.append(ctx)
            if len(fig):
                figures.append(fig)
            sources.append(name)
        except ImportFailure as exc:
            errors.append(str(exc))
        except SchemaError as exc:
            errors.append(f"«{name}»: {exc}")
        except MemoryError:
            errors.append(f"«{name}»: Filen er for stor til å leses med minnet som er ledig. Del den opp.")
        except Exception:  # never a traceback on screen; the details go to the log
            log.exception("Unexpected error importing %s", name)
            errors.append(f"«{name}»: Filen kunne ikke leses på grunn av en uventet feil (detaljer er logget). "
                          f"Kontroller at det er {SUPPORTED_TEXT}.")
        reports.append(report)
        done += len(raw)
        progress(done / total, f"Ferdig med {name}")
    combined = empty_frame()
    if figures and not errors:
        try:
            combined = _combine(figures, [r.file_name for r in reports if r.rows_mapped])
        except ImportFailure as exc:
            errors.append(str(exc))
    context = None
    if contexts and not errors:
        context = contexts[0]
        for more in contexts[1:]:
            context = merge_context(context, more)
    return ImportResult(combined, context, reports, errors, sources)


def _combine(frames: list[pd.DataFrame], names: list[str]) -> pd.DataFrame:
    if len(frames) == 1:
        return frames[0]
    for i, f in enumerate(frames):
        f["_file"] = i
    allf = pd.concat(frames, ignore_index=True)
    for f in frames:
        del f["_file"]
    exact = allf.duplicated(KEY_COLUMNS + ["value", "n", "sd", "marker", "suppressed"])
    allf = allf[~exact]
    conflict = allf.duplicated(KEY_COLUMNS, keep=False)
    if conflict.any():
        first = allf[conflict].sort_values(KEY_COLUMNS).iloc[0]
        same = allf[conflict & (allf["unit_id"] == first["unit_id"]) & (allf["indicator"] == first["indicator"])
                    & (allf["period"] == first["period"])]
        files = sorted({names[i] if i < len(names) else str(i) for i in same["_file"]})
        raise ImportFailure(" og ".join(files), f"Filene har ulike tall for det samme ({first['unit_name']}, "
                            f"{first['indicator']}, {first['period']}). Last dem opp hver for seg, eller fjern den ene.")
    return validate(allf.drop(columns="_file"))


def merge_context(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Context per kommune: new values replace old ones, columns the new table lacks are kept."""
    o = old.set_index("kommune_id")
    n = new.set_index("kommune_id")
    merged = n.combine_first(o)
    return merged.reset_index()[jsonstat.CONTEXT_COLUMNS]
