"""Cached data for the Mål page and the Statsforvalter goals table: a goal's baseline, the kommune's
baseline beside a school goal, and the follow-up years (``analysis.goals`` on the active dataset).

Cached with ``st.cache_data`` on small hashable arguments (data token, ids, key, window), never on the
big frame.
"""

from __future__ import annotations

import streamlit as st

import data
from analysis import goals as g
from analysis.window import last_school_years
from data.schema import sorted_periods
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
    """The goals repository on the app's findings database."""
    from data.findings.goal_store import GoalStore

    return GoalStore(findings_store())


def goal_key(goal) -> tuple[str, str, int]:
    return (goal.indicator, goal.subject or "", int(goal.trinn) if goal.trinn is not None else 0)
