"""Keyboard only (WCAG 2.1.1): choose a kommune, open Skoler, add a finding and save it, without a mouse.

Every step moves the focus with Tab (``tab_to`` fails if the control is not reachable within a few
hundred presses) and acts with the keyboard (typing, Enter, Space).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

TIMEOUT = 90_000
expect.set_options(timeout=TIMEOUT)

FOCUSED_NAME = """() => {
  const e = document.activeElement;
  if (!e) return "";
  return (e.getAttribute("aria-label") || e.innerText || e.value || "").trim();
}"""


def wait_idle(page: Page) -> None:
    page.wait_for_timeout(600)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)
    page.wait_for_timeout(400)


def tab_to(page: Page, name: str | re.Pattern, *, max_tabs: int = 400) -> None:
    """Press Tab until the focused element's accessible name matches ``name``."""
    seen = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        current = page.evaluate(FOCUSED_NAME)
        if (name.search(current) if isinstance(name, re.Pattern) else current == name):
            return
        seen.append(current[:40])
    raise AssertionError(f"{name!r} not reachable with Tab; focus went through: {seen[-60:]}")


def test_add_finding_on_skoler_with_keyboard_only(page: Page, app_server: str, output_dir):
    page.set_default_timeout(TIMEOUT)
    page.goto(app_server + "/")
    expect(page.get_by_role("heading", name=re.compile(r"^Oversikt: "), level=1)).to_be_visible()
    wait_idle(page)
    page.locator("body").focus()
    # 1. The kommune, from the sidebar picker.
    tab_to(page, "Kommune")
    page.keyboard.type("Kvitholm")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Oversikt: Kvitholm", level=1)).to_be_visible()
    wait_idle(page)
    # 2. Skoler, from the navigation.
    tab_to(page, re.compile(r"^(school\s*)?Skoler$"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Skoler: Kvitholm", level=1)).to_be_visible()
    wait_idle(page)
    # 3. Open «Legg til funn om det som vises her», write, sign and save.
    tab_to(page, re.compile(r"^(\S+\s+)?Legg til funn om det som vises her$"))
    page.keyboard.press("Enter")
    expect(page.locator("textarea[aria-label='Funn']")).to_be_visible()
    tab_to(page, "Funn")
    page.keyboard.type("Tastaturtest: elevene ved skolen sier at de trives.")
    tab_to(page, "Navn")
    page.keyboard.type("Kari Tastatur")
    tab_to(page, "Lagre funn")
    page.screenshot(path=str(output_dir / "e2e-keyboard-before-save.png"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Funnet er lagret.")).to_be_visible()
    expect(page.get_by_text("Tastaturtest: elevene ved skolen sier at de trives.").first).to_be_visible()
