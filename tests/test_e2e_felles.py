"""End to end: two participants rate the challenges from two browser contexts (their own phones), and the
veileder's agreement view updates. The real `streamlit run` server in Debian's headless Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from data.findings import Author, FindingIn, FindingsStore
from data.findings.ratings import RatingStore

pytestmark = pytest.mark.e2e

TIMEOUT = 60_000
expect.set_options(timeout=TIMEOUT)
K = "7290"


def wait_idle(page: Page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)


def rate(browser: Browser, url: str, role: str, scores: list[tuple[int, int]], output) -> None:
    ctx = browser.new_context()  # a participant's own phone: own cookies, own Streamlit session
    page = ctx.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(url)
    expect(page.get_by_role("heading", name="Vurder utfordringene")).to_be_visible()
    wait_idle(page)
    page.get_by_test_id("stMain").get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name=role, exact=True).click()
    imp = page.get_by_role("radiogroup", name=re.compile("Hvor viktig"))
    cer = page.get_by_role("radiogroup", name=re.compile("Hvor sikker"))
    for i, (a, b) in enumerate(scores):
        imp.nth(i).get_by_text(str(a), exact=True).click()
        cer.nth(i).get_by_text(str(b), exact=True).click()
    page.get_by_role("button", name="Lagre vurderingene").click()
    expect(page.get_by_text(f"Takk! {len(scores)} vurderinger er lagret", exact=False)).to_be_visible()
    page.screenshot(path=str(output / f"e2e-vurdering-{role.lower()}.png"), full_page=True)
    ctx.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server whose findings database holds two challenges and an open anonymous session."""
    from tests.conftest import running_server

    data_dir = tmp_path_factory.mktemp("e2e-felles")
    store = FindingsStore(f"sqlite:///{data_dir / 'funn.sqlite'}")
    kari = Author("Kari", "veileder")
    store.create(FindingIn(K, "Svak lesing på mellomtrinnet", "utfordring"), kari)
    store.create(FindingIn(K, "Lite samarbeid mellom skolene", "utfordring"), kari)
    code = RatingStore(store).create_session(K, "Samling i mars", anonymous=True, author=kari).code
    store.dispose()
    with running_server(data_dir) as url:
        yield url, code


def test_school_leader_opens_the_portrait_and_gets_the_pdf(page: Page, server, output_dir):
    url, _ = server
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{url}/skoleportrett?kommune={K}&skole=990002777")
    expect(page.get_by_role("heading", name="Skoleportrett: Nedre Brekke skole")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    wait_idle(page)
    page.get_by_role("button", name="Lag PDF").click()
    expect(page.get_by_role("button", name="Last ned skoleportrettet (PDF)")).to_be_visible()
    page.screenshot(path=str(output_dir / "e2e-skoleportrett.png"), full_page=True)


def test_two_participants_rate_and_the_agreement_view_updates(page: Page, browser: Browser, server, output_dir):
    url, code = server
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{url}/felles-forstaelse?kommune={K}&okt={code}")
    expect(page.get_by_role("heading", name="Felles forståelse: Brekkestad")).to_be_visible()
    expect(page.get_by_text(code, exact=True).first).to_be_visible()
    expect(page.get_by_text("Ingen vurderinger ennå.")).to_be_visible()

    rate(browser, f"{url}/vurdering?okt={code.lower()}", "Skoleleder", [(5, 4), (1, 3)], output_dir)
    rate(browser, f"{url}/vurdering?okt={code}", "Skoleeier", [(4, 4), (5, 2)], output_dir)

    wait_idle(page)
    page.get_by_role("button", name="Oppdater resultatene").click()
    expect(page.get_by_text("2 deltakere har gitt 4 vurderinger.")).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    expect(page.get_by_text("Skoleledere og skoleeier er enige om: «Svak lesing på mellomtrinnet».")).to_be_visible()
    expect(page.get_by_text("Skoleledere og skoleeier er uenige om: «Lite samarbeid mellom skolene».")).to_be_visible()
    page.screenshot(path=str(output_dir / "e2e-felles-forstaelse.png"), full_page=True)
