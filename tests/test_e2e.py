"""End to end: the real `streamlit run` server driven in Debian's headless Chromium through Playwright."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

TIMEOUT = 60_000
expect.set_options(timeout=TIMEOUT)  # a loaded CI machine renders slowly; never a flaky 5 s default


def pick_kommune(page: Page, name: str) -> None:
    box = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
    box.click()
    page.keyboard.type(name)
    page.get_by_role("option", name=re.compile(rf"^{name} \(")).first.click()


def test_oversikt_picks_kommune_and_shows_figures(page: Page, app_server: str, output_dir):
    page.set_default_timeout(TIMEOUT)
    page.goto(app_server)
    expect(page.get_by_role("heading", name="Oversikt: Brekkestad")).to_be_visible()
    expect(page.get_by_text("Demodata.", exact=False).first).to_be_visible()
    # The first view's charts are drawn on the server; the switch under one brings in the interactive chart.
    expect(page.get_by_role("img", name=re.compile("^Figur: ")).first).to_be_visible()
    assert page.get_by_test_id("stPlotlyChart").count() == 0
    page.screenshot(path=str(output_dir / "e2e-oversikt-brekkestad.png"), full_page=True)
    wait_idle(page)
    page.get_by_text("Utforsk diagrammet", exact=False).first.click()
    expect(page.get_by_test_id("stPlotlyChart").locator(".main-svg").first).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(1)  # only the chart the user asked for

    pick_kommune(page, "Kvitholm")
    expect(page.get_by_role("heading", name="Oversikt: Kvitholm")).to_be_visible()
    expect(page).to_have_url(re.compile(r"kommune=7190"))
    # The one-school kommune's figures: intervals and suppressed years are shown as such.
    grid = page.get_by_test_id("stDataFrame").filter(visible=True).first  # the spine chart's table is folded
    expect(grid).to_be_visible()
    page.screenshot(path=str(output_dir / "e2e-oversikt-kvitholm.png"), full_page=True)

    # A link reproduces the view for someone else.
    other = page.context.new_page()
    other.set_default_timeout(TIMEOUT)
    other.goto(app_server + "/?kommune=7390")
    expect(other.get_by_role("heading", name="Oversikt: Fjordbygd")).to_be_visible()
    other.close()


def test_deep_link_as_first_request_goes_through_app_shell(page: Page, tmp_path):
    """A shared link opened right after a server start still gets the picker, banner and kommune."""
    from tests.conftest import running_server

    with running_server(tmp_path) as url:
        page.set_default_timeout(TIMEOUT)
        page.goto(url + "/skoler?kommune=7190")
        expect(page.get_by_role("heading", name="Skoler: Kvitholm")).to_be_visible()
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")).to_be_visible()
        expect(page.get_by_text("Demodata.", exact=False).first).to_be_visible()


def wait_idle(page: Page) -> None:
    """Wait until Streamlit has finished the current run (no 'Running…' status widget)."""
    page.wait_for_timeout(400)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)


def test_workshop_walk_through_pages_for_spread_showcase(page: Page, app_server: str, output_dir):
    """Oversikt → Utvikling → Skoler → Sammenlignbare for Brekkestad, as a workshop would walk it."""
    page.set_default_timeout(TIMEOUT)
    page.goto(app_server + "/?kommune=7290")
    expect(page.get_by_role("heading", name="Oversikt: Brekkestad")).to_be_visible()
    nav = page.get_by_test_id("stSidebarNav")
    for link, heading, shot in [
        ("Utvikling over tid", re.compile("Utvikling"), "e2e-utvikling"),
        ("Skoler", re.compile("Skolene i Brekkestad|Skoler"), "e2e-skoler"),
        ("Sammenlignbare kommuner", re.compile("Sammenlignbare|Brekkestad"), "e2e-sammenlignbare"),
    ]:
        wait_idle(page)  # as a person would: click when the page has finished drawing
        nav.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
        wait_idle(page)
        expect(page).to_have_url(re.compile(r"kommune=7290"))
        page.screenshot(path=str(output_dir / f"{shot}.png"), full_page=True)
    # The weak school reads as below the rest of the kommune on Skoler.
    nav.get_by_role("link", name="Skoler").click()
    wait_idle(page)
    expect(page.get_by_text("Nedre Brekke skole").first).to_be_visible()


def test_add_finding_from_skoler_and_see_marker(page: Page, app_server: str, output_dir):
    page.set_default_timeout(TIMEOUT)
    page.goto(app_server + "/skoler?kommune=7290")
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    wait_idle(page)
    page.get_by_text("Legg til funn", exact=False).first.click()
    # The form is plain widgets in the expander (its draft is kept over page/kommune switches, ui/drafts.py).
    form = page.get_by_test_id("stExpander").filter(has_text="Legg til funn om det som vises her").first
    form.get_by_label("Navn", exact=False).first.fill("Eva E2E")
    text = "Skoleledere: stor utskifting av lærere (e2e) <b>fet</b><img src=x onerror=\"window.__xss=1\">"
    form.get_by_role("textbox").first.fill(text)
    form.get_by_role("button", name="Lagre funn").click()
    wait_idle(page)
    expect(page.get_by_text("Funnet er lagret", exact=False).first).to_be_visible()
    expect(page.get_by_text(text).first).to_be_visible()  # the HTML shows as the literal text typed
    assert page.evaluate("() => window.__xss") is None, "HTML in a finding must never run"
    assert page.locator("img[src='x']").count() == 0
    # Its marker is on the chart: a trace named after the finding kind in the legend.
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator(".legendtext", has_text="Funn")).not_to_have_count(0)
    page.screenshot(path=str(output_dir / "e2e-skoler-funn.png"), full_page=True)


def test_upload_real_sample_on_data_page(page: Page, tmp_path, realdata, output_dir):
    """Upload Udir's real statistikkbank export; the report appears and the banner names the source."""
    from tests.conftest import running_server

    sample = realdata / "udir-np-skoler-nasjonalt" / "2024-25_20260224-1157_Nasjonale_proever_5._trinn.csv"
    with running_server(tmp_path) as url:
        page.set_default_timeout(TIMEOUT)
        page.goto(url + "/data")
        expect(page.get_by_role("heading", name="Data").first).to_be_visible()
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(sample))
        page.get_by_role("button", name="Les og kontroller filene").click()
        expect(page.get_by_text("Kontrollrapport").first).to_be_visible()
        expect(page.get_by_text("7 401").first).to_be_visible()  # figures imported (Usikkerhet rides on skalapoeng)
        page.screenshot(path=str(output_dir / "e2e-data-report.png"), full_page=True)
        page.get_by_text("Erstatt demodataene", exact=False).click()
        page.get_by_role("button", name="Lagre importen").click()
        expect(page.get_by_text("Importen er lagret", exact=False).first).to_be_visible()
        page.goto(url + "/?kommune=4203")
        expect(page.get_by_role("heading", name=re.compile("Oversikt: Arendal"))).to_be_visible()
        expect(page.get_by_text("Demodata.", exact=False)).to_have_count(0)
        page.screenshot(path=str(output_dir / "e2e-oversikt-arendal.png"), full_page=True)
