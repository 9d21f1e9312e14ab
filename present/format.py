"""Number formatting for Norwegian readers: decimal comma, intervals as 'a (b–c)', suppression as text.

``fmt_number``/``fmt_spec`` are the one decimal-comma formatter (implemented in ``data.numbers`` so that
``analysis/`` can name an SD or a confidence level in its method texts without importing upwards).
"""

from __future__ import annotations

import math

from data.catalogue import INDICATORS, indicator_label
from data.numbers import fmt_number, fmt_spec
from present.strings import t, tr

__all__ = ["decimals_for", "fmt_estimate", "fmt_interval", "fmt_number", "fmt_spec", "row_label"]


def decimals_for(indicator: str) -> int:
    ind = INDICATORS.get(indicator)
    return ind.decimals if ind else 1


def fmt_estimate(row, prefix: str = "", decimals: int | None = None) -> str:
    """The estimate of a row (or 'skjermet' / 'ingen data')."""
    d = decimals if decimals is not None else decimals_for(str(row["indicator"]))
    if bool(row.get(f"{prefix}suppressed", False)):
        return t("common.suppressed")
    est = row.get(f"{prefix}estimate")
    if est is None or (isinstance(est, float) and math.isnan(est)):
        return t("common.no_data")
    return fmt_number(est, d)


def fmt_interval(row, prefix: str = "", decimals: int | None = None) -> str:
    """'42,3 (40,1–44,5)', or the reason there is no interval."""
    d = decimals if decimals is not None else decimals_for(str(row["indicator"]))
    base = fmt_estimate(row, prefix, d)
    if base in (t("common.suppressed"), t("common.no_data")):
        return base
    lo, hi = row.get(f"{prefix}lower"), row.get(f"{prefix}upper")
    if lo is None or hi is None or math.isnan(lo) or math.isnan(hi):
        reason = tr(row.get(f"{prefix}no_interval_reason") or "") or t("common.n_unknown")
        return f"{base} ({reason})"
    return f"{base} ({fmt_number(lo, d)}–{fmt_number(hi, d)})"


def row_label(row) -> str:
    return indicator_label(str(row["indicator"]), str(row["subject"]), int(row["trinn"]))


def count_text(n: int, singular: str, plural: str) -> str:
    """'1 skole', '3 skoler', '0 skoler' (Norwegian: singular only for exactly one)."""
    return f"{fmt_number(n, 0)} {singular if int(n) == 1 else plural}"
