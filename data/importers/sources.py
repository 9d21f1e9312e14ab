"""The registry: every source the pipeline asks (``sniff``) and lets read (``read``), in one list.

To add a source: write a module with ``SOURCE_NAME``, ``sniff(head) -> float`` and ``read(file) -> Read``
(see ``data/importers/protocol.py``) and add one line below. On equal confidence the earlier entry wins.
"""

from __future__ import annotations

from data.importers import eu_api, jsonstat, refusals, skoleporten, statbank
from data.importers.protocol import Importer

SOURCES: list[Importer] = [
    skoleporten,
    statbank,
    jsonstat,
    eu_api,
    refusals.UDIR_REPORT_API,
    refusals.SSB_KLASS,
]
