"""The bad-input corpus: every case gives the right message or the right import, never an exception."""

from __future__ import annotations

from unittest import mock

import pytest

from data.importers import import_files
from tests.bad_inputs import corpus

CASES = corpus()


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case):
    if case.fake_size:
        from data.importers import textio

        real = textio.check_size
        with mock.patch("data.importers.pipeline.check_size", lambda name, size: real(name, case.fake_size)):
            res = import_files([(case.file_name, case.data)])
    else:
        res = import_files([(case.file_name, case.data)])
    if case.error:
        assert not res.ok
        assert len(res.errors) == 1, res.errors
        msg = res.errors[0]
        assert case.error in msg, msg
        assert msg.startswith(f"«{case.file_name}»"), msg  # names the file
        assert "Traceback" not in msg and "uventet feil" not in msg
        assert len(res.figures) == 0
    else:
        assert res.ok, res.errors
        assert len(res.figures) == case.rows
        rep = res.reports[0]
        text = " ".join(rep.notes + list(rep.skipped) + list(rep.markers) + list(rep.units_unknown))
        for want in case.report_has:
            assert want in text, text


def test_line_numbers_in_messages():
    by_name = {c.name: c for c in CASES}
    res = import_files([("a.csv", by_name["mixed delimiters"].data)])
    assert "linje 5" in res.errors[0] and "11" in res.errors[0]
    res = import_files([("a.csv", by_name["conflicting duplicates"].data)])
    assert "linje 2" in res.errors[0] and "linjene 2, 5" in res.errors[0]


def test_skipped_rows_name_their_lines():
    by_name = {c.name: c for c in CASES}
    res = import_files([("a.csv", by_name["non-numeric value"].data)])
    rep = res.reports[0]
    (reason,) = [r for r in rep.skipped if "verken et tall" in r]
    assert rep.skipped_lines[reason] == [5]


def test_one_bad_file_fails_the_whole_import():
    by_name = {c.name: c for c in CASES}
    res = import_files([("good.csv", by_name["utf8"].data), ("bad.csv", by_name["header only"].data)])
    assert not res.ok and len(res.figures) == 0 and "bad.csv" in res.errors[0]


def test_unexpected_exception_becomes_message():
    with mock.patch("data.importers.pipeline.read_file", side_effect=RuntimeError("boom")):
        res = import_files([("x.csv", b"abc")])
    assert not res.ok and "uventet feil" in res.errors[0] and "boom" not in res.errors[0]
