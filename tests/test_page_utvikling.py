"""AppTest for «Utvikling over tid», asserting on values computed by analysis/ (and the CSV/Excel export)."""

from __future__ import annotations

import base64
import io
import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import data
from analysis import selection
from analysis.intervals import add_intervals, pooled_window
from analysis.trends import trend
from analysis.window import last_school_years
from data import demo
from tests.apptest import open_app
from ui.downloads import csv_bytes, excel_bytes, export_frame
from present.format import fmt_number



def open_page(**params) -> AppTest:
    return open_app("utvikling", **params)


def table(at: AppTest) -> pd.DataFrame:
    for df in at.dataframe:
        if "Linje" in df.value.columns:
            return df.value
    raise AssertionError("no table view")


def chart_spec(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def decode(arr) -> np.ndarray:
    """Plotly JSON arrays: a plain list or a typed array {'dtype', 'bdata'} (base64)."""
    if isinstance(arr, dict):
        return np.frombuffer(base64.b64decode(arr["bdata"]), dtype=np.dtype(arr["dtype"]))
    return np.array([np.nan if v is None else v for v in arr], dtype=float)


def kommune_series(kommune_id: str, indicator: str, subject: str, trinn: int) -> pd.DataFrame:
    sl = selection.slice_indicator(data.load_dataset(), indicator, subject, trinn)
    name = data.load_kommuner().set_index("kommune_id").loc[kommune_id, "kommune_name"]
    return add_intervals(selection.kommune_series(sl, kommune_id, data.kommune_lineage(kommune_id), name=name))


@pytest.fixture(scope="module")
def brekkestad() -> AppTest:
    return open_page(kommune=demo.SHOWCASE_SPREAD)  # conftest makes pages raise, so AppTest sees failures


def test_pooled_value_and_trend_match_analysis(brekkestad):
    at = brekkestad
    assert at.title[0].value == "Utvikling over tid: Brekkestad"
    ser = kommune_series(demo.SHOWCASE_SPREAD, "grunnskolepoeng", "", 10)
    window = last_school_years(ser["period"])
    pooled = pooled_window(ser, window).iloc[0]
    metric = next(m for m in at.metric if m.label == "Brekkestad")
    assert metric.value == (f"{fmt_number(pooled['estimate'], 1)} ({fmt_number(pooled['lower'], 1)}–"
                            f"{fmt_number(pooled['upper'], 1)})")
    tr = trend(ser)
    text = " ".join(m.value for m in at.markdown)
    assert tr.verdict_label in text and fmt_number(tr.slope_per_year, 2) in text
    # The trend's and the intervals' methods are named under the chart.
    captions = " ".join(c.value for c in at.caption)
    assert "vektet lineær regresjon" in captions and "Metode for intervallene: 95 % t-intervall" in captions


def test_table_shows_kommune_fylke_nation_and_peers_for_every_year(brekkestad):
    tab = table(brekkestad)
    lines = set(tab["Linje"])
    assert {"Brekkestad", "Nasjonalt", "Sammenlignbare kommuner"} <= lines and len(lines) == 4
    assert (tab.groupby("Linje").size() == 10).all()
    ser = kommune_series(demo.SHOWCASE_SPREAD, "grunnskolepoeng", "", 10)
    shown = tab[tab["Linje"] == "Brekkestad"].set_index("Skoleår")
    np.testing.assert_allclose(shown["Verdi"].to_numpy(), ser.set_index("period")["estimate"].round(1).to_numpy())
    np.testing.assert_allclose(shown["Nedre grense (95 %)"].to_numpy(), ser["lower"].round(1).to_numpy())
    nat = data.load_dataset()
    nat = nat[(nat["level"] == "nasjonalt") & (nat["indicator"] == "grunnskolepoeng") & (nat["kjonn"] == "alle")]
    last = tab[(tab["Linje"] == "Nasjonalt") & (tab["Skoleår"] == "2025-26")]["Verdi"].iloc[0]
    assert last == pytest.approx(float(nat[nat["period"] == "2025-26"]["value"].iloc[0]), abs=0.05)


def test_schools_as_extra_lines_and_state_in_query_params(brekkestad):
    at = brekkestad
    box = at.multiselect(key="qp_skoler")
    weak = next(o for o in box.options if o.startswith(demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME))
    box.select(weak).run()
    assert not at.exception
    assert demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME in set(table(at)["Linje"])
    ids = at.query_params["skoler"]
    assert ids and ids[0] if isinstance(ids, list) else ids
    # A link with the same query params reproduces the view (the school line and the indicator).
    params = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    again = open_page(**params)
    assert demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME in set(table(again)["Linje"])
    assert again.selectbox(key="qp_indikator").value == "grunnskolepoeng"


def test_suppressed_years_are_gaps_with_markers_never_zero():
    at = open_page(kommune=demo.SHOWCASE_ONE_SCHOOL, indikator="np_mestring_1", fag="lesing", trinn="5")
    assert at.selectbox(key="qp_indikator").value == "np_mestring_1"
    ser = kommune_series(demo.SHOWCASE_ONE_SCHOOL, "np_mestring_1", "lesing", 5)
    suppressed = sorted(ser.loc[ser["suppressed"], "period"])
    assert suppressed, "the one-school showcase has suppressed years"
    tab = table(at)
    kom = tab[tab["Linje"] == "Kvitholm"].set_index("Skoleår")
    assert kom.loc[suppressed, "Verdi"].isna().all()
    assert kom.loc[suppressed, "Merknad"].str.contains("skjermet").all()
    assert (kom["Verdi"].dropna() > 0).all()
    spec = chart_spec(at)
    line = next(tr for tr in spec["data"] if tr.get("name") == "Kvitholm" and tr.get("mode") == "lines+markers")
    ys = dict(zip(line["x"], decode(line["y"])))
    assert all(np.isnan(ys[p]) for p in suppressed)  # a gap, not a zero
    assert all(ys[p] > 0 for p in set(ys) - set(suppressed))
    crosses = [tr for tr in spec["data"] if tr.get("yaxis") == "y9" and tr.get("legendgroup") == "kommune-Kvitholm"]
    assert crosses and sorted(crosses[0]["x"]) == suppressed


def test_merged_kommune_says_its_history_is_combined():
    at = open_page(kommune=demo.SHOWCASE_MERGER)
    info = " ".join(i.value for i in at.info)
    assert "+".join(sorted(demo.SHOWCASE_MERGER_OLD)) in info
    tab = table(at)
    assert (tab["Linje"] == "Fjordbygd").sum() == 10


def test_export_keeps_suppressed_cells_suppressed_and_names_source():
    tab = pd.DataFrame({"Linje": ["A", "A"], "Skoleår": ["2024-25", "2025-26"], "Verdi": [12.5, np.nan],
                        "n": [14.0, np.nan], "Merknad": ["", "skjermet"]})
    supp = [False, True]
    ex = export_frame(tab, supp)
    assert ex.loc[1, "Verdi"] == "*" and ex.loc[1, "n"] == "*" and ex.loc[0, "Verdi"] == 12.5
    raw = csv_bytes(tab, supp, ["Tittel", "Kilde: demo. Uttrekk laget 01.01.2026."])
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == "Linje;Skoleår;Verdi;n;Merknad"
    assert "A;2024-25;12,5;14,0;" in text and "A;2025-26;*;*;skjermet" in text
    assert text.rstrip().endswith("Kilde: demo. Uttrekk laget 01.01.2026.")
    back = pd.read_excel(io.BytesIO(excel_bytes(tab, supp, ["Kilde: demo"])), header=None)
    assert back.iloc[2, 2] == "*" and back.iloc[1, 2] == 12.5
    assert (back[0] == "Kilde: demo").any()
