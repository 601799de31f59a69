"""The penalties migration creates exactly the tables the ORM describes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from cobranza_desktop.storage.database import SCHEMA_HEAD, current_revision, open_book
from cobranza_desktop.storage.models import Base

PENALTY_TABLES = {"customer_penalty_policies", "penalty_charges", "incentive_grants"}


def _table_of(diff: Any) -> str | None:
    """The table a diff entry (or a list of modify_* entries) is about."""
    entry = diff[0] if isinstance(diff, list) else diff
    for item in entry[1:]:
        name = getattr(item, "name", None)
        table = getattr(item, "table", None)
        if table is not None:
            return str(table.name)
        if isinstance(item, str) and item in PENALTY_TABLES:
            return item
        if name in PENALTY_TABLES:
            return str(name)
    return None


def test_migrated_penalty_tables_match_the_orm(tmp_path: Path) -> None:
    book = open_book(tmp_path / "book.sqlite", create=True, now=datetime(2026, 1, 1, 10))
    try:
        assert current_revision(book.engine) == SCHEMA_HEAD
        with book.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) >= PENALTY_TABLES
            diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert [d for d in diffs if _table_of(d) in PENALTY_TABLES] == []
        with book.engine.connect() as connection:
            unique = inspect(connection).get_unique_constraints("penalty_charges")
        assert {
            "name": "uq_penalty_charges_invoice_key",
            "column_names": ["invoice_id", "charge_key"],
        } in [{"name": u["name"], "column_names": u["column_names"]} for u in unique]
    finally:
        book.close()
