"""Configuration read from the environment: the data folder and the findings database URL.

- ``UTFORDRINGSBILDE_DATA_DIR``: where demo-data caches, imported data (Parquet) and the default
  SQLite findings database live. Default: ``var/`` in the repository.
- ``DATABASE_URL``: SQLAlchemy URL of the findings database (e.g.
  ``postgresql+psycopg://user@host/db``). Default: a SQLite file in the data folder. Streamlit secrets
  (``database_url``) are consulted by the app layer, which passes the URL down.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The data folder, created on first use."""
    path = Path(os.environ.get("UTFORDRINGSBILDE_DATA_DIR", REPO_ROOT / "var")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """The findings database URL: ``DATABASE_URL`` or a SQLite file in the data folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{data_dir() / 'funn.sqlite'}"
