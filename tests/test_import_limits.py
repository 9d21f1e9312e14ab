"""Import limits: each refusal names its limit; the time budget and the total over several files."""

from __future__ import annotations

import dataclasses

import pytest

from data.importers import import_files, limits
from data.importers.errors import ImportFailure
from tests.bad_inputs import GOOD_ROWS, sp_file


def test_time_budget_stops_an_import_with_a_message(monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", dataclasses.replace(limits.LIMITS, seconds=0.0))
    res = import_files([("a.csv", sp_file(GOOD_ROWS).encode())])
    assert not res.ok and "grensen på 0 sekunder" in res.errors[0]


def test_budget_is_shared_by_the_files_of_one_upload():
    with limits.time_budget(1000) as outer, limits.time_budget(1) as inner:
        assert inner is outer


def test_total_size_counts_all_files(monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", dataclasses.replace(limits.LIMITS, total_mb=0))
    data = sp_file(GOOD_ROWS).encode()
    res = import_files([("a.csv", data), ("b.csv", data)])
    assert not res.ok and "til sammen" in res.errors[0] and "a.csv og b.csv" in res.errors[0]


def test_longest_line_finds_line_and_length():
    data = b"ab\n" + b"x" * 50 + b"\nc\n" + b"y" * 10
    assert limits.longest_line(data, chunk=7) == (50, 2)
    assert limits.longest_line(b"abc") == (3, 1)


def test_refusal_text_is_norwegian_with_the_limit():
    exc = limits.refuse("f.csv", "Antall kolonner", 12345, 3000, "kolonner")
    assert isinstance(exc, ImportFailure)
    assert str(exc) == "«f.csv»: Antall kolonner er 12 345 kolonner. Grensen er 3 000 kolonner."


@pytest.mark.parametrize("obj,depth", [([1, 2], 1), ({"a": [{"b": 1}]}, 3), ([[[]]], 3)])
def test_json_depth(obj, depth):
    assert limits.json_depth(obj) == depth
