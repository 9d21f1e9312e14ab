"""The table view beside a chart, with CSV and Excel downloads of exactly what is shown (docs/architecture.md, «Other conventions»).

A page builds one display table per chart (Norwegian column headers, numbers rounded as shown) and a
boolean ``suppressed`` mask per row. ``table_with_downloads`` draws the table, the interval method and
the source line under it, and two download buttons. In the files, empty number cells of suppressed
rows carry Udir's marker ``*`` (never 0), and the last lines name the data source and the date.

The file builders (``export_frame``, ``csv_bytes``, ``excel_bytes``, ``source_line``) are plain
functions and can be tested without Streamlit; the files are only built when a button is clicked.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import partial
from typing import Sequence

import numpy as np
import pandas as pd
import streamlit as st

import data
from data.catalogue import MARKER_SUPPRESSED
from present.format import fmt_spec
from present.strings import t

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def source_line(today: dt.date | None = None) -> str:
    """'Kilde: <active data>. Uttrekk laget <date>.' for the active dataset."""
    info = data.dataset_info()
    src = info.label
    extra = [s for s in info.sources if s and s != "demo"]
    if extra:
        src = f"{src} ({', '.join(extra)})"
    day = (today or dt.date.today()).strftime("%d.%m.%Y")
    return t("common.source_line", source=src, date=day)


def export_frame(table: pd.DataFrame, suppressed: Sequence[bool] | pd.Series | None = None) -> pd.DataFrame:
    """The table as written to file: empty number cells of suppressed rows become '*'."""
    out = table.reset_index(drop=True).copy()
    if suppressed is None:
        return out
    mask = np.asarray(suppressed, dtype=bool)
    if len(mask) != len(out):
        raise ValueError("suppressed must have one entry per table row")
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            hole = mask & s.isna().to_numpy()
            if hole.any():
                s = s.astype(object)
                s[hole] = MARKER_SUPPRESSED
                out[col] = s
    return out


def csv_bytes(table: pd.DataFrame, suppressed=None, footer: Sequence[str] = ()) -> bytes:
    """Semicolon-separated CSV with decimal comma (opens directly in Norwegian Excel), UTF-8 with BOM.

    ``footer`` lines (source, date, method) follow the table after an empty line.
    """
    frame = export_frame(table, suppressed)
    for col in frame.columns:  # decimal comma also in columns that hold '*' (pandas only converts float columns)
        if frame[col].dtype == object:
            frame[col] = frame[col].map(_csv_cell)
    text = frame.to_csv(sep=";", decimal=",", index=False, lineterminator="\n")
    if footer:
        text += "\n" + "\n".join(str(line) for line in footer) + "\n"
    return text.encode("utf-8-sig")


def _csv_cell(v):
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating)):
        return v
    if isinstance(v, (float, np.floating)) and np.isnan(v):
        return ""
    return fmt_spec(v)


def excel_bytes(table: pd.DataFrame, suppressed=None, footer: Sequence[str] = (), sheet: str = "Tabell") -> bytes:
    """An .xlsx file of the table (numbers as numbers, '*' for suppressed), footer lines below it."""
    frame = export_frame(table, suppressed)
    buf = io.BytesIO()
    sheet = (sheet or "Tabell")[:31]
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet, index=False)
        ws = writer.sheets[sheet]
        row = len(frame) + 3
        for line in footer:
            ws.cell(row=row, column=1, value=str(line))
            row += 1
        for i, col in enumerate(frame.columns, start=1):
            width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(200)])
            ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, max(8, width + 2))
    return buf.getvalue()


def _safe_name(name: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_" else "_" for c in name.lower())
    return keep.strip("_") or "tabell"


def table_with_downloads(
    table: pd.DataFrame,
    *,
    key: str,
    filename: str,
    suppressed=None,
    note: str | None = None,
    title: str | None = None,
    height: int | str = "auto",
    column_config: dict | None = None,
    show_note: bool = True,
) -> None:
    """Draw the table view, the method and source lines, and CSV/Excel download buttons.

    ``title`` is written as the first footer line of the files (what the table is); ``note`` is the
    method line (e.g. ``t("common.method_line", method=...)``), shown under the table and written to
    the files (``show_note=False`` when the chart right above already shows it); the source line always follows.
    """
    st.caption(t("common.table_view"))
    st.dataframe(table, hide_index=True, width="stretch", height=height, key=f"{key}_table",
                 column_config=column_config)
    src = source_line()
    if note and show_note:
        st.caption(note)
    st.caption(src)
    footer = [line for line in (title, note, src) if line]
    base = _safe_name(filename)
    c1, c2 = st.columns(2)
    with c1:
        st.download_button(
            t("common.download_csv"), data=partial(csv_bytes, table, suppressed, footer),
            file_name=f"{base}.csv", mime=CSV_MIME, key=f"{key}_csv", on_click="ignore",
        )
    with c2:
        st.download_button(
            t("common.download_xlsx"), data=partial(excel_bytes, table, suppressed, footer),
            file_name=f"{base}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore",
        )
