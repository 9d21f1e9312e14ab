"""Findings database safety: consistent backups, the last N kept, a broken file never silently replaced,
the app saying so on every page and offering the newest backup."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from data.findings import Author, DatabaseUnavailable, FindingIn, FindingsStore
from data.findings import store as store_mod
from data.findings.backup import backup, backups, check_sqlite_file, maybe_backup, restore_backup

KARI = Author("Kari", "veileder")


def _db(tmp_path: Path, n: int = 3) -> Path:
    path = tmp_path / "funn.sqlite"
    s = FindingsStore(f"sqlite:///{path}")
    for i in range(n):
        s.create(FindingIn("7290", f"Funn nummer {i}", "styrke"), KARI)
    s.dispose()
    return path


def _count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM findings").fetchone()[0]
    finally:
        con.close()


def test_backup_is_consistent_while_writing_and_keeps_the_last_n(tmp_path):
    path = _db(tmp_path)
    s = FindingsStore(f"sqlite:///{path}")
    made = [backup(path, keep=3) for _ in range(5)]
    s.create(FindingIn("7290", "Etter kopien", "styrke"), KARI)
    assert len(backups(path)) == 3 and backups(path)[0] == made[-1]
    assert _count(made[-1]) == 3 and _count(path) == 4
    s.dispose()


def test_maybe_backup_makes_one_when_none_is_recent(tmp_path):
    path = _db(tmp_path)
    assert maybe_backup(path, max_age=3600) is not None
    assert maybe_backup(path, max_age=3600) is None  # a fresh one exists
    assert maybe_backup(path, max_age=0) is not None  # a day later


@pytest.mark.parametrize("damage,fragment", [
    (lambda p: p.write_bytes(b""), "tom fil"),
    (lambda p: p.write_bytes(os.urandom(8192)), "ikke en SQLite-database"),
    (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "ødelagt"),
])
def test_broken_file_is_refused_not_recreated(tmp_path, damage, fragment):
    path = _db(tmp_path, n=7)
    good = backup(path)
    damage(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseUnavailable, match=fragment) as info:
        store_mod.get_store(f"sqlite:///{path}")
    assert info.value.backup == good
    assert path.read_bytes() == before  # nothing re-created or overwritten
    kept = restore_backup(path, info.value.backup)
    assert kept.exists() and kept.read_bytes() == before  # the broken file is kept aside
    check_sqlite_file(path)
    assert len(store_mod.get_store(f"sqlite:///{path}").list_findings("7290")) == 7


def test_pages_say_the_database_cannot_be_read_and_offer_the_backup(data_folder):
    from tests.apptest import open_app

    path = _db(data_folder, n=2)
    backup(path)
    path.write_bytes(os.urandom(4096))
    at = open_app("oversikt", kommune="7290", check_errors=False)
    errors = " ".join(e.value for e in at.error)
    assert "Funnene kan ikke leses" in errors and "ikke en SQLite-database" in errors
    assert not any("(0)" in m.value for m in at.markdown if "Funn koblet" in m.value)
    assert any("kan ikke leses nå" in w.value for w in at.warning)
    at.button(key="db_restore").click().run()
    assert not at.exception
    at.switch_page("pages/funn.py").run()
    assert not at.exception and not at.error
    assert _count(path) == 2
