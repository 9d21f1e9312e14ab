"""Streamlit pieces for the issue 12 statistics: the cached uttrekk bootstrap and its display, regression
to the mean, and the many-comparisons line with the Benjamini–Hochberg option.

Statistics live in ``analysis/`` (``uttrekk_bootstrap``, ``multiplicity``, ``persistence``); sentences
and tables in ``present.uncertainty``. The bootstrap is cached per data version and parameter set.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import streamlit as st

import data
from analysis import uttrekk as u
from analysis.multiplicity import bh_verdicts
from data.schema import period_start_year, sorted_periods
from present import uncertainty as pu
from present.strings import t

if TYPE_CHECKING:
    from analysis.uttrekk_bootstrap import BootstrapResult

# The bootstrap and regression to the mean are imported where used: they pull in scipy.stats (≈1 s, ≈50 MB),
# which pages that only need the many-comparisons line (Oversikt) should not pay for.
REPLICATES = 500


@st.cache_data(show_spinner=False, max_entries=4)
def uttrekk_bootstrap(token: str, params_key: str, _res: u.UttrekkResult, replicates: int = REPLICATES) -> BootstrapResult:
    """The parametric bootstrap of the whole rule, memoised per data version and parameter set."""
    from analysis.bootstrap_store import cached_bootstrap  # also on disk: the same numbers, read in ms

    return cached_bootstrap(_res, replicates=replicates)


@st.cache_data(show_spinner=False, max_entries=4)
def uttrekk_rtm(token: str, params_key: str, _params: u.UttrekkParams) -> dict | None:
    """Regression to the mean in the data: kommuner drawn in the window before, and their next window."""
    from analysis.persistence import regression_to_mean

    df = data.load_dataset()
    periods = sorted_periods(str(p) for p in df["period"].unique())
    end = _params.end_period or (periods[-1] if periods else None)
    if end is None:
        return None
    earlier = [p for p in periods if period_start_year(p) == period_start_year(end) - _params.window_years]
    if not earlier:
        return None
    first = u.compute(df, replace(_params, end_period=earlier[0])).kommuner.set_index("kommune_id")
    second = u.compute(df, _params).kommuner.set_index("kommune_id").reindex(first.index)
    drawn = (first["drawn_level"] | first["drawn_spread"]).to_numpy(bool)
    if drawn.sum() < 3:
        return None
    r = regression_to_mean(first["share"], second["share"], drawn)
    r["first_window"], r["end"] = earlier[0], end
    return r


def render_kommune_uncertainty(boot: BootstrapResult, kommune_id: str) -> None:
    """Share interval, rank interval, P(drawn) and the two-way audit for one kommune."""
    st.header(t("uttrekk.boot.heading"))
    row = boot.kommuner[boot.kommuner["kommune_id"] == str(kommune_id)]
    if row.empty:
        st.info(t("uttrekk.boot.summary_unranked"))
        return
    st.markdown(pu.bootstrap_summary(row.iloc[0]))
    figs = boot.figures[(boot.figures["level"] == "kommune") & (boot.figures["unit_id"] == str(kommune_id))]
    from analysis.uttrekk_bootstrap import audit

    a = audit(figs)
    st.markdown(pu.audit_sentence(a))
    st.caption(t("stat.bootstrap.short", reps=boot.replicates))
    with st.expander(t("uttrekk.boot.audit_heading")):
        both = pd.concat([a["given_doubtful"], a["not_given_doubtful"]])
        if len(both):
            st.dataframe(pu.audit_table(both), hide_index=True, width="stretch")
        st.caption(t("stat.bootstrap.long"))


def render_all_kommuner(boot: BootstrapResult) -> None:
    """Every kommune with intervals for share and rank and P(drawn) (replaces the «sure share»)."""
    st.caption(t("uttrekk.boot.all_caption"))
    st.dataframe(pu.all_kommuner_table(boot.kommuner), hide_index=True, width="stretch", height=420)


def render_rtm(r: dict | None) -> None:
    """The regression-to-the-mean paragraph (short), with the long text in an expander."""
    st.markdown(t("stat.rtm.short"))
    if r:
        st.caption(pu.rtm_line(r))


def many_comparisons(frame: pd.DataFrame, key: str, container=None) -> pd.DataFrame:
    """Show the expected-false-flags line and the BH option; return ``frame`` with BH applied if chosen.

    ``frame`` carries ``classification``, ``difference``, ``diff_lower`` and ``diff_upper``.
    """
    return many_comparisons_in([frame], key, container)[0]


def many_comparisons_in(frames: list[pd.DataFrame], key: str, container=None) -> list[pd.DataFrame]:
    """Like ``many_comparisons`` across several tables of one page (BH over all their verdicts together)."""
    box = container or st
    parts = [f for f in frames if len(f)]
    classes = np.concatenate([f["classification"].astype(str).to_numpy() for f in parts]) if parts else np.array([])
    box.caption(pu.false_flags_line(classes))
    use_bh = box.toggle(t("stat.multiplicity.bh"), key=f"{key}_bh", help=t("stat.multiplicity.bh_help"))
    if not use_bh or not parts:
        return frames
    col = lambda c: np.concatenate([f[c].to_numpy(dtype=float, na_value=np.nan) for f in parts])  # noqa: E731
    after = bh_verdicts(classes, col("difference"), col("diff_lower"), col("diff_upper"))
    out, start = [], 0
    for f in frames:
        if not len(f):
            out.append(f)
            continue
        g = f.copy()
        new = after[start:start + len(f)]
        start += len(f)
        if isinstance(g["classification"].dtype, pd.CategoricalDtype):
            g["classification"] = pd.Categorical(new, categories=g["classification"].cat.categories)
        else:
            g["classification"] = new.astype(str)
        out.append(g)
    verdicts = int(np.isin(classes, ["svakere", "bedre", "hoyere", "lavere"]).sum())
    box.caption(t("stat.multiplicity.bh_removed", count=int((classes != after).sum()), total=verdicts))
    return out


__all__ = ["many_comparisons", "many_comparisons_in", "render_all_kommuner", "render_kommune_uncertainty", "render_rtm",
           "uttrekk_bootstrap", "uttrekk_rtm"]
