"""Input types and validation of findings and checklist items (Norwegian, user-facing messages).

Everything a user types passes through here before it reaches the database: text is normalised
(Unicode NFC, no control characters, ``\\r\\n`` to ``\\n``) and checked for length and for anything
that looks like a fødselsnummer/D-nummer. Text is stored as plain text and never interpreted as HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from data import fnr as _fnr
from data.catalogue import INDICATORS
from data.findings.vocab import CHECKLIST_ITEMS, CHECKLIST_STATUSES, KINDS, ROLES, SOURCES, STATUSES
from data.schema import PERIOD_RE

TEXT_MAX = 4000
NAME_MAX = 100
NOTE_MAX = 2000
THEME_MAX_LEN = 40
MAX_THEMES = 12
MAX_LINKS = 50

_KOMMUNE_RE = re.compile(r"^\d{4}$")
_SCHOOL_RE = re.compile(r"^[0-9A-Za-z_.\-]{1,40}$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FindingValidationError(ValueError):
    """Input that cannot be stored. ``errors`` maps a field name to its Norwegian message."""

    def __init__(self, errors: Mapping[str, str] | str, field_name: str = "text"):
        if isinstance(errors, str):
            errors = {field_name: errors}
        self.errors: dict[str, str] = dict(errors)
        super().__init__(" ".join(self.errors.values()))

    @property
    def message(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Author:
    """Who makes a change: a name and one of ``vocab.ROLES``."""

    name: str
    role: str


@dataclass(frozen=True)
class IndicatorLink:
    """A finding's link to an indicator; ``subject``/``trinn`` empty/None mean 'any'."""

    indicator: str
    subject: str = ""
    trinn: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "subject": self.subject, "trinn": self.trinn}

    def matches(self, indicator: str, subject: str | None = None, trinn: int | None = None) -> bool:
        """True when this link covers a chart of ``indicator`` (and ``subject``/``trinn`` when given)."""
        if self.indicator != indicator:
            return False
        if subject is not None and self.subject and self.subject != subject:
            return False
        if trinn is not None and self.trinn is not None and int(self.trinn) != int(trinn):
            return False
        return True


@dataclass(frozen=True)
class FindingIn:
    """A new finding as typed by a user (before validation)."""

    kommune_id: str
    text: str
    kind: str
    source: str = "workshop"
    status: str = "forelopig"
    themes: tuple[str, ...] = ()
    indicators: tuple[IndicatorLink, ...] = ()
    schools: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()


# Fields of a finding a user may change with ``update``.
EDITABLE_FIELDS: tuple[str, ...] = ("text", "kind", "source", "status", "themes", "indicators", "schools", "periods")


@dataclass(frozen=True)
class ChecklistChanges:
    """Changes to one forfase checklist item; ``None`` leaves a field as it is."""

    status: str | None = None
    responsible_role: str | None = None  # "" clears it
    due_date: date | None = None
    clear_due_date: bool = False
    note: str | None = None
    evidence: tuple[str, ...] | None = None  # finding ids


# ------------------------------------------------------------------------------------------------
# Fødselsnummer guard
# ------------------------------------------------------------------------------------------------
def looks_like_fodselsnummer(text: str) -> bool:
    """True when ``text`` holds something that looks like a fødselsnummer/D-nummer (see ``data/fnr.py``:
    separators, groupings and invisible characters are seen through)."""
    return _fnr.looks_like_fodselsnummer(text)


FNR_MESSAGE = (
    "{what} ser ut til å inneholde et fødselsnummer (11 siffer). Funn skal ikke inneholde "
    "personopplysninger: fjern nummeret og lagre på nytt."
)


# ------------------------------------------------------------------------------------------------
# Field validators
# ------------------------------------------------------------------------------------------------
def clean_text(value: Any) -> str:
    """Normalise user text: str, NFC, \\r\\n -> \\n, no control characters, stripped."""
    s = "" if value is None else str(value)
    s = unicodedata.normalize("NFC", s).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub("", s).strip()


def _check_free_text(value: Any, what: str, max_len: int, required: bool, errors: dict, key: str) -> str:
    s = clean_text(value)
    if required and not s:
        errors[key] = f"{what} mangler."
    elif len(s) > max_len:
        errors[key] = f"{what} er for lang ({len(s)} tegn); høyst {max_len} tegn er tillatt."
    elif looks_like_fodselsnummer(s):
        errors[key] = FNR_MESSAGE.format(what=what)
    return s


def _check_choice(value: Any, choices: Mapping[str, str], what: str, errors: dict, key: str) -> str:
    s = clean_text(value)
    if s not in choices:
        errors[key] = f"Ugyldig {what}: {s!r}. Velg en av: {', '.join(choices.values())}."
    return s


def validate_author(author: Author) -> Author:
    errors: dict[str, str] = {}
    name = _check_free_text(getattr(author, "name", ""), "Navnet", NAME_MAX, True, errors, "author_name")
    role = _check_choice(getattr(author, "role", ""), ROLES, "rolle", errors, "author_role")
    if errors:
        raise FindingValidationError(errors)
    return Author(name, role)


def validate_kommune_id(value: Any) -> str:
    s = clean_text(value)
    if not _KOMMUNE_RE.match(s):
        raise FindingValidationError({"kommune_id": f"Ugyldig kommunenummer {s!r}: forventet fire siffer."})
    return s


def _themes(values: Iterable[Any] | None, errors: dict) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        t = clean_text(v).lower()
        t = re.sub(r"\s+", " ", t)
        if not t:
            continue
        if len(t) > THEME_MAX_LEN:
            errors["themes"] = f"Temaet {t[:20]!r}… er for langt; høyst {THEME_MAX_LEN} tegn per tema."
        elif looks_like_fodselsnummer(t):
            errors["themes"] = FNR_MESSAGE.format(what="Et tema")
        elif t not in out:
            out.append(t)
    if len(out) > MAX_THEMES:
        errors["themes"] = f"For mange temaer ({len(out)}); høyst {MAX_THEMES}."
    return tuple(out)


def _indicator_links(values: Iterable[Any] | None, errors: dict) -> tuple[IndicatorLink, ...]:
    out: list[IndicatorLink] = []
    for v in values or ():
        if isinstance(v, Mapping):
            v = IndicatorLink(str(v.get("indicator", "")), str(v.get("subject") or ""), v.get("trinn"))
        elif isinstance(v, str):
            v = IndicatorLink(v)
        code = clean_text(v.indicator)
        ind = INDICATORS.get(code)
        if ind is None:
            errors["indicators"] = f"Ukjent indikator {code!r}."
            continue
        subject = clean_text(v.subject)
        if subject and subject not in ind.subjects:
            errors["indicators"] = f"Indikatoren {ind.label} har ikke faget {subject!r}."
            continue
        trinn = v.trinn
        if trinn is not None and str(trinn).strip() != "":
            try:
                trinn = int(trinn)
            except (TypeError, ValueError):
                errors["indicators"] = f"Ugyldig trinn {trinn!r} for {ind.label}."
                continue
            if trinn not in ind.trinn:
                errors["indicators"] = f"{ind.label} finnes ikke for {trinn}. trinn."
                continue
        else:
            trinn = None
        link = IndicatorLink(code, subject, trinn)
        if link not in out:
            out.append(link)
    if len(out) > MAX_LINKS:
        errors["indicators"] = f"For mange indikatorkoblinger; høyst {MAX_LINKS}."
    return tuple(out)


def _schools(values: Iterable[Any] | None, errors: dict) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        s = clean_text(v)
        if not s:
            continue
        if not _SCHOOL_RE.match(s):
            errors["schools"] = f"Ugyldig skole-ID {s[:40]!r}."
        elif s not in out:
            out.append(s)
    if len(out) > MAX_LINKS:
        errors["schools"] = f"For mange skoler; høyst {MAX_LINKS}."
    return tuple(out)


def _periods(values: Iterable[Any] | None, errors: dict) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        s = clean_text(v)
        if not s:
            continue
        m = PERIOD_RE.match(s)
        if not m or (int(m.group(1)) + 1) % 100 != int(m.group(2)):
            errors["periods"] = f"Ugyldig skoleår {s[:20]!r}: forventet formen '2024-25'."
        elif s not in out:
            out.append(s)
    if len(out) > MAX_LINKS:
        errors["periods"] = f"For mange skoleår; høyst {MAX_LINKS}."
    return tuple(sorted(out))


def validate_fields(values: Mapping[str, Any], partial: bool = False) -> dict[str, Any]:
    """Validate and normalise the editable fields in ``values``; raise ``FindingValidationError``.

    With ``partial`` only the fields present are checked (an edit); otherwise ``text`` and ``kind``
    are required and missing fields get their defaults.
    """
    errors: dict[str, str] = {}
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        errors["fields"] = f"Ukjente felt: {', '.join(sorted(unknown))}."
    out: dict[str, Any] = {}
    if "text" in values or not partial:
        out["text"] = _check_free_text(values.get("text"), "Teksten", TEXT_MAX, True, errors, "text")
    if "kind" in values or not partial:
        out["kind"] = _check_choice(values.get("kind"), KINDS, "type funn", errors, "kind")
    if "source" in values or not partial:
        out["source"] = _check_choice(values.get("source", "workshop"), SOURCES, "kilde", errors, "source")
    if "status" in values or not partial:
        out["status"] = _check_choice(values.get("status", "forelopig"), STATUSES, "status", errors, "status")
    if "themes" in values or not partial:
        out["themes"] = _themes(values.get("themes"), errors)
    if "indicators" in values or not partial:
        out["indicators"] = _indicator_links(values.get("indicators"), errors)
    if "schools" in values or not partial:
        out["schools"] = _schools(values.get("schools"), errors)
    if "periods" in values or not partial:
        out["periods"] = _periods(values.get("periods"), errors)
    if errors:
        raise FindingValidationError(errors)
    return out


def validate_finding_in(f: FindingIn) -> FindingIn:
    """Validated, normalised copy of ``f``; raises ``FindingValidationError`` listing every problem."""
    errors: dict[str, str] = {}
    try:
        kommune_id = validate_kommune_id(f.kommune_id)
    except FindingValidationError as e:
        errors.update(e.errors)
        kommune_id = str(f.kommune_id)
    try:
        vals = validate_fields({k: getattr(f, k) for k in EDITABLE_FIELDS})
    except FindingValidationError as e:
        errors.update(e.errors)
        vals = {}
    if errors:
        raise FindingValidationError(errors)
    return replace(f, kommune_id=kommune_id, **vals)


def validate_checklist_changes(item_key: str, changes: ChecklistChanges) -> dict[str, Any]:
    """Validated changes of a checklist item as a dict of the fields to set."""
    errors: dict[str, str] = {}
    if item_key not in CHECKLIST_ITEMS:
        errors["item_key"] = f"Ukjent punkt i sjekklisten: {item_key!r}."
    out: dict[str, Any] = {}
    if changes.status is not None:
        out["status"] = _check_choice(changes.status, CHECKLIST_STATUSES, "status", errors, "status")
    if changes.responsible_role is not None:
        role = clean_text(changes.responsible_role)
        if role and role not in ROLES:
            errors["responsible_role"] = f"Ugyldig ansvarlig rolle: {role!r}."
        out["responsible_role"] = role
    if changes.clear_due_date:
        out["due_date"] = None
    elif changes.due_date is not None:
        if not isinstance(changes.due_date, date):
            errors["due_date"] = "Fristen må være en dato."
        out["due_date"] = changes.due_date
    if changes.note is not None:
        out["note"] = _check_free_text(changes.note, "Notatet", NOTE_MAX, False, errors, "note")
    if changes.evidence is not None:
        ids = []
        for v in changes.evidence:
            s = clean_text(v)
            if s and s not in ids:
                ids.append(s)
        if len(ids) > MAX_LINKS:
            errors["evidence"] = f"For mange funn som belegg; høyst {MAX_LINKS}."
        out["evidence"] = tuple(ids)
    if errors:
        raise FindingValidationError(errors)
    return out
