"""PostgreSQL for tests: a throwaway cluster per test session, one schema per test.

- ``TEST_DATABASE_URL`` set: use that server (each test gets its own schema in it).
- Otherwise start a cluster with the PostgreSQL 15 binaries (``PG_BIN``, default
  ``/usr/lib/postgresql/15/bin``) on a free port, sockets in /tmp, listening on 127.0.0.1 only, and
  stop it at the end of the session. ``initdb`` refuses to run as root, so as root it runs as the
  ``postgres`` user via ``runuser``.
- Binaries missing: the tests fail when ``CI`` is set, otherwise they are skipped with the reason.

Use in a test module::

    from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class PgServer:
    """A running PostgreSQL server and a base URL to one of its databases."""

    def __init__(self, base_url: str, datadir: Path | None = None):
        self.base_url = base_url
        self.datadir = datadir

    @classmethod
    def start(cls) -> PgServer:
        datadir = Path(tempfile.mkdtemp(prefix="pgtest-"))
        if os.geteuid() == 0:
            shutil.chown(datadir, "postgres", "postgres")
        port = _free_port()
        run = dict(check=True, capture_output=True, text=True, timeout=120)
        subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(datadir), "-U", "postgres", "-A",
                                     "trust", "-E", "UTF8", "--no-sync"]), **run)
        opts = (f"-p {port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
                "-c max_connections=200")
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(datadir), "-l",
                                     str(datadir / "server.log"), "-w", "-o", opts, "start"]), **run)
        return cls(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", datadir)

    def stop(self) -> None:
        if self.datadir is None:
            return
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w",
                                     "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(self.datadir, ignore_errors=True)

    def _execute(self, sql: str) -> None:
        import psycopg

        u = make_url(self.base_url)
        with psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                             dbname=u.database, autocommit=True) as conn:
            conn.execute(sql)

    def new_schema_url(self) -> tuple[str, str]:
        """Create an empty schema and return (its name, a URL whose search_path is that schema)."""
        schema = f"t_{uuid.uuid4().hex[:12]}"
        self._execute(f'CREATE SCHEMA "{schema}"')
        url = make_url(self.base_url).update_query_dict({"options": f"-csearch_path={schema}"})
        return schema, url.render_as_string(hide_password=False)

    def drop_schema(self, schema: str) -> None:
        self._execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


_started: dict[str, PgServer] = {}  # one cluster per test session, shared by every module importing this


@pytest.fixture(scope="session")
def pg_server(request):
    """The PostgreSQL server of this test session (see the module docstring)."""
    external = os.environ.get("TEST_DATABASE_URL", "").strip()
    if external:
        u = make_url(external)
        if u.drivername in ("postgres", "postgresql"):
            u = u.set(drivername="postgresql+psycopg")
        return PgServer(u.render_as_string(hide_password=False))
    if not (PG_BIN / "initdb").exists():
        msg = f"PostgreSQL-binærfilene finnes ikke i {PG_BIN} (sett PG_BIN eller TEST_DATABASE_URL)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    if "server" not in _started:
        server = PgServer.start()
        _started["server"] = server
        request.config.add_cleanup(server.stop)  # stopped when the test session ends
    return _started["server"]


@pytest.fixture
def pg_url(pg_server):
    """A URL to an empty schema of its own for one test; dropped afterwards."""
    schema, url = pg_server.new_schema_url()
    try:
        yield url
    finally:
        from data.findings.store import _stores, _stores_lock

        with _stores_lock:
            store = _stores.pop(url, None)
        if store is not None:
            store.dispose()
        pg_server.drop_schema(schema)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh findings database URL on each backend: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'funn.sqlite'}"
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def findings_store(store_url):
    """A migrated ``FindingsStore`` on each backend, disposed afterwards."""
    from data.findings import FindingsStore

    store = FindingsStore(store_url)
    try:
        yield store
    finally:
        store.dispose()
