"""School placement by organisation number from Udir's EnhetID tree (data/school_places.py)."""

import json
from pathlib import Path

import pandas as pd
import pytest

from data import school_places as sp

TREE = Path(__file__).resolve().parents[1].parent / "shared" / "realdata" / "udir-eu-enhetid-tree-2025-26" / \
    "filterVerdier.json"


@pytest.fixture(scope="module")
def tree():
    if not TREE.exists():
        pytest.skip("real sample not available")
    return sp.read_tree(TREE.read_bytes())


def test_real_tree_counts(tree):
    assert len(tree) == 2461
    counts = tree["kommune_id"].value_counts()
    # Known cases from the sample's SOURCE.md (counted there independently).
    for kom, n in {"4003": 23, "3301": 33, "3203": 46, "5501": 39, "1508": 27, "1580": 7, "3903": 10,
                   "3909": 19, "2100": 1}.items():
        assert counts[kom] == n, kom
    assert not tree["school_name"].str.endswith(" ").any()
    assert (tree["orgnr"].str.fullmatch(r"\d{9}")).sum() == 2454


def test_shipped_table_equals_tree(tree):
    shipped = sp.schools()
    pd.testing.assert_frame_equal(shipped.drop(columns="enhet_id"),
                                  tree.drop(columns="enhet_id").astype(str).reset_index(drop=True))


def test_place_by_orgnr():
    asdal = sp.schools().query("school_name == 'Asdal skole'")["orgnr"].iloc[0]
    got = sp.place(pd.Series([asdal, "000000000", ""]))
    assert got.tolist() == ["4203", "", ""]


def test_missing_children_and_bad_input():
    nodes = [
        {"indeks": 0, "kode": "I", "navn": "Hele landet", "nivaa": 1, "barn": [1]},
        {"indeks": 1, "kode": "40", "navn": "Telemark ", "nivaa": 2, "forelder": 0, "barn": [2]},
        {"indeks": 2, "kode": "4003", "navn": "Skien", "nivaa": 3, "forelder": 1, "barn": [3, 4, 99]},
        {"indeks": 3, "id": 7, "kode": "123456785", "navn": "Lia skole  ", "nivaa": 4, "forelder": 2},
        {"indeks": 5, "kode": "987654321", "navn": "Foreldreløs", "nivaa": 4, "forelder": 77},
    ]
    got = sp.read_tree(json.dumps({"EnhetID": nodes}))
    assert got[["orgnr", "school_name", "kommune_id", "fylke_id", "fylke_name"]].values.tolist() == [
        ["123456785", "Lia skole", "4003", "40", "Telemark"]]
    with pytest.raises(sp.TreeError, match="EnhetID"):
        sp.read_tree(json.dumps({"TidID": []}))
    with pytest.raises(sp.TreeError, match="JSON"):
        sp.read_tree(b"{nope")
