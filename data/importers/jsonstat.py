"""SSB JSON-stat 2.0 tables (the format SSB's API and "Last ned → JSON-stat2" give) and kommune context.

Why not pyjstat: pyjstat 2.4.0 (2023) is unmaintained against pandas 3 and pulls in ``requests`` for
network use we do not need; reading a JSON-stat 2.0 *dataset* is small and is tested here against the
rules of the specification (json-stat.org/format): values in row-major order over ``id``/``size`` with
the last dimension fastest; ``value`` and ``status`` as arrays or as sparse objects keyed by index;
``category.index`` as an array or an object; a single-string ``status`` applies to all values.
"""

from __future__ import annotations

import json


import numpy as np
import pandas as pd

from data.importers.errors import ImportFailure
from data.importers.limits import LIMITS, refuse
from data.importers.markers import marker_label
from data.importers.protocol import Head, ImportFile, Read, SkipReason
from data.importers.report import ImportReport

FORMAT_LABEL = "SSB JSON-stat2 (kommunekontekst)"
CONTEXT_COLUMNS = ["kommune_id", "population", "adult_education_share", "disability_benefit_share",
                   "child_welfare_share", "kostra_group"]


def looks_like(obj: object) -> bool:
    return isinstance(obj, dict) and obj.get("class") == "dataset" and "dimension" in obj and "value" in obj


SOURCE_NAME = "SSB"


def sniff(head: Head) -> float:
    return 1.0 if head.kind == "json" and looks_like(head.obj) else 0.0


def read(file: ImportFile) -> Read:
    """Kommune context from one SSB JSON-stat2 table (no figures)."""
    frame = read_dataset(file.name, file.head.obj)
    return Read(pd.DataFrame(), to_context(file.name, frame, file.report), file.report)


def _categories(file_name: str, dim_id: str, dim: object) -> tuple[list[str], dict[str, str]]:
    """Category codes in index order and their labels; duplicate or gapped categories are refused."""
    cat = dim.get("category", {}) if isinstance(dim, dict) else None
    if not isinstance(cat, dict):
        raise ImportFailure(file_name, f"JSON-stat-filen er ikke gyldig: dimensjonen «{dim_id}» mangler «category».")
    index = cat.get("index")
    labels = cat.get("label", {}) or {}
    if not isinstance(labels, dict):
        labels = {}
    if index is None:
        codes = [str(c) for c in labels.keys()]
    elif isinstance(index, list):
        codes = [str(c) for c in index]
    elif isinstance(index, dict):
        positions = list(index.values())
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in positions) or \
                sorted(positions) != list(range(len(positions))):
            raise ImportFailure(file_name, f"JSON-stat-filen er ikke gyldig: kategoriene i «{dim_id}» har posisjoner "
                                "som ikke er 0, 1, 2 … uten hull eller gjentakelser.")
        codes = [str(c) for c, _ in sorted(index.items(), key=lambda kv: kv[1])]
    else:
        raise ImportFailure(file_name, f"JSON-stat-filen er ikke gyldig: «index» i «{dim_id}» er verken liste eller objekt.")
    dup = sorted({c for c in codes if codes.count(c) > 1}) if len(set(codes)) != len(codes) else []
    if dup:
        raise ImportFailure(file_name, f"JSON-stat-filen har samme kategori flere ganger i dimensjonen «{dim_id}»: "
                            f"{', '.join(dup[:5])}. Hver kategori skal forekomme én gang.")
    return codes, {c: str(labels.get(c, c)) for c in codes}


def _shape(file_name: str, obj: dict) -> tuple[list[str], list[int], dict]:
    """``id``, ``size`` and ``dimension`` checked against each other and the cell limit."""
    try:
        ids = [str(i) for i in obj["id"]]
        size = [int(s) for s in obj["size"]]
        dims = obj["dimension"]
    except (KeyError, TypeError, ValueError):
        raise ImportFailure(file_name, "JSON-stat-filen mangler «id», «size» eller «dimension» (forventet et "
                            "JSON-stat 2.0-datasett fra SSB).") from None
    if len(ids) != len(size) or not isinstance(dims, dict) or any(i not in dims for i in ids) or any(s < 0 for s in size):
        raise ImportFailure(file_name, "JSON-stat-filen er ikke gyldig: «id», «size» og «dimension» stemmer ikke overens.")
    total = 1
    for s in size:
        total *= s
    if total > LIMITS.json_cells:
        raise refuse(file_name, "Antall celler i tabellen (produktet av «size»)", total, LIMITS.json_cells, "celler",
                     "Velg færre år, regioner eller kategorier i tabellen.")
    return ids, size, dims


def _sparse_position(file_name: str, key: object, total: int, what: str) -> int:
    try:
        pos = int(str(key))
    except ValueError:
        pos = -1
    if pos < 0 or pos >= total or str(pos) != str(key).strip():
        raise ImportFailure(file_name, f"JSON-stat-filen har en {what} med nøkkel «{str(key)[:20]}», men nøklene skal "
                            f"være cellenumre fra 0 til {total - 1}.")
    return pos


def _number(file_name: str, v: object) -> float:
    if v is None:
        return np.nan
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ImportFailure(file_name, f"JSON-stat-filen har verdien «{str(v)[:30]}», som ikke er et tall. "
                            "Verdier skal være tall eller null (manglende).")
    f = float(v)
    if not np.isfinite(f):
        raise ImportFailure(file_name, "JSON-stat-filen har en verdi som ikke er et endelig tall.")
    return f


def _values(file_name: str, raw_values: object, total: int) -> np.ndarray:
    values = np.full(total, np.nan)
    if isinstance(raw_values, list):
        if len(raw_values) != total:
            raise ImportFailure(file_name, f"JSON-stat-filen har {len(raw_values)} verdier, men «size» gir {total}.")
        values[:] = [_number(file_name, v) for v in raw_values]
    elif isinstance(raw_values, dict):
        for k, v in raw_values.items():
            values[_sparse_position(file_name, k, total, "verdi")] = _number(file_name, v)
    else:
        raise ImportFailure(file_name, "JSON-stat-filen er ikke gyldig: «value» er verken liste eller objekt.")
    return values


def _status(file_name: str, raw_status: object, total: int) -> np.ndarray:
    status = np.array([""] * total, dtype=object)
    if isinstance(raw_status, str):
        status[:] = raw_status
    elif isinstance(raw_status, list):
        if len(raw_status) > total:
            raise ImportFailure(file_name, f"JSON-stat-filen har {len(raw_status)} statuskoder, men bare {total} "
                                "celler.")
        status[: len(raw_status)] = [str(s or "") for s in raw_status]
    elif isinstance(raw_status, dict):
        for k, v in raw_status.items():
            status[_sparse_position(file_name, k, total, "statuskode")] = str(v or "")
    return status


def read_dataset(file_name: str, obj: dict) -> pd.DataFrame:
    """A JSON-stat 2.0 dataset as a long frame: one column per dimension code, ``<dim>_label``, value, status."""
    ids, size, dims = _shape(file_name, obj)
    cats = [_categories(file_name, i, dims[i]) for i in ids]
    if [len(c[0]) for c in cats] != size:
        raise ImportFailure(file_name, "JSON-stat-filen er ikke gyldig: antall kategorier stemmer ikke med «size».")
    total = int(np.prod(size)) if size else 0
    values = _values(file_name, obj.get("value"), total)
    status = _status(file_name, obj.get("status"), total)
    grids = np.indices(size, dtype=np.int32).reshape(len(size), -1) if size else np.zeros((0, 0), dtype=int)
    out = {}
    for d, (codes, labels), idx in zip(ids, cats, grids):
        out[d] = pd.Categorical.from_codes(idx, categories=pd.Index(codes, dtype=object))
        out[f"{d}_label"] = pd.Categorical.from_codes(idx, categories=pd.Index([labels[c] for c in codes], dtype=object)) \
            if len(set(labels.values())) == len(codes) else np.array([labels[c] for c in codes], dtype=object)[idx]
    out["value"] = values
    out["status"] = status
    frame = pd.DataFrame(out)
    frame.attrs["label"] = str(obj.get("label", ""))
    frame.attrs["ids"] = ids
    frame.attrs["roles"] = obj.get("role", {}) if isinstance(obj.get("role"), dict) else {}
    return frame


def _region_dim(frame: pd.DataFrame) -> str | None:
    ids = frame.attrs["ids"]
    geo = frame.attrs["roles"].get("geo") or []
    for d in list(geo) + ["Region", "KOKkommuneregion0000", "Kommune"] + ids:
        if d in ids and frame[d].astype(str).str.fullmatch(r"(K-)?\d{4}").any():
            return d
    return None


def _time_dim(frame: pd.DataFrame) -> str | None:
    ids = frame.attrs["ids"]
    for d in list(frame.attrs["roles"].get("time") or []) + ["Tid"]:
        if d in ids:
            return d
    return None


def _measure_of(text: str) -> str | None:
    t = text.lower()
    if "kostra" in t:
        return "kostra_group"
    if "uføre" in t:
        return "disability_benefit_share"
    if "barnevern" in t:
        return "child_welfare_share"
    if "utdanning" in t:
        return "adult_education_share"
    if "folkemengde" in t or "befolkning" in t or "personer" in t:
        return "population"
    return None


def to_context(file_name: str, frame: pd.DataFrame, report: ImportReport) -> pd.DataFrame:
    """Kommune context columns from one SSB table (latest year with a value per kommune)."""
    region = _region_dim(frame)
    if region is None:
        raise ImportFailure(file_name, "Tabellen har ingen regiondimensjon med kommunenumre (forventet f.eks. «Region» "
                            "med koder som 3001 eller K-3001).")
    time = _time_dim(frame)
    content = "ContentsCode" if "ContentsCode" in frame.attrs["ids"] else None
    content_label = " ".join(frame[f"{content}_label"].astype(str).unique()) if content else ""
    measure = _measure_of(frame.attrs["label"] + " " + content_label)
    if measure is None:
        raise ImportFailure(
            file_name,
            f"Fant ikke hvilket kontekstmål tabellen «{frame.attrs['label']}» gir. Forventet befolkning (folkemengde), "
            "utdanningsnivå, uføretrygd, barnevern eller KOSTRA-gruppe.",
        )
    report.rows_read = len(frame)
    for s, cnt in frame.loc[frame["status"] != "", "status"].value_counts().items():
        report.markers[f"{s} – {marker_label(s)}"] += int(cnt)
    f = frame.copy()
    f["kommune_id"] = f[region].astype(str).str.replace(r"^K-", "", regex=True)
    not_kommune = ~f["kommune_id"].str.fullmatch(r"\d{4}") | (f["kommune_id"] == "0000")
    report.skip(SkipReason.NOT_KOMMUNE, int(not_kommune.sum()))
    f = f[~not_kommune]
    missing = f["value"].isna()
    report.skip(SkipReason.NO_VALUE, int(missing.sum()))
    f = f[~missing]
    share = measure in ("disability_benefit_share", "child_welfare_share")
    impossible = (f["value"] < 0) | ((f["value"] > 100) & share)
    report.skip(SkipReason.NEGATIVE_CONTEXT, int(impossible.sum()))
    f = f[~impossible]
    if measure == "adult_education_share":
        f = _education_share(file_name, f, frame.attrs["ids"], region, time, content)
    if time:
        f = f.assign(_t=f[time].astype(str)).sort_values("_t").groupby("kommune_id", as_index=False).last()
        report.note(f"Siste år med verdi brukes per kommune (tidsdimensjon «{time}»).")
    else:
        f = f.groupby("kommune_id", as_index=False).last()
    out = pd.DataFrame({"kommune_id": f["kommune_id"].astype(str)})
    for col in CONTEXT_COLUMNS[1:]:
        out[col] = np.nan if col != "kostra_group" else None
    if measure == "kostra_group":
        out["kostra_group"] = [f"KOSTRA-gruppe {int(v)}" for v in f["value"]]
    else:
        out[measure] = f["value"].to_numpy(dtype=float)
    report.format_label = FORMAT_LABEL
    report.rows_mapped = len(out)
    report.note(f"Kontekst: {measure} for {len(out)} kommuner fra «{frame.attrs['label']}».")
    return out.reset_index(drop=True)


def _education_share(file_name: str, f: pd.DataFrame, ids: list[str], region: str, time: str | None,
                     content: str | None) -> pd.DataFrame:
    """Share (%) with university/college education: sum of 'universitets- og høgskolenivå' categories."""
    level_dim = next((d for d in ids if d not in {region, time, content}
                      and f[f"{d}_label"].str.contains("høgskole", case=False).any()), None)
    if level_dim is None:
        raise ImportFailure(file_name, "Utdanningstabellen mangler en dimensjon med utdanningsnivå "
                            "(forventet kategorier som «Universitets- og høgskolenivå kort»).")
    is_high = f[f"{level_dim}_label"].str.contains(r"høgskole", case=False)
    is_pct = f[f"{content}_label"].str.contains("prosent", case=False) if content else pd.Series(False, index=f.index)
    keys = ["kommune_id"] + ([time] if time else [])
    if is_pct.any():
        g = f[is_pct & is_high].groupby(keys, as_index=False)["value"].sum()
    else:
        hi = f[is_high].groupby(keys)["value"].sum()
        all_ = f.groupby(keys)["value"].sum()
        g = (100 * hi / all_).rename("value").reset_index()
    return g


# Python's JSON parser explains in English; these are its messages (``json.decoder``) in Norwegian.
JSON_ERRORS = {
    "Expecting value": "forventet en verdi",
    "Expecting property name enclosed in double quotes": "forventet et feltnavn i doble anførselstegn",
    "Expecting ',' delimiter": "forventet komma",
    "Expecting ':' delimiter": "forventet kolon",
    "Unterminated string starting at": "teksten slutter ikke",
    "Invalid control character": "ugyldig styretegn",
    "Invalid \\uXXXX escape": "ugyldig \\u-sekvens",
    "Invalid \\escape": "ugyldig escape-sekvens",
    "Extra data": "mer innhold etter slutten av JSON-dokumentet",
}


def json_error_text(exc: json.JSONDecodeError) -> str:
    """The parser's complaint in Norwegian, with the character position: «forventet komma (tegn 21)»."""
    what = next((no for en, no in JSON_ERRORS.items() if exc.msg.startswith(en)), "ugyldig oppbygning")
    return f"{what} (tegn {exc.pos})"


def parse_json(file_name: str, text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailure(file_name, f"Ugyldig JSON: {json_error_text(exc)}.", exc.lineno) from None


