"""Who may see and change what: roles and their scopes (issue 14), without Streamlit.

Roles (stored in the findings database, managed on the Administrasjon page):

- ``administrator``: everything, data import and replacement, user roles, the audit log;
- ``statsforvalter``: the kommuner of one fylke;
- ``veileder``: the kommuner assigned to them;
- ``skoleeier``: one kommune;
- ``skoleleder``: reads one kommune's numbers and findings, writes findings linked to their school only.

Without a login configured the app runs as one local user (``LOCAL_USER``, an administrator) and binds to
127.0.0.1 (``scripts/serve.py``). Scope checks live here and in ``data/findings/scoped.py`` (the store
wrapper every page uses), not only in the UI.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from data.language import Labels

ROLES = Labels({
    "administrator": "Administrator",
    "statsforvalter": "Statsforvalter",
    "veileder": "Veileder",
    "skoleeier": "Skoleeier",
    "skoleleder": "Skoleleder",
}, {
    "administrator": "Administrator",
    "statsforvalter": "Statsforvaltar",
    "veileder": "Rettleiar",
    "skoleeier": "Skuleeigar",
    "skoleleder": "Skuleleiar",
})
#: The findings author role a signed-in role writes as (``data.findings.vocab.ROLES``).
AUTHOR_ROLE = {"administrator": "statsforvalter", "statsforvalter": "statsforvalter", "veileder": "veileder",
               "skoleeier": "skoleeier", "skoleleder": "skoleleder"}


class AccessDenied(PermissionError):
    """The signed-in person may not do this. ``str(exc)`` is a Norwegian message."""


@dataclass(frozen=True)
class Principal:
    """The person using the app and what they may reach."""

    subject: str  # the identity provider's stable id (or «lokal»)
    name: str
    role: str
    fylke: str = ""  # statsforvalter
    kommuner: tuple[str, ...] = field(default_factory=tuple)  # veileder (several), skoleeier/skoleleder (one)
    school: str = ""  # skoleleder: organisasjonsnummer
    local: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role == "administrator"

    def kommune_allowed(self, kommune_id: str) -> bool:
        """May this person read the kommune's numbers and findings?"""
        k = str(kommune_id)
        if self.is_admin:
            return True
        if self.role == "statsforvalter":
            return bool(self.fylke) and k[:2] == self.fylke
        return k in self.kommuner

    def can_write(self, kommune_id: str, schools: Iterable[str] = ()) -> bool:
        """May this person create or change findings of the kommune (a skoleleder: only their school's)?"""
        if not self.kommune_allowed(kommune_id):
            return False
        if self.role == "skoleleder":
            linked = [str(s) for s in schools]
            return bool(self.school) and linked == [self.school]
        return True

    def visible_kommuner(self, all_kommuner: Iterable[str]) -> list[str]:
        return [k for k in all_kommuner if self.kommune_allowed(k)]


LOCAL_USER = Principal("lokal", "Lokal bruker", "administrator", local=True)


def check_kommune(principal: Principal, kommune_id: str) -> None:
    if not principal.kommune_allowed(kommune_id):
        raise AccessDenied(f"Du har ikke tilgang til kommune {kommune_id}.")


def check_admin(principal: Principal) -> None:
    if not principal.is_admin:
        raise AccessDenied("Bare en administrator kan gjøre dette.")
