"""One import: sniff each file's format, read it, and combine — all or nothing.

``import_files`` never writes anything and never raises for a bad file: failures come back as
Norwegian messages in ``ImportResult.errors``; ``ImportResult.ok`` says whether it may be saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from data.fnr import looks_like_fodselsnummer
from data.importers import jsonstat
from data.importers.canonical import build  # noqa: F401  (re-exported for readers' tests)
from data.importers.container import SUPPORTED_TEXT, prepare, unknown_format
from data.importers.errors import ImportFailure
from data.importers.identity import KommuneHint
from data.importers.limits import check_time, check_total, time_budget
from data.importers.protocol import Importer
from data.importers.report import ImportReport
from data.importers import sources as registry
from data.importers.textio import check_size
from data.schema import KEY_COLUMNS, SchemaError, empty_frame, validate

log = logging.getLogger(__name__)
Progress = Callable[[float, str], None]


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
        sources = sorted({r.source_name or r.format_label for r in self.reports if r.source_name or r.format_label})
        return "Importerte data: " + ", ".join(sources) if sources else "Importerte data"


def choose_source(head, sources: list[Importer] | None = None) -> Importer | None:
    """The registered source most confident that the file is its own (None when none is)."""
    best, best_conf = None, 0.0
    for source in registry.SOURCES if sources is None else sources:
        conf = float(source.sniff(head))
        if conf > best_conf:
            best, best_conf = source, conf
    return best


def _check_file_name(file_name: str) -> None:
    """A file name that looks like a fødselsnummer is refused (and not repeated in the message)."""
    if looks_like_fodselsnummer(file_name):
        raise ImportFailure("filnavnet er skjult", "Filnavnet ser ut til å inneholde et fødselsnummer. Filer med "
                            "personopplysninger importeres ikke; gi filen et nytt navn uten nummeret.")


def read_file(
    file_name: str, raw: bytes, kommune: KommuneHint | None = None, existing: pd.DataFrame | None = None,
    report: ImportReport | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame | None, ImportReport]:
    """Read one file into (canonical figures, context or None, report). Raises ImportFailure."""
    report = report or ImportReport(file_name)
    _check_file_name(file_name)
    check_size(file_name, len(raw))
    file = prepare(file_name, raw, report, kommune, existing)
    source = choose_source(file.head)
    if source is None:
        raise unknown_format(file)
    report.source_name = source.SOURCE_NAME
    figures, context, report = source.read(file)
    return figures, context, report


def import_files(
    files: Sequence[tuple[str, bytes]],
    kommune: KommuneHint | None = None,
    existing: pd.DataFrame | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read all files; combine their figures and context; collect reports and errors (nothing is saved).

    The files of one upload share the size limit (``LIMITS.total_mb``) and one time budget.
    """
    progress = progress or (lambda f, t: None)
    files = list(files)
    try:
        check_total(files)
    except ImportFailure as exc:
        return ImportResult(empty_frame(), None, [ImportReport(n) for n, _ in files], [str(exc)], [])
    figures, contexts, reports, errors, sources = [], [], [], [], []
    total = max(1, sum(len(raw) for _, raw in files))
    done = 0
    with time_budget():
        for name, raw in files:
            progress(done / total, f"Leser {name} …")
            fig, ctx, report, error = _read_one(name, raw, kommune, existing)
            if error:
                errors.append(error)
            else:
                if ctx is not None:
                    contexts.append(ctx)
                if len(fig):
                    figures.append(fig)
                sources.append(name)
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


def _read_one(name: str, raw: bytes, kommune: KommuneHint | None, existing: pd.DataFrame | None):
    """(figures, context, report, error message or None) for one file; never raises."""
    report = ImportReport(name)
    fig, ctx = empty_frame(), None
    try:
        check_time(name)
        fig, ctx, report = read_file(name, raw, kommune, existing, report)
        if not len(fig) and (ctx is None or not len(ctx)):
            reasons = "; ".join(f"{r} ({c})" for r, c in report.skipped.most_common(3))
            raise ImportFailure(name, "Ingen tall kunne importeres fra filen: alle rader ble hoppet over"
                                + (f" ({reasons})." if reasons else "."))
        check_time(name)
        if len(fig):
            fig = validate(fig)
        report.summarise(fig if len(fig) else empty_frame())
        if ctx is not None:
            report.rows_mapped = len(ctx)
        return fig, ctx, report, None
    except ImportFailure as exc:
        return fig, ctx, report, str(exc)
    except SchemaError as exc:
        return fig, ctx, report, f"«{name}»: {exc}"
    except MemoryError:
        return fig, ctx, report, f"«{name}»: Filen er for stor til å leses med minnet som er ledig. Del den opp."
    except Exception:  # never a traceback on screen; the details go to the log
        log.exception("Unexpected error importing %s", name)
        return fig, ctx, report, (f"«{name}»: Filen kunne ikke leses på grunn av en uventet feil (detaljer er "
                                  f"logget). Kontroller at det er {SUPPORTED_TEXT}.")


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
