from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from cobranza_desktop.storage.database import (
    MIGRATIONS_DIR,
    SCHEMA_HEAD,
    current_revision,
    open_book,
)
from cobranza_desktop.storage.models import Base

OUTBOX_TABLES = {"outbox_messages", "outbox_attachments"}


def _touches_outbox(diff: object) -> bool:
    return any(name in repr(diff) for name in OUTBOX_TABLES)


def test_outbox_migration_matches_the_models(tmp_path: Path) -> None:
    book = open_book(tmp_path / "b.sqlite", create=True, now=datetime(2026, 1, 1))
    try:
        assert current_revision(book.engine) == SCHEMA_HEAD
        with book.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"render_as_batch": True})
            diffs = compare_metadata(context, Base.metadata)
    finally:
        book.close()
    assert [d for d in diffs if _touches_outbox(d)] == []


def test_schema_head_is_the_newest_migration() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD
