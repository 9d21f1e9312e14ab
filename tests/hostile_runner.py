"""Run hostile-input cases in this process, one JSON line per case: outcome, seconds, peak memory.

Peak memory is the resident set's high-water mark (``VmHWM``) during the import, reset before each case
through ``/proc/self/clear_refs`` (Linux), so it includes the libraries and the input bytes, as a server
process would. Usage: ``.venv/bin/python -m tests.hostile_runner [--heavy] [name ...]``.
"""

from __future__ import annotations

import gc
import json
import re
import sys
import time


def _hwm_mb() -> float:
    with open("/proc/self/status") as fh:
        return int(re.search(r"VmHWM:\s+(\d+)", fh.read()).group(1)) / 1024


def _reset_hwm() -> None:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def verdict(case, res) -> str | None:
    """None when the result is what the case expects, else what went wrong."""
    if case.error is not None:
        if res.ok or len(res.errors) != 1:
            return f"expected a refusal containing «{case.error}», got ok={res.ok} errors={res.errors[:2]}"
        msg = res.errors[0]
        if case.error not in msg:
            return f"message lacks «{case.error}»: {msg}"
        if "uventet feil" in msg or "Traceback" in msg or "\n" in msg:
            return f"generic message: {msg}"
        if len(res.figures):
            return "a refused import still has figures"
        return None
    if not res.ok:
        return f"expected success, got {res.errors[:2]}"
    if case.rows is not None and len(res.figures) != case.rows:
        return f"expected {case.rows} rows, got {len(res.figures)}"
    if case.context_rows is not None and (res.context is None or len(res.context) != case.context_rows):
        return f"expected {case.context_rows} context rows, got {None if res.context is None else len(res.context)}"
    return case.check(res) if case.check else None


def run_case(case) -> dict:
    from data.importers import import_files

    files = case.make()
    gc.collect()
    _reset_hwm()
    t0 = time.monotonic()
    try:
        res = import_files(files, kommune=getattr(case, "kommune", None))
        problem = verdict(case, res)
        errors = res.errors[:1]
    except BaseException as exc:  # noqa: BLE001 - any escape is a failure of the case
        problem, errors = f"raised {type(exc).__name__}: {exc}", []
    seconds = time.monotonic() - t0
    peak = _hwm_mb()
    del files
    return {"name": case.name, "category": case.category, "problem": problem, "seconds": round(seconds, 2),
            "peak_mb": round(peak), "message": errors[0][:300] if errors else ""}


def main(argv: list[str]) -> None:
    sys.path.insert(0, ".")
    from tests.hostile_inputs import corpus

    heavy = "--heavy" in argv
    names = [a for a in argv if not a.startswith("--")]
    for case in corpus():
        if names and case.name not in names:
            continue
        if case.heavy and not heavy and case.name not in names:
            continue
        print(json.dumps(run_case(case), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
