"""AppTest for the presentation mode: the sequence, the step in the link, the spine chart's content."""

from __future__ import annotations

import json

import data
from analysis.window import last_school_years
from analysis.spine import spine_table
from data import demo
from data.catalogue import UTTREKK_SET
from present.spine_chart import TRACE_META, spine_label
from tests.apptest import open_app


def _sentence(at) -> str:
    return next(m.value for m in at.markdown if 'id="presenter-sentence"' in m.value)


def _figure(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def _marker_verdicts(fig: dict) -> dict[str, str]:
    out = {}
    for tr in fig["data"]:
        meta = tr.get("meta")
        if isinstance(meta, str) and meta.startswith(TRACE_META):
            out.update({y: meta.split(":")[1] for y in tr.get("y") or [] if y is not None})
    return out


def test_spine_screen_one_row_per_indicator_and_marker_verdicts_from_analysis():
    kommune = demo.SHOWCASE_MERGER
    at = open_app("presenter", kommune=kommune, steg="2")
    fig = _figure(at)
    figures = data.load_dataset()
    reg = data.load_kommuner().set_index("kommune_id")
    spine = spine_table(figures, data.kommune_lineage(kommune), reg.loc[kommune, "fylke_id"], last_school_years(figures["period"].unique()))
    labels = [spine_label(r) for _, r in spine.iterrows()]
    assert len(labels) == len(UTTREKK_SET) == 11
    assert fig["layout"]["yaxis"]["categoryarray"] == labels[::-1]  # one row per indicator, in Udir's order
    assert _marker_verdicts(fig) == {lab: str(c) for lab, c in zip(labels, spine["classification"])}
    # Direction: a surely worse kommune sits left of the centre, a surely better one right.
    for tr in fig["data"]:
        meta = tr.get("meta") or ""
        if meta.endswith(":svakere"):
            assert all(x < 0 for x in tr["x"])
        if meta.endswith(":bedre"):
            assert all(x > 0 for x in tr["x"])
    assert "sikkert svakere enn landet" in _sentence(at)


def test_steps_move_with_buttons_and_stay_in_the_link():
    at = open_app("presenter", kommune=demo.SHOWCASE_SPREAD)
    assert at.query_params["steg"] in ("1", ["1"])
    assert at.button(key="presenter_prev").disabled
    for _ in range(2):
        at.button(key="presenter_next").click().run()
    assert at.query_params["steg"] in ("3", ["3"])
    assert _sentence(at).endswith("Kommunen ligger sikkert under landet.</p>")  # grunnskolepoeng, surely worse
    at = open_app("presenter", kommune=demo.SHOWCASE_SPREAD, steg="99")  # a bad step lands on the last screen
    assert at.button(key="presenter_next").disabled
    assert "Åpne spørsmål" in " ".join(m.value for m in at.markdown)


def test_one_school_kommune_says_so_in_plain_words():
    at = open_app("presenter", kommune=demo.SHOWCASE_ONE_SCHOOL)
    texts = []
    while not at.button(key="presenter_next").disabled:
        at.button(key="presenter_next").click().run()
        texts.append(_sentence(at))
    assert any("Kommunen har 1 skole med tall" in s for s in texts), texts
