"""scripts/serve.py's preload (issue 16): what the first Oversikt run would build is ready before a visitor
comes, and it is the same thing the page then uses (the grid of the small multiples, the unit index)."""

from __future__ import annotations

import data
from data.catalogue import UTTREKK_SET
from present import small_multiples
from scripts.serve import _prepare_charts, _prepare_first_page, skip_component_scan, tcp_nodelay


def test_prepare_builds_the_grid_and_the_unit_index(demo_figures):
    small_multiples._grid.cache_clear()
    data.dataset._memo.pop(("unit_positions",), None)
    _prepare_first_page(data, runtime_wait_s=0)  # no Streamlit runtime here: the cached national range is left for the page
    _prepare_charts()
    assert small_multiples._grid.cache_info().currsize == 1
    hit = data.dataset._memo[("unit_positions",)]
    assert hit[0] is data.load_dataset() and ("nasjonalt", "0") in hit[1]
    # Oversikt's figure then takes that grid instead of building one.
    before = small_multiples._grid.cache_info().hits
    kom = data.current_kommuner().iloc[0]
    from analysis.overview import overview_by_year
    from analysis.window import last_school_years

    periods = last_school_years(demo_figures["period"].unique())
    yearly = overview_by_year(demo_figures, data.kommune_lineage(kom["kommune_id"]), kom["fylke_id"], periods)
    assert yearly["order"].nunique() == len(UTTREKK_SET)
    small_multiples.small_multiples(yearly, periods)
    assert small_multiples._grid.cache_info().hits == before + 1


def test_no_custom_component_is_installed_so_the_server_may_skip_the_scan(monkeypatch):
    """``scripts/serve.py`` skips Streamlit's scan for v2 custom components: valid only while the scan finds none
    in this environment (a component package added to requirements.txt must fail here)."""
    from streamlit.components.v2 import manifest_scanner

    full_scan = manifest_scanner.scan_component_manifests
    assert full_scan() == []
    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", full_scan)  # restored after the test
    skip_component_scan()
    assert manifest_scanner.scan_component_manifests is not full_scan
    assert manifest_scanner.scan_component_manifests() == []


def test_accepted_connections_get_tcp_nodelay(monkeypatch):
    """Streamlit binds its socket with proto 0, which asyncio's own check skips; after ``tcp_nodelay`` such a
    TCP socket gets TCP_NODELAY (a UDP socket does not)."""
    import asyncio.base_events
    import socket

    monkeypatch.setattr(asyncio.base_events, "_set_nodelay", asyncio.base_events._set_nodelay)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as plain:
        assert plain.proto == 0
        asyncio.base_events._set_nodelay(plain)
        assert plain.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0  # what asyncio does alone
        tcp_nodelay()
        asyncio.base_events._set_nodelay(plain)
        assert plain.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        asyncio.base_events._set_nodelay(udp)  # not a stream: left alone, no error


def test_the_real_server_answers_a_kept_alive_connection_at_once(app_server):
    """With Nagle's algorithm on, every response after the first on a connection waits for the client's delayed
    ACK (≥ 40 ms on Linux); with TCP_NODELAY it takes a millisecond or two."""
    import http.client
    import statistics
    import time
    from urllib.parse import urlparse

    url = urlparse(app_server)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    times = []
    for _ in range(7):
        t = time.perf_counter()
        conn.request("GET", (url.path.rstrip("/") or "") + "/_stcore/health")
        answer = conn.getresponse()
        answer.read()
        assert answer.status == 200
        times.append(time.perf_counter() - t)
    conn.close()
    assert statistics.median(times[1:]) < 0.02, [round(x * 1000, 1) for x in times]
