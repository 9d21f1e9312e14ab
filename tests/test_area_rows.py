"""data.kommune_area_rows: the kommune's, its fylke's and the nation's rows through a unit index, and the same
comparisons and coverage from them as from the whole national frame (Oversikt reads the smaller frame)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import data
from analysis.overview import overview_by_year, overview_pooled
from analysis.window import last_school_years
from data.coverage import uttrekk_coverage


def _expected(figures: pd.DataFrame, lineage: list[str], fylke_id: str | None) -> pd.DataFrame:
    """The same rows by plain masks over every row."""
    level, unit = figures["level"].astype(str), figures["unit_id"].astype(str)
    mask = ((level == "kommune") & unit.isin(lineage)) | (level == "nasjonalt")
    if fylke_id:
        mask |= (level == "fylke") & (unit == str(fylke_id))
    return figures[mask.to_numpy()]


def _sample(figures: pd.DataFrame) -> list[tuple[str, list[str], str]]:
    kom = data.current_kommuner()
    ids = list(kom["kommune_id"].astype(str))
    merged = [k for k in ids if len(data.kommune_lineage(k)) > 1]
    picked = merged[:2] + ids[:: max(1, len(ids) // 6)][:6]
    fylke = dict(zip(kom["kommune_id"].astype(str), kom["fylke_id"].astype(str)))
    return [(k, data.kommune_lineage(k), fylke[k]) for k in dict.fromkeys(picked)]


def test_the_rows_of_the_kommune_its_fylke_and_the_nation_in_frame_order(demo_figures):
    for kommune_id, lineage, fylke_id in _sample(demo_figures)[:4]:
        got = data.kommune_area_rows(demo_figures, lineage, fylke_id)
        want = _expected(demo_figures, lineage, fylke_id)
        assert got.index.equals(want.index), kommune_id  # the same rows, in the frame's order
        assert set(got["level"].astype(str)) == {"kommune", "fylke", "nasjonalt"}
    no_fylke = data.kommune_area_rows(demo_figures, lineage, None)
    assert "fylke" not in set(no_fylke["level"].astype(str))


def test_unknown_units_give_no_rows_but_the_nation(demo_figures):
    got = data.kommune_area_rows(demo_figures, ["0000-finnes-ikke"], "99")
    assert set(got["level"].astype(str)) == {"nasjonalt"}
    assert len(got) == int((demo_figures["level"] == "nasjonalt").sum())


def test_comparisons_and_coverage_equal_to_the_whole_frame(demo_figures):
    periods = last_school_years(demo_figures["period"].unique())
    sample = _sample(demo_figures)
    assert any(len(lineage) > 1 for _, lineage, _ in sample), "the demo has a merged kommune to check"
    for kommune_id, lineage, fylke_id in sample:
        rows = data.kommune_area_rows(demo_figures, lineage, fylke_id)
        pd.testing.assert_frame_equal(overview_by_year(rows, lineage, fylke_id, periods),
                                      overview_by_year(demo_figures, lineage, fylke_id, periods))
        pd.testing.assert_frame_equal(overview_pooled(rows, lineage, fylke_id, periods),
                                      overview_pooled(demo_figures, lineage, fylke_id, periods))
        assert uttrekk_coverage(rows, lineage) == uttrekk_coverage(demo_figures, lineage)


def test_the_index_follows_a_new_dataset(demo_figures):
    """A new frame (an import) gets its own index: positions of the new frame, never of the old one."""
    data.kommune_area_rows(demo_figures, ["0301"], "03")  # the index of the national frame
    small = demo_figures.sample(20_000, random_state=1).sort_index()
    kommune = str(small.loc[small["level"] == "kommune", "unit_id"].iloc[0])
    got = data.kommune_area_rows(small, [kommune], None)
    assert got.index.equals(_expected(small, [kommune], None).index)


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
