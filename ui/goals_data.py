"""Cached data for the Mål page and the Statsforvalter goals table: a goal's baseline, the kommune's
baseline beside a school goal, and the follow-up years (``analysis.goals`` on the active dataset).

Cached with ``st.cache_data`` on small hashable arguments (data token, ids, key, window), never on the
big frame.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import data
from analysis import goals as g
from analysis.window import last_school_years
from data.schema import sorted_periods
from present import goals_text as gt
from present.strings import t
from ui.findings_common import findings_store


@st.cache_data(show_spinner=False, max_entries=8)
def periods(token: str) -> list[str]:
    """Every school year in the active data, in order."""
    return sorted_periods(data.load_dataset()["period"].unique())


def window(token: str, end: str) -> tuple[str, ...]:
    """The three-year forfase window ending at ``end``."""
    return tuple(last_school_years(periods(token), end=end))


@st.cache_data(show_spinner=False, max_entries=256)
def baseline(token: str, kommune_id: str, key: tuple[str, str, int], unit_level: str, unit_id: str,
             window_periods: tuple[str, ...]) -> g.Baseline:
    """``analysis.goals.goal_baseline`` for one unit and window."""
    return g.goal_baseline(data.load_dataset(), data.kommune_lineage(kommune_id), key, unit_level, unit_id,
                           list(window_periods))


@st.cache_data(show_spinner=False, max_entries=256)
def follow_up(token: str, kommune_id: str, key: tuple[str, str, int], unit_level: str, unit_id: str,
              window_periods: tuple[str, ...], target: float, target_year: str) -> g.FollowUp | None:
    """The follow-up years after the window (up to the target year) against the baseline."""
    b = baseline(token, kommune_id, key, unit_level, unit_id, window_periods)
    later = g.followup_periods(periods(token), window_periods, target_year)
    return g.follow_up(data.load_dataset(), data.kommune_lineage(kommune_id), key, unit_level, unit_id, b,
                       target, later)


def goal_store():
    """The goals on the app's findings database as the person using the app may use them (their kommuner,
    their school for a skoleleder; ``data.findings.scoped_goals``)."""
    return findings_store().goals()


def goals_csv(token: str, kommune_id: str, goals, finding_labels: dict[str, str]) -> bytes:
    """The kommune's live goals as CSV for Excel (``data.findings.exchange_goals.export_goals_csv``), schools
    and linked utfordringer by name."""
    from data.findings.exchange_goals import export_goals_csv
    from ui.findings_common import kommune_schools

    return export_goals_csv(goals, kommune_schools(token, kommune_id), finding_labels)


def goal_key(goal) -> tuple[str, str, int]:
    return (goal.indicator, goal.subject or "", int(goal.trinn) if goal.trinn is not None else 0)


def goal_row(token: str, goal, kommune_name: str) -> dict:
    """One goal as a row of the Statsforvalter table: baseline and follow-up with intervals, the change's
    verdict, how far the target is and the MDC after two years (text from ``present.goals_text``)."""
    key = goal_key(goal)
    win = tuple(goal.baseline_periods)
    b = baseline(token, goal.kommune_id, key, goal.unit_level, goal.unit_id, win)
    kom = baseline(token, goal.kommune_id, key, "kommune", goal.kommune_id, win) if goal.unit_level == "skole" else None
    a = gt.assessment(b, goal.target_value, kom)
    f = follow_up(token, goal.kommune_id, key, goal.unit_level, goal.unit_id, win, goal.target_value, goal.target_year)
    unit = b.unit_name if goal.unit_level == "skole" else kommune_name
    mdc = a.mdc_two_years
    return {
        t("maal.sf.col.kommune"): f"{kommune_name} ({goal.kommune_id})",
        t("maal.sf.col.goal"): gt.goal_title(goal.indicator, goal.subject, goal.trinn, unit, goal.target_value,
                                             goal.target_year),
        t("maal.sf.col.baseline"): gt.baseline_cell(b),
        t("maal.sf.col.mdc"): gt.fmt_value(mdc, goal.indicator),
        t("maal.sf.col.latest"): gt.baseline_cell(f.pooled) if f else t("maal.empty"),
        t("maal.sf.col.verdict"): t(f"maal.verdict.{f.verdict}") if f else t("maal.empty"),
        t("maal.sf.col.remaining"): gt.fmt_value(f.remaining, goal.indicator) if f else t("maal.empty"),
    }


def goals_table(token: str, kommune_ids, names: dict[str, str]):
    """The live goals of several kommuner, one row per goal (empty frame when there are none)."""
    by_kommune = goal_store().list_many(kommune_ids)
    rows = [goal_row(token, g, names.get(k, k)) for k, gs in by_kommune.items() for g in gs if g.baseline_periods]
    return pd.DataFrame(rows)


@st.cache_data(show_spinner=False, max_entries=16)
def drawn_in_model(token: str, kommune_id: str, end: str) -> str:
    """How Udir's selection model as reconstructed in ``analysis.uttrekk`` (default parameters) draws the
    kommune on the window ending at ``end``: ``"level"``, ``"spread"`` or ``""`` (not drawn)."""
    from analysis import uttrekk as u

    res = u.compute(data.load_dataset(), u.UttrekkParams(end_period=end))
    row = res.kommune_row(kommune_id)
    if row is None:
        return ""
    return "level" if bool(row["drawn_level"]) else "spread" if bool(row["drawn_spread"]) else ""
