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


def read(
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
    n = table.num_rows
    report.rows_read = n
    if n == 0:
        raise ImportFailure(file_name, "Filen har bare overskriftslinjen og ingen tall.", header_line)
    cols = _categoricals(table, {c: by_lower[c.lower()] for c in REQUIRED})
    lines = np.arange(n, dtype=np.int64) + header_line + 1
    keep = np.ones(n, dtype=bool)

    def skip_where(mask: np.ndarray, reason: str) -> None:
        nonlocal keep
        new = mask & keep
        if new.any():
            report.skip(reason, int(new.sum()), lines[new][:5].tolist())
            keep &= ~mask

    # Indicator from the (Statistikk, Indikator/delskår, Måleenhet) triple, mapped per distinct triple.
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
            mask = combo == g
            report.units_unknown[f"{s_txt} / {i_txt} / {u_txt}"] += int(mask.sum())
            indicator[g], subject[g] = "", ""
        else:
            indicator[g], subject[g] = hit
    skip_where(unknown_combo[combo], "Ukjent indikator eller måleenhet (ikke i indikatorkatalogen)")
    ind_cat = cat_from_codes(list(indicator), combo)
    subject_cat = cat_from_codes(list(subject), combo)
    units_cat = cat_from_codes([_unit_of(c) for c in indicator], combo)
    ind_codes = ind_cat

    period, period_missing = _map_categories_cat(cols["Periode"], parse_period)
    skip_where(period_missing, "Ukjent skoleår (forventet for eksempel 2014-2015 eller 2014-15)")
    trinn = _map_categories(cols["Trinn"], parse_trinn)
    trinn = pd.to_numeric(pd.Series(trinn, dtype=object), errors="coerce").to_numpy(dtype=float)
    is_gsp = np.asarray(ind_codes == "grunnskolepoeng")
    trinn = np.where(is_gsp & np.isnan(trinn), 10.0, trinn)
    skip_where(np.isnan(trinn), "Ukjent trinn (forventet for eksempel «Trinn 5»)")
    kjonn, kjonn_missing = _map_categories_cat(cols["Kjønn"], parse_kjonn)
    skip_where(kjonn_missing, "Ukjent kjønn (forventet «Begge kjønn», «Jenter» eller «Gutter»)")

    value, marker, suppressed, unknown = parse_cells(cols["Verdi"])
    for m in pd.unique(marker[unknown & keep]):
        report.units_unknown[f"Verdi «{m}»"] += int(((marker == m) & unknown & keep).sum())
    skip_where(unknown, "Verdien er verken et tall eller en kjent markør (*, ., tom)")
    for m, cnt in pd.Series(marker[keep & ~unknown & np.asarray(marker != "")]).value_counts().items():
        if cnt:
            report.markers[f"{m} – {marker_label(m)}"] += int(cnt)

    # Units: level from the name; ids by name within the chosen kommune.
    names = cols["Enhetsnavn"]
    cat_names = [str(c).strip() for c in names.cat.categories]
    cat_level = np.array([_level_of(c) for c in cat_names] + ["skole"], dtype=object)
    name_codes = np.where(names.cat.codes.to_numpy() < 0, len(cat_names), names.cat.codes.to_numpy())
    level = cat_level[name_codes]
    skip_where(name_codes == len(cat_names), "Mangler enhetsnavn")
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
    cat_uid, cat_kom, cat_fyl, cat_uname = [], [], [], []
    for c, lv in zip(cat_names, cat_level):
        if lv == "skole":
            cat_uid.append(school_ids[c]); cat_kom.append(kommune_id); cat_fyl.append(fylke_id); cat_uname.append(c)
        elif lv == "kommune":
            own = kommune is not None and normalise_name(c) in {
                normalise_name(kommune.kommune_name), normalise_name(kommune.kommune_name + " kommune")}
            kid = kommune.kommune_id if own else synthetic_kommune_id(c)
            cat_uid.append(kid); cat_kom.append(kid); cat_fyl.append(fylke_id if own else ""); cat_uname.append(c)
        elif lv == "fylke":
            cat_uid.append(f"navn:{normalise_name(c)}"); cat_kom.append(""); cat_fyl.append(""); cat_uname.append(c)
        else:
            cat_uid.append(NATIONAL_ID); cat_kom.append(""); cat_fyl.append(""); cat_uname.append(NATIONAL_NAME)
    for lst in (cat_uid, cat_kom, cat_fyl, cat_uname):
        lst.append("")

    def take(lst: list[str]) -> pd.Categorical:
        return cat_from_codes(lst, name_codes)

    # Eierform: above school level only 'Alle eierformer' when the file has it.
    eier_all = np.asarray(_map_categories(cols["Eierform"], lambda x: str(x).strip().lower() == "alle eierformer"),
                          dtype=bool)
    above = level != "skole"
    if (above & eier_all).any():
        skip_where(above & ~eier_all,
                   "Delgruppe av eierform over skolenivå (bare «Alle eierformer» brukes)")

    frame = build(
        file_name,
        {
            "level": level, "unit_id": take(cat_uid), "unit_name": take(cat_uname), "kommune_id": take(cat_kom),
            "fylke_id": take(cat_fyl), "indicator": ind_cat, "subject": subject_cat,
            "trinn": trinn, "kjonn": kjonn, "period": period, "value": np.where(suppressed, np.nan, value),
            "n": np.nan, "sd": np.nan, "suppressed": suppressed, "marker": marker,
            "unit_of_measure": units_cat, "source": SOURCE,
        },
        lines, keep, report,
    )
    return frame


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
