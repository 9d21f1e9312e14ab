"""Build the kommune succession tables shipped in ``data/reference/`` from FHI's csdata crosswalk.

Sources (read in place, see ``data/reference/README.md``):
- ``../shared/realdata/csdata-kommune-redistricting/nor_locations_redistricting_b2024.csv`` and ``_b2020.csv``
  (FHI csdata, MIT; numbers from SSB): every kommune number valid in a calendar year → its 2024 (2020)
  number with a weight (only splits have weights below 1);
- ``norway_locations.csv`` (same package): names of the historical numbers;
- ``../shared/realdata/ssb-klass-kommuner-2026/ssb_klass_kommuneinndeling_2026.csv`` and
  ``ssb_klass_fylkesinndeling_2026.csv`` (SSB Klass 131/104, CC BY 4.0): official names of today's kommuner.

Output:
- ``kommune_succession.csv``: ``border,orig_id,first_year,last_year,target_id,weight`` — the calendar years
  ``first_year..last_year`` in which ``orig_id`` was valid and mapped to ``target_id`` on the given border
  (2020 or 2024); consecutive years collapsed into one row; years before 1990 left out. Border ``0`` rows
  are the master table's own steps: the number(s) ``orig_id`` became right after ``last_year``.
- ``skoler_udir_2025_26.csv``: Udir's 2025-26 school tree (``udir-eu-enhetid-tree-2025-26/filterVerdier.json``,
  Udir data, NLOD 2.0) as orgnr → today's kommune, read by ``data.school_places.read_tree``.
- ``kommune_population.csv``: ``kommune_id,calyear,pop_total,pop_6_15`` for today's kommuner, observed years
  (``imputed=False``) from 2015, from ``nor_population_kommune_b2024.csv`` (SSB population, packaged by csdata).
- ``kommune_names.csv``: ``kommune_id,first_year,last_year,name,official_name,fylke_id,fylke_name`` for
  today's kommuner (``last_year`` empty) and every historical number.

Run: ``.venv/bin/python scripts/build_succession.py [path/to/shared/realdata]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from data import school_places  # noqa: E402
OUT = ROOT / "data" / "reference"
FIRST_YEAR = 1990
# Names whose Norwegian (bokmål) form is not the first part of SSB's official name.
NORWEGIAN_FORM = {
    "1826": "Hattfjelldal", "1875": "Hamarøy", "5041": "Snåsa", "5043": "Røyrvik", "5512": "Tjeldsund",
    "5518": "Lavangen", "5540": "Kåfjord", "5610": "Karasjok", "5612": "Kautokeino", "5628": "Tana",
    "5636": "Nesseby",
}
# SSB's Latin-1 file lost two Sami letters (š); the official spelling.
OFFICIAL_FIX = {"1853": "Evenes - Evenášši", "5610": "Kárášjohka - Karasjok"}


def _code(s: pd.Series) -> pd.Series:
    return s.str.replace(r"^municip_nor", "", regex=True)


def _ranges(path: Path, border: int) -> pd.DataFrame:
    r = pd.read_csv(path, dtype={"location_code_current": str, "location_code_original": str})
    r = r[(r["granularity_geo"] == "municip") & (r["calyear"] >= FIRST_YEAR)].copy()
    r["orig_id"], r["target_id"] = _code(r["location_code_original"]), _code(r["location_code_current"])
    r["weight"] = r["weighting"].round(6)
    r = r.sort_values(["orig_id", "target_id", "weight", "calyear"])
    key = ["orig_id", "target_id", "weight"]
    new_run = (r[key].ne(r[key].shift()).any(axis=1)) | (r["calyear"].diff() != 1)
    r["run"] = new_run.cumsum()
    out = r.groupby("run").agg(orig_id=("orig_id", "first"), first_year=("calyear", "min"),
                               last_year=("calyear", "max"), target_id=("target_id", "first"),
                               weight=("weight", "first"))
    out.insert(0, "border", border)
    return out.reset_index(drop=True)


def _next_numbers(path: Path) -> pd.DataFrame:
    """Border 0 rows: the number(s) a kommune number became right after ``last_year`` (the master table)."""
    loc = pd.read_csv(path, dtype=str)
    loc = loc[loc["year_end"].notna() & loc["municip_code_end"].notna()]
    loc = loc[loc["year_end"].astype(float) >= FIRST_YEAR]
    return pd.DataFrame({
        "border": 0, "orig_id": _code(loc["municip_code"]), "first_year": loc["year_start"].astype(int),
        "last_year": loc["year_end"].astype(float).astype(int), "target_id": _code(loc["municip_code_end"]),
        "weight": loc["weighting"].astype(float).fillna(1.0).round(6),
    })


def _names(realdata: Path) -> pd.DataFrame:
    klass = pd.read_csv(realdata / "ssb-klass-kommuner-2026" / "ssb_klass_kommuneinndeling_2026.csv", sep=";",
                        encoding="latin-1", dtype=str)
    klass = klass[klass["code"] != "9999"]
    fylker = pd.read_csv(realdata / "ssb-klass-kommuner-2026" / "ssb_klass_fylkesinndeling_2026.csv", sep=";",
                         encoding="utf-8", dtype=str).set_index("code")["name"]
    loc = pd.read_csv(realdata / "csdata-kommune-redistricting" / "norway_locations.csv", dtype=str)
    start = loc[loc["year_end"].isna()].set_index(_code(loc.loc[loc["year_end"].isna(), "municip_code"]))["year_start"]
    cur = pd.DataFrame({"kommune_id": klass["code"], "last_year": pd.NA})
    cur["first_year"] = cur["kommune_id"].map(start).fillna("2024").astype(int)
    cur["official_name"] = [OFFICIAL_FIX.get(c, n) for c, n in zip(klass["code"], klass["name"])]
    cur["name"] = [NORWEGIAN_FORM.get(c, n.split(" - ")[0]) for c, n in zip(cur["kommune_id"], cur["official_name"])]
    cur["fylke_id"] = cur["kommune_id"].str[:2]
    cur["fylke_name"] = cur["fylke_id"].map(fylker)
    loc = loc[loc["year_end"].notna() & (loc["year_end"].astype(float) >= FIRST_YEAR)]
    old = pd.DataFrame({
        "kommune_id": _code(loc["municip_code"]), "first_year": loc["year_start"].astype(int),
        "last_year": loc["year_end"].astype(float).astype(int), "name": loc["municip_name"].str.split("-").str[0],
        "official_name": loc["municip_name"], "fylke_id": loc["county_code"].str[-2:], "fylke_name": loc["county_name"],
    }).drop_duplicates(["kommune_id", "first_year", "last_year"])
    cols = ["kommune_id", "first_year", "last_year", "name", "official_name", "fylke_id", "fylke_name"]
    return pd.concat([cur[cols], old[cols]], ignore_index=True).sort_values(["kommune_id", "first_year"])


def main(realdata: Path) -> None:
    cs = realdata / "csdata-kommune-redistricting"
    succ = pd.concat([_ranges(cs / "nor_locations_redistricting_b2024.csv", 2024),
                      _ranges(cs / "nor_locations_redistricting_b2020.csv", 2020),
                      _next_numbers(cs / "norway_locations.csv")], ignore_index=True)
    OUT.mkdir(parents=True, exist_ok=True)
    succ.to_csv(OUT / "kommune_succession.csv", index=False, lineterminator="\n")
    _names(realdata).to_csv(OUT / "kommune_names.csv", index=False, lineterminator="\n")
    pop = pd.read_csv(cs / "nor_population_kommune_b2024.csv", dtype={"kommune_id": str})
    pop = pop[(~pop["imputed"]) & (pop["calyear"] >= 2015)].astype({"calyear": int, "pop_total": int, "pop_6_15": int})
    pop[["kommune_id", "calyear", "pop_total", "pop_6_15"]].to_csv(OUT / "kommune_population.csv", index=False,
                                                                   lineterminator="\n")
    tree = (realdata / "udir-eu-enhetid-tree-2025-26" / "filterVerdier.json").read_bytes()
    school_places.read_tree(tree).to_csv(school_places.REFERENCE, index=False, lineterminator="\n")
    print(f"{len(succ)} succession rows, names written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "realdata")
