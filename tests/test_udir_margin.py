"""Udir's «Usikkerhet» (canonical ``udir_margin``) as the interval of a skalapoeng (analysis/intervals.py)."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.intervals import METHOD_UDIR_MARGIN, METHOD_UDIR_MARGIN_POOLED, add_intervals, pooled_window
from data.schema import validate
from tests.rows import canonical_row


def _frame(rows):
    return validate(pd.DataFrame(rows))


def test_single_year_uses_udirs_margin():
    df = _frame([
        canonical_row(unit_id="1", value=48.0, n=30, udir_margin=3.4),
        canonical_row(unit_id="2", value=52.0, n=30),  # no margin: t interval from n and national SD
        canonical_row(unit_id="3", value=np.nan, suppressed=True, marker="*", udir_margin=np.nan),
        canonical_row(unit_id="4", value=47.0, n=np.nan, udir_margin=2.0),  # margin without n still an interval
    ])
    out = add_intervals(df).set_index("unit_id")
    assert (out.loc["1", "lower"], out.loc["1", "upper"]) == (48.0 - 3.4, 48.0 + 3.4)
    assert out.loc["1", "ci_method"] == METHOD_UDIR_MARGIN
    assert out.loc["1", "se"] == pytest.approx(3.4 / stats.norm.isf(0.025))
    half_t = stats.t.isf(0.025, 29) * 10 / np.sqrt(30)  # catalogue SD 10 for skalapoeng
    assert out.loc["2", "halfwidth"] == pytest.approx(half_t)
    assert "t-intervall" in out.loc["2", "ci_method"]
    assert np.isnan(out.loc["3", "lower"]) and out.loc["3", "no_interval_reason"] == "Skjermet"
    assert (out.loc["4", "lower"], out.loc["4", "upper"]) == (45.0, 49.0)


def test_pooled_margin_formula():
    rows = [canonical_row(period=p, value=v, n=n, udir_margin=u)
            for p, v, n, u in [("2021-22", 50.0, 40, 3.0), ("2022-23", 46.0, 20, 4.5), ("2023-24", 49.0, 40, 2.8)]]
    out = pooled_window(_frame(rows), ["2021-22", "2022-23", "2023-24"]).iloc[0]
    N = 100
    expect = np.sqrt((40 / N * 3.0) ** 2 + (20 / N * 4.5) ** 2 + (40 / N * 2.8) ** 2)
    assert out["value"] == pytest.approx((40 * 50 + 20 * 46 + 40 * 49) / N)
    assert out["halfwidth"] == pytest.approx(expect)
    assert out["ci_method"] == METHOD_UDIR_MARGIN_POOLED
    # One year without Udir's margin: the whole window falls back to the pupil-count interval.
    rows[1]["udir_margin"] = np.nan
    out = pooled_window(_frame(rows), ["2021-22", "2022-23", "2023-24"]).iloc[0]
    assert "t-intervall" in out["ci_method"] and np.isnan(out["udir_margin"])


def test_pooled_margin_coverage():
    """Yearly means drawn around a true mean with se u_i/z: the pooled interval covers it about 95 %."""
    rng = np.random.default_rng(11)
    n = np.array([15, 60, 35])
    u = np.array([5.0, 2.5, 3.3])
    z = stats.norm.isf(0.025)
    reps, covered = 4000, 0
    m = 50 + rng.normal(size=(reps, 3)) * u / z
    w = n / n.sum()
    half = np.sqrt(((w * u) ** 2).sum())
    est = m @ w
    covered = np.mean(np.abs(est - 50) <= half)
    assert 0.94 <= covered <= 0.96
    # and the same half-width comes out of pooled_window
    rows = [canonical_row(period=p, value=50.0, n=int(k), udir_margin=float(x))
            for p, k, x in zip(["2021-22", "2022-23", "2023-24"], n, u)]
    out = pooled_window(_frame(rows), ["2021-22", "2022-23", "2023-24"]).iloc[0]
    assert out["halfwidth"] == pytest.approx(half)


def test_real_np_export_margin(realdata):
    from data.importers import import_files

    path = realdata / "udir-np-skoler-nasjonalt" / "2022-23_20260224-1157_Nasjonale_proever_ungdomstrinn.csv"
    res = import_files([(path.name, path.read_bytes())])
    f = res.figures
    arendal = f[(f["unit_id"] == "4203") & (f["subject"] == "regning")].iloc[0]
    assert arendal["udir_margin"] > 0 and arendal["indicator"] == "np_skalapoeng"
    out = add_intervals(f[f["unit_id"] == "4203"])
    assert set(out["ci_method"].astype(str)) == {METHOD_UDIR_MARGIN}
    assert any("Usikkerhet" in note for note in res.reports[0].notes)


def test_legacy_usikkerhet_rows_upgraded(tmp_path, monkeypatch):
    """Imports saved before issue 11 stored «Usikkerhet» as indicator np_usikkerhet: read as udir_margin."""
    from data import dataset

    monkeypatch.setenv("UTFORDRINGSBILDE_DATA_DIR", str(tmp_path))
    base = canonical_row(level="kommune", unit_id="4203", kommune_id="4203", value=49.0, n=277)
    legacy = dict(base, indicator="np_usikkerhet", value=1.2, n=np.nan, unit_of_measure="± skalapoeng")
    frame = pd.DataFrame([base, legacy])
    folder = tmp_path / "imported"
    folder.mkdir()
    frame.to_parquet(folder / "figures.parquet")
    up = dataset._upgraded(folder / "figures.parquet")
    assert up["indicator"].astype(str).tolist() == ["np_skalapoeng"] and up["udir_margin"].tolist() == [1.2]
