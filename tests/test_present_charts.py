"""present.charts.indicator_years_figure: the one small-multiples figure of Oversikt and the report."""

from __future__ import annotations

import numpy as np
import pandas as pd

from present.charts import PRINT, SCREEN, indicator_years_figure, panel_position
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
    fig = indicator_years_figure(_yearly(), KEYS, "Tittel")
    assert [a.text for a in fig.layout.annotations] == ["Grunnskolepoeng, 10. trinn",
                                                        "Andel på mestringsnivå 1, lesing, 5. trinn"]
    assert list(fig.layout.xaxis.categoryarray) == ["2023-24", "2024-25", "2025-26"]
    first_kommune = fig.data[0]
    assert "2023-24" not in first_kommune.x  # the suppressed year has no kommune point ...
    marks = [tr for tr in fig.data if tr.text is not None and "skjermet" in tr.text]
    assert len(marks) == 1 and list(marks[0].x) == ["2023-24"]  # ... but a cross with the word
    names = [tr.name for tr in fig.data if tr.showlegend]
    assert len(names) == len(set(names)) == 4
    assert panel_position(0) == (1, 1) and panel_position(3) == (2, 1)


def test_report_draws_the_same_figure_as_oversikt():
    screen = indicator_years_figure(_yearly(), KEYS, "T", SCREEN)
    printed = report_charts.indicator_years_figure(_yearly(), KEYS, "T")
    assert [tr.to_plotly_json() for tr in screen.data] == [tr.to_plotly_json() for tr in printed.data]
    assert printed.layout.height == PRINT.row_height + PRINT.extra_height != screen.layout.height
