"""analysis.overview.national_benchmark_comparison (issue 16): every kommune against the nation, beside its own
fylke, computed once; a kommune's Oversikt rows (year by year and pooled) taken from it, equal frame for frame
to computing the kommune on its own (``benchmark_comparison`` with its lineage and fylke), on the demo data and
on Udir's real exports; and the cases where it must not be taken."""

from __future__ import annotations

import pandas as pd
import pytest

import data
from analysis.overview import benchmark_comparison, kommune_benchmark_comparison, national_benchmark_comparison
from analysis.window import last_school_years
from data.catalogue import UTTREKK_SET
from data.coverage import possible_keys

KEYS = list(UTTREKK_SET)
SOME_KEYS = KEYS[::-1][:5]  # another order and a subset: the order column is numbered per call


def _plain_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """The categorical columns with their unused categories dropped: ``ci_method``'s category list names the
    methods of every row a computation saw (other kommuner's too); the values are what must be equal."""
    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].cat.remove_unused_categories()
    return out


def _both_ways(figures: pd.DataFrame, fylke_of: dict, periods, key_sets, kommuner=None) -> tuple[int, int]:
    """Each kommune both ways, pooled and by year; (equal, computed on its own because it is merged)."""
    equal = fallback = 0
    for by_year in (False, True):
        national = national_benchmark_comparison(figures, fylke_of, periods, possible_keys() + extra_keys(key_sets),
                                                 by_year=by_year)
        for kid in kommuner or list(fylke_of):
            lineage, fylke_id = data.kommune_lineage(kid), fylke_of[kid]
            for keys in key_sets:
                taken = kommune_benchmark_comparison(national, kid, lineage, fylke_id, keys)
                if taken is None:
                    assert len(lineage) > 1  # a merger whose earlier numbers have figures in the window
                    fallback += 1
                    continue
                own = benchmark_comparison(data.kommune_area_rows(figures, lineage, fylke_id), {lineage[0]: lineage},
                                           periods, keys, by_year=by_year, fylke_id=fylke_id)
                if own.empty:
                    assert taken.empty
                else:
                    pd.testing.assert_frame_equal(_plain_categories(taken), _plain_categories(own), check_exact=True)
                equal += 1
    return equal, fallback


def extra_keys(key_sets) -> list:
    return sorted({k for keys in key_sets for k in keys} - set(possible_keys()))


def test_demo_kommuner_equal_to_their_own_comparison(demo_figures):
    options = data.current_kommuner()[["kommune_id", "fylke_id"]].astype(str)
    fylke_of = dict(zip(options["kommune_id"], options["fylke_id"]))
    periods = last_school_years(demo_figures["period"].unique())
    kommuner = sorted(fylke_of)[::6]  # every sixth: ≈10 s
    equal, fallback = _both_ways(demo_figures, fylke_of, periods, [KEYS, SOME_KEYS], kommuner)
    assert equal + fallback == 2 * 2 * len(kommuner) and equal > 200


def test_real_exports_equal_for_every_second_kommune(realdata, data_folder):
    """Udir's grunnskolepoeng 2015–2021 (the 2020 reform inside the window: merged kommuner fall back to their own
    computation) and nasjonale prøver 5. trinn 2024-25 (kommune, fylke and nation; skalapoeng, the stand-in key).
    Every second kommune of each (≈25 s)."""
    from data.importers import import_files, save_import

    files = [realdata / "udir-grunnskolepoeng-skoler-2015-2021" / "Grunnskolepoeng_Udir.xlsx",
             realdata / "udir-np-skoler-nasjonalt" / "2024-25_20260224-1157_Nasjonale_proever_5._trinn.csv"]
    res = import_files([(p.name, p.read_bytes()) for p in files])
    assert res.ok, res.errors
    save_import(res, "replace")
    figures = data.load_dataset()
    registry = data.current_kommuner().set_index("kommune_id")["fylke_id"].astype(str)
    is_np = figures["indicator"].astype(str).str.startswith("np_").to_numpy()
    gsp_window = last_school_years(figures.loc[~is_np, "period"].unique())
    np5 = sorted({(i, s, int(t)) for i, s, t in figures.loc[is_np, ["indicator", "subject", "trinn"]].itertuples(index=False)})
    assert np5 and "2020-21" in gsp_window
    for keys, periods, rows, merged in [([("grunnskolepoeng", "", 10)], gsp_window, ~is_np, True),
                                        (np5, ["2024-25"], is_np, False)]:  # 2024-25: predecessors long gone
        kom = figures[rows & (figures["level"] == "kommune").to_numpy()
                      & figures["period"].isin(periods).to_numpy()].drop_duplicates("unit_id", keep="last")
        fylke_of = {k: registry.get(k, f) for k, f in zip(kom["unit_id"].astype(str), kom["fylke_id"].astype(str))}
        assert len(fylke_of) > 300
        kommuner = sorted(fylke_of)[::2]
        equal, fallback = _both_ways(figures, fylke_of, list(periods), [keys], kommuner)
        assert equal + fallback == 2 * len(kommuner) and equal > 250
        # 2020 in the window: merged kommuner (Halden 3001 carries 0101) are computed on their own.
        assert (fallback > 0) == merged


def _frame() -> pd.DataFrame:
    """Two kommuner of fylke 70 (7001, 7002), one of fylke 71 (7101), both fylker and the nation, three years."""
    from data.schema import validate

    base = {"indicator": "grunnskolepoeng", "subject": "", "trinn": 10, "kjonn": "alle", "unit_of_measure": "poeng",
            "source": "test", "suppressed": False, "marker": "", "sd": float("nan")}
    rows = []
    for period in ("2022-23", "2023-24", "2024-25"):
        for level, uid, fylke, value, n in [("kommune", "7001", "70", 38.0, 120.0), ("kommune", "7002", "70", 43.0, 90.0),
                                            ("kommune", "7101", "71", 41.0, 300.0), ("fylke", "70", "70", 40.0, 2000.0),
                                            ("fylke", "71", "71", 42.0, 3000.0), ("nasjonalt", "0", "", 41.5, 60000.0)]:
            rows.append({**base, "level": level, "unit_id": uid, "unit_name": f"U{uid}", "kommune_id": uid if level == "kommune" else "",
                         "kommune_name": f"U{uid}" if level == "kommune" else "", "fylke_id": fylke, "period": period,
                         "value": value, "n": n})
    return validate(pd.DataFrame(rows))


PERIODS = ["2022-23", "2023-24", "2024-25"]
GSP = [("grunnskolepoeng", "", 10)]


@pytest.mark.parametrize("by_year", [False, True])
def test_each_kommune_is_put_beside_its_own_fylke(by_year):
    """Also a kommune whose fylke has no figures (7002 under «99») and one without a fylke (7101): their fylke
    columns are empty there, while the others' are whole (``fylke_suppressed`` as bool, as on their own)."""
    figures = _frame()
    fylke_of = {"7001": "70", "7002": "99", "7101": None}
    national = national_benchmark_comparison(figures, fylke_of, PERIODS, GSP, by_year=by_year)
    table = national.table.drop_duplicates("unit_id").set_index("unit_id")
    assert table.loc["7001", "fylke_estimate"] == 40.0 and pd.isna(table.loc["7002", "fylke_estimate"])
    national = national_benchmark_comparison(figures, {"7001": "70", "7101": "71"}, PERIODS, GSP, by_year=by_year)
    table = national.table.drop_duplicates("unit_id").set_index("unit_id")
    assert table.loc["7101", "fylke_estimate"] == 42.0
    assert by_year or table.loc["7101", "fylke_n"] == 9000.0  # the fylke's pupils pooled over the window
    for fylker in (fylke_of, {"7001": "70", "7101": "71"}):
        national = national_benchmark_comparison(figures, fylker, PERIODS, GSP, by_year=by_year)
        for kid, fylke in fylker.items():
            own = benchmark_comparison(figures, {kid: [kid]}, PERIODS, GSP, fylke_id=fylke, by_year=by_year)
            taken = kommune_benchmark_comparison(national, kid, [kid], fylke, GSP)
            pd.testing.assert_frame_equal(_plain_categories(taken), _plain_categories(own), check_exact=True)


def test_not_taken_where_the_rows_would_differ():
    """A merged kommune whose predecessor has figures in the window, another fylke than the national run used, a key it did not compute, a kommune it did not
    compute, a key asked for twice: None (the caller computes the kommune on its own)."""
    national = national_benchmark_comparison(_frame(), {"7001": "70", "7101": "71"}, PERIODS, GSP)
    assert kommune_benchmark_comparison(national, "7001", ["7001", "7002"], "70", GSP) is None  # 7002 has rows
    merged = kommune_benchmark_comparison(national, "7001", ["7001", "1901"], "70", GSP)  # 1901: none in the window
    own = benchmark_comparison(_frame(), {"7001": ["7001", "1901"]}, PERIODS, GSP, fylke_id="70")
    pd.testing.assert_frame_equal(_plain_categories(merged), _plain_categories(own), check_exact=True)
    assert kommune_benchmark_comparison(national, "7001", ["7001"], "71", GSP) is None
    assert kommune_benchmark_comparison(national, "7001", ["7001"], "70", [("np_skalapoeng", "lesing", 5)]) is None
    assert kommune_benchmark_comparison(national, "7002", ["7002"], "70", GSP) is None
    assert kommune_benchmark_comparison(national, "7001", ["7001"], "70", GSP + GSP) is None
    assert kommune_benchmark_comparison(national, "7001", ["7001"], None, GSP) is None
    assert len(kommune_benchmark_comparison(national, "7001", ["7001"], "70", GSP)) == 1


def test_a_kommune_without_rows_gets_the_empty_frame():
    figures = _frame()
    figures = figures[figures["unit_id"] != "7002"]
    national = national_benchmark_comparison(figures, {"7001": "70", "7002": "70"}, PERIODS, GSP, by_year=True)
    assert kommune_benchmark_comparison(national, "7002", ["7002"], "70", GSP).empty
    assert benchmark_comparison(figures, {"7002": ["7002"]}, PERIODS, GSP, by_year=True, fylke_id="70").empty
    assert len(kommune_benchmark_comparison(national, "7001", ["7001"], "70", GSP)) == 3


@pytest.mark.parametrize("by_year", [False, True])
def test_the_oversikt_page_takes_its_rows_from_the_national_run(by_year, data_folder):
    """``ui.spine_data.comparison``: the same frame as ``benchmark_comparison`` for a single-number kommune and
    for the demo's merged kommune 7390 (7391 and 7392 until 2019-20): taken from the national run in the last
    three years, computed on its own in a window with its predecessors' figures."""
    from ui import spine_data

    figures = data.load_dataset()
    options = data.current_kommuner().set_index("kommune_id")
    assert data.kommune_lineage("7390") == ["7390", "7391", "7392"]
    for periods in (tuple(last_school_years(figures["period"].unique())), ("2018-19", "2019-20", "2020-21")):
        for kid in [str(options.index[0]), "7390"]:
            lineage, fylke_id = data.kommune_lineage(kid), str(options.loc[kid, "fylke_id"])
            own = benchmark_comparison(data.kommune_area_rows(figures, lineage, fylke_id), {lineage[0]: lineage},
                                       list(periods), KEYS, by_year=by_year, fylke_id=fylke_id)
            got = spine_data.comparison(data.dataset_token(), kid, periods, tuple(KEYS), by_year)
            pd.testing.assert_frame_equal(_plain_categories(got), _plain_categories(own), check_exact=True)
        taken = kommune_benchmark_comparison(spine_data.national(data.dataset_token(), periods, by_year), "7390",
                                             data.kommune_lineage("7390"), str(options.loc["7390", "fylke_id"]), KEYS)
        assert (taken is None) == ("2019-20" in periods)


def test_warm_up_computes_what_the_first_oversikt_visit_selects_from(data_folder, monkeypatch):
    """scripts/serve.py's preload calls ``ui.spine_data.warm_up``: afterwards a kommune's yearly and pooled rows
    (Oversikt's window, the spine chart's) are selections, with no national run left to compute."""
    from analysis import national_store
    from ui import spine_data

    calls = []
    real = national_store.national_benchmark_comparison
    monkeypatch.setattr(national_store, "national_benchmark_comparison",
                        lambda *a, **k: calls.append(k) or real(*a, **k))
    spine_data.national.clear()
    token = data.dataset_token()
    spine_data.warm_up(token)
    assert sorted(c["by_year"] for c in calls) == [False, True]  # the demo's calendar window is its last three years
    figures = data.load_dataset()
    window = tuple(spine_data.oversikt_window(figures))
    kid = str(data.current_kommuner()["kommune_id"].iloc[5])
    for by_year in (False, True):
        assert len(spine_data.comparison(token, kid, window, tuple(KEYS), by_year))
    assert len(spine_data.comparison(token, kid, tuple(last_school_years(figures["period"].unique())), tuple(KEYS), False))
    assert len(calls) == 2
    spine_data.national.clear()  # a restart on the same data and code: Streamlit's cache is empty, the disk's not
    spine_data.warm_up(token)
    assert len(calls) == 2 and len(list((data_folder / "cache" / national_store.KIND).iterdir())) == 2
