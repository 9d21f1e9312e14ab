"""Benchmark: import a generated 1,000,000-row Skoleporten-format CSV; print JSON with time and peak RSS.

Usage: ``.venv/bin/python scripts/bench_import.py [--rows 1000000]``. The file is generated in memory
(fictional school names), then imported with ``data.importers.import_files`` (decode, parse, map,
validate; nothing saved). Peak RSS is the process's high-water mark (``resource.getrusage``), reported
before and after the import.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data.importers import KommuneHint, import_files  # noqa: E402

SUBJECTS = ("Engelsk", "Lesing", "Regning")
KJONN = ("Begge kjønn", "Jenter", "Gutter")
TRINN = ("Trinn 5", "Trinn 8", "Trinn 9")


def generate(rows: int) -> bytes:
    """Skoleporten nedlasting with unique keys: schools x 14 years x 3 subjects x 3 kjønn x 3 trinn."""
    periods = [f"{y}-{y + 1}" for y in range(2007, 2021)]
    per_school = len(periods) * len(SUBJECTS) * len(KJONN) * len(TRINN)
    lines = ["Enhetsnavn;Skoletype;Vurderingsområde;Statistikk;Indikator/delskår;Periode;Eierform;Trinn;Kjønn;Verdi;"
             "Måleenhet"]
    i = 0
    school = 0
    while i < rows:
        name = f"Testskole {school:05d}"
        for p in periods:
            for s in SUBJECTS:
                for t in TRINN:
                    stat = "Nasjonale prøver 5. trinn" if t == "Trinn 5" else "Nasjonale prøver ungdomstrinn"
                    for k in KJONN:
                        if i >= rows:
                            break
                        v = "." if (i % 7 == 0) else str(40 + (i * 7919) % 21)
                        lines.append(f"{name};Grunnskole;Læringsresultater;{stat};{s};{p};Offentlig;{t};{k};{v};"
                                     "Skalapoeng")
                        i += 1
        school += 1
    del per_school
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def _write(rows: int, path: str) -> None:
    Path(path).write_bytes(generate(rows))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    args = ap.parse_args()
    # Generate in a child process and hand over a file, so the generator's memory is not in our peak RSS.
    import multiprocessing as mp
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.csv"
        proc = mp.get_context("spawn").Process(target=_write, args=(args.rows, str(path)))
        proc.start()
        proc.join()
        raw = path.read_bytes()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    res = import_files([("bench.csv", raw)], kommune=KommuneHint("1103", "Stavanger"))
    elapsed = time.perf_counter() - t0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if not res.ok:
        print(json.dumps({"error": res.errors}), file=sys.stderr)
        sys.exit(1)
    print(json.dumps({
        "benchmark": "import_skoleporten_csv",
        "rows": args.rows,
        "file_mb": round(len(raw) / 1024 / 1024, 1),
        "rows_mapped": res.reports[0].rows_mapped,
        "seconds": round(elapsed, 2),
        "target_seconds": 5.0,
        "peak_rss_mb_before_import": round(rss_before, 0),  # interpreter + libraries + the file's bytes
        "peak_rss_mb": round(rss_after, 0),
    }))


if __name__ == "__main__":
    main()
