"""The findings store as one signed-in person may use it: every read, write and export checked against
their scope (``data/access.py``), and the author of every change is that person.

Pages get this wrapper (``ui.findings_common.findings_store``), never the bare store. A call outside the
scope raises ``AccessDenied``; a finding of another kommune is reported as not found (its existence is not
revealed). Methods the wrapper does not name are not available to pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from data.access import AUTHOR_ROLE, AccessDenied, Principal, check_admin, check_kommune
from data.findings.access_store import audit
from data.findings.domain import Finding, FindingNotFoundError
from data.findings.store import FindingsStore
from data.findings.validation import Author, FindingIn

_KOMMUNE_READS = ("list_findings", "list", "linked_findings", "kommune_history", "checklist", "checklist_item",
                  "checklist_history", "export_json", "export_csv")


class ScopedStore:
    """``FindingsStore`` seen through a ``Principal``."""

    def __init__(self, store: FindingsStore, principal: Principal) -> None:
        self._store = store
        self.principal = principal
        self.dialect = store.dialect

    # -- who writes -------------------------------------------------------------------------------
    def author(self, typed: Author | None = None) -> Author:
        """The author of a change: the signed-in person (locally: the name and role typed in the form)."""
        if self.principal.local and typed is not None:
            return typed
        return Author(self.principal.name[:100], AUTHOR_ROLE.get(self.principal.role, "veileder"))

    def goals(self):
        """The goals of gjennomføringsfasen under the same rules (``data.findings.scoped_goals``)."""
        from data.findings.goal_store import GoalStore
        from data.findings.scoped_goals import ScopedGoals

        return ScopedGoals(self, GoalStore(self._store))

    def ratings(self):
        """The «felles forståelse» sessions and ratings under the same rules (``data.findings.scoped_ratings``)."""
        from data.findings.ratings import RatingStore
        from data.findings.scoped_ratings import ScopedRatings

        return ScopedRatings(self, RatingStore(self._store))

    # -- reads ------------------------------------------------------------------------------------
    def __getattr__(self, name: str) -> Any:
        if name in _KOMMUNE_READS:
            method = getattr(self._store, name)

            def scoped(kommune_id: str, *args: Any, **kwargs: Any) -> Any:
                check_kommune(self.principal, kommune_id)
                return method(kommune_id, *args, **kwargs)
            return scoped
        raise AttributeError(f"{name} is not available through the scoped store")

    def get(self, finding_id: str) -> Finding:
        f = self._store.get(finding_id)
        if not self.principal.kommune_allowed(f.kommune_id):
            raise FindingNotFoundError(finding_id)
        return f

    def history(self, finding_id: str):
        self.get(finding_id)
        return self._store.history(finding_id)

    def themes_in_use(self, kommune_id: str | None = None) -> list[str]:
        if kommune_id is None and not self.principal.is_admin:
            raise AccessDenied("Temaer vises per kommune.")
        if kommune_id is not None:
            check_kommune(self.principal, kommune_id)
        return self._store.themes_in_use(kommune_id)

    def count(self, kommune_id: str | None = None, include_deleted: bool = True) -> int:
        if kommune_id is None:
            check_admin(self.principal)
        else:
            check_kommune(self.principal, kommune_id)
        return self._store.count(kommune_id, include_deleted)

    # -- writes -----------------------------------------------------------------------------------
    def _writable(self, f: Finding | FindingIn, schools=None) -> None:
        if not self.principal.can_write(f.kommune_id, schools if schools is not None else f.schools):
            raise AccessDenied("Du kan ikke endre funn her (utenfor din kommune eller skole).")

    def create(self, finding: FindingIn, author: Author | None = None) -> Finding:
        self._writable(finding)
        return self._store.create(finding, self.author(author))

    def update(self, finding_id: str, expected_version: int, changes: Mapping[str, Any],
               author: Author | None = None) -> Finding:
        current = self.get(finding_id)
        self._writable(current)
        if "schools" in changes:
            self._writable(current, changes["schools"])
        return self._store.update(finding_id, expected_version, changes, self.author(author))

    def set_status(self, finding_id: str, expected_version: int, status: str, author: Author | None = None):
        self._writable(self.get(finding_id))
        return self._store.set_status(finding_id, expected_version, status, self.author(author))

    def delete(self, finding_id: str, expected_version: int, author: Author | None = None) -> Finding:
        current = self.get(finding_id)
        self._writable(current)
        done = self._store.delete(finding_id, expected_version, self.author(author))
        audit(self._store, self.principal, "finding_deleted", finding_id, {"kommune_id": current.kommune_id})
        return done

    def restore(self, finding_id: str, expected_version: int, author: Author | None = None) -> Finding:
        self._writable(self.get(finding_id))
        return self._store.restore(finding_id, expected_version, self.author(author))

    def update_checklist_item(self, kommune_id: str, item_key: str, expected_version: int, changes,
                              author: Author | None = None):
        check_kommune(self.principal, kommune_id)
        if self.principal.role == "skoleleder":
            raise AccessDenied("Sjekklisten endres av skoleeier, veileder eller statsforvalter.")
        return self._store.update_checklist_item(kommune_id, item_key, expected_version, changes,
                                                 self.author(author))

    def import_json(self, payload, author: Author | None = None):
        from data.findings.exchange import _load

        doc = _load(payload)
        check_kommune(self.principal, str(doc.get("kommune_id", "")))
        if self.principal.role == "skoleleder":
            raise AccessDenied("En skoleleder kan ikke importere funn.")
        report = self._store.import_json(payload, self.author(author))
        audit(self._store, self.principal, "findings_imported", str(doc.get("kommune_id", "")),
              {"created": report.created, "goals_created": report.goals_created})
        return report
