"""report/svg.py: the report's charts drawn as SVG without a browser (what weasyprint puts in the PDF)."""

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
from report.svg import UnsupportedFigure, figure_to_svg, fmt_tick, nice_ticks

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
