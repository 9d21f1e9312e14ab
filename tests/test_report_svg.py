"""present/svg.py: the report's charts drawn as SVG without a browser (what weasyprint puts in the PDF)."""

from __future__ import annotations

import io
import re
import time
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from report import charts
from present.svg import UnsupportedFigure, figure_to_svg, fmt_tick, nice_ticks

NS = {"s": "http://www.w3.org/2000/svg"}


def _texts(root) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def yearly_frame() -> pd.DataFrame:
    rows = []
    for key, est, supp in [(("grunnskolepoeng", "", 10), [40.2, 41.0, np.nan], [False, False, True]),
                           (("np_mestring_1", "lesing", 5), [25.0, 18.5, 20.0], [False, False, False])]:
        for p, e, s in zip(["2023-24", "2024-25", "2025-26"], est, supp):
            rows.append({"indicator": key[0], "subject": key[1], "trinn": key[2], "period": p, "estimate": e,
                         "lower": np.nan if s else e - 2, "upper": np.nan if s else e + 3, "suppressed": s,
                         "nasjonalt_estimate": 41.5 if key[0] == "grunnskolepoeng" else 21.0})
    return pd.DataFrame(rows)


def test_small_multiples_points_intervals_and_suppressed_cross():
    df = yearly_frame()
    keys = [("grunnskolepoeng", "", 10), ("np_mestring_1", "lesing", 5)]
    fig = charts.indicator_years_figure(df, keys, "Kommunen år for år")
    svg = figure_to_svg(fig)
    root = ET.fromstring(svg)  # well-formed XML
    circles = root.findall(".//s:circle", NS)
    assert len(circles) == 5 + 1  # five points with an interval, one legend marker
    texts = _texts(root)
    assert "skjermet" in texts and "Kommunen år for år" in texts
    assert {"2023-24", "2024-25", "2025-26"} <= set(texts)
    assert "Nasjonalt" in texts and "Kommune" in texts
    assert not any(re.search(r"\d\.\d", t) for t in texts), "tick labels use a decimal comma"
    # Interval bars: the first point's bar spans lower..upper on the same scale as the point.
    assert root.findall(".//s:polyline", NS), "the national line is drawn"


def test_school_panels_have_every_school_and_the_reference_line():
    schools = pd.DataFrame({
        "unit_name": ["Alfa skole", "Beta skole", "Gamma skole"] * 2,
        "indicator": ["grunnskolepoeng"] * 3 + ["mestring1"] * 3, "subject": [""] * 3 + ["lesing"] * 3,
        "trinn": [10] * 3 + [5] * 3, "estimate": [40.0, 42.0, np.nan, 20.0, 25.0, 30.0],
        "lower": [38.0, 40.0, np.nan, 15.0, 20.0, 22.0], "upper": [42.0, 44.0, np.nan, 25.0, 30.0, 38.0],
        "suppressed": [False, False, True, False, False, False], "nasjonalt_estimate": [41.0] * 3 + [21.0] * 3})
    fig = charts.schools_figure(schools, [("grunnskolepoeng", "", 10), ("mestring1", "lesing", 5)], "Skolene")
    root = ET.fromstring(figure_to_svg(fig))
    texts = _texts(root)
    for name in ("Alfa skole", "Beta skole", "Gamma skole"):
        assert texts.count(name) == 1, "school names only on the first panel (shared y axis)"
    dashed = [p.get("d").count("M") for p in root.findall(".//s:path", NS) if p.get("stroke-dasharray")]
    assert sum(dashed) >= 2 + 1  # one national line per panel, one in the legend (merged into one path)
    assert any(x.endswith("skjermet") for x in texts)  # «✕ skjermet» at the panel edge, never a number


def test_bars_from_typed_arrays():
    s = pd.DataFrame({"school_name": ["A", "B"], "share": [95.0, 21.0], "top": [True, False]})
    fig = charts.school_shares_figure(s, 35.0, 40.0, "Andel")
    assert "bdata" in str(fig.to_dict()["data"][0]["x"]), "Plotly hands numpy data over as typed arrays"
    root = ET.fromstring(figure_to_svg(fig))
    rects = [r for r in root.findall(".//s:rect", NS) if r.get("fill") not in ("white",)]
    widths = sorted(float(r.get("width")) for r in rects if float(r.get("height")) > 20)
    assert len(widths) == 2 and widths[1] / widths[0] == pytest.approx(95 / 21, rel=0.02)
    assert "95 %" in _texts(root) and "Andel av mulige risikopoeng (%)" in _texts(root)


def test_empty_subplot_cell_is_blank_and_unsupported_traces_raise():
    fig = make_subplots(rows=1, cols=2)
    fig.add_trace(go.Scatter(x=[1, 2], y=[3, 4], mode="markers"), row=1, col=1)
    texts = _texts(ET.fromstring(figure_to_svg(fig, height=300)))
    assert "0,2" not in texts, "the empty second cell gets no 0–1 axis"
    with pytest.raises(UnsupportedFigure):
        figure_to_svg(go.Figure(go.Heatmap(z=[[1, 2], [3, 4]])))


@pytest.mark.parametrize("lo,hi,expected", [(0, 100, [0, 20, 40, 60, 80, 100]), (3.5, 4.3, None)])
def test_ticks(lo, hi, expected):
    ticks, step = nice_ticks(lo, hi)
    if expected:
        assert ticks == expected
    assert all(lo <= t <= hi for t in ticks) and len(ticks) >= 3
    assert fmt_tick(3.8, 0.2) == "3,8" and fmt_tick(1500, 500) == "1 500" and fmt_tick(-2, 1) == "−2"


def test_pdf_needs_no_browser(demo_figures, monkeypatch):
    """The PDF's charts come from the SVG renderer: kaleido/Chromium is never started."""
    import report.pdf as pdf_mod
    from pypdf import PdfReader
    from report import build_report

    def no_browser(*_a, **_k):
        raise AssertionError("kaleido must not run for the PDF")

    monkeypatch.setattr(pdf_mod, "figures_to_png", no_browser)
    rep = build_report("7290", figures=demo_figures)
    t = time.perf_counter()
    pdf = pdf_mod.render_pdf(rep)
    elapsed = time.perf_counter() - t
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Nedre Brekke skole" in text and "Nasjonalt" in text  # chart text is real text in the PDF
    assert elapsed < 20  # a loose bound for a loaded CI machine; bench_report.py measures properly


# --- the drawing of Oversikt's first view (ui.charts.show_chart(..., drawn=True)) ----------------------------

SVG_NS = "{http://www.w3.org/2000/svg}"


def test_rich_text_bold_italic_and_escaped_once():
    from present.svg import plain, rich

    assert rich("<b>Kommunen</b> og <i>skjermet</i>") == (
        '<tspan font-weight="bold">Kommunen</tspan> og <tspan font-style="italic">skjermet</tspan>')
    # Plotly's strings arrive HTML-escaped: decoded once, escaped once; a typed tag stays text, never markup.
    assert rich("&lt;img src=x onerror=alert(1)&gt; &amp; mer") == "&lt;img src=x onerror=alert(1)&gt; &amp; mer"
    assert plain("<b>a</b> &lt;b&gt;") == "a <b>"
    fig = go.Figure(go.Scatter(x=[1], y=[1], name="&lt;script&gt;x&lt;/script&gt;"),
                    layout={"title": {"text": "<b>Tittel</b>"}})
    root = ET.fromstring(figure_to_svg(fig))
    assert not root.findall(".//s:script", NS)
    assert "<script>x</script>" in _texts(root) and "Tittel" in _texts(root)
    assert any(t.get("font-weight") == "bold" for t in root.iter(SVG_NS + "tspan"))


def test_marker_symbols_outlines_and_unknown_symbols():
    fig = go.Figure([
        go.Scatter(x=[1], y=[1], mode="markers", marker={"symbol": "triangle-left", "size": 18, "color": "#D55E00",
                                                         "line": {"width": 2, "color": "#333333"}}),
        go.Scatter(x=[2], y=[1], mode="markers", marker={"symbol": "circle", "size": 18, "color": "#FFFFFF",
                                                         "line": {"width": 2, "color": "#333333"}}),
        go.Scatter(x=[3], y=[1], mode="markers", marker={"symbol": "line-ns", "size": 20,
                                                         "line": {"width": 4, "color": "#E69F00"}}),
        go.Scatter(x=[4], y=[1], mode="markers", marker={"symbol": "star-open", "size": 12, "color": "#332288"}),
    ], layout={"showlegend": False})
    root = ET.fromstring(figure_to_svg(fig))
    triangle = [p for p in root.findall(".//s:path", NS) if p.get("fill") == "#D55E00"]
    assert len(triangle) == 1 and triangle[0].get("stroke") == "#333333" and triangle[0].get("stroke-width") == "2"
    assert triangle[0].get("d").count("L") == 2  # three corners
    [ring] = [c for c in root.findall(".//s:circle", NS) if c.get("fill") == "#FFFFFF"]
    assert ring.get("stroke") == "#333333"
    [tick] = [p for p in root.findall(".//s:path", NS) if p.get("stroke") == "#E69F00"]
    assert tick.get("fill") == "none" and tick.get("stroke-width") == "4" and "V" in tick.get("d")
    [star] = [p for p in root.findall(".//s:path", NS) if p.get("stroke") == "#332288"]
    assert star.get("fill") == "none" and star.get("d").count("L") == 9  # ten corners, outline only
    with pytest.raises(UnsupportedFigure):
        figure_to_svg(go.Figure(go.Scatter(x=[1], y=[1], mode="markers", marker={"symbol": "pentagon"})))


def test_tooltips_follow_plotly_hover_rules():
    from present.svg import hover_text

    tr = {"x": ["2024-25"], "y": [41.26], "hovertemplate": "%{x}: %{y:.1f}<extra>Kommune</extra>"}
    assert hover_text(tr, 0) == "2024-25: 41,3 – Kommune"
    assert hover_text({"x": [1], "y": [1234.5], "hovertemplate": "%{y}<extra></extra>"}, 0) == "1 234,5"
    assert hover_text({"x": [1], "y": [2], "customdata": [["Alfa", 7]],
                       "hovertemplate": "%{customdata[0]} (%{customdata[1]})"}, 0) == "Alfa (7)"
    assert hover_text({"hovertext": ["<b>Funn</b><br>&lt;i&gt;typed&lt;/i&gt;"], "hoverinfo": "text"}, 0) == (
        "Funn\n<i>typed</i>")
    assert hover_text({"x": [1], "y": [2], "hoverinfo": "skip", "hovertext": ["x"]}, 0) == ""
    assert hover_text({"x": ["2024-25"], "y": [-0.5], "name": "Fylke"}, 0) == "2024-25: −0,5 – Fylke"
    fig = go.Figure(go.Scatter(x=["a", "b"], y=[1.5, None], mode="markers",
                               hovertemplate="%{x}: %{y}<extra></extra>"))
    root = ET.fromstring(figure_to_svg(fig, tooltips=True))
    assert [t.text for t in root.iter(SVG_NS + "title")] == ["a: 1,5"]  # no marker, no tooltip for a gap
    assert not list(ET.fromstring(figure_to_svg(fig)).iter(SVG_NS + "title")), "the report's PDF has none"


def test_hidden_axis_legend_order_and_root_attributes():
    fig = go.Figure([go.Scatter(x=[0, 1], y=["a", "a"], mode="lines", name="Spennet", legendrank=10),
                     go.Scatter(x=[0.5], y=["a"], mode="markers", name="Kommunen", legendrank=1)],
                    layout={"xaxis": {"visible": False, "range": [-1, 1]},
                            "annotations": [{"x": 0.9, "y": "a", "xref": "paper", "yref": "y", "text": "40,4",
                                             "showarrow": False}]})
    svg = figure_to_svg(fig, 600, 300, attrs={"role": "img", "aria-label": 'Figur: "a" & b'}, font="Source Sans")
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == 'Figur: "a" & b'
    assert root.get("font-family") == "Source Sans"
    texts = _texts(root)
    assert not any(t in texts for t in ("−1", "0", "1", "0,5")), "a hidden axis draws no tick labels"
    assert texts.index("Kommunen") < texts.index("Spennet"), "legendrank orders the legend"
    # A data-referenced annotation is centred on its row (Plotly's 'auto' anchor), like the row's label.
    label_y = next(float(t.get("y")) for t in root.iter(SVG_NS + "text") if "".join(t.itertext()) == "a")
    value_y = next(float(t.get("y")) for t in root.iter(SVG_NS + "text") if "".join(t.itertext()) == "40,4")
    assert abs(label_y - value_y) < 2


def test_the_spine_chart_is_drawn_whole():
    from present.spine_chart import spine_figure, spine_label

    rows = pd.DataFrame({
        "indicator": ["grunnskolepoeng", "np_mestring_1"], "subject": ["", "lesing"], "trinn": [10, 5],
        "estimate": [40.4, 23.2], "lower": [39.5, 19.7], "upper": [41.3, 27.0], "n": [360, 518],
        "suppressed": [False, False], "classification": ["svakere", "ikke_sikker"], "direction": [1, -1],
        "benchmark": ["nasjonalt"] * 2, "benchmark_value": [42.6, 21.2], "pos_worst": [-1.0, -0.9],
        "pos_best": [0.5, 0.6], "pos_q_worst": [-0.2, -0.3], "pos_q_best": [0.1, 0.2], "pos_kommune": [-0.3, 0.1],
        "pos_second": [-0.1, np.nan], "range_min": [35.0, 10.0], "range_max": [45.0, 40.0]})
    fig = spine_figure(rows)
    root = ET.fromstring(figure_to_svg(fig, 900, tooltips=True))
    texts = _texts(root)
    for _, r in rows.iterrows():
        assert spine_label(r) in texts
    assert {"40,4", "360", "42,6", "23,2", "518", "21,2", "Kommunen", "Landet"} <= set(texts)
    tips = [t.text for t in root.iter(SVG_NS + "title")]
    hover = [h for tr in fig.to_dict()["data"] for h in (tr.get("hovertext") or [])]
    assert len(hover) == 2 and all(h.replace("<br>", "\n") in tips for h in hover)
    bold = {"".join(t.itertext()) for t in root.iter(SVG_NS + "tspan") if t.get("font-weight") == "bold"}
    assert {"Kommunen", "Landet"} <= bold


def test_text_keeps_its_colour():
    """An annotation's and a text trace's font colour are drawn (the school panels' orange «✕ skjermet»)."""
    fig = go.Figure(go.Scatter(x=[1], y=[1], mode="text", text=["skjermet"], textfont={"color": "#D55E00"}),
                    layout={"annotations": [{"x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper", "showarrow": False,
                                             "text": "✕ skjermet", "font": {"color": "#D55E00", "size": 13}},
                                            {"x": 0.2, "y": 0.2, "xref": "paper", "yref": "paper", "showarrow": False,
                                             "text": "vanlig"}]})
    fills = {"".join(t.itertext()): t.get("fill") for t in ET.fromstring(figure_to_svg(fig)).iter(SVG_NS + "text")}
    assert fills["✕ skjermet"] == "#D55E00" and fills["skjermet"] == "#D55E00" and fills["vanlig"] == "#222222"
