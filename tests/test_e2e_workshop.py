"""The workshop room in a real browser: projector (1920×1080) and laptop (1366×768) screenshots of Oversikt,
Skoler, «Hvorfor er vi trukket ut?» and the presentation mode; no two text boxes of a Plotly figure overlap;
the main verdict on the uttrekk page is not cut; the arrow keys move the presentation.

Screenshots go to test-output/ as workshop-<width>x<height>-<page>-<kommune>.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

TIMEOUT = 90_000
expect.set_options(timeout=TIMEOUT)
SIZES = ((1920, 1080), (1366, 768))
PLOT = ".js-plotly-plot .main-svg >> visible=true"
DRAWN = "svg.ub-chart >> visible=true"  # a chart drawn on the server (Oversikt's first view, ui/charts.py)
# (screenshot name, path and query, its heading, what shows that it has finished drawing)
PAGES = (("oversikt", "", re.compile("Oversikt"), DRAWN), ("skoler", "skoler", re.compile("Skoler"), PLOT),
         ("uttrekk", "uttrekk", re.compile("trukket ut"), "#uttrekk-verdict"),
         ("presenter", "presenter", None, "#presenter-sentence"),
         ("presenter-spine", "presenter?steg=2", None, PLOT), ("presenter-indikator", "presenter?steg=3", None, PLOT))

# Every visible <text> of every Plotly figure and every server-drawn chart, with its box; pairs whose boxes
# intersect by more than 1 px both ways are overlaps. Texts of one multi-line label are one <text> element.
OVERLAPS_JS = """
() => {
  const out = [];
  document.querySelectorAll('.js-plotly-plot, svg.ub-chart').forEach((plot, p) => {
    const boxes = [];
    plot.querySelectorAll(plot.matches('svg') ? 'text' : '.main-svg text').forEach(el => {
      const txt = (el.textContent || '').trim();
      if (!txt) return;
      const st = window.getComputedStyle(el);
      if (st.display === 'none' || st.visibility === 'hidden' || st.opacity === '0') return;
      if (el.closest('.hoverlayer')) return;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return;
      boxes.push({txt, l: r.left, r: r.right, t: r.top, b: r.bottom});
    });
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (w > 1 && h > 1) out.push([p, a.txt, b.txt, Math.round(w), Math.round(h)]);
    }
  });
  return out;
}
"""

TRUNCATED_JS = """
() => Array.from(document.querySelectorAll('#uttrekk-verdict, [data-testid="stMetricValue"] *, [data-testid="stMetricValue"]'))
  .filter(el => el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis' &&
          el.scrollWidth > el.clientWidth).map(el => el.textContent)
"""


def wait_idle(page: Page) -> None:
    page.wait_for_timeout(500)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)
    page.wait_for_timeout(700)  # Plotly lays out after the run


def full_screenshot(page: Page, path, width: int, height: int) -> None:
    """The whole page at the same width (Streamlit scrolls inside its own container, not the body)."""
    total = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": width, "height": max(height, min(int(total) + 40, 12000))})
    wait_idle(page)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": width, "height": height})


def open_page(page: Page, url: str, heading=None, ready: str = "#presenter-sentence") -> None:
    page.goto(url)
    if heading is not None:
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
    expect(page.locator(ready).first).to_be_visible()
    wait_idle(page)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_workshop_pages_readable(page: Page, app_server: str, output_dir, size):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    page.set_default_timeout(TIMEOUT)
    problems = []
    for kommune in ("7290", "7190"):
        for name, path, heading, ready in PAGES:  # the default page (Oversikt) lives at /
            sep = "&" if "?" in path else "?"
            open_page(page, f"{app_server}/{path}{sep}kommune={kommune}", heading, ready)
            expect(page.get_by_text("Page not found")).to_have_count(0)
            shot = f"workshop-{width}x{height}-{name}-{kommune}"
            page.screenshot(path=str(output_dir / f"{shot}.png"))  # what the room sees
            for overlap in page.evaluate(OVERLAPS_JS):
                problems.append((kommune, name, overlap))
            full_screenshot(page, output_dir / f"{shot}-full.png", width, height)
            if name == "uttrekk":
                verdict = page.locator("#uttrekk-verdict")
                expect(verdict).to_contain_text(re.compile(r"Utfall i modellen: (Trukket ut på (nivå|spredning)|Ikke trukket ut)"))
                problems += [(kommune, name, "cut", txt) for txt in page.evaluate(TRUNCATED_JS)]
    assert problems == [], problems


def test_presenter_arrow_keys_and_link(page: Page, app_server: str, output_dir):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.set_default_timeout(TIMEOUT)
    open_page(page, f"{app_server}/presenter?kommune=7290")
    expect(page).to_have_url(re.compile(r"steg=1"))
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"steg=2"))
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    wait_idle(page)
    page.screenshot(path=str(output_dir / "workshop-1920x1080-presenter-spine-7290.png"))
    # The spine chart at presentation size: its text is at least 18 px.
    sizes = page.evaluate("() => Array.from(document.querySelectorAll('.js-plotly-plot .main-svg text'))"
                          ".filter(e => (e.textContent || '').trim()).map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 18, sorted(sizes)[:5]
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"steg=3"))
    wait_idle(page)
    expect(page.locator("#presenter-sentence")).to_have_text("Kommunen ligger sikkert under landet.")
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"steg=2"))
    sentence = "4 av 11 indikatorer er sikkert svakere enn landet, og 0 er sikkert bedre."
    expect(page.locator("#presenter-sentence")).to_have_text(sentence)
    # The link opens the same screen for someone else.
    other = page.context.new_page()
    other.set_viewport_size({"width": 1366, "height": 768})
    open_page(other, page.url)
    expect(other.locator("#presenter-sentence")).to_have_text(sentence)
    other.close()
