"""Limits that keep an upload from taking the server down, checked before the expensive step they guard.

Every refusal is a plain Norwegian ``ImportFailure`` naming the limit. The limits (``LIMITS``) are set far
above the real exports (statistikkbanken: 18–300 columns, a few thousand rows; Skoleporten nedlasting:
11 columns; SSB JSON-stat: a few hundred thousand cells) and low enough that the worst file within them
stays under about 1.5 GB of memory and a minute of CPU:

- per file (``file_mb``) and for all files in one upload together (``total_mb``);
- xlsx: uncompressed size, number of sheets, the declared sheet dimension, rows and columns read (an
  xlsx is parsed cell by cell in Python: 50 000 rows take a few seconds; larger exports go as CSV);
- CSV: columns in the header, characters on one line;
- JSON / JSON-stat: file size, nesting depth, cells (the product of ``size``);
- a time budget per import (``seconds``), checked between the stages and inside the long loops.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from data.importers.errors import ImportFailure


@dataclass(frozen=True)
class Limits:
    file_mb: int = 150
    total_mb: int = 300
    xlsx_uncompressed_mb: int = 200
    xlsx_sheets: int = 50
    xlsx_declared_cells: int = 30_000_000
    xlsx_rows: int = 50_000
    xlsx_columns: int = 3_000
    csv_columns: int = 3_000
    csv_line_chars: int = 1_000_000
    json_mb: int = 50
    json_depth: int = 20
    json_cells: int = 2_000_000
    seconds: float = 120.0


LIMITS = Limits()


def whole(n: float) -> str:
    """An integer with a space as thousands separator (Norwegian), for limit messages."""
    return f"{int(n):,}".replace(",", " ")


def refuse(file_name: str, what: str, got: float, limit: float, unit: str, hint: str = "",
           line: int | None = None) -> ImportFailure:
    """The message of a limit refusal: what was found, the limit, and what to do."""
    msg = f"{what} er {whole(got)} {unit}. Grensen er {whole(limit)} {unit}."
    return ImportFailure(file_name, msg + (f" {hint}" if hint else ""), line)


# --- time budget ----------------------------------------------------------------------------------------

@dataclass
class Budget:
    """A deadline for one import; ``check`` raises when it has passed."""

    seconds: float
    started: float
    file_name: str = ""

    def check(self, file_name: str | None = None) -> None:
        if time.monotonic() - self.started > self.seconds:
            raise ImportFailure(
                file_name or self.file_name,
                f"Importen tok lengre tid enn grensen på {whole(self.seconds)} sekunder og ble stoppet. "
                "Del opp filen (for eksempel per skoleår eller fylke) og last opp delene.",
            )


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("import_budget", default=None)


@contextlib.contextmanager
def time_budget(seconds: float | None = None) -> Iterator[Budget]:
    """Run an import under a deadline; nested calls share the outer budget."""
    outer = _BUDGET.get()
    if outer is not None:
        yield outer
        return
    budget = Budget(LIMITS.seconds if seconds is None else seconds, time.monotonic())
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def check_time(file_name: str = "") -> None:
    """Raise when the current import's time budget is spent (no-op outside an import)."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.check(file_name)


# --- sizes -----------------------------------------------------------------------------------------------

def check_total(files: list[tuple[str, bytes]]) -> None:
    total = sum(len(raw) for _, raw in files)
    if total > LIMITS.total_mb * 1024 * 1024:
        names = " og ".join(n for n, _ in files[:3]) + (" …" if len(files) > 3 else "")
        raise refuse(names, "Størrelsen på filene i opplastingen til sammen", total / 1024 / 1024, LIMITS.total_mb, "MB",
                     "Last opp færre filer om gangen.")


def check_csv_shape(file_name: str, header: str, delimiter: str, data, header_line: int) -> None:
    """Columns in the header and the longest line, before the CSV parser allocates anything."""
    columns = header.count(delimiter) + 1
    if columns > LIMITS.csv_columns:
        raise refuse(file_name, "Antall kolonner i overskriften", columns, LIMITS.csv_columns, "kolonner",
                     "Velg færre år eller grupper i eksporten.", header_line)
    longest, line = longest_line(data)
    if longest > LIMITS.csv_line_chars:
        raise refuse(file_name, "Den lengste linjen", longest, LIMITS.csv_line_chars, "tegn",
                     "Filen ser ikke ut som en vanlig eksport.", header_line + line - 1)


def longest_line(data, chunk: int = 16 << 20) -> tuple[int, int]:
    """(length in bytes of the longest line, its line number from 1) without splitting the text."""
    buf = np.frombuffer(data, dtype=np.uint8)
    best, best_line, prev_end, lines_before = 0, 1, -1, 0
    for start in range(0, len(buf), chunk):
        ends = np.flatnonzero(buf[start:start + chunk] == 10) + start
        if len(ends):
            gaps = np.diff(np.concatenate(([prev_end], ends)))
            i = int(np.argmax(gaps))
            if gaps[i] - 1 > best:
                best, best_line = int(gaps[i] - 1), lines_before + i + 1
            prev_end = int(ends[-1])
            lines_before += len(ends)
    tail = len(buf) - prev_end - 1
    if tail > best:
        best, best_line = tail, lines_before + 1
    return best, best_line


def json_depth(obj: object) -> int:
    """Nesting depth of a parsed JSON document (iterative: no recursion on hostile input)."""
    depth, level = 0, [obj]
    while level:
        depth += 1
        nxt = []
        for item in level:
            if isinstance(item, dict):
                nxt.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                nxt.extend(v for v in item if isinstance(v, (dict, list)))
        level = nxt
        if depth > LIMITS.json_depth + 1:
            break
    return depth
