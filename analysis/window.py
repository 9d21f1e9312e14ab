"""The window of school years every page, the report and the uttrekk model look at.

Udir's oppfølgingsordning judges a kommune on the last three school years (the uttrekk window), so the
default window everywhere is ``WINDOW_YEARS`` = 3. ``last_school_years`` is the one rule for "the last k
school years": the k school years ending at ``end`` (default: the latest year present), counted on the
calendar of school years. A year missing from the data stays missing (the window does not reach further
back to make up k figures), so a window always means the same school years for every unit.
"""

from __future__ import annotations

from typing import Iterable

from data.schema import period_start_year, sorted_periods

WINDOW_YEARS = 3


def last_school_years(periods: Iterable[str], k: int = WINDOW_YEARS, end: str | None = None) -> list[str]:
    """The school years among ``periods`` in the ``k`` school years ending at ``end``, in order.

    Parameters
    ----------
    periods : school years present ('2024-25'), any order, duplicates allowed.
    k : length of the window in school years; ``k <= 0`` gives an empty window.
    end : last school year of the window; None = the latest of ``periods``.

    Returns
    -------
    The school years ``p`` with ``end − k < start(p) ≤ end`` (start = the autumn year), chronological.
    """
    ordered = sorted_periods(str(p) for p in periods)
    if not ordered or k <= 0:
        return []
    end_year = period_start_year(end if end is not None else ordered[-1])
    return [p for p in ordered if end_year - k < period_start_year(p) <= end_year]


__all__ = ["WINDOW_YEARS", "last_school_years"]
