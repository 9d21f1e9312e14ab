"""The spine chart's numbers (analysis/spine.py) and figure (present/spine_chart.py), checked independently."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import data
from analysis.intervals import pooled_window
from analysis.overview import overview_pooled
from analysis.window import last_school_years
from analysis.spine import add_positions, kommune_distribution, spine_table
from data import demo
from data.catalogue import INDICATORS, UTTREKK_SET
from present.spine_chart import TRACE_META, spine_figure, spine_label
from present.verdicts import verdict_sentence, verdict_summary


@pytest.fixture(scope="module")
def setup(demo_figures):
    periods = last_school_years(demo_figures["period"].unique())
    reg = data.load_kommuner().set_index("kommune_id")
    return demo_figures, periods, reg


def _spine(setup, kommune_id, benchmark="nasjonalt"):
    figures, periods, reg = setup
    return spine_table(figures, data.kommune_lineage(kommune_id), reg.loc[kommune_id, "fylke_id"], periods, benchmark)


def test_distribution_matches_pandas_quantiles_of_each_kommune_pooled(setup):
    figures, periods, _ = setup
    dist = kommune_distribution(figures, periods).set_index(["indicator", "subject", "trinn"])
    ind, subject, trinn = "grunnskolepoeng", "", 10
    rows = figures[(figures["level"] == "kommune") & (figures["indicator"] == ind) & (figures["trinn"] == trinn)
                   & (figures["kjonn"] == "alle") & figures["period"].isin(periods)].copy()
    # Independent pooling: n-weighted mean of the published years per kommune.
    pub = rows[~rows["suppressed"] & rows["value"].notna()]
    means = pub.groupby("unit_id", observed=True).apply(lambda g: np.average(g["value"], weights=g["n"]))
    got = dist.loc[(ind, subject, trinn)]
    assert got["range_count"] == len(means)
    for col, q in (("range_min", 0), ("range_q25", 0.25), ("range_q75", 0.75), ("range_max", 1)):
        assert got[col] == pytest.approx(means.quantile(q), abs=1e-9)


def test_one_row_per_uttrekk_indicator_and_verdict_is_the_overview_verdict(setup):
    figures, periods, reg = setup
    for k in (demo.SHOWCASE_ONE_SCHOOL, demo.SHOWCASE_SPREAD, demo.SHOWCASE_MERGER):
        spine = _spine(setup, k)
        assert [tuple(r) for r in spine[["indicator", "subject", "trinn"]].itertuples(index=False)] == list(UTTREKK_SET)
        pooled = overview_pooled(figures, data.kommune_lineage(k), reg.loc[k, "fylke_id"], periods)
        assert list(spine["classification"].astype(str)) == list(pooled["classification"].astype(str))


def test_positions_put_better_to_the_right_and_within_the_scale(setup):
    spine = _spine(setup, demo.SHOWCASE_MERGER)
    ok = spine[spine["pos_kommune"].notna()]
    for _, r in ok.iterrows():
        sign = 1 if INDICATORS[r["indicator"]].direction >= 0 else -1
        assert np.sign(r["pos_kommune"]) == np.sign(sign * (r["estimate"] - r["benchmark_value"]))
        # A surely worse kommune sits left of the centre, a surely better one right.
        if r["classification"] == "svakere":
            assert r["pos_kommune"] < 0
        if r["classification"] == "bedre":
            assert r["pos_kommune"] > 0
    pos = spine[["pos_worst", "pos_q_worst", "pos_q_best", "pos_best"]].to_numpy(float)
    assert (np.diff(pos, axis=1) >= -1e-12).all() and np.nanmax(np.abs(pos)) <= 1 + 1e-12
    # Lower is better: the kommune with the lowest share of mestringsnivå 1 is the rightmost end.
    low = spine[spine["indicator"] == "np_mestring_1"].iloc[0]
    h = low["scale_halfwidth"]
    assert low["pos_best"] == pytest.approx(-(low["range_min"] - low["benchmark_value"]) / h)


def test_add_positions_by_hand():
    frame = pd.DataFrame({"benchmark_value": [10.0, 10.0], "direction": [1, -1], "range_min": [6.0, 6.0],
                          "range_q25": [9.0, 9.0], "range_q75": [11.0, 11.0], "range_max": [12.0, 12.0],
                          "estimate": [8.0, 8.0], "second_value": [10.5, 10.5], "suppressed": [False, False]})
    out = add_positions(frame)
    assert list(out["pos_kommune"]) == [-0.5, 0.5]
    assert list(out["pos_worst"]) == [-1.0, -0.5] and list(out["pos_best"]) == [0.5, 1.0]
    assert list(out["pos_q_worst"]) == [-0.25, -0.25]


def test_fylke_benchmark_uses_fylke_kommuner_and_fylke_value(setup):
    spine = _spine(setup, demo.SHOWCASE_SPREAD, "fylke")
    nat = _spine(setup, demo.SHOWCASE_SPREAD, "nasjonalt")
    assert (spine["benchmark_value"].to_numpy() == nat["fylke_estimate"].to_numpy()).all()
    assert (spine["range_count"] < nat["range_count"]).all()
    with pytest.raises(ValueError):
        _spine(setup, demo.SHOWCASE_SPREAD, "verden")


def test_figure_marker_verdicts_equal_the_analysis(setup):
    spine = _spine(setup, demo.SHOWCASE_MERGER)
    fig = spine_figure(spine)
    labels = [spine_label(r) for _, r in spine.iterrows()]
    seen = {}
    for tr in fig.data:
        if isinstance(tr.meta, str) and tr.meta.startswith(TRACE_META):
            code = tr.meta.split(":")[1]
            for y in tr.y or ():
                if y is not None:
                    seen[y] = code
    expected = {lab: str(c) for lab, c, p in zip(labels, spine["classification"], spine["pos_kommune"]) if p == p}
    assert seen == expected and len(seen) == 11


def test_verdict_sentences_plain_words():
    assert verdict_sentence("svakere", direction=1) == "Kommunen ligger sikkert under landet."
    assert verdict_sentence("svakere", direction=-1).startswith("Kommunen ligger sikkert over landet.")
    assert verdict_sentence("bedre", direction=-1, reference="fylke").startswith("Kommunen ligger sikkert under fylket.")
    assert verdict_sentence("ikke_sikker") == "Vi kan ikke si at kommunen skiller seg fra landet."
    assert "skjermet" in verdict_sentence("ingen_data", suppressed=True)
    text = verdict_summary(["svakere", "ingen_data", "ikke_sikker", "ikke_sikker"])
    assert "Av 4 indikatorer er 1 sikkert svakere og 0 sikkert bedre" in text and "1 kan ikke vurderes" in text
