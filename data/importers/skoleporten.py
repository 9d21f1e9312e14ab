"""Skoleporten "nedlasting" CSV: one figure per line, names only (no numbers).

Header: ``Enhetsnavn;Skoletype;Vurderingsområde;Statistikk;Indikator/delskår;Periode;Eierform;Trinn;
Kjønn;Verdi;Måleenhet``. Every column is mapped through its distinct values, so a million lines cost
little more than reading them.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa

from data.importers.canonical import build, cat_from_codes
from data.importers.errors import ImportFailure
from data.importers.identity import (
    NATIONAL_ID,
    NATIONAL_NAME,
    UNKNOWN_KOMMUNE_ID,
    KommuneHint,
    resolve_school_names,
    synthetic_kommune_id,
)
from data.importers.markers import marker_label, parse_cells
from data.importers.protocol import Head, ImportFile, Read, SkipReason
from data.importers.report import ImportReport
from data.importers.textio import read_table
from data.importers.vocab import normalise_name, parse_kjonn, parse_period, parse_trinn

FORMAT_LABEL = "Skoleporten (nedlasting)"
SOURCE = "Skoleporten"
REQUIRED = [
    "Enhetsnavn", "Skoletype", "Vurderingsområde", "Statistikk", "Indikator/delskår", "Periode", "Eierform",
    "Trinn", "Kjønn", "Verdi", "Måleenhet",
]
EU_NAMES = {
    "støtte fra lærer": "eu_stotte_larer", "støtte fra lærerne": "eu_stotte_larer", "motivasjon": "eu_motivasjon",
    "trivsel": "eu_trivsel", "mestring": "eu_mestring", "mobbing på skolen": "eu_mobbing", "mobbing": "eu_mobbing",
}
_SUBJECT_RX = re.compile(r"^(engelsk|lesing|regning)\b", re.IGNORECASE)
_LEVEL_RX = re.compile(r"mestringsnivå\s*(\d)", re.IGNORECASE)


def looks_like(header: str) -> bool:
    h = header.lower()
    return "enhetsnavn" in h and "måleenhet" in h


def map_indicator(stat: str, ind: str, unit: str) -> tuple[str, str] | None:
    """(indicator code, subject) for a Statistikk / Indikator / Måleenhet triple; None if unknown."""
    s, i, u = stat.strip().lower(), ind.strip().lower(), unit.strip().lower()
    subj_m = _SUBJECT_RX.match(i)
    subject = subj_m.group(1).lower() if subj_m else ""
    if "nasjonale prøver" in s or subject:
        if not subject:
            return None
        lvl = _LEVEL_RX.search(i) or _LEVEL_RX.search(u)
        if lvl and ("prosent" in u or "andel" in u):
            code = f"np_mestring_{lvl.group(1)}"
            return (code, subject) if code in _np_codes() else None
        if u == "skalapoeng":
            return ("np_skalapoeng_avgiver" if "avgiverskole" in i else "np_skalapoeng", subject)
        if u.startswith("gjennomsnittspoeng") and "1-3" in u:
            return ("np_mestring_snitt", subject)
        return None
    if "grunnskolepoeng" in s or "grunnskolepoeng" in i:
        return ("grunnskolepoeng", "")
    if "elevundersøkelsen" in s or i in EU_NAMES:
        code = EU_NAMES.get(i)
        return (code, "") if code else None
    return None


def _np_codes() -> set[str]:
    from data.catalogue import INDICATORS

    return {c for c in INDICATORS if c.startswith("np_mestring_")}


def _level_of(name: str) -> str:
    n = normalise_name(name)
    if n in {"nasjonalt", "norge", "hele landet", "landet", "nasjonalt nivå"}:
        return "nasjonalt"
    if n.endswith(" kommune"):
        return "kommune"
    if n.endswith(" fylke") or n.endswith(" fylkeskommune"):
        return "fylke"
    return "skole"


SOURCE_NAME = SOURCE


def sniff(head: Head) -> float:
    """Certain for a CSV with Skoleporten's header; an xlsx with it is recognised (and refused by ``read``)."""
    if not looks_like(head.header):
        return 0.0
    return 0.9 if head.kind == "text" else 0.5


def read(file: ImportFile) -> Read:
    """Parse a Skoleporten nedlasting (CSV from the header line on)."""
    if file.head.kind != "text":
        raise ImportFailure(file.name, "Skoleporten-nedlastinger leses som CSV; lagre arket som CSV og last opp på nytt.")
    data = file.body_bytes
    file.release()
    figures = read_text(file.name, None, file.delimiter, file.header_line, file.report, file.kommune,
                        file.existing, data=data)
    return Read(figures, None, file.report)


class _Rows:
    """The rows of one file while they are mapped: line numbers and the keep mask with typed skips."""

    def __init__(self, n: int, header_line: int, report: ImportReport) -> None:
        self.lines = np.arange(n, dtype=np.int64) + header_line + 1
        self.keep = np.ones(n, dtype=bool)
        self.report = report

    def skip_where(self, mask: np.ndarray, reason: SkipReason) -> None:
        new = mask & self.keep
        if new.any():
            self.report.skip(reason, int(new.sum()), self.lines[new][:5].tolist())
            self.keep &= ~mask


def read_text(
    file_name: str,
    text: str,
    delimiter: str,
    header_line: int,
    report: ImportReport,
    kommune: KommuneHint | None = None,
    existing: pd.DataFrame | None = None,
    data: bytes | None = None,
) -> pd.DataFrame:
    """Parse a Skoleporten nedlasting (text without any 'sep=' line; header on line ``header_line``).

    ``data`` is the same text as UTF-8 bytes when the caller has them (faster for large files).
    """
    report.format_label = FORMAT_LABEL
    cols = _columns(file_name, text, delimiter, header_line, report, data)
    rows = _Rows(len(cols["Verdi"]), header_line, report)
    ind_cat, subject_cat, units_cat, is_gsp = _indicators(cols, rows)
    period, trinn, kjonn = _dimensions(cols, rows, is_gsp)
    value, marker, suppressed = _values(cols["Verdi"], rows)
    level, take = _units(cols["Enhetsnavn"], rows, kommune, existing)
    # Eierform: above school level only 'Alle eierformer' when the file has it.
    eier_all = np.asarray(_map_categories(cols["Eierform"], lambda x: str(x).strip().lower() == "alle eierformer"),
                          dtype=bool)
    above = level != "skole"
    if (above & eier_all).any():
        rows.skip_where(above & ~eier_all, SkipReason.EIERFORM_ABOVE_SCHOOL)
    return build(
        file_name,
        {
            "level": level, "unit_id": take["unit_id"], "unit_name": take["unit_name"],
            "kommune_id": take["kommune_id"], "fylke_id": take["fylke_id"], "indicator": ind_cat,
            "subject": subject_cat, "trinn": trinn, "kjonn": kjonn, "period": period,
            "value": np.where(suppressed, np.nan, value), "n": np.nan, "sd": np.nan, "suppressed": suppressed,
            "marker": marker, "unit_of_measure": units_cat, "source": SOURCE,
        },
        rows.lines, rows.keep, report,
    )


def _columns(file_name: str, text: str, delimiter: str, header_line: int, report: ImportReport,
             data: bytes | None) -> dict[str, pd.Series]:
    """The required columns as categoricals; refuses a file without them or without rows."""
    table = read_table(file_name, text, delimiter, header_line, data=data, dictionary=True)
    by_lower = {c.strip().lower(): c for c in table.column_names}
    missing = [c for c in REQUIRED if c.lower() not in by_lower]
    if missing:
        raise ImportFailure(
            file_name,
            f"Mangler kolonnene {', '.join(missing)}. En Skoleporten-nedlasting skal ha overskriften "
            f"«{';'.join(REQUIRED)}».",
            header_line,
        )
    extra = [c for c in table.column_names if c.strip().lower() not in {r.lower() for r in REQUIRED}]
    if extra:
        report.note(f"Kolonner som ikke brukes, er hoppet over: {', '.join(extra)}.")
    report.rows_read = table.num_rows
    if table.num_rows == 0:
        raise ImportFailure(file_name, "Filen har bare overskriftslinjen og ingen tall.", header_line)
    return _categoricals(table, {c: by_lower[c.lower()] for c in REQUIRED})


def _indicators(cols: dict[str, pd.Series], rows: _Rows):
    """Indicator, subject and unit per row from the (Statistikk, Indikator/delskår, Måleenhet) triple."""
    st, ind, unit = cols["Statistikk"], cols["Indikator/delskår"], cols["Måleenhet"]
    key = pd.DataFrame({"s": st.cat.codes, "i": ind.cat.codes, "u": unit.cat.codes})
    combo = key.groupby(["s", "i", "u"], sort=False).ngroup().to_numpy()
    firsts = key.drop_duplicates().reset_index(drop=True)
    indicator = np.empty(len(firsts), dtype=object)
    subject = np.empty(len(firsts), dtype=object)
    unknown_combo = np.zeros(len(firsts), dtype=bool)
    # ngroup numbers groups in order of first appearance when sort=False, as drop_duplicates does.
    for g, (si, ii, ui) in enumerate(firsts.itertuples(index=False)):
        s_txt = st.cat.categories[si] if si >= 0 else ""
        i_txt = ind.cat.categories[ii] if ii >= 0 else ""
        u_txt = unit.cat.categories[ui] if ui >= 0 else ""
        hit = map_indicator(s_txt, i_txt, u_txt)
        if hit is None:
            unknown_combo[g] = True
            rows.report.units_unknown[f"{s_txt} / {i_txt} / {u_txt}"] += int((combo == g).sum())
            indicator[g], subject[g] = "", ""
        else:
            indicator[g], subject[g] = hit
    rows.skip_where(unknown_combo[combo], SkipReason.UNKNOWN_INDICATOR)
    ind_cat = cat_from_codes(list(indicator), combo)
    return (ind_cat, cat_from_codes(list(subject), combo), cat_from_codes([_unit_of(c) for c in indicator], combo),
            np.asarray(ind_cat == "grunnskolepoeng"))


def _dimensions(cols: dict[str, pd.Series], rows: _Rows, is_gsp: np.ndarray):
    """School year, trinn (grunnskolepoeng: 10) and kjønn per row; unknown ones skipped with their reason."""
    period, period_missing = _map_categories_cat(cols["Periode"], parse_period)
    rows.skip_where(period_missing, SkipReason.UNKNOWN_PERIOD)
    trinn = _map_categories(cols["Trinn"], parse_trinn)
    trinn = pd.to_numeric(pd.Series(trinn, dtype=object), errors="coerce").to_numpy(dtype=float)
    trinn = np.where(is_gsp & np.isnan(trinn), 10.0, trinn)
    rows.skip_where(np.isnan(trinn), SkipReason.UNKNOWN_TRINN)
    kjonn, kjonn_missing = _map_categories_cat(cols["Kjønn"], parse_kjonn)
    rows.skip_where(kjonn_missing, SkipReason.UNKNOWN_KJONN)
    return period, trinn, kjonn


def _values(verdi: pd.Series, rows: _Rows):
    """Values, markers and suppression; cells that are neither a number nor a marker are skipped."""
    value, marker, suppressed, unknown = parse_cells(verdi)
    report, keep = rows.report, rows.keep
    for m in pd.unique(marker[unknown & keep]):
        report.units_unknown[f"Verdi «{m}»"] += int(((marker == m) & unknown & keep).sum())
    rows.skip_where(unknown, SkipReason.BAD_VALUE)
    for m, cnt in pd.Series(marker[rows.keep & ~unknown & np.asarray(marker != "")]).value_counts().items():
        if cnt:
            report.markers[f"{m} – {marker_label(m)}"] += int(cnt)
    return value, marker, suppressed


def _units(names: pd.Series, rows: _Rows, kommune: KommuneHint | None, existing: pd.DataFrame | None):
    """Level per row from the name, and the unit columns (ids by name within the chosen kommune)."""
    report = rows.report
    cat_names = [str(c).strip() for c in names.cat.categories]
    cat_level = np.array([_level_of(c) for c in cat_names] + ["skole"], dtype=object)
    name_codes = np.where(names.cat.codes.to_numpy() < 0, len(cat_names), names.cat.codes.to_numpy())
    level = cat_level[name_codes]
    rows.skip_where(name_codes == len(cat_names), SkipReason.MISSING_NAME)
    kommune_id = kommune.kommune_id if kommune else UNKNOWN_KOMMUNE_ID
    fylke_id = kommune.fylke_id if kommune else ""
    if kommune is None:
        report.note(
            "Filen har bare skolenavn, ikke skole- eller kommunenummer. Ingen kommune ble oppgitt, så skolene er "
            f"lagt under kommunenummer {UNKNOWN_KOMMUNE_ID} («{UNKNOWN_KOMMUNE_NAME_TEXT}»). Oppgi kommunen på "
            "Data-siden for å knytte dem til riktig kommune."
        )
    else:
        report.note(
            f"Filen har bare skolenavn. Skolene er knyttet til {kommune.kommune_name} ({kommune.kommune_id}) slik "
            "det ble oppgitt, og har fått id-er laget av navnet (navn:<kommunenr>:<navn>)."
        )
    school_names = [c for c, lv in zip(cat_names, cat_level) if lv == "skole"]
    school_ids = resolve_school_names(school_names, kommune_id, existing, report)
    per: dict[str, list[str]] = {"unit_id": [], "kommune_id": [], "fylke_id": [], "unit_name": []}
    for c, lv in zip(cat_names, cat_level):
        for k, v in zip(per, _unit_of_name(c, lv, school_ids, kommune, kommune_id, fylke_id)):
            per[k].append(v)
    return level, {k: cat_from_codes(v + [""], name_codes) for k, v in per.items()}


def _unit_of_name(c: str, lv: str, school_ids: dict[str, str], kommune: KommuneHint | None, kommune_id: str,
                  fylke_id: str) -> tuple[str, str, str, str]:
    """(unit_id, kommune_id, fylke_id, unit_name) of one distinct name at its level."""
    if lv == "skole":
        return school_ids[c], kommune_id, fylke_id, c
    if lv == "kommune":
        own = kommune is not None and normalise_name(c) in {
            normalise_name(kommune.kommune_name), normalise_name(kommune.kommune_name + " kommune")}
        kid = kommune.kommune_id if own else synthetic_kommune_id(c)
        return kid, kid, (fylke_id if own else ""), c
    if lv == "fylke":
        return f"navn:{normalise_name(c)}", "", "", c
    return NATIONAL_ID, "", "", NATIONAL_NAME


UNKNOWN_KOMMUNE_NAME_TEXT = "Uoppgitt kommune"


def _categoricals(table: pa.Table, columns: dict[str, str]) -> dict[str, pd.Series]:
    """The needed columns as pandas categoricals (dictionary-encoded in Arrow, cheap to map)."""
    out = {}
    table = table.unify_dictionaries()
    for canon, actual in columns.items():
        col = table.column(actual)
        ser = pd.Series(col.to_pandas()) if col.num_chunks else pd.Series([], dtype="category")
        if not isinstance(ser.dtype, pd.CategoricalDtype):
            ser = ser.astype("category")
        out[canon] = ser
    return out


def _map_categories(series: pd.Series, fn) -> np.ndarray:
    cats = list(series.cat.categories)
    mapped = np.array([fn(c) for c in cats] + [None], dtype=object)
    codes = series.cat.codes.to_numpy()
    return mapped[np.where(codes < 0, len(cats), codes)]


def _map_categories_cat(series: pd.Series, fn) -> tuple[pd.Categorical, np.ndarray]:
    """(categorical of fn(category), missing mask) without per-row Python work."""
    cats = list(series.cat.categories)
    per = [fn(c) for c in cats] + [None]
    codes = series.cat.codes.to_numpy()
    codes = np.where(codes < 0, len(cats), codes)
    missing = np.array([p is None for p in per])[codes]
    return cat_from_codes(per, codes), missing


def _unit_of(code: str) -> str:
    from data.catalogue import INDICATORS

    return INDICATORS[code].unit_of_measure if code in INDICATORS else ""
