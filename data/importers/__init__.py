"""Importers: real exports (Skoleporten, Udir statistikkbanken, SSB JSON-stat2) into the canonical format.

Public API (no streamlit here):
- ``import_files(files, kommune=None, existing=None, progress=None) -> ImportResult`` reads and checks,
  never saves and never raises for a bad file (``result.errors`` holds Norwegian messages);
- ``save_import(result, mode)`` persists a good result ("add" to the demo or "replace" it);
- ``clear_imports()`` returns to the demo; ``read_state()`` tells what is imported;
- ``MAX_FILE_MB`` is the stated per-file size limit.
"""

from data.importers.errors import ImportFailure  # noqa: F401
from data.importers.identity import KommuneHint  # noqa: F401
from data.importers.pipeline import ImportResult, import_files, read_file  # noqa: F401
from data.importers.report import ImportReport  # noqa: F401
from data.importers.store import clear_imports, read_state, save_import  # noqa: F401
from data.importers.textio import MAX_FILE_BYTES, MAX_FILE_MB  # noqa: F401
