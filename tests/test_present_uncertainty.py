"""Sentences and tables of present.uncertainty: Norwegian numbers, no «nan», the right counts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.catalogue import UTTREKK_SET, UTTREKK_SET_2025_28
from present import uncertainty as pu


def test_bootstrap_sentence_and_table_use_norwegian_numbers():
    k = pd.DataFrame({"kommune_id": ["7190", "7001"], "kommune_name": ["Kvitholm", "Aby"], "share": [80.95, 10.0],
                      "share_lower": [47.6, np.nan], "share_upper": [100.0, np.nan], "rank": [5.0, np.nan],
                      "rank_lower": [1.0, np.nan], "rank_upper": [64.0, np.nan], "p_drawn": [0.946, 0.0],
                      "drawn": [True, False]})
    s = pu.bootstrap_summary(k.iloc[0])
    assert "48 og 100 %" in s and "1 og 64" in s and "95 %" in s
    assert "nan" not in pu.bootstrap_summary(k.iloc[1]).lower()
    tbl = pu.all_kommuner_table(k)
    text = tbl.to_string()
    assert "81,0" in text and "nan" not in text.lower() and "None" not in text


def test_false_flags_line_counts_comparisons_with_data():
    line = pu.false_flags_line(np.array(["svakere"] * 3 + ["ikke_sikker"] * 8 + ["ingen_data"], dtype=object))
    assert line.startswith("11 sammenligninger") and "0,6" in line and "24 %" in line


def test_indicator_set_line_names_the_set():
    assert "2025–2028" in pu.indicator_set_line(UTTREKK_SET_2025_28)
    assert "mobbing" in pu.indicator_set_line(UTTREKK_SET)


def test_report_uttrekk_section_has_the_bootstrap_instead_of_the_sure_share(demo_figures):
    from analysis import uttrekk
    from report.sections import _bootstrap_paragraphs

    res = uttrekk.compute(demo_figures)
    parts = _bootstrap_paragraphs(res, "7190")
    assert parts and "Kommunen ble trukket ut i" in parts[0]
    assert _bootstrap_paragraphs(res, "7290")  # the cached bootstrap is reused for the next kommune
    assert "nan" not in " ".join(parts).lower()
