"""Plain-bokmål sentences that explain the uttrekk model's result for one kommune.

One source for the page «Hvorfor er vi trukket ut?» and the report, so the workshop hears the same
words on the projector and on paper. Pure functions on ``analysis.uttrekk`` results; no streamlit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from analysis import uttrekk as u
from present.format import fmt_number


def pct(x: float, decimals: int = 0) -> str:
    """'35 %' (decimal comma); '–' for NaN."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{fmt_number(x, decimals)} %"


def pp(x: float, decimals: int = 0) -> str:
    """'75 prosentpoeng'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{fmt_number(x, decimals)} prosentpoeng"


def _list(items: list[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " og " + items[-1]


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
    target = "kommunens nivå" if w.target == "kommune" else "landsnivået"
    parts = [
        f"Hvis {w.school_name} hadde hatt resultater på {target}, ville skolens andel risikopoeng gått fra "
        f"{pct(b['school_share'])} til {pct(a['school_share'])}",
        f"kommunens andel fra {pct(b['share'])} til {pct(a['share'])}"
        + (f" (plass {fmt_number(a['rank'], 0)} i stedet for {fmt_number(b['rank'], 0)})"
           if not math.isnan(a["rank"]) and not math.isnan(b["rank"]) else ""),
    ]
    if not math.isnan(b["spread"]):
        parts.append(f"og spredningen mellom skolene fra {pp(b['spread'])} til {pp(a['spread'])}")
    text = ", ".join(parts[:-1]) + " " + parts[-1] if len(parts) > 2 else " og ".join(parts)
    text += "."

    def status(s: dict) -> str:
        if s["drawn_level"]:
            return "trukket ut på nivå"
        if s["drawn_spread"]:
            return "trukket ut på spredning"
        return "ikke trukket ut"

    def would(s: dict) -> str:
        return "ikke vært trukket ut" if status(s) == "ikke trukket ut" else f"vært {status(s)}"

    if w.selection_changes:
        text += f" Med denne modellen ville {kommune_name} da {would(a)} (nå: {status(b)})."
    else:
        text += f" Det endrer ikke utfallet i modellen: {kommune_name} ville fortsatt {would(a)}."
    return text


def _level(k: pd.Series, p: u.UttrekkParams, kommune_name: str) -> list[str]:
    """Whether the level alone selects the kommune, and how many figures were suppressed."""
    out = []
    if k["drawn_level"]:
        out.append(f"Med denne modellen er {kommune_name} blant de {p.n_level} kommunene med høyest andel, "
                   "og ville vært trukket ut på grunn av nivået.")
    else:
        out.append(f"Med denne modellen er {kommune_name} ikke blant de {p.n_level} kommunene med høyest "
                   "andel, så nivået alene gir ikke uttrekk.")
    n_sup, n_cells = int(k["n_suppressed"]), int(k["n_cells"])
    if n_sup:
        out.append(
            f"{n_sup} av {n_cells} tall er skjermet fordi for få elever står bak. "
            + ("De teller ikke med, så andelen bygger bare på "
               f"{int(k['n_counted'])} tall." if p.suppressed == "exclude"
               else "De teller som mulige poeng uten risikopoeng.")
        )
    return out


def _spread_verdict(k: pd.Series, p: u.UttrekkParams, kommune_name: str) -> str:
    if k["drawn_spread"]:
        return f"Derfor ville {kommune_name} vært trukket ut på grunn av forskjeller mellom skolene."
    if k["spread_signal"] and k["drawn_level"]:
        return ("Forskjellene er også store nok til spredningsregelen, men kommunen er allerede trukket "
                "ut på nivå.")
    if k["spread_signal"]:
        return ("Forskjellene er store nok til spredningsregelen, men andre kommuner har større "
                f"spredning, og bare {p.n_spread} trekkes ut på spredning.")
    return "Forskjellene gir ikke uttrekk i modellen."


def _spread(ex: UttrekkExplanation, result: u.UttrekkResult, kommune_id: str, k: pd.Series,
            kommune_name: str) -> None:
    """The spread rule: weakest and best school, the national top group, the verdict and the what-ifs."""
    p = result.params
    schools = result.kommune_schools(kommune_id)
    ranked = schools[schools["ranked"]]
    if len(ranked) < 2:
        ex.spread.append(
            f"{kommune_name} har {'bare én skole' if len(schools) <= 1 else 'for få skoler med nok tall'} "
            "i modellen, så regelen om forskjeller mellom skolene gjelder ikke."
        )
        return
    weak = u.weakest_school(result, kommune_id)
    best = u.best_school(result, kommune_id)
    ex.weakest_school, ex.best_school = str(weak["school_name"]), str(best["school_name"])
    ex.spread.append(
        f"Forskjellen mellom skolene: {weak['school_name']} har {pct(weak['share'])} av sine mulige "
        f"risikopoeng, {best['school_name']} har {pct(best['share'])}. Spredningen er "
        f"{pp(k['spread'])} (grensen i modellen er {pp(p.spread_cutoff)})."
    )
    tops = ranked[ranked["top"]]["school_name"].tolist()
    if tops:
        ex.spread.append(f"{_list(tops)} er blant de "
                         f"{fmt_number(100 * p.top_share, 0)} % skolene i landet med høyest andel.")
    else:
        ex.spread.append(f"Ingen av skolene er blant de {fmt_number(100 * p.top_share, 0)} % skolene i landet "
                         "med høyest andel.")
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
        ex.reliability.append("Ingen av kommunens tall gir risikopoeng i vinduet.")
        return
    ex.reliability.append(
        f"Av {n_pts} tall som gir risikopoeng, er {rs['n_sikker']} sikre (hele intervallet ligger bak grensen), "
        f"{rs['n_delvis']} delvis sikre og {rs['n_usikker']} usikre"
        + (f", og {rs['n_uten_intervall']} uten intervall" if rs["n_uten_intervall"] else "") + "."
    )
    ex.reliability.append(
        f"Regner vi bare med risikopoengene som holder når usikkerheten er tatt med, blir andelen "
        f"{pct(rs['sure_share'])} i stedet for {pct(rs['share'])}."
    )
    ex.uncertain = rs["n_usikker"] + rs["n_uten_intervall"] > (rs["n_sikker"] + rs["n_delvis"])
    if ex.uncertain:
        ex.reliability.append(
            "For de fleste av disse tallene er forskjellen fra grensen ikke sikker: intervallet går over "
            "grensen, så forskjellen kan skyldes tilfeldigheter, for eksempel hvilke elever som gikk på trinnet "
            "det året."
        )


def _drivers(obs: pd.DataFrame) -> list[str]:
    drv = u.drivers(obs)
    drv = drv[drv["points"] > 0]
    if not len(drv):
        return []
    top = [f"{r.label} ({pct(r.contribution)} av poengene)" for r in drv.head(3).itertuples()]
    return [f"Mest av risikopoengene kommer fra {_list(top)}."]


def _stability(obs: pd.DataFrame, periods: list[str]) -> list[str]:
    st = u.stability(obs, periods)
    if not st["n_indicators_with_points"]:
        return []
    every, n = st["n_every_year"], st["n_indicators_with_points"]
    out = [
        f"{every} av {n} indikatorer som gir risikopoeng, gjør det hvert år de er målt i vinduet"
        + (f": {_list(st['every_year_labels'][:4])}" + (" med flere" if every > 4 else "") if every else "")
        + "."
    ]
    if st["some_years_labels"]:
        out.append("De andre gir risikopoeng bare noen av årene, så det kommunen skårer lavt på, "
                   "varierer fra år til år.")
    by = st["by_year"].dropna(subset=["share"])
    if len(by) >= 2:
        out.append("Andel risikopoeng år for år: " + "; ".join(f"{r.period}: {pct(r.share)}" for r in by.itertuples())
                   + ".")
    return out


def explain(result: u.UttrekkResult, kommune_id: str, kommune_name: str) -> UttrekkExplanation:
    """All explanation sentences for a kommune: headline, level, spread (with what-ifs), reliability,
    drivers and stability (see the module docstring)."""
    k = result.kommune_row(kommune_id)
    first, last = (result.periods[0], result.periods[-1]) if result.periods else ("", "")
    if k is None or k["possible"] == 0 or pd.isna(k["share"]):
        return UttrekkExplanation(
            headline=(f"Det finnes ingen publiserte tall for {kommune_name} på uttrekksindikatorene i "
                      f"skoleårene {first}–{last}, så modellen kan ikke regne ut risikopoeng."),
            uncertain=True,
        )
    ex = UttrekkExplanation(
        headline=(
            f"{kommune_name} får {fmt_number(k['points'], 0)} av {fmt_number(k['possible'], 0)} mulige "
            f"risikopoeng i skoleårene {first}–{last}, altså {pct(k['share'])}. Det gir plass "
            f"{fmt_number(k['rank'], 0)} av {int(k['n_kommuner'])} kommuner (plass 1 har høyest andel)."
        ),
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
            "Indikator": indicator_label(r.indicator, r.subject, r.trinn),
            "Skoleår": r.period,
            "Verdi (95 % intervall)": f"{fmt_number(r.value, d)} ({fmt_number(r.lower, d)}–{fmt_number(r.upper, d)})"
            if not math.isnan(r.lower) else fmt_number(r.value, d),
            "Elever (n)": fmt_number(r.n, 0),
            "Landsnivå": fmt_number(r.national, d),
            "Absolutt grense": fmt_number(r.absolute, d),
            "Risikopoeng": fmt_number(r.points, 0),
            "Hvor sikkert": RELIABILITY_SHORT[r.reliability],
        })
    return pd.DataFrame(rows)


RELIABILITY_SHORT: dict[str, str] = {
    "sikker": "Sikker forskjell",
    "delvis": "Sikker under landsnivå, ikke sikker bak absolutt grense",
    "usikker": "Ikke sikker forskjell",
    "uten_intervall": "Uten intervall",
}
