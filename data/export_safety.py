"""The one place that makes cells safe for spreadsheets (CSV and XLSX downloads): formula injection.

OWASP's CSV injection guidance: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return can be run as a formula by Excel or LibreOffice (``=HYPERLINK(...)``, DDE). Such text cells get a
leading apostrophe (``'``), which spreadsheets show as text. The full-width and typographic forms
(``＝ ＋ － ＠``, the minus sign ``−``) are treated the same. Only text is touched: numbers written as
numbers (floats, ints) stay numbers, so negative values remain usable.

Every download that writes CSV or XLSX calls ``neutralise_cell`` (or ``neutralise_frame``): the table
downloads (``ui/downloads.py``) and the findings CSV (``data/findings/exchange.py``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\u2212", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_cell(value: Any) -> Any:
    """A text cell that could start a formula, prefixed with ``'``; anything else unchanged."""
    if not isinstance(value, str):
        return value
    if value.lstrip(" \u00a0").startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell and every column name neutralised (numeric columns untouched)."""
    out = frame.copy()
    for col in out.columns:
        ser = out[col]
        if ser.dtype == object or isinstance(ser.dtype, (pd.StringDtype, pd.CategoricalDtype)):
            out[col] = ser.astype(object).map(neutralise_cell)
    out.columns = [neutralise_cell(str(c)) if isinstance(c, str) else c for c in out.columns]
    return out
