"""Invariants of the national-scale demo data (docs/architecture.md «Canonical long format», issue #2)."""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest

import data
from data import demo
from data.catalogue import INDICATORS, MARKER_SUPPRESSED, suppression_min_n
from data.schema import LEVELS, validate


@pytest.fixture(scope="module")
def generated() -> demo.DemoData:
    return demo.generate()


@pytest.fixture(scope="module")
def fig(generated) -> pd.DataFrame:
    return validate(generated.figures)


def assert_same_figures(a: pd.DataFrame, b: pd.DataFrame) -> None:
    """Column by column, vectorised (categoricals compared through aligned codes, NaN equal to NaN)."""
    assert list(a.columns) == list(b.columns) and len(a) == len(b)
    for col in a.columns:
        x, y = a[col], b[col]
        if isinstance(x.dtype, pd.CategoricalDtype):
            y = y if isinstance(y.dtype, pd.CategoricalDtype) else y.astype("category")
            assert set(y.cat.categories) <= set(x.cat.categories), col
            np.testing.assert_array_equal(x.cat.codes.to_numpy(),
                                          y.cat.set_categories(x.cat.categories).cat.codes.to_numpy(), err_msg=col)
        else:
            np.testing.assert_array_equal(x.to_numpy(dtype=float, na_value=np.nan) if x.dtype != bool else x.to_numpy(),
                                          y.to_numpy(dtype=float, na_value=np.nan) if y.dtype != bool else y.to_numpy(),
                                          err_msg=col)


def test_deterministic_and_equal_to_the_cached_dataset(fig):
    cached = data.load_dataset()
    assert_same_figures(fig, cached.reset_index(drop=True))


def test_national_scale_counts(fig, generated):
    levels = fig.groupby("level", observed=True)["unit_id"].nunique()
    assert levels["nasjonalt"] == 1
    assert levels["fylke"] >= 10
    assert levels["kommune"] >= 300
    assert levels["skole"] >= 2500
    assert fig["period"].nunique() >= 10
    assert len(generated.context) >= 300
    assert set(fig["level"].unique()) == set(LEVELS)


def test_every_indicator_of_the_design_is_present(fig):
    combos = set(map(tuple, fig[["indicator", "subject", "trinn"]].drop_duplicates().astype(str).to_numpy()))
    for subj in ("lesing", "regning", "engelsk"):
        for trinn in (5, 8):
            assert ("np_skalapoeng", subj, str(trinn)) in combos
            assert ("np_mestring_1", subj, str(trinn)) in combos
    for subj in ("lesing", "regning"):
        assert ("np_mestring_5", subj, "9") in combos
    assert ("grunnskolepoeng", "", "10") in combos
    for code in ("eu_stotte_larer", "eu_motivasjon", "eu_trivsel", "eu_mestring", "eu_mobbing"):
        for trinn in (7, 10):
            assert (code, "", str(trinn)) in combos
    eu = fig[fig["indicator"].astype(str).str.startswith("eu_") & (fig["indicator"] != "eu_mobbing") & ~fig["suppressed"]]
    assert eu["sd"].notna().all(), "Elevundersøkelsen indices carry a pupil-level SD"


def test_realistic_size_mix(fig):
    np5 = fig[(fig["level"] == "skole") & (fig["indicator"] == "np_skalapoeng") & (fig["subject"] == "regning")
              & (fig["trinn"] == 5)]
    small = np5["suppressed"] | (np5["n"] < 15)
    assert small.mean() > 0.3, "many schools have under 15 pupils per trinn"
    assert (np5["n"] >= 80).sum() > 50, "a few large schools"


def test_suppression_below_threshold_exactly(fig):
    thr = fig["indicator"].astype(str).map(suppression_min_n)
    published = ~fig["suppressed"]
    assert (fig.loc[published, "n"] >= thr[published]).all()
    assert fig.loc[fig["suppressed"], ["value", "n", "sd"]].isna().all().all()
    assert (fig.loc[fig["suppressed"], "marker"] == MARKER_SUPPRESSED).all()
    assert (fig.loc[published, "value"].notna()).all()
    # The stricter Elevundersøkelsen rule shows: more EU than NP figures are suppressed.
    supp = fig[fig["level"] == "skole"].groupby("indicator", observed=True)["suppressed"].mean()
    assert supp["eu_mobbing"] > supp["eu_trivsel"] > supp["np_skalapoeng"]


def _check_parent_agrees(fig, indicator, subject, trinn, child_level, parent_level, parent_key):
    sl = fig[(fig["indicator"] == indicator) & (fig["subject"] == subject) & (fig["trinn"] == trinn)
             & (fig["kjonn"] == "alle")]
    child = sl[sl["level"] == child_level].copy()
    if parent_key == "level_parent":  # the nation is the parent of every fylke
        child["level_parent"] = "0"
    child = pd.DataFrame({
        "key": child[parent_key].astype(str).to_numpy(), "period": child["period"].astype(str).to_numpy(),
        "supp": child["suppressed"].to_numpy(), "n": child["n"].to_numpy(),
        "wsum": (child["value"] * child["n"]).to_numpy()})
    agg = child.groupby(["key", "period"]).agg(any_supp=("supp", "any"), n=("n", "sum"), wsum=("wsum", "sum"))
    agg = agg[~agg["any_supp"]].reset_index()
    parent = sl[sl["level"] == parent_level][["unit_id", "period", "value", "n"]].astype({"unit_id": str, "period": str})
    m = agg.merge(parent, left_on=["key", "period"], right_on=["unit_id", "period"])
    assert len(m) >= 10
    assert np.allclose(m["n_x"], m["n_y"]), "parent n is the sum of its children's n"
    dec = INDICATORS[indicator].decimals
    tol = 0.5 * 10 ** (-dec) * 2 + 1e-9
    assert np.allclose(m["wsum"] / m["n_x"], m["value"], atol=tol), "parent value is the pupil-weighted mean"


@pytest.mark.parametrize(
    "indicator,subject,trinn",
    [("grunnskolepoeng", "", 10), ("np_mestring_1", "lesing", 5), ("eu_stotte_larer", "", 7)],
)
def test_aggregates_agree_with_their_units(fig, indicator, subject, trinn):
    _check_parent_agrees(fig, indicator, subject, trinn, "skole", "kommune", "kommune_id")
    _check_parent_agrees(fig, indicator, subject, trinn, "fylke", "nasjonalt", "level_parent")


def test_value_ranges_and_shares_sum_to_100(fig):
    for code, ind in INDICATORS.items():
        vals = fig.loc[fig["indicator"] == code, "value"].dropna()
        if len(vals):
            assert vals.between(ind.value_min, ind.value_max).all(), code
    lv = fig[(fig["level"] == "kommune") & fig["indicator"].astype(str).str.startswith("np_mestring_")
             & ~fig["suppressed"] & (fig["trinn"] == 8)]
    sums = lv.groupby(["unit_id", "subject", "period"], observed=True)["value"].sum()
    assert np.allclose(sums, 100, atol=0.3)


def test_showcase_one_school_kommune(fig, generated):
    rows = fig[fig["kommune_id"] == demo.SHOWCASE_ONE_SCHOOL]
    assert rows.loc[rows["level"] == "skole", "unit_id"].nunique() == 1
    gsp = rows[(rows["level"] == "kommune") & (rows["indicator"] == "grunnskolepoeng") & (rows["kjonn"] == "alle")]
    assert gsp["suppressed"].any() and (~gsp["suppressed"]).any(), "some years suppressed, some published"
    pop = generated.context.set_index("kommune_id").loc[demo.SHOWCASE_ONE_SCHOOL, "population"]
    assert pop < 1000


def test_showcase_spread_has_one_school_far_below(fig):
    sl = fig[(fig["kommune_id"] == demo.SHOWCASE_SPREAD) & (fig["level"] == "skole")
             & (fig["indicator"] == "np_skalapoeng") & (fig["trinn"] == 5) & ~fig["suppressed"]]
    means = sl.groupby("unit_name", observed=True).apply(lambda g: np.average(g["value"], weights=g["n"]))
    assert means.idxmin() == demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME
    assert means.drop(demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME).min() - means.min() > 4


def test_showcase_merger_history_under_old_numbers(fig):
    kom = fig[fig["level"] == "kommune"]
    old = kom[kom["unit_id"].isin(demo.SHOWCASE_MERGER_OLD)]["period"].astype(str).unique()
    new = kom[kom["unit_id"] == demo.SHOWCASE_MERGER]["period"].astype(str).unique()
    assert max(old) < min(new) == demo.make_period(demo.MERGER_YEAR)
    lineage = data.kommune_lineage(demo.SHOWCASE_MERGER)
    assert lineage[0] == demo.SHOWCASE_MERGER and set(lineage) == {demo.SHOWCASE_MERGER, *demo.SHOWCASE_MERGER_OLD}
    # A school keeps its orgnr across the merger.
    schools = fig[(fig["level"] == "skole") & fig["kommune_id"].isin([demo.SHOWCASE_MERGER, *demo.SHOWCASE_MERGER_OLD])]
    per_school = schools.groupby("unit_id", observed=True)["kommune_id"].nunique()
    assert (per_school == 2).all()


def test_names_are_fictional(realdata, generated):
    path = realdata / "ssb-klass-kommuner-2026" / "ssb_klass_kommuneinndeling_2026.csv"
    with open(path, encoding="latin-1") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    real = {row["name"].split(" - ")[0].strip() for row in rows}
    real_codes = {row["code"] for row in rows}
    assert len(real) > 300
    ours = set(generated.kommuner["kommune_name"])
    assert not ours & real, f"demo kommune names that are real kommuner: {sorted(ours & real)}"
    assert not set(generated.kommuner["kommune_id"]) & real_codes


def test_dataset_loads_fast_from_cache():
    import time

    data.ensure_demo()
    t0 = time.perf_counter()
    df = pd.read_parquet(data.dataset.demo_dir() / "figures.parquet")
    elapsed = time.perf_counter() - t0
    print(f"\nParquet read of {len(df)} rows: {elapsed:.2f} s")
    assert elapsed < 3.0  # well under a second on an idle machine; generous for a loaded CI box


def test_elevundersokelsen_secondary_suppression_from_2023(fig):
    """Since 2023 Udir also hides the figures from which a suppressed one could be derived."""
    from tests.suppression_audit import disclosure_risks

    eu = fig[fig["indicator"].astype(str).str.startswith("eu_")]
    recent = eu[eu["period"].astype(str) >= demo.make_period(demo.EU_SECONDARY_FROM)]
    older = eu[eu["period"].astype(str) < demo.make_period(demo.EU_SECONDARY_FROM)]
    assert len(disclosure_risks(recent)) == 0
    assert len(disclosure_risks(older)) > 0  # before the rule, only primary suppression (as published then)
    assert recent["suppressed"].mean() > older["suppressed"].mean()
