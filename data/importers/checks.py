"""Checks that keep an import from being silently wrong, run on every canonical frame a reader builds.

- Names: control, bidi and zero-width characters removed, Unicode NFC, whitespace collapsed, length capped
  (``NAME_MAX``); a name that looks like a fødselsnummer refuses the file (``data/fnr.py``).
- Pupil counts: n < 0, n = 0 with a value, n that is not a whole number (a thousands separator read as a
  decimal: «56,833»), and n above any school, kommune or national cohort (``N_MAX``) are skipped with
  a typed reason.
- Shares given as fractions (every value of a percent indicator between 0 and 1) refuse the file.
- Primary suppression: a figure behind fewer pupils than the catalogue's threshold for its indicator is
  stored as suppressed (``*``, no value), and the report says how many.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from data import fnr
from data.catalogue import INDICATORS, MARKER_SUPPRESSED, suppression_min_n
from data.importers.errors import ImportFailure
from data.importers.protocol import SkipReason
from data.importers.report import ImportReport

NAME_MAX = 150
N_MAX = 200_000  # above a national year cohort of pupils (about 65 000) with a wide margin
_HIDDEN = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                     "\u2060-\u2069\ufeff\ufff9-\ufffb]")
_SPACE = re.compile(r"\s+")


def clean_name(text: str) -> str:
    """A name as plain, visible text: no control/bidi/zero-width characters, NFC, one space, capped."""
    s = unicodedata.normalize("NFC", _HIDDEN.sub("", str(text)))
    s = _SPACE.sub(" ", s).strip()
    return s if len(s) <= NAME_MAX else s[: NAME_MAX - 1].rstrip() + "…"


def clean_names(file_name: str, df: pd.DataFrame, report: ImportReport) -> pd.DataFrame:
    """Clean ``unit_name`` per category; refuse a name that looks like a fødselsnummer."""
    if not len(df):
        return df
    names = df["unit_name"]
    if not isinstance(names.dtype, pd.CategoricalDtype):
        names = names.astype(str).astype("category")
    cats = [str(c) for c in names.cat.categories]
    for i, c in enumerate(cats):
        if fnr.looks_like_fodselsnummer(c):
            row = df.loc[(names.cat.codes == i).to_numpy(), "_line"]
            raise ImportFailure(file_name, "Et enhetsnavn i filen ser ut til å inneholde et fødselsnummer. Filer med "
                                "personopplysninger importeres ikke; fjern nummeret og last opp på nytt.",
                                int(row.iloc[0]) if len(row) else None)
    cleaned = [clean_name(c) for c in cats]
    changed = sum(a != b for a, b in zip(cats, cleaned))
    if changed:
        codes, uniques = pd.factorize(pd.Series(cleaned, dtype=object))
        old = names.cat.codes.to_numpy()
        df["unit_name"] = pd.Categorical.from_codes(np.where(old < 0, -1, np.asarray(codes)[old]),
                                                    categories=pd.Index(uniques.astype(str)))
        report.note(f"{changed} enhetsnavn hadde usynlige tegn eller styretegn, eller var lengre enn {NAME_MAX} "
                    "tegn; de er renset eller forkortet.")
    return df


def check_counts(df: pd.DataFrame, report: ImportReport) -> pd.DataFrame:
    """Skip rows whose pupil count cannot be right (negative, zero with a value, not whole, absurdly large)."""
    n = df["n"].to_numpy(dtype=float)
    has_value = ~np.isnan(df["value"].to_numpy(dtype=float))
    rules = [
        (n < 0, SkipReason.NEGATIVE_N),
        ((n == 0) & has_value, SkipReason.ZERO_N_WITH_VALUE),
        (~np.isnan(n) & (np.abs(n - np.round(n)) > 1e-9), SkipReason.N_NOT_WHOLE),
        (n > N_MAX, SkipReason.N_ABSURD),
    ]
    bad = np.zeros(len(df), dtype=bool)
    for mask, reason in rules:
        new = mask & ~bad
        if new.any():
            report.skip(reason, int(new.sum()), df.loc[new, "_line"].tolist()[:5])
            bad |= new
    return df[~bad] if bad.any() else df


def check_fractions(file_name: str, df: pd.DataFrame) -> None:
    """Refuse shares written as fractions: every value of a percent indicator within 0–1 (and some above 0)."""
    if not len(df):
        return
    percent = {c for c, ind in INDICATORS.items() if ind.unit_of_measure == "prosent" and ind.value_max >= 100}
    cats, codes = _categories(df["indicator"])
    value = df["value"].to_numpy(dtype=float)
    for i, code in enumerate(cats):
        if code not in percent:
            continue
        vals = value[codes == i]
        vals = vals[~np.isnan(vals)]
        if len(vals) >= 3 and vals.max() <= 1.0 and vals.max() > 0:
            raise ImportFailure(
                file_name,
                f"Alle verdiene for «{INDICATORS[code].label}» ligger mellom 0 og 1 (for eksempel "
                f"{str(round(float(vals.max()), 3)).replace('.', ',')}). Indikatoren er i prosent (0–100); filen "
                "ser ut til å ha andeler som brøk. Eksporter på nytt i prosent, eller gang med 100 før opplasting.",
            )


def _categories(ser: pd.Series) -> tuple[list[str], np.ndarray]:
    """(category texts, codes) of a column without a string per row."""
    if not isinstance(ser.dtype, pd.CategoricalDtype):
        ser = ser.astype(str).astype("category")
    return [str(c) for c in ser.cat.categories], ser.cat.codes.to_numpy()


def primary_suppression(df: pd.DataFrame, report: ImportReport) -> pd.DataFrame:
    """Store a figure behind fewer pupils than its indicator's threshold as suppressed, and count them."""
    if not len(df):
        return df
    cats, codes = _categories(df["indicator"])
    per_cat = np.array([suppression_min_n(c) if c in INDICATORS else np.nan for c in cats] + [np.nan], dtype=float)
    min_n = per_cat[np.where(codes < 0, len(cats), codes)]  # per category, not per row of text
    n = df["n"].to_numpy(dtype=float)
    value = df["value"].to_numpy(dtype=float)
    hide = ~np.isnan(n) & ~np.isnan(value) & (n < min_n) & ~df["suppressed"].to_numpy(dtype=bool)
    if not hide.any():
        return df
    df = df.copy()
    df.loc[hide, "value"] = np.nan
    df.loc[hide, "suppressed"] = True
    marker = df["marker"]
    if isinstance(marker.dtype, pd.CategoricalDtype) and MARKER_SUPPRESSED not in marker.cat.categories:
        df["marker"] = marker.cat.add_categories([MARKER_SUPPRESSED])
    df.loc[hide, "marker"] = MARKER_SUPPRESSED
    report.note(f"{int(hide.sum())} tall bygde på færre elever enn grensen for skjerming i indikatorkatalogen "
                "og er lagret som skjermet (*), slik kilden selv skulle ha gjort.")
    report.primary_suppressed += int(hide.sum())
    return df
