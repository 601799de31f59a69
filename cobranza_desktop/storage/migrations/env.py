"""Alembic environment: runs on the connection the program hands over."""

from alembic import context

from cobranza_desktop.storage.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")

if connection is None:  # the `alembic` command line, for developers
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite"
    with create_engine(url).begin() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
