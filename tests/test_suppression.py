"""Suppression (``data.suppression_rules``): primary thresholds from the catalogue, secondary suppression."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from data.catalogue import INDICATORS, suppression_min_n
from data.suppression_rules import (
    apply_suppression,
    complementary_suppression,
    reveals_suppressed,
    suppression_threshold,
)
from tests.rows import canonical_row
from tests.suppression_audit import disclosure_risks, published_below_threshold


def _row(**kw) -> dict:
    return canonical_row(**{"unit_id": "s1", "unit_name": "S", "value": 50.0, "n": 20.0, "unit_of_measure": "",
                            "source": "t", **kw})


def test_thresholds_come_from_catalogue():
    ind = pd.Series(list(INDICATORS) + ["ukjent"]).astype("category")
    thr = suppression_threshold(ind)
    for code, t in zip(ind, thr):
        if code in INDICATORS:
            assert t == suppression_min_n(code)
        else:
            assert t == max(suppression_min_n(c) for c in INDICATORS)


def test_apply_suppression_at_the_threshold():
    rows = []
    for code in ("np_skalapoeng", "grunnskolepoeng", "eu_trivsel", "eu_mobbing"):
        t = suppression_min_n(code)
        rows += [_row(indicator=code, unit_id=f"{code}-lo", n=t - 1, sd=1.0),
                 _row(indicator=code, unit_id=f"{code}-hi", n=t, sd=1.0)]
    rows.append(_row(unit_id="already", value=np.nan, n=np.nan, suppressed=True, marker="*"))
    out = apply_suppression(pd.DataFrame(rows)).set_index("unit_id")
    for code in ("np_skalapoeng", "grunnskolepoeng", "eu_trivsel", "eu_mobbing"):
        lo, hi = out.loc[f"{code}-lo"], out.loc[f"{code}-hi"]
        assert bool(lo["suppressed"]) and np.isnan(lo["value"]) and np.isnan(lo["n"]) and np.isnan(lo["sd"])
        assert lo["marker"] == "*"
        assert not bool(hi["suppressed"]) and hi["value"] == 50
    assert bool(out.loc["already", "suppressed"])
    assert published_below_threshold(out.reset_index()).empty
    assert len(published_below_threshold(pd.DataFrame(rows))) == 4


def test_secondary_suppression_schools():
    rows = [
        _row(level="kommune", unit_id="7001", n=25.0),
        _row(unit_id="a", n=18.0),
        _row(unit_id="b", n=7.0),
        # Another kommune with three schools: 30, 12, 5 -> suppress 12 as well, keep 30.
        _row(level="kommune", unit_id="7002", kommune_id="7002", n=47.0),
        _row(unit_id="c", kommune_id="7002", n=30.0),
        _row(unit_id="d", kommune_id="7002", n=12.0),
        _row(unit_id="e", kommune_id="7002", n=5.0),
        # Safe: 40 and 30 pupils, nothing hidden.
        _row(level="kommune", unit_id="7003", kommune_id="7003", n=70.0),
        _row(unit_id="f", kommune_id="7003", n=40.0),
        _row(unit_id="g", kommune_id="7003", n=30.0),
    ]
    df = pd.DataFrame(rows)
    assert len(disclosure_risks(apply_suppression(df))) == 2
    out = complementary_suppression(df).set_index("unit_id")
    assert bool(out.loc["b", "suppressed"]) and not bool(out.loc["b", "secondary_suppressed"])
    assert bool(out.loc["a", "suppressed"]) and bool(out.loc["a", "secondary_suppressed"])
    assert np.isnan(out.loc["a", "value"]) and out.loc["a", "marker"] == "*"
    assert bool(out.loc["d", "secondary_suppressed"]) and not bool(out.loc["c", "suppressed"])
    assert not out.loc[["f", "g", "7001", "7002", "7003"], "suppressed"].any()
    assert disclosure_risks(out.reset_index()).empty


def test_secondary_suppression_kjonn():
    rows = [
        _row(indicator="grunnskolepoeng", subject="", trinn=10, kjonn="alle", n=25.0, value=40.0),
        _row(indicator="grunnskolepoeng", subject="", trinn=10, kjonn="jenter", n=16.0, value=42.0),
        _row(indicator="grunnskolepoeng", subject="", trinn=10, kjonn="gutter", n=9.0, value=37.0),
    ]
    out = complementary_suppression(pd.DataFrame(rows), dimensions=("kjonn",)).set_index("kjonn")
    assert bool(out.loc["gutter", "suppressed"]) and bool(out.loc["jenter", "secondary_suppressed"])
    assert not bool(out.loc["alle", "suppressed"])


@settings(max_examples=40, deadline=None)
@given(kommuner=st.lists(st.lists(st.integers(1, 60), min_size=1, max_size=6), min_size=1, max_size=4),
       indicator=st.sampled_from(["np_skalapoeng", "eu_mobbing", "eu_trivsel"]))
def test_no_residual_reveals_a_small_group(kommuner, indicator):
    rows = []
    for k, sizes in enumerate(kommuner):
        kid = f"70{k:02d}"
        rows.append(_row(indicator=indicator, level="kommune", unit_id=kid, kommune_id=kid, n=float(sum(sizes))))
        rows += [_row(indicator=indicator, unit_id=f"{kid}-{i}", kommune_id=kid, n=float(s))
                 for i, s in enumerate(sizes)]
    df = pd.DataFrame(rows)
    out = complementary_suppression(df)
    thr = suppression_min_n(indicator)
    # Independent check in plain Python.
    for k, sizes in enumerate(kommuner):
        kid = f"70{k:02d}"
        par = out[out["unit_id"] == kid].iloc[0]
        kids = out[(out["level"] == "skole") & (out["kommune_id"] == kid)]
        if not par["suppressed"]:
            hidden = sum(s for s, sup in zip(sizes, kids["suppressed"]) if sup)
            assert hidden == 0 or hidden >= thr
        # Suppressed in => suppressed out; small schools are never shown.
        for s, (_, r) in zip(sizes, kids.iterrows()):
            if s < thr:
                assert r["suppressed"] and np.isnan(r["value"])
    # Only what had to go: every secondary suppression was in a kommune with a small hidden school.
    sec = out[out["secondary_suppressed"]]
    for kid in sec["kommune_id"].unique():
        sizes = kommuner[int(kid[2:])]
        assert any(s < thr for s in sizes)


def test_reveals_suppressed():
    assert list(reveals_suppressed([25, 25, 25, 25], [18, 25, 10, 24], 10)) == [True, False, False, True]


def test_analysis_side_reexports_the_one_home():
    import analysis.suppression as a

    assert a.complementary_suppression is complementary_suppression and a.apply_suppression is apply_suppression


def test_demo_secondary_suppression_closes_all_risks(demo_figures):
    kom_ids = demo_figures["kommune_id"].astype(str)
    sub = demo_figures[kom_ids.isin(["7290", "7190", "7102", "7105"])]
    before = disclosure_risks(sub)
    out = complementary_suppression(sub)
    print(f"\nDemo, 4 kommuner: {len(before)} kommunetall avslørte skjulte skoler; "
          f"{int(out['secondary_suppressed'].sum())} tall sekundærprikket")
    assert disclosure_risks(out).empty
    assert (out["suppressed"] >= sub["suppressed"].to_numpy()).all()
