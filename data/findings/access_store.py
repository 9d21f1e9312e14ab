"""Roles and the audit log in the findings database (tables ``user_roles`` and ``audit_log``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select

from data.access import ROLES, AccessDenied, Principal, check_admin
from data.language import Labels
from data.findings.models import AuditLogRow, UserRoleRow

AUDIT_ACTIONS = Labels({
    "import": "Import av data", "replace": "Data erstattet", "clear": "Importerte data fjernet",
    "role_set": "Rolle gitt/endret", "role_removed": "Rolle fjernet", "finding_deleted": "Funn slettet",
    "findings_imported": "Funn importert", "goal_deleted": "Mål slettet",
}, {
    "import": "Import av data", "replace": "Data erstatta", "clear": "Importerte data fjerna",
    "role_set": "Rolle gitt/endra", "role_removed": "Rolle fjerna", "finding_deleted": "Funn sletta",
    "findings_imported": "Funn importerte", "goal_deleted": "Mål sletta",
})


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor_name: str
    action: str
    target: str
    detail: dict[str, Any] | None

    @property
    def action_label(self) -> str:
        return AUDIT_ACTIONS.get(self.action, self.action)


def audit(store, actor: Principal, action: str, target: str = "", detail: dict | None = None) -> None:
    """Record one audited action (who, when, what)."""
    with store.writing() as s:
        s.add(AuditLogRow(at=datetime.now(UTC), actor_subject=actor.subject, actor_name=actor.name[:100],
                          action=action, target=str(target)[:200], detail=detail))


def audit_log(store, viewer: Principal, limit: int = 500) -> list[AuditEntry]:
    """The newest audit entries (administrators only)."""
    check_admin(viewer)
    with store.reading() as s:
        rows = s.scalars(select(AuditLogRow).order_by(AuditLogRow.id.desc()).limit(limit)).all()
        return [AuditEntry(r.at, r.actor_name, r.action, r.target, r.detail) for r in rows]


def principal_for(store, subject: str, name: str) -> Principal | None:
    """The stored role of a signed-in subject, or None (no access yet)."""
    with store.reading() as s:
        row = s.get(UserRoleRow, subject)
        if row is None:
            return None
        return Principal(row.subject, name or row.name, row.role, row.fylke, tuple(row.kommuner or ()), row.school)


def list_roles(store, viewer: Principal) -> list[Principal]:
    check_admin(viewer)
    with store.reading() as s:
        rows = s.scalars(select(UserRoleRow).order_by(UserRoleRow.name)).all()
        return [Principal(r.subject, r.name, r.role, r.fylke, tuple(r.kommuner or ()), r.school) for r in rows]


def set_role(store, admin: Principal, person: Principal) -> None:
    """Give or change a role (administrators only); audited."""
    check_admin(admin)
    if person.role not in ROLES:
        raise AccessDenied(f"Ukjent rolle {person.role!r}.")
    _check_scope_shape(person)
    with store.writing() as s:
        row = s.get(UserRoleRow, person.subject) or UserRoleRow(subject=person.subject)
        row.name, row.role, row.fylke = person.name[:100], person.role, person.fylke
        row.kommuner, row.school = list(person.kommuner), person.school
        row.updated_at, row.updated_by = datetime.now(UTC), admin.name[:100]
        s.add(row)
    audit(store, admin, "role_set", person.subject,
          {"role": person.role, "fylke": person.fylke, "kommuner": list(person.kommuner), "school": person.school})


def remove_role(store, admin: Principal, subject: str) -> None:
    check_admin(admin)
    with store.writing() as s:
        s.execute(delete(UserRoleRow).where(UserRoleRow.subject == subject))
    audit(store, admin, "role_removed", subject)


def _check_scope_shape(p: Principal) -> None:
    if p.role == "statsforvalter" and not (len(p.fylke) == 2 and p.fylke.isdigit()):
        raise AccessDenied("En statsforvalter trenger et fylkesnummer (to sifre).")
    if p.role in ("skoleeier", "skoleleder") and len(p.kommuner) != 1:
        raise AccessDenied("En skoleeier eller skoleleder har nøyaktig én kommune.")
    if p.role == "skoleleder" and not p.school:
        raise AccessDenied("En skoleleder trenger skolens organisasjonsnummer.")
    if p.role == "veileder" and not p.kommuner:
        raise AccessDenied("En veileder trenger minst én kommune.")
    if any(not (len(k) == 4 and k.isdigit()) for k in p.kommuner):
        raise AccessDenied("Kommunenumre har fire sifre.")
