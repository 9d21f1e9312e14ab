"""Opening the real app in AppTest: app.py with a kommune in the link, then switch to a page."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO_ROOT

APP = str(REPO_ROOT / "app.py")


def open_app(page: str | None = None, *, kommune: str | None = None, timeout: float = 180,
             check_errors: bool = True, **params: str) -> AppTest:
    """Run app.py (the kommune and other query params as a shared link would give them), then ``page``.

    Asserts that no exception (and, with ``check_errors``, no error message) is on screen.
    """
    at = AppTest.from_file(APP, default_timeout=timeout)
    if kommune:
        at.query_params["kommune"] = kommune
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    if check_errors:
        assert not at.error, [e.value for e in at.error]
    return at


def drawn_markup(at: AppTest) -> list[str]:
    """The SVG text of the charts drawn on the server (``ui.charts.show_chart(..., drawn=True)``), in page order."""
    return [m.value for m in at.markdown if 'class="ub-chart"' in str(m.value)]


def drawn_charts(at: AppTest) -> list:
    """The charts drawn on the server as SVG, parsed as XML, in page order."""
    import xml.etree.ElementTree as ET

    return [ET.fromstring(svg) for svg in drawn_markup(at)]


def svg_titles(svg) -> list[str]:
    """The tooltips (``<title>``) of a drawn chart: each marker's hover text."""
    return [t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}title")]
