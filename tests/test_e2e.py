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
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    page.screenshot(path=str(output_dir / "e2e-oversikt-brekkestad.png"), full_page=True)

    pick_kommune(page, "Kvitholm")
    expect(page.get_by_role("heading", name="Oversikt: Kvitholm")).to_be_visible()
    expect(page).to_have_url(re.compile(r"kommune=7190"))
    # The one-school kommune's figures: intervals and suppressed years are shown as such.
    grid = page.get_by_test_id("stDataFrame").first
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
        page.goto(url + "/oversikt?kommune=7190")
        expect(page.get_by_role("heading", name="Oversikt: Kvitholm")).to_be_visible()
        expect(page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")).to_be_visible()
        expect(page.get_by_text("Demodata.", exact=False).first).to_be_visible()
