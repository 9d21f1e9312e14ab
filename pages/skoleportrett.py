"""Skoleportrett: one school (``?skole=<orgnr>``) against the rest of its kommune, for its leader.

The figures and verdicts (``analysis.portrait`` → ``present.portrait_text``), the school's share of the
between-school spread, the findings linked to the school and the open questions, a form to add a
finding or comment about the school (``ui.findings_form``) and a one-page PDF (``report.portrait``).
"""

from __future__ import annotations

import streamlit as st

from present import portrait_text as pt
from present.strings import t
from report.pdf import PdfExportError
from report.portrait import build_portrait, portrait_pdf
from ui import portrait_data as pdata
from ui.downloads import table_with_downloads
from ui.findings_cards import findings_list
from ui.findings_form import add_finding_form
from ui.state import page_kommune, param_choice

kommune_id, info, token = page_kommune()
schools = pdata.schools_of(token, kommune_id)
if not schools:
    st.title(t("nav.skoleportrett"))
    st.warning(t("portrett.no_schools"))
    st.stop()
school_id = param_choice(t("portrett.choose_school"), list(schools), "skole", key="portrett_skole",
                         format_func=lambda s: schools.get(s, s))
school = schools[school_id]
st.title(t("portrett.title", school=school))
st.markdown(t("portrett.intro"))

p = pdata.portrait(token, kommune_id, school_id)
if p.empty:
    st.info(t("portrett.no_figures"))
    st.stop()

st.header(t("portrett.figures_heading"))
st.text(pt.summary(p, school))
table, supp = pt.portrait_table(p)
caption = t("portrett.figures_caption", window=pt.windows_text(p))
table_with_downloads(table, key="portrett", filename=f"skoleportrett_{school_id}", suppressed=supp, note=caption,
                     title=t("portrett.title", school=school), show_note=True)
st.caption(t("portrett.report_reading"))

st.header(t("portrett.verdict_heading"))
for line in pt.verdict_groups(p):
    st.text("• " + line)

st.header(t("portrett.spread_heading"))
spread = pt.spread_sentences(p)
if spread:
    for line in spread:
        st.text("• " + line)
else:
    st.info(t("portrett.spread_none"))
st.caption(t("portrett.spread_note"))

findings, questions = pdata.school_findings(kommune_id, school_id)
st.header(t("portrett.findings_heading"))
if findings:
    findings_list(findings, key="portrett_funn", editable=False, show_chart=False, compact=True)
else:
    st.caption(t("portrett.findings_none"))
st.header(t("portrett.questions_heading"))
if questions:
    findings_list(questions, key="portrett_sporsmal", editable=False, show_chart=False, compact=True)
else:
    st.caption(t("portrett.questions_none"))
with st.expander(t("portrett.add_heading"), icon=":material/edit_note:"):
    add_finding_form({"kommune_id": kommune_id, "school": school_id}, key="portrett_add")

st.header(t("portrett.pdf_heading"))
pdf_key = f"portrett_pdf_{kommune_id}_{school_id}"
if st.button(t("portrett.pdf_button"), key="portrett_pdf_make", icon=":material/picture_as_pdf:"):
    report = build_portrait(p, school_name=school, kommune_id=kommune_id, kommune_name=info["kommune_name"],
                            fylke_name=info["fylke_name"], findings=findings, questions=questions)
    try:
        st.session_state[pdf_key] = portrait_pdf(report)
    except PdfExportError as exc:
        st.error(t("portrett.pdf_error", error=str(exc)))
if st.session_state.get(pdf_key):
    st.download_button(t("portrett.pdf_download"), st.session_state[pdf_key], file_name=f"skoleportrett_{school_id}.pdf",
                       mime="application/pdf", key="portrett_pdf_download", icon=":material/download:")
