"""The findings store: findings and the forfase checklist, with full history and optimistic concurrency.

``FindingsStore(url)`` opens (and migrates) a database: a SQLite file (WAL mode, write transactions
taken with ``BEGIN IMMEDIATE`` so concurrent writers queue instead of failing) or PostgreSQL
(``postgresql+psycopg://...``). All state lives in the database: the store object holds only the
engine, so any number of app processes can share one PostgreSQL database.

Every change writes a ``change_log`` row in the same transaction as the change itself, with full
before/after snapshots. Nothing is physically deleted: ``delete`` sets a flag and ``restore`` clears
it. Every change increments ``version``; ``update``/``delete``/``restore`` take the version the user
started from and raise ``StaleVersionError`` (holding both the stored finding and the user's
changes) when someone else saved in between.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, select, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from data.findings.models import (
    ChangeLogRow,
    ChecklistEvidenceRow,
    ChecklistItemRow,
    FindingIndicatorRow,
    FindingPeriodRow,
    FindingRow,
    FindingSchoolRow,
    FindingThemeRow,
)
from data.findings.validation import (
    EDITABLE_FIELDS,
    Author,
    ChecklistChanges,
    FindingIn,
    FindingValidationError,
    IndicatorLink,
    validate_author,
    validate_checklist_changes,
    validate_fields,
    validate_finding_in,
    validate_kommune_id,
)
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

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 7_319_041_205  # pg_advisory_xact_lock key: one migrator at a time


# ------------------------------------------------------------------------------------------------
# Value objects returned by the store (immutable; safe to keep in Streamlit session state)
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
class ImportReport:
    created: int
    unchanged: int
    conflicts: tuple[str, ...]
    checklist_created: int
    checklist_unchanged: int

    @property
    def message(self) -> str:
        msg = f"Importert: {self.created} nye funn, {self.unchanged} fantes fra før uendret"
        if self.checklist_created or self.checklist_unchanged:
            msg += f"; sjekkliste: {self.checklist_created} nye punkter, {self.checklist_unchanged} uendret"
        if self.conflicts:
            msg += (f". {len(self.conflicts)} funn finnes allerede i en annen versjon og ble ikke "
                    "overskrevet (den lagrede versjonen er beholdt)")
        return msg + "."


class _Stale(Exception):
    """Internal: the version claim failed; the transaction is rolled back."""


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
# Conversions
# ------------------------------------------------------------------------------------------------
def _now() -> datetime:
    return datetime.now(UTC)


def _finding(row: FindingRow) -> Finding:
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


def _checklist_item(row: ChecklistItemRow) -> ChecklistItem:
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


def _empty_checklist_item(kommune_id: str, item_key: str) -> ChecklistItem:
    return ChecklistItem(kommune_id, item_key, DEFAULT_CHECKLIST_STATUS, "", None, "", (), 0, None, "", "")


def checklist_snapshot(item: ChecklistItem) -> dict[str, Any]:
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


def _history_entry(row: ChangeLogRow) -> HistoryEntry:
    return HistoryEntry(row.entity, row.entity_id, row.kommune_id, row.action, row.actor_name, row.actor_role,
                        row.at, row.version, row.before, row.after)


def _set_links(row: FindingRow, vals: Mapping[str, Any]) -> None:
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


def normalise_url(url: str) -> str:
    """Accept ``postgres://`` and ``postgresql://`` URLs and use the installed psycopg 3 driver."""
    u = make_url(url)
    if u.drivername in ("postgres", "postgresql"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


# ------------------------------------------------------------------------------------------------
# The store
# ------------------------------------------------------------------------------------------------
SORTS: dict[str, str] = {
    "updated_desc": "Sist endret først",
    "created_desc": "Nyeste først",
    "created_asc": "Eldste først",
    "kind": "Type",
    "status": "Status",
}


class FindingsStore:
    """Findings and forfase checklist in one database. Thread-safe; holds no user data in memory."""

    def __init__(self, url: str, *, migrate: bool = True):
        self.url = normalise_url(url)
        u = make_url(self.url)
        self.dialect = u.get_backend_name()
        if self.dialect == "sqlite":
            if u.database and u.database != ":memory:":
                Path(u.database).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(self.url, connect_args={"timeout": 60}, pool_size=5,
                                                max_overflow=30, pool_timeout=120)
            _install_sqlite_pragmas(self.engine)
            self._write_engine = self.engine.execution_options(sqlite_immediate=True)
        else:
            self.engine = create_engine(self.url, pool_size=5, max_overflow=30, pool_timeout=120,
                                        pool_pre_ping=True)
            self._write_engine = self.engine
        self._read_session = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write_session = sessionmaker(bind=self._write_engine, expire_on_commit=False)
        if migrate:
            self.migrate()

    # -- infrastructure ------------------------------------------------------------------------
    def migrate(self) -> None:
        """Apply the Alembic migrations up to head (idempotent; safe when several processes start)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self._write_engine.begin() as conn:
            if self.dialect == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self):
        with self._write_session() as s, s.begin():
            yield s

    @contextmanager
    def _read(self):
        with self._read_session() as s, s.begin():
            yield s

    @staticmethod
    def _log(s: Session, entity: str, entity_id: str, kommune_id: str, action: str, author: Author,
             at: datetime, version: int, before: dict | None, after: dict | None) -> None:
        s.add(ChangeLogRow(entity=entity, entity_id=entity_id, kommune_id=kommune_id, action=action,
                           actor_name=author.name, actor_role=author.role, at=at, version=version,
                           before=before, after=after))

    # -- findings: writes ----------------------------------------------------------------------
    def create(self, finding: FindingIn, author: Author) -> Finding:
        """Store a new finding (version 1) and its 'create' history entry; return it."""
        f = validate_finding_in(finding)
        author = validate_author(author)
        now = _now()
        row = FindingRow(
            id=str(uuid.uuid4()), kommune_id=f.kommune_id, text=f.text, kind=f.kind, source=f.source,
            status=f.status, author_name=author.name, author_role=author.role,
            updated_by_name=author.name, updated_by_role=author.role, created_at=now, updated_at=now,
            deleted=False, deleted_at=None, version=1,
        )
        _set_links(row, {k: getattr(f, k) for k in ("themes", "indicators", "schools", "periods")})
        with self._write() as s:
            s.add(row)
            s.flush()
            out = _finding(row)
            self._log(s, "finding", out.id, out.kommune_id, "create", author, now, 1, None,
                      finding_snapshot(out))
        return out

    def _change(self, finding_id: str, expected_version: int, author: Author, yours: Mapping[str, Any],
                apply) -> Finding:
        """Common path of update/delete/restore: claim the version, apply, log; or raise stale."""
        author = validate_author(author)
        expected_version = int(expected_version)
        try:
            with self._write() as s:
                row = s.get(FindingRow, finding_id, populate_existing=True)
                if row is None:
                    raise FindingNotFoundError(finding_id)
                if row.version != expected_version:
                    raise _Stale
                before = _finding(row)
                now = _now()
                action = apply(row, before)
                if action is None:  # nothing to change
                    return before
                # Claim the version: only one writer can move it from expected to expected + 1.
                res = s.execute(
                    update(FindingRow)
                    .where(FindingRow.id == finding_id, FindingRow.version == expected_version)
                    .values(version=expected_version + 1)
                    .execution_options(synchronize_session=False)
                )
                if res.rowcount != 1:
                    raise _Stale
                row.version = expected_version + 1
                row.updated_at = now
                row.updated_by_name = author.name
                row.updated_by_role = author.role
                s.flush()
                out = _finding(row)
                self._log(s, "finding", finding_id, row.kommune_id, action, author, now, out.version,
                          finding_snapshot(before), finding_snapshot(out))
        except _Stale:
            raise StaleVersionError(self.get(finding_id), yours, expected_version) from None
        return out

    def update(self, finding_id: str, expected_version: int, changes: Mapping[str, Any],
               author: Author) -> Finding:
        """Change editable fields (text, kind, source, status, themes, indicators, schools, periods).

        Raises ``FindingValidationError`` for bad input, ``StaleVersionError`` when the finding's
        version is no longer ``expected_version`` and ``FindingNotFoundError``. A change that
        changes nothing returns the finding as it is, without a history entry.
        """
        vals = validate_fields(changes, partial=True)

        def apply(row: FindingRow, before: Finding):
            if row.deleted:
                raise FindingValidationError({"deleted": "Funnet er slettet. Gjenopprett det før du endrer det."})
            diff = {k: v for k, v in vals.items() if getattr(before, k) != v}
            if not diff:
                return None
            for k in ("text", "kind", "source", "status"):
                if k in diff:
                    setattr(row, k, diff[k])
            _set_links(row, diff)
            return "status" if set(diff) == {"status"} else "update"

        return self._change(finding_id, expected_version, author, changes, apply)

    def set_status(self, finding_id: str, expected_version: int, status: str, author: Author) -> Finding:
        return self.update(finding_id, expected_version, {"status": status}, author)

    def delete(self, finding_id: str, expected_version: int, author: Author) -> Finding:
        """Mark a finding deleted (it stays in the database with its history and can be restored)."""

        def apply(row: FindingRow, before: Finding):
            if row.deleted:
                return None
            row.deleted = True
            row.deleted_at = _now()
            return "delete"

        return self._change(finding_id, expected_version, author, {"deleted": True}, apply)

    def restore(self, finding_id: str, expected_version: int, author: Author) -> Finding:
        """Undo a delete."""

        def apply(row: FindingRow, before: Finding):
            if not row.deleted:
                return None
            row.deleted = False
            row.deleted_at = None
            return "restore"

        return self._change(finding_id, expected_version, author, {"deleted": False}, apply)

    # -- findings: reads -----------------------------------------------------------------------
    def get(self, finding_id: str) -> Finding:
        with self._read() as s:
            row = s.get(FindingRow, finding_id)
            if row is None:
                raise FindingNotFoundError(finding_id)
            return _finding(row)

    def list_findings(
        self,
        kommune_id: str,
        *,
        kinds: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
        sources: Iterable[str] | None = None,
        themes: Iterable[str] | None = None,
        schools: Iterable[str] | None = None,
        indicators: Iterable[str] | None = None,
        author_roles: Iterable[str] | None = None,
        periods: Iterable[str] | None = None,
        text: str | None = None,
        deleted: bool | None = False,
        sort: str = "updated_desc",
    ) -> list[Finding]:
        """A kommune's findings, filtered (each filter: any of the given values) and sorted.

        ``deleted``: False (default) only live findings, True only deleted ones, None both.
        ``text`` searches text, themes and author name, case-insensitively (Unicode casefold).
        ``sort``: one of ``SORTS``.
        """
        kommune_id = validate_kommune_id(kommune_id)
        q = select(FindingRow).where(FindingRow.kommune_id == kommune_id)
        if deleted is not None:
            q = q.where(FindingRow.deleted == bool(deleted))
        for col, values in ((FindingRow.kind, kinds), (FindingRow.status, statuses),
                            (FindingRow.source, sources), (FindingRow.author_role, author_roles)):
            if values:
                q = q.where(col.in_(list(values)))
        for link_col, owner, values in (
            (FindingThemeRow.theme, FindingThemeRow.finding_id, themes),
            (FindingSchoolRow.school_id, FindingSchoolRow.finding_id, schools),
            (FindingIndicatorRow.indicator, FindingIndicatorRow.finding_id, indicators),
            (FindingPeriodRow.period, FindingPeriodRow.finding_id, periods),
        ):
            if values:
                q = q.where(FindingRow.id.in_(select(owner).where(link_col.in_(list(values)))))
        with self._read() as s:
            out = [_finding(r) for r in s.scalars(q).all()]
        if text and text.strip():
            needle = text.strip().casefold()
            out = [f for f in out
                   if needle in " ".join([f.text, *f.themes, f.author_name]).casefold()]
        return sort_findings(out, sort)

    list = list_findings  # the short name of the API sketch

    def linked_findings(self, kommune_id: str, indicator: str, *, subject: str | None = None,
                        trinn: int | None = None, school_ids: Iterable[str] | None = None,
                        kommune_level: bool = True) -> list[Finding]:
        """Live findings that belong on a chart of ``indicator`` (subject/trinn) in a kommune.

        A finding belongs when one of its indicator links matches (a link without subject/trinn
        matches any) and either it names one of ``school_ids`` or, with ``kommune_level``, it names
        no school at all.
        """
        schools = set(school_ids or ())
        out = []
        for f in self.list_findings(kommune_id, indicators=[indicator]):
            if not f.links_to(indicator, subject, trinn):
                continue
            if (f.schools and schools.intersection(f.schools)) or (not f.schools and kommune_level):
                out.append(f)
        return out

    def history(self, finding_id: str) -> list[HistoryEntry]:
        """Every change of a finding, oldest first."""
        return self._entity_history("finding", finding_id)

    def _entity_history(self, entity: str, entity_id: str) -> list[HistoryEntry]:
        with self._read() as s:
            rows = s.scalars(
                select(ChangeLogRow).where(ChangeLogRow.entity == entity, ChangeLogRow.entity_id == entity_id)
                .order_by(ChangeLogRow.at, ChangeLogRow.id)
            ).all()
            return [_history_entry(r) for r in rows]

    def kommune_history(self, kommune_id: str, limit: int | None = None) -> list[HistoryEntry]:
        """All changes in a kommune (findings and checklist), newest first."""
        with self._read() as s:
            q = (select(ChangeLogRow).where(ChangeLogRow.kommune_id == kommune_id)
                 .order_by(ChangeLogRow.at.desc(), ChangeLogRow.id.desc()))
            if limit:
                q = q.limit(limit)
            return [_history_entry(r) for r in s.scalars(q).all()]

    def themes_in_use(self, kommune_id: str | None = None) -> list[str]:
        """Distinct themes used (in a kommune), most used first."""
        with self._read() as s:
            q = select(FindingThemeRow.theme, FindingRow.kommune_id).join(
                FindingRow, FindingRow.id == FindingThemeRow.finding_id)
            if kommune_id:
                q = q.where(FindingRow.kommune_id == kommune_id)
            counts = pd.Series([t for t, _ in s.execute(q).all()], dtype=object).value_counts()
        return [str(t) for t in counts.index]

    def count(self, kommune_id: str | None = None, include_deleted: bool = True) -> int:
        from sqlalchemy import func

        with self._read() as s:
            q = select(func.count()).select_from(FindingRow)
            if kommune_id:
                q = q.where(FindingRow.kommune_id == kommune_id)
            if not include_deleted:
                q = q.where(FindingRow.deleted.is_(False))
            return int(s.scalar(q) or 0)

    # -- forfase checklist ---------------------------------------------------------------------
    def checklist(self, kommune_id: str) -> list[ChecklistItem]:
        """All forfase items of a kommune in Udir's order; items never saved have version 0."""
        kommune_id = validate_kommune_id(kommune_id)
        with self._read() as s:
            rows = {r.item_key: _checklist_item(r) for r in s.scalars(
                select(ChecklistItemRow).where(ChecklistItemRow.kommune_id == kommune_id)).all()}
        return [rows.get(key) or _empty_checklist_item(kommune_id, key) for key in CHECKLIST_ITEMS]

    def checklist_item(self, kommune_id: str, item_key: str) -> ChecklistItem:
        for item in self.checklist(kommune_id):
            if item.item_key == item_key:
                return item
        raise FindingValidationError({"item_key": f"Ukjent punkt i sjekklisten: {item_key!r}."})

    def update_checklist_item(self, kommune_id: str, item_key: str, expected_version: int,
                              changes: ChecklistChanges, author: Author) -> ChecklistItem:
        """Change one checklist item (status, responsible role, due date, note, evidence findings).

        ``expected_version`` is the version shown to the user (0 for an item never saved).
        Raises ``StaleVersionError`` when someone else saved in between.
        """
        kommune_id = validate_kommune_id(kommune_id)
        vals = validate_checklist_changes(item_key, changes)
        author = validate_author(author)
        expected_version = int(expected_version)
        yours = dict(vals)
        try:
            with self._write() as s:
                if vals.get("evidence"):
                    found = set(s.scalars(select(FindingRow.id).where(
                        FindingRow.id.in_(list(vals["evidence"])), FindingRow.kommune_id == kommune_id)).all())
                    missing = [e for e in vals["evidence"] if e not in found]
                    if missing:
                        raise FindingValidationError(
                            {"evidence": f"{len(missing)} av funnene som er valgt som belegg, finnes ikke i kommunen."})
                row = s.scalars(select(ChecklistItemRow).where(
                    ChecklistItemRow.kommune_id == kommune_id, ChecklistItemRow.item_key == item_key)
                ).one_or_none()
                now = _now()
                current = _checklist_item(row) if row is not None else _empty_checklist_item(kommune_id, item_key)
                if current.version != expected_version:
                    raise _Stale
                diff = {k: v for k, v in vals.items() if getattr(current, k) != v}
                if not diff:
                    return current
                if row is None:
                    row = ChecklistItemRow(
                        id=str(uuid.uuid4()), kommune_id=kommune_id, item_key=item_key,
                        status=DEFAULT_CHECKLIST_STATUS, responsible_role="", due_date=None, note="",
                        created_at=now, updated_at=now, updated_by_name=author.name,
                        updated_by_role=author.role, version=1,
                    )
                    s.add(row)
                    action = "create"
                else:
                    res = s.execute(
                        update(ChecklistItemRow)
                        .where(ChecklistItemRow.id == row.id, ChecklistItemRow.version == expected_version)
                        .values(version=expected_version + 1)
                        .execution_options(synchronize_session=False)
                    )
                    if res.rowcount != 1:
                        raise _Stale
                    row.version = expected_version + 1
                    action = "status" if set(diff) == {"status"} else "update"
                for k in ("status", "responsible_role", "due_date", "note"):
                    if k in diff:
                        setattr(row, k, diff[k])
                if "evidence" in diff:
                    row.evidence = [ChecklistEvidenceRow(position=i, finding_id=fid)
                                    for i, fid in enumerate(diff["evidence"])]
                row.updated_at = now
                row.updated_by_name = author.name
                row.updated_by_role = author.role
                s.flush()
                out = _checklist_item(row)
                self._log(s, "checklist", row.id, kommune_id, action, author, now, out.version,
                          None if action == "create" else checklist_snapshot(current), checklist_snapshot(out))
        except (_Stale, IntegrityError):  # IntegrityError: two first saves of one item at once (PostgreSQL)
            raise StaleVersionError(self.checklist_item(kommune_id, item_key), yours, expected_version) from None
        return out

    def checklist_history(self, kommune_id: str, item_key: str) -> list[HistoryEntry]:
        item = self.checklist_item(kommune_id, item_key)
        return self._entity_history("checklist", item.id) if item.id else []

    # -- exchange ------------------------------------------------------------------------------
    def export_json(self, kommune_id: str) -> dict[str, Any]:
        """A kommune's findings and checklist with full history, as a JSON-safe dict."""
        from data.findings.exchange import export_payload

        return export_payload(self, kommune_id)

    def import_json(self, payload: Mapping[str, Any] | str | bytes, author: Author) -> ImportReport:
        """Import an ``export_json`` payload (all or nothing); existing findings are never overwritten."""
        from data.findings.exchange import import_payload

        return import_payload(self, payload, author)

    def export_csv(self, kommune_id: str, include_deleted: bool = False) -> bytes:
        """A kommune's findings as CSV for Excel (UTF-8 with BOM, ';'), formula-injection safe."""
        from data.findings.exchange import export_csv

        return export_csv(self, kommune_id, include_deleted=include_deleted)


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
    return pd.DataFrame(rows, columns=cols)


def _install_sqlite_pragmas(engine: Engine) -> None:
    """WAL, durable commits, foreign keys; our own BEGIN (IMMEDIATE for writes) instead of pysqlite's."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (also makes DDL transactional)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 60000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # pragma: no cover
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# ------------------------------------------------------------------------------------------------
# Store per URL. The cache holds engines (connection pools), never user data.
# ------------------------------------------------------------------------------------------------
_stores: dict[str, FindingsStore] = {}
_stores_lock = threading.Lock()


def get_store(url: str | None = None) -> FindingsStore:
    """The store for ``url`` (default: ``data.config.database_url()``), created and migrated once."""
    from data.config import database_url

    key = normalise_url(url or database_url())
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            store = FindingsStore(key)
            _stores[key] = store
        return store
