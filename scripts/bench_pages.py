"""Benchmark of the exploration pages (Utvikling, Skoler, Sammenlignbare) on the national demo data; prints JSON.

    .venv/bin/python scripts/bench_pages.py [kommune_id] [reruns]

Per page:
- ``rerun_median_s``: median wall time of a warm ``AppTest`` rerun of the page (caches filled by two
  earlier runs; the kommune and the page's default selection);
- ``floor_s``: the work no page can avoid: selecting the page's rows from the loaded ~1M-row frame
  (``floor_select_s``, the same ``analysis.selection`` calls the page's cached functions make) plus
  ``fig.to_json()`` of the page's figures (``floor_to_json_s``), each the median of several repeats;
- ``ratio`` = rerun_median_s / floor_s (the target is ≤ 3).

Note: ``AppTest`` compiles the page script on every run (the real server caches the bytecode), so the
rerun includes that compile; the pages are kept short for that reason.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.window import last_school_years  # noqa: E402 (after the path set-up)


def _median_time(fn, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _rerun_median(page: str, kommune_id: str, reruns: int) -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
    at.query_params["kommune"] = kommune_id
    at.run()
    t = time.perf_counter()
    at.switch_page(page).run()
    first = time.perf_counter() - t
    if at.exception:
        raise RuntimeError(f"{page}: {[e.message for e in at.exception]}")
    at.run()
    times = []
    for _ in range(reruns):
        t = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t)
    if at.exception:
        raise RuntimeError(f"{page}: {[e.message for e in at.exception]}")
    return statistics.median(times), first


def floors(kommune_id: str) -> dict[str, dict[str, float]]:
    """Selection from the loaded frame and to_json of each page's figures, for the default view."""
    import data
    from analysis import selection
    from analysis.peers import DEFAULT_FEATURES, DEFAULT_K
    from data.catalogue import UTTREKK_SET
    from present import exploration_charts as xc
    from ui import exploration_data as xd

    figures = data.load_dataset()
    token = data.dataset_token()
    reg = data.load_kommuner().set_index("kommune_id")
    name, fylke = reg.loc[kommune_id, "kommune_name"], reg.loc[kommune_id, "fylke_id"]
    lineage = data.kommune_lineage(kommune_id)
    peers, _ = xd.peers(token, kommune_id, "knn", DEFAULT_FEATURES, DEFAULT_K)
    peer_ids = tuple(peers.loc[peers["rank"] > 0, "kommune_id"])
    gsp = ("grunnskolepoeng", "", 10, "alle")
    window = last_school_years(figures["period"].unique())
    out: dict[str, dict[str, float]] = {}

    # Utvikling
    def select_utvikling():
        sl = selection.slice_indicator(figures, *gsp)
        selection.kommune_series(sl, kommune_id, lineage, name=name)
        selection.benchmark_series(sl, fylke)
        selection.kommuner_series(sl, peer_ids)
        selection.school_rows(sl, lineage)

    r = xd.development(token, kommune_id, name, fylke, *gsp, peer_ids, ())
    figs = [xc.development_figure(r["series"], r["periods"], r["pooled"], r["window"], gsp[0], "x")]
    out["utvikling"] = {"floor_select_s": _median_time(select_utvikling),
                        "floor_to_json_s": sum(_median_time(f.to_json) for f in figs)}

    # Skoler
    def select_skoler():
        sl = selection.slice_indicator(figures, *gsp)
        selection.school_rows(sl, lineage, window)
        selection.kommune_series(sl, kommune_id, lineage, name=name)
        selection.benchmark_series(sl, fylke)
        selection.schools_in_area(sl, fylke, window)

    s = xd.schools(token, kommune_id, name, fylke, *gsp, tuple(window))
    f = xd.funnel(token, fylke, *gsp, tuple(window), False)
    figs = [xc.schools_figure(s["schools"], s["refs"], gsp[0], "x"),
            xc.funnel_figure(f["schools"], set(s["schools"]["school_id"]), float(f["benchmark"]["estimate"].iloc[0]),
                             f["limits"], gsp[0], "x"),
            xc.spread_figure(s["drivers"], gsp[0], "x")]
    out["skoler"] = {"floor_select_s": _median_time(select_skoler),
                     "floor_to_json_s": sum(_median_time(f.to_json) for f in figs)}

    # Sammenlignbare
    def select_sammenlignbare():
        allk = selection.all_kommuner(selection.slice_keys(figures, UTTREKK_SET), reg.reset_index(), window)
        allk[allk["unit_id"].isin([kommune_id, *peer_ids])]
        selection.all_kommuner(selection.slice_indicator(figures, *gsp), reg.reset_index(), window)

    summary, units = xd.peer_comparison(token, kommune_id, peer_ids, tuple(window))
    res, by_k, _ = xd.expected(token, kommune_id, gsp[:3], DEFAULT_FEATURES, tuple(window))
    figs = [xc.peers_figure(peers, "x"), xc.comparison_figure(summary, units, name, "x"),
            xc.expected_figure(res, by_k, name, gsp[0], "x")]
    out["sammenlignbare"] = {"floor_select_s": _median_time(select_sammenlignbare),
                             "floor_to_json_s": sum(_median_time(f.to_json) for f in figs)}
    for v in out.values():
        v["floor_s"] = v["floor_select_s"] + v["floor_to_json_s"]
    return out


def main() -> None:
    import logging

    logging.disable(logging.WARNING)
    kommune_id = sys.argv[1] if len(sys.argv) > 1 else "7290"
    reruns = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    result: dict[str, object] = {"kommune_id": kommune_id, "reruns": reruns,
                                 "load_avg_1min": round(os.getloadavg()[0], 2)}
    fl = floors(kommune_id)
    pages = {}
    for page in ("utvikling", "skoler", "sammenlignbare"):
        med, first = _rerun_median(f"pages/{page}.py", kommune_id, reruns)
        f = fl[page]
        pages[page] = {
            "rerun_median_s": round(med, 4),
            "first_run_s": round(first, 3),
            "floor_s": round(f["floor_s"], 4),
            "floor_select_s": round(f["floor_select_s"], 4),
            "floor_to_json_s": round(f["floor_to_json_s"], 4),
            "ratio": round(med / f["floor_s"], 2),
        }
    result["pages"] = pages
    result["load_avg_1min_after"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
