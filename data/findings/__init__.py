"""The findings store: what workshops record beside the numbers, and the forfase checklist.

Modules (see docs/architecture.md): ``domain`` (values, errors, mappers), ``store`` (the repository:
engine, sessions, CRUD, history), ``exchange`` (JSON/CSV export and import), ``validation`` (input
types and rules), ``vocab`` (codes and labels), ``models`` (SQLAlchemy tables).

Public API::

    from data.findings import get_store, FindingIn, Author, IndicatorLink
    store = get_store()                      # DATABASE_URL or the SQLite file in the data folder
    f = store.create(FindingIn("7290", "Lite samarbeid mellom skolene", "utfordring"), Author("Kari", "veileder"))
    f = store.update(f.id, f.version, {"status": "bekreftet"}, author)   # StaleVersionError if stale
    store.delete(f.id, f.version, author); store.restore(...); store.history(f.id)
    store.list_findings("7290", kinds=["styrke"], text="lesing")   # also as store.list(...)
    store.linked_findings("7290", "np_mestring_1")
    store.export_json("7290"); store.import_json(payload, author)   # -> FindingsImportReport
    store.export_csv("7290")
    store.checklist("7290"); store.update_checklist_item("7290", "plan_forfasen", 0, ChecklistChanges(...), author)

No streamlit import in this package.
"""

from data.findings.domain import (  # noqa: F401
    SORTS,
    ChecklistItem,
    Finding,
    FindingNotFoundError,
    FindingsImportReport,
    HistoryEntry,
    StaleVersionError,
    findings_frame,
    sort_findings,
)
from data.findings.store import FindingsStore, get_store  # noqa: F401
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
