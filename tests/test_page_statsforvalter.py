"""AppTest of the statsforvalter overview: a fylke's kommuner in one sortable table, and a zip of PDFs."""

from __future__ import annotations

import io
import zipfile

import data
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app




def _run() -> AppTest:
    return open_app("statsforvalter", kommune="7290")


def test_fylke_table_sorted_and_flagged():
    at = _run()
    table = at.dataframe[0].value
    reg = data.current_kommuner()
    n = int((reg["fylke_id"] == reg.set_index("kommune_id").loc["7290", "fylke_id"]).sum())
    assert len(table) == n
    shares = table["Andel risikopoeng (%)"].dropna().tolist()
    assert shares == sorted(shares, reverse=True)
    row = table[table["Kommune"] == "Brekkestad (7290)"].iloc[0]
    assert row["Spredningssignal"] == "ja" and row["Utfall i modellen"] == "spredning"
    assert "(" in row["GSP 10."] and "▼" in row["GSP 10."]
    at.selectbox(key="sf_sort").set_value("Plass").run()
    ranks = at.dataframe[0].value["Plass"].dropna().tolist()
    assert ranks == sorted(ranks)


def test_chosen_list_and_batch_zip():
    at = _run()
    at.selectbox(key="sf_mode").select("list").run()
    at.multiselect(key="sf_list").set_value(["7190"]).run()
    table = at.dataframe[0].value
    assert list(table["Kommune"]) == ["Kvitholm (7190)"]
    assert "skjermet" in set(table.iloc[0].astype(str))
    at.button(key="sf_batch").click().run()
    assert not at.exception, [e.message for e in at.exception]
    ids, blob = at.session_state["sf_zip"]
    assert ids == ("7190",)
    names = zipfile.ZipFile(io.BytesIO(blob)).namelist()
    assert names == ["utfordringsbilde_7190_Kvitholm.pdf"]


def test_fylke_list_and_sort_are_in_the_link_and_the_table_is_full_height():
    from tests.apptest import open_app

    at = open_app("statsforvalter", kommune="7290", utvalg="list", kommuner="7190,7390", sorter="Kommune")
    table = at.dataframe[0].value
    assert sorted(table["Kommune"]) == ["Fjordbygd (7390)", "Kvitholm (7190)"]
    assert list(table["Kommune"]) == sorted(table["Kommune"], reverse=False)
    at.selectbox(key="sf_sort").select("Plass").run()
    assert at.query_params["sorter"] in ("Plass", ["Plass"])
    assert at.query_params["kommuner"] in ("7190,7390", ["7190,7390"])
    at = open_app("statsforvalter", kommune="7290", utvalg="fylke")
    fylke = at.query_params["fylke"]
    assert (fylke[0] if isinstance(fylke, list) else fylke)
    import json

    assert json.loads(at.dataframe[0].proto.columns)["Kommune"]["pinned"] is True  # stays left at 1366 px
