"""«Felles forståelse» in the utfordringsbilde report (issue 17): with a rating session that has ratings, the
report for Brekkestad (7290) has the section (who agrees on what, the means by role, r_wg with its interval),
in the model, the PDF and the DOCX, in bokmål and nynorsk; without ratings it has no such section."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from data.access import LOCAL_USER
from data.findings import Author, FindingIn, FindingsStore
from data.findings.ratings import RatingStore
from data.findings.scoped import ScopedStore
from data.findings.scoped_ratings import ParticipantRatings
from data.language import use_language
from present.strings import t
from report import ReportOptions, build_report, render_docx, render_pdf
from report.model import Bullets, Table

K = "7290"
KARI = Author("Kari Test", "veileder")
# Small and quick: no figures; the agreement section does not depend on them.
OPTIONS = ReportOptions(include_indicators=False, include_schools=False, include_uttrekk=False,
                        include_methods=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = FindingsStore(f"sqlite:///{tmp_path_factory.mktemp('funn') / 'f.sqlite'}")
    yield st
    st.dispose()


@pytest.fixture(scope="module")
def rated(store):
    lesing = store.create(FindingIn(K, "Svak lesing på mellomtrinnet", "utfordring"), KARI)
    samarbeid = store.create(FindingIn(K, "Lite samarbeid mellom skolene", "utfordring"), KARI)
    rs = RatingStore(store)
    assert ScopedStore(store, LOCAL_USER).ratings().for_report(K) is None
    rs.create_session(K, "Tom økt", anonymous=True, author=KARI)  # no ratings: not what the report uses
    sess = rs.create_session(K, "Samling i mars", anonymous=True, author=KARI)
    for key, role, (l_imp, s_imp) in (("a", "skoleleder", (5, 1)), ("b", "skoleleder", (4, 2)),
                                      ("c", "skoleeier", (5, 5)), ("d", "skoleeier", (4, 4))):
        p = ParticipantRatings(rs, sess.code, key * 32)
        p.rate(role=role, finding_id=lesing.id, importance=l_imp, certainty=3)
        p.rate(role=role, finding_id=samarbeid.id, importance=s_imp, certainty=3)
    rs.set_open(sess.code, False, KARI)
    return ScopedStore(store, LOCAL_USER).ratings().for_report(K), store.list_findings(K)


def _build(agreement, findings, options=OPTIONS):
    return build_report(K, options, findings=findings, agreement=agreement, created=date(2026, 12, 1))


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_report_with_ratings_has_the_section_in_pdf_and_docx(rated, lang):
    agreement, findings = rated
    with use_language(lang):
        rep = _build(agreement, findings)
        title = t("nav.felles")
        heads = rep.headings()
        assert title in heads and heads.index(title) == heads.index(t("rep.questions")) + 1
        sec = next(s for s in rep.sections if s.title == title)
        a, b = t("felles.role_plural.skoleleder"), t("felles.role_plural.skoleeier")
        agree = t("felles.pair_enige", a=a[0].upper() + a[1:], b=b, items="«Svak lesing på mellomtrinnet»")
        disagree = t("felles.pair_uenige", a=a[0].upper() + a[1:], b=b, items="«Lite samarbeid mellom skolene»")
        sentences = [i for blk in sec.blocks if isinstance(blk, Bullets) for i in blk.items]
        assert agree in sentences and disagree in sentences
        intro = t("rep.felles.session", title="Samling i mars", state=t("rep.felles.closed"),
                  date=agreement[0].created_at.astimezone().strftime("%d.%m.%Y"))
        assert sec.blocks[0].text == intro
        tables = [blk for blk in sec.blocks if isinstance(blk, Table)]
        rwg_col = t("felles.col.rwg")
        assert [rwg_col in tb.columns for tb in tables] == [False, True]
        cells = dict(zip(tables[1].columns, tables[1].rows[0]))
        assert cells[t("felles.col.challenge")] == "Svak lesing på mellomtrinnet"
        assert "(" in cells[rwg_col] and "–" in cells[rwg_col] and "." not in cells[rwg_col]  # interval, comma
        pdf = " ".join((pg.extract_text() or "") for pg in PdfReader(io.BytesIO(render_pdf(rep))).pages)
        flat = " ".join(pdf.split())
        assert title in flat and "Samling i mars" in flat and t("felles.col.challenge") in flat
        assert " ".join(agree.split()) in flat
        doc = Document(io.BytesIO(render_docx(rep)))
        paras = [p.text for p in doc.paragraphs]
        assert title in paras and agree in paras and intro in paras
        doc_cells = {c.text for tb in doc.tables for row in tb.rows for c in row.cells}
        assert rwg_col in doc_cells and "Lite samarbeid mellom skolene" in doc_cells


def test_report_without_ratings_has_no_section(rated, store):
    agreement, findings = rated
    for lang in ("nb", "nn"):
        with use_language(lang):
            assert t("nav.felles") not in _build(None, findings).headings()
            off = ReportOptions(**{**OPTIONS.__dict__, "include_agreement": False})
            assert t("nav.felles") not in _build(agreement, findings, off).headings()
    # Another kommune with findings but no ratings: the store gives nothing, the report has no section.
    other = ScopedStore(store, LOCAL_USER).ratings().for_report("7190")
    assert other is None
    rep = build_report("7190", OPTIONS, agreement=other, created=date(2026, 12, 1))
    assert t("nav.felles") not in rep.headings() and t("felles.no_ratings") not in rep.plain_text()


def test_the_report_page_previews_the_section(tmp_path, monkeypatch):
    from data.findings import get_store
    from tests.apptest import open_app

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'funn.db'}")
    store = get_store()
    f = store.create(FindingIn(K, "Lite samarbeid <b>mellom</b> skolene", "utfordring"), KARI)
    at = open_app("utfordringsbilde", kommune=K)
    assert t("nav.felles") not in [m.value for m in at.markdown]  # no ratings yet: no section
    rs = RatingStore(store)
    sess = rs.create_session(K, "Samling *i* mars", anonymous=True, author=KARI)
    for key, role, imp in (("a", "skoleleder", 5), ("b", "skoleeier", 1)):
        ParticipantRatings(rs, sess.code, key * 32).rate(role=role, finding_id=f.id, importance=imp, certainty=3)
    at = open_app("utfordringsbilde", kommune=K)
    shown = [m.value for m in at.markdown]
    assert f"### {t('nav.felles')}" in shown
    assert any("«Samling \\*i\\* mars»" in m for m in shown)  # user text escaped: shown as typed, no Markdown
    assert any("uenige om" in m and "Lite samarbeid" in m for m in shown)


def test_only_role_pairs_who_both_rated_are_compared(store):
    lesing = store.create(FindingIn("7190", "Få elever i klassene", "utfordring"), KARI)
    rs = RatingStore(store)
    sess = rs.create_session("7190", "Bare skoleledere", anonymous=True, author=KARI)
    ParticipantRatings(rs, sess.code, "z" * 32).rate(role="skoleleder", finding_id=lesing.id, importance=4,
                                                     certainty=4)
    agreement = ScopedStore(store, LOCAL_USER).ratings().for_report("7190")
    sec = next(s for s in build_report("7190", OPTIONS, agreement=agreement).sections if s.title == t("nav.felles"))
    texts = [b.text for b in sec.blocks if hasattr(b, "text")]
    assert t("rep.felles.no_pairs") in texts and not [b for b in sec.blocks if isinstance(b, Bullets)]
    assert texts.index(t("rep.felles.no_pairs")) == texts.index(t("rep.felles.lead")) + 1
    ParticipantRatings(rs, sess.code, "y" * 32).rate(role="laerer", finding_id=lesing.id, importance=1, certainty=4)
    agreement = ScopedStore(store, LOCAL_USER).ratings().for_report("7190")
    sec = next(s for s in build_report("7190", OPTIONS, agreement=agreement).sections if s.title == t("nav.felles"))
    items = [i for b in sec.blocks if isinstance(b, Bullets) for i in b.items]
    assert items and all(i.startswith("Lærere og tillitsvalgte og skoleledere") for i in items)  # not skoleeier
