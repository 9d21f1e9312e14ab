"""«Hvem skriver?» survives a reload (issue 15: nothing the user typed is lost): typed once on Funn, the name
and role are there after the browser reloads the page, and on another page's form in a new tab."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.test_e2e_keyboard import TIMEOUT, wait_idle

pytestmark = pytest.mark.e2e


def test_author_name_kept_across_reload_and_new_tab(page: Page, app_server: str):
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{app_server}/funn?kommune=7290")
    expect(page.get_by_role("heading", name="Funn: Brekkestad", level=1)).to_be_visible()
    wait_idle(page)
    name = page.get_by_role("textbox", name="Navn").first
    name.fill("Kari Testesen")
    name.press("Tab")  # commits the field; the session remembers it, the browser stores it
    wait_idle(page)
    page.reload()
    expect(page.get_by_role("heading", name="Funn: Brekkestad", level=1)).to_be_visible()
    wait_idle(page)
    expect(page.get_by_role("textbox", name="Navn").first).to_have_value("Kari Testesen")
    other = page.context.new_page()  # a new tab of the same browser: a new session
    other.set_default_timeout(TIMEOUT)
    other.goto(f"{app_server}/sjekkliste?kommune=7290")
    wait_idle(other)
    expect(other.get_by_role("textbox", name="Navn").first).to_have_value("Kari Testesen")
    other.close()
