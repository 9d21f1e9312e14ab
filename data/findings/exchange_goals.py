"""The goals of gjennomføringsfasen in the findings exchange (``data.findings.exchange``): export and import.

Each goal is written with every field, its author and editor, timestamps, version, deleted flag and its full
history (change log entity ``goal``). On import every goal is checked with the same rules as typing it in
(``data.findings.goals.validate_goal_in``), must belong to the file's kommune and may link only to an
utfordring that exists in the kommune after the import; a goal that already exists is left as it is
(identical: unchanged; different: a conflict, never overwritten). The import runs inside the findings
import's transaction, so findings, checklist and goals go in together or not at all. Files from before goals
were exported (no ``goals`` key) still import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from data.catalogue import indicator_label
from data.export_safety import neutralise_cell
from data.findings.goals import (GOAL_FIELDS, RESPONSIBLE, Goal, GoalIn, goal_from_row, set_goal_fields,
                                 validate_goal_in)
from data.findings.models import GoalRow
from data.findings.validation import Author, FindingValidationError, validate_author
from data.findings.vocab import ROLES

ENTITY = "goal"


def export_goals(s: Session, kommune_id: str, hist: Mapping[tuple[str, str], list[dict]],
                 iso: Callable[[Any], str | None]) -> list[dict[str, Any]]:
    """Every goal of the kommune (deleted ones too), oldest first, with its history, JSON-safe."""
    rows = s.scalars(select(GoalRow).where(GoalRow.kommune_id == kommune_id)
                     .order_by(GoalRow.created_at, GoalRow.id)).all()
    out = []
    for r in rows:
        g = goal_from_row(r)
        d: dict[str, Any] = {"id": g.id, "kommune_id": g.kommune_id}
        d.update({f: getattr(g, f) for f in GOAL_FIELDS})
        d["baseline_periods"] = list(g.baseline_periods)
        d.update(author_name=g.author_name, author_role=g.author_role, updated_by_name=g.updated_by_name,
                 updated_by_role=g.updated_by_role, created_at=iso(g.created_at), updated_at=iso(g.updated_at),
                 version=g.version, deleted=g.deleted, deleted_at=iso(g.deleted_at),
                 history=hist.get((ENTITY, g.id), []))
        out.append(d)
    return out


def goal_row(d: Any, kommune_id: str, known_findings: set[str], bad: Callable[[str], Exception],
             parse_dt: Callable[[Any, str], Any]) -> GoalRow:
    """Validate one exported goal (same rules as typing it in) and build its row."""
    if not isinstance(d, Mapping) or not isinstance(d.get("id"), str) or not (1 <= len(d["id"]) <= 36):
        raise bad("et mål mangler id.")
    if d.get("kommune_id") != kommune_id:
        raise bad(f"målet {d['id']} hører til en annen kommune enn filen.")
    vals = {f: d.get(f) for f in GOAL_FIELDS if f in d}
    vals["baseline_periods"] = tuple(d.get("baseline_periods") or ())
    try:
        g = validate_goal_in(GoalIn(kommune_id=kommune_id, **vals))
        author = validate_author(Author(d.get("author_name", ""), d.get("author_role", "")))
        editor = validate_author(Author(d.get("updated_by_name", ""), d.get("updated_by_role", "")))
    except (FindingValidationError, TypeError) as exc:
        detail = "; ".join(exc.errors.values()) if isinstance(exc, FindingValidationError) else "feil form"
        raise bad(f"målet {d['id']} er ugyldig ({detail}).") from None
    if g.finding_id is not None and g.finding_id not in known_findings:
        raise bad(f"målet {d['id']} viser til en utfordring som ikke finnes i kommunen.")
    row = GoalRow(id=d["id"], kommune_id=kommune_id, author_name=author.name, author_role=author.role,
                  updated_by_name=editor.name, updated_by_role=editor.role,
                  created_at=parse_dt(d.get("created_at"), "målet"), updated_at=parse_dt(d.get("updated_at"), "målet"),
                  version=int(d.get("version") or 1), deleted=bool(d.get("deleted")),
                  deleted_at=parse_dt(d["deleted_at"], "målet") if d.get("deleted_at") else None)
    set_goal_fields(row, {f: getattr(g, f) for f in GOAL_FIELDS})
    return row


def import_goals(s: Session, goals: Any, kommune_id: str, existing: Mapping[str, dict], known_findings: set[str],
                 conflicts: list[str], *, same: Callable[[Mapping, Mapping], bool],
                 bad: Callable[[str], Exception], parse_dt: Callable[[Any, str], Any],
                 history_rows: Callable[..., list]) -> tuple[int, int]:
    """Add the file's goals in the open transaction ``s``; returns (created, unchanged) and appends conflicts."""
    if not isinstance(goals, list):
        raise bad("listen over mål har feil form.")
    created = unchanged = 0
    for d in goals:
        row = goal_row(d, kommune_id, known_findings, bad, parse_dt)
        if row.id in existing:
            if same(existing[row.id], d):
                unchanged += 1
            else:
                conflicts.append(f"målet for {row.indicator} {row.target_year} (id {row.id})")
            continue
        if s.get(GoalRow, row.id) is not None:
            raise bad(f"målet {row.id} finnes allerede i en annen kommune.")
        s.add(row)
        s.add_all(history_rows(d.get("history", []), ENTITY, row.id, row.version))
        created += 1
    return created, unchanged


CSV_COLUMNS = ["id", "Kommune", "Indikator", "Enhet", "Utgangspunkt (skoleår)", "Utgangspunkt", "Nedre grense",
               "Øvre grense", "Elever", "Målverdi", "Målår", "Tiltak", "Ansvarlig", "Kompetansemiljø", "Oppfølging",
               "Utfordring", "Forfatter", "Opprettet", "Sist endret", "Sist endret av", "Versjon"]


def _num(x: float | None) -> str:
    """A number as Norwegian Excel reads it (decimal comma, full precision); empty when missing."""
    return "" if x is None else repr(float(x)).replace(".", ",").removesuffix(",0")


def export_goals_csv(goals: Iterable[Goal], unit_names: Mapping[str, str] | None = None,
                     finding_texts: Mapping[str, str] | None = None) -> bytes:
    """Goals as CSV for Excel, like the findings CSV: ``;``, UTF-8 with BOM, every cell neutralised against
    formula injection. ``unit_names`` (school id -> name) and ``finding_texts`` (id -> text) make it readable."""
    names, texts = unit_names or {}, finding_texts or {}
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for g in goals:
        unit = "Kommunen" if g.unit_level == "kommune" else (
            f"{names[g.unit_id]} ({g.unit_id})" if g.unit_id in names else g.unit_id)
        cells = [g.id, g.kommune_id, indicator_label(g.indicator, g.subject, g.trinn), unit,
                 ", ".join(g.baseline_periods), _num(g.baseline_value), _num(g.baseline_lower),
                 _num(g.baseline_upper), _num(g.baseline_n), _num(g.target_value), g.target_year, g.tiltak,
                 RESPONSIBLE.get(g.responsible, g.responsible), g.kompetansemiljo, g.followup,
                 texts.get(g.finding_id or "", g.finding_id or ""),
                 f"{g.author_name} ({ROLES.get(g.author_role, g.author_role)})",
                 g.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if g.created_at else "",
                 g.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if g.updated_at else "",
                 f"{g.updated_by_name} ({ROLES.get(g.updated_by_role, g.updated_by_role)})", g.version]
        w.writerow([neutralise_cell(c) for c in cells])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


__all__ = ["CSV_COLUMNS", "export_goals", "export_goals_csv", "goal_row", "import_goals"]
