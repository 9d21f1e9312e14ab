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
