"""Window labels that tell the truth: the school years a pooled figure actually used, and why others are not.

``school_years(end, k)`` is the calendar window (consecutive school years ending with ``end``), which may
include years the data do not hold at all; ``window_text`` names what was used:
«2023-24–2025-26» when every year was used, «2024-25» for one year, and «2 av 3 år: 2023-24 og 2025-26
(2024-25: ingen tall i dataene)» otherwise. Streamlit-free (used by pages and the report).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from data.schema import make_period, period_start_year, sorted_periods
from present.strings import t


def school_years(end: str, k: int) -> list[str]:
    """The ``k`` consecutive school years ending with ``end`` ('2025-26', 3 -> 2023-24, 2024-25, 2025-26)."""
    last = period_start_year(end)
    return [make_period(y) for y in range(last - k + 1, last + 1)]


def _and(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + t("window.and") + " " + items[-1]


def span_text(periods: Iterable[str]) -> str:
    """«2023-24–2025-26» for consecutive years, «2024-25» for one, «2022-23 og 2024-25» with a gap."""
    ps = sorted_periods(periods)
    if not ps:
        return ""
    if len(ps) == 1:
        return ps[0]
    years = [period_start_year(p) for p in ps]
    if years == list(range(years[0], years[0] + len(years))):
        return f"{ps[0]}–{ps[-1]}"
    return _and(ps)


def window_text(wanted: Sequence[str], used: Iterable[str], reasons: Mapping[str, str] | None = None) -> str:
    """The label of a pooled window: the years used, and «k av n år» with the reason for each missing year.

    ``reasons`` maps a missing school year to a short reason (``t("window.reason.no_data")`` by default).
    """
    wanted = sorted_periods(wanted)
    used_set = {str(p) for p in used} & set(wanted)
    if not used_set:
        return t("window.none", window=span_text(wanted))
    if len(used_set) == len(wanted):
        return span_text(wanted)
    missing = [p for p in wanted if p not in used_set]
    by_reason: dict[str, list[str]] = {}
    for p in missing:
        by_reason.setdefault((reasons or {}).get(p, t("window.reason.no_data")), []).append(p)
    why = "; ".join(f"{_and(ps)}: {reason}" for reason, ps in by_reason.items())
    return t("window.partial", used=len(used_set), total=len(wanted), years=span_text(used_set), why=why)


def missing_reasons(wanted: Sequence[str], in_data: Iterable[str], suppressed: Iterable[str] = ()) -> dict[str, str]:
    """Reason per wanted year: not in the data at all, or only suppressed figures for the unit."""
    have, supp = {str(p) for p in in_data}, {str(p) for p in suppressed}
    out = {}
    for p in wanted:
        if p in supp:
            out[p] = t("window.reason.suppressed")
        elif p not in have:
            out[p] = t("window.reason.no_data")
        else:
            out[p] = t("window.reason.no_figure")
    return out
