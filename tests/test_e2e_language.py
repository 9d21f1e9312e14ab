"""Browser tests for issue 15: every page in bokmål and nynorsk, no English, axe-core, own addresses.

Per page and language (showcase kommune Brekkestad, 7290):
- ``<html lang>`` is ``nb``/``nn`` and the browser reports Norwegian to Streamlit's number formatting;
- no English word from Streamlit's/Plotly's UI (``ui.browser_text.ENGLISH_WORDS``) in the visible text
  or in ``aria-label``/``title``/``placeholder``/``data-title``;
- axe-core (shipped inside the PyPI package axe-playwright-python, so nothing comes from a CDN) finds
  no violation of impact «serious» or «critical»; «moderate» and «minor» ones are written to
  ``test-output/axe-<lang>.json`` for the lead.
And: a shared link to ``/oversikt`` as the first request to a fresh server shows Oversikt at /oversikt.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ui.browser_text import ENGLISH_WORDS

pytestmark = pytest.mark.e2e

TIMEOUT = 90_000
expect.set_options(timeout=TIMEOUT)
PAGES = ["oversikt", "utvikling", "skoler", "skoleportrett", "sammenlignbare", "uttrekk", "funn", "sjekkliste", "maal",
         "utfordringsbilde", "presenter", "felles-forstaelse", "vurdering", "statsforvalter", "data"]
TITLES = {"nb": {"oversikt": "Oversikt: Brekkestad", "skoler": "Skoler: Brekkestad"},
          "nn": {"oversikt": "Oversikt: Brekkestad", "skoler": "Skular: Brekkestad"}}
NOT_FOUND = ("Page not found", "Siden finnes ikke", "Sida finst ikkje")


def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("h1", timeout=TIMEOUT)
    page.wait_for_timeout(500)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)
    page.wait_for_timeout(1500)  # charts and tables finish drawing; the text script has run


def english_on_page(page: Page) -> list[str]:
    # Material Symbols icons are ligature text («dashboard», «school»), hidden from readers: not counted.
    text = page.evaluate("""() => {
        const clone = document.body.cloneNode(true);
        clone.querySelectorAll('[data-testid=stIconMaterial], script, style').forEach(e => e.remove());
        const attrs = Array.from(document.querySelectorAll('[aria-label],[title],[placeholder],[data-title]'))
            .map(e => ['aria-label', 'title', 'placeholder', 'data-title'].map(a => e.getAttribute(a) || '').join(' | '));
        return clone.innerText + ' | ' + attrs.join(' | ');
    }""")
    return [w for w in ENGLISH_WORDS if re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text)]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_page_norwegian_and_accessible(page: Page, app_server: str, lang: str, output_dir):
    page.set_default_timeout(TIMEOUT)
    axe = axe_script()
    problems, remaining = [], {}
    for name in PAGES:
        open_page(page, f"{app_server}/{name}?kommune=7290&sprak={lang}")
        if name in TITLES[lang]:
            expect(page.get_by_role("heading", name=TITLES[lang][name], level=1)).to_be_visible()
        assert page.evaluate("document.documentElement.lang") == lang, name
        # What Streamlit's NumberColumn(format="localized") uses: Norwegian, so 1 234,5 with a decimal comma.
        formatted = page.evaluate("new Intl.NumberFormat(navigator.languages, {minimumFractionDigits: 1})"
                                  ".format(1234.5)")
        assert formatted.replace("\u00a0", " ").replace("\u202f", " ") == "1 234,5", (name, formatted)
        # Every chart has a text alternative (role figure, a sentence naming it and pointing to its table).
        alts = page.evaluate("Array.from(document.querySelectorAll('[data-testid=stPlotlyChart], svg.ub-chart'))"
                             ".map(e => [e.getAttribute('role'), e.getAttribute('aria-label') || ''])")
        for role, label in alts:  # Plotly's element is a figure; a server-drawn chart an image (ui/charts.py)
            if role not in ("figure", "img") or not label.startswith("Figur: "):
                problems.append(f"{name}: chart without a text alternative ({role!r}, {label[:60]!r})")
        english = english_on_page(page)
        if english:
            problems.append(f"{name}: English on screen: {english}")
        page.evaluate(axe)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for v in result["violations"]:
            entry = {"page": name, "id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": len(v["nodes"]),
                     "target": v["nodes"][0]["target"] if v["nodes"] else None}
            if v["impact"] in ("serious", "critical"):
                problems.append(f"{name}: axe {v['impact']} {v['id']}: {v['help']} ({entry['target']})")
            else:
                remaining.setdefault(v["id"], []).append(entry)
        page.screenshot(path=str(output_dir / f"e2e-{lang}-{name}.png"))
    (output_dir / f"axe-{lang}.json").write_text(json.dumps(remaining, ensure_ascii=False, indent=1), encoding="utf-8")
    assert not problems, "\n".join(problems)


def test_shared_link_to_oversikt_on_a_fresh_server(page: Page, tmp_path):
    """The page's own address works as the first request after a start (it showed «Page not found»)."""
    from tests.conftest import running_server

    with running_server(tmp_path) as url:
        page.set_default_timeout(TIMEOUT)
        open_page(page, url + "/oversikt?kommune=7290&sprak=nn")
        expect(page.get_by_role("heading", name="Oversikt: Brekkestad", level=1)).to_be_visible()
        body = page.evaluate("document.body.innerText")
        assert not any(s in body for s in NOT_FOUND), body[:500]
        assert page.url.startswith(url + "/oversikt"), page.url
        for name in ("skoler", "funn", "data"):
            open_page(page, f"{url}/{name}?kommune=7290")
            assert page.url.startswith(f"{url}/{name}"), page.url
            body = page.evaluate("document.body.innerText")
            assert not any(s in body for s in NOT_FOUND), (name, body[:300])
