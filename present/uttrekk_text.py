"""Plain-Norwegian sentences that explain the uttrekk model's result for one kommune (bokmål or nynorsk:
the texts are the ``ut.*`` keys of the strings table).

One source for the page «Hvorfor er vi trukket ut?» and the report, so the workshop hears the same
words on the projector and on paper. Pure functions on ``analysis.uttrekk`` results; no streamlit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from analysis import uttrekk as u
from present.format import fmt_number
from present.strings import t
from present.window import school_years, window_text


def pct(x: float, decimals: int = 0) -> str:
    """'35 %' (decimal comma); '–' for NaN."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{fmt_number(x, decimals)} %"


def pp(x: float, decimals: int = 0) -> str:
    """'75 prosentpoeng'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return t("ut.pp", value=fmt_number(x, decimals))


def _list(items: list[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + t("ut.and") + items[-1]


@dataclass
class UttrekkExplanation:
    """The sentences for one kommune, grouped as the page shows them."""

    headline: str
    level: list[str] = field(default_factory=list)
    spread: list[str] = field(default_factory=list)
    reliability: list[str] = field(default_factory=list)
    drivers: list[str] = field(default_factory=list)
    stability: list[str] = field(default_factory=list)
    what_if: list[str] = field(default_factory=list)
    uncertain: bool = False  # most risk points do not survive the interval
    weakest_school: str | None = None
    best_school: str | None = None

    def all_paragraphs(self) -> list[str]:
        return [self.headline, *self.level, *self.spread, *self.reliability, *self.drivers, *self.stability,
                *self.what_if]


def kommune_obs(result: u.UttrekkResult, kommune_id: str) -> pd.DataFrame:
    """The kommune's own figures in the window (from ``risk_points``)."""
    o = result.obs
    return o[(o["level"] == "kommune") & (o["unit_id"] == str(kommune_id))]


def school_obs(result: u.UttrekkResult, school_id: str) -> pd.DataFrame:
    o = result.obs
    return o[(o["level"] == "skole") & (o["unit_id"] == str(school_id))]


def what_if_sentence(w: u.WhatIf, kommune_name: str) -> str:
    """One sentence: what the what-if changes (share, rank, spread and selection)."""
    b, a = w.before, w.after
    target = t("ut.target_kommune") if w.target == "kommune" else t("ut.target_nasjonalt")
    parts = [
        t("ut.whatif_school", school=w.school_name, target=target, before=pct(b["school_share"]),
          after=pct(a["school_share"])),
        t("ut.whatif_kommune", before=pct(b["share"]), after=pct(a["share"]))
        + (t("ut.whatif_rank", after=fmt_number(a["rank"], 0), before=fmt_number(b["rank"], 0))
           if not math.isnan(a["rank"]) and not math.isnan(b["rank"]) else ""),
    ]
    if not math.isnan(b["spread"]):
        parts.append(t("ut.whatif_spread", before=pp(b["spread"]), after=pp(a["spread"])))
    text = ", ".join(parts[:-1]) + " " + parts[-1] if len(parts) > 2 else t("ut.and").join(parts)
    text += "."

    def status(s: dict) -> str:
        return "level" if s["drawn_level"] else "spread" if s["drawn_spread"] else "none"

    if w.selection_changes:
        text += " " + t("ut.whatif_changes", kommune=kommune_name, would=t(f"ut.would.{status(a)}"),
                        now=t(f"ut.status.{status(b)}"))
    else:
        text += " " + t("ut.whatif_same", kommune=kommune_name, would=t(f"ut.would.{status(a)}"))
    return text


def _level(k: pd.Series, p: u.UttrekkParams, kommune_name: str) -> list[str]:
    """Whether the level alone selects the kommune, and how many figures were suppressed."""
    out = [t("ut.level_drawn" if k["drawn_level"] else "ut.level_not", kommune=kommune_name, n=p.n_level)]
    n_sup, n_cells = int(k["n_suppressed"]), int(k["n_cells"])
    if n_sup:
        out.append(t("ut.suppressed", n=n_sup, total=n_cells) + " "
                   + (t("ut.suppressed_exclude", counted=int(k["n_counted"])) if p.suppressed == "exclude"
                      else t("ut.suppressed_zero")))
    return out


def _spread_verdict(k: pd.Series, p: u.UttrekkParams, kommune_name: str) -> str:
    if k["drawn_spread"]:
        return t("ut.spread_drawn", kommune=kommune_name)
    if k["spread_signal"] and k["drawn_level"]:
        return t("ut.spread_signal_level")
    if k["spread_signal"]:
        return t("ut.spread_signal_other", n=p.n_spread)
    return t("ut.spread_none")


def _spread(ex: UttrekkExplanation, result: u.UttrekkResult, kommune_id: str, k: pd.Series,
            kommune_name: str) -> None:
    """The spread rule: weakest and best school, the national top group, the verdict and the what-ifs."""
    p = result.params
    schools = result.kommune_schools(kommune_id)
    ranked = schools[schools["ranked"]]
    if len(ranked) < 2:
        ex.spread.append(t("ut.spread_na_one" if len(schools) <= 1 else "ut.spread_na_few", kommune=kommune_name))
        return
    weak = u.weakest_school(result, kommune_id)
    best = u.best_school(result, kommune_id)
    ex.weakest_school, ex.best_school = str(weak["school_name"]), str(best["school_name"])
    ex.spread.append(t("ut.spread_schools", weak=weak["school_name"], weak_share=pct(weak["share"]),
                       best=best["school_name"], best_share=pct(best["share"]), spread=pp(k["spread"]),
                       cutoff=pp(p.spread_cutoff)))
    tops = ranked[ranked["top"]]["school_name"].tolist()
    if tops:
        ex.spread.append(t("ut.top_some", schools=_list(tops), top=fmt_number(100 * p.top_share, 0)))
    else:
        ex.spread.append(t("ut.top_none", top=fmt_number(100 * p.top_share, 0)))
    ex.spread.append(_spread_verdict(k, p, kommune_name))
    # The what-if (the paradox spread-selected kommuner describe).
    ex.what_if.append(what_if_sentence(u.what_if(result, kommune_id, str(weak["school_id"]), "kommune"), kommune_name))
    if str(best["school_id"]) != str(weak["school_id"]):
        ex.what_if.append(what_if_sentence(u.what_if(result, kommune_id, str(best["school_id"]), "kommune"),
                                           kommune_name))


def _reliability(ex: UttrekkExplanation, obs: pd.DataFrame) -> None:
    """How many risk points survive the 95 % interval (``analysis.uttrekk.reliability_summary``)."""
    rs = u.reliability_summary(obs)
    n_pts = rs["n_points_figures"]
    if not n_pts:
        ex.reliability.append(t("uttrekk.no_points"))
        return
    ex.reliability.append(
        t("ut.rel_counts", n=n_pts, sikker=rs["n_sikker"], delvis=rs["n_delvis"], usikker=rs["n_usikker"])
        + (t("ut.rel_no_interval", n=rs["n_uten_intervall"]) if rs["n_uten_intervall"] else "") + "."
    )
    # Issue 12: no «sure share» (it counted significant points and is not an estimate of the share); the
    # bootstrap interval for the share and rank and P(drawn) (analysis.uttrekk_bootstrap) replace it.
    ex.uncertain = rs["n_usikker"] + rs["n_uten_intervall"] > (rs["n_sikker"] + rs["n_delvis"])
    if ex.uncertain:
        ex.reliability.append(t("ut.rel_uncertain"))


def _drivers(obs: pd.DataFrame) -> list[str]:
    drv = u.drivers(obs)
    drv = drv[drv["points"] > 0]
    if not len(drv):
        return []
    top = [t("ut.driver", label=r.label, share=pct(r.contribution)) for r in drv.head(3).itertuples()]
    return [t("ut.drivers", items=_list(top))]


def _stability(obs: pd.DataFrame, periods: list[str]) -> list[str]:
    st = u.stability(obs, periods)
    if not st["n_indicators_with_points"]:
        return []
    every, n = st["n_every_year"], st["n_indicators_with_points"]
    out = [
        t("ut.stable", every=every, n=n)
        + (f": {_list(st['every_year_labels'][:4])}" + (t("ut.and_more") if every > 4 else "") if every else "")
        + "."
    ]
    if st["some_years_labels"]:
        out.append(t("ut.stable_some"))
    by = st["by_year"].dropna(subset=["share"])
    if len(by) >= 2:
        out.append(t("ut.by_year") + "; ".join(f"{r.period}: {pct(r.share)}" for r in by.itertuples()) + ".")
    return out


def explain(result: u.UttrekkResult, kommune_id: str, kommune_name: str) -> UttrekkExplanation:
    """All explanation sentences for a kommune: headline, level, spread (with what-ifs), reliability,
    drivers and stability (see the module docstring)."""
    k = result.kommune_row(kommune_id)
    # The window as used: «2 av 3 år: …; 2023-24: ingen tall i dataene» when a year is missing in the data.
    p = result.params
    window = window_text(school_years(p.end_period or result.periods[-1], p.window_years), result.periods) \
        if result.periods else ""
    if k is None or k["possible"] == 0 or pd.isna(k["share"]):
        return UttrekkExplanation(
            headline=t("ut.headline_none", kommune=kommune_name, window=window),
            uncertain=True,
        )
    ex = UttrekkExplanation(
        headline=t("ut.headline", kommune=kommune_name, points=fmt_number(k["points"], 0),
                   possible=fmt_number(k["possible"], 0), window=window, share=pct(k["share"]),
                   rank=fmt_number(k["rank"], 0), n=int(k["n_kommuner"])),
        level=_level(k, result.params, kommune_name),
    )
    _spread(ex, result, kommune_id, k, kommune_name)
    obs = kommune_obs(result, kommune_id)
    _reliability(ex, obs)
    ex.drivers.extend(_drivers(obs))
    ex.stability.extend(_stability(obs, result.periods))
    return ex


def point_table(result: u.UttrekkResult, obs_unit: pd.DataFrame) -> pd.DataFrame:
    """The unit's figures that give risk points, with limits, interval and how sure the point is (text)."""
    from data.catalogue import INDICATORS, indicator_label

    rel = u.point_reliability(obs_unit)
    if rel.empty:
        return pd.DataFrame()
    rows = []
    for r in rel.itertuples():
        d = INDICATORS[r.indicator].decimals if r.indicator in INDICATORS else 1
        rows.append({
            t("uttrekk.col.indicator"): indicator_label(r.indicator, r.subject, r.trinn),
            t("uttrekk.col.period"): r.period,
            t("ut.col.value"): f"{fmt_number(r.value, d)} ({fmt_number(r.lower, d)}–{fmt_number(r.upper, d)})"
            if not math.isnan(r.lower) else fmt_number(r.value, d),
            t("ut.col.n"): fmt_number(r.n, 0),
            t("ut.col.national"): fmt_number(r.national, d),
            t("ut.col.absolute"): fmt_number(r.absolute, d),
            t("uttrekk.col.points"): fmt_number(r.points, 0),
            t("ut.col.sure"): t(f"ut.sure.{r.reliability}"),
        })
    return pd.DataFrame(rows)


RELIABILITY_SHORT: dict[str, str] = {  # the bokmål texts; the page and report use t("ut.sure.<code>")
    "sikker": "Sikker forskjell",
    "delvis": "Sikker under landsnivå, ikke sikker bak absolutt grense",
    "usikker": "Ikke sikker forskjell",
    "uten_intervall": "Uten intervall",
}
