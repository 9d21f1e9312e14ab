"""Files people upload by mistake that we recognise: each a source that sniffs them and refuses them with
a message saying what the file is and what to upload instead (so the user is not told «ukjent filformat»)."""

from __future__ import annotations

from data.importers.errors import ImportFailure
from data.importers.protocol import Head, ImportFile, Read


class _Refusal:
    """A recognised, unsupported file: ``sniff`` by a predicate on the head, ``read`` refuses with ``message``."""

    SOURCE_NAME = ""

    def __init__(self, test, message: str, confidence: float = 0.8) -> None:
        self._test, self._message, self._confidence = test, message, confidence

    def sniff(self, head: Head) -> float:
        return self._confidence if self._test(head) else 0.0

    def read(self, file: ImportFile) -> Read:
        line = file.header_line if file.head.kind == "text" else None
        raise ImportFailure(file.name, self._message, line)


UDIR_REPORT_API = _Refusal(
    lambda h: h.kind == "json" and isinstance(h.obj, dict) and "metadata" in h.obj and "rows" in h.obj,
    "Dette er et svar fra Udirs rapport-API (statistikkportalen), ikke en eksportfil. Bruk «Eksporter» i "
    "statistikkbanken og last opp CSV-filen.",
    confidence=0.3,  # a real reader of this API (when registered) wins
)

SSB_KLASS = _Refusal(
    lambda h: h.kind == "text" and "parentcode" in h.header.lower() and "validfrom" in h.header.lower(),
    "Dette er en kodeliste fra SSB Klass (kommune- eller fylkesnumre), ikke tall. Forventet Skoleporten-nedlasting "
    "(CSV), eksport fra Udirs statistikkbank (CSV eller Excel) eller en SSB-tabell i JSON-stat2.",
)
