"""analysis.national_store: the stored national comparison is national_benchmark_comparison's result, value for
value and dtype for dtype; the key changes with anything the comparison reads; a broken entry is a miss."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import data
from analysis import national_store
from analysis.overview import national_benchmark_comparison
from analysis.window import last_school_years
from data import result_cache
from data.coverage import possible_keys


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("UTFORDRINGSBILDE_DATA_DIR", str(tmp_path))
    return tmp_path / "cache" / national_store.KIND


@pytest.fixture(scope="module")
def national_inputs(demo_figures):
    options = data.current_kommuner()[["kommune_id", "fylke_id"]].astype(str)
    return demo_figures, dict(zip(options["kommune_id"], options["fylke_id"])), \
        last_school_years(demo_figures["period"].unique()), possible_keys()


def _same(a, b) -> None:
    pd.testing.assert_frame_equal(a.table, b.table, check_exact=True)
    assert list(a.table.dtypes) == list(b.table.dtypes)
    for name in a.table.columns[a.table.dtypes == object]:  # text as Python str, flags' missing as NaN, not None
        assert list(map(type, a.table[name])) == list(map(type, b.table[name]))
    assert (a.fylke_of, a.keys, a.by_year, a.numbers_with_rows) == (b.fylke_of, b.keys, b.by_year,
                                                                    b.numbers_with_rows)


@pytest.mark.parametrize("by_year", [False, True])
def test_stored_comparison_is_the_computed_one(national_inputs, cache_dir, by_year):
    figures, fylke_of, periods, keys = national_inputs
    direct = national_benchmark_comparison(figures, fylke_of, periods, keys, by_year=by_year)
    first = national_store.cached_national(figures, fylke_of, periods, keys, by_year=by_year, data_id="demo")
    assert len(list(cache_dir.iterdir())) == 1
    again = national_store.cached_national(figures, fylke_of, periods, keys, by_year=by_year, data_id="demo")
    _same(direct, first)
    _same(direct, again)
    assert len(direct.table) > 1000 and direct.table["kommune_id"].nunique() > 300


def test_key_follows_inputs(monkeypatch):
    fylke_of, periods, keys = {"7001": "70", "7101": None}, ["2023-24", "2024-25"], [("grunnskolepoeng", "", 10)]
    key = national_store.national_key("d1", fylke_of, periods, keys, False)
    assert key == national_store.national_key("d1", dict(reversed(fylke_of.items())), periods, keys, False)
    changed = [national_store.national_key("d2", fylke_of, periods, keys, False),  # new data or language
               national_store.national_key("d1", {**fylke_of, "7101": "71"}, periods, keys, False),
               national_store.national_key("d1", fylke_of, periods[1:], keys, False),
               national_store.national_key("d1", fylke_of, periods, keys + [("np_lesing", "", 5)], False),
               national_store.national_key("d1", fylke_of, periods, keys, True)]
    monkeypatch.setattr(result_cache, "code_version", lambda paths: "other code")
    changed.append(national_store.national_key("d1", fylke_of, periods, keys, False))
    assert len({key, *changed}) == 1 + len(changed)


def test_code_version_follows_the_files(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("x = 1\n")
    first = result_cache.code_version.__wrapped__((tmp_path / "pkg",))
    (tmp_path / "pkg" / "a.py").write_text("x = 2\n")
    assert result_cache.code_version.__wrapped__((tmp_path / "pkg",)) != first


def test_unreadable_or_altered_entry_is_a_miss(national_inputs, cache_dir):
    figures, fylke_of, periods, keys = national_inputs
    direct = national_store.cached_national(figures, fylke_of, periods, keys, by_year=False, data_id="demo")
    entry = next(cache_dir.iterdir())
    (entry / "table.parquet").write_bytes(b"not parquet")
    _same(direct, national_store.cached_national(figures, fylke_of, periods, keys, by_year=False, data_id="demo"))
    pd.DataFrame({"other": [1]}).to_parquet(entry / "table.parquet", index=False)  # columns that do not fit
    _same(direct, national_store.cached_national(figures, fylke_of, periods, keys, by_year=False, data_id="demo"))


def test_stored_range_is_the_computed_one(national_inputs, cache_dir):
    from analysis.spine import kommune_distribution

    figures, fylke_of, periods, _ = national_inputs
    fylke = sorted(set(fylke_of.values()))[0]
    for fylke_id in (None, fylke):
        direct = kommune_distribution(figures, list(periods), fylke_id)
        first = national_store.cached_range(figures, periods, fylke_id, data_id="demo")
        again = national_store.cached_range(figures, periods, fylke_id, data_id="demo")
        assert len(direct) > 5 and direct["range_count"].gt(0).all()
        for got in (first, again):
            pd.testing.assert_frame_equal(direct, got, check_exact=True)
            assert list(direct.dtypes) == list(got.dtypes)
    assert len(list((cache_dir.parent / national_store.RANGE_KIND).iterdir())) == 2
    assert national_store.range_key("demo", periods, None) != national_store.range_key("demo", periods, fylke)
    assert national_store.range_key("demo", periods, None) != national_store.range_key("other", periods, None)
    assert national_store.range_key("demo", periods, None) != national_store.range_key("demo", periods[1:], None)


def test_real_exports_are_stored_and_read_back_identical(realdata, data_folder):
    """Udir's grunnskolepoeng 2015–2021: kommuner whose fylke has no figure in the window leave
    ``fylke_suppressed`` as an object column of bool and NaN; it is stored and comes back the same."""
    from data.importers import import_files, save_import

    path = realdata / "udir-grunnskolepoeng-skoler-2015-2021" / "Grunnskolepoeng_Udir.xlsx"
    res = import_files([(path.name, path.read_bytes())])
    assert res.ok, res.errors
    save_import(res, "replace")
    figures = data.load_dataset()
    registry = data.current_kommuner().set_index("kommune_id")["fylke_id"].astype(str)
    fylke_of = {k: registry.get(k) for k in figures.loc[figures["level"] == "kommune", "unit_id"].astype(str).unique()}
    periods, keys = last_school_years(figures["period"].unique()), [("grunnskolepoeng", "", 10)]
    for by_year in (False, True):
        direct = national_benchmark_comparison(figures, fylke_of, periods, keys, by_year=by_year)
        assert {type(v) for v in direct.table["fylke_suppressed"]} == {bool, float}
        first = national_store.cached_national(figures, fylke_of, periods, keys, by_year=by_year, data_id="real")
        again = national_store.cached_national(figures, fylke_of, periods, keys, by_year=by_year, data_id="real")
        _same(direct, first)
        _same(direct, again)
    assert len(list((data_folder / "cache" / national_store.KIND).iterdir())) == 2  # both stored


def test_flags_with_missing_values_round_trip_exactly(cache_dir):
    flags = pd.DataFrame({"unit_id": ["7001", "7002", "7003"], "suppressed": pd.Series([True, float("nan"), False],
                                                                                      dtype=object)})
    assert result_cache.write_exact("t", "k", {"t": flags}, {})
    back = result_cache.read_exact("t", "k", ("t",))[0]["t"]
    pd.testing.assert_frame_equal(flags, back, check_exact=True)
    assert list(map(type, back["suppressed"])) == [bool, float, bool]
    mixed = flags.assign(suppressed=pd.Series([True, None, 1], dtype=object))  # None and a number: not exact
    assert not result_cache.write_exact("t", "k2", {"t": mixed}, {})


def test_table_that_would_not_read_back_identical_is_not_stored(cache_dir, monkeypatch):
    """An object column holding None (Parquet gives NaN back) is left to be computed again, never stored."""
    from analysis import overview

    table = pd.DataFrame({"unit_id": ["7001", "7002"], "note": pd.Series(["ok", None], dtype=object), "value": [1.0, 2.0]})
    fake = overview.NationalComparison(table, {"7001": "70"}, frozenset(), False, frozenset({"7001"}))
    monkeypatch.setattr(national_store, "national_benchmark_comparison", lambda *a, **k: fake)
    assert national_store.cached_national(None, {"7001": "70"}, ["2024-25"], [], by_year=False, data_id="x") is fake
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_prune_keeps_the_newest_entries(cache_dir):
    for i in range(9):
        result_cache.write_frames(national_store.KIND, f"k{i}", {"t": pd.DataFrame({"a": [i]})}, {"i": i})
        os.utime(cache_dir / f"k{i}" / "meta.json", ns=(i * 10**9, i * 10**9))  # file times are coarse
    result_cache.prune(national_store.KIND, keep=["k0"], newest=3)
    assert sorted(e.name for e in cache_dir.iterdir()) == ["k0", "k6", "k7", "k8"]
