"""Data: upload real exports, check them (preview + validation report), then add them or replace the demo.

Thin view: reading and checking is ``data.importers.import_files``; saving is ``save_import``.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

import data
from data.catalogue import INDICATORS
from data.importers import (
    MAX_FILE_BYTES,
    MAX_FILE_MB,
    KommuneHint,
    clear_imports,
    import_files,
    read_state,
    save_import,
)

log = logging.getLogger(__name__)
RESULT_KEY = "data_import_result"

# User-visible texts of this page (to be folded into ui/strings.py by the owner of that module).
T = {
    "title": "Data",
    "intro": (
        "Her legger du inn ekte tall slik de lastes ned, uten å redigere dem i Excel først: "
        "Skoleporten-nedlastinger (CSV), eksporter fra Udirs statistikkbank (CSV eller Excel) og SSB-tabeller "
        "i JSON-stat2 (befolkning, utdanningsnivå, uføretrygd, barnevern, KOSTRA-gruppe)."
    ),
    "now": "**Data som vises nå:** {label}",
    "now_sources": "Importerte filer: {sources}",
    "uploader": "Last opp én eller flere filer",
    "uploader_help": "CSV, TSV/TXT, XLSX eller JSON. Største filstørrelse: {mb} MB per fil.",
    "limit": "Største filstørrelse er **{mb} MB per fil**. Større eksporter kan deles opp, for eksempel per skoleår.",
    "kommune_head": "Kommune for filer med bare skolenavn (Skoleporten)",
    "kommune_help": (
        "Skoleportens nedlasting har skolenavn, men ikke skole- eller kommunenummer. Oppgi kommunen filen gjelder, "
        "så knyttes skolene til den (og til skoler med samme navn som alt finnes i kommunen). Uten kommune legges "
        "skolene under 9999 «Uoppgitt kommune»."
    ),
    "kommune_id": "Kommunenummer (fire sifre)",
    "kommune_name": "Kommunenavn",
    "kommune_bad": "Kommunenummeret må ha fire sifre (for eksempel 1103). Feltet er ignorert.",
    "check": "Les og kontroller filene",
    "reading": "Leser filene …",
    "too_big": "«{name}» er {size:.0f} MB. Grensen er {mb} MB per fil. Del opp eksporten og last opp delene.",
    "failed": "Importen stoppet. Ingenting er endret i dataene som vises.",
    "report_head": "Kontrollrapport",
    "file": "Fil: {name}",
    "format": "Format: {fmt} · tegnkoding: {enc} · skilletegn/ark: {sep}",
    "rows_read": "Linjer lest",
    "rows_mapped": "Tall importert",
    "rows_skipped": "Hoppet over",
    "duplicates": "Duplikater fjernet",
    "n_unknown": (
        "{count} tall har ikke antall elever i filen (**n ukjent**). De vises, men uten usikkerhetsintervall, "
        "fordi intervallet krever antall elever."
    ),
    "markers": "Markører funnet",
    "skipped": "Rader hoppet over, med årsak",
    "unknown": "Ukjente enheter, indikatorer eller verdier",
    "notes": "Merknader",
    "mapped": "Tall per indikator, nivå og skoleår",
    "preview": "Forhåndsvisning (de første 50 radene)",
    "mode": "Hvordan skal tallene brukes?",
    "mode_add": "Legg til demodataene (demo og ekte tall side om side)",
    "mode_replace": "Erstatt demodataene (bare ekte tall)",
    "save": "Lagre importen",
    "saved": "Importen er lagret: {rows} tall. Datakilden er nå «{label}». Se siden «Oversikt».",
    "save_failed": "Importen kunne ikke lagres: {error} Ingenting er endret.",
    "context_rows": "Kontekst for {count} kommuner",
    "clear_head": "Tilbake til demodata",
    "clear": "Fjern alle importerte data",
    "cleared": "Importerte data er fjernet. Appen viser demodataene igjen.",
    "error": "Noe gikk galt på denne siden. Feilen er logget. Ingenting er endret i dataene.",
    "col.reason": "Årsak", "col.rows": "Antall", "col.lines": "Eksempel på linjer",
    "col.marker": "Markør", "col.what": "Hva", "col.indicator": "Indikator", "col.level": "Nivå",
    "col.period": "Skoleår",
}


def _kommune_hint() -> KommuneHint | None:
    with st.expander(T["kommune_head"]):
        st.caption(T["kommune_help"])
        c1, c2 = st.columns(2)
        kid = c1.text_input(T["kommune_id"], key="import_kommune_id").strip()
        kname = c2.text_input(T["kommune_name"], key="import_kommune_name").strip()
    if not kid:
        return None
    if not (len(kid) == 4 and kid.isdigit()):
        st.warning(T["kommune_bad"])
        return None
    return KommuneHint(kid, kname or kid)


def _read_uploads(uploads) -> list[tuple[str, bytes]] | None:
    files = []
    for up in uploads:
        if up.size > MAX_FILE_BYTES:  # refused before the bytes are read
            st.error(T["too_big"].format(name=up.name, size=up.size / 1024 / 1024, mb=MAX_FILE_MB))
            return None
        files.append((up.name, up.getvalue()))
    return files


def _run_import(files: list[tuple[str, bytes]], hint: KommuneHint | None) -> None:
    bar = st.progress(0.0, text=T["reading"])

    def progress(fraction: float, text: str) -> None:
        bar.progress(min(1.0, max(0.0, fraction)), text=text)

    existing = data.load_dataset() if hint else None
    result = import_files(files, kommune=hint, existing=existing, progress=progress)
    bar.empty()
    st.session_state[RESULT_KEY] = result


def _report(result) -> None:
    st.subheader(T["report_head"])
    for rep in result.reports:
        with st.container(border=True):
            st.markdown(f"**{T['file'].format(name=rep.file_name)}**")
            if rep.format_label:
                st.caption(T["format"].format(fmt=rep.format_label, enc=rep.encoding or "–", sep=rep.delimiter or "–"))
            c = st.columns(4)
            c[0].metric(T["rows_read"], f"{rep.rows_read:,}".replace(",", " "))
            c[1].metric(T["rows_mapped"], f"{rep.rows_mapped:,}".replace(",", " "))
            c[2].metric(T["rows_skipped"], f"{rep.rows_skipped:,}".replace(",", " "))
            c[3].metric(T["duplicates"], f"{rep.duplicates_removed:,}".replace(",", " "))
            if rep.n_unknown:
                st.info(T["n_unknown"].format(count=f"{rep.n_unknown:,}".replace(",", " ")))
            if rep.markers:
                st.markdown(f"**{T['markers']}**")
                st.dataframe(pd.DataFrame([{T["col.marker"]: k, T["col.rows"]: v} for k, v in rep.markers.items()]),
                             hide_index=True)
            if rep.skipped:
                st.markdown(f"**{T['skipped']}**")
                tab = rep.skipped_table()
                tab.columns = [T["col.reason"], T["col.rows"], T["col.lines"]]
                st.dataframe(tab, hide_index=True)
            if rep.units_unknown:
                st.markdown(f"**{T['unknown']}**")
                st.dataframe(pd.DataFrame([{T["col.what"]: k, T["col.rows"]: v}
                                           for k, v in rep.units_unknown.most_common(20)]), hide_index=True)
            if rep.notes:
                st.markdown(f"**{T['notes']}**")
                for note in rep.notes[:15]:
                    st.markdown(f"- {note}")
            if rep.mapped is not None and len(rep.mapped):
                with st.expander(T["mapped"]):
                    m = rep.mapped.copy()
                    m["indicator"] = m["indicator"].map(lambda c: INDICATORS[c].label if c in INDICATORS else c)
                    m.columns = [T["col.indicator"], T["col.level"], T["col.period"], T["col.rows"]]
                    st.dataframe(m, hide_index=True)


def _save_section(result) -> None:
    if len(result.figures):
        st.markdown(f"**{T['preview']}**")
        st.dataframe(result.figures.head(50), hide_index=True)
    if result.context is not None and len(result.context):
        st.markdown(f"**{T['context_rows'].format(count=len(result.context))}**")
        st.dataframe(result.context.head(50), hide_index=True)
    mode = st.radio(T["mode"], ["add", "replace"], key="import_mode",
                    format_func=lambda m: T["mode_add"] if m == "add" else T["mode_replace"])
    if st.button(T["save"], type="primary", key="import_save"):
        try:
            state = save_import(result, mode)
        except Exception as exc:  # a clear message; nothing half-written (atomic writes)
            log.exception("Saving the import failed")
            st.error(T["save_failed"].format(error=str(exc) if isinstance(exc, ValueError) else ""))
            return
        st.session_state.pop(RESULT_KEY, None)
        st.success(T["saved"].format(rows=f"{len(result.figures):,}".replace(",", " "), label=state["label"]))


def main() -> None:
    st.title(T["title"])
    st.markdown(T["intro"])
    info = data.dataset_info()
    st.markdown(T["now"].format(label=info.label))
    state = read_state()
    if state.get("sources"):
        st.caption(T["now_sources"].format(sources=", ".join(state["sources"])))
    st.caption(T["limit"].format(mb=MAX_FILE_MB))
    uploads = st.file_uploader(
        T["uploader"], type=["csv", "tsv", "txt", "xlsx", "json"], accept_multiple_files=True,
        max_upload_size=MAX_FILE_MB, help=T["uploader_help"].format(mb=MAX_FILE_MB), key="import_uploads",
    )
    hint = _kommune_hint()
    if uploads and st.button(T["check"], key="import_check"):
        files = _read_uploads(uploads)
        if files is not None:
            _run_import(files, hint)
    result = st.session_state.get(RESULT_KEY)
    if result is not None:
        if result.errors:
            st.error(T["failed"])
            for msg in result.errors:
                st.error(msg)
        _report(result)
        if result.ok:
            _save_section(result)
    if state.get("mode") in ("add", "replace"):
        st.divider()
        st.subheader(T["clear_head"])
        if st.button(T["clear"], key="import_clear"):
            clear_imports()
            st.session_state.pop(RESULT_KEY, None)
            st.success(T["cleared"])


try:
    main()
except Exception:  # never a traceback on screen
    log.exception("Data page failed")
    st.error(T["error"])
