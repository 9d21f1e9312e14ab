"""AppTest for the Data page: upload a real sample, see the report, save, see the data on Oversikt."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.apptest import open_app

import data
from tests.bad_inputs import GOOD_ROWS, sp_file, sp_row

NP8 = "udir-np-skoler-nasjonalt/2022-23_20260224-1157_Nasjonale_proever_ungdomstrinn.csv"


def _data_page() -> AppTest:
    return open_app("data", check_errors=False)


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    parts += [h.value for h in at.header] + [h.value for h in at.title]
    parts += [s.value for s in at.success] + [i.value for i in at.info] + [str(m.label) for m in at.metric]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # as rendered: file texts are Markdown-escaped


def test_upload_report_save_and_oversikt(realdata, data_folder):
    at = _data_page()
    assert "150 MB" in _texts(at)
    path = realdata / NP8
    at.file_uploader(key="import_uploads").set_value((path.name, path.read_bytes(), "text/csv")).run()
    at.button(key="import_check").click().run()
    assert not at.exception and not at.error
    text = _texts(at)
    assert "Kontrollrapport" in text and "Skjermet" in " ".join(str(d.value) for d in at.dataframe)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Linjer lest"] == "1 536" and metrics["Tall importert"] == "4 608"
    at.radio(key="import_mode").set_value("replace").run()
    at.button(key="import_save").click().run()
    assert not at.exception and at.success and "Importen er lagret" in at.success[0].value
    # The message says what the import made possible (kommuner under today's numbers, uttrekk coverage).
    assert "Importen gjør dette mulig: 356 kommuner" in at.success[0].value
    assert "0 av 11 uttrekksindikatorer" in at.success[0].value
    assert data.dataset_info().is_demo is False

    at.switch_page("pages/oversikt.py").run()
    assert not at.exception

    # A new session (as after a restart): Oversikt shows the imported kommuner and names the source.
    fresh = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120).run()
    assert not fresh.exception
    assert "Importerte data: Udir statistikkbanken" in _texts(fresh)
    assert "Demodata" not in _texts(fresh)
    options = [str(o) for o in fresh.sidebar.selectbox[0].options]
    # 355 kommune numbers of 2022-23: Ålesund 1507 (split in 2024) is historical and leaves the picker; its
    # schools, placed by organisation number, bring today's Ålesund 1508 and Haram 1580.
    assert any("Arendal" in o for o in options) and len(options) == 356, len(options)
    assert not any("(2020 - 2023)" in o for o in options)


def test_bad_file_shows_message_and_changes_nothing(data_folder):
    at = _data_page()
    bad = sp_file(GOOD_ROWS + [sp_row(value="40")]).encode()
    at.file_uploader(key="import_uploads").set_value(("feil.csv", bad, "text/csv")).run()
    at.button(key="import_check").click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error).replace("\\", "")
    assert "Ingenting er endret" in errors and "feil.csv" in errors and "Motstridende tall" in errors
    assert not [b for b in at.button if b.key == "import_save"]  # nothing to save
    assert data.dataset_info().sources == ("demo",)
