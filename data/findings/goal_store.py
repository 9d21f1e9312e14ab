"""The goals repository: create, edit, delete/restore and history of goals, on a ``FindingsStore``.

It uses the findings store's engine, sessions and change log (entity ``goal``), and the same
optimistic concurrency: every change increments ``version``; ``update``/``delete``/``restore`` take
the version the user started from and raise ``StaleVersionError`` (holding the stored goal and the
user's changes) when someone else saved in between. Nothing is physically deleted.

    from data.findings import get_store
    from data.findings.goal_store import GoalStore
    goals = GoalStore(get_store())
    g = goals.create(GoalIn("7290", "grunnskolepoeng", 40.0, "2027-28", trinn=10), author)
    g = goals.update(g.id, g.version, {"target_value": 41.0}, author)
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update

from data.findings.domain import FindingNotFoundError, HistoryEntry, StaleVersionError
from data.findings.goals import (
    GOAL_FIELDS,
    Goal,
    GoalIn,
    goal_from_row,
    goal_snapshot,
    set_goal_fields,
    validate_goal_in,
    validate_goal_values,
)
from data.findings.models import FindingRow, GoalRow
from data.findings.store import FindingsStore
from data.findings.validation import Author, FindingValidationError, validate_author, validate_kommune_id

ENTITY = "goal"


class GoalNotFoundError(FindingNotFoundError):
    """No goal with that id (Norwegian message)."""

    def __init__(self, goal_id: str):
        LookupError.__init__(self, f"Fant ikke målet ({goal_id}). Det kan være fjernet fra en annen database.")
        self.finding_id = goal_id


class _Stale(Exception):
    """Internal: the version claim failed; the transaction is rolled back."""


def _now() -> datetime:
    return datetime.now(UTC)


class GoalStore:
    """Goals in the findings database. Holds only the ``FindingsStore`` (no user data)."""

    def __init__(self, store: FindingsStore):
        self.store = store

    @staticmethod
    def _check_finding(s, kommune_id: str, finding_id: str | None) -> None:
        if finding_id is None:
            return
        row = s.get(FindingRow, finding_id)
        if row is None or row.kommune_id != kommune_id:
            raise FindingValidationError({"finding_id": "Utfordringen målet er koblet til, finnes ikke i kommunen."})

    def create(self, goal: GoalIn, author: Author) -> Goal:
        """Store a new goal (version 1) and its 'create' history entry; return it."""
        g = validate_goal_in(goal)
        author = validate_author(author)
        now = _now()
        row = GoalRow(id=str(uuid.uuid4()), kommune_id=g.kommune_id, author_name=author.name,
                      author_role=author.role, updated_by_name=author.name, updated_by_role=author.role,
                      created_at=now, updated_at=now, deleted=False, deleted_at=None, version=1)
        set_goal_fields(row, {f: getattr(g, f) for f in GOAL_FIELDS})
        with self.store.writing() as s:
            self._check_finding(s, g.kommune_id, g.finding_id)
            s.add(row)
            s.flush()
            out = goal_from_row(row)
            self.store._log(s, ENTITY, out.id, out.kommune_id, "create", author, now, 1, None, goal_snapshot(out))
        return out

    def _change(self, goal_id: str, expected_version: int, author: Author, yours: Mapping[str, Any],
                apply) -> Goal:
        """Common path of update/delete/restore: claim the version, apply, log; or raise stale."""
        author = validate_author(author)
        expected_version = int(expected_version)
        try:
            with self.store.writing() as s:
                row = s.get(GoalRow, goal_id, populate_existing=True)
                if row is None:
                    raise GoalNotFoundError(goal_id)
                if row.version != expected_version:
                    raise _Stale
                before = goal_from_row(row)
                action = apply(s, row, before)
                if action is None:
                    return before
                res = s.execute(update(GoalRow).where(GoalRow.id == goal_id, GoalRow.version == expected_version)
                                .values(version=expected_version + 1).execution_options(synchronize_session=False))
                if res.rowcount != 1:
                    raise _Stale
                now = _now()
                row.version, row.updated_at = expected_version + 1, now
                row.updated_by_name, row.updated_by_role = author.name, author.role
                s.flush()
                out = goal_from_row(row)
                self.store._log(s, ENTITY, goal_id, row.kommune_id, action, author, now, out.version,
                                goal_snapshot(before), goal_snapshot(out))
        except _Stale:
            raise StaleVersionError(self.get(goal_id), yours, expected_version) from None
        return out

    def update(self, goal_id: str, expected_version: int, changes: Mapping[str, Any], author: Author) -> Goal:
        """Change a goal's fields. ``FindingValidationError`` for bad input, ``StaleVersionError`` when
        the stored version is no longer ``expected_version``; a change that changes nothing returns the
        goal as it is, without a history entry."""

        def apply(s, row: GoalRow, before: Goal):
            if row.deleted:
                raise FindingValidationError({"deleted": "Målet er slettet. Gjenopprett det før du endrer det."})
            vals = validate_goal_values(before.kommune_id, {**before.editable(), **dict(changes)})
            diff = {k: v for k, v in vals.items() if getattr(before, k) != v}
            if not diff:
                return None
            if "finding_id" in diff:
                self._check_finding(s, before.kommune_id, diff["finding_id"])
            set_goal_fields(row, diff)
            return "update"

        return self._change(goal_id, expected_version, author, changes, apply)

    def delete(self, goal_id: str, expected_version: int, author: Author) -> Goal:
        """Mark a goal deleted (kept with its history; ``restore`` undoes it)."""

        def apply(s, row: GoalRow, before: Goal):
            if row.deleted:
                return None
            row.deleted, row.deleted_at = True, _now()
            return "delete"

        return self._change(goal_id, expected_version, author, {"deleted": True}, apply)

    def restore(self, goal_id: str, expected_version: int, author: Author) -> Goal:
        """Undo a delete."""

        def apply(s, row: GoalRow, before: Goal):
            if not row.deleted:
                return None
            row.deleted, row.deleted_at = False, None
            return "restore"

        return self._change(goal_id, expected_version, author, {"deleted": False}, apply)

    def get(self, goal_id: str) -> Goal:
        with self.store.reading() as s:
            row = s.get(GoalRow, goal_id)
            if row is None:
                raise GoalNotFoundError(goal_id)
            return goal_from_row(row)

    def list(self, kommune_id: str, *, deleted: bool | None = False) -> list[Goal]:
        """A kommune's goals, oldest first (``deleted``: False live, True deleted, None both)."""
        kommune_id = validate_kommune_id(kommune_id)
        q = select(GoalRow).where(GoalRow.kommune_id == kommune_id)
        if deleted is not None:
            q = q.where(GoalRow.deleted == bool(deleted))
        with self.store.reading() as s:
            rows = s.scalars(q.order_by(GoalRow.created_at, GoalRow.id)).all()
            return [goal_from_row(r) for r in rows]

    def list_many(self, kommune_ids) -> dict[str, list[Goal]]:
        """Live goals of several kommuner (for the Statsforvalter view), by kommune."""
        ids = [str(k) for k in kommune_ids]
        out: dict[str, list[Goal]] = {k: [] for k in ids}
        with self.store.reading() as s:
            q = (select(GoalRow).where(GoalRow.kommune_id.in_(ids), GoalRow.deleted.is_(False))
                 .order_by(GoalRow.created_at, GoalRow.id))
            for r in s.scalars(q).all():
                out[r.kommune_id].append(goal_from_row(r))
        return out

    def history(self, goal_id: str) -> list[HistoryEntry]:
        """Every change of a goal, oldest first."""
        return self.store._entity_history(ENTITY, goal_id)
