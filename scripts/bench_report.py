"""Time the utfordringsbilde report for one kommune (PDF and DOCX); prints JSON.

    .venv/bin/python scripts/bench_report.py [kommune_id]

"cold" includes starting the shared Chromium for the charts (first report in a process); "warm" is a
second report in the same process (the app's normal case). Data loading and the uttrekk model for all
kommuner (cached per parameter set in the app) are timed separately.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    kommune_id = sys.argv[1] if len(sys.argv) > 1 else "7290"
    import data
    from analysis import uttrekk as u
    from report import build_report, render_docx, render_pdf

    out: dict[str, object] = {"kommune_id": kommune_id, "load_avg_1min": round(os.getloadavg()[0], 2)}
    t = time.perf_counter()
    figures = data.load_dataset()
    out["load_data_s"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    res = u.compute(figures)
    out["uttrekk_all_kommuner_s"] = round(time.perf_counter() - t, 3)
    for label in ("cold", "warm"):
        t = time.perf_counter()
        rep = build_report(kommune_id, figures=figures, uttrekk=res)
        t_build = time.perf_counter() - t
        t = time.perf_counter()
        pdf = render_pdf(rep)
        t_pdf = time.perf_counter() - t
        t = time.perf_counter()
        docx = render_docx(rep)  # reuses the chart images rendered for the PDF
        t_docx = time.perf_counter() - t
        rep2 = build_report(kommune_id, figures=figures, uttrekk=res)
        t = time.perf_counter()
        render_docx(rep2)  # DOCX on its own, charts included
        t_docx_alone = time.perf_counter() - t
        out[label] = {
            "build_s": round(t_build, 3),
            "pdf_s": round(t_pdf, 3),
            "pdf_total_s": round(t_build + t_pdf, 3),
            "docx_total_s": round(t_build + t_docx_alone, 3),
            "docx_after_pdf_s": round(t_docx, 3),
            "images": len(rep.figures()),
            "pdf_bytes": len(pdf),
            "docx_bytes": len(docx),
        }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
