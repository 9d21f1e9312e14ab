"""SSB JSON-stat 2.0 reader and kommune context, checked against the rules of the JSON-stat 2.0 spec."""

from __future__ import annotations

import json

import numpy as np
import pytest

from data.importers import import_files
from data.importers.errors import ImportFailure
from data.importers.jsonstat import read_dataset


def ssb_table(label, contents_label, values, status=None, regions=("K-3001", "K-3002", "0"), years=("2023", "2024"),
              extra_dim=None):
    dims = {
        "Region": {"label": "region", "category": {"index": {r: i for i, r in enumerate(regions)},
                                                   "label": {r: r for r in regions}}},
        "ContentsCode": {"label": "statistikkvariabel", "category": {"index": {"X": 0}, "label": {"X": contents_label}}},
        "Tid": {"label": "år", "category": {"index": list(years), "label": {y: y for y in years}}},
    }
    ids, size = ["Region", "ContentsCode", "Tid"], [len(regions), 1, len(years)]
    if extra_dim:
        name, cats = extra_dim
        dims[name] = {"label": name, "category": {"index": list(cats), "label": cats}}
        ids.insert(1, name)
        size.insert(1, len(cats))
    doc = {"version": "2.0", "class": "dataset", "label": label, "source": "Statistisk sentralbyrå",
           "id": ids, "size": size, "dimension": dims, "value": values, "role": {"time": ["Tid"], "geo": ["Region"]}}
    if status is not None:
        doc["status"] = status
    return doc


def test_row_major_order_last_dimension_fastest():
    doc = ssb_table("Folkemengde", "Personer", [1, 2, 3, 4, 5, 6])
    f = read_dataset("t.json", doc)
    assert list(f["Region"]) == ["K-3001", "K-3001", "K-3002", "K-3002", "0", "0"]
    assert list(f["Tid"]) == ["2023", "2024"] * 3
    assert list(f["value"]) == [1, 2, 3, 4, 5, 6]


def test_sparse_values_and_status_forms():
    doc = ssb_table("Folkemengde", "Personer", {"0": 10, "5": 7}, status={"1": ".."})
    f = read_dataset("t.json", doc)
    assert f["value"].tolist()[0] == 10 and np.isnan(f["value"].tolist()[1]) and f["value"].tolist()[5] == 7
    assert f["status"].tolist()[1] == ".."
    doc = ssb_table("Folkemengde", "Personer", [1, 2, 3, 4, 5, None], status=":")
    f = read_dataset("t.json", doc)
    assert set(f["status"]) == {":"} and np.isnan(f["value"].iloc[5])


def test_size_mismatch_is_refused():
    doc = ssb_table("Folkemengde", "Personer", [1, 2, 3])
    with pytest.raises(ImportFailure, match="verdier"):
        read_dataset("t.json", doc)


def _ctx(doc):
    res = import_files([("ssb.json", json.dumps(doc).encode("utf-8"))])
    assert res.ok, res.errors
    return res.context.set_index("kommune_id"), res.reports[0]


def test_population_latest_year_per_kommune():
    ctx, rep = _ctx(ssb_table("07459: Befolkning, etter region, statistikkvariabel og år", "Personer",
                              [100, 110, 200, None, 5_500_000, 5_600_000], status={"3": ".."}))
    assert ctx.loc["3001", "population"] == 110 and ctx.loc["3002", "population"] == 200  # 2024 missing -> 2023
    assert "0" not in ctx.index and rep.skipped["Region som ikke er en kommune (land, fylke, bydel)"] == 2
    assert ".. – Ikke tilgjengelig (SSB)" in rep.markers


def test_disability_and_child_welfare_and_kostra():
    ctx, _ = _ctx(ssb_table("Mottakere av uføretrygd", "Uføre i prosent av befolkningen", [9.5, 9.8, 11, 12, 10, 10]))
    assert ctx.loc["3002", "disability_benefit_share"] == 12
    ctx, _ = _ctx(ssb_table("Barnevern", "Barn med barnevernstiltak per 100", [3, 4, 5, 6, 4, 4]))
    assert ctx.loc["3001", "child_welfare_share"] == 4
    ctx, _ = _ctx(ssb_table("KOSTRA-gruppering", "KOSTRA-gruppe", [1, 1, 13, 13, 0, 0]))
    assert ctx.loc["3002", "kostra_group"] == "KOSTRA-gruppe 13"


def test_education_share_sums_university_levels():
    levels = {"01": "Grunnskolenivå", "02a": "Videregående skolenivå", "03a": "Universitets- og høgskolenivå kort",
              "04a": "Universitets- og høgskolenivå lang"}
    # Region x Nivaa x Contents x Tid = 3 x 4 x 1 x 2, percentages
    vals = []
    for _r in range(3):
        vals += [25, 25, 40, 40, 25, 25, 10, 12]
    ctx, _ = _ctx(ssb_table("Befolkningens utdanningsnivå", "Personer 16 år og over (prosent)", vals,
                            extra_dim=("Nivaa", levels)))
    assert ctx.loc["3001", "adult_education_share"] == pytest.approx(37.0)  # 25 + 12 in 2024


def test_unknown_measure_is_a_clear_message():
    res = import_files([("x.json", json.dumps(ssb_table("Bilparken", "Biler", [1] * 6)).encode())])
    assert not res.ok and "kontekstmål" in res.errors[0]
