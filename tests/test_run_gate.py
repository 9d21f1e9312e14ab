"""ui.run_gate: page runs of one process take turns (first come, first served), never wait forever."""

from __future__ import annotations

import importlib
import threading
import time

import ui.run_gate as gate


def _reload(monkeypatch, value: str | None):
    if value is None:
        monkeypatch.delenv("UTFORDRINGSBILDE_CONCURRENT_RUNS", raising=False)
    else:
        monkeypatch.setenv("UTFORDRINGSBILDE_CONCURRENT_RUNS", value)
    return importlib.reload(gate)


def _run_two(g, hold_s: float) -> list[tuple[str, float]]:
    events: list[tuple[str, float]] = []
    started = threading.Event()

    def first():
        with g.page_run_gate():
            started.set()
            events.append(("first in", time.perf_counter()))
            time.sleep(hold_s)
            events.append(("first out", time.perf_counter()))

    def second():
        started.wait()
        with g.page_run_gate():
            events.append(("second in", time.perf_counter()))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(10)
    return events


def test_runs_take_turns(monkeypatch):
    g = _reload(monkeypatch, None)  # default: one page run at a time
    names = [e for e, _ in _run_two(g, 0.3)]
    assert names == ["first in", "first out", "second in"]


def test_no_gate_when_set_to_zero(monkeypatch):
    g = _reload(monkeypatch, "0")
    names = [e for e, _ in _run_two(g, 0.3)]
    assert names == ["first in", "second in", "first out"]


def test_a_long_run_does_not_hold_the_others_forever(monkeypatch):
    g = _reload(monkeypatch, "1")
    monkeypatch.setattr(g, "MAX_WAIT_S", 0.2)
    events = dict(_run_two(g, 1.0))
    assert events["second in"] < events["first out"]  # went on after MAX_WAIT_S
    assert events["second in"] - events["first in"] >= 0.15


def test_slot_is_released_after_an_exception(monkeypatch):
    g = _reload(monkeypatch, "1")
    try:
        with g.page_run_gate():
            raise RuntimeError("page failed")
    except RuntimeError:
        pass
    t = time.perf_counter()
    with g.page_run_gate():
        pass
    assert time.perf_counter() - t < 0.1
    _reload(monkeypatch, None)
