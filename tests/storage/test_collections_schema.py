from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError

from cobranza_desktop.storage.database import MIGRATIONS_DIR, SCHEMA_HEAD, open_book
from cobranza_desktop.storage.models import Base, Customer
from cobranza_desktop.storage.models.collections import CollectionAction

COLLECTIONS_TABLES = {
    "collection_contacts",
    "collection_actions",
    "collection_promises",
    "payment_plans",
    "payment_plan_invoices",
    "payment_plan_instalments",
    "customer_status_transitions",
    "due_date_extensions",
    "next_payment_discounts",
}


def _table_of(diff: Any) -> str:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:]:
        table = getattr(part, "table", None)
        if table is not None:
            return str(table.name)
        name = getattr(part, "name", None)
        if isinstance(part, Table) and name:
            return str(name)
    return "?"


def test_schema_head_is_the_newest_migration() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    book = open_book(tmp_path / "book.sqlite", create=True, now=datetime(2026, 1, 1))
    try:
        with book.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        # The foundation's expression indexes (COLLATE NOCASE) are reported approximately
        # by Alembic; this test checks the collections tables.
        assert [d for d in diff if _table_of(d) in COLLECTIONS_TABLES] == []
        assert set(Base.metadata.tables) >= COLLECTIONS_TABLES
    finally:
        book.close()


def test_an_action_key_is_logged_only_once(tmp_path: Path) -> None:
    book = open_book(tmp_path / "book.sqlite", create=True, now=datetime(2026, 1, 1))
    try:
        with book.transaction() as session:
            customer = Customer(name="Ana", created_at=datetime(2026, 1, 1))
            session.add(customer)
            session.flush()
            cid = customer.id

        def log() -> None:
            with book.transaction() as session:
                session.add(
                    CollectionAction(
                        customer_id=cid,
                        stage="phone_reminder",
                        subject="invoice:1@2026-01-01",
                        action_date=date(2026, 1, 2),
                        state="done",
                        created_at=datetime(2026, 1, 2, 10),
                    )
                )

        log()
        with pytest.raises(IntegrityError):
            log()
    finally:
        book.close()
