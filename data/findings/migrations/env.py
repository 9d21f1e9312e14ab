"""Alembic environment of the findings store.

The store runs ``upgrade head`` on start and passes its own open connection (inside a transaction
that holds the database's write lock) in ``config.attributes["connection"]``. From the command line:
``alembic -c data/findings/alembic.ini -x url=sqlite:///var/funn.sqlite upgrade head``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from data.findings.models import VERSION_TABLE, Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    context.configure(url=url, target_metadata=target_metadata, version_table=VERSION_TABLE,
                      literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        from data.config import database_url

        url = database_url()
    engine = create_engine(url)
    with engine.begin() as conn:
        _configure_and_run(conn)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
