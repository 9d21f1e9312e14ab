"""Draw the app's Plotly figures as SVG directly (no browser): for weasyprint to put in the PDF, and for
Oversikt's first view on screen (``ui.charts.show_chart(..., drawn=True)``: no Plotly to load in the browser;
there with each marker's hover text as a tooltip, ``hover_text``).

The report needs three kinds of chart (``report/charts.py``): small multiples of points with asymmetric
interval bars and a national line, school panels (horizontal points with intervals and a dashed
reference line) and horizontal bars; Oversikt adds the spine chart (``present/spine_chart.py``). This module
draws exactly the Plotly subset they use, read from ``fig.to_dict()``: ``scatter`` (markers, lines, text;
``error_x``/``error_y`` arrays; the marker symbols of ``SYMBOLS``, ``-open`` variants and ``x-thin-open``, with
their outline), horizontal ``bar``, subplot axes (``domain``, category or linear, explicit ``range``,
``categoryarray``, ``showticklabels``, ``visible``, title), line shapes (data or ``domain`` references),
annotations (paper or data references; ``<b>``/``<i>`` in any text), the figure title and a horizontal legend
below the plot in ``legendrank`` order. Anything else raises ``UnsupportedFigure`` so the caller can fall back
(to the kaleido PNG renderer in the report, to Plotly on the page).

Rendering a report chart takes a few milliseconds instead of a Chromium start (≈3 s) and a render
(≈0.3 s each); weasyprint draws the SVG as vectors (sharp in print, smaller files).
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

from present.format import fmt_spec

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
GRID = "#EBF0F8"
CHAR_W = 0.6  # average glyph width of DejaVu Sans in em
DASHES = {"dash": "9,6", "dot": "3,4", "dashdot": "9,4,3,4", "longdash": "14,6"}


def _poly(points: list[tuple[float, float]]) -> str:
    return "M" + "L".join(f"{px:.2f},{py:.2f}" for px, py in points) + "Z"


def _star(r: float, n: int, inner: float) -> str:
    pts = []
    for i in range(2 * n):
        rad = r if i % 2 == 0 else r * inner
        a = math.pi * i / n - math.pi / 2
        pts.append((rad * math.cos(a), rad * math.sin(a)))
    return _poly(pts)


# Plotly's marker symbols as SVG paths around (0, 0) for a marker of radius r (after Plotly's
# src/components/drawing/symbol_defs.js: the same proportions, so a legend reads the same on screen and paper).
SYMBOLS = {
    "circle": lambda r: "",  # drawn as <circle>
    "square": lambda r: _poly([(r, r), (-r, r), (-r, -r), (r, -r)]),
    "diamond": lambda r: _poly([(r * 1.3, 0), (0, r * 1.3), (-r * 1.3, 0), (0, -r * 1.3)]),
    "diamond-tall": lambda r: _poly([(r * 0.7, 0), (0, r * 1.4), (-r * 0.7, 0), (0, -r * 1.4)]),
    "triangle-up": lambda r: _poly([(-r * 2 / 3 ** 0.5, r / 2), (r * 2 / 3 ** 0.5, r / 2), (0, -r * 2 ** 0.5)]),
    "triangle-down": lambda r: _poly([(-r * 2 / 3 ** 0.5, -r / 2), (r * 2 / 3 ** 0.5, -r / 2), (0, r * 2 ** 0.5)]),
    "triangle-left": lambda r: _poly([(r / 2, -r * 2 / 3 ** 0.5), (r / 2, r * 2 / 3 ** 0.5), (-r * 2 ** 0.5, 0)]),
    "triangle-right": lambda r: _poly([(-r / 2, -r * 2 / 3 ** 0.5), (-r / 2, r * 2 / 3 ** 0.5), (r * 2 ** 0.5, 0)]),
    "star": lambda r: _star(r * 1.3, 5, 0.4),
    "hexagram": lambda r: _star(r * 1.15, 6, 0.58),
    "hourglass": lambda r: _poly([(r, r), (-r, r), (r, -r), (-r, -r)]),
    "square-x": lambda r: _poly([(r, r), (-r, r), (-r, -r), (r, -r)]) + f"M{r:.2f},{r:.2f}L{-r:.2f},{-r:.2f}"
                          f"M{r:.2f},{-r:.2f}L{-r:.2f},{r:.2f}",
    "line-ns": lambda r: f"M0,{r:.2f}V{-r:.2f}",
    "line-ew": lambda r: f"M{r:.2f},0H{-r:.2f}",
}
STROKE_SYMBOLS = {"line-ns", "line-ew"}  # drawn with the outline's colour and width only


class UnsupportedFigure(ValueError):
    """The figure uses a Plotly feature this renderer does not draw."""


def _seq(v) -> list:
    """A trace's data array as a list (``to_dict`` keeps numpy arrays as they were given)."""
    if v is None:
        return []
    if isinstance(v, dict) and "bdata" in v:  # Plotly's typed-array form: {"dtype": "f8", "bdata": base64}
        import base64

        import numpy as np

        arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        return arr.reshape(v["shape"]).tolist() if "shape" in v and isinstance(v["shape"], list) else arr.tolist()
    return v.tolist() if hasattr(v, "tolist") else list(v)


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


TAG = re.compile(r"<(/?)([a-z]+)[^>]*>", re.I)


def plain(text) -> str:
    """Plotly's text markup as plain text (for widths and tooltips): tags go, entities are decoded."""
    return html.unescape(TAG.sub("", str(text)))


def rich(line: str) -> str:
    """One line of Plotly's text markup as SVG: ``<b>``/``<i>`` become bold/italic ``tspan``s, other tags
    go, and the text is escaped (Plotly's own strings arrive HTML-escaped: decoded first, escaped once)."""
    out, bold, italic, pos = [], False, False, 0
    for m in list(TAG.finditer(line)) + [None]:
        chunk = line[pos:m.start() if m else len(line)]
        if chunk:
            style = (' font-weight="bold"' if bold else "") + (' font-style="italic"' if italic else "")
            text = _esc(html.unescape(chunk))
            out.append(f"<tspan{style}>{text}</tspan>" if style else text)
        if m is None:
            break
        pos = m.end()
        name = m.group(2).lower()
        if name == "b":
            bold = not m.group(1)
        elif name == "i":
            italic = not m.group(1)
    return "".join(out)


def text_width(text: str, size: float) -> float:
    return max((len(plain(line)) for line in re.split(r"<br>", str(text))), default=0) * size * CHAR_W


def fmt_tick(v: float, step: float) -> str:
    """A tick label with decimal comma and a space as thousands separator (Plotly ``separators=', '``)."""
    # The fewest decimals that show the step exactly (2,5 needs one: 7,5 must not print as «8»).
    decimals = next((d for d in range(4) if step > 0 and abs(round(step, d) - step) < 1e-9 * max(1.0, step)), 3)
    s = fmt_spec(v, f",.{decimals}f")
    return "0" if s in ("-0", "-0,0") else s.replace("-", "−")


def nice_ticks(lo: float, hi: float, target: int = 6) -> tuple[list[float], float]:
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [lo], 1.0
    raw = (hi - lo) / target
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    ticks = [first + i * step for i in range(int((hi - first) / step + 1e-9) + 1)]
    return [round(t, 10) for t in ticks], step


FIELD = re.compile(r"%\{([^}:|]+)(?:[:|]([^}]*))?\}")


def _hover_value(v, fmt: str | None) -> str:
    """A hover value as Plotly would print it with ``separators=', '``: a decimal comma, a space between
    thousands; ``fmt`` is a d3 format such as ``.1f`` (only the decimals are read)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return "" if v is None else str(v)
    if isinstance(v, float) and not math.isfinite(v):
        return ""
    found = re.search(r"\.(\d+)", fmt or "")
    text = fmt_spec(v, f",.{int(found.group(1))}f") if found else fmt_spec(v, ",.2f").rstrip("0").rstrip(",")
    return text.replace("-", "−")


def hover_text(tr: dict, i: int) -> str:
    """What Plotly shows on hover over point ``i`` of trace ``tr``, as plain text (``<br>`` a line break):
    its ``hovertemplate`` with ``%{x}``, ``%{y}``, ``%{text}``, ``%{hovertext}`` and ``%{customdata[k]}``
    filled in (``<extra>`` after a dash), else its ``hovertext`` or ``text``, else «x: y – name»; nothing
    where ``hoverinfo`` is ``skip`` or ``none``."""
    if str(tr.get("hoverinfo", "")) in ("skip", "none"):
        return ""

    def at(key):
        v = tr.get(key)
        if isinstance(v, (str, int, float)) or v is None:
            return v
        seq = _seq(v)
        return seq[i] if i < len(seq) else None

    template = tr.get("hovertemplate")
    if isinstance(template, (list, tuple)):
        template = template[i] if i < len(template) else None
    if template:
        main, _, extra = str(template).partition("<extra>")
        extra = extra.split("</extra>")[0]

        def field(m) -> str:
            name, fmt = m.group(1).strip(), m.group(2)
            found = re.fullmatch(r"customdata\[(\d+)\]", name)
            if found:
                row = at("customdata")
                row = row if isinstance(row, (list, tuple)) else [row]
                k = int(found.group(1))
                return _hover_value(row[k] if k < len(row) else None, fmt)
            return _hover_value(at(name) if name in ("x", "y", "text", "hovertext", "customdata") else None, fmt)

        text = FIELD.sub(field, main) + (f" – {FIELD.sub(field, extra)}" if extra.strip() else "")
    else:
        name = str(tr.get("name") or "")
        text = at("hovertext") or at("text") or (
            f"{_hover_value(at('x'), None)}: {_hover_value(at('y'), None)}" + (f" – {name}" if name else ""))
    return plain(re.sub(r"<br\s*/?>", "\n", str(text), flags=re.I)).strip()


@dataclass
class Axis:
    """One axis: its pixel span and how values map onto it."""

    name: str
    spec: dict
    lo_px: float = 0.0
    hi_px: float = 1.0
    categories: list = field(default_factory=list)
    lo: float = 0.0
    hi: float = 1.0

    @property
    def is_category(self) -> bool:
        return self.spec.get("type") == "category" or bool(self.categories) and self.spec.get("type") != "linear"

    def value(self, v) -> float | None:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        if self.is_category:
            return float(self.categories.index(v)) if v in self.categories else None
        return float(v)

    def px(self, v) -> float | None:
        x = self.value(v)
        if x is None or self.hi == self.lo:
            return None
        return self.lo_px + (x - self.lo) / (self.hi - self.lo) * (self.hi_px - self.lo_px)

    def domain_px(self, frac: float) -> float:
        return self.lo_px + frac * (self.hi_px - self.lo_px)


def _axis_key(ref: str) -> str:
    """'x2' -> 'xaxis2', 'y' -> 'yaxis', 'y3 domain' -> 'yaxis3'."""
    ref = ref.split()[0]
    return f"{ref[0]}axis{ref[1:]}"


class SvgFigure:
    """Lay out and draw one figure dict (``fig.to_dict()``)."""

    def __init__(self, fig: dict, width: int, height: int, tooltips: bool = False):
        self.tooltips = tooltips
        self.data = fig.get("data", [])
        self.layout = fig.get("layout", {})
        self.w, self.h = width, height
        self.fs = float(self.layout.get("font", {}).get("size", 12))
        self.parts: list = []  # SVG snippets, and (color, width, dash) keys where a merged path goes
        self.paths: dict[tuple, list[str]] = {}
        for tr in self.data:
            if tr.get("type", "scatter") not in ("scatter", "bar"):
                raise UnsupportedFigure(f"trace type {tr.get('type')}")
        self.axes: dict[str, Axis] = {}
        self._collect_axes()

    # -- layout --------------------------------------------------------------------------------
    def _collect_axes(self) -> None:
        names = {k for k in self.layout if re.fullmatch(r"[xy]axis\d*", k)}
        for tr in self.data:
            names.add(_axis_key(tr.get("xaxis", "x")))
            names.add(_axis_key(tr.get("yaxis", "y")))
        for name in sorted(names):
            self.axes[name] = Axis(name, self.layout.get(name, {}))
        for name, ax in self.axes.items():
            self._categories(ax)
            self._range(ax)

    def _trace_values(self, ax: Axis) -> list[tuple[dict, str]]:
        letter, ref = ax.name[0], ax.name[0] + ax.name[5:]
        return [(tr, letter) for tr in self.data if tr.get(f"{letter}axis", letter) == ref]

    def _categories(self, ax: Axis) -> None:
        spec = ax.spec
        if spec.get("type") == "linear":
            return
        if spec.get("categoryorder") == "array" and spec.get("categoryarray") is not None:
            ax.categories = _seq(spec["categoryarray"])
            return
        cats: list = []
        is_text = False
        for tr, letter in self._trace_values(ax):
            for v in _seq(tr.get(letter)):
                if v is None:
                    continue
                is_text = is_text or isinstance(v, str)
                if v not in cats:
                    cats.append(v)
        if spec.get("type") == "category" or is_text:
            ax.categories = cats

    def _range(self, ax: Axis) -> None:
        if ax.spec.get("range") is not None:
            ax.lo, ax.hi = (float(v) for v in ax.spec["range"])
            return
        if ax.is_category:
            ax.lo, ax.hi = -0.5, max(len(ax.categories), 1) - 0.5
            return
        vals = self._numeric_extent(ax)
        lo, hi = (min(vals), max(vals)) if vals else (0.0, 1.0)
        if hi == lo:
            lo, hi = lo - 1, hi + 1
        pad = (hi - lo) * 0.06
        ax.lo, ax.hi = lo - pad, hi + pad
        if any(tr.get("type") == "bar" for tr, _ in self._trace_values(ax)):
            ax.lo = min(0.0, ax.lo)

    def _numeric_extent(self, ax: Axis) -> list[float]:
        out: list[float] = []
        ref = ax.name[0] + ax.name[5:]
        for tr, letter in self._trace_values(ax):
            vals = _seq(tr.get(letter))
            err = tr.get(f"error_{letter}") or {}
            plus, minus = _seq(err.get("array")), _seq(err.get("arrayminus")) or _seq(err.get("array"))
            for i, v in enumerate(vals):
                if v is None or (isinstance(v, float) and math.isnan(v)):
                    continue
                out.append(float(v))
                for e, sign in ((plus, 1), (minus, -1)):
                    if i < len(e) and e[i] is not None and not math.isnan(e[i]):
                        out.append(float(v) + sign * float(e[i]))
            if tr.get("type") == "bar":
                out.append(0.0)
        for sh in self.layout.get("shapes", []) or []:
            if sh.get(f"{ax.name[0]}ref", "").split()[0] == ref and "domain" not in sh.get(f"{ax.name[0]}ref", ""):
                out += [float(sh.get(f"{ax.name[0]}0", 0)), float(sh.get(f"{ax.name[0]}1", 0))]
        return [v for v in out if math.isfinite(v)]

    # -- placement -----------------------------------------------------------------------------
    def place(self) -> None:
        """Pixel spans of every axis: margins, room for long category labels and the legend."""
        m = self.layout.get("margin", {})
        self.l, self.r, self.t = float(m.get("l", 80)), float(m.get("r", 80)), float(m.get("t", 100))
        need_left = 0.0
        for name, ax in self.axes.items():
            if name.startswith("y") and ax.spec.get("showticklabels", True) is not False \
                    and ax.spec.get("visible", True) is not False:
                anchor = self.axes.get(_axis_key(ax.spec.get("anchor", "x")))
                if anchor is None or float(anchor.spec.get("domain", [0, 1])[0]) < 0.05:
                    need_left = max(need_left, max((text_width(lbl, self.fs) for lbl in self._tick_labels(ax)[1]),
                                                   default=0) + 14)
        self.l = max(self.l, need_left)
        self.legend = self._legend_items()
        x_title = any(self._title(ax) for n, ax in self.axes.items() if n.startswith("x"))
        self.legend_rows = self._legend_rows()
        bottom = self.fs * 1.9 + (self.fs * 1.8 if x_title else 0) + 12 + len(self.legend_rows) * (self.fs + 10)
        self.b = max(bottom, 30.0)
        x0, x1, y0, y1 = self.l, self.w - self.r, self.t, self.h - self.b
        for name, ax in self.axes.items():
            d0, d1 = (float(v) for v in ax.spec.get("domain", [0, 1]))
            if name.startswith("x"):
                ax.lo_px, ax.hi_px = x0 + d0 * (x1 - x0), x0 + d1 * (x1 - x0)
            else:
                ax.lo_px, ax.hi_px = y1 - d0 * (y1 - y0), y1 - d1 * (y1 - y0)

    @staticmethod
    def _title(ax: Axis) -> str:
        t = ax.spec.get("title")
        return str(t.get("text") or "") if isinstance(t, dict) else str(t or "")

    def _tick_labels(self, ax: Axis) -> tuple[list[float], list[str]]:
        if ax.is_category:
            return list(range(len(ax.categories))), [str(c) for c in ax.categories]
        explicit = [float(v) for v in _seq(ax.spec.get("tickvals")) if v is not None]
        if explicit:  # the figure chose its ticks (e.g. none in the «skjermet» strip below the data)
            step = min((b - a for a, b in zip(explicit, explicit[1:]) if b > a), default=1.0)
            return explicit, [fmt_tick(v, step) for v in explicit]
        ticks, step = nice_ticks(min(ax.lo, ax.hi), max(ax.lo, ax.hi))
        return ticks, [fmt_tick(v, step) for v in ticks]

    def _legend_items(self) -> list[dict]:
        if self.layout.get("showlegend") is False:
            return []
        seen, items = set(), []
        for tr in self.data:
            name = tr.get("name")
            if not name or tr.get("showlegend") is False or name in seen:
                continue
            seen.add(name)
            items.append(tr)
        return sorted(items, key=lambda tr: float(tr.get("legendrank", 1000)))  # Plotly's order (stable)

    def _legend_rows(self) -> list[list[tuple[dict, float]]]:
        rows: list[list[tuple[dict, float]]] = [[]]
        x, avail = 0.0, self.w - self.l - self.r
        for tr in self.legend:
            w = 40 + text_width(tr["name"], self.fs) + 24
            if rows[-1] and x + w > avail:
                rows.append([])
                x = 0.0
            rows[-1].append((tr, w))
            x += w
        return [r for r in rows if r]

    # -- drawing -------------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, size: float | None = None, anchor: str = "start",
             color: str = "#222222", weight: str = "normal", line_gap: float = 1.2) -> None:
        size = size or self.fs
        lines = str(s).split("<br>")
        spans = rich(lines[0]) if len(lines) == 1 else "".join(
            f'<tspan x="{x:.1f}" dy="{0 if i == 0 else line_gap * size:.1f}">{rich(line)}</tspan>'
            for i, line in enumerate(lines))
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.1f}" text-anchor="{anchor}" '
                          f'fill="{color}" font-weight="{weight}">{spans}</text>')

    def line(self, x0, y0, x1, y1, color: str, width: float = 1.0, dash: str | None = None) -> None:
        """A straight line; lines of one style are merged into one path (far fewer SVG nodes to draw)."""
        key = (color, float(width), DASHES.get(dash, dash) if dash and dash != "solid" else "")
        if key not in self.paths:
            self.paths[key] = []
            self.parts.append(key)
        self.paths[key].append(f"M{x0:.1f} {y0:.1f}L{x1:.1f} {y1:.1f}")

    def svg_body(self) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, tuple):
                color, width, dash = part
                d = f' stroke-dasharray="{dash}"' if dash else ""
                out.append(f'<path d="{"".join(self.paths[part])}" fill="none" stroke="{color}" '
                           f'stroke-width="{width:g}"{d}/>')
            else:
                out.append(part)
        return "".join(out)

    def marker(self, x: float, y: float, m: dict, color: str, tip: str = "") -> None:
        """One marker in Plotly's symbol (``SYMBOLS``; ``-open`` draws the outline only) with its outline
        (``marker.line``); ``tip`` becomes the marker's tooltip (an SVG ``<title>``)."""
        size = float(m.get("size", 6))
        symbol = str(m.get("symbol", "circle"))
        ln = m.get("line") or {}
        if symbol in ("x-thin-open", "x-thin"):  # the report's «skjermet» cross: merged stroke paths
            h = size / 2
            lw = float(ln.get("width", 2))
            self.line(x - h, y - h, x + h, y + h, color, lw)
            self.line(x - h, y + h, x + h, y - h, color, lw)
            return
        base, is_open = (symbol[:-5], True) if symbol.endswith("-open") else (symbol, False)
        if base not in SYMBOLS:
            raise UnsupportedFigure(f"marker symbol {symbol}")
        r = size / 2
        stroke_only = is_open or base in STROKE_SYMBOLS
        lw = float(ln.get("width", 2 if stroke_only else 0) or 0)
        edge = ln.get("color") if not stroke_only else (ln.get("color") or color)
        if stroke_only:
            style = f'fill="none" stroke="{_esc(edge)}" stroke-width="{max(lw, 1):g}"'
        else:
            style = f'fill="{_esc(color)}"' + (f' stroke="{_esc(edge)}" stroke-width="{lw:g}"' if lw and edge else "")
        if base == "circle":
            shape = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {style}/>'
        else:
            shape = f'<path transform="translate({x:.1f},{y:.1f})" d="{SYMBOLS[base](r)}" {style}/>'
        self.parts.append(f"<g><title>{_esc(tip)}</title>{shape}</g>" if tip else shape)

    def draw_axes(self) -> None:
        used = {_axis_key(tr.get(k, k[0])) for tr in self.data for k in ("xaxis", "yaxis")}
        for name, ax in self.axes.items():
            if name not in used or ax.spec.get("visible", True) is False:  # an empty cell stays blank; a hidden
                continue  # axis draws no grid, ticks or title
            other = self.axes.get(_axis_key(ax.spec.get("anchor", "y" if name.startswith("x") else "x")))
            if other is None:
                continue
            ticks, labels = self._tick_labels(ax)
            show = ax.spec.get("showticklabels", True) is not False
            for v, lbl in zip(ticks, labels):
                p = ax.px(ax.categories[int(v)] if ax.is_category else v)
                if p is None:
                    continue
                if name.startswith("x"):
                    self.line(p, other.lo_px, p, other.hi_px, GRID, 1)
                    if show:
                        self.text(p, other.lo_px + self.fs * 1.3, lbl, anchor="middle")
                else:
                    self.line(other.lo_px, p, other.hi_px, p, GRID, 1)
                    if show:
                        self.text(other.lo_px - 7, p + self.fs * 0.35, lbl, anchor="end")
            title = self._title(ax)
            if title and name.startswith("x"):
                self.text((ax.lo_px + ax.hi_px) / 2, other.lo_px + self.fs * 3.0, title, anchor="middle")
            elif title:
                self.parts.append(f'<g transform="translate({other.lo_px - self.fs * 3:.1f},'
                                  f'{(ax.lo_px + ax.hi_px) / 2:.1f}) rotate(-90)">')
                self.text(0, 0, title, anchor="middle")
                self.parts.append("</g>")

    def _xy(self, tr: dict) -> tuple[Axis, Axis]:
        return self.axes[_axis_key(tr.get("xaxis", "x"))], self.axes[_axis_key(tr.get("yaxis", "y"))]

    def draw_bar(self, tr: dict) -> None:
        if tr.get("orientation") != "h":
            raise UnsupportedFigure("vertical bars")
        xa, ya = self._xy(tr)
        colors = (tr.get("marker") or {}).get("color", "#0072B2")
        colors = _seq(colors) if not isinstance(colors, str) else colors
        texts = _seq(tr.get("text"))
        band = abs((ya.px(ya.categories[1]) if len(ya.categories) > 1 else ya.lo_px - 40) - ya.px(ya.categories[0])) \
            if ya.categories else 30.0
        x0 = xa.px(0.0) if not xa.is_category else xa.lo_px
        for i, (xv, yv) in enumerate(zip(_seq(tr.get("x")), _seq(tr.get("y")))):
            px, py = xa.px(xv), ya.px(yv)
            if px is None or py is None:
                continue
            color = colors[i] if isinstance(colors, list) else colors
            h = band * 0.8
            self.parts.append(f'<rect x="{min(x0, px):.1f}" y="{py - h / 2:.1f}" width="{abs(px - x0):.1f}" '
                              f'height="{h:.1f}" fill="{color}"/>')
            if i < len(texts) and texts[i] not in (None, ""):
                self.text(max(x0, px) + 5, py + self.fs * 0.35, texts[i], size=self.fs * 0.9)

    def draw_scatter(self, tr: dict) -> None:
        xa, ya = self._xy(tr)
        mode = str(tr.get("mode", "markers"))
        m = tr.get("marker") or {}
        line = tr.get("line") or {}
        color = m.get("color") if isinstance(m.get("color"), str) else line.get("color") or "#0072B2"
        pts = [(xa.px(x), ya.px(y)) for x, y in zip(_seq(tr.get("x")), _seq(tr.get("y")))]
        if "lines" in mode:
            run: list[str] = []
            for px, py in pts + [(None, None)]:
                if px is None or py is None:
                    if len(run) > 1:
                        d = line.get("dash")
                        dash = f' stroke-dasharray="{DASHES.get(d, d)}"' if d and d != "solid" else ""
                        self.parts.append(f'<polyline points="{" ".join(run)}" fill="none" stroke='
                                          f'"{line.get("color", color)}" stroke-width="{line.get("width", 2)}"{dash}/>')
                    run = []
                else:
                    run.append(f"{px:.1f},{py:.1f}")
        self._error_bars(tr, xa, ya, pts, color)
        if "markers" in mode:
            colors = m.get("color")
            for i, (px, py) in enumerate(pts):
                if px is not None and py is not None:
                    c = colors[i] if isinstance(colors, (list, tuple)) and i < len(colors) else color
                    self.marker(px, py, m, c if isinstance(c, str) else "#0072B2",
                                hover_text(tr, i) if self.tooltips else "")
        if "text" in mode:
            self._point_texts(tr, pts, float(m.get("size", 6)))

    def _error_bars(self, tr: dict, xa: Axis, ya: Axis, pts: list, color: str) -> None:
        for letter, ax in (("x", xa), ("y", ya)):
            err = tr.get(f"error_{letter}") or {}
            if not err or err.get("visible") is False:
                continue
            plus = _seq(err.get("array"))
            minus = _seq(err.get("arrayminus")) if err.get("symmetric") is False else plus
            c, w, cap = err.get("color", color), float(err.get("thickness", 2)), float(err.get("width", 4))
            for i, (v, (px, py)) in enumerate(zip(_seq(tr.get(letter)), pts)):
                if px is None or py is None or i >= len(plus) or plus[i] is None or minus[i] is None:
                    continue
                a, b = ax.px(float(v) - float(minus[i])), ax.px(float(v) + float(plus[i]))
                if a is None or b is None:
                    continue
                if letter == "y":
                    self.line(px, a, px, b, c, w)
                    self.line(px - cap, a, px + cap, a, c, w)
                    self.line(px - cap, b, px + cap, b, c, w)
                else:
                    self.line(a, py, b, py, c, w)
                    self.line(a, py - cap, a, py + cap, c, w)
                    self.line(b, py - cap, b, py + cap, c, w)

    def _point_texts(self, tr: dict, pts: list, size: float) -> None:
        pos = str(tr.get("textposition", "middle center"))
        fsz = float((tr.get("textfont") or {}).get("size", self.fs * 0.85))
        color = (tr.get("textfont") or {}).get("color")
        color = color if isinstance(color, str) else "#222222"
        for s, (px, py) in zip(_seq(tr.get("text")), pts):
            if px is None or py is None or s in (None, ""):
                continue
            if "right" in pos:
                self.text(px + size / 2 + 4, py + fsz * 0.35, s, size=fsz, color=color)
            elif "top" in pos:
                self.text(px, py - size / 2 - 5, s, size=fsz, anchor="middle", color=color)
            else:
                self.text(px, py + fsz * 0.35, s, size=fsz, anchor="middle", color=color)

    def _ref_px(self, ref: str, v: float, letter: str) -> float | None:
        if ref == "paper":
            if letter == "x":
                return self.l + float(v) * (self.w - self.l - self.r)
            return (self.h - self.b) - float(v) * (self.h - self.b - self.t)
        ax = self.axes.get(_axis_key(ref))
        if ax is None:
            return None
        return ax.domain_px(float(v)) if "domain" in ref else ax.px(v)

    def draw_shapes(self) -> None:
        for sh in self.layout.get("shapes", []) or []:
            if sh.get("type", "line") != "line":
                raise UnsupportedFigure(f"shape {sh.get('type')}")
            xr, yr = sh.get("xref", "x"), sh.get("yref", "y")
            x0, x1 = self._ref_px(xr, sh.get("x0", 0), "x"), self._ref_px(xr, sh.get("x1", 0), "x")
            y0, y1 = self._ref_px(yr, sh.get("y0", 0), "y"), self._ref_px(yr, sh.get("y1", 0), "y")
            if None in (x0, x1, y0, y1):
                continue
            ln = sh.get("line") or {}
            self.line(x0, y0, x1, y1, ln.get("color", "#444444"), float(ln.get("width", 2)), ln.get("dash"))

    def draw_annotations(self) -> None:
        for an in self.layout.get("annotations", []) or []:
            x = self._ref_px(an.get("xref", "paper"), an.get("x", 0.5), "x")
            y = self._ref_px(an.get("yref", "paper"), an.get("y", 0.5), "y")
            if x is None or y is None:
                continue
            size = float((an.get("font") or {}).get("size", self.fs))
            lines = str(an.get("text", "")).split("<br>")
            anchor = {"left": "start", "right": "end"}.get(an.get("xanchor", "center"), "middle")
            block = (len(lines) - 1) * 1.2 * size
            ya = an.get("yanchor", "bottom")
            if ya == "auto" and not str(an.get("yref", "paper")).startswith("paper") or \
                    "yanchor" not in an and str(an.get("yref", "paper")).startswith("y"):
                ya = "middle"  # Plotly: 'auto' is the middle for a data-referenced annotation without an arrow
            first = y - block - size * 0.3 if ya in ("bottom", "auto") else (y + size if ya == "top" else
                                                                              y - block / 2 + size * 0.35)
            color = (an.get("font") or {}).get("color")
            self.text(x, first, an.get("text", ""), size=size, anchor=anchor,
                      color=color if isinstance(color, str) else "#222222")

    def draw_title(self) -> None:
        title = self.layout.get("title") or {}
        text = title.get("text") if isinstance(title, dict) else title
        if not text:
            return
        size = float((title.get("font") or {}).get("size", self.fs * 1.2))
        y = title.get("y")
        base = (1 - float(y)) * self.h + size if y is not None and title.get("yanchor") == "top" else self.t / 2
        self.text(8, max(base, size + 2), text, size=size)

    def draw_legend(self) -> None:
        x_title = any(self._title(ax) for n, ax in self.axes.items() if n.startswith("x"))
        y = self.h - self.b + self.fs * 1.9 + (self.fs * 1.8 if x_title else 0) + 10 + self.fs * 0.5
        for row in self.legend_rows:
            x = self.l
            for tr, w in row:
                m, ln = tr.get("marker") or {}, tr.get("line") or {}
                color = m.get("color") if isinstance(m.get("color"), str) else ln.get("color", "#0072B2")
                mode = str(tr.get("mode", "markers"))
                if tr.get("type") == "bar":
                    self.parts.append(f'<rect x="{x + 5:.1f}" y="{y - 7:.1f}" width="22" height="14" fill="{color}"/>')
                elif "lines" in mode:
                    self.line(x + 2, y, x + 32, y, ln.get("color", color), float(ln.get("width", 2)), ln.get("dash"))
                if "markers" in mode and tr.get("type") != "bar":
                    self.marker(x + 17, y, {**m, "size": min(float(m.get("size", 8)), 12)}, color)
                self.text(x + 40, y + self.fs * 0.35, tr["name"])
                x += w
            y += self.fs + 10


def figure_to_svg(fig, width: int = 1100, height: int | None = None, *, tooltips: bool = False,
                  attrs: dict | None = None, font: str = FONT) -> str:
    """One Plotly figure (``go.Figure`` or its dict) as an SVG document string.

    ``tooltips``: each marker carries its hover text as an SVG ``<title>`` (the browser shows it on hover;
    ``hover_text``). ``attrs``: extra attributes of the root ``<svg>`` (escaped), e.g. ``role``/``aria-label``.
    ``font``: the font family (the page's own on screen; widths are laid out for DejaVu Sans, the widest)."""
    d = fig.to_dict() if hasattr(fig, "to_dict") else fig
    h = int(height or d.get("layout", {}).get("height") or 500)
    s = SvgFigure(d, width, h, tooltips=tooltips)
    s.place()
    s.draw_axes()
    for tr in s.data:
        (s.draw_bar if tr.get("type") == "bar" else s.draw_scatter)(tr)
    s.draw_shapes()
    s.draw_annotations()
    s.draw_title()
    s.draw_legend()
    body = s.svg_body()
    extra = "".join(f' {k}="{_esc(v)}"' for k, v in (attrs or {}).items())
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" viewBox="0 0 {width} {h}" '
            f'font-family="{_esc(font)}"{extra}><rect width="{width}" height="{h}" fill="white"/>{body}</svg>')
