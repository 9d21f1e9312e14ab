"""Real figures filed under today's kommune numbers (data/renumber.py) and the registry built from them."""

import numpy as np
import pandas as pd

from data import renumber
from data.schema import validate
from tests.rows import canonical_row


def _kom(k, period, name, value=50.0, **kw):
    return canonical_row(level="kommune", unit_id=k, unit_name=name, kommune_id=k, fylke_id=k[:2], period=period,
                         value=value, n=100, **kw)


def test_renumbering_mergers_and_splits():
    buer = "975278034"  # Buer skole, Skien, in Udir's 2025-26 tree
    df = validate(pd.DataFrame([
        _kom("3807", "2023-24", "Skien (2020 - 2023)"),
        _kom("4003", "2024-25", "Skien"),
        _kom("0806", "2019-20", "Skien"),
        _kom("1507", "2022-23", "Ålesund (2020 - 2023)"),
        _kom("0602", "2019-20", "Drammen"), _kom("0625", "2019-20", "Nedre Eiker"),
        _kom("3005", "2022-23", "Drammen (2020 - 2023)"),
        canonical_row(unit_id=buer, unit_name="Buer skole", kommune_id="3807", fylke_id="38", period="2023-24",
                      value=48.0, n=40),
        canonical_row(level="fylke", unit_id="54", unit_name="Troms og Finnmark - Romsa ja Finnmárku - Tromssa ja "
                      "Finmarkku (2020 - 2023)", kommune_id="", fylke_id="54", period="2022-23", value=49.0, n=9000),
    ]))
    out = renumber.file_under_current(df)
    kom = out[out["level"] == "kommune"].set_index(["period", "orig_kommune_id"])
    skien = out[(out["level"] == "kommune") & (out["unit_id"] == "4003")]
    assert sorted(skien["period"].astype(str)) == ["2019-20", "2023-24", "2024-25"]
    assert set(skien["unit_name"].astype(str)) == {"Skien"} and set(skien["fylke_id"].astype(str)) == {"40"}
    assert sorted(skien["orig_kommune_id"].astype(str)) == ["", "0806", "3807"]
    # Split: Ålesund 1507 stays under its own number (never summed into 1508 or 1580).
    assert out.loc[(out["unit_id"] == "1507"), "unit_name"].tolist() == ["Ålesund"]
    # Merger: Drammen's 2019-20 predecessors stay under their numbers; 3005 (renumbered only) becomes 3301.
    assert {"0602", "0625"} <= set(out["unit_id"].astype(str))
    assert kom.loc[("2022-23", "3005"), "unit_id"] == "3301"
    school = out[out["level"] == "skole"].iloc[0]
    assert (school["kommune_id"], school["orig_kommune_id"], school["fylke_id"]) == ("4003", "3807", "40")
    assert out.loc[out["level"] == "fylke", "unit_name"].tolist() == ["Troms og Finnmark"]
    assert len(out) == len(df)


def test_old_and_new_number_in_one_year_keeps_the_current_figure():
    df = validate(pd.DataFrame([_kom("3807", "2023-24", "Skien", value=48.0), _kom("4003", "2023-24", "Skien")]))
    out = renumber.file_under_current(df)
    assert out["value"].tolist() == [50.0] and out["unit_id"].tolist() == ["4003"]


def test_status_of_old_numbers():
    import data.demo  # noqa: F401  (registers the demo's merger)

    st = renumber.kommune_status(["0602", "1507", "4003", "7391"], ["2019-20", "2022-23", "2024-25", "2018-19"])
    st = st.set_index("kommune_id")
    assert st.loc["0602", "successor_id"] == "3301" and st.loc["0602", "historical"]
    assert pd.isna(st.loc["1507", "successor_id"]) and st.loc["1507", "historical"]
    assert pd.isna(st.loc["4003", "successor_id"]) and not st.loc["4003", "historical"]
    # The demo's merger through the same code.
    assert st.loc["7391", "successor_id"] == "7390"


def test_add_mode_replaces_demo_national_series(tmp_path, monkeypatch):
    from data import dataset

    demo = validate(pd.DataFrame([
        canonical_row(level="nasjonalt", unit_id="0", unit_name="Norge", kommune_id="", fylke_id="",
                      period=p, value=50.0, n=60000) for p in ("2023-24", "2024-25")]))
    imp = validate(pd.DataFrame([
        canonical_row(level="nasjonalt", unit_id="I", unit_name="Hele landet", kommune_id="", fylke_id="",
                      period="2024-25", value=51.0, n=56000),
        canonical_row(level="nasjonalt", unit_id="I", unit_name="Hele landet", kommune_id="", fylke_id="",
                      indicator="eu_mobbing", trinn=None, subject="", period="2024-25", value=7.0, n=9000)]))
    kept = dataset._demo_without(demo, imp)
    both = validate(pd.concat([kept, imp]))
    nat = both[both["level"] == "nasjonalt"].set_index("period")
    nat = nat[nat["indicator"] == "np_skalapoeng"]
    assert nat["value"].to_dict() == {"2023-24": 50.0, "2024-25": 51.0}
    assert not nat.index.duplicated().any()
    assert np.isnan(both["udir_margin"]).all()


def test_both_structures_in_one_file():
    """Udir's grunnskolepoeng export holds Skien both as 0806 (old) and as 3807 (recalculated into the 2020
    structure) for the same years, and an empty 0806 cell after 2020: one Skien series results."""
    df = validate(pd.DataFrame([
        _kom("0806", "2015-16", "Skien", value=39.7),
        _kom("3807", "2015-16", "Skien", value=39.7),
        _kom("0806", "2020-21", "Skien", value=np.nan),
        _kom("3807", "2020-21", "Skien", value=42.2),
        _kom("0602", "2015-16", "Drammen", value=41.8),  # merger predecessor: kept under its number
        _kom("3005", "2015-16", "Drammen", value=np.nan),  # recalculated merged Drammen (empty that year)
    ]))
    out = renumber.file_under_current(df)
    skien = out[out["unit_id"] == "4003"].set_index("period")
    assert skien["value"].to_dict() == {"2015-16": 39.7, "2020-21": 42.2}
    assert set(skien["orig_kommune_id"]) == {"3807"}
    assert set(out["unit_id"].astype(str)) == {"4003", "0602", "3301"}
