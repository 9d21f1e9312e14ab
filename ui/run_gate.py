"""One page run at a time per server process (first come, first served), so a room that opens the app at
once gets its pages one after another instead of all at the end.

All sessions of one Streamlit process share one interpreter lock: 20 page runs started together interleave
and all finish near the end of the ≈20 × 0.4 s of work (the median visitor waits as long as the last). Run one
after another, the first visitor waits one run and the median visitor half of it; the last waits as before.
The gate covers only the page itself (``nav.run()`` in app.py): the sidebar, widgets and fragments do not
wait. A run never waits longer than ``MAX_WAIT_S`` (a slow page such as an import does not hold the others
back for long); ``UTFORDRINGSBILDE_CONCURRENT_RUNS`` sets how many page runs may go at once (0 = no gate).
"""

from __future__ import annotations

import logging
import os
import threading
from contextlib import contextmanager

log = logging.getLogger(__name__)
MAX_WAIT_S = 10.0


def _limit() -> int:
    try:
        return max(0, int(os.environ.get("UTFORDRINGSBILDE_CONCURRENT_RUNS", "1")))
    except ValueError:
        return 1


_LIMIT = _limit()
_GATE = threading.BoundedSemaphore(_LIMIT) if _LIMIT else None


@contextmanager
def page_run_gate():
    """Hold one of the process's page-run slots while the page runs (or go on after ``MAX_WAIT_S``)."""
    acquired = _GATE.acquire(timeout=MAX_WAIT_S) if _GATE is not None else False
    if _GATE is not None and not acquired:
        log.info("Page run waited %.0f s for the run gate; running alongside", MAX_WAIT_S)
    try:
        yield
    finally:
        if acquired:
            _GATE.release()
