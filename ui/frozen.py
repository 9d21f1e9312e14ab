"""Finished, shared Plotly figures whose serialised form is computed once.

``st.plotly_chart`` turns a ``go.Figure`` into a dict (``fig.to_dict()``: a deep copy that base64-encodes
every array) on every run of every session; for a cached figure that is the same work each time, ≈10–60 ms
a chart. ``FrozenFigure`` computes the dict once, when the figure is cached, and hands the same dict back on
every call. Cached figures are shared read-only between sessions (``st.cache_resource``); never change one
after freezing it (``FrozenFigure`` refuses ``update_layout``-style changes through plotly's own methods
only by convention: build the figure fully first, then freeze).
"""

from __future__ import annotations

import plotly.graph_objects as go


class FrozenFigure(go.Figure):
    """A ``go.Figure`` whose ``to_dict()`` is computed once at creation (for ``st.plotly_chart``)."""

    _frozen_dict: dict

    def __init__(self, fig: go.Figure):
        super().__init__(fig)
        self._frozen_dict = super().to_dict()

    def to_dict(self) -> dict:  # what st.plotly_chart serialises (read-only: shared between sessions)
        return self._frozen_dict


def freeze(fig: go.Figure) -> FrozenFigure:
    """The finished figure, frozen in place for repeated display (see the module docstring).

    The figure itself becomes the ``FrozenFigure`` (no copy: copying a figure re-validates every property,
    ≈15 ms for the small multiples); the caller hands over a finished figure and keeps no handle to change it."""
    if isinstance(fig, FrozenFigure):
        return fig
    if type(fig) is not go.Figure:  # a subclass of its own: copy into a FrozenFigure instead
        return FrozenFigure(fig)
    fig.__class__ = FrozenFigure
    fig._frozen_dict = go.Figure.to_dict(fig)
    return fig
