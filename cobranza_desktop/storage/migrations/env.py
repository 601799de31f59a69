"""Alembic environment: runs on the connection the program hands over."""

from alembic import context
from sqlalchemy import Connection, inspect, text

from cobranza_desktop.storage.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")


def _wide_version_table(connection: Connection) -> None:
    """Alembic's version table holds 32 characters, and a revision such as
    ``0005_outbox_invoices_and_statuses`` is longer: SQLite does not mind, PostgreSQL
    does. Made beforehand, wider, Alembic uses it as it finds it."""
    if connection.dialect.name != "sqlite" and not inspect(connection).has_table("alembic_version"):
        connection.execute(
            text(
                "CREATE TABLE alembic_version (version_num VARCHAR(100) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
        )


if connection is None:  # the `alembic` command line, for developers
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite"
    with create_engine(url).begin() as connection:
        _wide_version_table(connection)
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
else:
    _wide_version_table(connection)
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
