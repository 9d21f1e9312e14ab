"""Comparisons: differences against statsmodels, benchmark classification, rest of the kommune."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats.proportion import confint_proportions_2indep
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

from analysis.compare import (
    BEDRE,
    CLASSIFICATIONS,
    HOYERE,
    IKKE_SIKKER,
    INGEN_DATA,
    LAVERE,
    SVAKERE,
    classify,
    compare_to_benchmark,
    count_classifications,
    difference_interval,
    newcombe_difference,
    rest_of_kommune,
    welch_difference,
)
from analysis.intervals import add_intervals
from tests.rows import canonical_row


def test_newcombe_matches_statsmodels():
    rng = np.random.default_rng(3)
    for _ in range(300):
        n1, n2 = rng.integers(1, 400, 2)
        x1, x2 = rng.integers(0, n1 + 1), rng.integers(0, n2 + 1)
        d, lo, hi = newcombe_difference(x1, n1, x2, n2)
        ref_lo, ref_hi = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff")
        assert d == pytest.approx(x1 / n1 - x2 / n2)
        assert lo == pytest.approx(ref_lo, abs=1e-9) and hi == pytest.approx(ref_hi, abs=1e-9)


def test_welch_matches_statsmodels():
    rng = np.random.default_rng(4)
    for _ in range(50):
        a = rng.normal(50, 10, rng.integers(2, 200))
        b = rng.normal(47, 6, rng.integers(2, 200))
        d, lo, hi, _ = welch_difference(a.mean(), a.std(ddof=1), len(a), b.mean(), b.std(ddof=1), len(b))
        ref = CompareMeans(DescrStatsW(a), DescrStatsW(b)).tconfint_diff(usevar="unequal")
        assert d == pytest.approx(a.mean() - b.mean())
        assert (lo, hi) == pytest.approx(ref, abs=1e-9)


def test_difference_interval_units():
    d, lo, hi = difference_interval(20.0, 50, 10.0, 200, kind="share")
    ref = confint_proportions_2indep(10, 50, 20, 200, method="newcomb", compare="diff")
    assert d == pytest.approx(10.0) and (lo, hi) == pytest.approx((100 * ref[0], 100 * ref[1]))
    d, lo, hi = difference_interval(50.0, 30, 45.0, 40, kind="mean", sd1=10, sd2=9)
    assert lo < d < hi
    with pytest.raises(ValueError):
        difference_interval(50.0, 30, 45.0, 40, kind="mean")
    with pytest.raises(ValueError):
        difference_interval(50.0, 30, 45.0, 40, kind="median")


def test_classify_direction_table():
    lo = np.array([1.0, -1.0, -3.0, np.nan])
    hi = np.array([3.0, 1.0, -1.0, 1.0])
    assert list(classify(lo, hi, np.ones(4))) == [BEDRE, IKKE_SIKKER, SVAKERE, INGEN_DATA]
    assert list(classify(lo, hi, -np.ones(4))) == [SVAKERE, IKKE_SIKKER, BEDRE, INGEN_DATA]
    assert list(classify(lo, hi, np.zeros(4))) == [HOYERE, IKKE_SIKKER, LAVERE, INGEN_DATA]


def test_count_classifications_one_rule():
    """Each code under itself; «uten sikker forskjell» is ikke_sikker only (lavere/høyere are sure)."""
    codes = [SVAKERE, SVAKERE, BEDRE, IKKE_SIKKER, LAVERE, HOYERE, HOYERE, INGEN_DATA, None, float("nan")]
    c = count_classifications(pd.Series(codes, dtype=object))
    assert (c.svakere, c.bedre, c.ikke_sikker, c.lavere, c.hoyere, c.ingen_data) == (2, 1, 1, 1, 2, 3)
    assert c.usikker == 1 and c.total == len(codes)
    cat = pd.Categorical([SVAKERE, BEDRE], categories=list(CLASSIFICATIONS))
    assert count_classifications(cat).total == 2 and count_classifications([]).total == 0
    with pytest.raises(ValueError):
        count_classifications(["verre"])


_row = canonical_row


def test_compare_to_benchmark_directions():
    df = pd.DataFrame([
        _row(indicator="np_skalapoeng", value=40.0, n=100, benchmark=50.0),      # far below, higher better
        _row(indicator="np_skalapoeng", value=49.0, n=20, benchmark=50.0),       # interval covers 50
        _row(indicator="np_mestring_1", value=40.0, n=100, benchmark=20.0),      # share high, lower better
        _row(indicator="np_mestring_1", value=5.0, n=200, benchmark=20.0),
        _row(indicator="np_mestring_3", value=60.0, n=200, benchmark=40.0),      # neutral
        _row(indicator="np_mestring_3", value=20.0, n=200, benchmark=40.0),
        _row(indicator="np_skalapoeng", suppressed=True, marker="*", benchmark=50.0),
        _row(indicator="np_skalapoeng", value=40.0, n=100, benchmark=np.nan),
    ])
    out = compare_to_benchmark(df)  # adds intervals itself
    assert list(out["classification"]) == [SVAKERE, IKKE_SIKKER, SVAKERE, BEDRE, HOYERE, LAVERE,
                                            INGEN_DATA, INGEN_DATA]
    assert out.loc[0, "difference"] == pytest.approx(-10)
    assert out.loc[0, "diff_lower"] == pytest.approx(out.loc[0, "lower"] - 50)
    assert out.loc[1, "diff_lower"] < 0 < out.loc[1, "diff_upper"]


def test_compare_with_benchmark_interval_is_newcombe():
    """Two Wilson intervals combined by MOVER = Newcombe's hybrid score interval."""
    unit = add_intervals(pd.DataFrame([_row(indicator="np_mestring_1", value=30.0, n=40)]))
    bench = add_intervals(pd.DataFrame([_row(indicator="np_mestring_1", value=20.0, n=150, unit_id="k")]))
    unit["benchmark"] = bench["estimate"].to_numpy()
    unit["b_lo"] = bench["lower"].to_numpy()
    unit["b_hi"] = bench["upper"].to_numpy()
    out = compare_to_benchmark(unit, benchmark_lower_col="b_lo", benchmark_upper_col="b_hi")
    ref = confint_proportions_2indep(12, 40, 30, 150, method="newcomb", compare="diff")
    assert (out.loc[0, "diff_lower"], out.loc[0, "diff_upper"]) == pytest.approx((100 * ref[0], 100 * ref[1]))


def test_compare_with_benchmark_se_widens():
    df = add_intervals(pd.DataFrame([_row(value=46.0, n=100, benchmark=50.0, bse=1.5)]))
    fixed = compare_to_benchmark(df)
    unc = compare_to_benchmark(df, benchmark_se_col="bse")
    assert fixed.loc[0, "classification"] == SVAKERE
    # se of difference = sqrt(1² + 1.5²) under the normal approximation for the t half-width.
    assert unc.loc[0, "diff_upper"] - unc.loc[0, "diff_lower"] > fixed.loc[0, "diff_upper"] - fixed.loc[0, "diff_lower"]
    half = np.hypot(fixed.loc[0, "halfwidth"], 1.959963984540054 * 1.5)
    assert unc.loc[0, "diff_upper"] == pytest.approx(-4 + half)


@settings(max_examples=150, deadline=None)
@given(value=st.floats(1, 99), n=st.integers(2, 2000), bench=st.floats(1, 99),
       ind=st.sampled_from(["np_skalapoeng", "np_mestring_1", "np_mestring_3", "eu_mobbing", "grunnskolepoeng"]))
def test_classification_consistent_with_interval(value, n, bench, ind):
    if ind == "grunnskolepoeng":
        value, bench = 10 + value / 2, 10 + bench / 2
    out = compare_to_benchmark(pd.DataFrame([_row(indicator=ind, value=value, n=float(n), benchmark=bench)]))
    r = out.iloc[0]
    inside = r["lower"] <= bench <= r["upper"]
    assert (r["classification"] == IKKE_SIKKER) == inside
    if not inside:
        above = r["lower"] > bench
        direction = {"np_skalapoeng": 1, "grunnskolepoeng": 1, "np_mestring_1": -1, "eu_mobbing": -1,
                     "np_mestring_3": 0}[ind]
        expected = {(1, True): BEDRE, (1, False): SVAKERE, (-1, True): SVAKERE, (-1, False): BEDRE,
                    (0, True): HOYERE, (0, False): LAVERE}[(direction, above)]
        assert r["classification"] == expected
    # Flipping the benchmark around the estimate flips a decisive verdict (direction handled symmetrically).
    flipped = compare_to_benchmark(pd.DataFrame([_row(indicator=ind, value=value, n=float(n),
                                                      benchmark=2 * value - bench)])).iloc[0]
    pairs = {BEDRE: SVAKERE, SVAKERE: BEDRE, HOYERE: LAVERE, LAVERE: HOYERE}
    if r["classification"] in pairs and ind in ("np_skalapoeng", "grunnskolepoeng"):
        assert flipped["classification"] == pairs[r["classification"]]


# --- rest of the kommune ----------------------------------------------------------------------

def _kommune_from_pupils(pupils: dict[str, np.ndarray], indicator: str, min_n: int = 10):
    """School rows and the kommune row aggregated from pupils (exact, unrounded)."""
    share = indicator.startswith("np_mestring") or indicator == "eu_mobbing"
    rows = []
    for sid, x in pupils.items():
        supp = len(x) < min_n
        rows.append(_row(indicator=indicator, unit_id=sid, unit_name=f"Skole {sid}",
                         value=np.nan if supp else (100 * x.mean() if share else x.mean()),
                         n=np.nan if supp else float(len(x)),
                         sd=np.nan if (supp or share or len(x) < 2) else x.std(ddof=1), suppressed=supp))
    allx = np.concatenate(list(pupils.values()))
    kom = _row(indicator=indicator, level="kommune", unit_id="7001", unit_name="Testvik",
               value=100 * allx.mean() if share else allx.mean(), n=float(len(allx)),
               sd=np.nan if (share or len(allx) < 2) else allx.std(ddof=1))
    return pd.DataFrame(rows), pd.DataFrame([kom])


def test_rest_of_kommune_means_equal_other_pupils():
    rng = np.random.default_rng(11)
    pupils = {"a": rng.normal(45, 10, 30), "b": rng.normal(52, 9, 55), "c": rng.normal(50, 11, 41)}
    sch, kom = _kommune_from_pupils(pupils, "np_skalapoeng")
    rest = rest_of_kommune(sch, kom).set_index("school_id")
    for sid in pupils:
        others = np.concatenate([v for k, v in pupils.items() if k != sid])
        assert rest.loc[sid, "value"] == pytest.approx(others.mean(), abs=1e-9)
        assert rest.loc[sid, "n"] == len(others)
        assert rest.loc[sid, "sd"] == pytest.approx(others.std(ddof=1), abs=1e-7)
        assert rest.loc[sid, "rest_reason"] == "" and not rest.loc[sid, "suppressed"]
        assert rest.loc[sid, "unit_id"] == f"7001-uten-{sid}"
    assert rest["rounding_error"].gt(0).all()


def test_rest_of_kommune_shares_from_counts():
    rng = np.random.default_rng(12)
    pupils = {"a": (rng.random(30) < 0.4).astype(float), "b": (rng.random(60) < 0.2).astype(float)}
    sch, kom = _kommune_from_pupils(pupils, "np_mestring_1")
    rest = rest_of_kommune(sch, kom).set_index("school_id")
    assert rest.loc["a", "value"] == pytest.approx(100 * pupils["b"].mean())
    assert rest.loc["b", "value"] == pytest.approx(100 * pupils["a"].mean())
    assert np.isnan(rest.loc["a", "sd"])


def test_rest_of_kommune_refuses_to_reveal():
    rng = np.random.default_rng(13)
    # Two schools: a (40 pupils) published, b (6 pupils) suppressed. Kommune minus a would reveal b.
    pupils = {"a": rng.normal(50, 10, 40), "b": rng.normal(50, 10, 6)}
    sch, kom = _kommune_from_pupils(pupils, "np_skalapoeng")
    rest = rest_of_kommune(sch, kom).set_index("school_id")
    assert bool(rest.loc["a", "suppressed"]) and np.isnan(rest.loc["a", "value"])
    assert "For få elever" in rest.loc["a", "rest_reason"]
    # The suppressed school: its rest cannot be computed without its own hidden n.
    assert bool(rest.loc["b", "suppressed"]) and np.isnan(rest.loc["b", "value"])
    assert rest.loc["b", "derived_from_suppressed"]
    # A suppressed kommune figure gives a suppressed rest.
    kom2 = kom.assign(value=np.nan, n=np.nan, sd=np.nan, suppressed=True, marker="*")
    rest2 = rest_of_kommune(sch, kom2)
    assert rest2["suppressed"].all() and rest2["value"].isna().all()
    # One-school kommune: nothing left.
    sch1, kom1 = _kommune_from_pupils({"a": rng.normal(50, 10, 40)}, "np_skalapoeng")
    r1 = rest_of_kommune(sch1, kom1).iloc[0]
    assert np.isnan(r1["value"]) and r1["rest_reason"] == "Ingen andre elever i kommunen"


@settings(max_examples=80, deadline=None)
@given(sizes=st.lists(st.integers(1, 60), min_size=1, max_size=6), seed=st.integers(0, 10_000))
def test_rest_never_reveals_small_groups(sizes, seed):
    """Suppressed in ⇒ suppressed out, and no published rest stands on fewer pupils than the threshold."""
    rng = np.random.default_rng(seed)
    pupils = {f"s{i}": rng.normal(50, 10, k) for i, k in enumerate(sizes)}
    sch, kom = _kommune_from_pupils(pupils, "np_skalapoeng")
    rest = rest_of_kommune(sch, kom).set_index("school_id")
    for sid, x in pupils.items():
        r = rest.loc[sid]
        if len(x) < 10:
            assert bool(r["suppressed"]) and np.isnan(r["value"])
        if np.isfinite(r["value"]):
            assert r["n"] >= 10
            others = np.concatenate([v for k, v in pupils.items() if k != sid])
            assert r["value"] == pytest.approx(others.mean(), abs=1e-8)


def test_rest_of_kommune_on_demo(demo_figures):
    k = demo_figures[demo_figures["kommune_id"] == "7290"]
    rest = rest_of_kommune(k[k["level"] == "skole"], k[k["level"] == "kommune"])
    assert len(rest) == (k["level"] == "skole").sum()
    ok = rest["value"].notna()
    assert ok.mean() > 0.5
    assert (rest.loc[ok, "n"] >= 10).all()
    # With rounded published figures the rest is within its rounding bound of the plausible range.
    out = add_intervals(rest)
    assert out.loc[ok, "lower"].notna().all()
