"""Cell values: numbers in Norwegian and English notation, and the markers Udir and SSB print instead.

Markers seen in the real exports (``../shared/realdata``): ``*`` (Udir: skjermet / unntatt offentlighet),
empty cell (Udir statistikkbanken: no result), ``.`` (Skoleporten: no figure). SSB prints ``:``
(confidential), ``..`` (not available) and ``.`` (not applicable). A marker is kept as its raw text in
``marker``; ``suppressed`` is True only for the suppression markers; all markers leave ``value`` empty.

Parsing works on the distinct texts of a column (categorical codes), so a million rows cost a few
thousand string operations.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from data.catalogue import MARKER_LABELS

SUPPRESSED_MARKERS = frozenset({"*", ":"})
MISSING_MARKERS = frozenset({"", ".", "..", "…", "-"})
KNOWN_MARKERS = SUPPRESSED_MARKERS | MISSING_MARKERS

_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}( \d{3})+)([.,]\d+)?$")
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")


def marker_label(marker: str) -> str:
    """Norwegian meaning of a marker, for reports."""
    if marker == "":
        return "Tom celle (ingen resultat)"
    if marker == "-":
        return "Strek (ingen resultat)"
    return MARKER_LABELS.get(marker, "Ukjent markør")


def parse_number(text: str) -> float | None:
    """'56 833' -> 56833.0, '3,3' -> 3.3, '39.299999999999997' -> 39.3; None when not a number."""
    s = text.strip()
    if not s:
        return None
    s = s.replace("\u2212", "-")
    if not _NUMBER.match(s.replace("\u00a0", " ").replace("\u202f", " ")):
        # Also accept plain floats such as '1e3' or '39.299999999999997' from Excel.
        try:
            v = float(s.translate(_SPACES))
        except ValueError:
            return None
        return v if np.isfinite(v) else None
    s = s.translate(_SPACES).replace(",", ".")
    return float(s)


def parse_cells(texts: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Parse a column of cell texts.

    Returns ``(value, marker, suppressed, unknown)``: float values (NaN for markers), marker text
    (a categorical; '' for numbers), suppression flags, and a mask of cells that are neither a number
    nor a known marker (the caller skips those rows with a reason).
    """
    cat = texts if isinstance(texts.dtype, pd.CategoricalDtype) else texts.fillna("").astype(str).astype("category")
    cats = [str(c) for c in cat.cat.categories]
    vals = np.full(len(cats) + 1, np.nan)
    marks = np.array([""] * (len(cats) + 1), dtype=object)
    supp = np.zeros(len(cats) + 1, dtype=bool)
    unk = np.zeros(len(cats) + 1, dtype=bool)
    for i, c in enumerate(cats):
        s = c.strip()
        num = parse_number(s)
        if num is not None:
            vals[i] = num
        elif s in KNOWN_MARKERS:
            marks[i] = s
            supp[i] = s in SUPPRESSED_MARKERS
        else:
            marks[i] = s
            unk[i] = True
    codes = cat.cat.codes.to_numpy()
    codes = np.where(codes < 0, len(cats), codes)  # missing cells -> the '' slot at the end
    uniq_codes, uniques = pd.factorize(pd.Series(marks, dtype=object))
    marker = pd.Categorical.from_codes(np.asarray(uniq_codes)[codes], categories=pd.Index(uniques.astype(str)))
    return vals[codes], marker, supp[codes], unk[codes]


def parse_count(texts: pd.Series) -> np.ndarray:
    """A pupil-count column: numbers become n, markers and anything else NaN."""
    value, _, _, _ = parse_cells(texts)
    return value  # negative or fractional counts are kept so that the import checks can flag them
