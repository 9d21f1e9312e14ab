"""The findings store (DESIGN §2): what workshops record beside the numbers, and the forfase checklist.

Public API::

    from data.findings import get_store, FindingIn, Author, IndicatorLink
    store = get_store()                      # DATABASE_URL or the SQLite file in the data folder
    f = store.create(FindingIn("7290", "Lite samarbeid mellom skolene", "utfordring"), Author("Kari", "veileder"))
    f = store.update(f.id, f.version, {"status": "bekreftet"}, author)   # StaleVersionError if stale
    store.delete(f.id, f.version, author); store.restore(...); store.history(f.id)
    store.list("7290", kinds=["styrke"], text="lesing"); store.linked_findings("7290", "np_mestring_1")
    store.export_json("7290"); store.import_json(payload, author); store.export_csv("7290")
    store.checklist("7290"); store.update_checklist_item("7290", "plan_forfasen", 0, ChecklistChanges(...), author)

No streamlit import in this package.
"""

from data.findings.store import (  # noqa: F401
    SORTS,
    ChecklistItem,
    Finding,
    FindingNotFoundError,
    FindingsStore,
    HistoryEntry,
    ImportReport,
    StaleVersionError,
    findings_frame,
    get_store,
    sort_findings,
)
from data.findings.validation import (  # noqa: F401
    NAME_MAX,
    NOTE_MAX,
    TEXT_MAX,
    Author,
    ChecklistChanges,
    FindingIn,
    FindingValidationError,
    IndicatorLink,
    looks_like_fodselsnummer,
)
from data.findings.exchange import neutralise_cell  # noqa: F401
from data.findings import vocab  # noqa: F401
