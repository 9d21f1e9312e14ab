"""Skoler page, issue 12 pieces: «justert for små tall», «skolens nivå over tid», the one-school story,
the rounding line and the funnel's explicit overdispersion model.

Statistics: ``analysis.shrinkage.shrink_units``, ``analysis.persistence.unit_levels``,
``analysis.funnel.funnel_for_units``; cached per data version and choice like ``ui.exploration_data``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import data
from analysis import selection
from analysis.persistence import unit_levels
from analysis.shrinkage import shrink_units
from data.catalogue import INDICATORS
from present.format import fmt_number
from present.strings import t
from ui.exploration_data import indicator_slice

OD_MODELS = ("none", "tau2", "phi")


@st.cache_data(show_spinner=False, max_entries=32)
def adjusted(token: str, kommune_id: str, area: str, indicator: str, subject: str, trinn: int, kjonn: str,
             window: tuple[str, ...]) -> pd.DataFrame:
    """The kommune's schools: shrunken toward the area's schools (fylke or nation) and level over time."""
    sl = indicator_slice(token, indicator, subject, trinn, kjonn)
    area_rows = selection.schools_in_area(sl, area or None, list(window))
    pooled = selection.pooled_units(area_rows, list(window))
    pub = pooled[~pooled["suppressed"].astype(bool) & pooled["estimate"].notna() & (pooled["n"] > 0)]
    ind = INDICATORS[indicator]
    sds = pub["sd"].to_numpy(dtype=float, na_value=np.nan) if "sd" in pub.columns else None
    shr = shrink_units(pub["estimate"].to_numpy(float), pub["n"].to_numpy(float), sds, ind.kind, ind.default_sd)
    adj = pd.DataFrame({"unit_id": pub["unit_id"].astype(str).to_numpy(), "adj_estimate": shr.estimate,
                        "adj_lower": shr.lower, "adj_upper": shr.upper, "adj_weight": shr.weight})
    mine = selection.school_rows(sl, data.kommune_lineage(kommune_id), list(window))
    levels = unit_levels(mine)
    levels["unit_id"] = levels["unit_id"].astype(str)
    own = pooled[pooled["unit_id"].astype(str).isin(set(mine["unit_id"].astype(str)))]
    out = own[["unit_id", "unit_name", "estimate", "lower", "upper", "n", "suppressed"]].copy()
    out["unit_id"] = out["unit_id"].astype(str)
    return out.merge(adj, on="unit_id", how="left").merge(levels, on="unit_id", how="left")


def _ci(est, lo, hi, d: int) -> str:
    if pd.isna(est):
        return t("common.no_data")
    if pd.isna(lo) or pd.isna(hi):
        return fmt_number(est, d)
    return f"{fmt_number(est, d)} ({fmt_number(lo, d)}–{fmt_number(hi, d)})"


def adjusted_table(frame: pd.DataFrame, decimals: int) -> pd.DataFrame:
    """One row per school: published pooled figure, adjusted for small numbers, level over time."""
    rows = []
    for r in frame.sort_values("unit_name").itertuples():
        supp = bool(r.suppressed)
        rows.append({
            t("common.skole"): r.unit_name,
            t("common.n"): "" if pd.isna(r.n) else fmt_number(r.n, 0),
            t("stat.estimand.choice.pooled"): t("common.suppressed") if supp else _ci(r.estimate, r.lower, r.upper, decimals),
            t("stat.shrinkage.option"): "" if supp else _ci(r.adj_estimate, r.adj_lower, r.adj_upper, decimals),
            t("stat.estimand.choice.level"): "" if supp or pd.isna(r.level_lower) else
            _ci(r.level_estimate, r.level_lower, r.level_upper, decimals),
        })
    return pd.DataFrame(rows)


def render_adjusted(token: str, kommune_id: str, area: str, key: tuple[str, str, int, str],
                    window: tuple[str, ...]) -> None:
    """The estimand line and, on request, the adjusted table with the method texts."""
    st.caption(t("stat.persistent.short"))
    if not st.toggle(t("stat.shrinkage.option"), key="skoler_shrinkage", help=t("stat.shrinkage.option_help")):
        return
    frame = adjusted(token, kommune_id, area, *key, window)
    st.dataframe(adjusted_table(frame, INDICATORS[key[0]].decimals), hide_index=True, width="stretch")
    st.caption(t("stat.shrinkage.short") + " " + t("stat.estimand.level"))
    with st.expander(t("common.method")):
        st.markdown(t("stat.shrinkage.long"))
        st.markdown(t("stat.persistent.long"))


def rounding_line(comp: pd.DataFrame) -> str | None:
    """How many school verdicts the published rounding withheld, or None."""
    if "rounding_withheld" not in comp.columns:
        return None
    lost = int((comp["classification_unrounded"].isin(["svakere", "bedre", "lavere", "hoyere"])
                & (comp["classification"] == "ikke_sikker")).sum()) if "classification_unrounded" in comp else 0
    if not lost:
        return None
    return t("stat.rounding.count", count=lost) + " " + t("stat.rounding.short")


def one_school(comp: pd.DataFrame) -> bool:
    """A kommune with a single school: no rest of the kommune to compare with."""
    return len(comp) == 1


__all__ = ["OD_MODELS", "adjusted", "adjusted_table", "one_school", "render_adjusted", "rounding_line"]
