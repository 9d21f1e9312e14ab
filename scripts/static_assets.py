"""Streamlit's frontend files from memory, gzip-compressed once, and the app's own chunks announced in the HTML.

Why (issue 16): a new browser session loads some 130 JavaScript files. Streamlit serves each through Starlette's
``StaticFiles`` (a file-system stat, a thread hop, a fresh read) on the same event loop as every session; the
browser's module graph then arrives one file after another, ≈0,6 s before any code runs. And the chunks the
app's elements need (Plotly's 4,7 MB, the data frame, the select boxes) are only asked for once the first
script run has told the browser which elements it shows: a second and third round trip, then a compile on the
main thread.

``StaticAssets`` is an ASGI middleware put in front of Streamlit's own (``install`` in ``scripts/serve.py``):

- ``GET``/``HEAD /static/<file>`` (Streamlit's content-hashed, immutable bundles) is answered from memory: the
  file is read once, and text files are gzip-compressed once, in a worker thread, for every client that accepts
  gzip (≈9 MB becomes ≈3 MB for a new visitor: what a room of 25 on one Wi-Fi shares).
  ``If-None-Match`` gets a 304. Only names found in Streamlit's static folder at start are served: anything
  else (a range request, an unknown name) goes to Streamlit unchanged;
- the HTML document (``/`` and every page path) gets ``<link rel="modulepreload">`` for the chunks of
  ``APP_ELEMENTS`` and their imports, read from the ``__vite__mapDeps`` table of Streamlit's entry bundle, and
  for ``NESTED_IMPORTS`` (chunks another chunk loads itself, read from that chunk's own table). The browser
  fetches and compiles them while React starts and the first script runs. ``LATER_ELEMENTS`` (Plotly: the
  first page draws its charts on the server since 02.12.2026) are prefetched instead: fetched at the lowest
  priority into the cache for the next page, compiled only when a page shows a Plotly chart. The ``prefetch``
  links are added by a small script once the first view shows a chart (or 10 s after the document loaded,
  ``PREFETCH_SCRIPT``), not in the HTML: over a room's Wi-Fi, Plotly's 1,4 MB fetched at once shared the
  bandwidth with the first view's own files and messages (a new session's first chart ≈2,2 s instead of
  ≈1,75 s at 20 Mbit/s, and 3,0 MB instead of 1,6 MB before it).
  If a table cannot be read (another Streamlit build), the HTML is passed on unchanged.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import mimetypes
import re
import zlib
from pathlib import Path

# The element chunks the first page (Oversikt) shows (Streamlit's frontend component names); each is in the entry
# bundle as ``import(`./<Name>.<hash>.js`)``.
APP_ELEMENTS = ("DataFrame", "Selectbox", "Radio", "Html", "Checkbox", "TextArea", "TextInput", "Multiselect",
                "Button", "PageLink")
# Chunks a chunk imports lazily itself: Streamlit's markdown loads rehype-raw for text that holds HTML (the
# first page's server-drawn SVG charts, ui/charts.py), a round trip after the text arrives.
NESTED_IMPORTS = ("rehype-raw",)
# The element chunks of later pages only: Plotly (≈1,4 MB compressed) is prefetched, not compiled up front.
LATER_ELEMENTS = ("PlotlyChart",)
# Adds a ``prefetch`` link for each of {hrefs} once the page shows a chart (drawn on the server or by Plotly), at
# the latest 10 s after the document's ``load`` (a page without a chart): checked every 250 ms.
PREFETCH_SCRIPT = ('<script>addEventListener("load",function(){{var d=document,n=0,t=setInterval(function(){{'
                   'if(++n<40&&!d.querySelector("svg.ub-chart,[data-testid=stPlotlyChart]"))return;clearInterval(t);'
                   '{hrefs}.forEach(function(h){{var l=d.createElement("link");l.rel="prefetch";l.as="script";'
                   'l.crossOrigin="anonymous";l.href=h;d.head.appendChild(l)}})}},250)}})</script>')
CACHE_CONTROL = b"public, immutable, max-age=31536000"
COMPRESSIBLE = (".js", ".css", ".svg", ".json", ".map", ".txt", ".html")
GZIP_LEVEL = 6
# Paths whose HTML is not the app document (Streamlit's own routes); the rest may be the document.
NOT_DOCUMENT = ("/_stcore/", "/static/", "/media/", "/component/", "/app/", "/auth/", "/oauth2callback")
TYPES = {".js": "application/javascript", ".css": "text/css", ".woff2": "font/woff2", ".svg": "image/svg+xml",
         ".json": "application/json", ".png": "image/png", ".ttf": "font/ttf", ".woff": "font/woff"}


def _content_type(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def preload_chunks(entry_js: str, elements: tuple[str, ...] = APP_ELEMENTS) -> list[str]:
    """The JavaScript files (``./Name.hash.js``) that ``elements`` need, each once, in the entry bundle's
    order, read from its ``__vite__mapDeps`` table: ``m.f=[names]`` and, per lazy element,
    ``import(`./Name.hash.js`)…,__vite__mapDeps([i, …])`` with indices into the names. Empty when the bundle
    does not have that shape."""
    table = re.search(r"m\.f=\[([^\]]*)\]", entry_js)
    if not table:
        return []
    names = re.findall(r'"([^"]+)"', table.group(1))
    chosen: list[str] = []
    for element in elements:
        call = re.search(r"import\(`\./" + re.escape(element) + r"\.[\w-]+\.js`\)(?:\.then\([^)]*\))?,"
                         r"__vite__mapDeps\(\[([\d,]+)\]", entry_js)
        if not call:
            continue
        for i in (int(x) for x in call.group(1).split(",")):
            if i < len(names) and names[i].endswith(".js") and names[i] not in chosen:
                chosen.append(names[i])
    return chosen


def nested_chunks(js_dir: Path, names: tuple[str, ...] = NESTED_IMPORTS) -> list[str]:
    """The chunks (``./Name.hash.js``) that ``names`` need where another chunk of ``js_dir`` imports them
    lazily (``import(`./name.hash.js`),__vite__mapDeps([…])`` with that chunk's own ``m.f`` table)."""
    chosen: list[str] = []
    for name in names:
        needle = ("import(`./" + name + ".").encode()
        for path in sorted(js_dir.glob("*.js"), key=lambda f: not f.name.startswith("StreamlitMarkdown")):
            body = path.read_bytes()
            if needle in body:
                chosen += [c for c in preload_chunks(body.decode("utf-8", "replace"), (name,)) if c not in chosen]
                break
    return chosen


def _entry_bundle(root: Path) -> str:
    """The text of the entry module that ``index.html`` loads (``<script type="module" … src="./static/…">``);
    empty if there is none."""
    try:
        html = (root / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<script type="module"[^>]*src="\./(static/[\w./-]+\.js)"', html)
        return (root / found.group(1)).read_text(encoding="utf-8") if found else ""
    except OSError:
        return ""


def patch_document(html: bytes, chunks: list[str], later: list[str] = ()) -> bytes:
    """``html`` with a ``modulepreload`` link for every chunk and, for the ``later`` chunks, the script that
    prefetches them after the first chart (``PREFETCH_SCRIPT``), for those it does not already name, before
    ``</head>`` (unchanged if it is not UTF-8 or has no ``</head>``)."""
    try:
        text = html.decode("utf-8")
    except UnicodeDecodeError:
        return html
    names = [c.removeprefix("./") for c in chunks]
    links = "".join(f'<link rel="modulepreload" crossorigin href="./static/js/{n}">' for n in names if n not in text)
    hrefs = [f"./static/js/{n}" for n in (c.removeprefix("./") for c in later) if n not in text and n not in names]
    if hrefs:
        links += PREFETCH_SCRIPT.format(hrefs=json.dumps(hrefs))
    if not links or "</head>" not in text:
        return html
    return text.replace("</head>", links + "</head>", 1).encode("utf-8")


class _Asset:
    __slots__ = ("body", "gz", "etag", "type")

    def __init__(self, body: bytes, name: str) -> None:
        self.body = body
        self.gz: asyncio.Future | None = None  # the gzip body (None if it would not be smaller), once computed
        self.etag = f'"{len(body):x}-{zlib.crc32(body):08x}"'.encode()
        self.type = _content_type(name).encode()


class StaticAssets:
    """ASGI middleware: Streamlit's ``/static/`` bundles from memory (gzip once) and the document with
    ``modulepreload`` links; see the module docstring."""

    def __init__(self, app, static_dir: str | Path, base_url: str = "", elements=APP_ELEMENTS,
                 nested=NESTED_IMPORTS, later=LATER_ELEMENTS) -> None:
        self.app = app
        self.root = Path(static_dir)
        self.prefix = "/" + base_url.strip("/") if base_url.strip("/") else ""
        folder = self.root / "static"
        self.names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        self.assets: dict[str, _Asset] = {}
        entry = _entry_bundle(self.root)
        self.chunks = preload_chunks(entry, elements)
        if self.chunks:
            self.chunks += [c for c in nested_chunks(folder / "js", nested) if c not in self.chunks]
        self.later = [c for c in preload_chunks(entry, later) if c not in self.chunks]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        path = scope["path"]
        if self.prefix and path.startswith(self.prefix):
            path = path[len(self.prefix):] or "/"
        headers = dict(scope["headers"])
        if path.startswith("/static/") and path[8:] in self.names and b"range" not in headers:
            return await self._serve(path[8:], scope["method"], headers, send)
        if self.chunks and not path.startswith(NOT_DOCUMENT):
            return await self._document(scope, receive, send)
        return await self.app(scope, receive, send)

    def _asset(self, name: str) -> _Asset:
        asset = self.assets.get(name)
        if asset is None:
            asset = self.assets[name] = _Asset((self.root / "static" / name).read_bytes(), name)
        return asset

    @staticmethod
    async def _gzipped(asset: _Asset) -> bytes | None:
        """The gzip body, compressed once (in a worker thread: zlib lets go of the interpreter lock) and
        shared by every request that waits for it; None where it would not be smaller."""
        if asset.gz is None:
            asset.gz = asyncio.ensure_future(asyncio.to_thread(gzip.compress, asset.body, GZIP_LEVEL, mtime=0))
        packed = await asset.gz
        return packed if len(packed) < len(asset.body) else None

    async def _serve(self, name: str, method: str, headers: dict, send) -> None:
        asset = self._asset(name)
        common = [(b"cache-control", CACHE_CONTROL), (b"etag", asset.etag), (b"vary", b"Accept-Encoding")]
        if asset.etag in headers.get(b"if-none-match", b""):
            await send({"type": "http.response.start", "status": 304, "headers": common})
            return await send({"type": "http.response.body", "body": b""})
        body, extra = asset.body, []
        if (name.endswith(COMPRESSIBLE) and len(asset.body) > 1024 and b"gzip" in headers.get(b"accept-encoding", b"")
                and (packed := await self._gzipped(asset)) is not None):
            body, extra = packed, [(b"content-encoding", b"gzip")]
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", asset.type), (b"content-length", str(len(body)).encode()),
                                *common, *extra]})
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})

    async def _document(self, scope, receive, send) -> None:
        """Pass the request on uncompressed and add the preload links to an HTML answer."""
        inner = dict(scope, headers=[(k, v) for k, v in scope["headers"] if k != b"accept-encoding"])
        start: dict | None = None
        parts: list[bytes] = []

        async def capture(message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                kind = dict(message.get("headers", [])).get(b"content-type", b"")
                if not kind.startswith(b"text/html") or scope["method"] == "HEAD":
                    return await send(message)
                start = message
                return None
            if start is None:
                return await send(message)
            parts.append(message.get("body", b""))
            if message.get("more_body"):
                return None
            body = patch_document(b"".join(parts), self.chunks, self.later)
            headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
            await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
            return await send({"type": "http.response.body", "body": body})

        await self.app(inner, receive, capture)


def install(elements=APP_ELEMENTS) -> bool:
    """Put ``StaticAssets`` first in the middleware of the Starlette app that ``streamlit run`` builds.

    Streamlit 1.67 builds that app in ``starlette_app.create_starlette_app`` from
    ``create_streamlit_middleware()``; that function is wrapped here. Returns False (and changes nothing)
    where this Streamlit does not have it."""
    try:
        from starlette.middleware import Middleware
        from streamlit import config, file_util
        from streamlit.web.server.starlette import starlette_app
    except ImportError:
        return False
    original = getattr(starlette_app, "create_streamlit_middleware", None)
    if original is None or getattr(original, "_static_assets", False):
        return original is not None

    def with_static_assets():
        base = config.get_option("server.baseUrlPath") or ""
        return [Middleware(StaticAssets, static_dir=file_util.get_static_dir(), base_url=base,
                           elements=elements), *original()]

    with_static_assets._static_assets = True
    starlette_app.create_streamlit_middleware = with_static_assets
    return True
