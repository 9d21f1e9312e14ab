"""scripts/serve.py's preload (issue 16): what the first Oversikt run would build is ready before a visitor
comes, and it is the same thing the page then uses (the grid of the small multiples, the unit index)."""

from __future__ import annotations

import data
from data.catalogue import UTTREKK_SET
from present import small_multiples
from scripts.serve import _prepare_first_page


def test_prepare_builds_the_grid_and_the_unit_index(demo_figures):
    small_multiples._grid.cache_clear()
    data.dataset._memo.pop(("unit_positions",), None)
    _prepare_first_page(data, runtime_wait_s=0)  # no Streamlit runtime here: the cached national range is left for the page
    assert small_multiples._grid.cache_info().currsize == 1
    hit = data.dataset._memo[("unit_positions",)]
    assert hit[0] is data.load_dataset() and ("nasjonalt", "0") in hit[1]
    # Oversikt's figure then takes that grid instead of building one.
    before = small_multiples._grid.cache_info().hits
    kom = data.current_kommuner().iloc[0]
    from analysis.overview import overview_by_year
    from analysis.window import last_school_years

    periods = last_school_years(demo_figures["period"].unique())
    yearly = overview_by_year(demo_figures, data.kommune_lineage(kom["kommune_id"]), kom["fylke_id"], periods)
    assert yearly["order"].nunique() == len(UTTREKK_SET)
    small_multiples.small_multiples(yearly, periods)
    assert small_multiples._grid.cache_info().hits == before + 1
