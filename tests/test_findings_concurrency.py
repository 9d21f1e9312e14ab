"""Concurrent writers and killed writers, on SQLite (WAL) and on a real PostgreSQL server.

Invariants checked after every run:
- every finding a writer saw committed is in the database, with the version it saw;
- ``change_log`` holds exactly one entry per version of every finding (sum of versions), with
  contiguous versions and each entry's ``before`` equal to the previous entry's ``after`` (no lost
  update, no duplicate, no gap);
- the contended finding's version equals 1 + the number of successful edits across all writers.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from data.findings import Author, FindingIn, FindingsStore, StaleVersionError
from data.findings.models import ChangeLogRow, FindingRow
from tests.pg import findings_store, pg_server, pg_url, store_url  # noqa: F401  (fixtures)

REPO = Path(__file__).resolve().parent.parent
K = "7290"
WRITERS = 20
OWN = 3  # findings each writer creates
OWN_EDITS = 2  # edits of each own finding
SHARED_EDITS = 2  # successful edits of the one shared finding per writer


def _writer(url: str | None, store: FindingsStore | None, wid: int, barrier, out: dict) -> None:
    """One writer: create its own findings, edit them, and fight over the shared finding."""
    own_store = store is None
    store = store or FindingsStore(url, migrate=False)
    author = Author(f"Skriver {wid}", "veileder")
    conflicts = 0
    try:
        if barrier is not None:
            barrier.wait(timeout=60)
        shared_id = out["shared_id"]
        mine = []
        for i in range(OWN):
            f = store.create(FindingIn(K, f"Funn {wid}-{i}", "hypotese", themes=(f"w{wid}",)), author)
            mine.append(f)
        for e in range(OWN_EDITS):
            mine = [store.update(f.id, f.version, {"text": f"Funn {wid}-{i} endring {e}"}, author)
                    for i, f in enumerate(mine)]
        done = 0
        while done < out.get("shared_edits", SHARED_EDITS):
            cur = store.get(shared_id)
            try:
                store.update(shared_id, cur.version, {"text": f"Felles: skriver {wid} endring {done}"}, author)
                done += 1
            except StaleVersionError:
                conflicts += 1
        out[wid] = {"ids": {f.id: f.version for f in mine}, "conflicts": conflicts}
    finally:
        if own_store:
            store.dispose()


PROCESS_SHARED_EDITS = 1  # processes: less contention on the shared finding (each retry is costly)


def _process_writer(url: str, shared_id: str, wid: int, barrier, queue) -> None:  # in a forked child
    out: dict = {"shared_id": shared_id, "shared_edits": PROCESS_SHARED_EDITS}
    _writer(url, None, wid, barrier, out)
    queue.put((wid, out[wid]))


def _check_invariants(store: FindingsStore, results: dict, shared_id: str,
                      shared_edits: int = SHARED_EDITS) -> dict:
    with store.reading() as s:
        n_findings = s.scalar(select(func.count()).select_from(FindingRow))
        versions = dict(s.execute(select(FindingRow.id, FindingRow.version)).all())
        n_history = s.scalar(select(func.count()).select_from(ChangeLogRow))
    expected_ids = {i: v for r in results.values() for i, v in r["ids"].items()}
    assert len(expected_ids) == WRITERS * OWN
    assert n_findings == WRITERS * OWN + 1
    for fid, v in expected_ids.items():
        assert versions[fid] == v == 1 + OWN_EDITS
    assert versions[shared_id] == 1 + WRITERS * shared_edits
    assert n_history == sum(versions.values())
    for fid in [shared_id, *list(expected_ids)[:10]]:
        h = store.history(fid)
        assert [e.version for e in h] == list(range(1, versions[fid] + 1))
        for prev, cur in zip(h, h[1:]):
            assert cur.before == prev.after  # nothing overwritten unseen
    final_texts = [e.after["text"] for e in store.history(shared_id)[1:]]
    assert len(set(final_texts)) == WRITERS * shared_edits  # every successful edit is in the history
    return {"findings": n_findings, "history": n_history}


def _report(label: str, store: FindingsStore, figures: dict, conflicts: int, seconds: float,
            shared_edits: int = SHARED_EDITS) -> None:
    edits = WRITERS * OWN * OWN_EDITS + WRITERS * shared_edits
    print(f"\n[{label} {store.dialect}] {WRITERS} writers: {figures['findings']} findings created, "
          f"{edits} edits ({conflicts} stale-version conflicts retried), {figures['history']} history rows, "
          f"{seconds:.2f} s")


def test_twenty_threads_lose_nothing(findings_store):
    store = findings_store
    shared = store.create(FindingIn(K, "Felles funn", "sporsmal"), Author("Start", "skoleeier"))
    out: dict = {"shared_id": shared.id}
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def run(wid: int) -> None:
        try:
            _writer(None, store, wid, barrier, out)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=run, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    seconds = time.perf_counter() - t0
    assert not errors, errors
    results = {w: out[w] for w in range(WRITERS)}
    figures = _check_invariants(store, results, shared.id)
    _report("threads", store, figures, sum(r["conflicts"] for r in results.values()), seconds)


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX only")
def test_twenty_processes_lose_nothing(findings_store):
    store = findings_store
    shared = store.create(FindingIn(K, "Felles funn", "sporsmal"), Author("Start", "skoleeier"))
    store.engine.dispose()  # no pooled connection crosses the fork
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(WRITERS)
    queue = ctx.Queue()
    t0 = time.perf_counter()
    procs = [ctx.Process(target=_process_writer, args=(store.url, shared.id, w, barrier, queue))
             for w in range(WRITERS)]
    for p in procs:
        p.start()
    results = {}
    deadline = time.time() + 120
    while len(results) < WRITERS and time.time() < deadline:
        try:
            item = queue.get(timeout=5)
        except Exception:  # noqa: BLE001 - queue.Empty
            if not any(p.is_alive() for p in procs):
                break
            continue
        results[item[0]] = item[1]
    for p in procs:
        p.join(timeout=30)
    seconds = time.perf_counter() - t0
    assert [p.exitcode for p in procs] == [0] * WRITERS
    figures = _check_invariants(store, results, shared.id, PROCESS_SHARED_EDITS)
    _report("processes", store, figures, sum(r["conflicts"] for r in results.values()), seconds,
            PROCESS_SHARED_EDITS)


# ---------------------------------------------------------------------------------------------
# SIGKILL
# ---------------------------------------------------------------------------------------------
CHILD = textwrap.dedent("""
    import sys, time
    from sqlalchemy import event
    from sqlalchemy.orm import Session
    from data.findings import Author, FindingIn, FindingsStore
    url, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = FindingsStore(url, migrate=False)
    a = Author("Prosess", "veileder")
    hold = {"on": False}

    @event.listens_for(Session, "after_flush")
    def _hold(session, ctx):
        if hold["on"]:
            print("MID", flush=True)
            time.sleep(120)

    made = []
    for i in range(n):
        f = store.create(FindingIn("7290", f"Lagret {i}", "styrke"), a)
        print("OK", f.id, f.version, flush=True)
        made.append(f)
        if i % 3 == 2:
            g = store.update(made[i - 1].id, made[i - 1].version, {"text": f"Lagret {i - 1} endret"}, a)
            made[i - 1] = g
            print("OK", g.id, g.version, flush=True)
    if mode == "hold-create":
        hold["on"] = True
        store.create(FindingIn("7290", "ALDRI LAGRET", "styrke"), a)
    elif mode == "hold-update":
        hold["on"] = True
        store.update(made[0].id, made[0].version, {"text": "ALDRI LAGRET"}, a)
    print("DONE", flush=True)
""")


def _start_child(url: str, mode: str, n: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", CHILD, url, mode, str(n)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO, env=env)


def _check_after_kill(store: FindingsStore, committed: dict[str, int]) -> dict:
    with store.reading() as s:
        versions = dict(s.execute(select(FindingRow.id, FindingRow.version)).all())
        n_history = s.scalar(select(func.count()).select_from(ChangeLogRow))
        leaked = s.scalar(select(func.count()).select_from(FindingRow).where(FindingRow.text == "ALDRI LAGRET"))
    for fid, v in committed.items():
        assert versions[fid] >= v  # every finding the writer saw committed is there
    assert leaked == 0
    assert n_history == sum(versions.values())  # each committed change has exactly one history row
    for fid, v in versions.items():
        assert [e.version for e in store.history(fid)] == list(range(1, v + 1))
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    return {"findings": len(versions), "history": n_history}


@pytest.mark.parametrize("mode", ["hold-create", "hold-update"])
def test_sigkill_mid_transaction_keeps_every_committed_finding(findings_store, mode):
    store = findings_store
    t0 = time.perf_counter()
    child = _start_child(store.url, mode, 12)
    committed: dict[str, int] = {}
    try:
        for line in child.stdout:
            parts = line.split()
            if parts[0] == "OK":
                committed[parts[1]] = int(parts[2])
            elif parts[0] == "MID":
                break
        else:
            pytest.fail(f"writer ended before the kill: {child.stderr.read()[-2000:]}")
        os.kill(child.pid, signal.SIGKILL)  # rows flushed, transaction open
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    figures = _check_after_kill(store, committed)
    assert figures["findings"] == 12
    # The killed writer's locks are gone: the finding it was changing can be changed now.
    first = store.get(next(iter(committed)))
    t1 = time.perf_counter()
    after = store.update(first.id, first.version, {"text": "Endret etter kill"}, Author("Ny", "skoleeier"))
    assert after.version == first.version + 1 and time.perf_counter() - t1 < 10
    print(f"\n[sigkill {mode} {store.dialect}] {len(committed)} committed changes seen, "
          f"{figures['findings']} findings, {figures['history']} history rows, 0 leaked; "
          f"{time.perf_counter() - t0:.2f} s")


def test_sigkill_at_random_moments(findings_store):
    store = findings_store
    rng = random.Random(20261123)
    committed: dict[str, int] = {}
    kills = 2
    t0 = time.perf_counter()
    for _ in range(kills):
        child = _start_child(store.url, "loop", 10_000)
        lines: list[str] = []
        reader = threading.Thread(target=lambda c=child, acc=lines: acc.extend(c.stdout), daemon=True)
        reader.start()
        # Wait until it writes, then kill it at a random moment while it keeps writing.
        deadline = time.time() + 60
        while not lines and time.time() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        reader.join(timeout=10)
        for line in lines:
            parts = line.split()
            # The kill can cut the last line short: only whole lines count as reported commits.
            if line.endswith("\n") and len(parts) == 3 and parts[0] == "OK":
                committed[parts[1]] = max(committed.get(parts[1], 0), int(parts[2]))
    figures = _check_after_kill(store, committed)
    # At most one commit per killed writer can land after its last printed line.
    assert len({f for f in committed}) <= figures["findings"] <= len(committed) + kills
    print(f"\n[sigkill random x{kills} {store.dialect}] {len(committed)} findings seen committed, "
          f"{figures['findings']} in the database, {figures['history']} history rows; "
          f"{time.perf_counter() - t0:.2f} s")


def test_concurrent_first_saves_of_one_checklist_item_have_one_winner(findings_store):
    """Eight writers save the same never-saved checklist item at once: one wins, the others get a
    stale-version conflict (on PostgreSQL through the unique constraint), nothing is half-written."""
    from data.findings import ChecklistChanges

    store = findings_store
    barrier = threading.Barrier(8)
    outcome: list[str] = []

    def run(i: int) -> None:
        barrier.wait(timeout=30)
        try:
            store.update_checklist_item(K, "plan_forfasen", 0, ChecklistChanges(note=f"skriver {i}"),
                                        Author(f"S{i}", "skoleeier"))
            outcome.append("ok")
        except StaleVersionError:
            outcome.append("stale")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcome) == ["ok"] + ["stale"] * 7
    item = store.checklist_item(K, "plan_forfasen")
    assert item.version == 1 and len(store.checklist_history(K, "plan_forfasen")) == 1
