"""AppTest for the app shell and the Oversikt page, asserting on values computed by analysis/."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import data
from analysis.overview import overview_by_year, overview_pooled
from analysis.window import last_school_years
from data import demo
from tests.apptest import drawn_charts, open_app, svg_titles
from present.format import fmt_interval

def run_app(kommune: str | None = None) -> AppTest:
    return open_app(kommune=kommune)


def test_opens_on_demo_with_banner_and_default_kommune():
    at = run_app()
    assert any("Demodata" in i.value for i in at.info), "the demo banner is shown"
    assert at.title[0].value == "Oversikt: Brekkestad"
    assert at.query_params["kommune"] == [demo.SHOWCASE_SPREAD] or at.query_params["kommune"] == demo.SHOWCASE_SPREAD


def table_with(at: AppTest, column: str, other: str, present: bool = True):
    """The first table with ``column`` that has (``present``) or lacks ``other``."""
    for df in at.dataframe:
        cols = set(df.value.columns)
        if column in cols and (other in cols) == present:
            return df.value
    raise AssertionError(f"no table with {column!r}")


def _expected(kommune_id: str):
    figures = data.load_dataset()
    periods = last_school_years(figures["period"].unique())
    reg = data.load_kommuner().set_index("kommune_id")
    lineage = data.kommune_lineage(kommune_id)
    pooled = overview_pooled(figures, lineage, reg.loc[kommune_id, "fylke_id"], periods)
    yearly = overview_by_year(figures, lineage, reg.loc[kommune_id, "fylke_id"], periods)
    return pooled, yearly


def test_pooled_table_matches_analysis_for_spread_showcase():
    at = run_app(demo.SHOWCASE_SPREAD)
    pooled, _ = _expected(demo.SHOWCASE_SPREAD)
    shown = table_with(at, "Kommunen, 95 % intervall", "Skoleår", present=False)
    assert len(shown) == len(pooled) == 11
    assert list(shown["Kommunen, 95 % intervall"]) == [fmt_interval(r) for _, r in pooled.iterrows()]
    verdicts = set(shown["Vurdering mot nasjonalt"])
    assert verdicts <= {"Sikkert svakere enn landet", "Sikkert bedre enn landet", "Ikke sikker forskjell",
                        "Kan ikke vurderes"}
    # The method of every interval is named, in the «Slik er det regnet ut» expander (not in the table).
    assert "Metode" not in shown.columns
    methods = next(c.value for c in at.caption if c.value.startswith("Metoder:"))
    assert "Wilson" in methods and "t-intervall" in methods


def test_one_school_kommune_shows_suppression_and_no_certain_difference():
    at = run_app(demo.SHOWCASE_ONE_SCHOOL)
    assert at.title[0].value == "Oversikt: Kvitholm"
    _, yearly = _expected(demo.SHOWCASE_ONE_SCHOOL)
    year_table = table_with(at, "Kommunen, 95 % intervall", "Skoleår")
    assert (year_table["Kommunen, 95 % intervall"] == "skjermet").sum() == int(yearly["suppressed"].sum()) > 0
    # Suppressed years are never judged.
    supp = year_table[year_table["Kommunen, 95 % intervall"] == "skjermet"]
    assert (supp["Vurdering mot nasjonalt"] == "Kan ikke vurderes").all()


def test_merged_kommune_pools_across_old_numbers():
    at = run_app(demo.SHOWCASE_MERGER)
    assert at.title[0].value == "Oversikt: Fjordbygd"
    assert len(table_with(at, "Kommunen, 95 % intervall", "Skoleår", present=False)) == 11


def test_picker_changes_kommune_and_query_param():
    at = run_app(demo.SHOWCASE_SPREAD)
    at.selectbox(key="kommune").select(demo.SHOWCASE_ONE_SCHOOL).run()
    assert not at.exception
    assert at.title[0].value == "Oversikt: Kvitholm"
    qp = at.query_params["kommune"]
    assert (qp[0] if isinstance(qp, list) else qp) == demo.SHOWCASE_ONE_SCHOOL
    at.run()  # a rerun keeps the choice and still goes through app.py (picker and banner present)
    assert at.title[0].value == "Oversikt: Kvitholm"
    assert at.selectbox(key="kommune").value == demo.SHOWCASE_ONE_SCHOOL
    assert any("Demodata" in i.value for i in at.info)


@pytest.mark.parametrize("bad", ["0000", "<script>", ""])
def test_unknown_kommune_in_link_falls_back_quietly(bad):
    at = run_app(bad)
    assert at.title[0].value.startswith("Oversikt: ")


def test_add_finding_from_oversikt_shows_marker_and_list(tmp_path, monkeypatch):
    import json

    from data.findings import get_store

    url = f"sqlite:///{tmp_path / 'funn.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    at = run_app(demo.SHOWCASE_SPREAD)
    # Prefilled with what is on screen: the first uttrekk indicator and the three-year window.
    links = [m for m in at.multiselect if m.key and m.key.startswith("oversikt_add_") and m.key.endswith("_links")][0]
    periods = [m for m in at.multiselect if m.key and m.key.startswith("oversikt_add_") and m.key.endswith("_periods")][0]
    assert links.value == ["grunnskolepoeng||10"]
    assert len(periods.value) == 3
    at.text_input(key="oversikt_add_form_author_name").input("Kari Nordmann")
    text = [a for a in at.text_area if a.key and a.key.startswith("oversikt_add_")][0]
    text.input("Skolelederne peker på <i>lite</i> samarbeid om vurdering")
    periods.unselect(periods.value[0]).unselect(periods.value[1])
    [b for b in at.button if b.label == "Lagre funn"][0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    [f] = get_store(url).list_findings(demo.SHOWCASE_SPREAD)
    assert f.author_name == "Kari Nordmann" and len(f.periods) == 1
    assert f.periods[0] in table_with(at, "Kommunen, 95 % intervall", "Skoleår")["Skoleår"].tolist()
    # Drawn on the server first: the finding is a marker whose tooltip holds its text, as text.
    spine_svg, yearly_svg = drawn_charts(at)
    tips = [tip for tip in svg_titles(yearly_svg) if "samarbeid om vurdering" in tip]
    assert len(tips) == 1 and "<i>lite</i>" in tips[0] and "Kari Nordmann" in tips[0]
    assert not at.get("plotly_chart"), "no Plotly until the user asks to explore"
    at.toggle(key="oversikt_chart_interaktiv").set_value(True).run()
    [spec] = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]  # the spine chart stays drawn
    markers = [tr for tr in spec["data"] if str(tr.get("legendgroup", "")).startswith("funn_")]
    assert len(markers) == 1 and markers[0]["x"] == list(f.periods) and markers[0]["showlegend"] is not False
    # The marker sits at the panel's top edge, never on the kommune's point.
    kommune_pts = [tr for tr in spec["data"] if tr.get("legendgroup") == "k" and tr.get("xaxis", "x") == "x"][0]
    assert markers[0]["y"][0] > max(v for v in kommune_pts["y"] if v is not None)
    assert "&lt;i&gt;lite&lt;/i&gt;" in markers[0]["hovertext"][0]  # shown as text, never as HTML
    assert f.text in [str(x.value) for x in at.get("text")]


def test_spine_chart_first_with_benchmark_switch_in_the_link():
    import json

    from analysis.spine import spine_table
    from analysis.window import last_school_years
    from present.spine_chart import TRACE_META, spine_label

    at = run_app(demo.SHOWCASE_MERGER)
    svg = drawn_charts(at)[0]  # the spine chart comes first, drawn on the server
    assert svg.get("role") == "img" and svg.get("aria-label", "").startswith("Figur:")
    at.toggle(key="oversikt_spine_interaktiv").set_value(True).run()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert any(str(tr.get("meta", "")).startswith(TRACE_META) for tr in spec["data"])
    at.selectbox(key="oversikt_benchmark").select("fylke").run()
    assert at.query_params["sammenligning"] in ("fylke", ["fylke"])
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    figures = data.load_dataset()
    reg = data.load_kommuner().set_index("kommune_id")
    k = demo.SHOWCASE_MERGER
    spine = spine_table(figures, data.kommune_lineage(k), reg.loc[k, "fylke_id"],
                        last_school_years(figures["period"].unique()), "fylke")
    shown = {y: tr["meta"].split(":")[1] for tr in spec["data"] if str(tr.get("meta", "")).startswith(TRACE_META)
             for y in tr.get("y") or [] if y is not None}
    assert shown == {spine_label(r): str(r["classification"]) for _, r in spine.iterrows() if not r["suppressed"]}
    assert any(tr.get("name") == "Sikkert svakere enn fylket" for tr in spec["data"])
    again = open_app(kommune=k, sammenligning="fylke")
    assert again.selectbox(key="oversikt_benchmark").value == "fylke"


def test_drawn_charts_say_what_the_interactive_charts_say():
    """Oversikt's first view draws both charts on the server (no Plotly to load); every kommune marker's tooltip
    is the interactive chart's hover text, the figure's texts are all there, and the switch brings Plotly back."""
    import json
    import re as _re

    from present.spine_chart import TRACE_META

    at = run_app(demo.SHOWCASE_SPREAD)
    spine_svg, yearly_svg = drawn_charts(at)
    assert not at.get("plotly_chart")
    drawn_tips = svg_titles(spine_svg)
    texts = {"".join(t.itertext()) for t in spine_svg.iter("{http://www.w3.org/2000/svg}text")}
    for key in ("oversikt_spine_interaktiv", "oversikt_chart_interaktiv"):
        at.toggle(key=key).set_value(True).run()
    spine_spec, yearly_spec = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert not drawn_charts(at)
    hover = [_re.sub(r"<br\s*/?>", "\n", h) for tr in spine_spec["data"] if str(tr.get("meta", "")).startswith(TRACE_META)
             for h in tr.get("hovertext") or []]
    assert hover and all(h in drawn_tips for h in hover)
    labels = [y for tr in spine_spec["data"] if str(tr.get("meta", "")).startswith(TRACE_META) for y in tr["y"] if y]
    assert set(labels) <= texts, "every indicator row is labelled"
    assert {a["text"] for a in spine_spec["layout"]["annotations"] if "<" not in a["text"]} <= texts
    # The small multiples: one tooltip per kommune point, «2024-25: 41,2 – Kommune».
    points = sum(1 for tr in yearly_spec["data"] if tr.get("legendgroup") == "k" for y in tr["y"] if y is not None)
    assert sum(1 for tip in svg_titles(yearly_svg) if tip.endswith("Kommune")) == points
    assert not any(_re.search(r"\d\.\d", tip) for tip in svg_titles(yearly_svg)), "decimal comma in tooltips"
