"""The findings domain: value types, errors and the public mappers between rows, types and dicts.

Everything here is plain data and pure functions over it; the repository (``data.findings.store``)
opens sessions and writes rows, and the exchange (``data.findings.exchange``) reads and writes files.
Both use the public functions of this module, so neither needs the other's internals:

- ``Finding``, ``ChecklistItem``, ``HistoryEntry``: immutable values (safe in Streamlit session state);
- ``FindingsImportReport``: the outcome of a JSON import of findings (not to be confused with
  ``data.importers.report.ImportReport``, the validation report of a figures file);
- ``FindingNotFoundError``, ``StaleVersionError``: the errors a caller handles (Norwegian messages);
- ``finding_from_row``, ``checklist_item_from_row``, ``history_entry_from_row``: rows to values;
- ``finding_snapshot``, ``checklist_snapshot``: values to the JSON-safe dicts history keeps;
- ``set_finding_links``: write a finding's themes, indicators, schools and periods onto its row;
- ``sort_findings``, ``findings_frame``: ordering and the Norwegian table view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd

from data.findings.models import (
    ChangeLogRow,
    ChecklistItemRow,
    FindingIndicatorRow,
    FindingPeriodRow,
    FindingRow,
    FindingSchoolRow,
    FindingThemeRow,
)
from data.findings.validation import EDITABLE_FIELDS, IndicatorLink
from data.language import Labels, active_language
from data.findings.vocab import (
    ACTIONS,
    CHECKLIST_ITEMS,
    CHECKLIST_STATUSES,
    DEFAULT_CHECKLIST_STATUS,
    KINDS,
    ROLES,
    SOURCES,
    STATUSES,
)

# ------------------------------------------------------------------------------------------------
# Values returned by the store (immutable; safe to keep in Streamlit session state)
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    id: str
    kommune_id: str
    text: str
    kind: str
    source: str
    status: str
    themes: tuple[str, ...]
    indicators: tuple[IndicatorLink, ...]
    schools: tuple[str, ...]
    periods: tuple[str, ...]
    author_name: str
    author_role: str
    updated_by_name: str
    updated_by_role: str
    created_at: datetime
    updated_at: datetime
    version: int
    deleted: bool
    deleted_at: datetime | None

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def source_label(self) -> str:
        return SOURCES.get(self.source, self.source)

    @property
    def author_role_label(self) -> str:
        return ROLES.get(self.author_role, self.author_role)

    def editable(self) -> dict[str, Any]:
        """The user-editable fields as a dict (the shape ``update`` takes)."""
        return {f: getattr(self, f) for f in EDITABLE_FIELDS}

    def links_to(self, indicator: str, subject: str | None = None, trinn: int | None = None) -> bool:
        return any(link.matches(indicator, subject, trinn) for link in self.indicators)


@dataclass(frozen=True)
class HistoryEntry:
    entity: str  # "finding" | "checklist"
    entity_id: str
    kommune_id: str
    action: str
    actor_name: str
    actor_role: str
    at: datetime
    version: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    imported: str | None = None  # provenance of an entry that came with a JSON import

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)

    @property
    def changed_fields(self) -> list[str]:
        """Fields whose value differs between before and after (``version`` left out)."""
        b, a = self.before or {}, self.after or {}
        return [k for k in dict.fromkeys([*b, *a]) if k != "version" and b.get(k) != a.get(k)]


@dataclass(frozen=True)
class ChecklistItem:
    kommune_id: str
    item_key: str
    status: str
    responsible_role: str
    due_date: date | None
    note: str
    evidence: tuple[str, ...]
    version: int  # 0: never saved
    updated_at: datetime | None
    updated_by_name: str
    updated_by_role: str
    id: str | None = None

    @property
    def label(self) -> str:
        return CHECKLIST_ITEMS[self.item_key]

    @property
    def status_label(self) -> str:
        return CHECKLIST_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class FindingsImportReport:
    """What a JSON import of findings did (``FindingsStore.import_json``)."""

    created: int
    unchanged: int
    conflicts: tuple[str, ...]
    checklist_created: int
    checklist_unchanged: int
    goals_created: int = 0
    goals_unchanged: int = 0

    @property
    def message(self) -> str:
        msg = f"Importert: {self.created} nye funn, {self.unchanged} fantes fra før uendret"
        if self.checklist_created or self.checklist_unchanged:
            msg += f"; sjekkliste: {self.checklist_created} nye punkter, {self.checklist_unchanged} uendret"
        if self.goals_created or self.goals_unchanged:
            msg += f"; mål: {self.goals_created} nye, {self.goals_unchanged} uendret"
        if self.conflicts:
            msg += (f". {len(self.conflicts)} funn finnes allerede i en annen versjon og ble ikke "
                    "overskrevet (den lagrede versjonen er beholdt)")
        return msg + "."


class FindingNotFoundError(LookupError):
    """No finding with that id. The message is Norwegian."""

    def __init__(self, finding_id: str):
        self.finding_id = finding_id
        super().__init__(f"Fant ikke funnet ({finding_id}). Det kan være fjernet fra en annen database.")


class StaleVersionError(Exception):
    """Someone saved the finding (or checklist item) after you opened it; nothing was saved.

    ``current`` is the stored object now; ``yours`` the changes you tried to save (keep them!).
    """

    def __init__(self, current: Finding | ChecklistItem, yours: Mapping[str, Any], expected_version: int):
        self.current = current
        self.yours = dict(yours)
        self.expected_version = expected_version
        who = f"{current.updated_by_name} ({ROLES.get(current.updated_by_role, current.updated_by_role)})"
        when = current.updated_at.astimezone().strftime("%d.%m.%Y kl. %H:%M") if current.updated_at else ""
        super().__init__(
            f"{who} lagret en endring {when} mens du redigerte (versjon {current.version}, du startet fra "
            f"versjon {expected_version}). Ingenting er overskrevet. Se begge tekstene under, og velg hva "
            "som skal lagres."
        )


# ------------------------------------------------------------------------------------------------
# Mappers: rows to values, values to JSON-safe dicts, values onto rows
# ------------------------------------------------------------------------------------------------
def finding_from_row(row: FindingRow) -> Finding:
    """The immutable ``Finding`` of a loaded row (its links in stored order)."""
    return Finding(
        id=row.id,
        kommune_id=row.kommune_id,
        text=row.text,
        kind=row.kind,
        source=row.source,
        status=row.status,
        themes=tuple(t.theme for t in row.themes),
        indicators=tuple(IndicatorLink(i.indicator, i.subject, i.trinn) for i in row.indicators),
        schools=tuple(s.school_id for s in row.schools),
        periods=tuple(p.period for p in row.periods),
        author_name=row.author_name,
        author_role=row.author_role,
        updated_by_name=row.updated_by_name,
        updated_by_role=row.updated_by_role,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        deleted=bool(row.deleted),
        deleted_at=row.deleted_at,
    )


def finding_snapshot(f: Finding) -> dict[str, Any]:
    """JSON-safe snapshot of a finding's content (what history before/after hold)."""
    return {
        "kommune_id": f.kommune_id,
        "text": f.text,
        "kind": f.kind,
        "source": f.source,
        "status": f.status,
        "themes": list(f.themes),
        "indicators": [link.as_dict() for link in f.indicators],
        "schools": list(f.schools),
        "periods": list(f.periods),
        "deleted": f.deleted,
        "version": f.version,
    }


def checklist_item_from_row(row: ChecklistItemRow) -> ChecklistItem:
    """The immutable ``ChecklistItem`` of a loaded row."""
    return ChecklistItem(
        kommune_id=row.kommune_id,
        item_key=row.item_key,
        status=row.status,
        responsible_role=row.responsible_role,
        due_date=row.due_date,
        note=row.note,
        evidence=tuple(e.finding_id for e in row.evidence),
        version=row.version,
        updated_at=row.updated_at,
        updated_by_name=row.updated_by_name,
        updated_by_role=row.updated_by_role,
        id=row.id,
    )


def empty_checklist_item(kommune_id: str, item_key: str) -> ChecklistItem:
    """A checklist item never saved (version 0, default status)."""
    return ChecklistItem(kommune_id, item_key, DEFAULT_CHECKLIST_STATUS, "", None, "", (), 0, None, "", "")


def checklist_snapshot(item: ChecklistItem) -> dict[str, Any]:
    """JSON-safe snapshot of a checklist item's content (what history before/after hold)."""
    return {
        "kommune_id": item.kommune_id,
        "item_key": item.item_key,
        "status": item.status,
        "responsible_role": item.responsible_role,
        "due_date": item.due_date.isoformat() if item.due_date else None,
        "note": item.note,
        "evidence": list(item.evidence),
        "version": item.version,
    }


def history_entry_from_row(row: ChangeLogRow) -> HistoryEntry:
    """The immutable ``HistoryEntry`` of a change-log row."""
    return HistoryEntry(row.entity, row.entity_id, row.kommune_id, row.action, row.actor_name, row.actor_role,
                        row.at, row.version, row.before, row.after, row.imported)


def set_finding_links(row: FindingRow, vals: Mapping[str, Any]) -> None:
    """Replace the link rows named in ``vals`` (themes, indicators, schools, periods) on ``row``."""
    if "themes" in vals:
        row.themes = [FindingThemeRow(position=i, theme=t) for i, t in enumerate(vals["themes"])]
    if "indicators" in vals:
        row.indicators = [
            FindingIndicatorRow(position=i, indicator=link.indicator, subject=link.subject, trinn=link.trinn)
            for i, link in enumerate(vals["indicators"])
        ]
    if "schools" in vals:
        row.schools = [FindingSchoolRow(position=i, school_id=s) for i, s in enumerate(vals["schools"])]
    if "periods" in vals:
        row.periods = [FindingPeriodRow(position=i, period=p) for i, p in enumerate(vals["periods"])]


# ------------------------------------------------------------------------------------------------
# Ordering and the table view
# ------------------------------------------------------------------------------------------------
SORTS = Labels({
    "updated_desc": "Sist endret først",
    "created_desc": "Nyeste først",
    "created_asc": "Eldste først",
    "kind": "Type",
    "status": "Status",
}, {
    "updated_desc": "Sist endra først",
    "created_desc": "Nyaste først",
    "created_asc": "Eldste først",
    "kind": "Type",
    "status": "Status",
})


def sort_findings(findings: Sequence[Finding], sort: str = "updated_desc") -> list[Finding]:
    """Sort findings by one of ``SORTS`` (ties: most recently changed first)."""
    out = sorted(findings, key=lambda f: (f.updated_at, f.id), reverse=True)
    if sort == "created_desc":
        out.sort(key=lambda f: f.created_at, reverse=True)
    elif sort == "created_asc":
        out.sort(key=lambda f: f.created_at)
    elif sort == "kind":
        order = list(KINDS)
        out.sort(key=lambda f: order.index(f.kind) if f.kind in order else len(order))
    elif sort == "status":
        order = list(STATUSES)
        out.sort(key=lambda f: order.index(f.status) if f.status in order else len(order))
    return out


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """Findings as a table with Norwegian column names (for st.dataframe and the report)."""
    from data.catalogue import indicator_label

    rows = [{
        "Type": f.kind_label,
        "Status": f.status_label,
        "Tekst": f.text,
        "Temaer": ", ".join(f.themes),
        "Indikatorer": "; ".join(indicator_label(i.indicator, i.subject, i.trinn) for i in f.indicators),
        "Skoler": ", ".join(f.schools),
        "Skoleår": ", ".join(f.periods),
        "Kilde": f.source_label,
        "Forfatter": f"{f.author_name} ({f.author_role_label})",
        "Endret": f.updated_at,
        "Versjon": f.version,
        "id": f.id,
    } for f in findings]
    cols = ["Type", "Status", "Tekst", "Temaer", "Indikatorer", "Skoler", "Skoleår", "Kilde", "Forfatter",
            "Endret", "Versjon", "id"]
    frame = pd.DataFrame(rows, columns=cols)
    return frame.rename(columns=FRAME_COLUMNS_NN) if active_language() == "nn" else frame


# The table view's column names in nynorsk (the labels in its cells follow the language already).
FRAME_COLUMNS_NN = {"Temaer": "Tema", "Indikatorer": "Indikatorar", "Skoler": "Skular", "Skoleår": "Skuleår",
                    "Kilde": "Kjelde", "Forfatter": "Forfattar", "Endret": "Endra"}
