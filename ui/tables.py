"""Tables on screen the Norwegian way: decimal comma and thousands space, still sortable as numbers.

Streamlit's ``NumberColumn(format="localized")`` formats with the browser's language, which
``ui.language.document_setup`` reports as Norwegian; the number of decimals is fixed per column from the
values (a table is built with numbers already rounded as shown). Empty number cells read «skjermet»
(every empty cell is in a suppressed row), «ingen data» (none is) or «skjermet eller ingen data».
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from present.strings import t

MAX_DECIMALS = 3


def column_decimals(values: pd.Series) -> int:
    """The fewest decimals (0–3) that show every value of a float column as it is."""
    v = pd.to_numeric(values, errors="coerce").dropna().to_numpy(dtype=float)
    v = v[np.isfinite(v)]
    for d in range(MAX_DECIMALS + 1):
        if np.allclose(np.round(v, d), v, rtol=0, atol=1e-9):
            return d
    return MAX_DECIMALS


def is_number_column(s: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)


def number_column_config(table: pd.DataFrame, column_config: dict | None = None) -> dict[str, Any]:
    """``column_config`` with a Norwegian ``NumberColumn`` for every number column not configured already."""
    config: dict[str, Any] = dict(column_config or {})
    for col in table.columns:
        if col in config or not is_number_column(table[col]):
            continue
        d = 0 if pd.api.types.is_integer_dtype(table[col]) else column_decimals(table[col])
        config[col] = st.column_config.NumberColumn(str(col), format="localized", step=10.0 ** -d if d else 1)
    return config


def placeholder(table: pd.DataFrame, suppressed: Sequence[bool] | pd.Series | None = None) -> str:
    """What an empty cell reads: «skjermet», «ingen data» or both, from where the holes are."""
    holes = table.isna().any(axis=1).to_numpy()
    if not holes.any():
        return t("common.no_data")
    if suppressed is None:
        return t("common.no_data")
    mask = np.asarray(suppressed, dtype=bool)
    if len(mask) != len(table):
        return t("common.missing")
    if mask[holes].all():
        return t("common.suppressed")
    if not mask[holes].any():
        return t("common.no_data")
    return t("common.missing")


def show_table(table: pd.DataFrame, *, suppressed=None, column_config: dict | None = None, **kwargs):
    """``st.dataframe`` with Norwegian numbers and a Norwegian text in empty cells."""
    kwargs.setdefault("hide_index", True)
    return st.dataframe(table, column_config=number_column_config(table, column_config),
                        placeholder=placeholder(table, suppressed), **kwargs)
