"""Batch export for the statsforvalter: one PDF per kommune, zipped."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pandas as pd

from analysis import uttrekk as u
from present.strings import t

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


def safe_filename(text: str) -> str:
    """'Nedre Brekke/Ø' -> 'Nedre_Brekke_Ø' (letters incl. æøå kept)."""
    return re.sub(r"[^\w\-]+", "_", text, flags=re.UNICODE).strip("_") or "rapport"


def batch_zip(
    kommune_ids: Sequence[str],
    *,
    options: Any = None,
    findings_for: Callable[[str], Sequence[Any]] = lambda k: (),
    checklist_for: Callable[[str], Sequence[Any]] = lambda k: (),
    agreement_for: Callable[[str], Any] = lambda k: None,
    figures: pd.DataFrame | None = None,
    uttrekk: u.UttrekkResult | None = None,
    created: date | None = None,
    progress: Progress | None = None,
) -> tuple[bytes, list[str]]:
    """One PDF per kommune in a zip. Returns (zip bytes, list of Norwegian error lines for kommuner that failed).

    A kommune that fails is reported and skipped; the zip holds every report that succeeded.
    """
    import data
    from report.model import ReportOptions, build_report
    from report.pdf import render_pdf

    options = options or ReportOptions()
    figures = data.load_dataset() if figures is None else figures
    uttrekk = uttrekk or u.compute(figures)
    buf = io.BytesIO()
    errors: list[str] = []
    n = len(kommune_ids)
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i, kid in enumerate(kommune_ids):
            def step(frac: float, text: str, i=i) -> None:
                if progress:
                    progress((i + frac) / n, t("rep.progress.kommune", i=i + 1, n=n, text=text))
            try:
                rep = build_report(kid, options, findings=findings_for(kid), checklist=checklist_for(kid),
                                   figures=figures, uttrekk=uttrekk, created=created, agreement=agreement_for(kid))
                pdf = render_pdf(rep, progress=step)
                zf.writestr(f"utfordringsbilde_{kid}_{safe_filename(rep.kommune_name)}.pdf", pdf)
            except Exception as exc:  # one bad kommune must not stop the batch
                log.exception("Batch report failed for %s", kid)
                errors.append(t("rep.batch_error", kid=kid, error=exc.__class__.__name__))
    if progress:
        progress(1.0, t("rep.progress.done"))
    return buf.getvalue(), errors
