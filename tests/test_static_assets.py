"""scripts/static_assets.py (issue 16): Streamlit's frontend bundles from memory with gzip, and the app's element
chunks announced in the HTML. Unit tests drive the middleware through Starlette's test client around a stand-in
for Streamlit; the last test asks the real server (scripts/serve.py)."""

from __future__ import annotations

import asyncio
import gzip
import os
import re
import urllib.request
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse
from starlette.routing import Route

with warnings.catch_warnings():  # Starlette 1.x: «install httpx2»; the test client works with httpx as pinned
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from scripts import static_assets
from scripts.static_assets import StaticAssets, patch_document, preload_chunks

INDEX = ('<html><head><script type="module" crossorigin src="./static/js/index.AAA.js"></script>'
         '<link rel="modulepreload" crossorigin href="./static/js/shared.B1.js"></head><body></body></html>')
ENTRY = ('const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./Table.T1.js","./shared.B1.js",'
         '"./PlotlyChart.P-1_x.js","./plotdep.D1.js","./DataFrame.F1.js","./grid.G1.js","./DataFrame.C1.css"])))'
         '=>i.map(i=>d[i]);'
         'a=(0,U.lazy)(()=>H(()=>import(`./Table.T1.js`),__vite__mapDeps([0,1]),import.meta.url)),'
         'b=(0,U.lazy)(()=>H(()=>import(`./PlotlyChart.P-1_x.js`),__vite__mapDeps([2,1,3]),import.meta.url)),'
         'c=(0,U.lazy)(()=>H(()=>import(`./DataFrame.F1.js`).then(e=>e.n),__vite__mapDeps([4,1,5,3,6]),'
         'import.meta.url));')
PLOTLY_BODY = b"/* plotly */ " + b"var x = 1;\n" * 5000


@pytest.fixture
def static_dir(tmp_path: Path) -> Path:
    js = tmp_path / "static" / "js"
    js.mkdir(parents=True)
    (tmp_path / "index.html").write_text(INDEX, encoding="utf-8")
    (js / "index.AAA.js").write_text(ENTRY, encoding="utf-8")
    (js / "PlotlyChart.P-1_x.js").write_bytes(PLOTLY_BODY)
    (js / "tiny.js").write_bytes(b"1")
    (tmp_path / "static" / "font.woff2").write_bytes(os.urandom(4000))
    return tmp_path


def _client(static_dir: Path, base_url: str = "", elements=("PlotlyChart", "DataFrame")) -> TestClient:
    """The middleware around a stand-in for Streamlit: every path it does not take answers «inner»."""
    async def document(request):
        if request.url.path.endswith("/json"):
            return JSONResponse({"ok": True})
        return HTMLResponse(INDEX, headers={"x-saw-encoding": request.headers.get("accept-encoding", "-")})

    async def inner(request):
        return PlainTextResponse("inner")

    routes = [Route("/{rest:path}", inner, methods=["POST"]), Route("/static/{rest:path}", inner),
              Route("/_stcore/{rest:path}", inner), Route("/{rest:path}", document)]
    app = Starlette(routes=routes, middleware=[Middleware(StaticAssets, static_dir=static_dir, base_url=base_url,
                                                          elements=elements)])
    return TestClient(app)


def test_the_chunks_of_the_named_elements_and_their_imports_in_bundle_order():
    assert preload_chunks(ENTRY, ("PlotlyChart", "DataFrame")) == [
        "./PlotlyChart.P-1_x.js", "./shared.B1.js", "./plotdep.D1.js", "./DataFrame.F1.js", "./grid.G1.js"]
    assert preload_chunks(ENTRY, ("Missing",)) == []
    assert preload_chunks("no table here", ("PlotlyChart",)) == []


def test_the_installed_streamlit_bundle_is_read():
    """The pinned Streamlit's entry bundle has the shape the reader expects: Plotly's chunk and its imports are
    found, and every file named exists. A new Streamlit that breaks this fails here, not silently."""
    from streamlit import file_util

    root = Path(file_util.get_static_dir())
    chunks = preload_chunks(static_assets._entry_bundle(root))
    names = [c.removeprefix("./") for c in chunks]
    for element in static_assets.APP_ELEMENTS:
        assert any(re.fullmatch(rf"{element}\.[\w-]+\.js", n) for n in names), element
    assert all((root / "static" / "js" / n).is_file() for n in names)
    # Markdown's HTML plugin (the first page's drawn charts) is found in the chunk that imports it, with its imports.
    nested = [c.removeprefix("./") for c in static_assets.nested_chunks(root / "static" / "js")]
    assert any(re.fullmatch(r"rehype-raw\.[\w-]+\.js", n) for n in nested) and len(nested) > 1
    assert all((root / "static" / "js" / n).is_file() for n in nested)
    later = [c.removeprefix("./") for c in preload_chunks(static_assets._entry_bundle(root), static_assets.LATER_ELEMENTS)]
    assert any(re.fullmatch(r"PlotlyChart\.[\w-]+\.js", n) for n in later)


def test_nested_imports_are_read_from_the_chunk_that_imports_them(tmp_path):
    (tmp_path / "Other.A.js").write_text("nothing here", encoding="utf-8")
    (tmp_path / "StreamlitMarkdown.M1.js").write_text(
        'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./rehype-raw.R1.js","./hast.H1.js","./x.css"])))'
        '=>i.map(i=>d[i]);a=()=>be(()=>import(`./rehype-raw.R1.js`),__vite__mapDeps([0,1,2]),import.meta.url)',
        encoding="utf-8")
    assert static_assets.nested_chunks(tmp_path, ("rehype-raw",)) == ["./rehype-raw.R1.js", "./hast.H1.js"]
    assert static_assets.nested_chunks(tmp_path, ("katex",)) == []


def test_the_document_gets_links_for_chunks_it_does_not_name_yet():
    out = patch_document(INDEX.encode(), ["./PlotlyChart.P-1_x.js", "./shared.B1.js"]).decode()
    assert out.count('href="./static/js/PlotlyChart.P-1_x.js"') == 1
    assert out.count("shared.B1.js") == 1  # already there: not twice
    assert out.index("PlotlyChart") < out.index("</head>")
    assert patch_document(b"<html>no head</html>", ["./a.js"]) == b"<html>no head</html>"


def test_later_chunks_are_prefetched_after_the_first_chart_not_preloaded():
    out = patch_document(INDEX.encode(), ["./DataFrame.F1.js"], ["./PlotlyChart.P-1_x.js", "./DataFrame.F1.js"]).decode()
    script = re.search(r"<script>(.*?)</script></head>", out).group(1)
    assert '["./static/js/PlotlyChart.P-1_x.js"]' in script and 'l.rel="prefetch"' in script
    assert 'd.querySelector("svg.ub-chart,[data-testid=stPlotlyChart]")' in script  # after the first chart
    assert '<link rel="prefetch"' not in out and 'rel="modulepreload" crossorigin href="./static/js/PlotlyChart' not in out
    assert out.count("DataFrame.F1.js") == 1  # preloaded already: no prefetch as well
    assert "<script>" not in patch_document(INDEX.encode(), ["./DataFrame.F1.js"], ["./DataFrame.F1.js"]).decode()


def test_a_bundle_from_memory_compressed_once_and_the_same_bytes(static_dir):
    with _client(static_dir) as client:
        plain = client.get("/static/js/PlotlyChart.P-1_x.js", headers={"accept-encoding": "identity"})
        packed = client.get("/static/js/PlotlyChart.P-1_x.js", headers={"accept-encoding": "gzip, br"})
    assert plain.status_code == packed.status_code == 200
    assert plain.content == PLOTLY_BODY and "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip" and packed.content == PLOTLY_BODY  # decoded by the client
    assert int(packed.headers["content-length"]) < len(PLOTLY_BODY) / 10
    assert packed.headers["content-type"] == "application/javascript"
    assert packed.headers["cache-control"] == "public, immutable, max-age=31536000"
    assert packed.headers["vary"] == "Accept-Encoding" and packed.headers["etag"] == plain.headers["etag"]


def test_small_and_binary_files_are_not_compressed(static_dir):
    with _client(static_dir) as client:
        tiny = client.get("/static/js/tiny.js", headers={"accept-encoding": "gzip"})
        font = client.get("/static/font.woff2", headers={"accept-encoding": "gzip"})
    assert tiny.content == b"1" and "content-encoding" not in tiny.headers
    assert font.headers["content-type"] == "font/woff2" and "content-encoding" not in font.headers
    assert font.content == (static_dir / "static" / "font.woff2").read_bytes()


def test_a_known_etag_gets_304_and_head_no_body(static_dir):
    with _client(static_dir) as client:
        etag = client.get("/static/js/PlotlyChart.P-1_x.js").headers["etag"]
        again = client.get("/static/js/PlotlyChart.P-1_x.js", headers={"if-none-match": etag})
        head = client.head("/static/js/PlotlyChart.P-1_x.js", headers={"accept-encoding": "identity"})
    assert again.status_code == 304 and again.content == b""
    assert head.status_code == 200 and head.content == b"" and head.headers["content-length"] == str(len(PLOTLY_BODY))


@pytest.mark.parametrize("path", ["/static/js/unknown.js", "/static/js/../../index.html", "/static/../index.html",
                                  "/static/js/./tiny.js", "/static//js/tiny.js", "/static/js"])
def test_names_not_in_the_folder_go_to_streamlit(static_dir, path):
    """Only a name listed from the folder at start is answered; the raw path (as a client that does not tidy
    it would send it) is handed on otherwise."""
    passed = []

    async def inner(scope, receive, send):
        passed.append(scope["path"])

    middleware = StaticAssets(inner, static_dir)
    scope = {"type": "http", "method": "GET", "path": path, "headers": [], "query_string": b""}
    with ThreadPoolExecutor(1) as pool:  # its own event loop, whatever an earlier test left running in this thread
        pool.submit(asyncio.run, middleware(scope, None, None)).result()
    assert passed == [path]


def test_range_requests_and_other_methods_go_to_streamlit(static_dir):
    with _client(static_dir) as client:
        assert client.get("/static/js/PlotlyChart.P-1_x.js", headers={"range": "bytes=0-9"}).text == "inner"
        assert client.post("/static/js/PlotlyChart.P-1_x.js").text == "inner"
        assert client.get("/_stcore/health").text == "inner"


def test_every_page_path_gets_the_links_and_a_right_length(static_dir):
    with _client(static_dir) as client:
        for path in ("/", "/skoler", "/oversikt?kommune=7290"):
            page = client.get(path, headers={"accept-encoding": "gzip"})
            assert 'href="./static/js/PlotlyChart.P-1_x.js"' in page.text
            assert 'href="./static/js/grid.G1.js"' in page.text and "DataFrame.C1.css" not in page.text
            assert int(page.headers["content-length"]) == len(page.content)
            assert page.headers["x-saw-encoding"] == "-"  # asked for plain, so the HTML can be read and changed
        assert client.get("/some/json").json() == {"ok": True}  # not HTML: passed on untouched


def test_under_a_base_url_path(static_dir):
    with _client(static_dir, base_url="/ub/") as client:
        assert client.get("/ub/static/js/PlotlyChart.P-1_x.js").content == PLOTLY_BODY
        assert "PlotlyChart.P-1_x.js" in client.get("/ub/skoler").text


def test_without_a_readable_bundle_the_document_is_left_alone(static_dir):
    (static_dir / "static" / "js" / "index.AAA.js").write_text("export{}", encoding="utf-8")
    with _client(static_dir) as client:
        assert client.get("/").text == INDEX
        assert client.get("/static/js/tiny.js").text == "1"


def test_install_puts_the_middleware_first_once(monkeypatch):
    from streamlit.web.server.starlette import starlette_app

    monkeypatch.setattr(starlette_app, "create_streamlit_middleware", starlette_app.create_streamlit_middleware)
    assert static_assets.install() and static_assets.install()
    stack = starlette_app.create_streamlit_middleware()
    assert stack[0].cls is StaticAssets
    assert sum(m.cls is StaticAssets for m in stack) == 1


def test_the_real_server_sends_gzip_and_the_links(app_server):
    page = urllib.request.urlopen(app_server + "/").read().decode()
    plotly = re.search(r'\["\./static/js/(PlotlyChart\.[\w-]+\.js)"\]\.forEach', page)
    assert plotly, "the served document does not prefetch Plotly's chunk"
    assert re.search(r'rel="modulepreload" crossorigin href="\./static/js/rehype-raw\.[\w-]+\.js"', page)
    assert re.search(r'rel="modulepreload" crossorigin href="\./static/js/DataFrame\.[\w-]+\.js"', page)
    request = urllib.request.Request(f"{app_server}/static/js/{plotly.group(1)}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as answer:
        assert answer.headers["Content-Encoding"] == "gzip"
        body = gzip.decompress(answer.read())
    from streamlit import file_util

    assert body == (Path(file_util.get_static_dir()) / "static" / "js" / plotly.group(1)).read_bytes()


def test_a_document_that_is_not_utf8_is_passed_on_as_it_is():
    latin = "<html><head>æøå</head></html>".encode("latin-1")
    assert patch_document(latin, ["./PlotlyChart.P-1_x.js"]) == latin


def test_in_the_browser_plotly_is_fetched_after_the_first_chart(page, app_server):
    """Over a room's Wi-Fi the first view must not share the bandwidth with Plotly's chunk: Chromium asks for it
    only after Oversikt's first (server-drawn) chart is on screen, and then does fetch it for the next page."""
    page.add_init_script("new MutationObserver((_, o) => { if (document.querySelector('svg.ub-chart')) {"
                         " window.__chartAt = performance.now(); o.disconnect(); } })"
                         ".observe(document, {childList: true, subtree: true});")
    page.goto(app_server + "/?kommune=7290")
    page.locator("svg.ub-chart").first.wait_for(timeout=60_000)
    shown_ms = page.evaluate("() => window.__chartAt")
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => /PlotlyChart\\./.test(e.name))",
                           timeout=15_000)
    started_ms = page.evaluate("() => performance.getEntriesByType('resource')"
                               ".find(e => /PlotlyChart\\./.test(e.name)).startTime")
    assert started_ms >= shown_ms  # the chart was in the page before Plotly's chunk was asked for
    assert page.evaluate("() => [...document.querySelectorAll('link[rel=prefetch]')].map(l => l.href)")[0].endswith(
        ".js")
