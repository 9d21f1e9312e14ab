"""The goals of gjennomføringsfasen as one signed-in person may use them: the same access rules as findings.

Every read is limited to the principal's kommuner (``data.access.Principal.kommune_allowed``); a goal of
another kommune is reported as not found, so its existence is not revealed. Every write is checked like a
finding's (``Principal.can_write``): a skoleleder may create and change only goals measured on their own
school (``unit_level == "skole"`` and ``unit_id`` their school), and may not move a goal elsewhere. The author
of every change is the signed-in person (locally: the name typed in the form). Deleting a goal is audited
like deleting a finding.

    goals = ScopedStore(store, principal).goals()
    g = goals.create(GoalIn("7290", "grunnskolepoeng", 42.0, "2027-28", trinn=10))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from data.access import AccessDenied, check_kommune
from data.findings.access_store import audit
from data.findings.domain import HistoryEntry
from data.findings.goal_store import GoalNotFoundError, GoalStore
from data.findings.goals import Goal, GoalIn
from data.findings.validation import Author

if TYPE_CHECKING:  # pragma: no cover
    from data.findings.scoped import ScopedStore


def _schools(unit_level: str, unit_id: str) -> list[str]:
    """The schools a goal is tied to, in the shape ``Principal.can_write`` takes for findings."""
    return [str(unit_id)] if unit_level == "skole" and unit_id else []


class ScopedGoals:
    """``GoalStore`` seen through the principal of a ``ScopedStore``."""

    def __init__(self, scoped: ScopedStore, goals: GoalStore) -> None:
        self._scoped = scoped
        self._goals = goals
        self.principal = scoped.principal

    # -- reads ------------------------------------------------------------------------------------
    def get(self, goal_id: str) -> Goal:
        g = self._goals.get(goal_id)
        if not self.principal.kommune_allowed(g.kommune_id):
            raise GoalNotFoundError(goal_id)
        return g

    def list(self, kommune_id: str, *, deleted: bool | None = False) -> list[Goal]:
        check_kommune(self.principal, kommune_id)
        return self._goals.list(kommune_id, deleted=deleted)

    def list_many(self, kommune_ids: Iterable[str]) -> dict[str, list[Goal]]:
        """Live goals of the kommuner asked for that the principal may read (the others are left out)."""
        return self._goals.list_many([k for k in map(str, kommune_ids) if self.principal.kommune_allowed(k)])

    def history(self, goal_id: str) -> list[HistoryEntry]:
        self.get(goal_id)
        return self._goals.history(goal_id)

    # -- writes -----------------------------------------------------------------------------------
    def _writable(self, kommune_id: str, unit_level: str, unit_id: str) -> None:
        if not self.principal.can_write(kommune_id, _schools(unit_level, unit_id)):
            raise AccessDenied("Du kan ikke endre mål her (utenfor din kommune eller skole).")

    def create(self, goal: GoalIn, author: Author | None = None) -> Goal:
        self._writable(goal.kommune_id, goal.unit_level, goal.unit_id)
        return self._goals.create(goal, self._scoped.author(author))

    def update(self, goal_id: str, expected_version: int, changes: Mapping[str, Any],
               author: Author | None = None) -> Goal:
        current = self.get(goal_id)
        self._writable(current.kommune_id, current.unit_level, current.unit_id)
        if "unit_level" in changes or "unit_id" in changes:
            self._writable(current.kommune_id, changes.get("unit_level", current.unit_level),
                           changes.get("unit_id", current.unit_id))
        return self._goals.update(goal_id, expected_version, changes, self._scoped.author(author))

    def delete(self, goal_id: str, expected_version: int, author: Author | None = None) -> Goal:
        current = self.get(goal_id)
        self._writable(current.kommune_id, current.unit_level, current.unit_id)
        done = self._goals.delete(goal_id, expected_version, self._scoped.author(author))
        audit(self._goals.store, self.principal, "goal_deleted", goal_id, {"kommune_id": current.kommune_id})
        return done

    def restore(self, goal_id: str, expected_version: int, author: Author | None = None) -> Goal:
        current = self.get(goal_id)
        self._writable(current.kommune_id, current.unit_level, current.unit_id)
        return self._goals.restore(goal_id, expected_version, self._scoped.author(author))


__all__ = ["ScopedGoals"]
