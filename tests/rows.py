"""One canonical-format row (docs/architecture.md) for hand-built test frames; tests override what they need."""

from __future__ import annotations

import numpy as np


def canonical_row(**overrides) -> dict:
    """A school row of the canonical long format with every column present; ``overrides`` win."""
    row = dict(level="skole", unit_id="1", unit_name="A skole", kommune_id="7001", fylke_id="70",
               indicator="np_skalapoeng", subject="lesing", trinn=5, kjonn="alle", period="2023-24",
               value=np.nan, n=np.nan, sd=np.nan, suppressed=False, marker="", unit_of_measure="skalapoeng",
               source="test")
    row.update(overrides)
    return row
