"""Data layer: canonical model, demo data, importers and stores. No streamlit import here.

``data.load_dataset()`` is the one entry point pages use for figures.
"""

from data.dataset import (  # noqa: F401
    DatasetInfo,
    current_kommuner,
    dataset_info,
    dataset_token,
    ensure_demo,
    kommune_area_rows,
    kommune_lineage,
    load_context,
    load_dataset,
    load_kommuner,
    load_skoler,
)
