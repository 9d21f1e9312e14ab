"""Every page in nynorsk (AppTest, Brekkestad 7290): no bokmål-only word in what a user reads — titles, texts,
captions, messages, widget labels, help and options, table headers and text cells, chart texts — and the Data page's
refusals and import report in nynorsk after a bad upload.

AppTest formats widget options in the test thread, outside the session, so the default language is set
to nynorsk as well (``UTFORDRINGSBILDE_LANG``); the session's choice comes from ``?sprak=nn``.
"""

from __future__ import annotations

import json
import re

import pytest

import data
from tests.apptest import open_app
from tests.bad_inputs import GOOD_ROWS, sp_file, sp_row

PAGES = ("oversikt", "utvikling", "skoler", "skoleportrett", "sammenlignbare", "uttrekk", "presenter", "funn", "maal",
         "sjekkliste", "utfordringsbilde", "felles_forstaelse", "statsforvalter", "data", "admin", "vurdering")
# The bokmål form of words whose nynorsk differs. Demo names (kommuner, schools) contain none of them.
BOKMAL_ONLY = re.compile(
    r"\b(ikke|hva|hvordan|hvor|hvilke[nt]?|hvorfor|hvem|fra|uten|bare|noen|noe|sammen|også|elever|elevene|skoler|"
    r"skolene|skolens|tallene|forskjell|forskjellen|svakere|bedre|vises|brukes|regnes|skjermet|skjermede|mulige|"
    r"kommuner|kommunene|andel|andelen|usikkerhet|sammenligninger|metoder|styrker|utfordringer|hypoteser|"
    r"ennå|hvis|tallet|vinduet|dataene|velg|navn|mangler|finnes|lagret|slettet|filen|forventet|linjen)\b",
    re.IGNORECASE)
KINDS = ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "success", "error",
         "metric", "button", "selectbox", "multiselect", "radio", "checkbox", "toggle", "text_input", "text_area",
         "number_input", "expander", "tabs", "date_input", "slider", "select_slider")


def _chart_texts(spec, key: str = "") -> list[str]:
    """The texts of a Plotly figure's JSON (``text``, ``name``, ``title``, ``hovertemplate``, tick labels)."""
    if isinstance(spec, dict):
        return [t for k, v in spec.items() for t in _chart_texts(v, k)]
    if isinstance(spec, list):
        return [t for v in spec[:60] for t in _chart_texts(v, key)]
    return [spec] if isinstance(spec, str) and key in ("text", "name", "title", "hovertemplate", "ticktext") else []


def _visible(at) -> list[tuple[str, str]]:
    """(element kind, text) of everything a user reads on the page."""
    out = []
    for kind in KINDS:
        for el in getattr(at, kind, []):
            out += [(kind, v) for v in (getattr(el, a, None) for a in ("value", "label", "help", "placeholder"))
                    if isinstance(v, str)]
            if kind in ("selectbox", "multiselect", "radio"):
                out += [(f"{kind} option", str(o)) for o in getattr(el, "options", [])]
    for chart in at.get("plotly_chart"):  # titles, axes, legend names, hover texts and annotations
        out += [("chart", text) for text in _chart_texts(json.loads(chart.proto.spec))]
    for table in [*at.dataframe, *at.table]:
        frame = table.value
        out += [("table header", str(c)) for c in frame.columns]
        for c in frame.columns:
            if frame[c].dtype == object:
                out += [("table cell", str(x)) for x in frame[c].head(40)]
    return [(k, re.sub(r"<[^>]+>", " ", s)) for k, s in out if not s.lstrip().startswith(("<style", "<script"))]


def _bokmal(at) -> list[str]:
    return sorted({f"[{kind}] {m.group(0)!r} in {text[:160]!r}" for kind, text in _visible(at)
                   for m in [BOKMAL_ONLY.search(text.replace("\\", ""))] if m})


@pytest.fixture
def nynorsk(monkeypatch):
    monkeypatch.setenv("UTFORDRINGSBILDE_LANG", "nn")


def test_the_sweep_sees_bokmal(monkeypatch):
    """The check can fail: the same page in bokmål is full of the words it looks for."""
    monkeypatch.setenv("UTFORDRINGSBILDE_LANG", "nb")
    at = open_app("skoler", kommune="7290", check_errors=False)
    assert len(_bokmal(at)) > 5


@pytest.mark.parametrize("page", PAGES)
def test_every_page_reads_in_nynorsk(nynorsk, page):
    at = open_app(None if page == "oversikt" else page, kommune="7290", sprak="nn", check_errors=False)
    assert len(_visible(at)) >= 3, "the page drew nothing"
    left = _bokmal(at)
    assert not left, f"bokmål on {page} in nynorsk:\n" + "\n".join(left[:30])


def _upload(at, name: str, raw: bytes):
    at.file_uploader(key="import_uploads").set_value((name, raw, "text/csv")).run()
    at.button(key="import_check").click().run()
    assert not at.exception
    return " ".join(e.value for e in at.error).replace("\\", "")


def test_data_page_refusals_in_nynorsk(nynorsk, data_folder):
    at = open_app("data", sprak="nn", check_errors=False)
    errors = _upload(at, "feil.csv", sp_file(GOOD_ROWS + [sp_row(value="40")]).encode())
    assert "Importen stoppa" in errors and "«feil.csv», linje 2: Motstridande tal: linjene 2, 5 gjeld same tal" in errors
    assert "Venta éin verdi per eining, indikator og skuleår" in errors
    errors = _upload(at, "tom.csv", b"")
    assert "«tom.csv»: Fila er tom (0 byte). Venta ein eksport med ei overskriftslinje og tal." in errors
    errors = _upload(at, "rapport.csv", b"%PDF-1.4 ...")  # a PDF saved with the wrong name
    assert "«rapport.csv»: Fila er ein PDF. Venta Skoleporten-nedlasting (CSV), eksport frå statistikkbanken" in errors
    left = _bokmal(at)
    assert not left, "bokmål on the Data page after a refusal:\n" + "\n".join(left)
    assert data.dataset_info().sources == ("demo",)  # nothing changed


def test_data_page_import_report_in_nynorsk(nynorsk, data_folder):
    """A file that imports with skipped rows: the skip reasons, notes and labels of the report in nynorsk."""
    at = open_app("data", sprak="nn", check_errors=False)
    rows = GOOD_ROWS + [sp_row(value="abc", period="2019-2020"), sp_row(kjonn="Ukjent", period="2019-2020"),
                        sp_row(period="1999", value="50")]
    errors = _upload(at, "skoleporten.csv", sp_file(rows).encode())
    assert not errors, errors
    cells = [str(x) for d in at.dataframe for c in d.value.columns for x in d.value[c]]
    assert any(c.startswith("Verdien er verken eit tal eller ein kjend markør") for c in cells), cells
    assert any(c.startswith("Ukjend kjønn (venta «Begge kjønn»") for c in cells), cells
    left = _bokmal(at)
    assert not left, "bokmål in the nynorsk import report:\n" + "\n".join(left)


@pytest.fixture
def populated(tmp_path, monkeypatch):
    """A findings database with findings, a checklist entry, a goal and a rating session for Brekkestad."""
    from data.findings import Author, ChecklistChanges, FindingIn, IndicatorLink, get_store
    from data.findings.goal_store import GoalStore
    from data.findings.goals import GoalIn
    from data.findings.ratings import RatingStore

    url = f"sqlite:///{tmp_path / 'funn.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = get_store(url)
    kari = Author("Kari", "veileder")
    made = [store.create(FindingIn("7290", text, kind, indicators=links, schools=schools), kari)
            for text, kind, links, schools in (
                ("Godt samarbeid", "styrke", (IndicatorLink("grunnskolepoeng", "", 10),), ()),
                ("Svak regning", "utfordring", (IndicatorLink("np_mestring_1", "regning", 5),), ("974000001",)),
                ("Kvifor?", "sporsmal", (), ()))]  # user text: in nynorsk, so it is not flagged
    store.update_checklist_item("7290", "hva_kommunen_er_god_pa", 0,
                                ChecklistChanges(status="pagar", responsible_role="skoleeier", note="Notat"), kari)
    base = store.base_store() if hasattr(store, "base_store") else store
    GoalStore(base).create(GoalIn("7290", "np_mestring_1", 20.0, "2027-28", subject="regning", trinn=5,
                                  finding_id=made[1].id, tiltak="Tidlig innsats"), kari)
    session = RatingStore(base).create_session("7290", "Samling", anonymous=True, author=kari)
    RatingStore(base).rate(session.code, participant="a" * 32, role="skoleeier", finding_id=made[1].id,
                           importance=4, certainty=3)
    yield session.code
    store.dispose()


@pytest.mark.parametrize("page", ("funn", "sjekkliste", "maal", "felles_forstaelse", "vurdering", "presenter",
                                  "utfordringsbilde"))
def test_pages_with_findings_goals_and_ratings_read_in_nynorsk(nynorsk, populated, page):
    params = {"okt": populated} if page == "vurdering" else {}
    at = open_app(page, kommune="7290", sprak="nn", check_errors=False, **params)
    left = _bokmal(at)
    assert not left, f"bokmål on {page} (with content) in nynorsk:\n" + "\n".join(left[:30])


@pytest.mark.parametrize("kommune, page", [("7390", "oversikt"), ("7390", "utvikling"), ("7190", "skoler"),
                                           ("7190", "uttrekk")])
def test_merged_and_one_school_kommuner_read_in_nynorsk(nynorsk, kommune, page):
    """Fjordbygd (merged in 2020: merger lines and notes) and Kvitholm (one school, suppressed years)."""
    at = open_app(None if page == "oversikt" else page, kommune=kommune, sprak="nn", check_errors=False)
    left = _bokmal(at)
    assert not left, f"bokmål on {page} for {kommune} in nynorsk:\n" + "\n".join(left[:30])
