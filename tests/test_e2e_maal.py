"""End to end: «Mål og oppfølging» in the real server and headless Chromium. A goal with earlier baseline
years shows its follow-up; typing a target in the new-goal form shows what the data can show at once."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import data
from data.findings import Author, FindingsStore
from data.findings.goal_store import GoalStore
from data.findings.goals import GoalIn
from data.schema import sorted_periods


def test_goal_page_in_browser(page: Page, tmp_path, output_dir):
    from tests.conftest import running_server

    periods = sorted_periods(data.load_dataset()["period"].unique())
    sk = data.load_skoler()
    sid = str(sk.loc[sk["school_name"] == "Nedre Brekke skole", "school_id"].iloc[0])
    store = FindingsStore(f"sqlite:///{tmp_path / 'funn.sqlite'}")
    GoalStore(store).create(GoalIn("7290", "grunnskolepoeng", 42.0, periods[-1], trinn=10, unit_level="skole",
                                   unit_id=sid, baseline_periods=tuple(periods[-5:-2]), tiltak="Lesekurs",
                                   responsible="skole"), Author("Kari", "veileder"))
    store.dispose()
    with running_server(tmp_path) as url:
        page.set_viewport_size({"width": 1400, "height": 3000})  # the whole page in one screenshot
        page.goto(url + "/maal?kommune=7290")
        expect(page.get_by_role("heading", name="Mål og oppfølging: Brekkestad")).to_be_visible(timeout=60000)
        expect(page.get_by_text("Endring fra utgangspunktet", exact=False).first).to_be_visible(timeout=60000)
        page.get_by_text("Nytt mål").click()
        box = page.get_by_label("Målverdi (poeng)").first
        box.fill("44,5")
        box.press("Enter")
        expect(page.get_by_text("til 44,5", exact=False).first).to_be_visible(timeout=60000)
        expect(page.get_by_text("Minste påviselige endring med 120 elever", exact=False).first).to_be_visible()
        expect(page.get_by_role("button", name="Slett målet")).to_be_visible()
        expect(page.get_by_role("button", name="Lag planen (PDF og Word)")).to_be_visible()
        page.screenshot(path=str(output_dir / "e2e-maal.png"), full_page=True)
