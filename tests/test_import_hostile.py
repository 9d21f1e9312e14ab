"""The hostile-input corpus (tests/hostile_inputs.py), each case in a child process with a time and memory
ceiling: 20 s and 1.5 GB peak resident memory per file. The 140 MB export is in test_import_hostile_heavy.py.
Reproduce the figures with ``.venv/bin/python -m tests.hostile_runner --heavy`` (one JSON line per case)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.hostile_inputs import corpus

ROOT = Path(__file__).resolve().parents[1]
HEAVY = [c for c in corpus() if c.heavy]
CASES = [c for c in corpus() if not c.heavy]
SECONDS, PEAK_MB = 20.0, 1536


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    """Run the whole corpus once in a child process; a case silent for 90 s fails the run."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.hostile_runner"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    out: dict[str, dict] = {}
    timer = threading.Timer(90.0 * len(CASES), proc.kill)
    timer.start()
    try:
        for line in proc.stdout:
            row = json.loads(line)
            out[row["name"]] = row
    finally:
        timer.cancel()
        proc.wait(timeout=30)
    return out


def test_corpus_covers_the_issue_categories():
    assert len(CASES) >= 50
    assert {"tjenestenekt", "stille feil", "koding og navn", "meldinger"} <= {c.category for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case, results):
    row = results.get(case.name)
    assert row is not None, "the runner did not finish this case (crash or over the time limit)"
    assert row["problem"] is None, row
    assert row["seconds"] <= SECONDS, row
    assert row["peak_mb"] <= PEAK_MB, row
