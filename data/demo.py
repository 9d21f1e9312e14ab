"""Deterministic, national-scale DEMO data from a pupil-level simulation (fictional places only).

Method: every kommune gets a population and context (adult education, disability benefit, child
welfare, a KOSTRA-like group); schools are spread over kommuner with a skewed size mix; for every
school, school year and trinn a cohort of pupils is drawn, each pupil with an ability that is the sum
of a kommune effect (partly explained by context), a school effect, a kommune trend for a few
kommuner, a cohort effect and individual noise. Pupils then get test scores (nasjonale prøver in
skalapoeng, mestringsnivå by fixed cut points), grunnskolepoeng, Elevundersøkelsen indices (with a
separate learning-environment effect) and a bullying indicator. Every published figure is an
aggregate of those pupils: school, kommune, fylke and national figures come from the same pupils and
so agree. Figures behind fewer pupils than the suppression table allows (``data.catalogue``) are
published as suppressed (``*``) with no value and no n, exactly as Udir does. Elevundersøkelsen from
2023-24 on also gets Udir's stricter rule: figures from which a suppressed one could be derived (a
kommune minus its published schools) are suppressed too (``data.suppression_rules``).

The three showcase kommuner a workshop would recognise:
- ``SHOWCASE_ONE_SCHOOL``: a one-school kommune of about 700 inhabitants;
- ``SHOWCASE_SPREAD``: a mid-size kommune with one school far below its others;
- ``SHOWCASE_MERGER``: a kommune formed in 2020 by a merger; its earlier years sit under the two
  old kommune numbers (see the ``kommuner`` registry's ``successor_id``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

from data import succession
from data.catalogue import INDICATORS, MARKER_SUPPRESSED, suppression_min_n
from data.schema import COLUMNS, make_period, period_start_year
from data.suppression_rules import complementary_suppression

DEMO_VERSION = 5  # 5: optional columns udir_margin and orig_kommune_id
EU_SECONDARY_FROM = 2023  # Elevundersøkelsen: complementary suppression from 2023-24 (docs/methods.md)
SEED = 20_261_123
FIRST_YEAR = 2016
N_YEARS = 10
PERIODS = [make_period(FIRST_YEAR + i) for i in range(N_YEARS)]
MERGER_YEAR = 2020  # first school year (2020-21) under the new kommune number
N_FYLKER = 11
N_KOMMUNER = 352
TARGET_SCHOOLS = 2_800
SOURCE = "demo"

SHOWCASE_ONE_SCHOOL = "7190"
SHOWCASE_SPREAD = "7290"
SHOWCASE_MERGER = "7390"
SHOWCASE_MERGER_OLD = ("7391", "7392")
SHOWCASE_SPREAD_WEAK_SCHOOL_NAME = "Nedre Brekke skole"

# The merger goes through the same succession code as the real reforms (``data.succession``): the old
# numbers map to the new one on the current border (2024) and as the reform step (border 0).
DEMO_SUCCESSION = pd.DataFrame([
    {"border": border, "orig_id": old, "first_year": FIRST_YEAR, "last_year": MERGER_YEAR - 1,
     "target_id": SHOWCASE_MERGER, "weight": 1.0}
    for border in (succession.CURRENT_BORDER, 0) for old in SHOWCASE_MERGER_OLD
])
succession.register(DEMO_SUCCESSION, pd.DataFrame([
    {"kommune_id": k, "first_year": FIRST_YEAR, "last_year": MERGER_YEAR - 1, "name": n, "official_name": n,
     "fylke_id": "73", "fylke_name": ""} for k, n in zip(SHOWCASE_MERGER_OLD, ("Austfjord", "Vestfjord"))
]))

FYLKE_NAMES = [
    "Nordmark", "Sørvidda", "Vestbrim", "Austhei", "Midtfjella", "Havstrand",
    "Elvesletta", "Bjørkemark", "Kvitkysten", "Innlia", "Solvidda",
]
_PREFIXES = [
    "Aus", "Bjør", "Brei", "Dyp", "Elg", "Fager", "Fjell", "Flat", "Fos", "Gran", "Grøn", "Hav",
    "Hei", "Hval", "Kvit", "Lang", "Lauv", "Lyng", "Mel", "Myr", "Ny", "Ork", "Rein", "Salt",
    "Sjø", "Skar", "Skog", "Sol", "Stein", "Stu", "Svart", "Tind", "Tjern", "Urd", "Vang", "Vid",
    "Ørn", "Bjerk", "Eng", "Furu", "Kjerr", "Lind", "Mose", "Rype", "Snø", "Ulv", "Vass", "Blå",
    "Rønne", "Hjort", "Ospe", "Lerke", "Trost", "Mjød", "Falke", "Kobbe",
]
_SUFFIXES = [
    "vik", "dal", "fjord", "berg", "haug", "stad", "nes", "øy", "land", "ås", "mo", "sund", "heim",
    "bygd", "li", "vang", "rud", "set", "bø", "eid", "voll", "holm", "tun", "myra", "sletta",
]
# Generated names that happen to be real kommuner are never used (checked against SSB's list in tests).
_REAL_NAME_CLASHES = {
    "Lyngdal", "Flatanger", "Grønland", "Hvaler", "Solund", "Sund", "Steinkjer", "Skarnes",
    "Salten", "Saltdal", "Tjeldsund", "Vang", "Skogn", "Langesund", "Fjelldal", "Sunndal", "Moland", "England",
}
_SCHOOL_SUFFIX = {"barne": "barneskole", "ungdom": "ungdomsskole", "kombinert": "skole"}
TRINN_BY_TYPE = {"barne": (5, 7), "ungdom": (8, 9, 10), "kombinert": (5, 7, 8, 9, 10)}

# Indicator means on the pupil scale and the mestringsnivå cut points (fixed in the base year).
NP_MEAN = {5: 50.0, 8: 50.0, 9: 54.0}
NP_SUBJECTS_BY_TRINN = {5: ("lesing", "regning", "engelsk"), 8: ("lesing", "regning", "engelsk"), 9: ("lesing", "regning")}
NP_CUTS = {  # 5. trinn: 25th/75th percentile; 8./9. trinn: 10-20-40-20-10 %
    5: np.array([50 - 6.745, 50 + 6.745]),
    8: np.array([50 - 12.816, 50 - 5.244, 50 + 5.244, 50 + 12.816]),
    9: np.array([50 - 12.816, 50 - 5.244, 50 + 5.244, 50 + 12.816]),
}
EU_MEANS = {"eu_stotte_larer": 4.15, "eu_motivasjon": 3.85, "eu_trivsel": 4.25, "eu_mestring": 3.95}
EU_TRINN_SHIFT = {7: 0.12, 10: -0.12}
GSP_MEAN, GSP_SD = 41.5, 8.5
MOBBING_BASE = {7: 0.085, 10: 0.065}


@dataclass
class DemoData:
    """The generated demo: canonical figures plus the registries pages need."""

    figures: pd.DataFrame  # canonical long format
    kommuner: pd.DataFrame  # kommune_id, kommune_name, fylke_id, fylke_name, successor_id, last_period
    skoler: pd.DataFrame  # school_id, school_name, school_type, kommune_id (current)
    context: pd.DataFrame  # kommune_id, population, adult_education_share, ...


def _place_names(rng: np.random.Generator, count: int, taken: set[str]) -> list[str]:
    names: list[str] = []
    combos = [p + s for p in _PREFIXES for s in _SUFFIXES]
    order = rng.permutation(len(combos))
    for i in order:
        name = combos[i]
        # Avoid double letters at the joint that read oddly ("Sjøøy") and real kommune names.
        prefix = name[: len(name) - len(next(x for x in _SUFFIXES if name.endswith(x)))]
        joint_repeats = prefix[-1:].lower() == name[len(prefix):][:1].lower()
        if name in taken or name in _REAL_NAME_CLASHES or joint_repeats:
            continue
        taken.add(name)
        names.append(name)
        if len(names) == count:
            return names
    raise RuntimeError("Not enough fictional place names")


def _build_kommuner(rng: np.random.Generator) -> pd.DataFrame:
    taken = {"Kvitholm", "Brekkestad", "Fjordbygd", "Austfjord", "Vestfjord"}
    names = _place_names(rng, N_KOMMUNER, taken)
    fylke_idx = np.sort(rng.integers(0, N_FYLKER, N_KOMMUNER))
    fylke_idx[: N_FYLKER] = np.arange(N_FYLKER)  # every fylke has kommuner
    fylke_idx = np.sort(fylke_idx)
    pop = np.exp(rng.normal(np.log(7_000), 1.15, N_KOMMUNER)).clip(450, 400_000).round()
    rows = []
    counters: dict[int, int] = {}
    for i in range(N_KOMMUNER):
        f = int(fylke_idx[i])
        counters[f] = counters.get(f, 0) + 1
        fylke_id = str(71 + f)
        rows.append(
            {
                "kommune_id": f"{fylke_id}{counters[f]:02d}",
                "kommune_name": names[i],
                "fylke_id": fylke_id,
                "fylke_name": FYLKE_NAMES[f],
                "population": float(pop[i]),
                "successor_id": None,
                "last_period": None,
            }
        )
    df = pd.DataFrame(rows)
    # Showcase kommuner (numbers x90..x92 are never used by the counters above: < 90 per fylke).
    showcase = [
        (SHOWCASE_ONE_SCHOOL, "Kvitholm", "71", 690.0, None, None),
        (SHOWCASE_SPREAD, "Brekkestad", "72", 15_800.0, None, None),
        (SHOWCASE_MERGER, "Fjordbygd", "73", 11_400.0, None, None),
        (SHOWCASE_MERGER_OLD[0], "Austfjord", "73", 6_900.0, SHOWCASE_MERGER, make_period(MERGER_YEAR - 1)),
        (SHOWCASE_MERGER_OLD[1], "Vestfjord", "73", 4_500.0, SHOWCASE_MERGER, make_period(MERGER_YEAR - 1)),
    ]
    extra = pd.DataFrame(
        [
            {
                "kommune_id": k, "kommune_name": n, "fylke_id": f, "fylke_name": FYLKE_NAMES[int(f) - 71],
                "population": p, "successor_id": s, "last_period": lp,
            }
            for k, n, f, p, s, lp in showcase
        ]
    )
    return pd.concat([df, extra], ignore_index=True)


def _build_context(rng: np.random.Generator, kommuner: pd.DataFrame) -> pd.DataFrame:
    current = kommuner[kommuner["successor_id"].isna()].copy()
    logpop = np.log(current["population"].to_numpy())
    z = (logpop - logpop.mean()) / logpop.std()
    edu = (0.30 + 0.06 * z + rng.normal(0, 0.05, len(z))).clip(0.12, 0.60)
    disab = (0.105 - 0.012 * z - 0.15 * (edu - 0.3) + rng.normal(0, 0.018, len(z))).clip(0.04, 0.20)
    cw = (0.045 - 0.004 * z + 0.2 * (disab - 0.1) + rng.normal(0, 0.008, len(z))).clip(0.015, 0.09)
    size_group = np.digitize(current["population"].to_numpy(), [5_000, 20_000, 80_000])
    econ = (edu > np.median(edu)).astype(int)
    kostra = [f"KOSTRA-gruppe {1 + 2 * s + e}" for s, e in zip(size_group, econ)]
    ctx = pd.DataFrame(
        {
            "kommune_id": current["kommune_id"].to_numpy(),
            "population": current["population"].to_numpy(),
            "adult_education_share": (100 * edu).round(1),
            "disability_benefit_share": (100 * disab).round(1),
            "child_welfare_share": (100 * cw).round(1),
            "kostra_group": kostra,
        }
    )
    ctx.loc[ctx["kommune_id"] == SHOWCASE_ONE_SCHOOL, ["adult_education_share", "disability_benefit_share"]] = [22.0, 13.5]
    return ctx.reset_index(drop=True)


def _build_schools(rng: np.random.Generator, kommuner: pd.DataFrame) -> pd.DataFrame:
    """Schools with their type, current kommune, the kommune of their early years and cohort size."""
    ordinary = kommuner[(kommuner["successor_id"].isna()) & ~kommuner["kommune_id"].isin(
        [SHOWCASE_ONE_SCHOOL, SHOWCASE_SPREAD, SHOWCASE_MERGER])]
    pop = ordinary["population"].to_numpy()
    expected = pop / pop.sum() * (TARGET_SCHOOLS - 20) * 0.75 + 0.25 * (TARGET_SCHOOLS - 20) / len(pop)
    n_schools = np.maximum(1, rng.poisson(expected))
    rows = []
    taken: set[str] = set()
    place_pool = _place_names(rng, 1_200, taken)
    pi = 0

    def add(kommune_id: str, early_kommune: str, stype: str, cohort: float, name: str, effect: float | None = None,
            climate: float | None = None) -> None:
        rows.append(
            {
                "school_id": f"99{len(rows) + 1:07d}",
                "school_name": name,
                "school_type": stype,
                "kommune_id": kommune_id,
                "early_kommune_id": early_kommune,
                "cohort": cohort,
                "effect": effect,
                "climate": climate,
            }
        )

    for kid, pop_k, ns in zip(ordinary["kommune_id"], pop, n_schools):
        cohort_total = pop_k * 0.0118
        weights = rng.dirichlet(np.full(ns, 1.3))
        types = ["kombinert"] if ns == 1 else list(rng.choice(["barne", "ungdom", "kombinert"], ns, p=[0.56, 0.2, 0.24]))
        if ns > 1 and "ungdom" not in types and "kombinert" not in types:
            types[-1] = "ungdom"
        used_names: set[str] = set()
        for w, stype in zip(weights, types):
            place = place_pool[pi % len(place_pool)]
            pi += 1
            name = f"{place} {_SCHOOL_SUFFIX[stype]}"
            if name in used_names:
                name = f"{place} {_SCHOOL_SUFFIX[stype]} {len(used_names)}"
            used_names.add(name)
            share = w if stype != "ungdom" else w * 2.2
            add(kid, kid, stype, max(2.0, cohort_total * min(share, 1.0)), name)

    # Showcase: the one-school kommune, ~8 pupils per trinn (some years published, some suppressed).
    add(SHOWCASE_ONE_SCHOOL, SHOWCASE_ONE_SCHOOL, "kombinert", 10.5, "Kvitholm skole", effect=-0.05, climate=0.1)
    # Showcase: spread; six ordinary schools and one far below.
    for place, stype, cohort, eff in [
        ("Brekkestad sentrum", "barne", 48, 0.12), ("Øvre Brekke", "barne", 34, 0.15),
        ("Solhaug", "barne", 30, 0.05), ("Tjernli", "barne", 22, 0.10), ("Brekkestad", "ungdom", 95, 0.10),
        ("Lerkeli", "kombinert", 16, 0.08),
    ]:
        add(SHOWCASE_SPREAD, SHOWCASE_SPREAD, stype, cohort, f"{place} {_SCHOOL_SUFFIX[stype]}", effect=eff, climate=0.1)
    add(SHOWCASE_SPREAD, SHOWCASE_SPREAD, "kombinert", 27, SHOWCASE_SPREAD_WEAK_SCHOOL_NAME, effect=-0.75, climate=-0.55)
    # Showcase: merger; schools of the two old kommuner carry on under the new number from 2020.
    for place, stype, cohort, old in [
        ("Austfjord", "kombinert", 40, SHOWCASE_MERGER_OLD[0]), ("Austfjord nord", "barne", 18, SHOWCASE_MERGER_OLD[0]),
        ("Vestfjord", "kombinert", 30, SHOWCASE_MERGER_OLD[1]), ("Vestfjord indre", "barne", 11, SHOWCASE_MERGER_OLD[1]),
    ]:
        add(SHOWCASE_MERGER, old, stype, cohort, f"{place} {_SCHOOL_SUFFIX[stype]}")
    return pd.DataFrame(rows)


def _aggregate(
    keys: np.ndarray, n_groups: int, values: np.ndarray, mask: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Count, sum and sum of squares of ``values`` per group (masked pupils left out)."""
    if mask is not None:
        keys, values = keys[mask], values[mask]
    cnt = np.bincount(keys, minlength=n_groups).astype(float)
    s1 = np.bincount(keys, weights=values, minlength=n_groups)
    s2 = np.bincount(keys, weights=values * values, minlength=n_groups)
    return cnt, s1, s2


def _eu_secondary_suppression(figures: pd.DataFrame) -> pd.DataFrame:
    """Suppress Elevundersøkelsen figures (from 2023-24) that would reveal a suppressed school."""
    start = figures["period"].map(lambda p: period_start_year(p)).astype(int)
    mask = (figures["indicator"].astype(str).str.startswith("eu_") & (start >= EU_SECONDARY_FROM)).to_numpy()
    done = complementary_suppression(figures.loc[mask], dimensions=("skole",), primary=False)
    for col in ("value", "n", "sd", "suppressed"):
        figures.loc[mask, col] = done[col].to_numpy()
    figures.loc[mask, "marker"] = np.where(done["suppressed"].to_numpy(), MARKER_SUPPRESSED, "")
    return figures


@dataclass
class _Effects:
    """Per-school effects on the pupil ability scale (SD units): level, learning environment, trend."""

    ability: np.ndarray
    env: np.ndarray
    trend: np.ndarray


def _unit_effects(rng: np.random.Generator, context: pd.DataFrame, schools: pd.DataFrame) -> _Effects:
    """Kommune effects (partly explained by context), real trends in a few kommuner, school effects."""
    ctx = context.set_index("kommune_id")
    zedu = (ctx["adult_education_share"] - ctx["adult_education_share"].mean()) / ctx["adult_education_share"].std()
    zdis = (ctx["disability_benefit_share"] - ctx["disability_benefit_share"].mean()) / ctx["disability_benefit_share"].std()
    k_eff = 0.13 * zedu - 0.07 * zdis + pd.Series(rng.normal(0, 0.11, len(ctx)), index=ctx.index)
    k_clim = pd.Series(rng.normal(0, 0.12, len(ctx)), index=ctx.index)
    # Real trends in about 12 % of kommuner (± 0.025-0.05 SD per year).
    has_trend = rng.random(len(ctx)) < 0.12
    k_trend = pd.Series(np.where(has_trend, rng.choice([-1, 1], len(ctx)) * rng.uniform(0.025, 0.05, len(ctx)), 0.0),
                        index=ctx.index)
    k_trend[SHOWCASE_SPREAD] = 0.0
    k_trend[SHOWCASE_MERGER] = 0.03
    k_eff[SHOWCASE_SPREAD] = -0.02
    s_eff = np.where(schools["effect"].notna(), schools["effect"].astype(float),
                     rng.normal(0, 0.14, len(schools)))
    s_clim = np.where(schools["climate"].notna(), schools["climate"].astype(float),
                      rng.normal(0, 0.2, len(schools)))
    sch_k = schools["kommune_id"].to_numpy()
    return _Effects(ability=s_eff + k_eff.reindex(sch_k).to_numpy(), env=s_clim + k_clim.reindex(sch_k).to_numpy(),
                    trend=k_trend.reindex(sch_k).to_numpy())


@dataclass
class _Units:
    """Every publishing unit in one index: schools, then kommuner (current and old), fylker, nation."""

    n_s: int
    nat_index: int
    n_units: int
    school_kom_by_year: np.ndarray  # (school, year) -> unit index of the school's kommune that year
    school_kom_id_by_year: np.ndarray  # (school, year) -> that kommune's number
    school_fylke: np.ndarray
    level: np.ndarray
    unit_id: np.ndarray
    unit_name: np.ndarray
    fylke: np.ndarray
    kommune_static: np.ndarray


def _unit_index(schools: pd.DataFrame, kommuner: pd.DataFrame) -> _Units:
    n_s = len(schools)
    kom_ids = kommuner["kommune_id"].tolist()
    kom_index = {k: n_s + i for i, k in enumerate(kom_ids)}
    fylke_ids = sorted(kommuner["fylke_id"].unique())
    fyl_index = {f: n_s + len(kom_ids) + i for i, f in enumerate(fylke_ids)}
    nat_index = n_s + len(kom_ids) + len(fylke_ids)
    kom_fylke = dict(zip(kommuner["kommune_id"], kommuner["fylke_id"]))
    school_kom_by_year = np.empty((n_s, N_YEARS), dtype=np.int64)
    school_kom_id_by_year = np.empty((n_s, N_YEARS), dtype=object)
    for y in range(N_YEARS):
        ids = np.where(FIRST_YEAR + y < MERGER_YEAR, schools["early_kommune_id"], schools["kommune_id"])
        school_kom_by_year[:, y] = [kom_index[k] for k in ids]
        school_kom_id_by_year[:, y] = ids
    fylke_name = dict(zip(kommuner["fylke_id"], kommuner["fylke_name"]))
    return _Units(
        n_s=n_s, nat_index=nat_index, n_units=nat_index + 1, school_kom_by_year=school_kom_by_year,
        school_kom_id_by_year=school_kom_id_by_year,
        school_fylke=np.array([fyl_index[kom_fylke[k]] for k in schools["kommune_id"]]),
        level=np.array(["skole"] * n_s + ["kommune"] * len(kom_ids) + ["fylke"] * len(fylke_ids) + ["nasjonalt"]),
        unit_id=np.array(schools["school_id"].tolist() + kom_ids + fylke_ids + ["0"], dtype=object),
        unit_name=np.array(schools["school_name"].tolist() + kommuner["kommune_name"].tolist()
                           + [fylke_name[f] for f in fylke_ids] + ["Nasjonalt (demo)"], dtype=object),
        fylke=np.array([kom_fylke[k] for k in schools["kommune_id"]] + [kom_fylke[k] for k in kom_ids]
                       + fylke_ids + [""], dtype=object),
        kommune_static=np.array(list(schools["kommune_id"]) + kom_ids + [""] * (len(fylke_ids) + 1), dtype=object),
    )


@dataclass
class _Emitter:
    """Aggregates pupil values to published figures of every unit and year; collects the blocks."""

    units: _Units
    blocks: list[pd.DataFrame]

    def emit(self, trinn: int, year_of_pupil: np.ndarray, school_of_pupil: np.ndarray, indicator: str,
             subject: str, kjonn: str, values: np.ndarray, mask: np.ndarray | None, is_share: bool,
             decimals: int, keep_sd: bool) -> None:
        """Aggregate pupil values to school, kommune, fylke and nation for every year; add rows."""
        u = self.units
        size = u.n_units * N_YEARS
        cnt, s1, s2 = np.zeros(size), np.zeros(size), np.zeros(size)
        for keys in (school_of_pupil * N_YEARS + year_of_pupil,
                     u.school_kom_by_year[school_of_pupil, year_of_pupil] * N_YEARS + year_of_pupil,
                     u.school_fylke[school_of_pupil] * N_YEARS + year_of_pupil,
                     u.nat_index * N_YEARS + year_of_pupil):
            c, a, b = _aggregate(keys, size, values, mask)
            cnt += c
            s1 += a
            s2 += b
        idx = np.flatnonzero(cnt > 0)
        n = cnt[idx]
        mean = s1[idx] / n
        if is_share:
            value = np.round(100 * mean, decimals)
            sd = np.full(len(idx), np.nan)
        else:
            value = np.round(mean, decimals)
            var = np.where(n > 1, (s2[idx] - n * mean * mean) / np.maximum(n - 1, 1), np.nan)
            sd = np.round(np.sqrt(np.clip(var, 0, None)), 3) if keep_sd else np.full(len(idx), np.nan)
        self.blocks.append(self._rows(idx, n, value, sd, trinn, indicator, subject, kjonn))

    def _rows(self, idx: np.ndarray, n: np.ndarray, value: np.ndarray, sd: np.ndarray, trinn: int,
              indicator: str, subject: str, kjonn: str) -> pd.DataFrame:
        """Canonical rows of the aggregated figures, suppressed below the catalogue threshold."""
        u = self.units
        unit = idx // N_YEARS
        year = idx % N_YEARS
        suppressed = n < suppression_min_n(indicator)
        kommune_id = u.kommune_static[unit].copy()
        is_school = unit < u.n_s
        kommune_id[is_school] = u.school_kom_id_by_year[unit[is_school], year[is_school]]
        return pd.DataFrame({
            "level": u.level[unit], "unit_id": u.unit_id[unit], "unit_name": u.unit_name[unit],
            "kommune_id": kommune_id, "fylke_id": u.fylke[unit], "indicator": indicator, "subject": subject,
            "trinn": trinn, "kjonn": kjonn, "period": np.array(PERIODS, dtype=object)[year],
            "value": np.where(suppressed, np.nan, value), "n": np.where(suppressed, np.nan, n),
            "sd": np.where(suppressed, np.nan, sd), "suppressed": suppressed,
            "marker": np.where(suppressed, MARKER_SUPPRESSED, ""),
            "unit_of_measure": INDICATORS[indicator].unit_of_measure, "source": SOURCE,
        })


@dataclass
class _Cohort:
    """The simulated pupils of one trinn over all years (one entry per pupil)."""

    trinn: int
    year: np.ndarray
    school: np.ndarray
    ability: np.ndarray
    girl: np.ndarray


def _simulate_cohort(rng: np.random.Generator, trinn: int, schools: pd.DataFrame, effects: _Effects) -> _Cohort:
    """Pupils of ``trinn`` in every school offering it and every year, with their ability."""
    offers = np.array([trinn in TRINN_BY_TYPE[t] for t in schools["school_type"].to_numpy()])
    sch = np.flatnonzero(offers)
    # Cohort sizes: Poisson around the school's mean, drifting slightly down over the decade.
    lam = np.outer(schools["cohort"].to_numpy()[sch], 1 - 0.01 * np.arange(N_YEARS))
    sizes = rng.poisson(lam)  # (schools, years)
    school_of_pupil = np.repeat(np.repeat(sch, N_YEARS), sizes.ravel())
    year_of_pupil = np.repeat(np.tile(np.arange(N_YEARS), len(sch)), sizes.ravel())
    n_p = len(school_of_pupil)
    cohort_effect = rng.normal(0, 0.08, (len(schools), N_YEARS))[school_of_pupil, year_of_pupil]
    ability = (effects.ability[school_of_pupil] + effects.trend[school_of_pupil] * (year_of_pupil - 4.5)
               + cohort_effect + rng.normal(0, 0.97, n_p))
    girl = rng.random(n_p) < 0.49
    return _Cohort(trinn, year_of_pupil, school_of_pupil, ability, girl)


def _emit_nasjonale_prover(rng: np.random.Generator, c: _Cohort, out: _Emitter) -> None:
    """Skalapoeng and the shares on every mestringsnivå, per subject (95 % take the test)."""
    n_p = len(c.school)
    participates = rng.random(n_p) < 0.95
    for subj in NP_SUBJECTS_BY_TRINN[c.trinn]:
        girl_shift = {"lesing": 0.12, "regning": -0.05, "engelsk": 0.0}[subj]
        z = 0.8 * c.ability + 0.6 * rng.standard_normal(n_p) + np.where(c.girl, girl_shift, -girl_shift)
        score = (NP_MEAN[c.trinn] + 10 * z).clip(1, 100)
        out.emit(c.trinn, c.year, c.school, "np_skalapoeng", subj, "alle", score, participates, False, 0, False)
        level = np.searchsorted(NP_CUTS[c.trinn], score - (NP_MEAN[c.trinn] - 50)) + 1
        for lvl in range(1, len(NP_CUTS[c.trinn]) + 2):
            out.emit(c.trinn, c.year, c.school, f"np_mestring_{lvl}", subj, "alle",
                     (level == lvl).astype(float), participates, True, 1, False)


def _emit_grunnskolepoeng(rng: np.random.Generator, c: _Cohort, out: _Emitter) -> None:
    """Grunnskolepoeng (10. trinn) for all, girls and boys (96 % have grades)."""
    n_p = len(c.school)
    gsp = (GSP_MEAN + GSP_SD * (0.85 * c.ability + 0.5 * rng.standard_normal(n_p) + np.where(c.girl, 0.22, -0.22)))
    gsp = gsp.clip(10, 60)
    has_grades = rng.random(n_p) < 0.96
    for kjonn, mask in (("alle", has_grades), ("jenter", has_grades & c.girl), ("gutter", has_grades & ~c.girl)):
        out.emit(10, c.year, c.school, "grunnskolepoeng", "", kjonn, gsp, mask, False, 1, False)


def _emit_elevundersokelsen(rng: np.random.Generator, c: _Cohort, env_of_school: np.ndarray, out: _Emitter) -> None:
    """Elevundersøkelsen indices and mobbing (90 % answer), driven by the learning environment."""
    n_p = len(c.school)
    answers = rng.random(n_p) < 0.9
    env = env_of_school[c.school] + 0.25 * c.ability
    for code, mu in EU_MEANS.items():
        sd = INDICATORS[code].default_sd or 0.8
        x = (mu + EU_TRINN_SHIFT[c.trinn] + sd * (0.45 * env + 0.88 * rng.standard_normal(n_p))).clip(1, 5)
        out.emit(c.trinn, c.year, c.school, code, "", "alle", x, answers, False, 2, True)
    base = MOBBING_BASE[c.trinn]
    p = 1 / (1 + np.exp(-(np.log(base / (1 - base)) - 0.9 * env)))
    bullied = (rng.random(n_p) < p).astype(float)
    out.emit(c.trinn, c.year, c.school, "eu_mobbing", "", "alle", bullied, answers, True, 1, False)


def _canonical_figures(blocks: list[pd.DataFrame]) -> pd.DataFrame:
    figures = pd.concat(blocks, ignore_index=True)
    for col, dtype in COLUMNS.items():
        if dtype == "category":
            figures[col] = figures[col].astype("category")
    figures["trinn"] = figures["trinn"].astype("Int8")
    return _eu_secondary_suppression(figures)


def generate(seed: int = SEED) -> DemoData:
    """Generate the full demo dataset (deterministic for a given seed)."""
    rng = np.random.default_rng(seed)
    kommuner = _build_kommuner(rng)
    context = _build_context(rng, kommuner)
    schools = _build_schools(rng, kommuner)
    effects = _unit_effects(rng, context, schools)
    out = _Emitter(_unit_index(schools, kommuner), [])
    for trinn in (5, 7, 8, 9, 10):
        cohort = _simulate_cohort(rng, trinn, schools, effects)
        if trinn in NP_SUBJECTS_BY_TRINN:
            _emit_nasjonale_prover(rng, cohort, out)
        if trinn == 10:
            _emit_grunnskolepoeng(rng, cohort, out)
        if trinn in (7, 10):
            _emit_elevundersokelsen(rng, cohort, effects.env, out)
    figures = _canonical_figures(out.blocks)

    ctx_cols = context.drop(columns=["population"]).copy()
    ctx_cols.insert(1, "population", context["population"])
    skoler = schools[["school_id", "school_name", "school_type", "kommune_id", "early_kommune_id"]].copy()
    reg = kommuner.drop(columns=["population"]).copy()
    return DemoData(figures=figures, kommuner=reg, skoler=skoler, context=ctx_cols)


if __name__ == "__main__":  # pragma: no cover - manual timing aid
    t0 = time.perf_counter()
    d = generate()
    print(len(d.figures), "rows", f"{time.perf_counter() - t0:.1f}s")
