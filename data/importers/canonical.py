"""Assembling canonical rows from a reader: range checks, duplicates (exact ones dropped, conflicting
ones refused with both line numbers), and canonical dtypes. Readers call ``build``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.catalogue import INDICATORS
from data.importers.errors import ImportFailure
from data.importers.report import ImportReport
from data.numbers import fmt_spec
from data.schema import COLUMNS, KEY_COLUMNS

VALUE_COLUMNS = ["value", "n", "sd", "marker", "suppressed"]


def build(
    file_name: str,
    columns: dict[str, object],
    lines: np.ndarray,
    keep: np.ndarray,
    report: ImportReport,
    prefer_sort: list[str] | None = None,
) -> pd.DataFrame:
    """Make a canonical frame of the kept rows; skip out-of-range values; handle duplicates.

    ``lines`` holds the file line of every row (for messages). ``prefer_sort`` orders rows before exact
    duplicates are dropped (the first one is kept), e.g. the newest kommune number first.
    """
    n_rows = len(lines)
    full = {}
    for col in COLUMNS:
        v = columns.get(col, "" if COLUMNS[col] == "category" else np.nan)
        if COLUMNS[col] == "category":
            if np.isscalar(v) or v is None:
                v = pd.Categorical.from_codes(np.zeros(n_rows, dtype=np.int8), categories=[str(v or "")])
            elif not isinstance(v, pd.Categorical):
                v = pd.Categorical(pd.Series(v, dtype=object).fillna("").astype(object))
        elif np.isscalar(v) or v is None:
            v = np.full(n_rows, np.nan if v is None else v, dtype=float)
        full[col] = v
    df = pd.DataFrame(full)
    df["_line"] = lines
    df = df[keep]
    df = _check_ranges(df, report)
    if prefer_sort:
        df = df.sort_values(prefer_sort, ascending=False, kind="stable")
    df = _dedupe(file_name, df, report)
    df = df.sort_values("_line", kind="stable").drop(columns="_line").reset_index(drop=True)
    for col, dtype in COLUMNS.items():
        if dtype == "category":
            continue  # already categorical (unused categories are harmless and costly to drop)
        elif dtype == "Int8":
            df[col] = pd.array(df[col], dtype="Int8")
        elif dtype == "bool":
            df[col] = df[col].astype(bool)
        else:
            df[col] = pd.to_numeric(df[col]).astype(dtype)
    return df


def _check_ranges(df: pd.DataFrame, report: ImportReport) -> pd.DataFrame:
    codes = df["indicator"]
    lo = np.asarray(codes.map({k: v.value_min for k, v in INDICATORS.items()}).astype(float))
    hi = np.asarray(codes.map({k: v.value_max for k, v in INDICATORS.items()}).astype(float))
    value = df["value"].to_numpy(dtype=float)
    bad = ~np.isnan(value) & ((value < lo - 1e-9) | (value > hi + 1e-9))
    if bad.any():
        for code in pd.unique(df.loc[bad, "indicator"]):
            sel = bad & (df["indicator"] == code).to_numpy()
            ind = INDICATORS[code]
            report.skip(
                f"Verdien er utenfor gyldig område for {ind.label} ({ind.value_min:g}–{ind.value_max:g})",
                int(sel.sum()), df.loc[sel, "_line"].tolist(),
            )
        df = df[~bad]
    n = df["n"].to_numpy(dtype=float)
    neg = n < 0
    if neg.any():
        report.skip("Negativt antall elever", int(neg.sum()), df.loc[neg, "_line"].tolist())
        df = df[~neg]
    return df


def _dedupe(file_name: str, df: pd.DataFrame, report: ImportReport) -> pd.DataFrame:
    dup_key = df.duplicated(KEY_COLUMNS, keep=False)
    if not dup_key.any():
        return df
    exact = df.duplicated(KEY_COLUMNS + VALUE_COLUMNS, keep="first")
    if exact.any():
        report.duplicates_removed += int(exact.sum())
        report.note(
            f"{int(exact.sum())} rader var kopier av andre rader (samme enhet, indikator, skoleår og tall) "
            "og er tatt med bare én gang."
        )
        df = df[~exact]
    conflict = df.duplicated(KEY_COLUMNS, keep=False)
    if conflict.any():
        # An empty cell ("no result") next to a row with a figure for the same key: keep the figure.
        empty = df["value"].isna() & ~df["suppressed"].astype(bool) & df["marker"].isin(["", "."])
        has_data = (~empty).groupby([df[c] for c in KEY_COLUMNS], dropna=False, observed=True).transform("any")
        drop = conflict & empty & has_data
        if drop.any():
            report.note(f"{int(drop.sum())} tomme rader ble erstattet av en rad med tall for samme enhet og skoleår.")
            report.duplicates_removed += int(drop.sum())
            df = df[~drop]
        conflict = df.duplicated(KEY_COLUMNS, keep=False)
    if conflict.any():
        rows = df[conflict].sort_values(KEY_COLUMNS + ["_line"])
        first = rows.iloc[0]
        same = rows[(rows[KEY_COLUMNS] == first[KEY_COLUMNS]).all(axis=1)]
        lines = ", ".join(str(x) for x in same["_line"].head(3))
        raise ImportFailure(
            file_name,
            f"Motstridende tall: linjene {lines} gjelder samme tall ({first['unit_name']}, {first['indicator']}, "
            f"{first['subject'] or 'uten fag'}, {first['period']}, {first['kjonn']}) men har ulike verdier "
            f"({', '.join(_fmt(v) for v in same['value'].head(3))}). Forventet én verdi per enhet, indikator og "
            f"skoleår. {int(conflict.sum())} rader er berørt; ingenting er importert.",
            int(same["_line"].iloc[0]),
        )
    return df


def _fmt(v) -> str:
    return "tom" if pd.isna(v) else fmt_spec(v, "g")


def cat_from_codes(per_code: list, codes: np.ndarray) -> pd.Categorical:
    """A categorical whose row i holds ``per_code[codes[i]]`` (None -> missing), built without strings per row."""
    uniq_codes, uniques = pd.factorize(pd.Series(per_code, dtype=object), use_na_sentinel=True)
    mapped = np.asarray(uniq_codes)[codes]
    return pd.Categorical.from_codes(mapped, categories=pd.Index(uniques.astype(str)))
