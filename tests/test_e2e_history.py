"""Browser history and links (issue 15 item 5): Back goes back one view; widget changes add no entry.

Streamlit pushes a history entry for every change of the link's query parameters; the page script
(``ui.language``) turns every such change that is not a new page or a new kommune into a replace.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

TIMEOUT = 90_000
expect.set_options(timeout=TIMEOUT)


def wait_idle(page: Page) -> None:
    page.wait_for_timeout(600)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)
    page.wait_for_timeout(600)


def pick_kommune(page: Page, name: str) -> None:
    box = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
    box.click()
    page.keyboard.type(name)
    page.get_by_role("option", name=re.compile(rf"^{name} \(")).first.click()


def choose(page: Page, label: str, option: str) -> None:
    page.get_by_test_id("stMainBlockContainer").get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_back_goes_back_one_view(page: Page, app_server: str):
    page.set_default_timeout(TIMEOUT)
    page.goto(app_server + "/skoler?kommune=7290")
    expect(page.get_by_role("heading", name="Skoler: Brekkestad", level=1)).to_be_visible()
    wait_idle(page)
    start = page.evaluate("history.length")
    # Widget changes: the link follows them, but no new history entry.
    choose(page, "Antall år samlet", "2 år")
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"vindu=2"))
    assert page.evaluate("history.length") == start, "a widget change added a history entry"
    # A new kommune is a new view: one entry.
    pick_kommune(page, "Kvitholm")
    expect(page.get_by_role("heading", name="Skoler: Kvitholm", level=1)).to_be_visible()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"kommune=7190"))
    assert page.evaluate("history.length") == start + 1
    # A new page is a new view: one entry.
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Utvikling over tid").click()
    expect(page.get_by_role("heading", name="Utvikling over tid: Kvitholm", level=1)).to_be_visible()
    wait_idle(page)
    assert page.evaluate("history.length") == start + 2
    # Back: Skoler for Kvitholm; Back again: Skoler for Brekkestad, link and picker alike.
    page.go_back()
    expect(page.get_by_role("heading", name="Skoler: Kvitholm", level=1)).to_be_visible()
    wait_idle(page)
    page.go_back()
    expect(page.get_by_role("heading", name="Skoler: Brekkestad", level=1)).to_be_visible()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"/skoler\?.*kommune=7290"))
    picker = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Kommune")
    expect(picker).to_have_value(re.compile(r"Brekkestad"))
