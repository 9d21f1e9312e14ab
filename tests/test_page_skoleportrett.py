"""Skoleportrett: the analysis rows equal the Skoler page's comparison, the verdicts never blame a
school for an uncertain difference, the one-page PDF (school's name, no suppressed value), and the page."""

from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

import data
from analysis import selection
from analysis.portrait import certainty, school_portrait
from analysis.window import last_school_years
from data import demo
from data.findings import Author, FindingIn, get_store
from present import portrait_text as pt
from present.strings import t
from report.portrait import build_portrait, portrait_pdf
from tests.apptest import open_app

KOMMUNE = demo.SHOWCASE_SPREAD


@pytest.fixture(scope="module")
def weak_school() -> tuple[str, str]:
    df = data.load_dataset()
    sch = df[(df["level"] == "skole") & (df["kommune_id"] == KOMMUNE)]
    hit = sch[sch["unit_name"] == demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME]
    return str(hit["unit_id"].iloc[0]), demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME


@pytest.fixture(scope="module")
def portrait(weak_school) -> pd.DataFrame:
    return school_portrait(data.load_dataset(), data.kommune_lineage(KOMMUNE), weak_school[0])


def test_rows_are_the_skoler_comparison(portrait, weak_school):
    """Reuse, not a copy: every row equals selection.school_comparison for that indicator."""
    assert len(portrait) >= 5
    df = data.load_dataset()
    for _, r in portrait.iterrows():
        sl = selection.slice_indicator(df, r["indicator"], r["subject"], int(r["trinn"]), "alle")
        window = last_school_years(sl["period"].unique())
        comp = selection.school_comparison(sl, data.kommune_lineage(KOMMUNE), window)
        c = comp[comp["school_id"] == weak_school[0]].iloc[0]
        assert c["classification"] == r["classification"]
        for col in ("estimate", "lower", "upper", "rest_estimate", "diff_lower", "diff_upper"):
            np.testing.assert_allclose(float(c[col]), float(r[col]), equal_nan=True)
        assert tuple(window) == tuple(r["window"])
    # The showcase weak school is surely below the rest on grunnskolepoeng, and drives the spread.
    gsp = portrait[portrait["indicator"] == "grunnskolepoeng"].iloc[0]
    assert gsp["classification"] == "svakere" and gsp["certainty"] == "sikker"
    assert gsp["spread_share"] > 0.5


def test_certainty_and_verdicts_never_blame_an_uncertain_difference():
    assert certainty("svakere", False, False) == "sikker"
    assert certainty("ikke_sikker", False, False) == "usikker"
    assert certainty("ikke_sikker", True, False) == "stor_usikkerhet"
    assert certainty("svakere", False, True) == "ingen_data"
    assert certainty("ingen_data", False, False) == "ingen_data"
    row = {"suppressed": False, "certainty": "usikker", "classification": "ikke_sikker", "rest_reason": ""}
    text = pt.verdict(row)
    assert "tilfeldigheter i hvilke elever som gikk på skolen" in text
    assert "svakere" not in text.lower()
    row.update(certainty="stor_usikkerhet")
    assert "for få elever" in pt.verdict(row)
    row.update(certainty="sikker", classification="svakere")
    assert "ikke en dom over skolen" in pt.verdict(row)
    assert "skjermet" in pt.verdict({"suppressed": True, "certainty": "ingen_data", "classification": "x"})


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:,\d+)?", text))


def test_pdf_is_one_page_with_the_name_and_no_suppressed_value(portrait, weak_school):
    assert portrait["suppressed"].any(), "the showcase school needs a suppressed indicator for this test"
    f = [type("F", (), {"kind_label": "Utfordring", "text": f"Funn nummer {i} om lesing " + "og mer tekst " * 150})()
         for i in range(9)]
    q = [type("F", (), {"kind_label": "Spørsmål", "text": "Hvorfor gikk tallet ned i 2024?"})()]
    rep = build_portrait(portrait, school_name=weak_school[1], kommune_id=KOMMUNE, kommune_name="Brekkestad",
                         fylke_name="Fylke", findings=f, questions=q)
    reader = PdfReader(io.BytesIO(portrait_pdf(rep)))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    flat = " ".join(text.split())
    assert weak_school[1] in flat
    assert "Hvorfor gikk tallet ned i 2024?" in flat
    assert "og 5 til" in flat  # nine findings cut to four
    # Every suppressed indicator is printed as «skjermet» and none of its cells holds a figure.
    table, supp = pt.portrait_table(portrait)
    for (_, cells), s in zip(table.iterrows(), supp):
        if s:
            assert cells[t("portrett.col.school")] == t("common.suppressed")
            assert cells[t("common.n")] == t("common.suppressed")
            assert cells[t("portrett.col.difference")] == "–"
            assert cells[t("portrett.col.spread")] == "–"
    assert flat.count("skjermet") >= 2 * int(supp.sum())
    # No school figure the source hid can be reconstructed: the rest of the kommune is not printed in a
    # year where the school is suppressed (the pooled rest comes only from years with published school figures).
    for _, r in portrait[portrait["suppressed"]].iterrows():
        assert not np.isfinite(float(r["estimate"]))


def test_page_shows_the_school_and_saves_a_finding(weak_school, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'funn.db'}")
    store = get_store()
    store.create(FindingIn(KOMMUNE, "Hvordan brukes kartleggingen på mellomtrinnet?", "sporsmal",
                           schools=(weak_school[0],)), Author("Kari", "veileder"))
    at = open_app("skoleportrett", kommune=KOMMUNE, skole=weak_school[0])
    assert at.title[0].value == t("portrett.title", school=weak_school[1])
    table = next(d.value for d in at.dataframe if t("portrett.col.certainty") in d.value.columns)
    assert len(table) >= 5
    texts = " ".join(x.value for x in at.text)
    assert "står skolen for" in texts
    assert "Hvordan brukes kartleggingen på mellomtrinnet?" in texts + " ".join(m.value for m in at.markdown)
    # A skoleleder adds a finding about the school from the portrait.
    form_text = next(a for a in at.text_area if a.label == t("funn.text"))
    form_text.set_value("Vi har nye lærere i lesing fra høsten.")
    at.text_input(key="portrett_add_form_author_name").set_value("Siri") if any(
        ti.key == "portrett_add_form_author_name" for ti in at.text_input) else None
    next(b for b in at.button if b.label == t("funn.save")).click().run()
    saved = [f for f in store.list_findings(KOMMUNE, schools=[weak_school[0]]) if f.text.startswith("Vi har nye")]
    assert len(saved) == 1 and saved[0].schools == (weak_school[0],)
    # The PDF button makes a download.
    next(b for b in at.button if b.label == t("portrett.pdf_button")).click().run()
    assert not at.exception


def test_skoler_page_links_to_the_portrait(weak_school):
    at = open_app("skoler", kommune=KOMMUNE)
    at.selectbox(key="skoler_portrait_pick").set_value(weak_school[0]).run()
    links = [el.proto for el in at.get("page_link") if el.proto.label == t("skoler.portrait_link")]
    assert len(links) == 1
    assert f"skole={weak_school[0]}" in links[0].query_string and f"kommune={KOMMUNE}" in links[0].query_string
