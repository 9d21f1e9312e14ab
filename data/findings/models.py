"""SQLAlchemy 2 models of the findings store (tables are created by the Alembic migrations).

Tables:
- ``findings``: one row per finding (never physically deleted; ``deleted`` marks a soft delete),
  with an optimistic-concurrency ``version`` that every change increments.
- ``finding_indicators`` / ``finding_schools`` / ``finding_periods`` / ``finding_themes``: the links.
- ``checklist_items`` / ``checklist_evidence``: the forfase checklist per kommune and its evidence.
- ``change_log``: every create, edit, status change, delete and restore of a finding or checklist
  item, with who, when and full before/after snapshots (the same mechanism for both).
- ``import_log``: who imported what, when.
- ``goals``: goals for gjennomføringsfasen (indicator, unit, baseline, target, tiltak), versioned like findings;
  their history is in ``change_log`` with entity ``goal``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite stores naive UTC, PostgreSQL timestamptz)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to UTCDateTime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# Alembic's version table of this schema, and the newest migration in ``migrations/versions``: a database
# whose version table says ``SCHEMA_HEAD`` is up to date (``FindingsStore.migrate`` then skips Alembic).
# ``tests/test_findings_store.py`` checks that it is Alembic's own head; a new migration changes both.
VERSION_TABLE = "funn_alembic_version"
SCHEMA_HEAD = "0005"


class AuthoredVersioned:
    """Columns every edited record has: who wrote and last changed it, when, soft deletion and the version
    that optimistic locking checks (findings and goals). Listed after the record's own columns."""

    author_name: Mapped[str] = mapped_column(String(100))
    author_role: Mapped[str] = mapped_column(String(20))
    updated_by_name: Mapped[str] = mapped_column(String(100))
    updated_by_role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    version: Mapped[int] = mapped_column(Integer)


class FindingRow(AuthoredVersioned, Base):
    __tablename__ = "findings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kommune_id: Mapped[str] = mapped_column(String(8), index=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))

    indicators: Mapped[list[FindingIndicatorRow]] = relationship(
        cascade="all, delete-orphan", order_by="FindingIndicatorRow.position", lazy="selectin"
    )
    schools: Mapped[list[FindingSchoolRow]] = relationship(
        cascade="all, delete-orphan", order_by="FindingSchoolRow.position", lazy="selectin"
    )
    periods: Mapped[list[FindingPeriodRow]] = relationship(
        cascade="all, delete-orphan", order_by="FindingPeriodRow.position", lazy="selectin"
    )
    themes: Mapped[list[FindingThemeRow]] = relationship(
        cascade="all, delete-orphan", order_by="FindingThemeRow.position", lazy="selectin"
    )


class FindingIndicatorRow(Base):
    __tablename__ = "finding_indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("findings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(20))
    trinn: Mapped[int | None] = mapped_column(Integer, nullable=True)


class FindingSchoolRow(Base):
    __tablename__ = "finding_schools"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("findings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    school_id: Mapped[str] = mapped_column(String(40), index=True)


class FindingPeriodRow(Base):
    __tablename__ = "finding_periods"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("findings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(7))


class FindingThemeRow(Base):
    __tablename__ = "finding_themes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("findings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    theme: Mapped[str] = mapped_column(String(40), index=True)


class ChecklistItemRow(Base):
    __tablename__ = "checklist_items"
    __table_args__ = (UniqueConstraint("kommune_id", "item_key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kommune_id: Mapped[str] = mapped_column(String(8), index=True)
    item_key: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    responsible_role: Mapped[str] = mapped_column(String(20))
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by_name: Mapped[str] = mapped_column(String(100))
    updated_by_role: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)

    evidence: Mapped[list[ChecklistEvidenceRow]] = relationship(
        cascade="all, delete-orphan", order_by="ChecklistEvidenceRow.position", lazy="selectin"
    )


class ChecklistEvidenceRow(Base):
    __tablename__ = "checklist_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("checklist_items.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    finding_id: Mapped[str] = mapped_column(ForeignKey("findings.id"), index=True)


class ChangeLogRow(Base):
    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(20))  # "finding" | "checklist"
    entity_id: Mapped[str] = mapped_column(String(36))
    kommune_id: Mapped[str] = mapped_column(String(8), index=True)
    action: Mapped[str] = mapped_column(String(20))
    actor_name: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # Set on entries that came from a JSON import: «importert av <name> (<role>), <date>» (provenance).
    imported: Mapped[str | None] = mapped_column(String(200), nullable=True)


class ImportLogRow(Base):
    __tablename__ = "import_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kommune_id: Mapped[str] = mapped_column(String(8), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_name: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(20))
    created: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int] = mapped_column(Integer)
    conflicts: Mapped[int] = mapped_column(Integer)
    payload_sha256: Mapped[str] = mapped_column(String(64))


class UserRoleRow(Base):
    """A signed-in person's role and scope (``data/access.py``), keyed by the identity provider's subject."""

    __tablename__ = "user_roles"

    subject: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    fylke: Mapped[str] = mapped_column(String(2), default="", server_default="")
    kommuner: Mapped[list[str]] = mapped_column(JSON)
    school: Mapped[str] = mapped_column(String(20), default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(100))


class AuditLogRow(Base):
    """Imports, replacements, role changes and deletions: who, when, what."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_subject: Mapped[str] = mapped_column(String(200))
    actor_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(30))
    target: Mapped[str] = mapped_column(String(200), default="", server_default="")
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class RatingSessionRow(Base):
    """A «felles forståelse» rating session of a workshop: a short code participants open (issue 17)."""

    __tablename__ = "rating_sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    kommune_id: Mapped[str] = mapped_column(String(8), index=True)
    title: Mapped[str] = mapped_column(Text)
    anonymous: Mapped[bool] = mapped_column(Boolean)
    is_open: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by_name: Mapped[str] = mapped_column(String(100))
    created_by_role: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)


class RatingRow(Base):
    """One participant's rating of one challenge (a finding of kind utfordring) in a session; a new
    rating of the same challenge by the same participant updates the row (history in ``change_log``)."""

    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("session_id", "finding_id", "participant",
                                       name="uq_ratings_session_finding_participant"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("rating_sessions.id"), index=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("findings.id"), index=True)
    participant: Mapped[str] = mapped_column(String(36))
    participant_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    importance: Mapped[int] = mapped_column(Integer)
    certainty: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer)


class GoalRow(AuthoredVersioned, Base):
    """A goal for gjennomføringsfasen (``data.findings.goals``): indicator, unit, baseline, target, plan."""

    __tablename__ = "goals"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kommune_id: Mapped[str] = mapped_column(String(8), index=True)
    finding_id: Mapped[str | None] = mapped_column(ForeignKey("findings.id"), nullable=True, index=True)
    indicator: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(20))
    trinn: Mapped[int | None] = mapped_column(Integer, nullable=True)
    unit_level: Mapped[str] = mapped_column(String(10))  # "kommune" | "skole"
    unit_id: Mapped[str] = mapped_column(String(40))
    baseline_periods: Mapped[str] = mapped_column(String(80))  # "2022-23,2023-24,2024-25"
    baseline_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    baseline_lower: Mapped[float | None] = mapped_column(Float, nullable=True)
    baseline_upper: Mapped[float | None] = mapped_column(Float, nullable=True)
    baseline_n: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_value: Mapped[float] = mapped_column(Float)
    target_year: Mapped[str] = mapped_column(String(7))  # school year "2027-28"
    tiltak: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(20))  # "skoleeier" | "skole"
    kompetansemiljo: Mapped[str] = mapped_column(Text)
    followup: Mapped[str] = mapped_column(Text)
