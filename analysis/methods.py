"""Norwegian method texts for every statistic, collected in one place for pages and reports.

Each analysis module keeps its own text next to its code; this module only gathers them under stable
keys so a page can show "Slik er det regnet ut" beside a chart.
"""

from __future__ import annotations

from analysis import compare, intervals, spread, suppression, trends

METHOD_TEXTS: dict[str, str] = {
    "intervaller": intervals.METHOD_TEXT,
    "sammenligning": compare.method_text(),
    "sammenligning_usikker": compare.method_text(uncertain_benchmark=True),
    "differanse": compare.METHOD_TEXT_DIFFERENCE,
    "resten_av_kommunen": compare.METHOD_TEXT_REST,
    "utvikling": trends.method_text(),
    "spredning": spread.METHOD_TEXT_SPREAD,
    "trakt": spread.METHOD_TEXT_FUNNEL,
    "overspredning": spread.METHOD_TEXT_OVERDISPERSION,
    "krymping": spread.METHOD_TEXT_SHRINKAGE,
    "skjerming": suppression.METHOD_TEXT,
}


def method_text(key: str) -> str:
    """The Norwegian method text for ``key`` (see ``METHOD_TEXTS``); KeyError names the unknown key."""
    try:
        return METHOD_TEXTS[key]
    except KeyError:
        raise KeyError(f"Ukjent metode: {key!r}. Kjente: {', '.join(sorted(METHOD_TEXTS))}") from None
