"""Skoleportrett: one school's figures against the rest of its kommune, on the uttrekk indicators.

No new statistics: for each indicator key the school's pooled window figure and the rest of the
kommune come from ``analysis.selection.school_comparison`` (MOVER difference, the Skoler page's
comparison), and the school's share of the kommune's between-school spread from
``analysis.spread.spread_drivers`` (nᵢ(xᵢ − x̄)² over the between-school sum of squares).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis import selection
from analysis.spread import between_school_spread, spread_drivers
from analysis.window import WINDOW_YEARS, last_school_years
from data.catalogue import UTTREKK_SET
from data.schema import sorted_periods

COLUMNS = ["indicator", "subject", "trinn", "window", "estimate", "lower", "upper", "n", "suppressed",
           "large_uncertainty", "rest_estimate", "rest_lower", "rest_upper", "rest_reason", "difference",
           "diff_lower", "diff_upper", "classification", "certainty", "spread_share", "icc", "n_schools"]


def certainty(classification: str, large_uncertainty: bool, suppressed: bool) -> str:
    """How sure the comparison is, as a code: ``sikker`` (the 95 % interval of the difference excludes 0),
    ``stor_usikkerhet`` (no sure difference and the school's own interval is wide), ``usikker`` (no sure
    difference) or ``ingen_data`` (suppressed, or no rest of the kommune to compare with)."""
    if suppressed or classification in ("ingen_data", "", "nan"):
        return "ingen_data"
    if classification in ("svakere", "bedre", "lavere", "hoyere"):
        return "sikker"
    return "stor_usikkerhet" if large_uncertainty else "usikker"


def _one_key(sl: pd.DataFrame, lineage: Sequence[str], school_id: str, window_years: int) -> dict | None:
    window = last_school_years(sorted_periods(sl["period"].unique()), window_years)
    comp = selection.school_comparison(sl, lineage, window)
    if comp.empty or school_id not in set(comp["school_id"].astype(str)):
        return None
    row = comp[comp["school_id"].astype(str) == school_id].iloc[0]
    pooled = comp.rename(columns={"school_id": "unit_id", "school_name": "unit_name"}).assign(level="skole")
    drivers = spread_drivers(pooled)
    share = drivers.loc[drivers["unit_id"] == school_id, "contribution_share"]
    spread = between_school_spread(pooled, by=["indicator", "subject", "trinn", "kjonn"])
    out = {c: row.get(c, np.nan) for c in COLUMNS if c in row.index}
    out.update(window=tuple(window), suppressed=bool(row["suppressed"]),
               large_uncertainty=bool(row.get("large_uncertainty", False)),
               classification=str(row["classification"]), rest_reason=str(row.get("rest_reason", "") or ""),
               spread_share=float(share.iloc[0]) if len(share) else np.nan,
               icc=float(spread["icc"].iloc[0]) if len(spread) else np.nan,
               n_schools=int(len(comp)))
    out["certainty"] = certainty(out["classification"], out["large_uncertainty"], out["suppressed"])
    return out


def school_portrait(df: pd.DataFrame, lineage: Sequence[str], school_id: str,
                    keys: Sequence[tuple[str, str, int]] = UTTREKK_SET,
                    window_years: int = WINDOW_YEARS) -> pd.DataFrame:
    """One row per indicator key on which the school has any figure (also suppressed).

    Parameters
    ----------
    df : the canonical long frame (``data.load_dataset()``).
    lineage : the kommune and its predecessors (``data.kommune_lineage``).
    school_id : the school's organisation number.
    keys : (indicator, subject, trinn) to show; all pupils (``kjonn = alle``).
    window_years : the window: the last ``window_years`` school years of each indicator.

    Returns
    -------
    DataFrame with ``COLUMNS``: the school's pooled figure and interval, the rest of the kommune, the
    difference with its 95 % MOVER interval, the classification (``analysis.compare.classify``), a
    ``certainty`` code (``certainty``), the school's share of the between-school sum of squares
    (``spread_share``, NaN when the school is suppressed) and the kommune's ICC.

    References
    ----------
    Zou, G. Y. & Donner, A. (2008). Stat Med 27, 1693-1702 (MOVER). Searle, Casella & McCulloch (1992),
    one-way random effects (ICC). See ``analysis.compare`` and ``analysis.spread``.
    """
    rows = []
    for indicator, subject, trinn in keys:
        sl = selection.slice_indicator(df, indicator, subject, trinn, "alle")
        if sl.empty:
            continue
        r = _one_key(sl, lineage, str(school_id), window_years)
        if r is not None:
            r.update(indicator=indicator, subject=subject, trinn=int(trinn))
            rows.append(r)
    return pd.DataFrame(rows, columns=COLUMNS)


__all__ = ["COLUMNS", "certainty", "school_portrait"]
