"""The report's year-by-year figure is Oversikt's small multiples (present/small_multiples.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from present.small_multiples import small_multiples
from report import charts as report_charts

KEYS = [("grunnskolepoeng", "", 10), ("np_mestring_1", "lesing", 5)]


def _yearly() -> pd.DataFrame:
    rows = []
    for k, (ind, subj, tr) in enumerate(KEYS):
        for p, supp in (("2025-26", False), ("2023-24", k == 0), ("2024-25", False)):  # unordered on purpose
            est = np.nan if supp else 40.0 + k
            rows.append(dict(indicator=ind, subject=subj, trinn=tr, period=p, estimate=est, lower=est - 2,
                             upper=est + 2, suppressed=supp, fylke_estimate=41.0, nasjonalt_estimate=42.0, order=k))
    return pd.DataFrame(rows)


def test_panels_years_in_order_and_suppressed_year_marked():
    fig = report_charts.indicator_years_figure(_yearly(), KEYS, "Tittel")
    assert len(fig.layout.annotations) == 2 and fig.layout.annotations[0].text.startswith("Grunnskolepoeng")
    assert list(fig.layout.xaxis.categoryarray) == ["2023-24", "2024-25", "2025-26"]
    kommune = [tr for tr in fig.data if tr.legendgroup == "k"]
    assert "2023-24" not in list(kommune[0].x)  # the suppressed year has no kommune point ...
    marks = [tr for tr in fig.data if tr.text is not None and "skjermet" in tr.text]
    assert len(marks) == 1 and list(marks[0].x) == ["2023-24"]  # ... but a cross with the word
    nation = [tr for tr in fig.data if tr.legendgroup == "n"][0]
    assert min(marks[0].y) < min(v for v in nation.y if v is not None)  # in the strip, never on the national line
    names = [tr.name for tr in fig.data if tr.showlegend]
    assert len(names) == len(set(names)) == 4


def test_report_draws_the_same_figure_as_oversikt():
    """Panels in ``keys`` order: the report's figure equals Oversikt's on the same rows."""
    yearly = _yearly()
    screen, _ = small_multiples(yearly, ["2023-24", "2024-25", "2025-26"], title="T")
    printed = report_charts.indicator_years_figure(yearly, KEYS, "T")
    assert [tr.to_plotly_json() for tr in screen.data] == [tr.to_plotly_json() for tr in printed.data]
    reversed_fig = report_charts.indicator_years_figure(yearly, KEYS[::-1], "T")
    assert reversed_fig.layout.annotations[0].text != printed.layout.annotations[0].text


def test_a_split_inside_the_window_is_a_dashed_line_in_every_panel():
    """Ålesund (1508) was split in 2024: the line sits between 2023-24 and 2024-25 in both panels, and the
    report's caption names the split (the label is not repeated in each panel)."""
    from present.reform import add_reform_markers
    from report.sections import _yearly_figures

    fig = report_charts.indicator_years_figure(_yearly(), KEYS, "T")
    labels = add_reform_markers(fig, "1508", ["2023-24", "2024-25", "2025-26"], panels=True)
    assert labels == ["Delt 2024 (fra Ålesund)"]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(lines) == 2 and {s.x0 for s in lines} == {0.5} and {s.xref for s in lines} == {"x", "x2"}
    assert not fig.layout.annotations[2:], "no label annotation inside the panels"
    [figure] = _yearly_figures(_yearly(), KEYS, "1508")
    assert "Delt 2024 (fra Ålesund)" in figure.caption
    [plain] = _yearly_figures(_yearly(), KEYS, "7290")
    assert "Delt" not in plain.caption and not plain.fig.layout.shapes


def _spec(fig) -> dict:
    import json

    return json.loads(fig.to_json())


def test_figure_from_equals_base_layout_and_updates():
    """``present.charts.figure_from`` (one validated build) gives the figure ``base_layout`` plus Plotly's update
    calls give: nested settings merge, an axis title replaces the styled title object, shapes as add_vline."""
    import plotly.graph_objects as go

    from present.charts import base_layout, figure_from, hline_shape, vline_shape, vrect_shape

    trace = {"type": "scatter", "x": [1, 2], "y": ["a", "b"], "mode": "markers", "name": "Skole"}
    old = go.Figure(go.Scatter(x=[1, 2], y=["a", "b"], mode="markers", name="Skole"))
    old.add_vrect(x0=1, x1=2, fillcolor="rgba(0,114,178,0.1)", line_width=0)
    old.add_vline(x=1.5, line={"color": "#555555", "dash": "dot", "width": 2})
    old.add_hline(y=1, line={"color": "#555555", "width": 2})
    base_layout(old, title="Tittel", height=500)
    old.update_layout(margin={"b": 210}, legend={"y": -0.5})
    old.update_xaxes(title="poeng", tickangle=0, nticks=8)
    old.update_yaxes(type="category", categoryorder="array", categoryarray=["b", "a"])
    new = figure_from(
        [trace], {"shapes": [vrect_shape(1, 2, "rgba(0,114,178,0.1)"), vline_shape(1.5, {"color": "#555555", "dash": "dot",
                                                                                       "width": 2}),
                             hline_shape(1, {"color": "#555555", "width": 2})],
                  "margin": {"b": 210}, "legend": {"y": -0.5}},
        title="Tittel", height=500, xaxis={"title": {"text": "poeng"}, "tickangle": 0, "nticks": 8},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": ["b", "a"]})
    assert _spec(new) == _spec(old)
    assert _spec(new)["layout"]["margin"] == {"l": 60, "r": 20, "t": 60, "b": 210}  # merged, not replaced


def test_small_multiples_keep_the_grid_of_make_subplots():
    """Built from dicts, the small multiples still know their grid: markers and lines go by row and column."""
    import plotly.graph_objects as go

    periods = ["2022-23", "2023-24", "2024-25"]
    rows = []
    for order, (code, subject, trinn) in enumerate([("grunnskolepoeng", "", 10), ("np_mestring_1", "lesing", 5),
                                                    ("np_mestring_1", "regning", 5), ("np_mestring_1", "lesing", 8)]):
        for i, p in enumerate(periods):
            rows.append({"indicator": code, "subject": subject, "trinn": trinn, "order": order, "period": p,
                         "estimate": 40.0 + i, "lower": 38.0 + i, "upper": 42.0 + i, "nasjonalt_estimate": 41.0,
                         "fylke_estimate": 40.5, "suppressed": False})
    fig, tops = small_multiples(pd.DataFrame(rows), periods, title="År for år")
    assert set(tops) == {0, 1, 2, 3} and tops[3][:2] == (2, 1)
    fig.add_trace(go.Scatter(x=[periods[0]], y=[1.0], name="Funn"), row=2, col=1)
    assert fig.data[-1].xaxis == "x4" and fig.data[-1].yaxis == "y4"
    fig.add_vline(x=0.5, row="all", col="all")
    assert len(fig.layout.shapes) == 4  # one per panel with data
    assert [a.text for a in fig.layout.annotations][:1] and all(a.font.size == 14 for a in fig.layout.annotations)


def test_panel_frames_equal_reindexing_each_panel_by_the_window():
    """``_panel_frames`` fills every panel at once through arrays; per panel it equals pandas' own route (a
    duplicated year keeps its last row, a year outside the window is dropped, a missing one is a gap with
    ``suppressed`` False), which the figure was built from before (issue 16)."""
    from present.small_multiples import PANEL_COLUMNS, _panel_frames

    yearly = _yearly()
    dup = yearly.iloc[[1]].assign(estimate=39.0, suppressed=False)  # 2023-24 of panel 0 again, published
    outside = yearly.iloc[[0]].assign(period="2019-20")
    yearly = pd.concat([yearly.drop(index=5), dup, outside], ignore_index=True)  # panel 1 lacks 2024-25
    periods = ["2022-23", "2023-24", "2024-25", "2025-26"]
    panels = _panel_frames(yearly, periods)
    assert [order for order, _, _ in panels] == [0, 1]
    for order, first, frame in panels:
        g = yearly[yearly["order"] == order]
        expected = g.drop_duplicates("period", keep="last").set_index("period").reindex(periods).reset_index()
        expected["suppressed"] = expected["suppressed"].fillna(False).astype(bool)
        cols = ["period", *[c for c in PANEL_COLUMNS if c in yearly.columns], "suppressed"]
        pd.testing.assert_frame_equal(frame, expected[cols].astype({c: float for c in cols[1:-1]}))
        assert first["indicator"] == g["indicator"].iloc[0]
    assert panels[0][2].loc[1, "estimate"] == 39.0 and not panels[0][2].loc[1, "suppressed"]
    assert np.isnan(panels[1][2].loc[2, "estimate"]) and np.isnan(panels[0][2].loc[0, "estimate"])
    assert _panel_frames(yearly.iloc[:0], periods) == []
