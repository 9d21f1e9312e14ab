"""Shared test setup: repo on sys.path, an isolated data folder per test session, ../shared location."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
REALDATA_DIR = SHARED_DIR / "realdata"

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

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


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """A real `streamlit run app.py` on 127.0.0.1 with its own data folder; yields the base URL."""
    import socket
    import subprocess
    import time
    import urllib.request

    data_dir = tmp_path_factory.mktemp("e2e-data")
    demo_cache = Path(os.environ["UTFORDRINGSBILDE_DATA_DIR"]) / "demo"
    if demo_cache.exists():
        (data_dir / "demo").symlink_to(demo_cache.resolve(), target_is_directory=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "UTFORDRINGSBILDE_DATA_DIR": str(data_dir)}
    env.pop("UTFORDRINGSBILDE_RAISE", None)
    log_path = data_dir / "server.log"
    log = open(log_path, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("Streamlit-serveren startet ikke: " + log_path.read_text()[-2000:])
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where tests save screenshots and exported files for people to look at."""
    path = REPO_ROOT / "test-output"
    path.mkdir(exist_ok=True)
    return path
