"""Audits of published figures used as independent checks in the suppression and demo tests.

They compute, with a plain groupby (not the vectorised code of ``data.suppression_rules``), whether a
frame publishes something it must not: a figure below its threshold, or a kommune figure whose
published schools leave a residual of 1 … threshold − 1 pupils (a hidden school revealed).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.catalogue import INDICATORS, suppression_min_n

_KEYS = ["indicator", "subject", "trinn", "kjonn", "period"]


def _threshold(indicator: pd.Series) -> np.ndarray:
    strictest = max(suppression_min_n(c) for c in INDICATORS)
    return np.array([suppression_min_n(c) if c in INDICATORS else strictest for c in indicator.astype(str)],
                    dtype=float)


def published_below_threshold(df: pd.DataFrame) -> pd.DataFrame:
    """Rows published with a known n below the threshold."""
    n = df["n"].to_numpy(dtype=float, na_value=np.nan)
    pub = ~df["suppressed"].to_numpy(dtype=bool) & df["value"].notna().to_numpy()
    return df[pub & np.isfinite(n) & (n < _threshold(df["indicator"]))]


def disclosure_risks(df: pd.DataFrame) -> pd.DataFrame:
    """Kommune figures whose published schools leave a residual of 1 … threshold − 1 pupils."""
    kom = df[df["level"].astype(str) == "kommune"]
    sch = df[(df["level"].astype(str) == "skole") & ~df["suppressed"].astype(bool)]
    s = sch.assign(kommune_id=sch["kommune_id"].astype(str)).groupby(
        ["kommune_id", *_KEYS], observed=True)["n"].sum().rename("published_children_n").reset_index()
    k = kom[~kom["suppressed"].astype(bool)].assign(kommune_id=kom["unit_id"].astype(str))
    k = k[["kommune_id", "unit_name", *_KEYS, "n"]]
    for c in _KEYS:
        s[c] = s[c].astype(str)
        k[c] = k[c].astype(str)
    m = k.merge(s, on=["kommune_id", *_KEYS], how="left").fillna({"published_children_n": 0.0})
    m["threshold"] = _threshold(m["indicator"])
    m["residual_n"] = m["n"] - m["published_children_n"]
    return m[(m["residual_n"] > 0.5) & (m["residual_n"] < m["threshold"])].reset_index(drop=True)
