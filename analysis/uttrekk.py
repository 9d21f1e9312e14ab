"""Reconstruction of Udir's published selection model for oppfølgingsordningen (docs/methods.md §7).

What is public (and modelled here exactly as described):
  * for each uttrekk indicator there is a *national limit* (the national average) and an
    *absolutt nedre grense*; a result on the wrong side of the national limit gives 1 risikopoeng,
    on the wrong side of the absolute limit 3 risikopoeng;
  * grunnskolepoeng's risk points count three times;
  * for every school and every kommune the *share of possible risk points* over the last three
    school years is computed; about 30 kommuner are drawn on the kommune share;
  * up to 10 more are drawn because the spread in share between their schools is above a level and
    at least one school is among the 25 % of all schools in the country with the highest share.

What is NOT public and therefore a parameter (``UttrekkParams``) with a documented default:
  * the absolute limits (here: an offset from the national average per indicator/trinn, chosen so
    that roughly the weakest tenth of kommuner fall below it in the demo data — these are *not*
    Udir's values);
  * the spread statistic and its cut-off (default: max − min of the school shares, 50 percentage
    points);
  * how suppressed cells count (default: not counted as possible points) and how missing trinn count
    (a unit is never judged on a trinn it does not have: no row, no possible points).

The module explains the model; it does not reproduce Udir's list. Everything is vectorised over all
kommuner and schools (one pass over the window's rows), so it runs in well under a second on the demo.

Beyond the official description, the module answers what kommuner ask in the evaluations:
  * ``point_reliability`` — would each risk point survive the 95 % interval of the figure behind it
    (the whole interval on the wrong side of the limit), using ``analysis.intervals.add_intervals``;
  * ``drivers`` — which indicator-years gave the points;
  * ``stability`` — whether the same indicators give points in every year of the window;
  * ``what_if`` — what the kommune's share, rank and spread would be if one school's figures were at
    the kommune's (or the national) level, the paradox spread-selected kommuner describe.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
import pandas as pd

from analysis.overview import benchmark_comparison
from analysis.window import WINDOW_YEARS, last_school_years
from data.catalogue import INDICATORS, UTTREKK_SET, indicator_label

# ----------------------------------------------------------------------------------------------
# Parameters
# ----------------------------------------------------------------------------------------------

# Default distance from the national average to the "absolutt nedre grense", in the indicator's own
# unit, on the unfavourable side. Keys are (indicator, trinn) with (indicator, None) as fallback.
# Chosen from the demo data so that about the weakest tenth of kommuner fall beyond it; NOT Udir's
# unpublished values.
DEFAULT_ABSOLUTE_OFFSETS: tuple[tuple[tuple[str, int | None], float], ...] = (
    (("grunnskolepoeng", None), 3.0),  # points (national ≈ 42)
    (("np_mestring_1", 5), 12.0),  # percentage points (national ≈ 21 %)
    (("np_mestring_1", 8), 7.0),  # percentage points (national ≈ 8 %)
    (("np_mestring_1", None), 7.0),
    (("eu_stotte_larer", None), 0.15),  # index points (national ≈ 4.0–4.2)
    (("eu_motivasjon", None), 0.15),
    (("eu_mobbing", None), 4.0),  # percentage points (national ≈ 6–8 %)
)
DEFAULT_WEIGHTS: tuple[tuple[str, float], ...] = (("grunnskolepoeng", 3.0),)

SpreadStatistic = Literal["range", "sd"]
SuppressedRule = Literal["exclude", "possible_zero"]
WhatIfTarget = Literal["kommune", "nasjonalt"]


@dataclass(frozen=True)
class UttrekkParams:
    """The model's parameters. Frozen and hashable, so a page can memoise per parameter set.

    Attributes:
        indicators: the uttrekk set as (indicator, subject, trinn); default ``catalogue.UTTREKK_SET``.
        end_period: last school year of the window ('2025-26'); None = the latest year in the data.
        window_years: number of school years in the window (Udir: three).
        absolute_offsets: distance national limit → absolute limit per (indicator, trinn); see
            ``DEFAULT_ABSOLUTE_OFFSETS``. Not Udir's values (they are not published).
        weights: multiplier of risk points and possible points per indicator (grunnskolepoeng ×3).
        suppressed: "exclude" = a suppressed cell gives no possible points (default);
            "possible_zero" = it counts as possible points with no risk points.
        spread_statistic: "range" = max − min of the school shares (default); "sd" = the standard
            deviation (ddof=1) of the school shares.
        spread_cutoff: spread (percentage points) at or above which the spread condition holds.
        top_share: the top fraction of all schools by share that qualifies the spread rule (0.25).
        min_possible_school: a school needs at least this many (weighted) possible points to count
            in the spread and the national school ranking (default 9: three indicator-years).
        min_possible_kommune: likewise for the kommune ranking.
        n_level: number of kommuner drawn on their level (≈ 30).
        n_spread: maximum number of kommuner drawn on spread (≤ 10).
    """

    indicators: tuple[tuple[str, str, int], ...] = UTTREKK_SET
    end_period: str | None = None
    window_years: int = WINDOW_YEARS
    absolute_offsets: tuple[tuple[tuple[str, int | None], float], ...] = DEFAULT_ABSOLUTE_OFFSETS
    weights: tuple[tuple[str, float], ...] = DEFAULT_WEIGHTS
    suppressed: SuppressedRule = "exclude"
    spread_statistic: SpreadStatistic = "range"
    spread_cutoff: float = 50.0
    top_share: float = 0.25
    min_possible_school: float = 9.0
    min_possible_kommune: float = 9.0
    n_level: int = 30
    n_spread: int = 10

    def offset(self, indicator: str, trinn: int) -> float:
        """Absolute-limit offset for (indicator, trinn), falling back to the indicator's default."""
        table = dict(self.absolute_offsets)
        if (indicator, int(trinn)) in table:
            return float(table[(indicator, int(trinn))])
        if (indicator, None) in table:
            return float(table[(indicator, None)])
        raise KeyError(f"Mangler absolutt nedre grense for {indicator_label(indicator, '', trinn)}.")

    def weight(self, indicator: str) -> float:
        return float(dict(self.weights).get(indicator, 1.0))

    def with_offset(self, indicator: str, trinn: int | None, value: float) -> "UttrekkParams":
        """A copy with one absolute-limit offset changed."""
        table = dict(self.absolute_offsets)
        table[(indicator, trinn)] = float(value)
        return replace(self, absolute_offsets=tuple(table.items()))


# Plain-bokmål texts describing the parameters (for the page and the report appendix).
PARAM_NOTES: dict[str, str] = {
    "national": "Nasjonal grense: landsgjennomsnittet for samme indikator, trinn og skoleår.",
    "absolute": (
        "Absolutt nedre grense: Udir har ikke publisert verdiene. Her er grensen satt et fast stykke "
        "under (eller over, for mobbing og mestringsnivå 1) landsgjennomsnittet. Standardverdiene er "
        "valgt slik at omtrent den svakeste tidelen av kommunene havner bak grensen i dataene, og er "
        "ikke Udirs tall."
    ),
    "weights": "Grunnskolepoeng teller tre ganger, både i oppnådde og mulige risikopoeng.",
    "window": "Vinduet er de tre siste skoleårene i dataene.",
    "suppressed": (
        "Skjermede tall (for få elever) gir som standard verken risikopoeng eller mulige poeng. "
        "Trinn en skole ikke har, teller aldri."
    ),
    "spread": (
        "Spredning: forskjellen mellom høyeste og laveste andel risikopoeng blant kommunens skoler "
        "(Udir har ikke publisert hvilket mål eller hvilken grense de bruker)."
    ),
    "top": "Spredningsregelen krever også at minst én skole er blant de 25 % av alle skoler i landet med høyest andel.",
}

DISCLAIMER = (
    "Denne siden forklarer modellen Udir beskriver for uttrekket. Den gjenskaper ikke Udirs liste: "
    "de absolutte grensene, spredningsmålet og hvordan skjermede tall telles er ikke offentlige og er "
    "her satt som innstillinger du kan endre."
)

# ----------------------------------------------------------------------------------------------
# Risk points
# ----------------------------------------------------------------------------------------------

_OBS_COLUMNS = [
    "level", "unit_id", "unit_name", "kommune_id", "indicator", "subject", "trinn", "period",
    "value", "n", "sd", "suppressed",
]


def window_periods(df: pd.DataFrame, params: UttrekkParams) -> list[str]:
    """The school years of the window: ``window_years`` years ending at ``end_period`` (or the latest)."""
    return last_school_years(df["period"].unique() if len(df) else [], params.window_years, params.end_period)


def risk_points(df: pd.DataFrame, params: UttrekkParams = UttrekkParams()) -> pd.DataFrame:
    """Risk points per unit, indicator (subject, trinn) and school year in the window.

    Method (Udir's public description; docs/methods.md §7): for every school and kommune figure of an
    uttrekk indicator, compare with the national figure of the same indicator, subject, trinn and
    year. On the unfavourable side of the national limit: 1 point; beyond the absolute limit
    (national ± offset): 3 points; otherwise 0. Possible points per figure are 3. Both are multiplied
    by the indicator's weight. Suppressed figures follow ``params.suppressed``; figures with no
    national counterpart are left out.

    Returns one row per school/kommune figure with columns: level, unit_id, unit_name, kommune_id,
    indicator, subject, trinn, period, value, n, sd, suppressed, direction, national, absolute,
    weight, gap (signed distance from the national limit, positive = better), raw_points (0/1/3),
    points, possible, counted.
    """
    if df.empty:
        return pd.DataFrame(columns=_OBS_COLUMNS + ["direction", "national", "absolute", "weight", "gap",
                                                    "raw_points", "points", "possible", "counted"])
    periods = window_periods(df, params)
    wanted = pd.DataFrame(list(params.indicators), columns=["indicator", "subject", "trinn"])
    wanted["trinn"] = wanted["trinn"].astype(int)
    sel = df[
        df["indicator"].isin(wanted["indicator"].unique())
        & df["period"].isin(periods)
        & (df["kjonn"] == "alle")
        & df["level"].isin(["nasjonalt", "kommune", "skole"])
    ]
    sel = sel[_OBS_COLUMNS].copy()
    for col in ("level", "unit_id", "unit_name", "kommune_id", "indicator", "subject", "period"):
        sel[col] = sel[col].astype(str)
    sel["trinn"] = sel["trinn"].astype(int)
    sel = sel.merge(wanted, on=["indicator", "subject", "trinn"], how="inner")

    nat = sel[sel["level"] == "nasjonalt"][["indicator", "subject", "trinn", "period", "value"]]
    nat = nat.rename(columns={"value": "national"}).drop_duplicates(["indicator", "subject", "trinn", "period"])
    obs = sel[sel["level"] != "nasjonalt"].merge(nat, on=["indicator", "subject", "trinn", "period"], how="inner")

    direction = obs["indicator"].map({k: v.direction for k, v in INDICATORS.items()}).astype(float)
    offsets = {(i, t): params.offset(i, t) for i, _s, t in params.indicators}
    offset = pd.Series([offsets[(i, t)] for i, t in zip(obs["indicator"], obs["trinn"])], index=obs.index,
                       dtype=float)
    obs["direction"] = direction
    obs["absolute"] = obs["national"] - direction * offset
    obs["weight"] = obs["indicator"].map(params.weight).astype(float)
    published = (~obs["suppressed"].astype(bool)) & obs["value"].notna() & obs["national"].notna()
    gap = direction * (obs["value"] - obs["national"])
    beyond_abs = direction * (obs["value"] - obs["absolute"]) < 0
    raw = np.where(published & beyond_abs, 3, np.where(published & (gap < 0), 1, 0))
    obs["gap"] = gap.where(published)
    obs["raw_points"] = raw.astype(int)
    counted = published | (obs["suppressed"].astype(bool) & (params.suppressed == "possible_zero"))
    obs["counted"] = counted
    obs["points"] = np.where(counted, obs["raw_points"] * obs["weight"], 0.0)
    obs["possible"] = np.where(counted, 3.0 * obs["weight"], 0.0)
    order = {p: i for i, p in enumerate(periods)}
    obs["_p"] = obs["period"].map(order)
    obs = obs.sort_values(["level", "kommune_id", "unit_id", "indicator", "subject", "trinn", "_p"]).drop(columns="_p")
    return obs.reset_index(drop=True)


def _share(points: pd.Series, possible: pd.Series) -> pd.Series:
    return (100.0 * points / possible.where(possible > 0)).astype(float)


@dataclass
class UttrekkResult:
    """Everything the model computes for all units at once (one call per parameter set)."""

    params: UttrekkParams
    periods: list[str]
    obs: pd.DataFrame  # risk_points()
    schools: pd.DataFrame  # per school: share, rank, top flag
    kommuner: pd.DataFrame  # per kommune: share, rank, spread, signals, selection
    top_threshold: float  # smallest share that puts a school in the national top group
    spread_selection_floor: float  # smallest spread among those drawn on spread (inf if none)
    notes: list[str] = field(default_factory=list)

    def kommune_row(self, kommune_id: str) -> pd.Series | None:
        hit = self.kommuner[self.kommuner["kommune_id"] == str(kommune_id)]
        return None if hit.empty else hit.iloc[0]

    def kommune_schools(self, kommune_id: str) -> pd.DataFrame:
        return self.schools[self.schools["kommune_id"] == str(kommune_id)].sort_values(
            "share", ascending=False, na_position="last").reset_index(drop=True)


def _unit_shares(obs: pd.DataFrame, level: str) -> pd.DataFrame:
    part = obs[obs["level"] == level]
    # The kommune a school belongs to is the one of its latest figure in the window.
    latest = part.sort_values("period").groupby("unit_id", sort=False)[["unit_name", "kommune_id"]].last()
    agg = part.groupby("unit_id", sort=False).agg(
        points=("points", "sum"), possible=("possible", "sum"),
        n_counted=("counted", "sum"), n_suppressed=("suppressed", "sum"),
        n_cells=("counted", "size"),
    )
    out = latest.join(agg).reset_index()
    out["share"] = _share(out["points"], out["possible"])
    return out


def _spread(values: pd.Series, statistic: SpreadStatistic) -> float:
    v = values.dropna().to_numpy(dtype=float)
    if len(v) < 2:
        return float("nan")
    if statistic == "sd":
        return float(np.std(v, ddof=1))
    return float(v.max() - v.min())


def _spread_by_kommune(schools: pd.DataFrame, statistic: SpreadStatistic) -> pd.DataFrame:
    g = schools.groupby("kommune_id")["share"]
    if statistic == "sd":
        spread = g.std(ddof=1)
    else:
        spread = g.max() - g.min()
    n = g.count()
    spread = spread.where(n >= 2)
    return pd.DataFrame({"spread": spread, "n_schools_ranked": n})


def compute(df: pd.DataFrame, params: UttrekkParams = UttrekkParams()) -> UttrekkResult:
    """Run the whole selection model for every kommune and school (vectorised).

    Method: ``risk_points`` per figure; shares per unit = 100 × Σ points / Σ possible points over the
    window; kommuner ranked by share (1 = highest; ties share the best rank); the ``n_level`` highest
    are "drawn on level". Schools with at least ``min_possible_school`` possible points are ranked
    nationally; a school is in the top group when its rank ≤ ceil(top_share × number of schools) and
    its share is above 0. Spread per kommune = ``spread_statistic`` of its ranked schools' shares
    (needs two schools). Spread signal = spread ≥ cutoff and at least one school in the top group.
    Among kommuner with the signal that are not drawn on level, the ``n_spread`` with the largest
    spread are "drawn on spread".
    """
    periods = window_periods(df, params)
    obs = risk_points(df, params)
    notes: list[str] = []

    schools = _unit_shares(obs, "skole") if len(obs) else pd.DataFrame(
        columns=["unit_id", "unit_name", "kommune_id", "points", "possible", "n_counted", "n_suppressed",
                 "n_cells", "share"])
    schools = schools.rename(columns={"unit_id": "school_id", "unit_name": "school_name"})
    ranked = schools["possible"] >= params.min_possible_school
    schools["ranked"] = ranked
    schools["national_rank"] = schools["share"].where(ranked).rank(ascending=False, method="min")
    n_ranked = int(ranked.sum())
    top_n = math.ceil(params.top_share * n_ranked) if n_ranked else 0
    schools["top"] = ranked & (schools["national_rank"] <= top_n) & (schools["share"] > 0)
    top_threshold = float(schools.loc[schools["top"], "share"].min()) if schools["top"].any() else float("inf")
    schools["n_schools_national"] = n_ranked

    kom = _unit_shares(obs, "kommune") if len(obs) else pd.DataFrame(
        columns=["unit_id", "unit_name", "kommune_id", "points", "possible", "n_counted", "n_suppressed",
                 "n_cells", "share"])
    kom = kom.drop(columns=["kommune_id"]).rename(columns={"unit_id": "kommune_id", "unit_name": "kommune_name"})
    kranked = kom["possible"] >= params.min_possible_kommune
    kom["ranked"] = kranked
    kom["rank"] = kom["share"].where(kranked).rank(ascending=False, method="min")
    kom["n_kommuner"] = int(kranked.sum())
    kom["drawn_level"] = kranked & (kom["rank"] <= params.n_level)

    rs = schools[schools["ranked"]]
    sp = _spread_by_kommune(rs, params.spread_statistic)
    has_top = rs.groupby("kommune_id")["top"].any().rename("has_top_school")
    n_all = schools.groupby("kommune_id").size().rename("n_schools")
    kom = kom.merge(sp, left_on="kommune_id", right_index=True, how="left")
    kom = kom.merge(has_top, left_on="kommune_id", right_index=True, how="left")
    kom = kom.merge(n_all, left_on="kommune_id", right_index=True, how="left")
    kom["has_top_school"] = kom["has_top_school"].astype("boolean").fillna(False).astype(bool)
    kom["n_schools"] = kom["n_schools"].fillna(0).astype(int)
    kom["n_schools_ranked"] = kom["n_schools_ranked"].fillna(0).astype(int)
    kom["spread_over_cutoff"] = kom["spread"] >= params.spread_cutoff
    kom["spread_signal"] = kom["spread_over_cutoff"] & kom["has_top_school"]
    cand = kom[kom["spread_signal"] & ~kom["drawn_level"]].sort_values("spread", ascending=False)
    chosen = cand.head(params.n_spread)
    kom["drawn_spread"] = kom["kommune_id"].isin(chosen["kommune_id"])
    spread_floor = float(chosen["spread"].min()) if len(chosen) >= params.n_spread else params.spread_cutoff
    kom = kom.sort_values(["rank", "kommune_name"], na_position="last").reset_index(drop=True)
    if not len(obs):
        notes.append("Ingen tall for uttrekksindikatorene i vinduet.")
    return UttrekkResult(params, periods, obs, schools.reset_index(drop=True), kom, top_threshold,
                         spread_floor, notes)


# ----------------------------------------------------------------------------------------------
# Reliability, drivers, stability
# ----------------------------------------------------------------------------------------------

RELIABILITY_LABELS: dict[str, str] = {
    "sikker": "Sikkert: hele intervallet ligger bak grensen",
    "delvis": "Delvis: sikkert under landsnivå, men ikke sikkert bak den absolutte grensen",
    "usikker": "Usikkert: intervallet går over grensen, så poenget kan skyldes tilfeldigheter",
    "uten_intervall": "Uten intervall: antall elever er ukjent",
}


def point_reliability(obs: pd.DataFrame) -> pd.DataFrame:
    """For each risk point, would it survive the figure's 95 % interval?

    Method: the interval comes from ``analysis.intervals.add_intervals`` (Wilson score interval for
    shares, t interval from n and the pupil-level SD for means; see that module). A point "holds"
    when the whole interval lies on the unfavourable side of the limit that gave it (for a
    higher-is-better indicator: upper limit below the limit). Classes:
      * ``sikker``: 1 point and the interval is beyond the national limit, or 3 points and it is
        beyond the absolute limit;
      * ``delvis``: 3 points, the interval is beyond the national limit but not the absolute one;
      * ``usikker``: the interval reaches the national limit;
      * ``uten_intervall``: no interval (n unknown).
    ``sure_points`` is the weighted number of points that hold (3, 1 or 0 per figure × weight).

    Only rows with points are returned, with the interval columns added.
    """
    from analysis.intervals import add_intervals

    pts = obs[obs["raw_points"] > 0].copy()
    if pts.empty:
        return pts.assign(lower=[], upper=[], ci_method=[], reliability=[], sure_points=[])
    with_ci = add_intervals(pts)
    d = with_ci["direction"].astype(float)
    # "worst" end of the interval in the favourable direction: the bound nearest to better results.
    best_bound = np.where(d > 0, with_ci["upper"], with_ci["lower"])
    best_bound = pd.Series(best_bound, index=with_ci.index, dtype=float)
    beyond_nat = d * (best_bound - with_ci["national"]) < 0
    beyond_abs = d * (best_bound - with_ci["absolute"]) < 0
    has_ci = best_bound.notna()
    raw = with_ci["raw_points"]
    rel = np.select(
        [~has_ci, (raw == 3) & beyond_abs, (raw == 1) & beyond_nat, (raw == 3) & beyond_nat],
        ["uten_intervall", "sikker", "sikker", "delvis"],
        default="usikker",
    )
    with_ci["reliability"] = rel
    sure_raw = np.select([rel == "sikker", rel == "delvis"], [raw, 1], default=0)
    with_ci["sure_points"] = sure_raw * with_ci["weight"]
    return with_ci


def reliability_summary(obs_unit: pd.DataFrame) -> dict:
    """Points, sure points and the share both ways for one unit's rows (from ``risk_points``)."""
    rel = point_reliability(obs_unit)
    possible = float(obs_unit["possible"].sum())
    points = float(obs_unit["points"].sum())
    sure = float(rel["sure_points"].sum()) if len(rel) else 0.0
    counts = rel["reliability"].value_counts().to_dict() if len(rel) else {}
    return {
        "points": points,
        "possible": possible,
        "sure_points": sure,
        "share": 100 * points / possible if possible else float("nan"),
        "sure_share": 100 * sure / possible if possible else float("nan"),
        "n_points_figures": int(len(rel)),
        "n_sikker": int(counts.get("sikker", 0)),
        "n_delvis": int(counts.get("delvis", 0)),
        "n_usikker": int(counts.get("usikker", 0)),
        "n_uten_intervall": int(counts.get("uten_intervall", 0)),
        "table": rel,
    }


def drivers(obs_unit: pd.DataFrame) -> pd.DataFrame:
    """Which indicators gave a unit's risk points: points per (indicator, subject, trinn), largest first.

    Columns: indicator, subject, trinn, label, points, possible, years_with_points, years_counted,
    contribution (% of the unit's points), share (% of this indicator's possible points).
    """
    g = obs_unit.groupby(["indicator", "subject", "trinn"], sort=False)
    out = g.agg(points=("points", "sum"), possible=("possible", "sum"),
                years_with_points=("raw_points", lambda s: int((s > 0).sum())),
                years_counted=("counted", "sum")).reset_index()
    total = out["points"].sum()
    out["contribution"] = 100 * out["points"] / total if total else 0.0
    out["share"] = _share(out["points"], out["possible"])
    out["label"] = [indicator_label(i, s, t) for i, s, t in zip(out["indicator"], out["subject"], out["trinn"])]
    out["years_counted"] = out["years_counted"].astype(int)
    return out.sort_values(["points", "share"], ascending=False).reset_index(drop=True)


def stability(obs_unit: pd.DataFrame, periods: list[str]) -> dict:
    """How stable a unit's risk picture is across the window's years.

    Method: share of possible points per school year; for every indicator that gives points at all,
    whether it gives points in every year it was counted ("fast mønster") or only in some
    ("varierer"). ``consistency`` = fraction of point-giving indicators that give points every year.
    """
    by_year = obs_unit.groupby("period")[["points", "possible"]].sum().reindex(periods)
    by_year["share"] = _share(by_year["points"], by_year["possible"])
    drv = drivers(obs_unit)
    giving = drv[drv["points"] > 0]
    every = giving[giving["years_with_points"] == giving["years_counted"]]
    consistency = len(every) / len(giving) if len(giving) else float("nan")
    shares = by_year["share"].dropna()
    return {
        "by_year": by_year.reset_index().rename(columns={"index": "period"}),
        "n_indicators_with_points": int(len(giving)),
        "n_every_year": int(len(every)),
        "every_year_labels": every["label"].tolist(),
        "some_years_labels": giving[giving["years_with_points"] < giving["years_counted"]]["label"].tolist(),
        "consistency": consistency,
        "year_share_range": float(shares.max() - shares.min()) if len(shares) >= 2 else float("nan"),
    }


# ----------------------------------------------------------------------------------------------
# What-if
# ----------------------------------------------------------------------------------------------


@dataclass
class WhatIf:
    """Before/after of a what-if for one kommune."""

    kommune_id: str
    school_id: str
    school_name: str
    target: WhatIfTarget
    before: dict
    after: dict
    changed: pd.DataFrame  # the school's figures with old and new value and points

    @property
    def selection_changes(self) -> bool:
        return (self.before["drawn_level"], self.before["drawn_spread"]) != (
            self.after["drawn_level"], self.after["drawn_spread"])


def best_school(result: UttrekkResult, kommune_id: str) -> pd.Series | None:
    """The kommune's ranked school with the lowest share (ties: most possible points)."""
    s = result.kommune_schools(kommune_id)
    s = s[s["ranked"]]
    if s.empty:
        return None
    return s.sort_values(["share", "possible"], ascending=[True, False]).iloc[0]


def weakest_school(result: UttrekkResult, kommune_id: str) -> pd.Series | None:
    """The kommune's ranked school with the highest share (ties: most possible points)."""
    s = result.kommune_schools(kommune_id)
    s = s[s["ranked"]]
    if s.empty:
        return None
    return s.sort_values(["share", "possible"], ascending=[False, False]).iloc[0]


def _rescore(rows: pd.DataFrame, params: UttrekkParams) -> pd.DataFrame:
    """Recompute raw points/points for rows whose ``value`` changed (same rule as ``risk_points``)."""
    rows = rows.copy()
    d = rows["direction"]
    published = rows["value"].notna() & ~rows["suppressed"].astype(bool)
    gap = d * (rows["value"] - rows["national"])
    beyond_abs = d * (rows["value"] - rows["absolute"]) < 0
    rows["raw_points"] = np.where(published & beyond_abs, 3, np.where(published & (gap < 0), 1, 0)).astype(int)
    rows["gap"] = gap.where(published)
    rows["points"] = np.where(rows["counted"], rows["raw_points"] * rows["weight"], 0.0)
    return rows


def _kommune_state(result: UttrekkResult, kommune_id: str, kom_share: float, school_shares: pd.DataFrame) -> dict:
    """Share, rank, spread and selection of one kommune given its (possibly changed) shares."""
    p = result.params
    others = result.kommuner[(result.kommuner["kommune_id"] != kommune_id) & result.kommuner["ranked"]]
    krow = result.kommune_row(kommune_id)
    ranked_k = bool(krow["ranked"]) if krow is not None else False
    rank = float(1 + (others["share"] > kom_share).sum()) if ranked_k and not math.isnan(kom_share) else float("nan")
    drawn_level = bool(ranked_k and rank <= p.n_level)
    rs = school_shares[school_shares["ranked"]]
    spread = _spread(rs["share"], p.spread_statistic)
    has_top = bool(((rs["share"] >= result.top_threshold) & (rs["share"] > 0)).any())
    over = bool(not math.isnan(spread) and spread >= p.spread_cutoff)
    signal = over and has_top
    # Drawn on spread if the signal holds and its spread would make the top n_spread among the others.
    other_cands = result.kommuner[(result.kommuner["kommune_id"] != kommune_id) & result.kommuner["spread_signal"]
                                  & ~result.kommuner["drawn_level"]]
    drawn_spread = bool(signal and not drawn_level and (other_cands["spread"] > spread).sum() < p.n_spread)
    return {
        "share": kom_share, "rank": rank, "drawn_level": drawn_level, "spread": spread,
        "has_top_school": has_top, "spread_over_cutoff": over, "spread_signal": signal,
        "drawn_spread": drawn_spread,
        "school_shares": rs[["school_id", "school_name", "share"]].reset_index(drop=True),
    }


def what_if(result: UttrekkResult, kommune_id: str, school_id: str, target: WhatIfTarget = "kommune") -> WhatIf:
    """What if one school's figures had been at the kommune's (or the national) level?

    Method: every published figure of the school in the window is replaced by the kommune's (or the
    national) figure for the same indicator, subject, trinn and year; its risk points are recomputed
    with the same limits. The kommune's own figure moves by the school's weight in it:
    new = old + n_school / n_kommune × (new_school − old_school) (exact for a pupil-weighted mean or
    share when n is known; left unchanged when n is unknown). Then the school share, kommune share,
    the kommune's rank among the others (unchanged), the spread and the spread signal (against the
    unchanged national top-group threshold) are recomputed. Suppressed figures stay suppressed.
    """
    kommune_id, school_id = str(kommune_id), str(school_id)
    obs = result.obs
    sch_rows = obs[(obs["level"] == "skole") & (obs["unit_id"] == school_id)]
    if sch_rows.empty:
        raise KeyError(f"Fant ingen tall for skolen {school_id} i uttrekksvinduet.")
    kom_rows = obs[(obs["level"] == "kommune") & (obs["unit_id"] == kommune_id)]
    keys = ["indicator", "subject", "trinn", "period"]
    if target == "kommune":
        ref = kom_rows[keys + ["value"]].rename(columns={"value": "target_value"})
        new = sch_rows.merge(ref, on=keys, how="left")
    elif target == "nasjonalt":
        new = sch_rows.assign(target_value=sch_rows["national"].to_numpy())
    else:
        raise ValueError(f"Ukjent mål for hva-om: {target!r}")
    new.index = sch_rows.index
    published = new["value"].notna() & ~new["suppressed"].astype(bool) & new["target_value"].notna()
    changed = new.copy()
    changed["old_value"] = changed["value"]
    changed["old_points"] = changed["points"]
    changed.loc[published, "value"] = changed.loc[published, "target_value"]
    changed = _rescore(changed, result.params)

    # Kommune figures move by the school's pupil weight.
    delta = (changed["value"] - changed["old_value"]).where(published, 0.0)
    shift = changed[keys].assign(delta_n=delta * changed["n"].fillna(0.0))
    shift = shift.groupby(keys, as_index=False)["delta_n"].sum()
    k_new = kom_rows.merge(shift, on=keys, how="left")
    k_new.index = kom_rows.index
    k_ok = k_new["n"].notna() & (k_new["n"] > 0) & k_new["value"].notna()
    k_new.loc[k_ok, "value"] = k_new.loc[k_ok, "value"] + k_new.loc[k_ok, "delta_n"].fillna(0.0) / k_new.loc[k_ok, "n"]
    k_new = _rescore(k_new, result.params)

    sch_tbl = result.kommune_schools(kommune_id)
    srow = result.schools[result.schools["school_id"] == school_id]
    school_name = str(srow["school_name"].iloc[0]) if len(srow) else str(sch_rows["unit_name"].iloc[-1])
    before_share_school = float(srow["share"].iloc[0]) if len(srow) else float("nan")
    poss = changed["possible"].sum()
    after_share_school = float(100 * changed["points"].sum() / poss) if poss else float("nan")
    after_tbl = sch_tbl.copy()
    after_tbl.loc[after_tbl["school_id"] == school_id, "share"] = after_share_school

    krow = result.kommune_row(kommune_id)
    kom_before = float(krow["share"]) if krow is not None else float("nan")
    kposs = k_new["possible"].sum()
    kom_after = float(100 * k_new["points"].sum() / kposs) if kposs else float("nan")
    before = _kommune_state(result, kommune_id, kom_before, sch_tbl)
    after = _kommune_state(result, kommune_id, kom_after, after_tbl)
    before["school_share"] = before_share_school
    after["school_share"] = after_share_school
    cols = ["indicator", "subject", "trinn", "period", "old_value", "value", "old_points", "points"]
    return WhatIf(kommune_id, school_id, school_name, target, before, after, changed[cols].reset_index(drop=True))


__all__ = [
    "DEFAULT_ABSOLUTE_OFFSETS", "DISCLAIMER", "PARAM_NOTES", "RELIABILITY_LABELS", "UttrekkParams",
    "UttrekkResult", "WhatIf", "best_school", "compute", "drivers", "point_reliability",
    "reliability_summary", "risk_points", "stability", "weakest_school", "what_if", "window_periods",
]


def kommuner_indicator_table(figures: pd.DataFrame, lineages: dict[str, list[str]], periods: list[str],
                             keys: tuple[tuple[str, str, int], ...] = UTTREKK_SET) -> pd.DataFrame:
    """Every chosen kommune's uttrekk indicators pooled over ``periods``, with interval and verdict vs the nation.

    ``analysis.overview.benchmark_comparison`` for several kommuner at once (``lineages``: kommune_id ->
    its numbers; one merger policy), with ``kommune_id`` = the current number. Returns kommune_id,
    indicator, subject, trinn, estimate, lower, upper, n, suppressed, classification, nasjonalt_estimate.
    """
    out = benchmark_comparison(figures, lineages, periods, keys)
    if out.empty:
        return out
    out = out.drop(columns=["kommune_id"], errors="ignore").rename(columns={"unit_id": "kommune_id"})
    return out.reset_index(drop=True)
