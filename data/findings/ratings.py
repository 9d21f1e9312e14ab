"""«Felles forståelse»: rating sessions of a workshop and the participants' ratings, in the findings database.

A veileder opens a session for a kommune (``create_session``) and shows its short code; each participant
opens the rating page with ``?okt=<code>`` and rates every candidate challenge (the kommune's live
findings of kind «utfordring», not «forkastet») on «hvor viktig» and «hvor sikker», 1–5, under one of
``vocab.RATING_ROLES``, by name or anonymously as the session was set up. A participant is a random
key kept by their browser session; rating the same challenge again updates the rating. Every create
and update is written to ``change_log`` (entity ``rating`` / ``rating_session``) with before/after
snapshots, in the same transaction, like findings.

    rs = RatingStore(get_store())
    s = rs.create_session("7290", "Workshop 12. mars", anonymous=True, author=Author("Kari", "veileder"))
    rs.rate(s.code, participant="b1f…", role="skoleleder", finding_id=f.id, importance=5, certainty=3)
    rs.ratings(s.code)   # DataFrame: finding_id, participant, participant_name, role, importance, certainty
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from data.findings.domain import Finding, HistoryEntry
from data.findings.models import FindingRow, RatingRow, RatingSessionRow
from data.findings.store import FindingsStore
from data.findings.validation import (NAME_MAX, TEXT_MAX, Author, FindingValidationError, clean_text,
                                      looks_like_fodselsnummer, validate_author, validate_kommune_id)
from data.findings.vocab import RATING_ROLES, RATING_SCALE

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud and type
CODE_LENGTH = 6
ANONYMOUS_NAME = "Anonym"
RATING_COLUMNS = ["rating_id", "finding_id", "participant", "participant_name", "role", "importance", "certainty",
                  "updated_at"]


class RatingSessionNotFoundError(LookupError):
    """No session has this code (the message is Norwegian and user-facing)."""

    def __init__(self, code: str):
        super().__init__(f"Fant ingen vurderingsøkt med koden «{code}». Sjekk koden og prøv igjen.")


@dataclass(frozen=True)
class RatingSession:
    id: str
    code: str
    kommune_id: str
    title: str
    anonymous: bool
    is_open: bool
    created_at: datetime
    created_by_name: str
    created_by_role: str
    version: int


def _session(row: RatingSessionRow) -> RatingSession:
    return RatingSession(row.id, row.code, row.kommune_id, row.title, bool(row.anonymous), bool(row.is_open),
                         row.created_at, row.created_by_name, row.created_by_role, row.version)


def _snapshot(row: RatingRow) -> dict:
    return {"session_id": row.session_id, "finding_id": row.finding_id, "participant": row.participant,
            "participant_name": row.participant_name, "role": row.role, "importance": row.importance,
            "certainty": row.certainty, "version": row.version}


def normalise_code(code: str) -> str:
    """Upper case, no spaces or hyphens: «abc 234» and «ABC-234» both read as «ABC234»."""
    return "".join(ch for ch in clean_text(code).upper() if ch.isalnum())


def _check_score(value, what: str, errors: dict, key: str) -> int:
    try:
        v = int(value)
    except (TypeError, ValueError):
        v = -1
    if v not in RATING_SCALE:
        errors[key] = f"{what} må være et helt tall fra {RATING_SCALE[0]} til {RATING_SCALE[-1]}."
    return v


def _check_name(name: str, anonymous: bool, errors: dict) -> str:
    if anonymous:
        return ANONYMOUS_NAME
    s = clean_text(name)
    if not s:
        errors["participant_name"] = "Skriv navnet ditt: denne økten er ikke anonym."
    elif len(s) > NAME_MAX:
        errors["participant_name"] = f"Navnet er for langt; høyst {NAME_MAX} tegn."
    elif looks_like_fodselsnummer(s):
        errors["participant_name"] = "Navnet ser ut til å inneholde et fødselsnummer. Det kan ikke lagres."
    return s


class RatingStore:
    """Rating sessions and ratings on top of a ``FindingsStore`` (same engine, same change log)."""

    def __init__(self, store: FindingsStore):
        self.store = store

    # -- sessions -------------------------------------------------------------------------------
    def create_session(self, kommune_id: str, title: str, *, anonymous: bool, author: Author) -> RatingSession:
        """A new open session with a fresh short code (retried on the rare collision)."""
        kommune_id = validate_kommune_id(kommune_id)
        author = validate_author(author)
        title = clean_text(title)
        if len(title) > TEXT_MAX or looks_like_fodselsnummer(title):
            raise FindingValidationError({"title": "Tittelen er for lang eller inneholder et fødselsnummer."})
        for _ in range(8):
            now = datetime.now(UTC)
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            row = RatingSessionRow(id=str(uuid.uuid4()), code=code, kommune_id=kommune_id, title=title,
                                   anonymous=bool(anonymous), is_open=True, created_at=now,
                                   created_by_name=author.name, created_by_role=author.role, version=1)
            try:
                with self.store.writing() as s:
                    s.add(row)
                    s.flush()
                    out = _session(row)
                    self.store._log(s, "rating_session", out.id, kommune_id, "create", author, now, 1, None,
                                    {"code": code, "title": title, "anonymous": out.anonymous, "is_open": True})
                return out
            except IntegrityError:
                continue
        raise RuntimeError("Fant ingen ledig kode for vurderingsøkten.")  # pragma: no cover

    def session(self, code: str) -> RatingSession:
        code = normalise_code(code)
        with self.store.reading() as s:
            row = s.scalars(select(RatingSessionRow).where(RatingSessionRow.code == code)).first()
            if row is None:
                raise RatingSessionNotFoundError(code)
            return _session(row)

    def sessions(self, kommune_id: str) -> list[RatingSession]:
        """The kommune's sessions, newest first."""
        with self.store.reading() as s:
            rows = s.scalars(select(RatingSessionRow).where(RatingSessionRow.kommune_id == str(kommune_id))
                             .order_by(RatingSessionRow.created_at.desc())).all()
            return [_session(r) for r in rows]

    def set_open(self, code: str, is_open: bool, author: Author) -> RatingSession:
        """Open or close a session for new ratings (logged)."""
        author = validate_author(author)
        with self.store.writing() as s:
            row = s.scalars(select(RatingSessionRow).where(RatingSessionRow.code == normalise_code(code))).first()
            if row is None:
                raise RatingSessionNotFoundError(code)
            before = {"is_open": bool(row.is_open)}
            row.is_open, row.version = bool(is_open), row.version + 1
            self.store._log(s, "rating_session", row.id, row.kommune_id, "status", author, datetime.now(UTC),
                            row.version, before, {"is_open": bool(is_open)})
            return _session(row)

    def challenges(self, code: str) -> list[Finding]:
        """The candidate challenges: the kommune's live «utfordring» findings not «forkastet», oldest first."""
        sess = self.session(code)
        found = self.store.list_findings(sess.kommune_id, kinds=["utfordring"], statuses=["forelopig", "bekreftet"])
        return sorted(found, key=lambda f: (f.created_at, f.id))

    # -- ratings --------------------------------------------------------------------------------
    def rate(self, code: str, *, participant: str, role: str, finding_id: str, importance: int, certainty: int,
             name: str = "") -> str:
        """Store (or update) one participant's rating of one challenge; return the rating id.

        Raises ``FindingValidationError`` (Norwegian messages) for a closed session, an unknown role, a
        score outside 1–5, a missing name in a named session, or a finding that is not a candidate."""
        sess = self.session(code)
        errors: dict[str, str] = {}
        if not sess.is_open:
            errors["session"] = "Økten er stengt for nye vurderinger."
        if role not in RATING_ROLES:
            errors["role"] = "Velg en rolle fra listen."
        imp = _check_score(importance, "«Hvor viktig»", errors, "importance")
        cer = _check_score(certainty, "«Hvor sikker»", errors, "certainty")
        pname = _check_name(name, sess.anonymous, errors)
        participant = clean_text(participant)[:36]
        if not participant:
            errors["participant"] = "Deltakeren mangler."
        if errors:
            raise FindingValidationError(errors)
        try:
            return self._upsert(sess, participant, pname, role, finding_id, imp, cer)
        except IntegrityError:  # two tabs of the same participant at once: the second one updates
            return self._upsert(sess, participant, pname, role, finding_id, imp, cer)

    def _upsert(self, sess: RatingSession, participant: str, pname: str, role: str, finding_id: str, imp: int,
                cer: int) -> str:
        now = datetime.now(UTC)
        actor = Author(pname, role)
        with self.store.writing() as s:
            f = s.get(FindingRow, str(finding_id))
            if f is None or f.kommune_id != sess.kommune_id or f.kind != "utfordring" or f.deleted \
                    or f.status == "forkastet":
                raise FindingValidationError({"finding_id": "Utfordringen finnes ikke i denne økten."})
            row = s.scalars(select(RatingRow).where(RatingRow.session_id == sess.id,
                                                    RatingRow.finding_id == f.id,
                                                    RatingRow.participant == participant)).first()
            if row is None:
                row = RatingRow(id=str(uuid.uuid4()), session_id=sess.id, finding_id=f.id, participant=participant,
                                participant_name=pname, role=role, importance=imp, certainty=cer, created_at=now,
                                updated_at=now, version=1)
                s.add(row)
                s.flush()
                self.store._log(s, "rating", row.id, sess.kommune_id, "create", actor, now, 1, None, _snapshot(row))
                return row.id
            if (row.role, row.importance, row.certainty, row.participant_name) == (role, imp, cer, pname):
                return row.id
            before = _snapshot(row)
            row.role, row.importance, row.certainty, row.participant_name = role, imp, cer, pname
            row.updated_at, row.version = now, row.version + 1
            self.store._log(s, "rating", row.id, sess.kommune_id, "update", actor, now, row.version, before,
                            _snapshot(row))
            return row.id

    def ratings(self, code: str) -> pd.DataFrame:
        """Every rating of the session (``RATING_COLUMNS``), in the order they were first given."""
        sess = self.session(code)
        with self.store.reading() as s:
            rows = s.scalars(select(RatingRow).where(RatingRow.session_id == sess.id)
                             .order_by(RatingRow.created_at, RatingRow.id)).all()
            data = [(r.id, r.finding_id, r.participant, r.participant_name, r.role, r.importance, r.certainty,
                     r.updated_at) for r in rows]
        return pd.DataFrame(data, columns=RATING_COLUMNS).astype({"importance": int, "certainty": int})

    def history(self, rating_id: str) -> list[HistoryEntry]:
        """Every change of one rating, oldest first."""
        return self.store._entity_history("rating", rating_id)


__all__ = ["ANONYMOUS_NAME", "CODE_ALPHABET", "RATING_COLUMNS", "RatingSession", "RatingSessionNotFoundError",
           "RatingStore", "normalise_code"]
