"""Export and import of one kommune's findings: JSON (lossless, with history) and CSV for Excel.

JSON: ``export_payload`` writes every finding (deleted ones too), every checklist item, every goal of
gjennomføringsfasen (``data.findings.exchange_goals``) and every history entry; ``import_payload`` reads it back in one transaction (all or nothing). A finding,
checklist item or goal that already exists is left as it is: identical ones count as unchanged, different
ones are reported as conflicts and never overwritten. Export → import into an empty database →
export gives the same document (apart from ``exported_at``).

CSV: semicolon-separated UTF-8 with BOM (what Excel in Norwegian expects); every text cell that
starts with ``= + - @`` (or a tab/carriage return, also after leading spaces) is prefixed with an
apostrophe so Excel shows it as text and never runs it as a formula.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from contextlib import AbstractContextManager
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from data.catalogue import indicator_label
from data.fnr import looks_like_fodselsnummer
from data.language import active_language
from data.export_safety import neutralise_cell  # noqa: F401  (the one home; re-exported)
from data.findings.domain import (
    Finding,
    FindingsImportReport,
    checklist_item_from_row,
    finding_from_row,
    set_finding_links,
)
from data.findings.exchange_goals import export_goals, import_goals
from data.findings.models import (
    ChangeLogRow,
    ChecklistEvidenceRow,
    ChecklistItemRow,
    FindingRow,
    ImportLogRow,
)
from data.findings.validation import (
    Author,
    FindingIn,
    FindingValidationError,
    IndicatorLink,
    clean_text,
    validate_author,
    validate_finding_in,
    validate_kommune_id,
)
from data.findings.vocab import ACTIONS, CHECKLIST_ITEMS, CHECKLIST_STATUSES, ROLES



class FindingsStore(Protocol):
    """What the exchange needs of a store (``data.findings.store.FindingsStore`` is one)."""

    def reading(self) -> AbstractContextManager[Session]: ...

    def writing(self) -> AbstractContextManager[Session]: ...

    def list_findings(self, kommune_id: str, **filters: Any) -> list[Finding]: ...

FORMAT = "utfordringsbilde.funn"
FORMAT_VERSION = 1


def _iso(dt: datetime | None) -> str | None:
    return dt.astimezone(UTC).isoformat(timespec="microseconds") if dt else None


def _parse_dt(value: Any, what: str) -> datetime:
    try:
        dt = datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        raise FindingValidationError({"file": f"Ugyldig tidspunkt {value!r} i {what}."}) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def _history_dict(row: ChangeLogRow) -> dict[str, Any]:
    return {**({"imported": row.imported} if row.imported else {}),
            "action": row.action, "actor_name": row.actor_name, "actor_role": row.actor_role,
            "at": _iso(row.at), "version": row.version, "before": row.before, "after": row.after}


def export_payload(store: FindingsStore, kommune_id: str) -> dict[str, Any]:
    """All of a kommune's findings, checklist items, goals and their history as a JSON-safe dict."""
    kommune_id = validate_kommune_id(kommune_id)
    with store.reading() as s:
        rows = s.scalars(select(FindingRow).where(FindingRow.kommune_id == kommune_id)
                         .order_by(FindingRow.created_at, FindingRow.id)).all()
        items = s.scalars(select(ChecklistItemRow).where(ChecklistItemRow.kommune_id == kommune_id)
                          .order_by(ChecklistItemRow.created_at, ChecklistItemRow.id)).all()
        logs = s.scalars(select(ChangeLogRow).where(ChangeLogRow.kommune_id == kommune_id)
                         .order_by(ChangeLogRow.at, ChangeLogRow.id)).all()
        hist: dict[tuple[str, str], list[dict]] = {}
        for lg in logs:
            hist.setdefault((lg.entity, lg.entity_id), []).append(_history_dict(lg))
        findings = []
        for r in rows:
            f = finding_from_row(r)
            findings.append({
                "id": f.id, "kommune_id": f.kommune_id, "text": f.text, "kind": f.kind, "source": f.source,
                "status": f.status, "themes": list(f.themes),
                "indicators": [link.as_dict() for link in f.indicators],
                "schools": list(f.schools), "periods": list(f.periods),
                "author_name": f.author_name, "author_role": f.author_role,
                "updated_by_name": f.updated_by_name, "updated_by_role": f.updated_by_role,
                "created_at": _iso(f.created_at), "updated_at": _iso(f.updated_at), "version": f.version,
                "deleted": f.deleted, "deleted_at": _iso(f.deleted_at),
                "history": hist.get(("finding", f.id), []),
            })
        checklist = []
        for r in items:
            it = checklist_item_from_row(r)
            checklist.append({
                "id": it.id, "item_key": it.item_key, "status": it.status,
                "responsible_role": it.responsible_role,
                "due_date": it.due_date.isoformat() if it.due_date else None, "note": it.note,
                "evidence": list(it.evidence), "version": it.version, "created_at": _iso(r.created_at),
                "updated_at": _iso(it.updated_at), "updated_by_name": it.updated_by_name,
                "updated_by_role": it.updated_by_role, "history": hist.get(("checklist", it.id), []),
            })
        goals = export_goals(s, kommune_id, hist, _iso)
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "kommune_id": kommune_id,
            "exported_at": _iso(datetime.now(UTC)), "findings": findings, "checklist": checklist, "goals": goals}


# ------------------------------------------------------------------------------------------------
# Import
# ------------------------------------------------------------------------------------------------
def _bad(msg: str) -> FindingValidationError:
    return FindingValidationError({"file": f"Filen kan ikke importeres: {msg}"})


def _load(payload: Mapping[str, Any] | str | bytes) -> dict[str, Any]:
    if isinstance(payload, bytes):
        try:
            payload = payload.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _bad("den er ikke UTF-8-tekst.") from None
    if isinstance(payload, str):
        try:
            payload = json.loads(payload)
        except json.JSONDecodeError as e:
            raise _bad(f"den er ikke gyldig JSON (linje {e.lineno}).") from None
    if not isinstance(payload, Mapping):
        raise _bad("den er ikke en funn-eksport.")
    if payload.get("format") != FORMAT:
        raise _bad("den er ikke en funn-eksport fra Utfordringsbilde.")
    if payload.get("format_version") != FORMAT_VERSION:
        raise _bad(f"ukjent formatversjon {payload.get('format_version')!r}.")
    return dict(payload)


def _history_rows(entries: Any, entity: str, entity_id: str, kommune_id: str, provenance: str,
                  author: Author, version: int) -> list[ChangeLogRow]:
    """The imported history, kept as provenance and marked imported (an entry imported before keeps its own
    mark), then one new entry: the import itself, by the person importing, now."""
    if not isinstance(entries, list):
        raise _bad("historikken mangler eller har feil form.")
    out = []
    for h in entries:
        if (not isinstance(h, Mapping) or h.get("action") not in ACTIONS or h.get("actor_role") not in ROLES
                or not isinstance(h.get("before") or {}, dict) or not isinstance(h.get("after") or {}, dict)):
            raise _bad("en historikkoppføring har feil form.")
        _guard_texts(h, "historikken")
        earlier = clean_text(h.get("imported"))[:200] if h.get("imported") else ""
        out.append(ChangeLogRow(
            entity=entity, entity_id=entity_id, kommune_id=kommune_id, action=h["action"],
            actor_name=clean_text(h.get("actor_name"))[:100], actor_role=h["actor_role"],
            at=_parse_dt(h.get("at"), "historikken"), version=int(h.get("version") or 0),
            before=h.get("before"), after=h.get("after"), imported=earlier or provenance,
        ))
    out.append(ChangeLogRow(entity=entity, entity_id=entity_id, kommune_id=kommune_id, action="import",
                            actor_name=author.name, actor_role=author.role, at=datetime.now(UTC), version=version,
                            before=None, after=None))
    return out


_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _is_identifier(text: str) -> bool:
    """True for the store's own record ids (canonical UUIDs): their hex groups can hold 11 digits by chance,
    which is not a fødselsnummer and must not refuse a file the app itself wrote."""
    return len(text) == 36 and _UUID_RE.fullmatch(text) is not None


def _guard_texts(value: Any, where: str) -> None:
    """Refuse an import with something like a fødselsnummer in any text, at any depth (names, history, notes)."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if not _is_identifier(v) and looks_like_fodselsnummer(v):
                raise _bad(f"{where} inneholder noe som ligner et fødselsnummer. Slike opplysninger importeres ikke.")
        elif isinstance(v, Mapping):
            stack.extend(v.values())
            stack.extend(k for k in v.keys() if isinstance(k, str))
        elif isinstance(v, (list, tuple)):
            stack.extend(v)


def provenance_text(author: Author, when: datetime) -> str:
    """«importert av Kari (veileder), 01.12.2026» for history entries that came with an import."""
    return f"importert av {author.name} ({ROLES.get(author.role, author.role)}), {when.astimezone().strftime('%d.%m.%Y')}"


def _finding_row(d: Mapping[str, Any], kommune_id: str) -> FindingRow:
    """Validate one exported finding (same rules as typing it in) and build its row."""
    if not isinstance(d, Mapping) or not isinstance(d.get("id"), str) or not (1 <= len(d["id"]) <= 36):
        raise _bad("et funn mangler id.")
    if d.get("kommune_id") != kommune_id:
        raise _bad(f"funnet {d['id']} hører til en annen kommune enn filen.")
    links = [IndicatorLink(str(i.get("indicator", "")), str(i.get("subject") or ""), i.get("trinn"))
             for i in d.get("indicators") or [] if isinstance(i, Mapping)]
    f = validate_finding_in(FindingIn(
        kommune_id=kommune_id, text=d.get("text", ""), kind=d.get("kind", ""), source=d.get("source", ""),
        status=d.get("status", ""), themes=tuple(d.get("themes") or ()), indicators=tuple(links),
        schools=tuple(d.get("schools") or ()), periods=tuple(d.get("periods") or ()),
    ))
    author = validate_author(Author(d.get("author_name", ""), d.get("author_role", "")))
    editor = validate_author(Author(d.get("updated_by_name", ""), d.get("updated_by_role", "")))
    row = FindingRow(
        id=d["id"], kommune_id=kommune_id, text=f.text, kind=f.kind, source=f.source, status=f.status,
        author_name=author.name, author_role=author.role, updated_by_name=editor.name,
        updated_by_role=editor.role, created_at=_parse_dt(d.get("created_at"), "funnet"),
        updated_at=_parse_dt(d.get("updated_at"), "funnet"), version=int(d.get("version") or 1),
        deleted=bool(d.get("deleted")),
        deleted_at=_parse_dt(d["deleted_at"], "funnet") if d.get("deleted_at") else None,
    )
    set_finding_links(row, {"themes": f.themes, "indicators": f.indicators, "schools": f.schools, "periods": f.periods})
    return row


def without_provenance(record: Mapping[str, Any]) -> dict[str, Any]:
    """A finding or checklist record without import marks and import entries (what the exporter wrote)."""
    out = dict(record)
    out["history"] = [{k: v for k, v in h.items() if k != "imported"} for h in record.get("history") or []
                      if isinstance(h, Mapping) and h.get("action") != "import"]
    return out


def _same(existing: Mapping[str, Any], incoming: Mapping[str, Any]) -> bool:
    """Equal apart from import provenance (importing the same file twice changes nothing)."""
    a, b = without_provenance(existing), without_provenance(incoming)
    return json.dumps(a, sort_keys=True, ensure_ascii=False) == json.dumps(b, sort_keys=True, ensure_ascii=False)


def import_payload(store: FindingsStore, payload: Mapping[str, Any] | str | bytes,
                   author: Author) -> FindingsImportReport:
    """Import an export (all or nothing). Returns a ``FindingsImportReport``; raises ``FindingValidationError``."""
    raw = payload if isinstance(payload, (str, bytes)) else json.dumps(payload, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(raw.encode("utf-8") if isinstance(raw, str) else raw).hexdigest()
    doc = _load(payload)
    _guard_texts(doc, "filen")
    author = validate_author(author)
    kommune_id = validate_kommune_id(doc.get("kommune_id"))
    findings = doc.get("findings")
    checklist = doc.get("checklist", [])
    if not isinstance(findings, list) or not isinstance(checklist, list):
        raise _bad("listen over funn mangler.")
    current = export_payload(store, kommune_id)
    existing_export = {f["id"]: f for f in current["findings"]}
    existing_items = {c["item_key"]: c for c in current["checklist"]}
    existing_goals = {g["id"]: g for g in current["goals"]}
    try:
        return _import_rows(store, findings, checklist, kommune_id, existing_export, existing_items, author, digest,
                            doc.get("goals", []), existing_goals)
    except IntegrityError:  # someone imported or saved the same records at the same moment
        raise _bad("noen andre lagret de samme funnene samtidig. Prøv importen på nytt.") from None


def _import_rows(store: FindingsStore, findings: list, checklist: list, kommune_id: str,
                 existing_export: dict, existing_items: dict, author: Author,
                 digest: str, goals: Any = None, existing_goals: Mapping[str, dict] | None = None) -> FindingsImportReport:
    """Write an import in one transaction (see ``import_payload``)."""
    created = unchanged = cl_created = cl_unchanged = 0
    conflicts: list[str] = []
    provenance = provenance_text(author, datetime.now(UTC))
    with store.writing() as s:
        known_ids = set(existing_export)
        for d in findings:
            row = _finding_row(d, kommune_id)
            incoming = {k: v for k, v in d.items()}
            if row.id in existing_export:
                if _same(existing_export[row.id], incoming):
                    unchanged += 1
                else:
                    conflicts.append(f"«{row.text[:60]}» (id {row.id})")
                continue
            if s.get(FindingRow, row.id) is not None:
                raise _bad(f"funnet {row.id} finnes allerede i en annen kommune.")
            s.add(row)
            s.add_all(_history_rows(d.get("history", []), "finding", row.id, kommune_id, provenance, author,
                                    row.version))
            known_ids.add(row.id)
            created += 1
        s.flush()
        for c in checklist:
            if not isinstance(c, Mapping) or c.get("item_key") not in CHECKLIST_ITEMS:
                raise _bad("et punkt i sjekklisten er ukjent.")
            if c["item_key"] in existing_items:
                if _same(existing_items[c["item_key"]], c):
                    cl_unchanged += 1
                else:
                    conflicts.append(f"sjekklistepunktet «{CHECKLIST_ITEMS[c['item_key']]}»")
                continue
            if c.get("status") not in CHECKLIST_STATUSES or (c.get("responsible_role") or "") not in ("", *ROLES):
                raise _bad("et punkt i sjekklisten har ugyldig status eller rolle.")
            evidence = [str(e) for e in c.get("evidence") or []]
            if any(e not in known_ids for e in evidence):
                raise _bad("et punkt i sjekklisten viser til funn som ikke finnes.")
            note = clean_text(c.get("note"))
            editor = validate_author(Author(c.get("updated_by_name", ""), c.get("updated_by_role", "")))
            try:
                due = date.fromisoformat(c["due_date"]) if c.get("due_date") else None
            except ValueError:
                raise _bad("en frist i sjekklisten er ikke en dato.") from None
            item_id = str(c.get("id") or "")
            if not item_id or s.get(ChecklistItemRow, item_id) is not None:
                raise _bad("et punkt i sjekklisten mangler id eller finnes i en annen kommune.")
            s.add(ChecklistItemRow(
                id=item_id, kommune_id=kommune_id, item_key=c["item_key"], status=c["status"],
                responsible_role=c.get("responsible_role") or "", due_date=due, note=note,
                created_at=_parse_dt(c.get("created_at"), "sjekklisten"),
                updated_at=_parse_dt(c.get("updated_at"), "sjekklisten"), updated_by_name=editor.name,
                updated_by_role=editor.role, version=int(c.get("version") or 1),
                evidence=[ChecklistEvidenceRow(position=i, finding_id=e) for i, e in enumerate(evidence)],
            ))
            s.add_all(_history_rows(c.get("history", []), "checklist", item_id, kommune_id, provenance, author,
                                    int(c.get("version") or 1)))
            cl_created += 1
        g_created, g_unchanged = import_goals(
            s, [] if goals is None else goals, kommune_id, existing_goals or {}, known_ids,
            conflicts, same=_same, bad=_bad, parse_dt=_parse_dt,
            history_rows=lambda h, entity, eid, version: _history_rows(h, entity, eid, kommune_id, provenance,
                                                                       author, version))
        s.add(ImportLogRow(kommune_id=kommune_id, at=datetime.now(UTC), actor_name=author.name,
                           actor_role=author.role, created=created + cl_created + g_created,
                           unchanged=unchanged + cl_unchanged + g_unchanged, conflicts=len(conflicts),
                           payload_sha256=digest))
    return FindingsImportReport(created, unchanged, tuple(conflicts), cl_created, cl_unchanged, g_created, g_unchanged)


# ------------------------------------------------------------------------------------------------
# CSV for Excel
# ------------------------------------------------------------------------------------------------
CSV_COLUMNS = ["id", "Kommune", "Type", "Status", "Kilde", "Tekst", "Temaer", "Indikatorer", "Skoler",
               "Skoleår", "Forfatter", "Rolle", "Opprettet", "Sist endret", "Sist endret av", "Versjon",
               "Slettet"]
# The same headers in nynorsk: the CSV is opened in Excel by people, so it follows the user's language (the
# JSON exchange format keeps its machine keys). The CSV is never read back; only the JSON is imported.
CSV_COLUMNS_NN = ["id", "Kommune", "Type", "Status", "Kjelde", "Tekst", "Tema", "Indikatorar", "Skular",
                  "Skuleår", "Forfattar", "Rolle", "Oppretta", "Sist endra", "Sist endra av", "Versjon",
                  "Sletta"]


def csv_columns() -> list[str]:
    """The CSV headers in the active language (``data.language``)."""
    return CSV_COLUMNS_NN if active_language() == "nn" else CSV_COLUMNS


def export_csv(store: FindingsStore, kommune_id: str, include_deleted: bool = False,
               school_names: Mapping[str, str] | None = None) -> bytes:
    """A kommune's findings as CSV for Excel (see the module docstring). ``school_names`` (organisation
    number -> name) writes schools as «Nedre Brekke skole (974…)» instead of the bare number."""
    names = school_names or {}
    findings = store.list_findings(kommune_id, deleted=None if include_deleted else False, sort="created_asc")
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(csv_columns())
    for f in findings:
        cells = [
            f.id, f.kommune_id, f.kind_label, f.status_label, f.source_label, f.text, ", ".join(f.themes),
            "; ".join(indicator_label(i.indicator, i.subject, i.trinn) for i in f.indicators),
            ", ".join(f"{names[s]} ({s})" if s in names else s for s in f.schools), ", ".join(f.periods),
            f.author_name, f.author_role_label,
            f.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            f.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            f"{f.updated_by_name} ({ROLES.get(f.updated_by_role, f.updated_by_role)})", f.version,
            "ja" if f.deleted else "nei",  # the same in bokmål and nynorsk
        ]
        w.writerow([neutralise_cell(c) for c in cells])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
