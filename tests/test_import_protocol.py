"""The importer protocol (issue 10 item 4): one interface, one registry, typed skip reasons, short functions."""

from __future__ import annotations

import ast
import pathlib

import pandas as pd
import pytest

from data.importers import import_files, sources
from data.importers.canonical import build
from data.importers.pipeline import choose_source, read_file
from data.importers.protocol import Head, ImportFile, Read, Skip, SkipReason
from data.importers.report import ImportReport
from tests.bad_inputs import GOOD_ROWS, NP_ROWS, np_file, sp_file

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_every_registered_source_implements_the_protocol():
    assert len(sources.SOURCES) >= 4
    for src in sources.SOURCES:
        assert callable(src.sniff) and callable(src.read)
        assert isinstance(src.SOURCE_NAME, str)


@pytest.mark.parametrize("name,data,want", [
    ("sp.csv", sp_file(GOOD_ROWS).encode(), "Skoleporten"),
    ("np.csv", np_file(NP_ROWS), "Udir statistikkbanken"),
    ("ssb.json", b'{"class":"dataset","id":[],"size":[],"dimension":{},"value":[]}', "SSB"),
])
def test_sniff_picks_the_right_source(name, data, want):
    from data.importers.container import prepare

    file = prepare(name, data, ImportReport(name))
    assert choose_source(file.head).SOURCE_NAME == want
    others = [s for s in sources.SOURCES if s.SOURCE_NAME != want]
    assert all(s.sniff(file.head) < choose_source(file.head).sniff(file.head) for s in others)


class _PipeSource:
    """A new source for a made-up format: 'PIPE' then unit|period|value lines."""

    SOURCE_NAME = "Testkilde"

    @staticmethod
    def sniff(head: Head) -> float:
        return 1.0 if head.kind == "text" and head.header.startswith("PIPE|") else 0.0

    @staticmethod
    def read(file: ImportFile) -> Read:
        rows = [ln.split("|") for ln in file.body.splitlines()[1:] if ln]
        n = len(rows)
        import numpy as np

        cols = {"level": "nasjonalt", "unit_id": "I", "unit_name": "Hele landet", "kommune_id": "", "fylke_id": "",
                "indicator": "grunnskolepoeng", "subject": "", "trinn": 10.0, "kjonn": "alle",
                "period": pd.Categorical([r[1] for r in rows]), "value": np.array([float(r[2]) for r in rows]),
                "suppressed": np.zeros(n, bool), "marker": "", "unit_of_measure": "poeng", "source": "Test"}
        file.report.format_label = "Testformat"
        return Read(build(file.name, cols, np.arange(n) + 2, np.ones(n, bool), file.report), None, file.report)


def test_adding_a_source_is_one_line(monkeypatch):
    data = b"PIPE|periode|verdi\nI|2023-24|41.5\nI|2024-25|42\n"
    assert not import_files([("x.csv", data)]).ok  # unknown before registering
    monkeypatch.setattr(sources, "SOURCES", sources.SOURCES + [_PipeSource])
    res = import_files([("x.csv", data)])
    assert res.ok, res.errors
    assert len(res.figures) == 2 and res.label == "Importerte data: Testkilde"


def test_skip_reasons_are_typed():
    rep = ImportReport("a.csv")
    with pytest.raises(TypeError):
        rep.skip("fri tekst", 3)
    rep.skip(SkipReason.BAD_VALUE, 2, [4, 5])
    rep.skip(SkipReason.OUT_OF_RANGE, 1, detail="Grunnskolepoeng (0–60)")
    assert rep.skipped_by_reason() == {SkipReason.BAD_VALUE: 2, SkipReason.OUT_OF_RANGE: 1}
    assert "Grunnskolepoeng (0–60)" in list(rep.skipped)[1]


def test_real_import_skips_carry_their_type():
    rows = GOOD_ROWS + [GOOD_ROWS[0].replace("2018-2019", "våren").replace("52", "x")]
    _, _, rep = read_file("a.csv", sp_file(rows).encode())
    assert rep.skipped and all(isinstance(k, Skip) and isinstance(k.reason, SkipReason) for k in rep.skipped)


def _functions(path: pathlib.Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node.end_lineno - node.lineno + 1


def test_no_importer_function_over_80_lines():
    long = [(p.name, name, n) for p in (ROOT / "data" / "importers").glob("*.py")
            for name, n in _functions(p) if n > 80]
    assert not long, long


def test_pipeline_dispatch_is_a_registry_walk():
    lengths = dict(_functions(ROOT / "data" / "importers" / "pipeline.py"))
    assert lengths["read_file"] <= 20
    src = (ROOT / "data" / "importers" / "pipeline.py").read_text(encoding="utf-8")
    assert "looks_like_units" not in src and "skoleporten" not in src  # no format tests left in the pipeline
