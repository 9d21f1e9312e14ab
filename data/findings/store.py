"""The findings repository: sessions, engine, CRUD and history of findings and the forfase checklist.

``FindingsStore(url)`` opens (and migrates) a database: a SQLite file (WAL mode, write transactions
taken with ``BEGIN IMMEDIATE`` so concurrent writers queue instead of failing) or PostgreSQL
(``postgresql+psycopg://...``). All state lives in the database: the store object holds only the
engine, so any number of app processes can share one PostgreSQL database.

Every change writes a ``change_log`` row in the same transaction as the change itself, with full
before/after snapshots. Nothing is physically deleted: ``delete`` sets a flag and ``restore`` clears
it. Every change increments ``version``; ``update``/``delete``/``restore`` take the version the user
started from and raise ``StaleVersionError`` (holding both the stored finding and the user's
changes) when someone else saved in between.

The values it returns, its errors and the row mappers live in ``data.findings.domain``; JSON/CSV
export and import in ``data.findings.exchange`` (which this module calls, never the other way).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import create_engine, event, func, select, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from data.findings import exchange
from data.findings.backup import check_sqlite_file, maybe_backup
from data.findings.domain import (
    SORTS,
    ChecklistItem,
    Finding,
    FindingNotFoundError,
    FindingsImportReport,
    HistoryEntry,
    StaleVersionError,
    checklist_item_from_row,
    checklist_snapshot,
    empty_checklist_item,
    finding_from_row,
    finding_snapshot,
    history_entry_from_row,
    set_finding_links,
    sort_findings,
)
from data.findings.models import (
    ChangeLogRow,
    ChecklistEvidenceRow,
    ChecklistItemRow,
    FindingIndicatorRow,
    FindingPeriodRow,
    FindingRow,
    FindingSchoolRow,
    FindingThemeRow,
    SCHEMA_HEAD,
    VERSION_TABLE,
)
from data.findings.validation import (
    Author,
    ChecklistChanges,
    FindingIn,
    FindingValidationError,
    validate_author,
    validate_checklist_changes,
    validate_fields,
    validate_finding_in,
    validate_kommune_id,
)
from data.findings.vocab import CHECKLIST_ITEMS, DEFAULT_CHECKLIST_STATUS

__all__ = ["SORTS", "FindingsStore", "get_store", "normalise_url"]

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 7_319_041_205  # pg_advisory_xact_lock key: one migrator at a time


class _Stale(Exception):
    """Internal: the version claim failed; the transaction is rolled back."""


def _now() -> datetime:
    return datetime.now(UTC)


def normalise_url(url: str) -> str:
    """Accept ``postgres://`` and ``postgresql://`` URLs and use the installed psycopg 3 driver."""
    u = make_url(url)
    if u.drivername in ("postgres", "postgresql"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


# ------------------------------------------------------------------------------------------------
# The store
# ------------------------------------------------------------------------------------------------
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
        """Apply the Alembic migrations up to head (idempotent; safe when several processes start).

        A database already at ``SCHEMA_HEAD`` is left alone without importing Alembic (≈0.1 s of a cold
        start; ``schema_at_head``); any other, also a database newer than this code, goes through Alembic."""
        if self.schema_at_head():
            return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self._write_engine.begin() as conn:
            if self.dialect == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def schema_at_head(self) -> bool:
        """Whether the database's Alembic version table holds exactly ``SCHEMA_HEAD`` (False when it has no
        such table yet or cannot be read: then ``migrate`` runs Alembic, which reports real problems)."""
        try:
            with self.engine.connect() as conn:
                versions = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalars().all()
        except SQLAlchemyError:
            return False
        return list(versions) == [SCHEMA_HEAD]

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self):
        """A session in a write transaction (SQLite: ``BEGIN IMMEDIATE``); commits on success."""
        with self._write_session() as s, s.begin():
            yield s

    @contextmanager
    def reading(self):
        """A session in a read transaction (one consistent snapshot)."""
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
        set_finding_links(row, {k: getattr(f, k) for k in ("themes", "indicators", "schools", "periods")})
        with self.writing() as s:
            s.add(row)
            s.flush()
            out = finding_from_row(row)
            self._log(s, "finding", out.id, out.kommune_id, "create", author, now, 1, None,
                      finding_snapshot(out))
        return out

    def _change(self, finding_id: str, expected_version: int, author: Author, yours: Mapping[str, Any],
                apply) -> Finding:
        """Common path of update/delete/restore: claim the version, apply, log; or raise stale."""
        author = validate_author(author)
        expected_version = int(expected_version)
        try:
            with self.writing() as s:
                row = s.get(FindingRow, finding_id, populate_existing=True)
                if row is None:
                    raise FindingNotFoundError(finding_id)
                if row.version != expected_version:
                    raise _Stale
                before = finding_from_row(row)
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
                out = finding_from_row(row)
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
            set_finding_links(row, diff)
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
        with self.reading() as s:
            row = s.get(FindingRow, finding_id)
            if row is None:
                raise FindingNotFoundError(finding_id)
            return finding_from_row(row)

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
        with self.reading() as s:
            out = [finding_from_row(r) for r in s.scalars(q).all()]
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
        with self.reading() as s:
            rows = s.scalars(
                select(ChangeLogRow).where(ChangeLogRow.entity == entity, ChangeLogRow.entity_id == entity_id)
                .order_by(ChangeLogRow.at, ChangeLogRow.id)
            ).all()
            return [history_entry_from_row(r) for r in rows]

    def kommune_history(self, kommune_id: str, limit: int | None = None) -> list[HistoryEntry]:
        """All changes in a kommune (findings and checklist), newest first."""
        with self.reading() as s:
            q = (select(ChangeLogRow).where(ChangeLogRow.kommune_id == kommune_id)
                 .order_by(ChangeLogRow.at.desc(), ChangeLogRow.id.desc()))
            if limit:
                q = q.limit(limit)
            return [history_entry_from_row(r) for r in s.scalars(q).all()]

    def themes_in_use(self, kommune_id: str | None = None) -> list[str]:
        """Distinct themes used (in a kommune), most used first."""
        with self.reading() as s:
            q = select(FindingThemeRow.theme, FindingRow.kommune_id).join(
                FindingRow, FindingRow.id == FindingThemeRow.finding_id)
            if kommune_id:
                q = q.where(FindingRow.kommune_id == kommune_id)
            counts = pd.Series([t for t, _ in s.execute(q).all()], dtype=object).value_counts()
        return [str(t) for t in counts.index]

    def count(self, kommune_id: str | None = None, include_deleted: bool = True) -> int:
        with self.reading() as s:
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
        with self.reading() as s:
            rows = {r.item_key: checklist_item_from_row(r) for r in s.scalars(
                select(ChecklistItemRow).where(ChecklistItemRow.kommune_id == kommune_id)).all()}
        return [rows.get(key) or empty_checklist_item(kommune_id, key) for key in CHECKLIST_ITEMS]

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
            with self.writing() as s:
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
                current = checklist_item_from_row(row) if row is not None else empty_checklist_item(kommune_id, item_key)
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
                out = checklist_item_from_row(row)
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
        return exchange.export_payload(self, kommune_id)

    def import_json(self, payload: Mapping[str, Any] | str | bytes, author: Author) -> FindingsImportReport:
        """Import an ``export_json`` payload (all or nothing); existing findings are never overwritten."""
        return exchange.import_payload(self, payload, author)

    def export_csv(self, kommune_id: str, include_deleted: bool = False,
                   school_names: Mapping[str, str] | None = None) -> bytes:
        """A kommune's findings as CSV for Excel (UTF-8 with BOM, ';'), formula-injection safe; schools by
        name when ``school_names`` is given."""
        return exchange.export_csv(self, kommune_id, include_deleted=include_deleted, school_names=school_names)


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
    path = sqlite_file(key)
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            if path is not None:
                check_sqlite_file(path)  # a broken file raises DatabaseUnavailable: never re-created silently
            store = FindingsStore(key)
            _stores[key] = store
    if path is not None:
        maybe_backup(path)  # on start, then daily while the app runs
    return store


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL (None for PostgreSQL and in-memory databases)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)
