"""analysis.agreement: r_wg against hand-worked values, the bootstrap interval's coverage, role rules."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.agreement import agreement_by_item, band, role_means, role_pair, rwg, rwg_interval, uniform_null_variance


def test_rwg_hand_worked():
    # σ²_EU for five options = (25 − 1)/12 = 2.
    assert uniform_null_variance(5) == 2.0
    assert uniform_null_variance(7) == 4.0
    # 4, 4, 5, 4, 3: mean 4, squared deviations 0+0+1+0+1 = 2, s² = 2/4 = 0,5, r_wg = 1 − 0,5/2 = 0,75.
    assert rwg([4, 4, 5, 4, 3]) == pytest.approx(0.75)
    # Full agreement.
    assert rwg([3, 3, 3]) == 1.0
    # 1..5 once each: s² = 2,5 > 2, r_wg = −0,25, truncated to 0.
    assert rwg([1, 2, 3, 4, 5]) == 0.0
    # Two raters at 2 and 5: s² = 4,5; on a 7-point scale r_wg = 1 − 4,5/4 < 0 → 0; 2 and 3: 1 − 0,5/2.
    assert rwg([2, 5], n_options=7) == 0.0
    assert rwg([2, 3]) == pytest.approx(0.75)
    assert np.isnan(rwg([4])) and np.isnan(rwg([]))
    assert rwg([4, np.nan, 4, 5, 4, 3]) == pytest.approx(0.75)  # NaN left out


def test_rwg_matches_numpy_variance_on_random_data():
    rng = np.random.default_rng(1)
    for _ in range(50):
        x = rng.integers(1, 6, size=rng.integers(2, 30))
        ref = max(0.0, 1 - np.var(x, ddof=1) / 2.0)
        assert rwg(x) == pytest.approx(ref)


def test_bootstrap_interval_contains_estimate_and_is_deterministic():
    est, lo, hi = rwg_interval([4, 4, 5, 4, 3, 2, 4, 5])
    assert lo <= est <= hi
    assert rwg_interval([4, 4, 5, 4, 3, 2, 4, 5]) == (est, lo, hi)
    assert rwg_interval([3, 3, 3]) == (1.0, 1.0, 1.0)
    assert all(np.isnan(v) for v in rwg_interval([3]))


def test_bootstrap_interval_coverage():
    """Simulation: ratings from a known distribution, 40 raters; the 95 % interval covers the true r_wg
    in about 95 % of repeats (percentile bootstrap: a little below at this n)."""
    p = np.array([0.05, 0.15, 0.40, 0.30, 0.10])
    k = np.arange(1, 6)
    var = np.sum(p * (k - np.sum(p * k)) ** 2)
    true = 1 - var / 2.0
    rng = np.random.default_rng(7)
    reps, hits = 300, 0
    for i in range(reps):
        x = rng.choice(k, size=40, p=p)
        _, lo, hi = rwg_interval(x, n_boot=800, seed=i)
        hits += lo <= true <= hi
    assert 0.88 <= hits / reps <= 0.99, hits / reps


def test_bands_follow_lebreton_senter():
    assert [band(v) for v in (0.0, 0.30, 0.31, 0.5, 0.51, 0.7, 0.71, 0.9, 0.91, 1.0)] == [
        "ingen", "ingen", "svak", "svak", "moderat", "moderat", "sterk", "sterk", "svart_sterk", "svart_sterk"]
    assert band(float("nan")) == "ukjent"


def frame():
    return pd.DataFrame({
        "finding_id": ["a"] * 4 + ["b"] * 4 + ["c"] * 2,
        "role": ["skoleeier", "skoleeier", "skoleleder", "skoleleder"] * 2 + ["skoleeier", "laerer"],
        "importance": [5, 4, 5, 5, 5, 5, 2, 1, 3, 3],
    })


def test_agreement_by_item_and_roles():
    ag = agreement_by_item(frame(), n_boot=200)
    assert list(ag["finding_id"]) == ["a", "b", "c"]
    a = ag.set_index("finding_id").loc["a"]
    assert a["n"] == 4 and a["mean"] == pytest.approx(4.75)
    assert a["rwg"] == pytest.approx(1 - np.var([5, 4, 5, 5], ddof=1) / 2)
    assert ag.set_index("finding_id").loc["b", "rwg"] == 0.0  # 5,5,2,1: s² = 4,25 > 2
    m = role_means(frame())
    assert m[(m.finding_id == "b") & (m.role == "skoleleder")]["mean"].iloc[0] == 1.5
    pair = role_pair(frame(), "skoleleder", "skoleeier").set_index("finding_id")
    assert pair.loc["a", "verdict"] == "enige"  # 5 vs 4,5
    assert pair.loc["b", "verdict"] == "uenige"  # 1,5 vs 5
    assert pair.loc["c", "verdict"] == "ukjent"  # no skoleleder rated c
    assert pair.loc["b", "difference"] == pytest.approx(-3.5)


def test_role_pair_threshold_is_inclusive():
    df = pd.DataFrame({"finding_id": ["x", "x", "y", "y"], "role": ["skoleleder", "skoleeier"] * 2,
                       "importance": [5, 4, 5, 3]})
    pair = role_pair(df, "skoleleder", "skoleeier").set_index("finding_id")
    assert pair.loc["x", "verdict"] == "enige"  # exactly one point apart
    assert pair.loc["y", "verdict"] == "uenige"


def test_report_section_says_who_agrees():
    from report.agreement import agreement_section
    from report.document import Report
    from report.pdf import to_html

    df = frame().assign(participant=[f"p{i}" for i in range(10)], certainty=3)
    sec = agreement_section(df, {"a": "Lesing", "b": "Mobbing", "c": "Motivasjon"})
    text = "\n".join(b.text if hasattr(b, "text") else "\n".join(getattr(b, "items", [])) for b in sec.blocks)
    assert "Skoleledere og skoleeier er enige om: «Lesing»." in text
    assert "Skoleledere og skoleeier er uenige om: «Mobbing»." in text
    assert "10 deltakere har gitt 10 vurderinger." in text
    from datetime import date
    rep = Report("7290", "Brekkestad", "F", "T", "S", "Kilde", date(2026, 12, 1), [], [sec])
    assert "Lærere og tillitsvalgte og skoleledere" in rep.plain_text()
    assert "<table>" in to_html(rep)
    empty = agreement_section(df.iloc[:0], {"a": "Lesing"})
    assert empty.blocks[0].text == "Ingen vurderinger ennå."
