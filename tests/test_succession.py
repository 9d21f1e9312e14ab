"""The kommune succession table (data/succession.py) against the known reform cases of issue 11.

Expected values are SSB's published reform decisions (also listed in csdata's SOURCE.md), not read back
from the table under test."""

import pandas as pd
import pytest

from data import succession as s


@pytest.mark.parametrize("orig, year, b2020, b2024", [
    # Skien 0806 → 3807 → 4003
    ("0806", 2019, "3807", "4003"), ("3807", 2021, "3807", "4003"), ("3807", "2023-24", "3807", "4003"),
    ("4003", "2024-25", None, "4003"),
    # Drammen 0602 → 3005 → 3301
    ("0602", 2019, "3005", "3301"), ("3005", 2022, "3005", "3301"),
    # Asker 0220 and Røyken 0627 → 3025 → 3203
    ("0220", 2019, "3025", "3203"), ("0627", 2019, "3025", "3203"), ("3025", 2023, "3025", "3203"),
    # Tromsø 1902 → 5401 → 5501
    ("1902", 2019, "5401", "5501"), ("5401", 2020, "5401", "5501"),
    # Holmestrand 0702, Hof 0714 (2017), Holmestrand 0715 and Sande 0713 (2019) → 3802 → 3903
    ("0702", 2017, "3802", "3903"), ("0714", 2017, "3802", "3903"), ("0715", 2018, "3802", "3903"),
    ("0715", 2019, "3802", "3903"), ("0713", 2019, "3802", "3903"), ("3802", 2020, "3802", "3903"),
    # Larvik 0709 and Lardal 0728 (2017) → 0712 (2018) → 3805 → 3909
    ("0709", 2017, "3805", "3909"), ("0728", 2017, "3805", "3909"), ("0712", 2018, "3805", "3909"),
    ("3805", 2023, "3805", "3909"),
])
def test_known_renumberings(orig, year, b2020, b2024):
    assert s.successors(orig, year) == [(b2024, 1.0)]
    assert s.current_id(orig, year) == b2024
    assert not s.is_split(orig, year)
    if b2020:
        assert s.successors(orig, year, border=2020) == [(b2020, 1.0)]


def test_larvik_lardal_steps():
    """The reform steps themselves: 0709 and 0728 became 0712 in 2018, 0712 became 3805 in 2020."""
    assert s.successors("0709", 2017, border=0) == [("0712", 1.0)]
    assert s.successors("0728", 2017, border=0) == [("0712", 1.0)]
    assert s.successors("0712", 2019, border=0) == [("3805", 1.0)]
    assert [(e.year, e.kind) for e in s.events("3909")] == [(2018, "sammenslåing"), (2020, "nytt nummer"),
                                                             (2024, "nytt nummer")]


def test_alesund_haram_split():
    assert s.successors("1507", "2022-23") == [("1508", 0.5), ("1580", 0.5)]
    assert s.current_id("1507", 2023) is None
    assert s.is_split("1507", 2020)
    assert s.from_split("1508") and s.from_split("1580")
    assert not s.from_split("4003")
    last = s.events("1508")[-1]
    assert (last.year, last.kind, last.predecessors, last.period) == (2024, "deling", ("1507",), "2024-25")
    # 2020: Ålesund, Haram and others merged into 1507 (on the 2020 border one number, no weights).
    assert s.successors("1534", 2019, border=2020) == [("1507", 1.0)]
    assert s.events("1508")[0].kind == "sammenslåing"
    assert s.current_id("1508", "2024-25") == "1508" and s.current_id("1580", 2025) == "1580"


def test_events_merger_and_renumbering():
    assert [(e.year, e.kind, e.predecessors) for e in s.events("4003")] == [
        (2020, "nytt nummer", ("0806",)), (2024, "nytt nummer", ("3807",))]
    assert [(e.year, e.kind, e.predecessors) for e in s.events("3203")][:1] == [
        (2020, "sammenslåing", ("0220", "0627", "0628"))]
    assert [(e.year, e.kind) for e in s.events("3903")] == [(2018, "sammenslåing"), (2020, "sammenslåing"),
                                                             (2024, "nytt nummer")]
    assert s.events("0301") == []


def test_predecessors_of_skien():
    assert s.predecessors("4003", 2022) == [("3807", 1.0)]
    assert s.predecessors("4003", 2025) == [("4003", 1.0)]


def test_unknown_number_is_identity():
    assert s.successors("9998", "2024-25") == [("9998", 1.0)]
    assert s.events("9998") == []


def test_names():
    assert s.name("3807") == "Skien" and s.name("4003") == "Skien"
    assert s.name("5612") == "Kautokeino"
    assert s.official_name("5612") == "Guovdageaidnu - Kautokeino"
    assert s.fylke_of("4003") == ("40", "Telemark")
    assert s.clean_name("Troms og Finnmark - Romsa ja Finnmárku - Tromssa ja Finmarkku (2020 - 2023)") == \
        "Troms og Finnmark"
    assert s.clean_name("Skien (2020 - 2023)") == "Skien"
    assert s.clean_name("Kárášjohka - Karasjok") == "Karasjok"
    assert s.clean_name("Aurskog-Høland") == "Aurskog-Høland"
    assert s.clean_name("Herøy (Nordland)") == "Herøy (Nordland)"
    assert len(s.current_kommuner()) == 357


def test_weights_sum_to_one_per_number_and_year():
    t = pd.read_csv(s.REFERENCE / "kommune_succession.csv", dtype={"orig_id": str})
    t = t[t["border"] == 2024]
    years = t.loc[t.index.repeat(t["last_year"] - t["first_year"] + 1)].copy()
    years["year"] = years.groupby(level=0).cumcount() + years["first_year"]
    sums = years.groupby(["orig_id", "year"])["weight"].sum()
    assert ((sums - 1).abs() < 1e-6).all()


def test_renumber_vectorised():
    cur, split = s.renumber(pd.Series(["3807", "4003", "1507", "", "0806"]),
                            pd.Series(["2023-24", "2024-25", "2022-23", "2022-23", "2015-16"]))
    assert cur.tolist() == ["4003", "4003", "", "", "4003"]
    assert split.tolist() == [False, False, True, False, False]


def test_demo_merger_goes_through_succession():
    from data import demo

    assert s.successors(demo.SHOWCASE_MERGER_OLD[0], "2018-19") == [(demo.SHOWCASE_MERGER, 1.0)]
    assert s.current_id(demo.SHOWCASE_MERGER_OLD[1], "2019-20") == demo.SHOWCASE_MERGER
    assert [(e.year, e.kind, e.predecessors) for e in s.events(demo.SHOWCASE_MERGER)] == [
        (demo.MERGER_YEAR, "sammenslåing", demo.SHOWCASE_MERGER_OLD)]
