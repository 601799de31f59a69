"""storage/bulk.py: rows written by the multi-row INSERTs read back as the ORM writes
them (dates, booleans, exact decimals, column defaults), on SQLite's direct path and
through SQLAlchemy alike, with their ids in the order of the rows."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.storage.bulk import insert_returning_ids, insert_rows
from cobranza_desktop.storage.models import Customer, ImportBatch, Invoice
from tests import factories


def _invoice(customer_id: int, n: int, **extra: object) -> dict[str, object]:
    return {
        "customer_id": customer_id,
        "external_number": f"X-{n}",
        "lifecycle": "issued",
        "issue_date": date(2026, 10, 1),
        "due_date": date(2026, 10, 31),
        "total_cents": 1000 + n,
        "paid_cents": 0,
        "disputed": n % 2 == 0,
        "exchange_rate": Decimal("17.123456"),
        "created_at": datetime(2026, 11, 22, 9, 30, 15, 123456),
        **extra,
    }


def test_rows_read_back_as_written_with_ids_in_order(ws: Workspace) -> None:
    customer = factories.customer(ws)
    rows = [_invoice(customer.id, n) for n in range(7)]
    with ws.book.transaction() as session:
        ids = insert_returning_ids(session, Invoice, rows)
    assert len(ids) == 7 and ids == sorted(ids)
    with ws.book.session() as session:
        stored = {i.id: i for i in session.scalars(select(Invoice).where(Invoice.id.in_(ids)))}
        for new_id, row in zip(ids, rows, strict=True):
            invoice = stored[new_id]
            assert invoice.external_number == row["external_number"]
            assert invoice.total_cents == row["total_cents"]
            assert invoice.disputed is row["disputed"]
            assert invoice.issue_date == date(2026, 10, 1)
            assert invoice.created_at == row["created_at"]
            assert invoice.exchange_rate == Decimal("17.123456")
            # Columns the rows leave out take the model's defaults.
            assert (invoice.kind, invoice.notes, invoice.series) == ("invoice", "", "")


def test_rows_of_different_keys_are_refused_as_sqlalchemy_refuses_them(ws: Workspace) -> None:
    """Same length, other keys: the direct path steps aside and SQLAlchemy says what is
    missing; nothing is written."""
    customer = factories.customer(ws)
    rows = [_invoice(customer.id, 1), _invoice(customer.id, 2)]
    rows[1].pop("exchange_rate")
    rows[1]["notes"] = "otra"
    with pytest.raises(StatementError, match="exchange_rate"), ws.book.transaction() as session:
        insert_rows(session, Invoice, rows)
    with ws.book.session() as session:
        assert session.scalars(select(Invoice)).all() == []


def test_an_orm_row_added_before_is_written_first(ws: Workspace) -> None:
    with ws.book.transaction() as session:
        batch = ImportBatch(kind="csv", source="x", summary="{}", created_at=datetime(2026, 1, 1))
        session.add(batch)
        customer = Customer(name="Nuevo", name_key="nuevo", created_at=datetime(2026, 1, 1))
        session.add(customer)
        session.flush()
        insert_rows(session, Invoice, [_invoice(customer.id, 3, import_batch_id=batch.id)])
    with ws.book.session() as session:
        invoice = session.scalars(select(Invoice)).one()
        assert invoice.customer_id == customer.id and invoice.import_batch_id == batch.id
