"""AppTest for «Skoler», asserting on values computed by analysis/ (school count, classification, n,
suppression, funnel and spread)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import data
from analysis import selection, spread
from analysis.window import last_school_years
from data import demo
from tests.apptest import open_app
from present.format import fmt_number



def open_page(**params) -> AppTest:
    return open_app("skoler", **params)


def tables(at: AppTest) -> list[pd.DataFrame]:
    return [df.value for df in at.dataframe]


def schools_table(at: AppTest) -> pd.DataFrame:
    return next(t for t in tables(at) if "Resten av kommunen" in t.columns)


def expected_comparison(kommune_id: str, indicator: str, subject: str, trinn: int) -> pd.DataFrame:
    sl = selection.slice_indicator(data.load_dataset(), indicator, subject, trinn)
    window = last_school_years(sl["period"].unique())
    return selection.school_comparison(sl, data.kommune_lineage(kommune_id), window)


@pytest.fixture(scope="module")
def brekkestad() -> AppTest:
    return open_page(kommune=demo.SHOWCASE_SPREAD)  # conftest makes pages raise, so AppTest sees failures


def test_school_count_classification_and_n_match_analysis(brekkestad):
    at = brekkestad
    assert at.title[0].value == "Skoler: Brekkestad"
    comp = expected_comparison(demo.SHOWCASE_SPREAD, "grunnskolepoeng", "", 10)
    summary = " ".join(m.value for m in at.markdown)
    assert f"**{len(comp)} skoler**" in summary
    tab = schools_table(at)
    assert len(tab) == len(comp)
    assert list(tab["Skole"]) == list(comp["school_name"])
    np.testing.assert_array_equal(tab["Antall elever (n)"].to_numpy(), comp["n"].to_numpy())
    labels = {"svakere": "Svakere enn resten av kommunen", "bedre": "Bedre enn resten av kommunen",
              "ikke_sikker": "Ikke sikker forskjell", "ingen_data": "Kan ikke vurderes"}
    assert list(tab["Vurdering"]) == [labels[c] for c in comp["classification"]]
    weak = tab.set_index("Skole").loc[demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME]
    assert weak["Vurdering"] == "Svakere enn resten av kommunen"
    assert weak["Skolens tall"] < weak["Resten av kommunen"]
    # The n behind each school is on the chart axis, and the method is named under it.
    import json
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    axis = spec["layout"]["yaxis"]["categoryarray"]
    n_weak = comp.set_index("school_name").loc[demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME, "n"]
    assert f"{demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME} (n = {fmt_number(n_weak, 0)})" in axis
    assert any("MOVER" in c.value for c in at.caption)


def test_weak_school_reads_as_below_on_mastery_level_1(brekkestad):
    at = brekkestad
    at.selectbox(key="qp_indikator").select("np_mestring_1").run()
    at.selectbox(key="qp_fag").select("lesing").run()
    at.selectbox(key="qp_trinn").select(5).run()
    assert not at.exception
    comp = expected_comparison(demo.SHOWCASE_SPREAD, "np_mestring_1", "lesing", 5)
    tab = schools_table(at)
    assert len(tab) == len(comp) == 6
    row = tab.set_index("Skole").loc[demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME]
    assert row["Vurdering"] == "Svakere enn resten av kommunen"  # a high share on level 1 is worse
    assert at.query_params["indikator"] in ("np_mestring_1", ["np_mestring_1"])


def test_suppressed_schools_show_as_suppressed():
    at = open_page(kommune=demo.SHOWCASE_SPREAD, indikator="eu_mobbing", trinn="7")
    comp = expected_comparison(demo.SHOWCASE_SPREAD, "eu_mobbing", "", 7)
    assert comp["suppressed"].any(), "mobbing at small schools is suppressed (fewer than 30 answers)"
    tab = schools_table(at).set_index("Skole")
    for name in comp.loc[comp["suppressed"], "school_name"]:
        assert np.isnan(tab.loc[name, "Skolens tall"])
        assert "skjermet" in tab.loc[name, "Merknad"]
        assert tab.loc[name, "Vurdering"] == "Kan ikke vurderes"
    summary = " ".join(m.value for m in at.markdown)
    assert f"{int(comp['suppressed'].sum())} skjermet" in summary


def test_funnel_and_spread_match_analysis():
    at = open_page(kommune=demo.SHOWCASE_SPREAD)
    sl = selection.slice_indicator(data.load_dataset(), "grunnskolepoeng", "", 10)
    window = last_school_years(sl["period"].unique())
    fylke = data.load_kommuner().set_index("kommune_id").loc[demo.SHOWCASE_SPREAD, "fylke_id"]
    area = selection.pooled_units(selection.schools_in_area(sl, fylke, window), window)
    funnel = next(t for t in tables(at) if "I kommunen" in t.columns)
    assert len(funnel) == len(area)
    assert (funnel["I kommunen"] == "ja").sum() == 3
    weak = funnel.set_index("Skole").loc[demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME, "Plass i trakten"]
    assert weak.startswith("svakere")
    comp = expected_comparison(demo.SHOWCASE_SPREAD, "grunnskolepoeng", "", 10)
    pooled = comp.rename(columns={"school_id": "unit_id", "school_name": "unit_name"}).assign(level="skole")
    icc = spread.between_school_spread(pooled, by=["indicator"])["icc"].iloc[0]
    text = " ".join(m.value for m in at.markdown)
    assert f"**{fmt_number(100 * icc, 0)} %**" in text
    drivers = spread.spread_drivers(pooled)
    assert drivers["unit_name"].iloc[0] == demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME
    assert f"**{demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME}**" in text
    # The whole nation instead of the fylke.
    at.selectbox(key="qp_trakt").select("landet").run()
    national = selection.pooled_units(selection.schools_in_area(sl, None, window), window)
    assert len(next(t for t in tables(at) if "I kommunen" in t.columns)) == len(national)


def test_one_school_kommune():
    at = open_page(kommune=demo.SHOWCASE_ONE_SCHOOL)
    tab = schools_table(at)
    assert list(tab["Skole"]) == ["Kvitholm skole"]
    assert tab["Vurdering"].iloc[0] == "Kan ikke vurderes"  # no rest of the kommune to compare with
