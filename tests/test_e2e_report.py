"""End to end: export the utfordringsbilde PDF in headless Chromium and check the downloaded file."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

pytestmark = pytest.mark.e2e

TIMEOUT = 90_000


def test_export_pdf_in_browser(page: Page, app_server: str, output_dir):
    page.set_default_timeout(TIMEOUT)
    expect.set_options(timeout=TIMEOUT)
    page.goto(app_server + "/utfordringsbilde?kommune=7190")
    expect(page.get_by_role("heading", name="Utfordringsbilde: Kvitholm")).to_be_visible()
    page.get_by_role("button", name="Lag PDF").click()
    download_button = page.get_by_role("button", name="Last ned PDF")
    expect(download_button).to_be_visible()
    expect(page.get_by_text("Ferdig på", exact=False).first).to_be_visible()
    with page.expect_download() as info:
        download_button.click()
    download = info.value
    assert download.suggested_filename == "utfordringsbilde_7190_Kvitholm.pdf"
    path = output_dir / download.suggested_filename
    download.save_as(path)
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 3
    assert "Utfordringsbilde for Kvitholm" in text and "Kilde:" in text and "skjermet" in text
    page.screenshot(path=str(output_dir / "e2e-utfordringsbilde-export.png"), full_page=True)
