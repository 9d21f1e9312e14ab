"""Start the app: `streamlit run app.py` with the pages/ folder read as st.navigation pages.

Why a launcher: Streamlit treats a folder named ``pages/`` beside the main script as its legacy
(v1) multipage app until the main script has called ``st.navigation`` once. On a freshly started
server, a first visitor who opens a deep link (``/skoler?kommune=7290``) would then get the page
script run on its own, without app.py's kommune picker and demo banner. Setting the flag before the
server starts makes every run go through app.py. Arguments after ``--`` are passed to streamlit.

Binding (issue 14): the server listens on 127.0.0.1 unless ``--server.address`` says otherwise. Without a
login configured (``[auth]`` in ``.streamlit/secrets.toml``) anyone who reaches the server could do
everything, so another address is refused unless ``UTFORDRINGSBILDE_ALLOW_OPEN_WITHOUT_LOGIN=1`` is set.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import time
import tomllib
from pathlib import Path

# Arrow's system allocator returns freed memory to the OS (its default, mimalloc, keeps it): ≈90 MB less RSS
# after the national Parquet file is read. Set before pyarrow is imported.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

REPO_ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
OPEN_SETTING = "UTFORDRINGSBILDE_ALLOW_OPEN_WITHOUT_LOGIN"
# "0" turns off scripts/static_assets.py (Streamlit's frontend files from memory, preload links in the HTML).
STATIC_SETTING = "UTFORDRINGSBILDE_STATIC_FROM_MEMORY"
log = logging.getLogger("utfordringsbilde.preload")
# The other pages' heavier imports (scipy.stats for Skoler) follow this long after the first page's.
SECOND_PHASE_DELAY_S = 8.0


def preload() -> None:
    """While the server starts and the first browser connects: import what the first page needs, read the
    dataset and open the findings database, so the first visitor's run does not pay for it (cold start).

    Runs in a background thread of the server process; the page scripts then find the modules in
    ``sys.modules`` and the dataset in ``data.dataset``'s memo. Errors are left for the page to report.
    A second phase, ``SECOND_PHASE_DELAY_S`` later, imports what the next pages need (Skoler's statistics
    modules and scipy.stats), so the first visitor of those pages does not wait for it either.
    """
    try:
        sys.path.insert(0, str(REPO_ROOT))
        import data
        from data.config import database_url

        data.load_dataset()
        data.current_kommuner()
        import analysis.overview  # noqa: F401
        import analysis.spine  # noqa: F401  (Oversikt's spine chart)
        import ui.state  # noqa: F401
        _prepare_first_page(data)  # the first run's comparisons before the imports it needs only later
        _prepare_charts()
        import present.charts  # noqa: F401
        import ui.findings_widgets  # noqa: F401
        if not (REPO_ROOT / ".streamlit" / "secrets.toml").exists():
            from data.findings import get_store

            get_store(database_url())
        # What is loaded now lives as long as the server: keep it out of the collector's full passes.
        gc.freeze()
    except Exception:  # noqa: BLE001 - the first page run reports it properly
        log.warning("Preloading failed", exc_info=True)
        return
    time.sleep(SECOND_PHASE_DELAY_S)  # after the first visitors' runs: these imports hold the interpreter too
    try:
        import analysis.funnel  # noqa: F401  (Skoler: funnel, spread, shrinkage; scipy.stats)
        import analysis.persistence  # noqa: F401
        import analysis.shrinkage  # noqa: F401
        import analysis.spread  # noqa: F401
        import ui.exploration_data  # noqa: F401
        gc.freeze()
    except Exception:  # noqa: BLE001
        log.warning("Preloading (second phase) failed", exc_info=True)


def _prepare_first_page(data, runtime_wait_s: float = 20.0) -> None:
    """What every first Oversikt run would otherwise wait for, most needed first: every kommune's comparison
    with the nation and the national range of the kommuner for the spine chart (``ui.spine_data.warm_up``;
    Streamlit's cache, once the runtime is up: a visitor's run then finds them), then the unit index a
    kommune's rows are selected through (≈0.5 s in all). The charts follow (``_prepare_charts``)."""
    from analysis.window import last_school_years
    from streamlit.runtime import Runtime

    figures = data.load_dataset()
    deadline = time.monotonic() + runtime_wait_s
    while not Runtime.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    if Runtime.exists():
        from ui.spine_data import distribution, warm_up as warm_national
        from ui.state import data_token

        warm_national(data_token())  # every kommune against the nation, once (≈0,3 s)
        distribution(data_token(), tuple(last_school_years(figures["period"].unique())), None)
    data.kommune_area_rows(figures, [], None)


def _prepare_charts() -> None:
    """Oversikt's figures: the spine chart's and the small multiples' modules, the small multiples' grid and
    Plotly's validators (≈0.2 s)."""
    import plotly.subplots  # noqa: F401
    import present.spine_chart  # noqa: F401
    from data.catalogue import UTTREKK_SET
    from present.small_multiples import warm_up

    warm_up(len(UTTREKK_SET))


def tcp_nodelay() -> None:
    """Send small responses at once: TCP_NODELAY on every connection the server accepts (issue 16).

    asyncio turns Nagle's algorithm off only for sockets whose ``proto`` is ``IPPROTO_TCP``
    (``asyncio.base_events._set_nodelay``); Streamlit 1.67 binds its listening socket with
    ``socket.socket(family=…)`` (proto 0), so the connections it accepts keep Nagle on. A response written in
    parts (headers, body, end) then waits for the browser's delayed ACK: ≈40 ms on every request after the
    first on a kept-alive connection, and a new session makes some 190 requests over six connections
    (≈1 s). A stream socket of the internet families is TCP whatever its ``proto`` says, so it gets
    TCP_NODELAY too."""
    import asyncio.base_events
    import socket

    def set_nodelay(sock) -> None:
        if (sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM
                and sock.proto in (0, socket.IPPROTO_TCP)):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    asyncio.base_events._set_nodelay = set_nodelay


def skip_component_scan() -> None:
    """Start without scanning the installed packages for Streamlit's v2 custom components (issue 16).

    ``Runtime.__init__`` reads the metadata of every installed distribution for component manifests
    (``streamlit.components.v2.manifest_scanner.scan_component_manifests``), ≈70 ms of the main thread before
    the server answers. The app uses no custom component and none is installed: ``tests/test_preload.py``
    runs Streamlit's own scan on this environment and expects it empty, so adding a component package fails
    that test instead of the component silently not loading."""
    from streamlit.components.v2 import manifest_scanner

    manifest_scanner.scan_component_manifests = lambda max_workers=None: []


def login_configured(root: Path = REPO_ROOT) -> bool:
    """Whether ``.streamlit/secrets.toml`` (project, working directory or home) has an ``[auth]`` section."""
    for path in (root / ".streamlit" / "secrets.toml", Path.cwd() / ".streamlit" / "secrets.toml",
                 Path.home() / ".streamlit" / "secrets.toml"):
        try:
            if "auth" in tomllib.loads(path.read_text(encoding="utf-8")):
                return True
        except (OSError, tomllib.TOMLDecodeError):
            continue
    return False


def bind_args(argv: list[str], has_login: bool, allow_open: bool) -> list[str]:
    """The streamlit arguments with the address decided; raises SystemExit for an open address without login."""
    address = None
    for i, a in enumerate(argv):
        if a.startswith("--server.address="):
            address = a.split("=", 1)[1]
        elif a == "--server.address" and i + 1 < len(argv):
            address = argv[i + 1]
    if address is None:
        return [*argv, "--server.address", "127.0.0.1"]
    if address not in LOOPBACK and not has_login and not allow_open:
        raise SystemExit(
            f"Nekter å lytte på {address} uten innlogging: alle som når serveren, kunne endre alt. Sett opp "
            f"innlogging ([auth] i .streamlit/secrets.toml), bruk 127.0.0.1, eller sett {OPEN_SETTING}=1 "
            "hvis nettet rundt er lukket."
        )
    return argv


def main(argv: list[str]) -> int:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    args = bind_args(argv, login_configured(), os.environ.get(OPEN_SETTING) == "1")
    PagesManager.uses_pages_directory = False
    tcp_nodelay()
    skip_component_scan()
    if os.environ.get(STATIC_SETTING, "1") != "0":
        if __package__:
            from .static_assets import install
        else:
            from static_assets import install  # run as a script: scripts/ is the first entry of sys.path
        install()
    if os.environ.get("UTFORDRINGSBILDE_PRELOAD", "1") != "0":
        threading.Thread(target=preload, name="preload", daemon=True).start()
    sys.argv = ["streamlit", "run", str(REPO_ROOT / "app.py"), *args]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
