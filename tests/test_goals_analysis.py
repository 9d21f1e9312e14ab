"""analysis/goals.py: a goal's pooled baseline (checked by hand against the pooling formula and scipy's
t interval), the minimum detectable change at the unit's pupil numbers (analysis.power), the years a
change needs, the suggestions and the regression-to-the-mean check."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis import goals, power
from tests.rows import canonical_row

YEARS = ["2021-22", "2022-23", "2023-24"]
KEY = ("grunnskolepoeng", "", 10)


def _frame() -> pd.DataFrame:
    rows = []
    school = [(40.0, 20, 8.0), (42.0, 24, 9.0), (38.0, 16, 8.5)]
    kommune = [(41.0, 200, 8.2), (41.5, 210, 8.4), (40.5, 190, 8.3)]
    for p, (sv, sn, ssd), (kv, kn, ksd) in zip(YEARS, school, kommune):
        common = dict(indicator="grunnskolepoeng", subject="", trinn=10, period=p, kommune_id="7001",
                      unit_of_measure="poeng")
        rows.append(canonical_row(level="skole", unit_id="S1", unit_name="Skole 1", value=sv, n=sn, sd=ssd, **common))
        rows.append(canonical_row(level="kommune", unit_id="7001", unit_name="Kommunen", value=kv, n=kn, sd=ksd,
                                  **common))
        rows.append(canonical_row(level="nasjonalt", unit_id="0", unit_name="Norge", value=41.0, n=60000, sd=8.5,
                                  **common))
    df = pd.DataFrame(rows)
    df["trinn"] = df["trinn"].astype("Int8")
    return df


def test_school_baseline_pools_pupils_as_the_formula_says():
    b = goals.goal_baseline(_frame(), ["7001"], KEY, "skole", "S1", YEARS)
    n = np.array([20, 24, 16.0])
    m = np.array([40.0, 42.0, 38.0])
    s = np.array([8.0, 9.0, 8.5])
    mean = (n * m).sum() / n.sum()
    sd = math.sqrt(((n - 1) * s ** 2 + n * (m - mean) ** 2).sum() / (n.sum() - 1))
    half = stats.t.ppf(0.975, n.sum() - 1) * sd / math.sqrt(n.sum())
    assert b.estimate == pytest.approx(mean, abs=1e-9) and b.n == 60 and b.periods_used == 3
    assert b.sd == pytest.approx(sd, abs=1e-9)
    assert (b.lower, b.upper) == pytest.approx((mean - half, mean + half), abs=1e-9)
    assert b.n_per_year == 20 and b.unit_name == "Skole 1" and b.usable


def test_assessment_is_analysis_power_at_the_units_pupils():
    b = goals.goal_baseline(_frame(), ["7001"], KEY, "skole", "S1", YEARS)
    a = goals.assess(b, b.estimate + 3.0)
    assert a.mdc_one_year == pytest.approx(power.mdc_mean(b.sd, 60, 20), abs=1e-12)
    assert a.mdc_two_years == pytest.approx(power.mdc_mean(b.sd, 60, 40), abs=1e-12)
    assert not a.detectable_two_years  # 3 points at 20 pupils a year: about 5 points needed


def test_years_needed_is_the_first_year_with_mdc_below_the_change():
    b = goals.goal_baseline(_frame(), ["7001"], KEY, "kommune", "7001", YEARS)
    change = 1.8
    k = goals.years_needed(b, change)
    assert k is not None and k >= 1
    assert goals.mdc_after(b, k, change) <= change
    if k > 1:
        assert goals.mdc_after(b, k - 1, change) > change
    small = goals.goal_baseline(_frame(), ["7001"], KEY, "skole", "S1", YEARS)
    assert goals.years_needed(small, 0.5) is None  # the baseline's 60 pupils alone rule it out


def test_suggestions_for_a_school_goal_that_two_years_cannot_show():
    df = _frame()
    b = goals.goal_baseline(df, ["7001"], KEY, "skole", "S1", YEARS)
    k = goals.goal_baseline(df, ["7001"], KEY, "kommune", "7001", YEARS)
    sug = goals.suggestions(b, b.estimate + 4.0, kommune=k)
    codes = [s.code for s in sug]
    assert codes[-1] == "qualitative" and "larger_unit" in codes and "more_trinn" not in codes
    larger = next(s for s in sug if s.code == "larger_unit")
    assert larger.mdc == pytest.approx(power.mdc_mean(k.sd, k.n, 2 * k.n_per_year))
    pool = [s for s in sug if s.code == "pool_years"]
    assert not pool or goals.mdc_after(b, pool[0].years, 4.0) <= 4.0
    # A change two years can show needs no suggestion.
    assert goals.suggestions(b, b.estimate + 12.0, kommune=k) == []


def test_share_baseline_and_elevundersokelsen_suggestion():
    rows = []
    for p, (v, n) in zip(YEARS, [(10.0, 60), (12.0, 50), (8.0, 50)]):
        rows.append(canonical_row(level="kommune", unit_id="7001", kommune_id="7001", indicator="eu_mobbing",
                                  subject="", trinn=7, period=p, value=v, n=n, unit_of_measure="prosent"))
    df = pd.DataFrame(rows)
    df["trinn"] = df["trinn"].astype("Int8")
    b = goals.goal_baseline(df, ["7001"], ("eu_mobbing", "", 7), "kommune", "7001", YEARS)
    succ = round(6.0) + round(6.0) + round(4.0)
    assert b.is_share and b.estimate == pytest.approx(100 * succ / 160) and math.isnan(b.sd)
    a = goals.assess(b, b.estimate - 3)
    assert a.mdc_two_years == pytest.approx(power.mdc_share(b.estimate, 160, 2 * 160 / 3, "down"))
    assert "more_trinn" in [s.code for s in goals.suggestions(b, b.estimate - 3)]


def test_missing_unit_gives_an_unusable_baseline():
    b = goals.goal_baseline(_frame(), ["7001"], KEY, "skole", "S9", YEARS)
    assert not b.usable and math.isnan(b.estimate)
    with pytest.raises(ValueError):
        goals.assess(b, 40.0)
    assert [s.code for s in goals.suggestions(b, 40.0)] == ["qualitative"]


def test_regression_to_the_mean_overlap():
    assert goals.regression_to_mean_risk(YEARS, ["2022-23", "2023-24", "2024-25"]) == ["2022-23", "2023-24"]
    assert goals.regression_to_mean_risk(YEARS, ["2024-25"]) == []


def test_follow_up_against_baseline_matches_welch_and_newcombe():
    df = _frame()
    more = []
    for p, (v, n, sd) in zip(["2024-25", "2025-26"], [(45.0, 22, 8.0), (46.0, 18, 8.4)]):
        more.append(canonical_row(level="skole", unit_id="S1", unit_name="Skole 1", kommune_id="7001",
                                  indicator="grunnskolepoeng", subject="", trinn=10, period=p, value=v, n=n, sd=sd,
                                  unit_of_measure="poeng"))
    df = pd.concat([df, pd.DataFrame(more)], ignore_index=True)
    df["trinn"] = df["trinn"].astype("Int8")
    all_periods = YEARS + ["2024-25", "2025-26"]
    fp = goals.followup_periods(all_periods, YEARS, "2025-26")
    assert fp == ["2024-25", "2025-26"] and goals.followup_periods(all_periods, YEARS, "2024-25") == ["2024-25"]
    b = goals.goal_baseline(df, ["7001"], KEY, "skole", "S1", YEARS)
    f = goals.follow_up(df, ["7001"], KEY, "skole", "S1", b, b.estimate + 5, fp)
    assert [y.estimate for y in f.by_year] == [45.0, 46.0] and f.pooled.n == 40
    # Welch's interval by hand from the two pooled groups.
    v1, v2 = f.pooled.sd ** 2 / 40, b.sd ** 2 / 60
    dof = (v1 + v2) ** 2 / (v1 ** 2 / 39 + v2 ** 2 / 59)
    half = stats.t.ppf(0.975, dof) * math.sqrt(v1 + v2)
    assert f.difference == pytest.approx(f.pooled.estimate - b.estimate)
    assert (f.diff_lower, f.diff_upper) == pytest.approx((f.difference - half, f.difference + half), abs=1e-9)
    assert f.verdict == "bedring" and f.progress == pytest.approx(f.difference / 5)
    assert f.remaining == pytest.approx(b.estimate + 5 - f.pooled.estimate)
    assert goals.follow_up(df, ["7001"], KEY, "skole", "S1", b, 50, []) is None


def test_change_verdict_uses_direction():
    assert goals.change_verdict(-1, 2, 1) == "ikke_sikker"
    assert goals.change_verdict(0.5, 2, 1) == "bedring" and goals.change_verdict(0.5, 2, -1) == "forverring"
    assert goals.change_verdict(-3, -1, -1) == "bedring" and goals.change_verdict(1, 2, 0) == "endring"
    assert goals.change_verdict(math.nan, 1, 1) == "ingen_data"
