"""Plotly figures of the utfordringsbilde report. The indicator small multiples and the school shares are
the pages' own figures from ``present.charts``, sized for print; the school small multiples are the report's.

Every chart draws the interval, the benchmark as a line and suppressed figures as a marked point with
the word «skjermet» (never a number). Style comes from ``present.charts`` (Okabe–Ito palette, large fonts).
Panels are grouped several to a figure so a report needs few images (each image costs render time).
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from data.catalogue import indicator_label
from data.schema import sorted_periods
from present.charts import (PALETTE, PANEL_COLS, PRINT_TITLE_WIDTH, add_panel_traces, base_layout, error_bars,
                            match_key, panel_title, suppressed_marker)
from present.small_multiples import small_multiples
from present.charts import school_shares_figure  # noqa: F401 - the report's name for the shared figure
from present.strings import t

PANELS_PER_FIGURE = 12
COLS = PANEL_COLS
MAX_IMAGE_HEIGHT = 1500  # px at width 1100: keeps a figure within one A4 page


def chunks(keys: list, size: int = PANELS_PER_FIGURE) -> list[list]:
    return [keys[i:i + size] for i in range(0, len(keys), size)]


def school_row_height(n_schools: int) -> int:
    """Height (px) of one row of school panels."""
    return 26 * max(n_schools, 4) + 130  # room for two-line panel titles above a one-school panel


def school_chunks(keys: list, n_schools: int) -> list[list]:
    """Indicator groups for the school figures: as many rows of three panels as fit on a page."""
    rows = max(1, (MAX_IMAGE_HEIGHT - 100) // school_row_height(n_schools))
    return chunks(keys, rows * COLS)


def _axis_ref(i: int) -> tuple[str, str]:
    """Plotly axis names of subplot i (0-based): ('x', 'y'), ('x2', 'y2'), …"""
    return ("x", "y") if i == 0 else (f"x{i + 1}", f"y{i + 1}")


def _err(lower: pd.Series, upper: pd.Series, est: pd.Series) -> dict:
    return error_bars(lower.to_numpy(float), upper.to_numpy(float), est.to_numpy(float))


def indicator_years_figure(yearly: pd.DataFrame, keys: list[tuple[str, str, int]], title: str) -> go.Figure:
    """Oversikt's small multiples (``present.small_multiples``) for the panels of ``keys``, in ``keys`` order:
    the same years order, shared y-range per indicator and «skjermet» strip as on screen."""
    parts = [match_key(yearly, k).assign(order=i) for i, k in enumerate(keys)]
    sub = pd.concat(parts, ignore_index=True) if parts else yearly.iloc[:0].assign(order=0)
    periods = sorted_periods(sub["period"].astype(str).unique()) if len(sub) else []
    fig, _ = small_multiples(sub, periods, title=title)
    return fig


def schools_figure(schools: pd.DataFrame, keys: list[tuple[str, str, int]], title: str) -> go.Figure:
    """Small multiples: per indicator each school's three-year figure with 95 % interval, national line.

    ``schools`` has one row per school and indicator (pooled window) with unit_name, estimate, lower,
    upper, suppressed, nasjonalt_estimate.
    """
    n = len(keys)
    nrows = max(1, math.ceil(n / COLS))
    titles = [panel_title(indicator_label(*k), PRINT_TITLE_WIDTH) for k in keys]
    names = sorted(schools["unit_name"].unique().tolist())
    fig = make_subplots(rows=nrows, cols=COLS, subplot_titles=titles, vertical_spacing=min(0.12, 0.35 / nrows),
                        horizontal_spacing=0.04, shared_yaxes=True)
    traces, rows, cols, shapes, notes = [], [], [], [], []
    for i, key in enumerate(keys):
        r, c = i // COLS + 1, i % COLS + 1
        g = match_key(schools, key)
        supp_mask = g["suppressed"].astype(bool)
        ok = g[g["lower"].notna() & ~supp_mask]
        supp = g[supp_mask]
        nat = g["nasjonalt_estimate"].dropna()
        new = [{"type": "scatter", "y": ok["unit_name"].tolist(), "x": ok["estimate"].tolist(), "mode": "markers",
                "name": t("rep.chart.school_interval"), "marker": {"color": PALETTE["skole"], "size": 10},
                "error_x": _err(ok["lower"], ok["upper"], ok["estimate"])}]
        if len(nat):
            xa, ya = _axis_ref(i)
            v = float(nat.iloc[0])
            shapes.append({"type": "line", "xref": xa, "yref": f"{ya} domain", "x0": v, "x1": v, "y0": 0, "y1": 1,
                           "line": {"color": PALETTE["nasjonalt"], "width": 2, "dash": "dash"}})
        if len(supp):  # at the panel's left edge, never on the national line (it is not «= landet»)
            xa, ya = _axis_ref(i)
            notes += [{"xref": f"{xa} domain", "x": 0.02, "xanchor": "left", "yref": ya, "y": name,
                       "text": f"✕ {t('common.suppressed')}", "showarrow": False, "font": {"color": PALETTE["highlight"], "size": 13}}
                      for name in supp["unit_name"].tolist()]
        traces += new
        rows += [r] * len(new)
        cols += [c] * len(new)
    # Legend entries for the national line and (if any) «skjermet».
    traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "lines", "name": t("common.nasjonalt"),
                   "line": {"color": PALETTE["nasjonalt"], "width": 2, "dash": "dash"}})
    if notes:
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers",
                       "name": t("chart.suppressed_few"), "marker": suppressed_marker()})
    rows += [1] * (2 if notes else 1)
    cols += [1] * (2 if notes else 1)
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], type="category", range=[-0.5, len(names) - 0.5])
    add_panel_traces(fig, traces, rows, cols)
    base_layout(fig, title=title, height=school_row_height(len(names)) * nrows + 130)
    fig.update_layout(shapes=shapes)
    fig.update_annotations(font_size=13)
    for note in notes:
        fig.add_annotation(**note)
    fig.update_layout(margin={"l": 10, "t": 110}, font={"size": 13}, title={"y": 0.985, "yanchor": "top"})
    fig.update_yaxes(automargin=True)
    return fig
