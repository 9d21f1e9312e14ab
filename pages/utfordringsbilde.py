"""Utfordringsbilde og rapport: choose what goes in, preview it, export PDF or DOCX with progress.

Thin view over ``report`` (model, charts, PDF, DOCX). Findings and the checklist come from the findings
store; the uttrekk model is memoised per data version.
"""

from __future__ import annotations

import logging
import time

import pandas as pd
import streamlit as st

import data
from analysis import uttrekk as u
from data.catalogue import UTTREKK_SET, indicator_label
from report import ReportOptions, build_report, render_docx, render_pdf
from report.batch import safe_filename
from report.images import ImageExportError, warm_up
from report.model import Bullets, Figure, Paragraph, Subheading, Table
from report.pdf import PdfExportError
from ui import findings_widgets as fw
from ui.state import data_token, kommune_row, selected_kommune
from present.format import fmt_number
from present.strings import t
from ui.tables import show_table
from ui.charts import show_chart

log = logging.getLogger(__name__)


# Shared, not copied: st.cache_data would unpickle the ~14 MB result on every run of every session.
@st.cache_resource(show_spinner=False, max_entries=2)
def uttrekk_model(token: str) -> u.UttrekkResult:
    return u.compute(data.load_dataset())


@st.cache_data(show_spinner=False, max_entries=64)
def schools_of(token: str, kommune_id: str) -> dict[str, str]:
    res = uttrekk_model(token)
    s = res.kommune_schools(kommune_id)
    return dict(zip(s["school_id"], s["school_name"]))


@st.cache_data(show_spinner=False, max_entries=16)
def cached_report(token: str, kommune_id: str, options: ReportOptions, findings_key: tuple, _findings, _checklist,
                  _agreement=None):
    """The report model, rebuilt only when the data, the choices or the findings/checklist/ratings change."""
    return build_report(kommune_id, options, findings=_findings, checklist=_checklist,
                        figures=data.load_dataset(), uttrekk=uttrekk_model(token), agreement=_agreement)


kommune_id = selected_kommune()
if not kommune_id:
    st.stop()
info = kommune_row(kommune_id)
st.title(t("ub.title", kommune=info["kommune_name"]))
st.caption(t("ub.intro"))
warm_up()  # start the chart renderer in the background so the first export is quick

token = data_token()
try:
    store = fw.findings_store()
    findings = store.list_findings(kommune_id)
    checklist = store.checklist(kommune_id)
    agreement = store.ratings().for_report(kommune_id)
except Exception:  # noqa: BLE001
    log.exception("findings unavailable for the report")
    st.warning(t("ub.findings_error"))
    findings, checklist, agreement = [], [], None

schools = schools_of(token, kommune_id)
keys = [f"{ind}|{subj}|{trinn}" for ind, subj, trinn in UTTREKK_SET]
with st.container(border=True):
    st.header(t("ub.choose"))
    c1, c2 = st.columns(2)
    chosen_keys = c1.multiselect(t("ub.indicators"), keys, default=keys, key="ub_indicators",
                                 format_func=lambda k: indicator_label(k.split("|")[0], k.split("|")[1],
                                                                       int(k.split("|")[2])))
    chosen_schools = c2.multiselect(t("ub.schools"), list(schools), default=list(schools), key="ub_schools",
                                    format_func=schools.get)
    flags = {}
    cols = st.columns(4)
    for i, name in enumerate(("indicators", "schools", "uttrekk", "findings", "questions", "agreement", "checklist",
                              "methods", "rejected")):
        flags[name] = cols[i % 4].checkbox(t(f"ub.inc.{name}"), value=name != "rejected", key=f"ub_inc_{name}")

if flags["indicators"] and not chosen_keys:
    st.warning(t("ub.no_indicators"))
    st.stop()
options = ReportOptions(
    indicators=tuple((k.split("|")[0], k.split("|")[1], int(k.split("|")[2])) for k in chosen_keys),
    schools=tuple(chosen_schools) if len(chosen_schools) != len(schools) else None,
    include_indicators=flags["indicators"], include_schools=flags["schools"], include_uttrekk=flags["uttrekk"],
    include_findings=flags["findings"], include_questions=flags["questions"], include_checklist=flags["checklist"],
    include_methods=flags["methods"], include_rejected_findings=flags["rejected"], include_agreement=flags["agreement"],
)

try:
    with st.spinner(t("ub.building")):
        findings_key = (tuple((f.id, f.version) for f in findings), tuple((c.item_key, c.version) for c in checklist),
                        None if agreement is None else (agreement[0].id, agreement[0].is_open,
                                                        tuple(agreement[1]["rating_id"]),
                                                        str(agreement[1]["updated_at"].max())))
        report = cached_report(token, kommune_id, options, findings_key, findings, checklist, agreement)
except Exception:  # noqa: BLE001
    log.exception("report model failed")
    st.error(t("ub.error", message=t("ub.error_build")))
    st.stop()

# --- export ---------------------------------------------------------------------------------------
st.header(t("ub.export"))
base = f"utfordringsbilde_{kommune_id}_{safe_filename(info['kommune_name'])}"
e1, e2 = st.columns(2)
EXPORTS = {"pdf": (e1, render_pdf, "application/pdf"),
           "docx": (e2, render_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")}
# One export at a time: the click only marks the job; both buttons are drawn disabled while it runs, so a
# second click can neither start a second job nor silently cancel the first (a rerun would).
busy = st.session_state.get("ub_exporting")
for kind, (col, fn, mime) in EXPORTS.items():
    col.button(t(f"ub.make_{kind}"), key=f"ub_make_{kind}", type="primary" if kind == "pdf" else "secondary",
               disabled=busy is not None, on_click=st.session_state.__setitem__, args=("ub_exporting", kind))
    message = st.session_state.get(f"ub_msg_{kind}")
    if message:
        (col.error if message[0] == "error" else col.caption)(message[1])
    saved = st.session_state.get(f"ub_file_{kind}")
    if saved and saved[0] == kommune_id:
        col.download_button(t(f"ub.download_{kind}"), saved[1], file_name=f"{base}.{kind}", mime=mime,
                            key=f"ub_download_{kind}")
if busy in EXPORTS:
    col, fn, _ = EXPORTS[busy]
    bar = col.progress(0.0, text=t("ub.working"))
    t0 = time.perf_counter()
    try:
        blob = fn(report, progress=lambda frac, text, bar=bar: bar.progress(min(frac, 1.0), text=text))
        st.session_state[f"ub_file_{busy}"] = (kommune_id, blob)
        st.session_state[f"ub_msg_{busy}"] = ("done", t("ub.done", seconds=fmt_number(time.perf_counter() - t0, 1)))
    except (ImageExportError, PdfExportError) as exc:
        st.session_state[f"ub_msg_{busy}"] = ("error", t("ub.error", message=str(exc)))
    except Exception:  # noqa: BLE001
        log.exception("export failed")
        st.session_state[f"ub_msg_{busy}"] = ("error", t("ub.error", message=t("ub.error_unknown")))
    finally:
        st.session_state["ub_exporting"] = None
    st.rerun()

# --- preview --------------------------------------------------------------------------------------
st.header(t("ub.preview"))
with st.container(border=True):
    st.markdown(f"## {report.title}")
    st.caption(report.subtitle)
    st.caption(report.source_line)
    for i, sec in enumerate(report.sections):
        st.markdown(f"### {sec.title}")
        for j, b in enumerate(sec.blocks):
            if isinstance(b, Subheading):
                st.markdown(f"#### {b.text}")
            elif isinstance(b, Paragraph):
                (st.caption if b.note else st.markdown)(fw.md_escape(b.text) if not b.note else b.text)
            elif isinstance(b, Bullets):
                st.markdown("\n".join(f"- {fw.md_escape(x)}" for x in b.items))
            elif isinstance(b, Table):
                show_table(pd.DataFrame(b.rows, columns=b.columns), hide_index=True, width="stretch")
                if b.caption:
                    st.caption(b.caption)
            elif isinstance(b, Figure):
                show_chart(b.fig, width="stretch", key=f"ub_fig_{i}_{j}")
                st.caption(b.caption)
