"""Work per run: cached figures shared between sessions and sent unchanged, the findings section a fragment."""

from __future__ import annotations

import json

import pandas as pd

from tests.apptest import drawn_markup, open_app


def _chart_specs(at) -> list:
    """Every chart on the page: Plotly's specs and the server-drawn SVGs (ui.charts, Oversikt's first view)."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")] + drawn_markup(at)


def test_two_sessions_get_the_same_cached_oversikt_chart():
    from ui.spine_data import spine_chart
    from ui.state import data_token

    a = open_app(kommune="7290")
    b = open_app(kommune="7290")
    specs_a, specs_b = _chart_specs(a), _chart_specs(b)
    assert len(specs_a) == 2 and specs_a == specs_b
    assert specs_a[1].count("<title>") >= 3 * 11  # a tooltip on every point of the kommune and the fylke
    c = open_app(kommune="7190")
    assert _chart_specs(c) != specs_a  # another kommune, another figure
    # The drawing is kept on the shared, cached figure: drawn once, not per session or run.
    fig, _ = spine_chart(data_token(), "7290", "nasjonalt")
    assert list(fig._drawn.values()) == [specs_a[0]]


def test_oversikt_findings_pick_reruns_only_its_fragment():
    at = open_app(kommune="7290")
    box = at.selectbox(key="oversikt_funn_indikator")
    chart_before = _chart_specs(at)
    box.select_index(2).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="oversikt_funn_indikator").index == 2
    assert _chart_specs(at) == chart_before  # the chart above is untouched by the fragment rerun


def test_uttrekk_tabs_are_built_once_per_kommune_and_shared(monkeypatch):
    """«Hvorfor er vi trukket ut?»: a rerun, and a second session on the same kommune, reuse the tabs' finished
    tables and chart (ui.uttrekk_view._kommune_views) instead of rebuilding them from the model result."""
    from ui import uttrekk_view

    uttrekk_view._kommune_views.clear()
    calls = []
    real = uttrekk_view.school_shares_figure  # drawn only when the views are built
    monkeypatch.setattr(uttrekk_view, "school_shares_figure", lambda *a, **k: calls.append(1) or real(*a, **k))
    a = open_app("uttrekk", kommune="7290")
    assert not a.exception, [e.message for e in a.exception]
    assert len(calls) == 1
    tables = [df.value for df in a.dataframe]
    a.run()
    b = open_app("uttrekk", kommune="7290")
    assert len(calls) == 1
    assert len(b.dataframe) == len(tables)
    for mine, theirs in zip(b.dataframe, tables):
        pd.testing.assert_frame_equal(mine.value, theirs)
    open_app("uttrekk", kommune="7190")
    assert len(calls) == 2  # another kommune, its own tables
