"""Sentences and tables for the issue 12 statistics (no Streamlit): uttrekk bootstrap, many comparisons,
regression to the mean, indicator set. Numbers are formatted the Norwegian way (``present.format``)."""

from __future__ import annotations

import math

import pandas as pd

from analysis.multiplicity import count_comparisons, expected_false_flags
from data.catalogue import UTTREKK_SET_LABELS, indicator_label, uttrekk_set_name
from present.format import fmt_number
from present.strings import t


def _pct(p: float) -> str:
    return "–" if p is None or (isinstance(p, float) and math.isnan(p)) else fmt_number(100 * p, 0)


def bootstrap_summary(row: pd.Series) -> str:
    """One kommune's share interval, rank interval and P(drawn) as a sentence."""
    if pd.isna(row["rank"]):
        return t("uttrekk.boot.summary_unranked")
    return t("uttrekk.boot.summary", lo=fmt_number(row["share_lower"], 0), hi=fmt_number(row["share_upper"], 0),
             rank_lo=fmt_number(row["rank_lower"], 0), rank_hi=fmt_number(row["rank_upper"], 0),
             p=_pct(row["p_drawn"]))


def audit_sentence(a: dict) -> str:
    """The two-way audit of one kommune's figures (``analysis.uttrekk_bootstrap.audit``)."""
    return t("uttrekk.boot.audit", given=a["n_given"], given_doubt=a["n_given_doubtful"],
             not_given=a["n_not_given"], not_doubt=a["n_not_given_doubtful"])


def audit_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Figures whose outcome could well have been the other, with the probability of that."""
    return pd.DataFrame({
        t("uttrekk.boot.col.figure"): [f"{name}: {indicator_label(i, s, tr)}" for name, i, s, tr in
                                       zip(rows["unit_name"], rows["indicator"], rows["subject"], rows["trinn"])],
        t("uttrekk.boot.col.period"): rows["period"].astype(str),
        t("uttrekk.boot.col.value"): rows["value"].map(lambda v: fmt_number(v, 1)),
        t("uttrekk.boot.col.points"): rows["raw_points"].astype(int),
        t("uttrekk.boot.col.doubt"): rows["doubt"].map(_pct),
    })


def all_kommuner_table(k: pd.DataFrame) -> pd.DataFrame:
    """Every kommune: share and rank with their intervals, P(drawn) and the model's outcome."""
    def ci(lo, hi, d=0) -> list[str]:
        return ["–" if pd.isna(a) else f"{fmt_number(a, d)}–{fmt_number(b, d)}" for a, b in zip(lo, hi)]

    return pd.DataFrame({
        t("uttrekk.boot.col.kommune"): k["kommune_name"] + " (" + k["kommune_id"] + ")",
        t("uttrekk.boot.col.share"): k["share"].map(lambda v: fmt_number(v, 1)),
        t("uttrekk.boot.col.share_ci"): ci(k["share_lower"], k["share_upper"]),
        t("uttrekk.boot.col.rank"): k["rank"].map(lambda v: fmt_number(v, 0)),
        t("uttrekk.boot.col.rank_ci"): ci(k["rank_lower"], k["rank_upper"]),
        t("uttrekk.boot.col.p_drawn"): k["p_drawn"].map(_pct),
        t("uttrekk.boot.col.drawn"): k["drawn"].map({True: t("uttrekk.yes"), False: t("uttrekk.no")}),
    })


def false_flags_line(classifications) -> str:
    """«N sammenligninger … omtrent E av dem likevel …» for the verdicts a page shows."""
    n = count_comparisons(classifications)
    e = expected_false_flags(n)
    return t("stat.multiplicity.line", n=n, expected=fmt_number(e["expected"], 1),
             p_any=fmt_number(100 * e["p_any_svakere"], 0))


def rtm_line(r: dict) -> str:
    """Regression to the mean in the data (``analysis.persistence.regression_to_mean``)."""
    return t("stat.rtm.line", before=fmt_number(r["drawn_first"], 1), after=fmt_number(r["drawn_second"], 1),
             predicted=fmt_number(r["predicted_second"], 1))


def indicator_set_line(indicators) -> str:
    """«Indikatorsett i modellen: …» for the set a parameter object uses."""
    name = uttrekk_set_name(indicators)
    label = UTTREKK_SET_LABELS.get(name) or ", ".join(indicator_label(i, s, tr) for i, s, tr in indicators)
    return t("stat.indicator_set.short", label=label)


__all__ = ["all_kommuner_table", "audit_sentence", "audit_table", "bootstrap_summary", "false_flags_line",
           "indicator_set_line", "rtm_line"]
