"""The sentences and small tables of a goal, without Streamlit: for the Mål page, the Statsforvalter
table and the plan export (report/plan.py). Numbers through ``present.format``, text from the strings table."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.goals import Baseline, FollowUp, assess, suggestions
from data.catalogue import INDICATORS, indicator_label
from present.window import span_text
from present.format import decimals_for, fmt_number
from present.strings import t


def unit_word(indicator: str) -> str:
    """What a change is measured in: «prosentpoeng» for shares, else the indicator's unit (e.g. «poeng»)."""
    ind = INDICATORS.get(indicator)
    if ind is None or ind.kind == "share":
        return t("maal.unit_share")
    return "indekspoeng" if ind.unit_of_measure.startswith("indeks") else ind.unit_of_measure


def _f(x: float, indicator: str, extra: int = 0) -> str:
    return fmt_number(x, decimals_for(indicator) + extra) if np.isfinite(x) else t("maal.empty")


def _signed(x: float, indicator: str) -> str:
    text = _f(x, indicator)
    return f"+{text}" if np.isfinite(x) and x > 0 else text.replace("-", "−")


def goal_title(indicator: str, subject: str, trinn: int | None, unit_name: str, target: float, year: str) -> str:
    return t("maal.goal_title", indicator=indicator_label(indicator, subject, trinn), unit=unit_name,
             target=_f(target, indicator), year=year)


def baseline_sentence(b: Baseline) -> str:
    """«Utgangspunkt (2023-24–2025-26): 35,2 (33,1–37,3), 61 elever over 3 skoleår.»"""
    window = span_text(b.periods) if b.periods else t("maal.empty")
    if not np.isfinite(b.estimate):
        return t("maal.baseline_missing", window=window, unit=b.unit_name)
    if not (np.isfinite(b.lower) and np.isfinite(b.upper)):
        return t("maal.baseline_no_interval", window=window, value=_f(b.estimate, b.indicator),
                 reason=b.reason or t("common.n_unknown"))
    return t("maal.baseline", window=window, value=_f(b.estimate, b.indicator), lower=_f(b.lower, b.indicator),
             upper=_f(b.upper, b.indicator), n=fmt_number(b.n, 0), years=b.periods_used)


@dataclass(frozen=True)
class Assessment:
    """What the page says about one goal: sentences and how to show the verdict."""

    baseline: str
    change: str = ""
    mdc: str = ""
    verdict: str = ""
    level: str = "info"  # "success" | "warning" | "info"
    suggestions: list[str] = field(default_factory=list)
    mdc_two_years: float = math.nan


def assessment(b: Baseline, target: float, kommune: Baseline | None = None) -> Assessment:
    """The baseline, the change asked for, the minimum detectable change after one and two years, the
    plain verdict and, where two years cannot show the change, the suggestions (``analysis.goals``)."""
    base = baseline_sentence(b)
    if not b.usable:
        return Assessment(base, suggestions=[t("maal.sug.qualitative")])
    ind, unit = b.indicator, unit_word(b.indicator)
    a = assess(b, target)
    change = t("maal.change", baseline=_f(b.estimate, ind), target=_f(target, ind),
               change=_signed(a.change_wanted, ind), unit=unit)
    one = _f(a.mdc_one_year, ind) if np.isfinite(a.mdc_one_year) else t("maal.mdc_one_nan")
    two = _f(a.mdc_two_years, ind) if np.isfinite(a.mdc_two_years) else t("maal.mdc_one_nan")
    mdc = t("maal.mdc", n=fmt_number(b.n_per_year, 0), one=one, two=two, unit=unit)
    if a.change_wanted == 0:
        verdict, level = t("maal.no_change"), "info"
    elif a.detectable_one_year:
        verdict, level = t("maal.detectable_one"), "success"
    elif a.detectable_two_years:
        verdict, level = t("maal.detectable_two"), "success"
    else:
        verdict, level = t("maal.not_detectable"), "warning"
    sug = [_suggestion_text(s, ind) for s in suggestions(b, target, kommune)] if a.change_wanted else []
    return Assessment(base, change, mdc, verdict, level, sug, a.mdc_two_years)


def _suggestion_text(s, indicator: str) -> str:
    if s.code == "pool_years":
        return t("maal.sug.pool_years", years=s.years)
    if s.code == "larger_unit":
        return t("maal.sug.larger_unit", mdc=_f(s.mdc, indicator), unit=unit_word(indicator))
    return t(f"maal.sug.{s.code}")


def rtm_warning(overlap: list[str]) -> str:
    """The regression-to-the-mean warning for the school years the baseline shares with the uttrekk."""
    return t("maal.rtm", years=", ".join(overlap)) if overlap else ""


def fmt_value(x: float, indicator: str) -> str:
    """A goal's number with the indicator's decimals («–» when missing)."""
    return _f(x, indicator)


def baseline_cell(b: Baseline) -> str:
    """«35,2 (33,1–37,3)» for a table cell."""
    return _interval_cell(b)


def _interval_cell(b: Baseline) -> str:
    if not np.isfinite(b.estimate):
        return t("common.no_data")
    if not (np.isfinite(b.lower) and np.isfinite(b.upper)):
        return f"{_f(b.estimate, b.indicator)} ({b.reason or t('common.n_unknown')})"
    return f"{_f(b.estimate, b.indicator)} ({_f(b.lower, b.indicator)}–{_f(b.upper, b.indicator)})"


def followup_table(b: Baseline, f: FollowUp, target: float, target_year: str) -> pd.DataFrame:
    """Baseline, each follow-up year, the follow-up years pooled and the target, with intervals and n."""
    rows = [(t("maal.row.baseline", window=span_text(b.periods)), _interval_cell(b), b.n)]
    rows += [(y.periods[0], _interval_cell(y), y.n) for y in f.by_year]
    if len(f.by_year) > 1:
        rows.append((t("maal.row.pooled"), _interval_cell(f.pooled), f.pooled.n))
    rows.append((t("maal.row.target", year=target_year), _f(target, b.indicator), math.nan))
    return pd.DataFrame({
        t("maal.col.period"): [r[0] for r in rows],
        t("maal.col.value"): [r[1] for r in rows],
        t("maal.col.n"): [fmt_number(r[2], 0) if np.isfinite(r[2]) else "" for r in rows],
    })


def followup_sentences(b: Baseline, f: FollowUp) -> list[str]:
    """«Endring fra utgangspunktet: +2,1 (−0,4–4,6) poeng: ikke sikker endring.» and how far the target is."""
    ind, unit = b.indicator, unit_word(b.indicator)
    verdict = t(f"maal.verdict.{f.verdict}")
    if not np.isfinite(f.difference):
        return [t("maal.diff", diff=t("maal.empty"), lower=t("maal.empty"), upper=t("maal.empty"), unit=unit,
                  verdict=verdict)]
    out = [t("maal.diff", diff=_signed(f.difference, ind), lower=_f(f.diff_lower, ind).replace("-", "−"),
             upper=_f(f.diff_upper, ind).replace("-", "−"), unit=unit, verdict=verdict)]
    if np.isfinite(f.progress):
        pct = fmt_number(100 * f.progress, 0) + " %"
        reached = f.progress >= 1
        out.append(t("maal.reached", progress=pct) if reached else
                   t("maal.remaining", remaining=_signed(f.remaining, ind), unit=unit, progress=pct))
    return out
