"""Findings live beside the numbers: markers and 'Legg til funn' on the Utvikling and Skoler pages."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from data import demo
from data.findings import Author, FindingIn, IndicatorLink, get_store
from tests.apptest import open_app

K = demo.SHOWCASE_SPREAD


@pytest.fixture
def store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'funn.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    s = get_store(url)
    yield s
    s.dispose()


def open_page(page: str) -> AppTest:
    return open_app(page, kommune=K)


def funn_markers(at: AppTest, chart: int = 0) -> list[dict]:
    spec = json.loads(at.get("plotly_chart")[chart].proto.spec)
    return [tr for tr in spec["data"] if str(tr.get("legendgroup", "")).startswith("funn_")]


def weak_school_id() -> str:
    import data

    sk = data.load_skoler()
    return sk.loc[sk["school_name"] == demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME, "school_id"].iloc[0]


def test_skoler_add_finding_for_a_school_then_marker_on_its_row(store):
    at = open_page("skoler")
    assert not funn_markers(at)
    form = [m for m in at.multiselect if m.key and m.key.startswith("skoler_add_") and m.key.endswith("_schools")][0]
    # Prefilled with the schools on screen; keep only the weak school.
    weak = weak_school_id()
    assert weak in form.value
    for s in list(form.value):
        if s != weak:
            form.unselect(s)
    at.text_input(key="skoler_add_form_author_name").input("Ola Veileder")
    [a for a in at.text_area if a.key and a.key.startswith("skoler_add_")][0].input(
        "Lærerne ved skolen beskriver stor utskifting i personalet")
    [b for b in at.button if b.label == "Lagre funn"][0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    [f] = store.list_findings(K)
    assert f.schools == (weak,)
    markers = funn_markers(at)
    assert len(markers) == 1
    assert markers[0]["y"][0].startswith(demo.SHOWCASE_SPREAD_WEAK_SCHOOL_NAME)  # on the weak school's row
    assert "utskifting" in markers[0]["hovertext"][0]


def test_utvikling_shows_kommune_finding_as_marker_at_its_year(store):
    store.create(FindingIn(K, "Nytt leseprogram innført dette året", "tiltakside",
                           indicators=(IndicatorLink("grunnskolepoeng", "", 10),), periods=("2022-23",)),
                 Author("Kari", "skoleeier"))
    at = open_page("utvikling")
    markers = funn_markers(at)
    assert len(markers) == 1 and markers[0]["x"] == ["2022-23"]
    assert any("Funn koblet til denne figuren (1)" in m.value for m in at.markdown)
