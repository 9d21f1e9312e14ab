"""Plotly figures to PNG with kaleido and the system's Chromium, offline.

Kaleido 1.x drives a headless Chromium. It finds ``chromium`` on PATH, or ``BROWSER_PATH``; Debian's
package installs ``/usr/bin/chromium``. Two things keep it offline and fast:
  * MathJax is switched off (kaleido would otherwise put a CDN script tag in its page) and plotly.js
    comes from the installed ``plotly`` package;
  * one sync server (one browser) is started per process on first use and reused for every image
    (≈ 0.3 s per image instead of ≈ 3 s); a lock serialises renders from concurrent sessions.
The browser holds no user data; it is stopped at interpreter exit.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import threading
import warnings
from collections.abc import Callable, Sequence

import plotly.graph_objects as go

from present.strings import t

log = logging.getLogger(__name__)

_lock = threading.Lock()
_state = {"started": False}

DEFAULT_WIDTH = 1100
DEFAULT_SCALE = 1.5


class ImageExportError(RuntimeError):
    """Charts could not be rendered to images; the message is Norwegian and user-facing."""


def browser_path() -> str | None:
    """The Chromium kaleido will use: ``BROWSER_PATH``, else ``chromium`` on PATH, else None."""
    env = os.environ.get("BROWSER_PATH")
    if env and os.path.exists(env):
        return env
    for name in ("chromium", "chromium-browser", "google-chrome"):
        hit = shutil.which(name)
        if hit:
            return hit
    return None


def _ensure_server() -> None:
    if _state["started"]:
        return
    import kaleido

    path = browser_path()
    if path is None:
        raise ImageExportError(
            t("rep.no_chromium")
        )
    os.environ.setdefault("BROWSER_PATH", path)
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    _state["started"] = True
    atexit.register(stop)


def stop() -> None:
    """Stop the shared browser (also registered at exit)."""
    with _lock:
        if _state["started"]:
            import kaleido

            try:
                kaleido.stop_sync_server(silence_warnings=True)
            except Exception:  # pragma: no cover - best effort at exit
                log.exception("Could not stop kaleido")
            _state["started"] = False


def figures_to_png(figs: Sequence[go.Figure], width: int = DEFAULT_WIDTH, heights: Sequence[int | None] | None = None,
                   scale: float = DEFAULT_SCALE,
                   progress: Callable[[int, int], None] | None = None) -> list[bytes]:
    """Several figures to PNG bytes with the shared browser; ``progress(done, total)`` after each."""
    import kaleido

    heights = list(heights) if heights is not None else [None] * len(figs)
    out: list[bytes] = []
    with _lock:
        try:
            _ensure_server()
            for i, (fig, h) in enumerate(zip(figs, heights)):
                height = int(h or fig.layout.height or 500)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    png = kaleido.calc_fig_sync(
                        fig.to_dict(), opts={"format": "png", "width": width, "height": height, "scale": scale})
                out.append(png)
                if progress:
                    progress(i + 1, len(figs))
        except ImageExportError:
            raise
        except Exception as exc:
            log.exception("Rendering charts with kaleido failed")
            _state["started"] = False
            raise ImageExportError(
                t("rep.images_failed")
            ) from exc
    return out


def warm_up() -> None:
    """Start the shared browser and weasyprint in the background (a page calls this so the first export is quick)."""
    if _state["started"]:
        return

    def _start() -> None:
        with _lock:
            try:
                _ensure_server()
            except Exception:  # reported properly on the first real export
                log.warning("Could not start the chart renderer in the background", exc_info=True)
        try:  # load weasyprint and let Pango/fontconfig build their caches
            from weasyprint import HTML

            HTML(string="<p>.</p>").write_pdf()
        except Exception:  # reported properly on the first real export
            log.warning("Could not warm up weasyprint", exc_info=True)

    threading.Thread(target=_start, name="kaleido-warm-up", daemon=True).start()
