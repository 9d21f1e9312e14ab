"""The utfordringsbilde report in nynorsk: every text, table, caption and chart text of Brekkestad's report
(demo data, every section, findings linked to indicators) built with ``use_language("nn")`` has no
bokmål-only word; the same report in bokmål still reads in bokmål."""

from __future__ import annotations

import re

import pytest

from data.language import use_language

# Words that differ between bokmål and nynorsk (the bokmål form), as they would appear in prose and charts.
BOKMAL_ONLY = re.compile(
    r"\b(ikke|hva|hvordan|hvor|hvilke[nt]?|hvorfor|fra|uten|bare|noen|noe|sammen|også|elever|elevene|skoler|"
    r"skolene|skolens|tallene|forskjell|forskjellen|svakere|bedre|vises|brukes|regnes|skjermet|skjermede|mulige|"
    r"kommuner|kommunene|andel|andelen|usikkerhet|sammenligninger|metoder|styrker|utfordringer|hypoteser|"
    r"lærer|tegner|lager|setter|ennå|hvis|mellom skoler|tallet|vinduet|dataene)\b", re.IGNORECASE)
# Text that comes from the findings users typed (kept as written) is not part of the check.
USER_TEXT = ("Lærerne samarbeider godt om lesing.", "Svake resultater i regning på 5. trinn.",
             "Hvorfor er spredningen så stor?", "Lite tid til oppfølging.", "To styrker til.")


@pytest.fixture(scope="module")
def uttrekk_result(demo_figures):
    from analysis import uttrekk as u

    return u.compute(demo_figures)


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    from data.findings import FindingsStore
    from data.findings.validation import Author, FindingIn, IndicatorLink

    store = FindingsStore("sqlite:///" + str(tmp_path_factory.mktemp("nn") / "f.db"))
    a = Author("Kari", "veileder")
    store.create(FindingIn("7290", USER_TEXT[0], "styrke", source="intervju"), a)
    store.create(FindingIn("7290", USER_TEXT[1], "utfordring", indicators=(
        IndicatorLink("np_mestring_1", "regning", 5), IndicatorLink("grunnskolepoeng")), schools=()), a)
    store.create(FindingIn("7290", USER_TEXT[2], "sporsmal"), a)
    store.create(FindingIn("7290", USER_TEXT[3], "hypotese"), a)
    store.create(FindingIn("7290", USER_TEXT[4], "styrke"), a)
    yield store.list_findings("7290"), store.checklist("7290")
    store.dispose()


def _figure_texts(fig) -> list[str]:
    lay = fig.layout
    out = [s for s in (lay.title.text, lay.xaxis.title.text, lay.yaxis.title.text) if s]
    out += [a.text for a in lay.annotations or [] if a.text]
    for tr in fig.data:
        out += [str(v) for v in (getattr(tr, "name", None), getattr(tr, "hovertemplate", None)) if v]
    return out


def _report_text(demo_figures, uttrekk_result, findings, lang: str) -> str:
    from report import build_report

    with use_language(lang):
        rep = build_report("7290", findings=findings[0], checklist=findings[1], figures=demo_figures,
                           uttrekk=uttrekk_result)
        text = rep.plain_text()
        charts = [s for f in rep.figures() for s in _figure_texts(f.fig)]
    for user in USER_TEXT:
        text = text.replace(user, "")
    return text + "\n" + "\n".join(charts)


def test_brekkestad_report_in_nynorsk_has_no_bokmal(demo_figures, uttrekk_result, findings):
    text = _report_text(demo_figures, uttrekk_result, findings, "nn")
    left = sorted({f"{m.group(0)!r} in {line[:160]!r}" for line in text.splitlines()
                   for m in [BOKMAL_ONLY.search(line)] if m})
    assert not left, "bokmål in the nynorsk report:\n" + "\n".join(left)
    for nn in ("Vedlegg: metodar", "Styrkar og utfordringar", "Tala: del på meistringsnivå 1, rekning, 5. trinn",
               "Støtte lærar", "Skjerma (for få elevar)", "Del av moglege risikopoeng (%)", "2 styrkar",
               "Indikatorane til Udir for uttrekket 2024"):
        assert nn in text, nn


def test_the_same_report_in_bokmal_stays_bokmal(demo_figures, uttrekk_result, findings):
    text = _report_text(demo_figures, uttrekk_result, findings, "nb")
    for nb in ("Vedlegg: metoder", "Tallene: andel på mestringsnivå 1", "Støtte lærer", "Skjermet (for få elever)",
               "Andel av mulige risikopoeng (%)", "2 styrker"):
        assert nb.lower() in text.lower(), nb
