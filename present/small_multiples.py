"""Oversikt's small multiples: one panel per uttrekk indicator, year by year, that cannot be misread.

- years always in school-year order on every panel (a category axis with the full list of years);
- one y-range per indicator (the panels of one indicator share it), covering every interval, fylke and
  nation with 15 % room above and below (finding markers go at the top, «skjermet» at the bottom),
  never narrower than a minimum span (1,5 × the catalogue's «stor usikkerhet» half-width), so
  a difference of 0,02 on a 1–5 index does not look dramatic;
- a suppressed year is a gap: a cross with the label «skjermet» in a strip below the data (no ticks
  there), never on the national line;
- one legend entry per series; short panel titles (no overlap at 1366 px);
- ``finding_top`` gives, per panel, a y near the top edge where finding markers go (never on a point).
No Streamlit.
"""

from __future__ import annotations

import copy
import functools
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from data.catalogue import INDICATORS
from present.charts import PALETTE, SUPPRESSED_SYMBOL, axis_style, error_bars, layout_dict
from present.spine_chart import spine_label
from present.strings import t

COLS = 3
MIN_SPAN_FACTOR = 1.5


STRIP = 0.24  # share of a panel's height kept below the data for «skjermet» marks


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values (steps 1, 2, 2,5 or 5 × 10^k) covering [lo, hi], about ``count`` of them."""
    if not (np.isfinite(lo) and np.isfinite(hi)) or hi <= lo:
        return []
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    return [round(first + i * step, 10) for i in range(int((hi - first) / step + 1e-9) + 1)]


def indicator_ranges(yearly: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """A shared y data-range per indicator code: all values and interval limits with 15 % padding and a
    minimum span of ``MIN_SPAN_FACTOR`` × the catalogue's large-uncertainty half-width (kept inside the
    indicator's scale). The axis adds a strip below this range for «skjermet» (``axis_range``)."""
    out = {}
    for code, g in yearly.groupby("indicator", observed=True, sort=False):
        vals = pd.concat([g[c] for c in ("lower", "upper", "estimate", "fylke_estimate", "nasjonalt_estimate")
                          if c in g.columns]).astype(float)
        vals = vals[np.isfinite(vals)]
        ind = INDICATORS[str(code)]
        if vals.empty:
            out[str(code)] = (ind.value_min, ind.value_max)
            continue
        lo, hi = float(vals.min()), float(vals.max())
        span = max((hi - lo) * 1.2, MIN_SPAN_FACTOR * ind.large_uncertainty_halfwidth)
        mid = (lo + hi) / 2
        lo, hi = mid - span / 2, mid + span / 2
        # Keep inside the scale (0 % share, index 1), shifting rather than shrinking.
        if lo < ind.value_min:
            lo, hi = ind.value_min, ind.value_min + span
        if hi > ind.value_max:
            lo, hi = max(ind.value_min, ind.value_max - span), ind.value_max
        out[str(code)] = (lo, hi)
    return out


def axis_range(data_range: tuple[float, float]) -> tuple[float, float]:
    """The axis range: the data range plus the «skjermet» strip below it."""
    lo, hi = data_range
    strip = (hi - lo) * STRIP / (1 - STRIP)
    return lo - strip, hi


def _panel(traces: list, g: pd.DataFrame, y_range: tuple[float, float], seen: set, axes: dict) -> None:
    """The panel's traces as plain dicts on the panel's axes (``axes``: {"xaxis": "x5", "yaxis": "y5"}),
    appended to ``traces``: the figure is validated once, when it is built from them."""
    def legend(key: str) -> bool:
        first = key not in seen
        seen.add(key)
        return first

    ok = g[g["lower"].notna()]
    periods = g["period"].tolist()
    traces.append({"type": "scatter", "x": periods, "y": g["nasjonalt_estimate"].tolist(), "mode": "lines",
                   "name": t("common.nasjonalt"), "line": {"color": PALETTE["nasjonalt"], "width": 3},
                   "legendgroup": "n", "showlegend": legend("n"), **axes})
    if "fylke_estimate" in g.columns and g["fylke_estimate"].notna().any():
        traces.append({"type": "scatter", "x": periods, "y": g["fylke_estimate"].tolist(), "mode": "lines+markers",
                       "name": t("common.fylke"), "line": {"color": PALETTE["fylke"], "dash": "dot"},
                       "marker": {"symbol": "diamond"}, "legendgroup": "f", "showlegend": legend("f"), **axes})
    traces.append({
        "type": "scatter", "x": ok["period"].tolist(), "y": ok["estimate"].tolist(), "mode": "markers",
        "name": t("common.kommune"), "marker": {"color": PALETTE["kommune"], "size": 10}, "legendgroup": "k",
        "showlegend": legend("k"), "error_y": error_bars(ok["lower"], ok["upper"], ok["estimate"]),
        "hovertemplate": "%{x}: %{y}<extra>" + t("common.kommune") + "</extra>", **axes})
    supp = g[g["suppressed"].astype(bool)]
    if len(supp):
        lo, _ = axis_range(y_range)
        y0 = lo + (y_range[0] - lo) * 0.25  # in the strip below the data, never on a line
        traces.append({
            "type": "scatter", "x": supp["period"].tolist(), "y": [y0] * len(supp), "mode": "markers+text",
            "name": t("common.suppressed"), "text": [t("common.suppressed")] * len(supp),
            "textposition": "top center", "cliponaxis": False,
            "marker": {"symbol": SUPPRESSED_SYMBOL, "size": 12, "color": PALETTE["highlight"], "line": {"width": 3}},
            "legendgroup": "s", "showlegend": legend("s"),
            "hovertemplate": "%{x}: " + t("common.suppressed") + "<extra></extra>", **axes})


@functools.lru_cache(maxsize=16)
def _grid(rows: int, cols: int, panels: int) -> tuple[dict, tuple, str]:
    """``make_subplots``'s layout (axis domains, title positions) for a grid, its subplot references and grid
    text: computed once per grid shape (``make_subplots`` costs ≈25 ms; the per-kommune texts go in after).
    Read-only: callers deep-copy the layout."""
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=["·"] * panels, vertical_spacing=0.3 / rows,
                        horizontal_spacing=0.07)
    return fig.layout.to_plotly_json(), fig._grid_ref, fig._grid_str  # noqa: SLF001 - plotly's own dict form


PANEL_COLUMNS = ("estimate", "lower", "upper", "nasjonalt_estimate", "fylke_estimate")


def _panel_frames(yearly: pd.DataFrame, periods: list[str]) -> list[tuple[int, pd.Series, pd.DataFrame]]:
    """Per panel (``order``, ascending): its order, its first row (indicator, subject, trinn: the panel's title)
    and one row per school year of ``periods`` in that order (``period``, the ``PANEL_COLUMNS`` present, NaN
    where the year has no row; ``suppressed`` False there); a year listed twice keeps its last row. Filled
    through arrays for every panel at once (a pandas reindex per panel cost ≈1 ms each)."""
    if yearly.empty:
        return []
    orders = np.sort(yearly["order"].unique())
    row_of = {o: i for i, o in enumerate(orders)}
    col_of = {p: j for j, p in enumerate(periods)}
    firsts = yearly.drop_duplicates("order", keep="first").set_index("order")
    rows = yearly["order"].map(row_of).to_numpy()
    cols_ = yearly["period"].astype(object).map(col_of).to_numpy(dtype=float, na_value=np.nan)
    keep = ~np.isnan(cols_)
    rows, cols_ = rows[keep], cols_[keep].astype(int)
    columns = [c for c in PANEL_COLUMNS if c in yearly.columns]
    grids = {}
    for c in columns:  # later rows overwrite earlier ones: a duplicated year keeps its last row
        grid = np.full((len(orders), len(periods)), np.nan)
        grid[rows, cols_] = yearly[c].to_numpy(dtype=float, na_value=np.nan)[keep]
        grids[c] = grid
    supp = np.zeros((len(orders), len(periods)), dtype=bool)
    supp[rows, cols_] = yearly["suppressed"].fillna(False).astype(bool).to_numpy()[keep]
    out = []
    for i, order in enumerate(orders):
        frame = pd.DataFrame({"period": list(periods), **{c: grids[c][i] for c in columns}, "suppressed": supp[i]})
        out.append((int(order), firsts.loc[order], frame))
    return out


def small_multiples(yearly: pd.DataFrame, periods: list[str], *, title: str | None = None,
                    cols: int = COLS) -> tuple[go.Figure, dict[int, tuple[int, int, float]]]:
    """The figure and, per panel ``order``, (row, col, y for finding markers near the top edge).

    Built as one dict and validated once (``go.Figure`` from ``make_subplots``'s grid): the same figure as
    ``make_subplots`` plus ``update_*`` calls, ≈10 times faster (Plotly re-walks the figure on every update)."""
    panels = _panel_frames(yearly, periods)
    rows = max(1, math.ceil(len(panels) / cols))
    grid_layout, grid_ref, grid_str = _grid(rows, cols, len(panels))
    layout = copy.deepcopy(grid_layout)
    for annotation, (_, first, _) in zip(layout.get("annotations", []), panels):
        annotation["text"] = spine_label(first)
        annotation["font"] = {"size": 14}
    ranges = indicator_ranges(yearly)
    seen: set = set()
    tops: dict[int, tuple[int, int, float]] = {}
    traces: list = []
    for i, (order, first, g) in enumerate(panels):
        r, c = i // cols + 1, i % cols + 1
        axes = grid_ref[r - 1][c - 1][0].trace_kwargs  # {"xaxis": "x5", "yaxis": "y5"}
        y_range = ranges[str(first["indicator"])]
        _panel(traces, g, y_range, seen, axes)
        layout[_layout_key(axes["yaxis"])].update(range=list(axis_range(y_range)), tickvals=nice_ticks(*y_range))
        tops[int(order)] = (r, c, y_range[1] - 0.04 * (y_range[1] - y_range[0]))
    layout.update(layout_dict(title=title, height=110 + 250 * rows))
    for key in layout:
        if key.startswith(("xaxis", "yaxis")):
            layout[key].update(axis_style())
            if key.startswith("xaxis"):
                layout[key].update(type="category", categoryorder="array", categoryarray=list(periods))
    fig = go.Figure({"data": traces, "layout": layout, "_grid_ref": grid_ref, "_grid_str": grid_str})
    return fig, tops


def _layout_key(axis_ref: str) -> str:
    """A trace's axis reference («y5») as the layout's key («yaxis5»)."""
    return axis_ref[0] + "axis" + axis_ref[1:]


def warm_up(panels: int) -> None:
    """Build the grid for ``panels`` indicators and one small figure with every kind of trace the charts use, so
    Plotly's lazily loaded validators and ``make_subplots``' layout are ready before the first visitor
    (``scripts/serve.py`` calls this while the server starts; ≈0.1 s off the first chart's run)."""
    rows = max(1, math.ceil(panels / COLS))
    _, grid_ref, grid_str = _grid(rows, COLS, panels)
    axes = grid_ref[0][0][0].trace_kwargs
    frame = pd.DataFrame({"period": ["2024-25"], "estimate": [1.0], "lower": [0.5], "upper": [1.5],
                          "nasjonalt_estimate": [1.0], "fylke_estimate": [1.0], "suppressed": [True]})
    traces: list = []
    _panel(traces, frame, (0.0, 2.0), set(), axes)
    traces.append({"type": "bar", "x": [1.0], "y": ["a"], "orientation": "h",
                   "marker": {"color": ["#000000"], "pattern": {"shape": ["/"], "fgcolor": "white", "solidity": 0.3}}})
    layout = layout_dict(title="·", height=400) | {"xaxis": axis_style(), "yaxis": axis_style(),
                                                    "shapes": [{"type": "line", "x0": 0, "x1": 1, "y0": 0, "y1": 1}],
                                                    "annotations": [{"text": "·", "x": 0, "y": 0}]}
    go.Figure({"data": traces, "layout": layout}).to_dict()
