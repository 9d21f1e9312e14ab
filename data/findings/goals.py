"""Goals for gjennomføringsfasen: values, validation and the row mappers (the domain of ``goal_store``).

A goal belongs to a kommune and may link to one of its utfordring findings. It names an indicator
(with subject and trinn), the unit it is measured on (the kommune, or one school by its orgnr/unit id),
the forfase baseline (the window's school years, and the pooled value with its interval and pupils,
computed by the app and stored for the record), a target value and target school year, the tiltak,
the responsible role (skoleeier or skole), the kompetansemiljø and the follow-up schedule.

Same rules as findings (``data.findings.validation``): plain text only, NFC, length limits, no
fødselsnummer; every change is versioned and logged in ``change_log`` (entity ``goal``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from data.catalogue import INDICATORS
from data.findings.models import GoalRow
from data.findings.validation import (
    FindingValidationError,
    _check_choice,
    _check_free_text,
    clean_text,
    validate_kommune_id,
)
from data.language import Labels
from data.numbers import fmt_number
from data.schema import PERIOD_RE

# Labels in the active language (they appear in validation messages: «Vel ein av: …»).
UNIT_LEVELS = Labels({"kommune": "Kommunen", "skole": "Skole"}, {"kommune": "Kommunen", "skole": "Skule"})
RESPONSIBLE = Labels({"skoleeier": "Skoleeier", "skole": "Skolen (skoleleder)"},
                     {"skoleeier": "Skuleeigar", "skole": "Skulen (skuleleiar)"})
TILTAK_MAX = 4000
SHORT_MAX = 1000
_UNIT_RE = re.compile(r"^[0-9A-Za-z_.\-]{1,40}$")


@dataclass(frozen=True)
class GoalIn:
    """A goal as typed by a user (before validation). Baseline numbers may be ``None`` (no data)."""

    kommune_id: str
    indicator: str
    target_value: float
    target_year: str
    subject: str = ""
    trinn: int | None = None
    unit_level: str = "kommune"
    unit_id: str = ""
    finding_id: str | None = None
    baseline_periods: tuple[str, ...] = ()
    baseline_value: float | None = None
    baseline_lower: float | None = None
    baseline_upper: float | None = None
    baseline_n: float | None = None
    tiltak: str = ""
    responsible: str = "skoleeier"
    kompetansemiljo: str = ""
    followup: str = ""


# Fields a user may change with ``GoalStore.update`` (everything but the kommune).
GOAL_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(GoalIn) if f.name != "kommune_id")


@dataclass(frozen=True)
class Goal(GoalIn):
    """A stored goal (immutable; safe in Streamlit session state)."""

    id: str = ""
    author_name: str = ""
    author_role: str = ""
    updated_by_name: str = ""
    updated_by_role: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0
    deleted: bool = False
    deleted_at: datetime | None = None

    @property
    def responsible_label(self) -> str:
        return RESPONSIBLE.get(self.responsible, self.responsible)

    def editable(self) -> dict[str, Any]:
        """The user-editable fields as a dict (the shape ``update`` takes)."""
        return {f: getattr(self, f) for f in GOAL_FIELDS}


# ------------------------------------------------------------------------------------------------
# Validation
# ------------------------------------------------------------------------------------------------
def _number(value: Any, what: str, errors: dict, key: str, required: bool) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors[key] = f"{what} mangler."
        return None
    try:
        x = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        errors[key] = f"{what} må være et tall."
        return None
    if not math.isfinite(x):
        if required:
            errors[key] = f"{what} må være et tall."
        return None
    return x


def _period(value: Any, what: str, errors: dict, key: str) -> str:
    s = clean_text(value)
    m = PERIOD_RE.match(s)
    if not m or (int(m.group(1)) + 1) % 100 != int(m.group(2)):
        errors[key] = f"Ugyldig {what} {s[:20]!r}: forventet formen '2027-28'."
    return s


def _indicator(vals: Mapping[str, Any], errors: dict) -> tuple[str, str, int | None]:
    code = clean_text(vals.get("indicator"))
    ind = INDICATORS.get(code)
    if ind is None:
        errors["indicator"] = f"Ukjent indikator {code!r}."
        return code, "", None
    subject = clean_text(vals.get("subject"))
    if subject and subject not in ind.subjects:
        errors["subject"] = f"Indikatoren {ind.label} har ikke faget {subject!r}."
    trinn = vals.get("trinn")
    if trinn is None or str(trinn).strip() == "":
        return code, subject, None
    try:
        trinn = int(trinn)
    except (TypeError, ValueError):
        errors["trinn"] = f"Ugyldig trinn {trinn!r}."
        return code, subject, None
    if trinn not in ind.trinn:
        errors["trinn"] = f"{ind.label} finnes ikke for {trinn}. trinn."
    return code, subject, trinn


def _unit(vals: Mapping[str, Any], kommune_id: str, errors: dict) -> tuple[str, str]:
    level = _check_choice(vals.get("unit_level", "kommune"), UNIT_LEVELS, "enhet", errors, "unit_level")
    unit_id = clean_text(vals.get("unit_id")) or (kommune_id if level == "kommune" else "")
    if level == "skole" and not _UNIT_RE.match(unit_id):
        errors["unit_id"] = "Velg skolen målet gjelder."
    elif level == "kommune" and kommune_id and unit_id != kommune_id:
        errors["unit_id"] = "Et mål for kommunen må ha kommunens nummer som enhet."
    return level, unit_id


def _baseline(vals: Mapping[str, Any], errors: dict) -> dict[str, Any]:
    periods = []
    for p in vals.get("baseline_periods") or ():
        s = _period(p, "skoleår i utgangspunktet", errors, "baseline_periods")
        if s and s not in periods:
            periods.append(s)
    out: dict[str, Any] = {"baseline_periods": tuple(sorted(periods))}
    for k, what in (("baseline_value", "Utgangsverdien"), ("baseline_lower", "Nedre grense"),
                    ("baseline_upper", "Øvre grense"), ("baseline_n", "Antall elever")):
        out[k] = _number(vals.get(k), what, errors, k, False)
    return out


def _plan_texts(vals: Mapping[str, Any], errors: dict) -> dict[str, Any]:
    out = {"tiltak": _check_free_text(vals.get("tiltak"), "Tiltakene", TILTAK_MAX, False, errors, "tiltak")}
    for k, what in (("kompetansemiljo", "Kompetansemiljøet"), ("followup", "Oppfølgingsplanen")):
        out[k] = _check_free_text(vals.get(k), what, SHORT_MAX, False, errors, k)
    out["responsible"] = _check_choice(vals.get("responsible", "skoleeier"), RESPONSIBLE, "ansvarlig",
                                       errors, "responsible")
    return out


def validate_goal_values(kommune_id: str, vals: Mapping[str, Any]) -> dict[str, Any]:
    """Validated, normalised goal fields (every field of ``GOAL_FIELDS``); raises
    ``FindingValidationError`` listing every problem (Norwegian messages)."""
    errors: dict[str, str] = {}
    unknown = set(vals) - set(GOAL_FIELDS)
    if unknown:
        errors["fields"] = f"Ukjente felt: {', '.join(sorted(unknown))}."
    out: dict[str, Any] = {}
    out["indicator"], out["subject"], out["trinn"] = _indicator(vals, errors)
    out["unit_level"], out["unit_id"] = _unit(vals, kommune_id, errors)
    out["finding_id"] = clean_text(vals.get("finding_id")) or None
    out.update(_baseline(vals, errors))
    out["target_value"] = _number(vals.get("target_value"), "Målverdien", errors, "target_value", True)
    ind = INDICATORS.get(out["indicator"])
    if ind is not None and out["target_value"] is not None and not ind.value_min <= out["target_value"] <= ind.value_max:
        errors["target_value"] = (f"Målverdien for {ind.label} må ligge mellom {fmt_number(ind.value_min, 0)} og "
                                  f"{fmt_number(ind.value_max, 0)}.")
    out["target_year"] = _period(vals.get("target_year"), "målår", errors, "target_year")
    out.update(_plan_texts(vals, errors))
    if errors:
        raise FindingValidationError(errors)
    return out


def validate_goal_in(g: GoalIn) -> GoalIn:
    """Validated copy of a new goal."""
    errors: dict[str, str] = {}
    try:
        kid = validate_kommune_id(g.kommune_id)
    except FindingValidationError as e:
        errors.update(e.errors)
        kid = ""
    try:
        vals = validate_goal_values(kid, {f: getattr(g, f) for f in GOAL_FIELDS})
    except FindingValidationError as e:
        errors.update(e.errors)
        vals = {}
    if errors:
        raise FindingValidationError(errors)
    return replace(g, kommune_id=kid, **vals)


# ------------------------------------------------------------------------------------------------
# Mappers
# ------------------------------------------------------------------------------------------------
_ROW_ONLY = ("id", "author_name", "author_role", "updated_by_name", "updated_by_role", "created_at",
             "updated_at", "version", "deleted_at")


def goal_from_row(row: GoalRow) -> Goal:
    """The immutable ``Goal`` of a loaded row."""
    vals = {f: getattr(row, f) for f in GOAL_FIELDS if f != "baseline_periods"}
    periods = tuple(p for p in (row.baseline_periods or "").split(",") if p)
    return Goal(kommune_id=row.kommune_id, baseline_periods=periods, deleted=bool(row.deleted),
                **vals, **{f: getattr(row, f) for f in _ROW_ONLY})


def set_goal_fields(row: GoalRow, vals: Mapping[str, Any]) -> None:
    """Write validated goal fields onto a row (the periods as one comma-separated column)."""
    for k, v in vals.items():
        setattr(row, k, ",".join(v) if k == "baseline_periods" else v)


def goal_snapshot(g: Goal) -> dict[str, Any]:
    """JSON-safe snapshot of a goal's content (what history before/after hold)."""
    out = {f: getattr(g, f) for f in GOAL_FIELDS}
    out["baseline_periods"] = list(g.baseline_periods)
    out.update(kommune_id=g.kommune_id, deleted=g.deleted, version=g.version)
    return out
