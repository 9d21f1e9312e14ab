"""Backups of the SQLite findings database, and refusing to open a broken one.

- ``backup``: a consistent copy through SQLite's online backup API (safe while the app writes), checked
  with ``PRAGMA integrity_check``, named ``funn-YYYYMMDD-HHMMSS.sqlite`` in ``<data folder>/sikkerhetskopier``;
  the newest ``KEEP`` are kept. ``maybe_backup`` makes one when the newest is older than a day: the store
  calls it when it opens (on start) and the app on every page run (so daily while it runs).
- ``check_sqlite_file``: a 0-byte, truncated, overwritten or corrupt file raises ``DatabaseUnavailable``
  with a Norwegian message and the newest backup; the store never opens (and so never silently re-creates)
  such a file. ``restore_backup`` moves the broken file aside (never deletes it) and puts the backup back.

PostgreSQL is backed up outside the app (``pg_dump``; see README).
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

KEEP = 14
MAX_AGE_SECONDS = 24 * 3600
_HEADER = b"SQLite format 3\x00"
_lock = threading.Lock()
_last_check: dict[str, float] = {}


class DatabaseUnavailable(RuntimeError):
    """The findings database cannot be read. ``message`` is for the user; ``backup`` the newest copy or None."""

    def __init__(self, path: Path, message: str, backup: Path | None) -> None:
        self.path, self.message, self.backup = path, message, backup
        super().__init__(message)


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "sikkerhetskopier"


def backups(db_path: Path) -> list[Path]:
    """Backups of ``db_path``, newest first."""
    folder = backup_dir(db_path)
    return sorted(folder.glob("funn-*.sqlite"), reverse=True) if folder.exists() else []


def check_sqlite_file(db_path: Path) -> None:
    """Raise ``DatabaseUnavailable`` when the file exists but is not a readable, intact SQLite database."""
    if not db_path.exists():
        return
    newest = next(iter(backups(db_path)), None)
    size = db_path.stat().st_size
    if size == 0:
        raise DatabaseUnavailable(db_path, "Funndatabasen er en tom fil (0 byte). Den er ikke laget på nytt, så ingen funn "
                                  "er tapt i stillhet.", newest)
    with open(db_path, "rb") as fh:
        header = fh.read(16)
    if header != _HEADER:
        raise DatabaseUnavailable(db_path, "Funndatabasen er ikke en SQLite-database (filen er overskrevet eller ødelagt).",
                                  newest)
    problem = _integrity_problem(db_path)
    if problem:
        raise DatabaseUnavailable(db_path, f"Funndatabasen er ødelagt eller avkortet ({problem}).", newest)


def _integrity_problem(db_path: Path) -> str | None:
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows[:3])
    return None if result == "ok" else result


def backup(db_path: Path, keep: int = KEEP) -> Path:
    """A consistent, verified copy of ``db_path`` in the backup folder; older copies beyond ``keep`` removed."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"funn-{stamp}.sqlite"
    tmp = target.with_suffix(".tmp")
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=60)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            ok = dst.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            dst.close()
    finally:
        src.close()
    if not ok:
        tmp.unlink(missing_ok=True)
        raise DatabaseUnavailable(db_path, "Sikkerhetskopien av funndatabasen var ikke hel.", None)
    tmp.replace(target)
    for old in backups(db_path)[keep:]:
        old.unlink(missing_ok=True)
    return target


def maybe_backup(db_path: Path, keep: int = KEEP, max_age: float = MAX_AGE_SECONDS) -> Path | None:
    """Back up when the newest backup is older than ``max_age`` (checked at most once a minute per file)."""
    key = str(db_path)
    with _lock:
        now = time.monotonic()
        if now - _last_check.get(key, -1e9) < 60 and max_age == MAX_AGE_SECONDS:
            return None
        _last_check[key] = now
        if not db_path.exists() or db_path.stat().st_size == 0:
            return None
        newest = next(iter(backups(db_path)), None)
        if newest is not None and time.time() - newest.stat().st_mtime < max_age:
            return None
        return backup(db_path, keep)


def restore_backup(db_path: Path, source: Path) -> Path:
    """Put ``source`` back as the database; the broken file (and its WAL) is kept beside it. Returns where."""
    check_sqlite_file(source)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.name}.ødelagt-{stamp}")
    if db_path.exists():
        db_path.replace(kept)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix))
    shutil.copyfile(source, db_path)
    _last_check.pop(str(db_path), None)
    return kept
