"""Reform markers on charts (present/reform.py)."""

import plotly.graph_objects as go

import data.demo  # noqa: F401  (registers the demo's merger)
from present.reform import add_reform_markers, reform_events, split_break_text

PERIODS = [f"{y}-{(y + 1) % 100:02d}" for y in range(2016, 2026)]


def test_demo_merger_marked():
    fig = go.Figure(go.Scatter(x=PERIODS, y=list(range(10))))
    labels = add_reform_markers(fig, "7390", PERIODS)
    assert labels == ["Sammenslått 2020 (Austfjord og Vestfjord)"]
    assert [s.x0 for s in fig.layout.shapes] == [PERIODS.index("2020-21") - 0.5]
    assert fig.layout.annotations[0].text == labels[0]


def test_real_events():
    assert reform_events("3203", PERIODS) == [("2020-21", "Sammenslått 2020 (Asker, Røyken og Hurum)")]
    assert reform_events("1508", PERIODS)[-1] == ("2024-25", "Delt 2024 (fra Ålesund)")
    assert reform_events("4003", PERIODS) == []  # renumbered only: no line
    assert reform_events("3203", ["2022-23", "2024-25"]) == []  # outside the plotted years


def test_split_break_text():
    text = split_break_text("1580")
    assert "Haram" in text and "1507" in text and "2024-25" in text
    assert split_break_text("4003") is None
