"""Shared test setup: repo on sys.path, an isolated data folder per test session, ../shared location."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
REALDATA_DIR = SHARED_DIR / "realdata"

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

# In CI the property tests draw the same examples every run (derandomized), so a red build is
# reproducible and never a dice roll; locally they explore new examples each run.
try:
    from hypothesis import settings as _hyp_settings

    _hyp_settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        _hyp_settings.load_profile("ci")
except ImportError:  # pragma: no cover - hypothesis is in requirements-dev.txt
    pass

# Tests never touch the developer's own data folder or database: one throwaway folder per session,
# but the generated demo cache is shared across runs (it is deterministic) to keep the suite fast.
_SESSION_DIR = Path(os.environ.get("UTFORDRINGSBILDE_TEST_DIR", REPO_ROOT / "var" / "test-session"))


def pytest_configure(config):  # noqa: D103
    _SESSION_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("UTFORDRINGSBILDE_DATA_DIR", str(_SESSION_DIR))
    os.environ.pop("DATABASE_URL", None)
    # Pages re-raise instead of showing the friendly error, so AppTest sees every failure.
    os.environ["UTFORDRINGSBILDE_RAISE"] = "1"
    # Reuse the developer's demo cache when present (deterministic, so identical).
    src = REPO_ROOT / "var" / "demo"
    dst = _SESSION_DIR / "demo"
    if src.exists() and not dst.exists():
        try:
            dst.symlink_to(src, target_is_directory=True)
        except OSError:
            pass


def _pages_are_navigation_pages() -> None:
    """Make AppTest run every page through app.py, as scripts/serve.py does for the real server.

    AppTest re-creates its PagesManager on each run and lets the legacy v1 rule ("a pages/ folder
    beside the main script") decide; reruns then execute the page script alone, without app.py.
    """
    from streamlit.runtime import pages_manager as pm

    if getattr(pm.PagesManager.__init__, "_utfordringsbilde", False):
        return
    original = pm.PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        pm.PagesManager.uses_pages_directory = False

    init._utfordringsbilde = True  # type: ignore[attr-defined]
    pm.PagesManager.__init__ = init


_pages_are_navigation_pages()


def _scan_components_once() -> None:
    """Every new AppTest scans all installed distributions for Streamlit's v2 component manifests (≈0.2 s, a
    fifth of a typical page test). The installed packages do not change during a test run: scan once and hand
    each AppTest the same result (a fresh list). The real server scans once at start-up anyway."""
    from streamlit.components.v2 import manifest_scanner as ms

    if getattr(ms.scan_component_manifests, "_utfordringsbilde", False):
        return
    original = ms.scan_component_manifests
    found: list = []

    def scan(max_workers=None):
        if not found:
            found.append(original(max_workers))
        return list(found[0])

    scan._utfordringsbilde = True  # type: ignore[attr-defined]
    ms.scan_component_manifests = scan


_scan_components_once()


@pytest.fixture(scope="session")
def realdata() -> Path:
    """The folder of real public samples; skip with a clear reason only when ../shared is absent."""
    if not SHARED_DIR.exists():
        pytest.skip(f"../shared er ikke til stede ({SHARED_DIR}); testene av ekte eksportfiler hoppes over")
    return REALDATA_DIR


@pytest.fixture(scope="session")
def demo_figures():
    """The full national demo dataset (generated once, then read from the Parquet cache)."""
    import data

    return data.load_dataset()


# --- headless Chromium (Debian's package; Playwright's own browser download is impossible here) -------
CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium mangler ({CHROMIUM}); scripts/system-deps.sh skulle ha installert den")
        pytest.skip(f"Chromium finnes ikke på {CHROMIUM}; kjør scripts/system-deps.sh")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"],
    }


@contextlib.contextmanager
def running_server(data_dir: Path, cwd: Path | None = None, port: int | None = None):
    """Start scripts/serve.py (streamlit run app.py) on a free loopback port; yield its base URL.

    ``cwd``: the working directory (Streamlit reads ``.streamlit/secrets.toml`` there; the login tests use it).
    """
    import socket
    import subprocess
    import time
    import urllib.request

    demo_cache = Path(os.environ["UTFORDRINGSBILDE_DATA_DIR"]) / "demo"
    if demo_cache.exists() and not (data_dir / "demo").exists():
        (data_dir / "demo").symlink_to(demo_cache.resolve(), target_is_directory=True)
    if port is None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    env = {**os.environ, "UTFORDRINGSBILDE_DATA_DIR": str(data_dir)}
    env.pop("UTFORDRINGSBILDE_RAISE", None)
    log_path = data_dir / "server.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, str(REPO_ROOT / "scripts" / "serve.py"), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=cwd or REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 90
            while True:
                try:
                    if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    if proc.poll() is not None or time.time() > deadline:
                        pytest.fail("Streamlit-serveren startet ikke: " + log_path.read_text()[-2000:])
                    time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """A real server for the whole test session, with its own data folder; yields the base URL."""
    with running_server(tmp_path_factory.mktemp("e2e-data")) as url:
        yield url


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where tests save screenshots and exported files for people to look at."""
    path = REPO_ROOT / "test-output"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """A private data folder that shares the (deterministic) demo cache of the test session, and the
    default findings database inside it (no ``DATABASE_URL``)."""
    import data

    session = Path(os.environ["UTFORDRINGSBILDE_DATA_DIR"])
    data.ensure_demo()
    (tmp_path / "demo").symlink_to(session / "demo", target_is_directory=True)
    monkeypatch.setenv("UTFORDRINGSBILDE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path
