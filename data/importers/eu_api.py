"""Elevundersøkelsen as saved JSON from Udir's open export API (``api.statistikkbanken.udir.no/api/rest/v2/Eksport``).

A saved response of ``GET /Eksport/{id}/data?filter=…&format=0`` is a flat JSON array of records (layout in
``../shared/realdata/udir-export-api.md``). Tables 148 (EUG-Indikator: ``Spoersmaalgruppe``,
``Spoersmaalnavn``, ``Score``, ``Standardavvik``, ``AntallBesvart``) and 150 (EUG-Mobbing: ``AndelMobbet``,
``AntallBesvart``) are read; a record is one unit (``EnhetNivaa`` 1 national, 2 fylke, 3 kommune, 4 school),
school year (``Skoleaarnavn``), trinn (``Trinnnavn``), eierform and kjønn.

- Only the index rows are figures (``Spoersmaalnavn == "Alle spørsmål"``; its ``Spoersmaalgruppe`` names the
  indicator); single questions are skipped with a reason.
- Numbers are text with a decimal comma, space thousands separator and leading spaces (``"  116"``,
  ``"5 943"``, ``"4,1"``); ``*`` is suppressed (skjermet).
- Leaving the eierform or kjønn filter out returns every combination: only «Alle eierformer» is kept
  (other eierformer are skipped with a reason, never summed); kjønn becomes the canonical ``kjonn``. Records
  repeated across pages are exact duplicates and dropped once.

Protocol (issue 10): ``sniff(head) -> confidence`` and ``read(file_name, raw, report) -> canonical frame``.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd

from data.catalogue import INDICATORS
from data.importers.canonical import build
from data.importers.errors import ImportFailure
from data.importers.identity import NATIONAL_ID, NATIONAL_NAME
from data.importers.jsonstat import json_error_text
from data.importers.markers import marker_label, parse_cells, parse_count
from data.importers.protocol import Head, ImportFile, Read, SkipReason
from data.importers.report import ImportReport
from data.importers.skoleporten import EU_NAMES
from data.importers.textio import decode
from data.importers.vocab import parse_kjonn, parse_period, parse_trinn, zfill_code

FORMAT_LABEL = "Udirs eksport-API for Elevundersøkelsen (JSON)"
SOURCE = "Udir eksport-API (Elevundersøkelsen)"
LEVELS = {"1": "nasjonalt", "2": "fylke", "3": "kommune", "4": "skole"}
INDEX_QUESTION = "alle spørsmål"
_KEYS = ("skoleaarnavn", "enhetnivaa")
_MEASURES = ("spoersmaalnavn", "andelmobbet", "score")


SOURCE_NAME = "Udir eksport-API"


def sniff(head: Head) -> float:
    """Importer protocol: confidence (0–1) that a prepared JSON file is a saved export-API response."""
    if head.kind != "json" or not isinstance(head.obj, list) or not head.obj or not isinstance(head.obj[0], dict):
        return 0.0
    keys = {str(k).lower() for k in head.obj[0]}
    return 0.95 if set(_KEYS) <= keys and keys & set(_MEASURES) else 0.0


def read(file: ImportFile) -> Read:
    """Importer protocol: the prepared file read into canonical figures (no context)."""
    figures = read_records(file.name, file.raw, file.report)
    return Read(figures, None, file.report)


def sniff_bytes(head: bytes) -> float:
    """Confidence (0–1) that a file starting with ``head`` is a saved export-API response."""
    text = head[:8192].decode("utf-8", errors="ignore").lstrip("\ufeff \r\n\t")
    if not text.startswith("["):
        return 0.0
    low = text.lower()
    if all(f'"{k}"' in low for k in _KEYS) and any(f'"{k}"' in low for k in _MEASURES):
        return 0.95
    return 0.0


def _records(file_name: str, raw: bytes, report: ImportReport) -> list[dict]:
    text, report.encoding = decode(file_name, raw)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailure(file_name, f"JSON-filen kan ikke leses: {json_error_text(exc)}.", exc.lineno) from None
    if not isinstance(obj, list) or not all(isinstance(r, dict) for r in obj):
        raise ImportFailure(file_name, "Forventet en liste med poster fra Udirs eksport-API (svaret på «…/data»).")
    if not obj:
        raise ImportFailure(file_name, "Svaret fra eksport-API-et er tomt (ingen poster). Kontroller filteret.")
    return obj


def _column(recs: list[dict], name: str) -> pd.Series:
    """One field of every record as text ('' when absent or null); field names compared without case."""
    out = []
    for r in recs:
        v = next((val for key, val in r.items() if key.lower() == name.lower()), None)
        out.append("" if v is None else str(v))
    return pd.Series(out, dtype=object)


def read_records(file_name: str, raw: bytes, report: ImportReport | None = None) -> pd.DataFrame:
    """Read a saved export-API response into canonical figures. Raises ImportFailure."""
    report = report or ImportReport(file_name)
    report.format_label = FORMAT_LABEL
    recs = _records(file_name, raw, report)
    n = len(recs)
    report.rows_read = n
    get = lambda name: _column(recs, name).str.strip()  # noqa: E731
    lines = np.arange(1, n + 1, dtype=np.int64)  # record numbers stand in for line numbers
    level = get("EnhetNivaa").str.replace(r"\.0$", "", regex=True).map(LEVELS).to_numpy(dtype=object)
    period = get("Skoleaarnavn").map(parse_period).to_numpy(dtype=object)
    trinn_txt = get("Trinnnavn")
    trinn = np.array([parse_trinn(t) if parse_trinn(t) else np.nan for t in trinn_txt], dtype=float)
    kjonn_txt = get("Kjoenn")
    kjonn = np.array([parse_kjonn(k) or ("alle" if k == "" else None) for k in kjonn_txt], dtype=object)
    eierform = get("EierformNavn").str.lower()
    indicator, value, sd_text = _indicator(recs, get, report, lines)
    ids = _identity(get, level)
    keep = ~pd.isna(level) & ~pd.isna(period) & ~pd.isna(indicator) & ~pd.isna(kjonn) & (ids["unit_id"] != "")
    _skip_reasons(report, lines, level, period, indicator, kjonn, ids["unit_id"])
    other_owner = keep & ~eierform.isin(["", "alle eierformer"]).to_numpy()
    if other_owner.any():
        report.skip(SkipReason.EIERFORM_SUBGROUP, int(other_owner.sum()), lines[other_owner][:5].tolist(),
                    detail="offentlig/privat")
    keep &= ~other_owner
    val, marker, suppressed, unknown = parse_cells(value)
    if (unknown & keep).any():
        report.skip(SkipReason.BAD_VALUE, int((unknown & keep).sum()),
                    lines[unknown & keep][:5].tolist())
    keep &= ~unknown
    for m, c in pd.Series(np.asarray(marker)[keep]).value_counts().items():
        if m:
            report.markers[f"{m} – {marker_label(m)}"] += int(c)
    units = np.array([INDICATORS[c].unit_of_measure if c in INDICATORS else "" for c in indicator], dtype=object)
    cols = {
        **ids, "level": level, "indicator": np.where(pd.isna(indicator), "", indicator), "subject": "",
        "trinn": trinn, "kjonn": np.where(pd.isna(kjonn), "", kjonn), "period": np.where(pd.isna(period), "", period),
        "value": np.where(suppressed, np.nan, val), "n": parse_count(get("AntallBesvart")),
        "sd": parse_count(sd_text), "suppressed": suppressed, "marker": marker, "unit_of_measure": units,
        "source": SOURCE,
    }
    if not keep.any():
        raise ImportFailure(file_name, "Ingen av postene kunne brukes (se hoppet over).")
    return build(file_name, cols, lines, keep, report, prefer_sort=None)


def _indicator(recs, get, report, lines) -> tuple[np.ndarray, pd.Series, pd.Series]:
    """(indicator code or None per record, value text, SD text)."""
    question = get("Spoersmaalnavn")
    group = get("Spoersmaalgruppe")
    has_question = question != ""
    is_index = ~has_question | (question.str.lower() == INDEX_QUESTION)
    mobbing = _column(recs, "AndelMobbet")
    is_mobbing = pd.Series([any(k.lower() == "andelmobbet" for k in r) for r in recs])
    name = np.where(group != "", group, question).astype(object)
    code = np.array([_eu_code(x) for x in name], dtype=object)
    code = np.where(is_mobbing, "eu_mobbing", code)
    single = (~is_index).to_numpy()
    if single.any():
        report.skip(SkipReason.SINGLE_QUESTION, int(single.sum()),
                    lines[single][:5].tolist())
    code = np.where(single, None, code)
    unknown = ~single & pd.isna(code).astype(bool)
    for nm, cnt in pd.Series(name[unknown]).value_counts().items():
        report.units_unknown[f"Indikator «{nm}»"] += int(cnt)
    if unknown.any():
        report.skip(SkipReason.UNKNOWN_ROW_INDICATOR, int(unknown.sum()), lines[unknown][:5].tolist())
    value = pd.Series(np.where(is_mobbing, mobbing, _column(recs, "Score")), dtype=object)
    sd = pd.Series(np.where(is_mobbing, "", _column(recs, "Standardavvik")), dtype=object)
    return code, value, sd


def _eu_code(text: str) -> str | None:
    t = re.sub(r"\s*\((prosent|snitt|gjennomsnitt)\)\s*$", "", str(text).strip(), flags=re.IGNORECASE).lower()
    return EU_NAMES.get(t)


def _identity(get, level: np.ndarray) -> dict[str, np.ndarray]:
    fylke = get("Fylkekode").map(lambda x: zfill_code(x, 2)).to_numpy(dtype=object)
    kom = get("Kommunekode").map(lambda x: zfill_code(x, 4)).to_numpy(dtype=object)
    org = get("Organisasjonsnummer").map(lambda x: zfill_code(x, 9)).to_numpy(dtype=object)
    n = len(level)
    unit_id, unit_name, kommune_id = np.full(n, "", dtype=object), np.full(n, "", dtype=object), np.full(n, "", object)
    is_nat, is_fyl, is_kom, is_sch = (level == "nasjonalt"), (level == "fylke"), (level == "kommune"), (level == "skole")
    unit_id[is_nat], unit_name[is_nat] = NATIONAL_ID, NATIONAL_NAME
    unit_id[is_fyl], unit_name[is_fyl] = fylke[is_fyl], get("Fylke").to_numpy(dtype=object)[is_fyl]
    kom_ok = np.array([bool(re.fullmatch(r"\d{4}", str(k))) for k in kom])
    unit_id[is_kom & kom_ok], kommune_id[is_kom | is_sch] = kom[is_kom & kom_ok], kom[is_kom | is_sch]
    unit_name[is_kom] = get("Kommune").to_numpy(dtype=object)[is_kom]
    org_ok = np.array([bool(re.fullmatch(r"\d{9}", str(o))) for o in org])
    unit_id[is_sch & org_ok] = org[is_sch & org_ok]
    unit_name[is_sch] = get("EnhetNavn").to_numpy(dtype=object)[is_sch]
    fylke_id = np.where(is_nat, "", fylke)
    return {"unit_id": unit_id, "unit_name": unit_name, "kommune_id": kommune_id, "fylke_id": fylke_id}


def _skip_reasons(report, lines, level, period, indicator, kjonn, unit_id) -> None:
    checks = [
        (pd.isna(level), SkipReason.UNKNOWN_LEVEL),
        (~pd.isna(level) & pd.isna(period), SkipReason.UNKNOWN_PERIOD),
        (~pd.isna(level) & ~pd.isna(period) & pd.isna(kjonn), SkipReason.UNKNOWN_KJONN),
        (~pd.isna(level) & (unit_id == ""), SkipReason.MISSING_UNIT_ID),
    ]
    for mask, reason in checks:
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            report.skip(reason, int(mask.sum()), lines[mask][:5].tolist())
