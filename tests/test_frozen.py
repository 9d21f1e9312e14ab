"""ui/frozen.py: a cached figure is serialised once, shows exactly what the figure holds, and copies stay separate."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools as ptools

from ui.frozen import FrozenFigure, freeze


def _figure() -> go.Figure:
    fig = go.Figure(go.Scatter(x=np.arange(5), y=np.linspace(0, 1, 5), name="Kommunen",
                               error_y={"type": "data", "array": np.full(5, 0.1)}))
    fig.update_layout(title="Tittel", height=400)
    return fig


def test_same_spec_as_the_figure_and_computed_once():
    fig = _figure()
    frozen = freeze(fig)
    assert isinstance(frozen, FrozenFigure) and freeze(frozen) is frozen
    # What st.plotly_chart sends: identical content (key order inside the template may differ).
    spec = lambda f: json.loads(pio.to_json(ptools.return_figure_from_figure_or_data(f, True), validate=False))  # noqa: E731
    assert spec(frozen) == spec(fig)
    assert frozen.to_dict() is frozen.to_dict()  # no new copy per run


def test_a_copy_for_findings_markers_leaves_the_frozen_figure_alone():
    frozen = freeze(_figure())
    before = json.dumps(frozen.to_dict(), sort_keys=True, default=str)
    copy = go.Figure(frozen)
    copy.add_trace(go.Scatter(x=[1], y=[1], name="Funn"))
    copy.update_layout(title="Endret")
    assert [t.name for t in copy.data] == ["Kommunen", "Funn"]
    assert json.dumps(frozen.to_dict(), sort_keys=True, default=str) == before


def test_freezing_does_not_copy_the_figure():
    fig = _figure()
    before = json.dumps(fig.to_dict(), sort_keys=True, default=str)
    frozen = freeze(fig)
    assert frozen is fig  # frozen in place: a copy would re-validate every property
    assert json.dumps(frozen.to_dict(), sort_keys=True, default=str) == before
    assert frozen.layout.title.text == "Tittel" and frozen.data[0].name == "Kommunen"
