"""Load benchmark over Streamlit's own websocket protocol (no browser: only the server is timed); prints JSON.

    .venv/bin/python scripts/bench_load.py [--replicas N] [--sessions 1,5,20] [--reruns 3] [--quick]
    .venv/bin/python scripts/bench_load.py --url http://127.0.0.1:8501 --pid 1234   # a server already running

For every page (Oversikt, Skoler, «Hvorfor er vi trukket ut?») and every N in ``--sessions``, N simulated
sessions connect at the same moment to ``/_stcore/stream``, each for a different kommune (no kommune is used
twice in one page's rounds, so every first run computes its kommune's figures), send ``BackMsg.rerun_script``
with the page and the query string (``kommune=…``) and wait for ``script_finished``; then each session reruns
the page ``--reruns`` times, all sessions at once. Per page and N:

- ``first_run_p50_s`` / ``first_run_p95_s``: connect → first ``script_finished`` (a new visitor);
- ``rerun_p50_s`` / ``rerun_p95_s``: ``rerun_script`` → ``script_finished`` on a connected session;
- ``rerun_throughput_per_s``: reruns completed per second of wall time in the rerun phase;
- ``server_cpu_per_first_run_s`` / ``server_cpu_per_rerun_s``: CPU time the server process(es) used per run
  (the figure to compare on a machine shared with other work, where wall times swing with the load);
- ``rss_mb``: resident memory of the server process(es) after the round (summed over replicas).

A page that is not found (Streamlit's ``page_not_found`` message, or a run that ends on another page), a run
that shows an exception or the app's error message, or a run that does not finish within ``--timeout`` makes
the benchmark fail (exit 1) instead of being timed. Traffic goes only to 127.0.0.1.

Without ``--url`` the script starts the server itself (``scripts/serve.py``, or ``scripts/serve_cluster.py``
with ``--replicas N`` behind HAProxy) on the data folder ``UTFORDRINGSBILDE_DATA_DIR``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# name in the JSON -> (URL path Streamlit resolves, page title). Oversikt is the default page: its URL path is "".
PAGES = {"oversikt": ("", "Oversikt"), "skoler": ("skoler", "Skoler"), "uttrekk": ("uttrekk", "Hvorfor er vi trukket ut?")}
FINISHED = 0  # ForwardMsg.FINISHED_SUCCESSFULLY
FINISHED_EARLY_FOR_RERUN = 2


class LoadError(RuntimeError):
    """A run that must not be timed: page not found, an error on the page, a timeout."""


@dataclass
class RunResult:
    seconds: float
    elements: int
    page: str


@dataclass
class Session:
    """One simulated browser tab: a websocket to ``/_stcore/stream`` speaking BackMsg/ForwardMsg."""

    url: str
    page: str
    kommune_id: str
    timeout: float = 300.0
    error_text: str = ""
    ws: object = None
    url_by_hash: dict[str, str] = field(default_factory=dict)

    async def connect(self) -> None:
        from websockets.asyncio.client import connect

        ws_url = self.url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        if not ws_url.startswith("ws://127.0.0.1"):
            raise LoadError(f"refusing to connect to {ws_url}: only 127.0.0.1 is benchmarked")
        self.ws = await connect(ws_url, subprotocols=["streamlit"], max_size=2**28, open_timeout=self.timeout,
                                ping_interval=None)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def run(self) -> RunResult:
        """Send one rerun_script for the page and wait until the run has finished; check what it showed."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        msg.rerun_script.query_string = f"kommune={self.kommune_id}"
        msg.rerun_script.page_name = self.page
        msg.rerun_script.page_script_hash = ""
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        elements, page = await asyncio.wait_for(self._until_finished(), self.timeout)
        return RunResult(time.perf_counter() - t0, elements, page)

    async def _until_finished(self) -> tuple[int, str]:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        elements, current = 0, ""
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await self.ws.recv())
            kind = fwd.WhichOneof("type")
            if kind == "page_not_found":
                raise LoadError(f"page not found: {self.page!r} (kommune {self.kommune_id})")
            if kind == "navigation":
                self.url_by_hash = {p.page_script_hash: p.url_pathname for p in fwd.navigation.app_pages}
                current = self.url_by_hash.get(fwd.navigation.page_script_hash, "")
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                elements += 1
                self._check_element(fwd.delta.new_element)
            elif kind == "script_finished":
                if fwd.script_finished == FINISHED_EARLY_FOR_RERUN:
                    continue  # the script asked for a rerun (st.rerun); the rerun's end is what counts
                if fwd.script_finished != FINISHED:
                    raise LoadError(f"{self.page}: script ended with status {fwd.script_finished}")
                if current != self.page:
                    raise LoadError(f"page not found: asked for {self.page!r}, the app ran {current!r}")
                return elements, current

    def _check_element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            raise LoadError(f"{self.page} ({self.kommune_id}): exception on the page: {element.exception.message}")
        if kind == "alert" and self.error_text and self.error_text in element.alert.body:
            raise LoadError(f"{self.page} ({self.kommune_id}): the app's error message is shown")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def rss_mb(pids: list[int]) -> float:
    """Resident memory of the processes (VmRSS), MB."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return round(total / 1024, 1)


def cpu_s(pids: list[int]) -> float:
    """CPU time (user + system) the server process(es) have used so far, seconds.

    Per run this is the figure to compare on a shared machine: wall times grow with other load, the
    server's own CPU time per run hardly does.
    """
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


async def _first(session: Session) -> float:
    t0 = time.perf_counter()
    await session.connect()
    await session.run()
    return time.perf_counter() - t0


async def round_for(url: str, page: str, kommuner: list[str], reruns: int, timeout: float,
                    error_text: str, pids: list[int] | None = None) -> dict:
    """N = len(kommuner) sessions at once on one page: first runs, then ``reruns`` reruns each."""
    sessions = [Session(url, page, k, timeout, error_text) for k in kommuner]
    pids = pids or []
    try:
        t0, c0 = time.perf_counter(), cpu_s(pids)
        firsts = await asyncio.gather(*(_first(s) for s in sessions))
        first_wall, first_cpu = time.perf_counter() - t0, cpu_s(pids) - c0
        reruns_s: list[float] = []
        t0, c0 = time.perf_counter(), cpu_s(pids)
        for _ in range(max(reruns, 0)):
            results = await asyncio.gather(*(s.run() for s in sessions))
            reruns_s.extend(r.seconds for r in results)
        rerun_wall, rerun_cpu = time.perf_counter() - t0, cpu_s(pids) - c0
    finally:
        await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)
    return {
        "sessions": len(sessions),
        "first_run_p50_s": round(statistics.median(firsts), 3),
        "first_run_p95_s": round(_pct(firsts, 0.95), 3),
        "first_run_throughput_per_s": round(len(firsts) / first_wall, 2),
        "rerun_p50_s": round(statistics.median(reruns_s), 3) if reruns_s else None,
        "rerun_p95_s": round(_pct(reruns_s, 0.95), 3) if reruns_s else None,
        "rerun_throughput_per_s": round(len(reruns_s) / rerun_wall, 2) if reruns_s else None,
        "server_cpu_per_first_run_s": round(first_cpu / len(firsts), 3) if pids else None,
        "server_cpu_per_rerun_s": round(rerun_cpu / len(reruns_s), 3) if pids and reruns_s else None,
    }


def kommune_ids(count: int) -> list[str]:
    """``count`` different current kommuner (the demo has ~350), in a fixed order."""
    import data

    ids = sorted(data.current_kommuner()["kommune_id"].astype(str))
    if len(ids) < count:
        raise LoadError(f"only {len(ids)} kommuner in the data, {count} needed")
    return ids[:count]


async def run_load(url: str, pids: list[int], sizes: list[int], pages: list[str], reruns: int,
                   timeout: float) -> dict:
    from present.strings import t

    error_text = t("app.error")
    ids = kommune_ids(sum(sizes))
    out: dict[str, object] = {"url_host": "127.0.0.1", "sizes": sizes, "reruns": reruns,
                              "rss_mb_start": rss_mb(pids), "pages": {}}
    for page in pages:
        rounds, start = {}, 0
        for n in sizes:
            if page not in PAGES:
                raise LoadError(f"unknown page {page!r} (known: {', '.join(PAGES)})")
            rounds[str(n)] = await round_for(url, PAGES[page][0], ids[start:start + n], reruns, timeout, error_text,
                                             pids)
            rounds[str(n)]["rss_mb"] = rss_mb(pids)
            start += n
        out["pages"][page] = {"title": PAGES[page][1], "rounds": rounds}
    out["rss_mb_end"] = rss_mb(pids)
    return out


def main(argv: list[str] | None = None) -> int:
    import logging

    from websockets.exceptions import ConnectionClosed

    logging.disable(logging.WARNING)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--url", help="a running server (http://127.0.0.1:PORT); default: start one")
    ap.add_argument("--pid", type=int, action="append", default=[], help="server process id(s) for RSS")
    ap.add_argument("--replicas", type=int, default=0, help="start N replicas behind HAProxy instead of one server")
    ap.add_argument("--repo", help="start the app from this checkout instead (e.g. the code before a change)")
    ap.add_argument("--sessions", default="1,5,20")
    ap.add_argument("--pages", default=",".join(PAGES))
    ap.add_argument("--reruns", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=300.0)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sessions.split(",") if s]
    pages = [p for p in args.pages.split(",") if p]
    try:
        if args.url:
            result = asyncio.run(run_load(args.url, args.pid, sizes, pages, args.reruns, args.timeout))
        else:
            result = _with_server(args.replicas, sizes, pages, args.reruns, args.timeout, args.repo)
    except (LoadError, asyncio.TimeoutError, OSError, ConnectionClosed) as exc:
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False))
        return 1
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def _with_server(replicas: int, sizes: list[int], pages: list[str], reruns: int, timeout: float,
                 repo: str | None = None) -> dict:
    from scripts.serve_cluster import Cluster, SingleServer

    server = Cluster(replicas=replicas, repo=repo) if replicas > 0 else SingleServer(repo=repo)
    with server:
        t0 = time.perf_counter()
        server.wait_ready(timeout=120)
        ready = time.perf_counter() - t0
        result = asyncio.run(run_load(server.url, server.app_pids(), sizes, pages, reruns, timeout))
        result["replicas"] = max(replicas, 1)
        result["server_ready_s"] = round(ready, 2)
        result["load_avg_1min"] = round(os.getloadavg()[0], 2)  # other work on the machine skews every figure
        return result


if __name__ == "__main__":
    sys.exit(main())
