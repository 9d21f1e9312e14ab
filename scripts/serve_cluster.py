"""Run N app replicas behind HAProxy (Debian's ``haproxy`` package) with sticky sessions.

    .venv/bin/python scripts/serve_cluster.py --replicas 2 [--port 8501]

- each replica is ``scripts/serve.py`` (one Streamlit process) on its own port on 127.0.0.1;
- HAProxy listens on ``--address``:``--port`` (default 127.0.0.1:8501) and balances new connections by
  least connections. Sticky: the first HTTP response sets a cookie naming the replica, and the browser's
  websocket (``/_stcore/stream``) and uploads carry it to the same replica. A replica that stops is taken
  out (connections to it are refused and retried on another; the health check on ``/_stcore/health`` every
  2 s marks it down) and its clients are redispatched: the
  Streamlit frontend reconnects on its own, gets a new session on a live replica and reruns the page from
  its URL (kommune and choices are in the query string), so the user keeps working;
- findings live in PostgreSQL: ``DATABASE_URL`` if set, otherwise a throwaway cluster (the tests'
  ``tests/pg.py``, stopped on exit). The schema is migrated once before the replicas start;
- the data folder (``UTFORDRINGSBILDE_DATA_DIR``, default ``var/``) is shared by every replica; the dataset
  cache is built once before they start, so they never race to write it.

Ctrl-C stops HAProxy, the replicas and a throwaway database. ``Cluster``/``SingleServer`` are used by
``scripts/bench_load.py`` and ``tests/test_cluster.py``.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
COOKIE = "UB_REPLICA"

HAPROXY_CFG = """\
global
    maxconn 2000
defaults
    mode http
    option http-server-close
    timeout connect 5s
    timeout client 1h
    # A plain HTTP answer (health, host-config, static files, uploads) comes within a minute or the replica
    # is stuck (e.g. shutting down): give up so the browser's reconnect ping retries on the other replica.
    # Upgraded websockets live under «timeout tunnel».
    timeout server 60s
    timeout tunnel 1h
    timeout http-request 30s
    timeout check 10s
    retries 3
    option redispatch
frontend app
    bind {address}:{port}
    default_backend replicas
backend replicas
    balance leastconn
    cookie {cookie} insert indirect nocache httponly
    option httpchk GET /_stcore/health
    http-check expect string ok
    # A replica busy with many sessions answers its health check late: it is only taken out after three
    # missed checks, and its open websockets are left alone (a stopped process closes them itself).
    default-server inter 2s fall 3 rise 1
{servers}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def haproxy_binary() -> str:
    path = shutil.which("haproxy") or ("/usr/sbin/haproxy" if os.path.exists("/usr/sbin/haproxy") else None)
    if path is None:
        raise RuntimeError("HAProxy is not installed (Debian package «haproxy»; scripts/system-deps.sh installs it)")
    return path


def _healthy(url: str) -> bool:
    try:
        return urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok"
    except OSError:
        return False


def prepare_shared(env: dict[str, str], repo: Path = REPO) -> None:
    """Build the dataset cache and migrate the findings database once, before any replica starts."""
    code = ("import data; data.load_dataset(); import os; u=os.environ.get('DATABASE_URL'); "
            "from data.findings import FindingsStore; FindingsStore(u).dispose() if u else None")
    subprocess.run([PY, "-c", code], cwd=repo, env=env, check=True, timeout=600,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


class SingleServer:
    """One app process (``scripts/serve.py``) on a free port; the same interface as ``Cluster``."""

    def __init__(self, env: dict[str, str] | None = None, repo: Path | None = None):
        self.env = {**os.environ, **(env or {})}
        self.repo = Path(repo or REPO)  # another checkout of the app (the benchmark's «before»)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen] = []

    def _start_app(self, port: int) -> subprocess.Popen:
        return subprocess.Popen(
            [PY, str(self.repo / "scripts" / "serve.py"), "--server.headless", "true", "--server.address", "127.0.0.1",
             "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=self.repo, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self) -> None:
        self.procs = [self._start_app(self.port)]

    def app_pids(self) -> list[int]:
        return [p.pid for p in self.procs if p.poll() is None]

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not _healthy(self.url):
            if time.monotonic() > deadline:
                raise RuntimeError(f"server at {self.url} not ready after {timeout} s")
            time.sleep(0.1)

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(5)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class Cluster(SingleServer):
    """N replicas behind HAProxy, findings in PostgreSQL, one shared data folder."""

    def __init__(self, replicas: int = 2, env: dict[str, str] | None = None, port: int | None = None,
                 address: str = "127.0.0.1", repo: Path | None = None):
        super().__init__(env, repo)
        self.replicas = replicas
        self.address = address
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.replica_ports = [free_port() for _ in range(replicas)]
        self.haproxy: subprocess.Popen | None = None
        self.pg = None
        self.workdir = Path(tempfile.mkdtemp(prefix="ub-cluster-"))
        # One cookie secret for every replica: the XSRF cookie one replica set stays valid on another after
        # a failover (uploads on the Data page check it).
        self.env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))

    def replica_url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.replica_ports[i]}"

    def _database(self) -> None:
        if self.env.get("DATABASE_URL", "").strip():
            return
        sys.path.insert(0, str(REPO))
        from tests.pg import PgServer  # the tests' throwaway cluster (PostgreSQL 15 binaries)

        self.pg = PgServer.start()
        self.env["DATABASE_URL"] = self.pg.base_url

    def _haproxy_config(self) -> Path:
        servers = "\n".join(f"    server r{i} 127.0.0.1:{p} check cookie r{i}"
                            for i, p in enumerate(self.replica_ports))
        cfg = self.workdir / "haproxy.cfg"
        cfg.write_text(HAPROXY_CFG.format(address=self.address, port=self.port, cookie=COOKIE, servers=servers))
        return cfg

    def start(self) -> None:
        binary = haproxy_binary()
        try:
            self._database()
            prepare_shared(self.env, self.repo)
            self.procs = [self._start_app(p) for p in self.replica_ports]
            cfg = self._haproxy_config()
            subprocess.run([binary, "-c", "-q", "-f", str(cfg)], check=True, capture_output=True, timeout=30)
            self.haproxy = subprocess.Popen([binary, "-db", "-f", str(cfg)], stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)
        except BaseException:
            self.stop()
            raise

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        for i in range(self.replicas):
            while not _healthy(self.replica_url(i)):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"replica {i} not ready after {timeout} s")
                time.sleep(0.1)
        super().wait_ready(max(1.0, deadline - time.monotonic()))
        time.sleep(2.2)  # one health-check interval, so HAProxy has seen every replica up

    def stop_replica(self, i: int) -> None:
        p = self.procs[i]
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(5)

    def stop(self) -> None:
        if self.haproxy is not None and self.haproxy.poll() is None:
            self.haproxy.terminate()
            try:
                self.haproxy.wait(10)
            except subprocess.TimeoutExpired:
                self.haproxy.kill()
        super().stop()
        if self.pg is not None:
            self.pg.stop()
            self.pg = None
        shutil.rmtree(self.workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="N app replicas behind HAProxy with sticky sessions")
    ap.add_argument("--replicas", type=int, default=2)
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8501")))
    ap.add_argument("--address", default="127.0.0.1", help="where HAProxy listens (0.0.0.0 for the network)")
    args = ap.parse_args(argv)
    cluster = Cluster(args.replicas, port=args.port, address=args.address)
    stopping = {"now": False}

    def _stop(*_):
        stopping["now"] = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with cluster:
        cluster.wait_ready()
        print(f"{args.replicas} replicas behind HAProxy: http://{args.address}:{args.port}"
              f" (findings: {'throwaway PostgreSQL' if cluster.pg else 'DATABASE_URL'})", flush=True)
        while not stopping["now"]:
            dead = [i for i, p in enumerate(cluster.procs) if p.poll() is not None]
            if len(dead) == len(cluster.procs) or (cluster.haproxy and cluster.haproxy.poll() is not None):
                print("replicas or HAProxy stopped", file=sys.stderr)
                return 1
            time.sleep(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
