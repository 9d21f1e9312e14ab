"""AppTest for «Sammenlignbare kommuner», asserting on values computed by analysis/peers and selection."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import data
from analysis import peers, selection
from analysis.window import last_school_years
from data import demo
from data.catalogue import UTTREKK_SET
from tests.apptest import open_app
from present.format import fmt_number



def open_page(**params) -> AppTest:
    return open_app("sammenlignbare", **params)


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    return next(df.value for df in at.dataframe if column in df.value.columns)


def window() -> list[str]:
    return last_school_years(data.load_dataset()["period"].unique())


@pytest.fixture(scope="module")
def brekkestad() -> AppTest:
    return open_page(kommune=demo.SHOWCASE_SPREAD)  # conftest makes pages raise, so AppTest sees failures


def test_peers_are_the_nearest_neighbours_and_how_near(brekkestad):
    at = brekkestad
    ctx = data.load_context()
    ref = peers.nearest_peers(ctx, demo.SHOWCASE_SPREAD, peers.DEFAULT_FEATURES, peers.DEFAULT_K)
    tab = table_with(at, "Avstand")
    names = data.load_kommuner().set_index("kommune_id")["kommune_name"]
    assert "Brekkestad" not in list(tab["Kommune"])  # the kommune itself is not a row «0» of its peers
    assert list(tab["Kommune"]) == [names[k] for k in ref["kommune_id"]]
    np.testing.assert_allclose(tab["Avstand"].to_numpy(), ref["distance"].round(2).to_numpy())


def test_kommune_against_peers_on_every_uttrekk_indicator(brekkestad):
    at = brekkestad
    ctx = data.load_context()
    ids = peers.nearest_peers(ctx, demo.SHOWCASE_SPREAD, peers.DEFAULT_FEATURES, peers.DEFAULT_K)["kommune_id"]
    summary, _ = selection.peer_comparison(data.load_dataset(), data.load_kommuner(), demo.SHOWCASE_SPREAD, ids,
                                           window(), UTTREKK_SET)
    tab = table_with(at, "Sammenlignbare samlet")
    assert len(tab) == len(UTTREKK_SET) == len(summary)
    np.testing.assert_allclose(tab["Kommunen"].to_numpy(dtype=float), summary["estimate"].round(1).to_numpy(dtype=float),
                               atol=0.051)
    labels = {"svakere": "Svakere enn de sammenlignbare", "bedre": "Bedre enn de sammenlignbare",
              "ikke_sikker": "Ikke sikker forskjell", "ingen_data": "Kan ikke vurderes"}
    assert list(tab["Kommunen mot de sammenlignbare"]) == [labels[c] for c in summary["classification"]]
    assert tab["Kommunen mot de sammenlignbare"].iloc[0] == "Svakere enn de sammenlignbare"  # grunnskolepoeng


def test_expected_value_matches_analysis(brekkestad):
    at = brekkestad
    by_k = selection.indicator_by_kommune(data.load_dataset(), data.load_kommuner(), "grunnskolepoeng", "", 10,
                                          "alle", window())
    res = peers.expected_value(by_k, data.load_context(), demo.SHOWCASE_SPREAD, peers.DEFAULT_FEATURES)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Forventet ut fra kontekst"] == fmt_number(res.expected, 1)
    assert metrics["95 % prediksjonsintervall"] == f"{fmt_number(res.pi_lower, 1)}–{fmt_number(res.pi_upper, 1)}"
    assert metrics["Kommunens resultat"] == fmt_number(res.observed, 1)
    verdict = {"lavere": "lavere enn", "hoyere": "høyere enn", "som_forventet": "innenfor"}[res.position]
    assert any(verdict in m.value for m in at.markdown)
    assert any("prediksjonsintervall" in c.value and "statsmodels" in c.value for c in at.caption)


def test_k_features_and_method_are_adjustable_and_kept_in_the_link():
    at = open_page(kommune=demo.SHOWCASE_SPREAD)
    at.select_slider(key="qp_k").set_value(5).run()
    at.multiselect(key="qp_kontekst").set_value(["adult_education_share", "disability_benefit_share"]).run()
    assert not at.exception
    ctx = data.load_context()
    ref = peers.nearest_peers(ctx, demo.SHOWCASE_SPREAD, ["adult_education_share", "disability_benefit_share"], 5)
    tab = table_with(at, "Avstand")
    assert len(tab) == 5  # the peers only; the kommune itself is not a row
    np.testing.assert_allclose(tab["Avstand"].to_numpy(), ref["distance"].round(2).to_numpy())
    params = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert params["k"] == "5" and params["kontekst"] == "adult_education_share,disability_benefit_share"
    again = open_page(**params)
    assert len(table_with(again, "Avstand")) == 5
    # KOSTRA group instead of nearest neighbours.
    at.selectbox(key="qp_sammenligning").select("kostra").run()
    group = peers.kostra_peers(ctx, demo.SHOWCASE_SPREAD)
    assert len(table_with(at, "Avstand")) == len(group)
