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
from data.export_safety import neutralise_cell, neutralise_frame
from present.format import fmt_spec
from present.strings import t
from ui.tables import show_table

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


def _whole_numbers_as_int(out: pd.DataFrame) -> pd.DataFrame:
    """Float columns that hold only whole numbers (pupil counts with a hole) become integers: '74', not '74,0'."""
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_float_dtype(s):
            v = s.dropna().to_numpy(dtype=float)
            if len(v) and np.isfinite(v).all() and (v == np.round(v)).all() and (np.abs(v) < 2**53).all():
                out[col] = s.astype("Int64")
    return out


def export_frame(table: pd.DataFrame, suppressed: Sequence[bool] | pd.Series | None = None) -> pd.DataFrame:
    """The table as written to file: whole-number columns as integers, empty number cells of suppressed rows '*'."""
    out = _whole_numbers_as_int(table.reset_index(drop=True).copy())
    if suppressed is None:
        return out
    mask = np.asarray(suppressed, dtype=bool)
    if len(mask) != len(out):
        raise ValueError("suppressed must have one entry per table row")
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            hole = mask & s.isna().to_numpy(dtype=bool)
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
        if frame[col].dtype == object or isinstance(frame[col].dtype, (pd.StringDtype, pd.CategoricalDtype)):
            frame[col] = frame[col].astype(object).map(lambda v: _csv_cell(_one_newline(neutralise_cell(v))))
    frame.columns = [neutralise_cell(str(c)) for c in frame.columns]
    text = frame.to_csv(sep=";", decimal=",", index=False, lineterminator="\n")
    if footer:
        text += "\n" + "\n".join(neutralise_cell(str(line)) for line in footer) + "\n"
    return text.encode("utf-8-sig")


def _one_newline(v):
    """A bare CR would end the row in Excel but is not quoted by the CSV writer: write it as LF (quoted)."""
    return v.replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) else v


def _csv_cell(v):
    if v is pd.NA:
        return ""
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating)):
        return v
    if isinstance(v, (float, np.floating)) and np.isnan(v):
        return ""
    return fmt_spec(v)


def plain_csv_bytes(table: pd.DataFrame, suppressed=None, footer: Sequence[str] = ()) -> bytes:
    """Plain CSV (comma-separated, decimal point, UTF-8) for other programs than Norwegian Excel.

    Whole-number columns are written without decimals, '*' marks suppressed cells, as in ``csv_bytes``.
    """
    frame = export_frame(table, suppressed)
    text = frame.to_csv(sep=",", decimal=".", index=False, lineterminator="\n")
    if footer:
        text += "\n" + "\n".join(str(line) for line in footer) + "\n"
    return text.encode("utf-8")


def excel_bytes(table: pd.DataFrame, suppressed=None, footer: Sequence[str] = (), sheet: str = "Tabell") -> bytes:
    """An .xlsx file of the table (numbers as numbers, '*' for suppressed), footer lines below it."""
    frame = neutralise_frame(export_frame(table, suppressed))
    buf = io.BytesIO()
    sheet = (sheet or "Tabell")[:31]
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet, index=False)
        ws = writer.sheets[sheet]
        row = len(frame) + 3
        for line in footer:
            ws.cell(row=row, column=1, value=neutralise_cell(str(line)))
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
    show_table(table, suppressed=suppressed, width="stretch", height=height, key=f"{key}_table",
               column_config=column_config)
    src = source_line()
    if note and show_note:
        st.caption(note)
    st.caption(src)
    footer = [line for line in (title, note, src) if line]
    base = _safe_name(filename)
    c1, c2, c3 = st.columns(3)
    with c1:
        st.download_button(
            t("common.download_csv_excel"), data=partial(csv_bytes, table, suppressed, footer),
            file_name=f"{base}.csv", mime=CSV_MIME, key=f"{key}_csv", on_click="ignore",
            help=t("common.download_csv_help"),
        )
    with c3:
        st.download_button(
            t("common.download_csv"), data=partial(plain_csv_bytes, table, suppressed, footer),
            file_name=f"{base}_komma.csv", mime=CSV_MIME, key=f"{key}_plain_csv", on_click="ignore",
            help=t("common.download_csv_help"),
        )
    with c2:
        st.download_button(
            t("common.download_xlsx"), data=partial(excel_bytes, table, suppressed, footer),
            file_name=f"{base}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore",
        )
