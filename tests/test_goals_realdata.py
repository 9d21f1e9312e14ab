"""A goal on Udir's real grunnskolepoeng export (statistikkbanken xlsx, 2015-16 … 2020-21): the baseline of a
school and of its kommune over three years, the minimum detectable change at their real pupil numbers, and
the follow-up years against the baseline. Sums are checked against the published rows directly."""

from __future__ import annotations

import numpy as np
import pytest

from analysis import goals as ag
from analysis import power
from data.importers import import_files

GSP = "udir-grunnskolepoeng-skoler-2015-2021/Grunnskolepoeng_Udir.xlsx"
BASE = ["2015-16", "2016-17", "2017-18"]
LATER = ["2018-19", "2019-20"]
KEY = ("grunnskolepoeng", "", 10)


@pytest.fixture(scope="module")
def figures(realdata):
    path = realdata / GSP
    res = import_files([(path.name, path.read_bytes())])
    assert res.ok, res.errors
    return res.figures


def _published(f, unit, periods):
    r = f[(f["unit_id"].astype(str) == unit) & f["period"].astype(str).isin(periods) & ~f["suppressed"].astype(bool)]
    return r["n"].to_numpy(float), r["value"].to_numpy(float)


def test_school_goal_on_real_export(figures):
    f = figures
    sch = f[(f["level"].astype(str) == "skole") & f["value"].notna()]
    counts = sch.groupby(sch["unit_id"].astype(str))["period"].nunique()
    kom_rows = f[(f["level"].astype(str) == "kommune") & f["value"].notna()]
    kom_years = kom_rows.groupby(kom_rows["unit_id"].astype(str))["period"].nunique()
    kid = sid = ""
    for sid in counts[counts == 6].index.astype(str):  # a school published in all six years ...
        kid = str(sch.loc[sch["unit_id"].astype(str) == sid, "kommune_id"].astype(str).iloc[-1])
        if kom_years.get(kid, 0) == 6:  # ... in a kommune with the same number all six years
            break
    b = ag.goal_baseline(f, [kid], KEY, "skole", sid, BASE)
    n, v = _published(f, sid, BASE)
    assert b.n == n.sum() and b.periods_used == 3
    assert b.estimate == pytest.approx((n * v).sum() / n.sum(), abs=1e-9)
    assert b.sd == 8.5  # no SD in the export: the catalogue's national pupil-level SD
    a = ag.assess(b, b.estimate + 2)
    assert a.mdc_two_years == pytest.approx(power.mdc_mean(8.5, n.sum(), 2 * n.sum() / 3))
    kom = ag.goal_baseline(f, [kid], KEY, "kommune", kid, BASE)
    assert kom.n >= b.n and np.isfinite(kom.estimate)
    fu = ag.follow_up(f, [kid], KEY, "skole", sid, b, b.estimate + 2, LATER)
    n2, _ = _published(f, sid, LATER)
    assert fu.pooled.n == n2.sum() and fu.verdict in ag.VERDICTS and np.isfinite(fu.diff_lower)


def test_merged_kommune_baseline_follows_its_old_numbers(figures):
    """Bjørnafjorden (4624, from 2020) carries Os (1243) and Fusa (1241): its 2015-18 baseline combines them."""
    f = figures
    assert not np.isfinite(ag.goal_baseline(f, ["4624"], KEY, "kommune", "4624", BASE).estimate)
    b = ag.goal_baseline(f, ["4624", "1243", "1241"], KEY, "kommune", "4624", BASE)
    n_os, v_os = _published(f, "1243", BASE)
    n_fu, v_fu = _published(f, "1241", BASE)
    n = np.concatenate([n_os, n_fu])
    v = np.concatenate([v_os, v_fu])
    assert b.n == n.sum() and b.estimate == pytest.approx((n * v).sum() / n.sum(), abs=1e-9)


def test_kommune_series_follows_old_numbers_past_empty_rows(figures):
    """The exploration pages' series (analysis.selection.kommune_series) by the same rule."""
    from analysis.selection import kommune_series, slice_indicator

    sl = slice_indicator(figures, *KEY)
    s = kommune_series(sl, "4624", ["4624", "1243", "1241"], name="Bjørnafjorden").set_index("period")
    assert list(s.index) == ["2015-16", "2016-17", "2017-18", "2018-19", "2019-20", "2020-21"]
    assert s.loc["2015-16", "n"] == 244 + 74 and s.loc["2015-16", "combined_from"] == "1241+1243"
    assert s.loc["2020-21", "value"] == 43.9 and s.loc["2020-21", "combined_from"] == ""
