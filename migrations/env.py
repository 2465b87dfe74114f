"""Alembic environment for ClientCare.

The app passes an open connection (already in a transaction, foreign keys off
on SQLite) through ``config.attributes["connection"]``; developers running the
``alembic`` command get an engine from the ini file or ``-x db=PATH``.
"""

from __future__ import annotations

from alembic import context

from clientcare.db.engine import make_engine
from clientcare.db.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # Server defaults exist only so new NOT NULL columns can be added to old rows;
        # SQLite reflects them in a form Alembic reports as different when they are not.
        compare_server_default=False,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    target = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = make_engine(target)
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("ClientCare migrations run online only.")
run_migrations_online()
