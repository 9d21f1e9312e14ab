"""Numbers the Norwegian way in tables and downloads (issue 15 item 3).

On screen: every number column gets ``NumberColumn(format="localized")`` with its decimals fixed (the
browser is told the language is Norwegian, see ``tests/test_e2e_language.py``); empty cells read
«skjermet»/«ingen data». In files: counts without decimals, '*' for suppressed, and both a CSV for
Norwegian Excel (``;`` and decimal comma) and a plain CSV (``,`` and decimal point).
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from ui.downloads import csv_bytes, excel_bytes, export_frame, plain_csv_bytes
from ui.tables import column_decimals, number_column_config, placeholder


@pytest.fixture
def tab() -> pd.DataFrame:
    return pd.DataFrame({"Skole": ["A", "B", "C"], "Verdi": [42.7, 1234.5, np.nan], "n": [74.0, 1200.0, np.nan],
                         "Rang": [1, 2, 3], "Merknad": ["", "", "skjermet"]})


def test_counts_are_written_without_decimals(tab):
    text = csv_bytes(tab, [False, False, True]).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Skole;Verdi;n;Rang;Merknad"
    assert lines[1] == "A;42,7;74;1;" and lines[2] == "B;1234,5;1200;2;" and lines[3] == "C;*;*;3;skjermet"
    assert ",0;" not in text


def test_plain_csv_has_commas_and_decimal_points(tab):
    text = plain_csv_bytes(tab, [False, False, True], ["Kilde: demo"]).decode("utf-8")
    back = pd.read_csv(io.StringIO(text.split("\n\n")[0]))
    assert list(back.columns) == ["Skole", "Verdi", "n", "Rang", "Merknad"]
    assert back.loc[1, "Verdi"] == "1234.5" and back.loc[0, "n"] == "74" and back.loc[2, "n"] == "*"
    assert text.rstrip().endswith("Kilde: demo")


def test_excel_keeps_numbers_as_numbers_and_counts_as_integers(tab):
    back = pd.read_excel(io.BytesIO(excel_bytes(tab, [False, False, True])))
    assert back.loc[0, "Verdi"] == 42.7 and back.loc[0, "n"] == 74 and isinstance(back.loc[0, "n"], (int, np.integer))
    assert back.loc[2, "Verdi"] == "*"


def test_export_frame_leaves_real_decimals_alone(tab):
    ex = export_frame(tab)
    assert str(ex["n"].dtype) == "Int64" and ex["Verdi"].dtype == float


@pytest.mark.parametrize("values, expected", [([1.0, 2.0], 0), ([1.5, 2.0], 1), ([0.25, 1.0], 2), ([1 / 3], 3),
                                              ([np.nan, 4.0], 0), ([], 0)])
def test_column_decimals(values, expected):
    assert column_decimals(pd.Series(values, dtype=float)) == expected


def test_every_number_column_is_localized_with_fixed_decimals(tab):
    cfg = number_column_config(tab, {"Rang": {"label": "egen"}})
    assert set(cfg) == {"Verdi", "n", "Rang"}
    assert cfg["Rang"] == {"label": "egen"}  # a page's own config is kept
    verdi, n = cfg["Verdi"], cfg["n"]
    assert verdi["type_config"]["format"] == "localized" and verdi["type_config"]["step"] == pytest.approx(0.1)
    assert n["type_config"]["format"] == "localized" and n["type_config"]["step"] == 1


def test_placeholder_says_why_a_cell_is_empty(tab):
    assert placeholder(tab, [False, False, True]) == "skjermet"
    assert placeholder(tab, [False, False, False]) == "ingen data"
    both = pd.concat([tab, tab.iloc[[2]]], ignore_index=True)
    assert placeholder(both, [False, False, True, False]) == "skjermet eller ingen data"
