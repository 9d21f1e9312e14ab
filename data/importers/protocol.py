"""The importer protocol: every source is a module with ``sniff(head) -> confidence`` and ``read(file) -> Read``.

The pipeline (``data/importers/pipeline.py``) turns the uploaded bytes into an ``ImportFile`` once
(container: text, xlsx or JSON; encoding; ``sep=`` line; delimiter), asks every registered source in
``data/importers/sources.py`` how sure it is that the file is its own (``sniff``, 0 = not mine,
1 = certainly mine), and lets the most confident one ``read`` it. Adding a source is one new module with
these two functions and one line in ``SOURCES``.

Rows a reader leaves out are recorded with a typed reason (``SkipReason``), never free text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple, Protocol

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from data.importers.identity import KommuneHint
    from data.importers.report import ImportReport


class SkipReason(Enum):
    """Why rows were left out of an import. The value is the Norwegian text (a ``str.format`` template)."""

    UNKNOWN_INDICATOR = "Ukjent indikator eller måleenhet (ikke i indikatorkatalogen)"
    UNKNOWN_ROW_INDICATOR = "Indikator eller delspørsmål som ikke finnes i indikatorkatalogen"
    NO_INDICATOR_COLUMN = "Tallkolonne uten kjent indikator"
    UNKNOWN_PERIOD = "Ukjent skoleår (forventet for eksempel 2014-2015 eller 2014-15)"
    UNKNOWN_TRINN = "Ukjent trinn (forventet for eksempel «Trinn 5»)"
    UNKNOWN_KJONN = "Ukjent kjønn (forventet «Begge kjønn», «Jenter» eller «Gutter»)"
    BAD_VALUE = "Verdien er verken et tall eller en kjent markør (*, ., tom)"
    MISSING_NAME = "Mangler enhetsnavn"
    EIERFORM_ABOVE_SCHOOL = "Delgruppe av eierform over skolenivå (bare «Alle eierformer» brukes)"
    EIERFORM_SUBGROUP = "Delgruppe eierform («{detail}»); bare «Alle eierformer» importeres"
    PROGRAMME_SUBGROUP = "Delgruppe utdanningsprogram; bare «Alle utdanningsprogram» importeres"
    UNKNOWN_LEVEL = "Ukjent EnhetNivaa (forventet 1, 2, 3 eller 4)"
    BAD_KOMMUNE = "Ugyldig kommunenummer (forventet fire sifre)"
    GEO_WITHOUT_NUMBER = "Enhet i kolonneoverskriften uten nummer (bare landet og fylker støttes i dette oppsettet)"
    OUT_OF_RANGE = "Verdien er utenfor gyldig område for {detail}"
    NEGATIVE_N = "Negativt antall elever"
    ZERO_N_WITH_VALUE = "Antall elever er 0, men raden har en verdi"
    N_NOT_WHOLE = "Antall elever er ikke et helt tall (komma eller punktum som tusenskille? Bruk mellomrom)"
    N_ABSURD = "Antall elever er urimelig stort (over 200 000)"
    BAD_ORGNR = "Ugyldig organisasjonsnummer (forventet ni sifre med gyldig kontrollsiffer)"
    BAD_SCHOOL_KOMMUNE = "Skolerad med ugyldig kommunenummer (forventet fire sifre)"
    NEGATIVE_CONTEXT = "Negativ verdi eller andel over 100 i kontekstdata"
    NOT_KOMMUNE = "Region som ikke er en kommune (land, fylke, bydel)"
    NO_VALUE = "Ingen verdi (SSB-markør eller tom)"
    SINGLE_QUESTION = "Enkeltspørsmål; bare indeksen («Alle spørsmål») importeres"
    MISSING_UNIT_ID = "Mangler kommune- eller organisasjonsnummer"

    def text(self, detail: str = "") -> Skip:
        return Skip(self, detail)


class Skip(str):
    """The text of a skip reason (a ``str``, so reports and tables show it as is) that knows its type."""

    reason: SkipReason
    detail: str

    def __new__(cls, reason: SkipReason, detail: str = "") -> Skip:
        obj = super().__new__(cls, reason.value.format(detail=detail) if "{detail}" in reason.value else reason.value)
        obj.reason = reason
        obj.detail = detail
        return obj


@dataclass
class Head:
    """What ``sniff`` may look at: the container kind and the header (or the parsed JSON object)."""

    file_name: str
    kind: str  # "text" (CSV), "xlsx" or "json"
    header: str = ""  # the header line; for xlsx the header cells joined by tabs
    obj: object = None  # the parsed JSON document (kind "json")


@dataclass
class ImportFile:
    """One uploaded file, prepared once by the pipeline, and what the reader needs besides it."""

    head: Head
    raw: bytes
    report: ImportReport
    kommune: KommuneHint | None = None
    existing: pd.DataFrame | None = None
    body_bytes: bytes | memoryview | None = None  # CSV: the text from the header line on, as UTF-8
    delimiter: str = ""
    header_line: int = 1  # the file line of the header
    frame: pd.DataFrame | None = None  # xlsx: the sheet as text, the header as columns
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.head.file_name

    @property
    def body(self) -> str:
        """CSV: the text from the header line on (no ``sep=`` line), decoded when a reader asks for it."""
        return bytes(self.body_bytes).decode("utf-8") if self.body_bytes is not None else ""

    def release(self) -> None:
        """Drop the file's text once a reader has parsed it (memory stays proportional to the file)."""
        self.body_bytes = None
        self.raw = b""

    def text_frame(self) -> pd.DataFrame:
        """The table as text cells with the header as columns (the xlsx sheet, or the parsed CSV)."""
        if self.frame is not None:
            return self.frame
        from data.importers.textio import read_table

        table = read_table(self.name, None, self.delimiter, self.header_line, data=self.body_bytes,
                           dictionary=True)
        self.release()
        self.frame = table.to_pandas()
        del table
        import pyarrow as pa

        pa.default_memory_pool().release_unused()  # give the parser's buffers back to the system
        return self.frame


class Read(NamedTuple):
    """What a source's ``read`` gives: canonical figures (may be empty), kommune context or None, the report."""

    figures: pd.DataFrame
    context: pd.DataFrame | None
    report: ImportReport


class Importer(Protocol):
    """A source module. ``SOURCE_NAME`` is the name shown in the data label («Importerte data: …»)."""

    SOURCE_NAME: str

    def sniff(self, head: Head) -> float: ...

    def read(self, file: ImportFile) -> Read: ...
