"""The canonical long format (docs/architecture.md): one row per published figure.

Every source (demo, Skoleporten, statistikkbanken, the report API) converts into this; every page
reads only this. ``validate`` checks and normalises a frame and raises ``SchemaError`` with a
Norwegian message listing what is wrong.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from data.catalogue import INDICATORS

LEVELS: tuple[str, ...] = ("nasjonalt", "fylke", "kommune", "skole")
KJONN: tuple[str, ...] = ("alle", "jenter", "gutter")

# name -> pandas dtype after validation. Low-cardinality text is categorical (fast filters, small memory).
COLUMNS: dict[str, str] = {
    "level": "category",
    "unit_id": "category",
    "unit_name": "category",
    "kommune_id": "category",
    "fylke_id": "category",
    "indicator": "category",
    "subject": "category",
    "trinn": "Int8",
    "kjonn": "category",
    "period": "category",
    "value": "float64",
    "n": "float64",
    "sd": "float64",
    "suppressed": "bool",
    "marker": "category",
    "unit_of_measure": "category",
    "source": "category",
}
TEXT_COLUMNS = [c for c, t in COLUMNS.items() if t == "category"]
KEY_COLUMNS = ["level", "unit_id", "indicator", "subject", "trinn", "kjonn", "period"]

PERIOD_RE = re.compile(r"^(\d{4})-(\d{2})$")


class SchemaError(ValueError):
    """The frame does not follow the canonical format; the message is Norwegian and user-facing."""


def period_start_year(period: str) -> int:
    """'2024-25' -> 2024."""
    m = PERIOD_RE.match(str(period))
    if not m:
        raise SchemaError(f"Ugyldig skoleår {period!r}: forventet formen '2024-25'.")
    return int(m.group(1))


def make_period(start_year: int) -> str:
    """2024 -> '2024-25'."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def sorted_periods(periods) -> list[str]:
    """School years in chronological order."""
    return sorted({str(p) for p in periods}, key=period_start_year)


def empty_frame() -> pd.DataFrame:
    """A canonical frame with no rows and the right dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS.items()})


def _coerce(df: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for col, dtype in COLUMNS.items():
        s = df[col]
        if dtype == "category":
            if not isinstance(s.dtype, pd.CategoricalDtype):
                s = s.fillna("").astype(str).astype("category")
        elif dtype == "bool":
            s = s.fillna(False).astype(bool)
        elif dtype == "Int8":
            s = pd.to_numeric(s, errors="raise").astype("Int8")
        else:
            s = pd.to_numeric(s, errors="raise").astype(dtype)
        out[col] = s
    return pd.DataFrame(out, index=df.index)


def validate(df: pd.DataFrame) -> pd.DataFrame:
    """Check and normalise a canonical frame; return it with canonical dtypes and column order.

    Rules: all columns present; ``level`` in LEVELS; ``indicator`` in the catalogue; ``period`` like
    '2024-25'; ``suppressed`` rows carry no value; unsuppressed rows with a value lie within the
    indicator's range; ``n`` and ``sd`` are non-negative; no duplicate keys.
    """
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError("Mangler kolonner i datasettet: " + ", ".join(missing) + ".")
    try:
        df = _coerce(df)
    except (ValueError, TypeError) as exc:
        raise SchemaError(f"Feil datatype i datasettet: {exc}") from exc

    problems: list[str] = []
    bad_level = ~df["level"].isin(LEVELS)
    if bad_level.any():
        problems.append(f"ukjent nivå: {sorted(df.loc[bad_level, 'level'].astype(str).unique())[:5]}")
    bad_ind = ~df["indicator"].isin(list(INDICATORS))
    if bad_ind.any():
        problems.append(f"ukjent indikator: {sorted(df.loc[bad_ind, 'indicator'].astype(str).unique())[:5]}")
    periods = pd.Series(df["period"].cat.categories.astype(str))
    bad_period = periods[~periods.str.match(PERIOD_RE)]
    if len(bad_period) and df["period"].isin(bad_period).any():
        problems.append(f"ugyldig skoleår: {list(bad_period[:5])}")
    supp_with_value = df["suppressed"] & df["value"].notna()
    if supp_with_value.any():
        problems.append(f"{int(supp_with_value.sum())} skjermede rader har likevel en verdi")
    if (df["n"] < 0).any():
        problems.append("negativt antall elever (n)")
    if (df["sd"] < 0).any():
        problems.append("negativt standardavvik (sd)")

    # Value ranges per indicator (vectorised through the category codes).
    # Map on the categories (a few dozen), not on every row.
    cats = df["indicator"].cat.categories
    lo_by_code = np.array([INDICATORS[c].value_min if c in INDICATORS else -np.inf for c in cats])
    hi_by_code = np.array([INDICATORS[c].value_max if c in INDICATORS else np.inf for c in cats])
    codes = df["indicator"].cat.codes.to_numpy()
    lo = pd.Series(np.where(codes >= 0, lo_by_code[codes], -np.inf), index=df.index)
    hi = pd.Series(np.where(codes >= 0, hi_by_code[codes], np.inf), index=df.index)
    out_of_range = df["value"].notna() & ((df["value"] < lo - 1e-9) | (df["value"] > hi + 1e-9))
    if out_of_range.any():
        first = df.loc[out_of_range].iloc[0]
        problems.append(
            f"{int(out_of_range.sum())} verdier utenfor gyldig område (f.eks. {first['indicator']} = {first['value']})"
        )
    if not problems:
        dup = df.duplicated(subset=KEY_COLUMNS, keep=False)
        if dup.any():
            first = df.loc[dup].iloc[0]
            problems.append(
                f"{int(dup.sum())} rader er duplikater av samme tall "
                f"(f.eks. {first['unit_name']}, {first['indicator']}, {first['period']})"
            )
    if problems:
        raise SchemaError("Datasettet er ikke gyldig: " + "; ".join(problems) + ".")
    return df.reset_index(drop=True)
