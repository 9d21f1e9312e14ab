"""Udir statistikkbanken exports ("Eksporter" → CSV or Excel), two layouts seen in the real samples.

*Units in rows* (nasjonale prøver, grunnskolepoeng): id columns ``EnhetNivaa, Nasjonaltkode, Fylkekode,
Kommunekode, Organisasjonsnummer, Nasjonalt, Fylke, Kommune, EnhetNavn`` and one value column per
combination, its header a dotted path such as
``2024-25.Lesing.5. årstrinn.Alle eierformer.Alle kjønn.Skalapoeng`` (``…Antall elever deltatt`` gives n,
``….Brudd`` columns hold break texts).

*Indicators in rows* (Elevundersøkelsen): ``IndikatorNivaa, Indikatorkode_Over, Indikatorkode,
Indikatornavn_Over, Indikatornavn`` and value columns whose dotted headers carry the geography
(``2020-21.Hele landet.Vestfold og Telemark.Alle skoler.….Begge kjønn.Prosentandel``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from data.catalogue import INDICATORS
from data.importers.canonical import build
from data.importers.errors import ImportFailure
from data.importers.identity import NATIONAL_ID, NATIONAL_NAME, synthetic_school_id
from data.importers.kommuner import check_fylke_of_kommune, orgnr_valid
from data.importers.markers import marker_label, parse_cells, parse_count
from data.importers.protocol import Head, ImportFile, Read, Skip, SkipReason
from data.importers.report import ImportReport
from data.importers.skoleporten import EU_NAMES
from data.importers.vocab import (
    EIERFORM_WORDS,
    SUBJECTS,
    fylke_code,
    parse_kjonn,
    parse_period,
    parse_trinn,
    schema_start_year,
    zfill_code,
)

FORMAT_UNITS = "Udir statistikkbanken (enheter i rader)"
FORMAT_INDICATORS = "Udir statistikkbanken (indikatorer i rader)"
SOURCE = "Udir statistikkbanken"
ID_COLUMNS = ["EnhetNivaa", "Nasjonaltkode", "Fylkekode", "Kommunekode", "Organisasjonsnummer", "Nasjonalt",
              "Fylke", "Kommune", "EnhetNavn"]
ROW_ID_COLUMNS = ["IndikatorNivaa", "Indikatorkode_Over", "Indikatorkode", "Indikatornavn_Over", "Indikatornavn"]
LEVELS = {"1": "nasjonalt", "2": "fylke", "3": "kommune", "4": "skole"}
_DOT_SPLIT = re.compile(r"\.(?! )")
_LEVEL_RX = re.compile(r"mestringsnivå\s*(\d)", re.IGNORECASE)
_ALL_PROGRAMME = "alle utdanningsprogram"


def looks_like_units(header: str) -> bool:
    return "enhetnivaa" in header.lower()


def looks_like_indicators(header: str) -> bool:
    h = header.lower()
    return "indikatornivaa" in h or "indikatornavn" in h


SOURCE_NAME = SOURCE


def sniff(head: Head) -> float:
    """Certain for a CSV or xlsx whose header has statistikkbanken's id columns."""
    if head.kind not in ("text", "xlsx"):
        return 0.0
    return 0.9 if looks_like_units(head.header) or looks_like_indicators(head.header) else 0.0


def read(file: ImportFile) -> Read:
    """Either layout (units in rows, indicators in rows), decided by the columns."""
    holder = [file.text_frame()]
    file.frame = None
    reader = read_units if looks_like_units(" ".join(str(c) for c in holder[0].columns)) else read_indicators
    figures = reader(file.name, holder.pop(), file.header_line, file.report)  # the reader holds the only reference
    return Read(figures, None, file.report)


@dataclass
class ColSpec:
    """What one dotted value-column header says."""

    header: str
    position: int
    period: str
    measure: str
    is_break: bool = False
    subject: str = ""
    trinn: int | None = None
    kjonn: str = "alle"
    eierform: str | None = None
    programme: list[str] = field(default_factory=list)
    geo: list[str] = field(default_factory=list)
    indicator_token: str | None = None
    role: str = ""  # 'value', 'n', 'sd' or '' (unknown)
    indicator: str | None = None  # catalogue code (or None = from the row)

    def group(self) -> tuple:
        return (self.period, self.subject, self.trinn, self.kjonn, self.eierform, tuple(self.programme),
                tuple(self.geo), self.indicator_token)


def _eu_code(text: str) -> str | None:
    t = re.sub(r"\s*\((prosent|snitt|gjennomsnitt)\)\s*$", "", str(text).strip(), flags=re.IGNORECASE).lower()
    return EU_NAMES.get(t)


def parse_header(header: str, position: int) -> ColSpec | None:
    """Parse a dotted value-column header; None when it does not start with a school year."""
    tokens = [t.strip() for t in _DOT_SPLIT.split(str(header))]
    period = parse_period(tokens[0]) if tokens else None
    if period is None or len(tokens) < 2:
        return None
    is_break = tokens[-1].lower() == "brudd"
    if is_break:
        tokens = tokens[:-1]
    spec = ColSpec(header=header, position=position, period=period, measure=tokens[-1], is_break=is_break)
    for tok in tokens[1:-1]:
        low = tok.lower()
        if parse_kjonn(tok):
            spec.kjonn = parse_kjonn(tok)
        elif low in EIERFORM_WORDS:
            spec.eierform = low
        elif "trinn" in low and parse_trinn(tok) is not None:  # «5. årstrinn», «7. trinn», «Trinn 7»
            spec.trinn = parse_trinn(tok)
        elif low in SUBJECTS:
            spec.subject = SUBJECTS[low]
        elif "utdanningsprogram" in low or low in {"studieforberedende", "yrkesfaglig"}:
            spec.programme.append(low)
        elif _eu_code(tok):
            spec.indicator_token = _eu_code(tok)
        else:
            spec.geo.append(tok)
    m = spec.measure.lower()
    lvl = _LEVEL_RX.search(m)
    if m == "skalapoeng":
        spec.role, spec.indicator = "value", "np_skalapoeng"
    elif m == "usikkerhet":
        # Udir's ± half-width for the skalapoeng of the same group: an attribute of that figure
        # (canonical ``udir_margin``), not a result of its own.
        spec.role = "margin"
    elif m == "grunnskolepoeng":
        spec.role, spec.indicator = "value", "grunnskolepoeng"
    elif lvl and f"np_mestring_{lvl.group(1)}" in INDICATORS:
        spec.role, spec.indicator = "value", f"np_mestring_{lvl.group(1)}"
    elif m.startswith("antall"):
        spec.role = "n"
    elif m in {"standardavvik", "sd"}:
        spec.role = "sd"
    elif m in {"snitt", "gjennomsnitt", "prosentandel", "andel", "prosent", "andel mobbet", "indeksverdi"}:
        spec.role, spec.indicator = "value", spec.indicator_token  # None: the row says which indicator
    return spec


def _column_filters(spec: ColSpec) -> Skip | None:
    """Reason to leave a value column out, or None."""
    if spec.eierform and spec.eierform != "alle eierformer":
        return SkipReason.EIERFORM_SUBGROUP.text(spec.eierform)
    if any(p not in (_ALL_PROGRAMME,) for p in spec.programme):
        return SkipReason.PROGRAMME_SUBGROUP.text()
    return None


def _pair_columns(specs: list[ColSpec], report: ImportReport) -> tuple[list[ColSpec], dict, dict, dict]:
    n_cols = {s.group(): s for s in specs if s.role == "n" and not s.is_break}
    sd_cols = {s.group(): s for s in specs if s.role == "sd" and not s.is_break}
    breaks = {(s.group(), s.measure.lower()): s for s in specs if s.is_break}
    values = [s for s in specs if s.role == "value" and not s.is_break]
    for s in specs:
        if not s.role and not s.is_break:
            report.units_unknown[f"Kolonne «{s.header}» (måleenhet «{s.measure}»)"] += 1
    return values, n_cols, sd_cols, breaks


def _plain_number(text) -> str:
    """An id cell as text: Excel's '975280888.0' -> '975280888'; no padding."""
    s = str(text).strip() if text is not None else ""
    return s[:-2] if s.endswith(".0") and s[:-2].isdigit() else s


def _texts(frame: pd.DataFrame, col: str) -> pd.Series:
    """A column as text with missing cells as ''; a categorical (dictionary-read CSV) stays categorical."""
    ser = frame[col]
    if isinstance(ser.dtype, pd.CategoricalDtype):
        if ser.isna().any():
            if "" not in ser.cat.categories:
                ser = ser.cat.add_categories([""])
            ser = ser.fillna("")
        return ser
    return ser.fillna("").astype(str)


def read_units(file_name: str, frame: pd.DataFrame, header_line: int, report: ImportReport) -> pd.DataFrame:
    """Units-in-rows layout (``frame``: all text, the file's header as columns)."""
    report.format_label = FORMAT_UNITS
    cols = {c.strip().lower(): c for c in frame.columns}
    if "enhetnivaa" not in cols:
        raise ImportFailure(file_name, "Mangler kolonnen EnhetNivaa (forventet statistikkbankens id-kolonner "
                            f"{', '.join(ID_COLUMNS)}).", header_line)
    specs = [s for i, c in enumerate(frame.columns) if (s := parse_header(c, i)) is not None]
    others = [c for c in frame.columns if c.strip().lower() not in {x.lower() for x in ID_COLUMNS}
              and parse_header(c, 0) is None]
    if others:
        report.note(f"Kolonner som ikke brukes, er hoppet over: {', '.join(others[:8])}.")
    values, n_cols, sd_cols, breaks = _pair_columns(specs, report)
    margins = {s.group(): s for s in specs if s.role == "margin" and not s.is_break}
    if margins:
        report.note("«Usikkerhet» er lagret som Udirs usikkerhet (±) for skalapoengene i samme kolonnegruppe "
                    "og brukes som intervall for dem.")
    if not values:
        raise ImportFailure(file_name, "Fant ingen tallkolonner. Forventet overskrifter som "
                            "«2024-25.Lesing.5. årstrinn.Alle eierformer.Alle kjønn.Skalapoeng».", header_line)
    n = len(frame)
    report.rows_read = n
    if n == 0:
        raise ImportFailure(file_name, "Filen har bare overskriftslinjen og ingen tall.", header_line)
    lines = np.arange(n, dtype=np.int64) + header_line + 1
    level, unit_id, unit_name, kommune_id, fylke_id, bad_level, bad_kom = _unit_columns(frame, cols, n, report, lines)

    parts, part_lines = [], []
    marker_counts: dict[str, int] = defaultdict(int)
    for spec in values:
        reason = _column_filters(spec)
        if reason:
            report.skip(reason, n)
            continue
        if spec.indicator is None:
            report.units_unknown[f"Kolonne «{spec.header}»"] += 1
            report.skip(SkipReason.NO_INDICATOR_COLUMN, n)
            continue
        value, marker, suppressed, unknown = parse_cells(_texts(frame, spec.header))
        nn = parse_count(_texts(frame, n_cols[spec.group()].header)) if spec.group() in n_cols else np.full(n, np.nan)
        sd = parse_count(_texts(frame, sd_cols[spec.group()].header)) if spec.group() in sd_cols else np.full(n, np.nan)
        margin = _margin(frame, margins, spec, n)
        keep = ~bad_level & ~unknown & ~bad_kom
        for m in pd.unique(marker[keep & (marker != "")]) if keep.any() else []:
            marker_counts[m] += int(((marker == m) & keep).sum())
        for m in pd.unique(marker[~bad_level & unknown]):
            report.units_unknown[f"Verdi «{m}»"] += int(((marker == m) & unknown & ~bad_level).sum())
        if (unknown & ~bad_level).any():
            report.skip(SkipReason.BAD_VALUE, int((unknown & ~bad_level).sum()),
                        lines[unknown & ~bad_level][:5].tolist())
        empty = keep & (marker == "") & np.isnan(value)
        marker_counts[""] += int(empty.sum())
        parts.append({
            "level": level, "unit_id": unit_id, "unit_name": unit_name, "kommune_id": kommune_id,
            "fylke_id": fylke_id, "indicator": spec.indicator, "subject": spec.subject,
            "trinn": _trinn(spec), "kjonn": spec.kjonn, "period": spec.period,
            "value": np.where(suppressed, np.nan, value), "n": nn, "sd": sd, "suppressed": suppressed,
            "marker": marker, "unit_of_measure": INDICATORS[spec.indicator].unit_of_measure, "source": SOURCE,
            "udir_margin": np.where(suppressed, np.nan, margin), "_keep": keep,
        })
        part_lines.append(lines)
    if bad_level.any():
        report.skip(SkipReason.UNKNOWN_LEVEL, int(bad_level.sum()), lines[bad_level][:5].tolist())
    if bad_kom.any():
        report.skip(SkipReason.BAD_KOMMUNE, int(bad_kom.sum()), lines[bad_kom][:5].tolist())
    _break_notes(frame, breaks, report)
    for m, c in marker_counts.items():
        if c:
            report.markers[f"{m or 'tom'} – {marker_label(m)}"] += c
    if not parts:
        raise ImportFailure(file_name, "Ingen av tallkolonnene kunne brukes (se hoppet over).", header_line)
    del frame  # the text table is not needed while the canonical frame is built
    return _assemble(file_name, parts, part_lines, report, prefer_sort=["kommune_id"])


def _margin(frame: pd.DataFrame, margins: dict, spec: ColSpec, n: int) -> np.ndarray:
    """Udir's «Usikkerhet» (±) for a skalapoeng column, NaN for other figures or where it is missing."""
    if spec.indicator != "np_skalapoeng" or spec.group() not in margins:
        return np.full(n, np.nan)
    value, _, _, _ = parse_cells(_texts(frame, margins[spec.group()].header))
    return np.where(value >= 0, value, np.nan)


def _unit_columns(frame: pd.DataFrame, cols: dict[str, str], n: int, report: ImportReport, lines: np.ndarray):
    """Level, unit id and name, kommune and fylke per row from the id columns; bad levels and kommune numbers."""
    get = lambda name: _texts(frame, cols[name.lower()]) if name.lower() in cols else pd.Series([""] * n)  # noqa: E731
    lvl_raw = get("EnhetNivaa").str.strip().str.replace(r"\.0$", "", regex=True)
    level = lvl_raw.map(LEVELS).to_numpy(dtype=object)
    bad_level = pd.isna(level)
    fylke = get("Fylkekode").map(lambda x: zfill_code(x, 2)).to_numpy(dtype=object)
    kom = get("Kommunekode").map(lambda x: zfill_code(x, 4)).to_numpy(dtype=object)
    org = get("Organisasjonsnummer").map(_plain_number).to_numpy(dtype=object)  # never padded: 8 digits is wrong
    name_school = get("EnhetNavn").str.strip().to_numpy(dtype=object)
    name_kom = get("Kommune").str.strip().to_numpy(dtype=object)
    name_fyl = get("Fylke").str.strip().to_numpy(dtype=object)
    unit_id = np.empty(n, dtype=object)
    unit_name = np.empty(n, dtype=object)
    kommune_id = np.full(n, "", dtype=object)
    fylke_id = np.where(np.isin(fylke, ["00", "0", ""]), "", fylke)
    is_nat, is_fyl, is_kom, is_sch = (level == "nasjonalt"), (level == "fylke"), (level == "kommune"), (level == "skole")
    unit_id[is_nat], unit_name[is_nat] = NATIONAL_ID, NATIONAL_NAME
    unit_id[is_fyl], unit_name[is_fyl] = fylke[is_fyl], name_fyl[is_fyl]
    unit_id[is_kom], unit_name[is_kom], kommune_id[is_kom] = kom[is_kom], name_kom[is_kom], kom[is_kom]
    org_ok = pd.Series(org, dtype=object).astype("category").map(orgnr_valid).to_numpy(dtype=bool)
    unit_id[is_sch & org_ok] = org[is_sch & org_ok]
    unit_name[is_sch] = name_school[is_sch]
    kommune_id[is_sch] = kom[is_sch]
    no_org = is_sch & (org == "")
    if no_org.any():
        unit_id[no_org] = [synthetic_school_id(k, nm) for k, nm in zip(kom[no_org], name_school[no_org])]
        report.note(f"{int(no_org.sum())} skolerader mangler organisasjonsnummer; de er knyttet til skolen med "
                    "samme navn i samme kommune.")
    fylke_id[is_nat] = ""
    kom_ok = pd.Series(kom, dtype=object).astype(str).str.fullmatch(r"\d{4}").to_numpy(dtype=bool)
    bad_kom = is_kom & ~kom_ok
    for mask, reason in ((is_sch & ~kom_ok, SkipReason.BAD_SCHOOL_KOMMUNE),
                         (is_sch & kom_ok & ~org_ok & (org != ""), SkipReason.BAD_ORGNR)):
        if mask.any():
            report.skip(reason, int(mask.sum()), lines[mask][:5].tolist())
            bad_kom = bad_kom | mask
    check_fylke_of_kommune(report.file_name, kom, fylke, (is_kom | is_sch) & kom_ok, lines)

    return level, unit_id, unit_name, kommune_id, fylke_id, bad_level, bad_kom


def _break_notes(frame: pd.DataFrame, breaks: dict, report: ImportReport) -> None:
    texts: dict[str, int] = defaultdict(int)
    for spec in breaks.values():
        for txt, cnt in _texts(frame, spec.header).str.strip().value_counts().items():
            if txt:
                for piece in txt.split("<< 2. Bruddtekst >>"):
                    texts[piece.strip()] += int(cnt)
    for txt, cnt in sorted(texts.items(), key=lambda kv: -kv[1])[:10]:
        report.note(f"Brudd i tidsserien ({cnt} celler): {txt}")


_NUMERIC = ("value", "n", "sd", "trinn")


def _assemble(file_name, parts, part_lines, report, prefer_sort=None) -> pd.DataFrame:
    """One canonical frame from the per-column parts, kept rows only, text columns as categorical codes.

    The unit columns are the same arrays in every part: they are factorised once and their codes
    repeated, so memory grows with the figures (codes and floats), not with one string per cell.
    """
    keeps = [np.asarray(p["_keep"], dtype=bool) for p in parts]
    sizes = [int(k.sum()) for k in keeps]
    cols: dict[str, object] = {}
    cache: dict[int, tuple[np.ndarray, list[str]]] = {}
    for key in parts[0]:
        if key == "_keep":
            continue
        if key in _NUMERIC or key == "suppressed":
            dtype = bool if key == "suppressed" else float
            cols[key] = np.concatenate([np.full(sz, p[key], dtype=dtype) if np.isscalar(p[key])
                                        else np.asarray(p[key], dtype=dtype)[k]
                                        for p, k, sz in zip(parts, keeps, sizes)]) if parts else np.array([])
        else:
            cols[key] = _concat_categorical([p[key] for p in parts], keeps, sizes, cache)
    lines = np.concatenate([pl[k] for pl, k in zip(part_lines, keeps)]) if part_lines else np.zeros(0, np.int64)
    parts.clear()  # the per-column arrays are in ``cols`` now
    cache.clear()
    order = np.argsort(lines, kind="stable")  # file order (one line gives a row per value column): no sort later
    lines = lines[order]
    for key, v in cols.items():
        cols[key] = v[order]
    del order
    return build(file_name, cols, lines, np.ones(len(lines), dtype=bool), report, prefer_sort=prefer_sort)


def _factor(v, cache: dict) -> tuple[np.ndarray, list[str]]:
    """(codes, categories) of a text array or categorical, missing as ''; cached per array object."""
    hit = cache.get(id(v))
    if hit is not None and hit[2] is v:
        return hit[0], hit[1]
    if isinstance(v, pd.Categorical):
        cats = [str(c) for c in v.categories] + [""]
        codes = np.where(v.codes < 0, len(cats) - 1, v.codes)
    else:
        codes, uniq = pd.factorize(pd.Series(v, dtype=object).fillna("").astype(str))
        cats = [str(c) for c in uniq]
    cache[id(v)] = (codes, cats, v)
    return codes, cats


def _concat_categorical(values: list, keeps: list[np.ndarray], sizes: list[int], cache: dict) -> pd.Categorical:
    """Concatenate per-part scalars or arrays (kept rows only) into one categorical without per-row strings."""
    index: dict[str, int] = {}
    chunks = []
    mappings: dict[int, np.ndarray] = {}
    for v, keep, size in zip(values, keeps, sizes):
        if np.isscalar(v) or v is None:
            code = index.setdefault(str(v or ""), len(index))
            chunks.append(np.full(size, code, dtype=np.int32))
            continue
        codes, cats = _factor(v, cache)
        if id(v) not in mappings:  # the unit columns are one array shared by every part: map it once
            mappings[id(v)] = np.array([index.setdefault(c, len(index)) for c in cats], dtype=np.int32)
        chunks.append(mappings[id(v)][codes[keep]])
    codes = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int32)
    cats = list(index)
    order = sorted(range(len(cats)), key=cats.__getitem__)  # sorted categories: sorting rows sorts text
    rank = np.empty(len(cats), dtype=np.int32)
    rank[order] = np.arange(len(cats), dtype=np.int32)
    return pd.Categorical.from_codes(rank[codes] if len(cats) else codes,
                                     categories=pd.Index([cats[i] for i in order], dtype=object))


def read_indicators(file_name: str, frame: pd.DataFrame, header_line: int, report: ImportReport) -> pd.DataFrame:
    """Indicators-in-rows layout: the row names the indicator, the column header the unit and group."""
    report.format_label = FORMAT_INDICATORS
    cols = {c.strip().lower(): c for c in frame.columns}
    name_col = cols.get("indikatornavn")
    if name_col is None:
        raise ImportFailure(file_name, "Mangler kolonnen Indikatornavn (forventet "
                            f"{', '.join(ROW_ID_COLUMNS)}).", header_line)
    specs = [s for i, c in enumerate(frame.columns) if (s := parse_header(c, i)) is not None]
    values, n_cols, sd_cols, breaks = _pair_columns(specs, report)
    n = len(frame)
    report.rows_read = n
    if n == 0:
        raise ImportFailure(file_name, "Filen har bare overskriftslinjen og ingen tall.", header_line)
    if not values:
        raise ImportFailure(file_name, "Fant ingen tallkolonner (forventet overskrifter som "
                            "«2021-22.Hele landet.Alle fylker.Alle skoler.….Begge kjønn.Prosentandel»).", header_line)
    lines = np.arange(n, dtype=np.int64) + header_line + 1
    names = _texts(frame, name_col).str.strip()
    row_code = names.map(_eu_code).to_numpy(dtype=object)
    unknown_rows = pd.isna(row_code)
    for nm, cnt in names[unknown_rows].value_counts().items():
        report.units_unknown[f"Indikator «{nm}»"] += int(cnt)
    parts, part_lines = [], []
    marker_counts: dict[str, int] = defaultdict(int)
    for spec in values:
        reason = _column_filters(spec)
        if reason:
            report.skip(reason, n)
            continue
        geo = _geo_of(spec)
        if geo is None:
            report.skip(SkipReason.GEO_WITHOUT_NUMBER, n)
            report.units_unknown[f"Enhet «{'.'.join(spec.geo)}»"] += 1
            continue
        level, uid, uname, fid = geo
        indicator = np.where(unknown_rows, "", row_code) if spec.indicator is None else np.full(n, spec.indicator, object)
        if unknown_rows.any():
            report.skip(SkipReason.UNKNOWN_ROW_INDICATOR, int(unknown_rows.sum()),
                        lines[unknown_rows][:5].tolist())
        value, marker, suppressed, unknown = parse_cells(_texts(frame, spec.header))
        keep = ~unknown_rows & ~unknown
        if (unknown & ~unknown_rows).any():
            report.skip(SkipReason.BAD_VALUE,
                        int((unknown & ~unknown_rows).sum()), lines[unknown & ~unknown_rows][:5].tolist())
        for m in pd.unique(marker[keep & (marker != "")]):
            marker_counts[m] += int(((marker == m) & keep).sum())
        marker_counts[""] += int((keep & (marker == "") & np.isnan(value)).sum())
        nn = parse_count(_texts(frame, n_cols[spec.group()].header)) if spec.group() in n_cols else np.full(n, np.nan)
        sd = parse_count(_texts(frame, sd_cols[spec.group()].header)) if spec.group() in sd_cols else np.full(n, np.nan)
        units = np.array([INDICATORS[c].unit_of_measure if c in INDICATORS else "" for c in indicator], dtype=object)
        parts.append({
            "level": level, "unit_id": uid, "unit_name": uname, "kommune_id": "", "fylke_id": fid,
            "indicator": indicator, "subject": spec.subject,
            "trinn": _trinn(spec), "kjonn": spec.kjonn, "period": spec.period,
            "value": np.where(suppressed, np.nan, value), "n": nn, "sd": sd, "suppressed": suppressed,
            "marker": marker, "unit_of_measure": units, "source": SOURCE, "_keep": keep,
        })
        part_lines.append(lines)
    _break_notes(frame, breaks, report)
    for m, c in marker_counts.items():
        if c:
            report.markers[f"{m or 'tom'} – {marker_label(m)}"] += c
    if any(s.trinn is None for s in values):
        report.note("Kolonnene oppgir ikke trinn (for eksempel videregående, alle trinn); trinn er lagret som tomt.")
    if not parts:
        raise ImportFailure(file_name, "Ingen av tallkolonnene kunne brukes (se hoppet over).", header_line)
    return _assemble(file_name, parts, part_lines, report)


def _geo_of(spec: ColSpec) -> tuple[str, str, str, str] | None:
    """(level, unit_id, unit_name, fylke_id) from the geography tokens of a header, or None."""
    geo = [g for g in spec.geo if g.lower() not in {"alle skoler", "alle kommuner"}]
    if not geo:
        return None
    if geo[0].lower() not in {"hele landet", "nasjonalt", "norge"}:
        return None
    rest = [g for g in geo[1:] if g.lower() != "alle fylker"]
    if not rest:
        return ("nasjonalt", NATIONAL_ID, NATIONAL_NAME, "")
    if len(rest) == 1:
        code = fylke_code(rest[0], schema_start_year(spec.period))
        if code:
            return ("fylke", code, rest[0], code)
    return None


def _trinn(spec: ColSpec) -> float:
    """The header's trinn; grunnskolepoeng is always 10. trinn; NaN when the export does not say."""
    if spec.trinn is not None:
        return float(spec.trinn)
    return 10.0 if spec.indicator == "grunnskolepoeng" else np.nan
