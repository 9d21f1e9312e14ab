"""Work per run: cached figures shared between sessions and sent unchanged, the findings section a fragment."""

from __future__ import annotations

import json

from tests.apptest import open_app


def _chart_specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_two_sessions_get_the_same_cached_oversikt_chart():
    a = open_app(kommune="7290")
    b = open_app(kommune="7290")
    specs_a, specs_b = _chart_specs(a), _chart_specs(b)
    assert specs_a and specs_a == specs_b
    small_multiples = max(specs_a, key=lambda spec: len(spec["data"]))  # the spine chart comes first
    assert len(small_multiples["data"]) >= 3 * 11  # kommune, fylke and nation in every panel
    c = open_app(kommune="7190")
    assert _chart_specs(c) != specs_a  # another kommune, another figure


def test_oversikt_findings_pick_reruns_only_its_fragment():
    at = open_app(kommune="7290")
    box = at.selectbox(key="oversikt_funn_indikator")
    chart_before = _chart_specs(at)
    box.select_index(2).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="oversikt_funn_indikator").index == 2
    assert _chart_specs(at) == chart_before  # the chart above is untouched by the fragment rerun
