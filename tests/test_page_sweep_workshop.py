"""Every page for the three showcase kommuner: no «None», «nan» or decimal point in a Norwegian number on
screen (tables, texts, metrics, headings). A float column in a table must carry the Norwegian (localized)
number format, and empty cells a Norwegian placeholder, or the grid would show «12.3» and «None».
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from data import demo
from tests.apptest import open_app

KOMMUNER = (demo.SHOWCASE_ONE_SCHOOL, demo.SHOWCASE_SPREAD, demo.SHOWCASE_MERGER)
PAGES = ("oversikt", "utvikling", "skoler", "sammenlignbare", "uttrekk", "funn", "sjekkliste", "utfordringsbilde",
         "presenter")
ONCE = ("statsforvalter", "data")
# Pages whose tables hand float columns to the grid: each such column must carry a Norwegian
# (``localized``) number format, and the table a Norwegian placeholder for empty cells.
FLOAT_TABLE_PAGES = ("utvikling", "skoler", "sammenlignbare", "uttrekk", "statsforvalter")
PLACEHOLDERS = {"skjermet", "ingen data", "skjermet eller ingen data", "skjerma", "skjerma eller ingen data"}
TAG = re.compile(r"<[^>]+>")
BAD_WORD = re.compile(r"\b(None|nan|NaN|NaT|<NA>)\b")
# 12.5 but not a date (01.12.2026), a version (1.2.3) or a sentence end followed by a digit-free word.
DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")


def _texts(at) -> list[str]:
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "success",
                 "error", "metric"):
        for el in getattr(at, kind):
            out.append(str(el.value))
            if kind == "metric":
                out.append(str(el.label))
    return out


def _localized(config: dict, col) -> bool:
    tc = (config.get(str(col)) or {}).get("type_config") or {}
    return tc.get("type") == "number" and tc.get("format") == "localized"


def _cell_problems(df: pd.DataFrame, floats: bool = True, config: dict | None = None,
                   placeholder: str | None = None) -> list[str]:
    """What the grid would show wrongly: a float column without a Norwegian number format (the grid would
    print «12.3»), an empty cell with no Norwegian placeholder («None»), or a text cell with None/nan/12.5."""
    config = config or {}
    bad = []
    for col in df.columns:
        s = df[col]
        if pd.api.types.is_float_dtype(s):
            if not floats:
                continue
            v = s.dropna()
            if len(v) < len(s) and placeholder not in PLACEHOLDERS:
                bad.append(f"{col}: tom verdi vises som None")
            if (v != v.round()).any() and not _localized(config, col):
                bad.append(f"{col}: desimaltall vises med punktum")
            continue
        for x in s:
            if x is None or (isinstance(x, float) and x != x):
                if placeholder not in PLACEHOLDERS:
                    bad.append(f"{col}: None")
            elif isinstance(x, str) and (BAD_WORD.search(x) or DECIMAL_POINT.search(x)):
                bad.append(f"{col}: {x}")
    return bad


def _problems(at, floats: bool = True) -> list[str]:
    # What is on screen: no <style>/<script> blocks, and no tag attributes (font-size:1.7rem is not a number).
    texts = [TAG.sub(" ", s) for s in _texts(at) if not s.lstrip().startswith(("<style", "<script"))]
    bad = [f"tekst: {s[:160]}" for s in texts if BAD_WORD.search(s) or DECIMAL_POINT.search(s)]
    for df in at.dataframe:
        bad += _cell_problems(df.value, floats, json.loads(df.proto.columns or "{}"), df.proto.placeholder or None)
    for tb in at.table:
        bad += _cell_problems(tb.value, floats)
    return bad


@pytest.mark.parametrize("kommune", KOMMUNER)
def test_no_none_nan_or_decimal_point_on_any_page(kommune):
    problems = {}
    for page in PAGES:
        at = open_app(page if page != "oversikt" else None, kommune=kommune)
        found = _problems(at, floats=page not in FLOAT_TABLE_PAGES)
        if found:
            problems[page] = sorted(set(found))[:8]
    assert problems == {}, problems


def test_pages_without_a_kommune_choice():
    problems = {}
    for page in ONCE:
        found = _problems(open_app(page, kommune=demo.SHOWCASE_SPREAD), floats=page not in FLOAT_TABLE_PAGES)
        if found:
            problems[page] = sorted(set(found))[:8]
    assert problems == {}, problems


def test_float_table_columns_are_formatted():
    problems = {}
    for page in FLOAT_TABLE_PAGES:
        found = _problems(open_app(page, kommune=demo.SHOWCASE_ONE_SCHOOL))
        if found:
            problems[page] = sorted(set(found))[:8]
    assert problems == {}, problems


def test_the_check_can_fail():
    frame = pd.DataFrame({"a": ["12.5", "skjermet"], "b": [1.5, 2.0], "c": ["None", "ok"]})
    assert len(_cell_problems(frame)) == 3
    # A localized number column passes; a gap passes only with a Norwegian placeholder.
    cfg = {"b": {"type_config": {"type": "number", "format": "localized"}}}
    gaps = pd.DataFrame({"b": [1.5, None]})
    assert _cell_problems(gaps, config=cfg, placeholder="skjermet") == []
    assert _cell_problems(gaps, config=cfg) == ["b: tom verdi vises som None"]
    assert _cell_problems(gaps, placeholder="skjermet") == ["b: desimaltall vises med punktum"]
    assert not DECIMAL_POINT.search("01.12.2026") and DECIMAL_POINT.search("verdi 12.5 i år")
