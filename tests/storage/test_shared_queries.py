"""The one balance query and the one "open invoice" predicate: results and index use."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Select, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.queries.balances import (
    CREDIT_BY_CUSTOMER,
    OPEN_BY_CUSTOMER,
    customer_balance,
    customer_balances,
)
from cobranza_desktop.storage.queries.predicates import open_invoice
from tests.factories import customer, invoice


def _plan(session: Session, sql: str, params: dict[str, object]) -> str:
    rows = session.execute(text(f"EXPLAIN QUERY PLAN {sql}"), params).all()
    return " | ".join(str(row[-1]) for row in rows)


def _sql(statement: Select[int]) -> str:
    return str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def test_balances_of_many_customers_in_one_call(ws: Workspace) -> None:
    ana, beto, cora = (customer(ws, name=n).id for n in ("Ana", "Beto", "Cora"))
    invoice(ws, ana, "100.00", issued=date(2026, 9, 1), due=date(2026, 10, 1))  # 116.00
    invoice(ws, ana, "50.00", issued=date(2026, 11, 1), due=date(2026, 12, 1))  # 58.00
    invoice(ws, beto, "10.00", issued=date(2026, 11, 1), due=date(2026, 11, 10))  # 11.60
    ws.payments.record(PaymentInput(beto, "20.00", date(2026, 11, 5)))  # 8.40 left as credit
    with ws.book.session() as session:
        rows = customer_balances(session, [ana, beto, cora], date(2026, 11, 22))
        single = customer_balance(session, ana, date(2026, 11, 22))
    assert rows[ana] == single
    assert (rows[ana].open_cents, rows[ana].overdue_cents) == (17400, 11600)
    assert rows[ana].oldest_overdue_due_date == date(2026, 10, 1)
    assert (rows[beto].open_cents, rows[beto].credit_cents, rows[beto].balance_cents) == (
        0,
        840,
        -840,
    )
    assert rows[cora].balance_cents == 0 and rows[cora].oldest_overdue_due_date is None
    # The customer file shows the same figure.
    assert ws.customers.balance(beto).balance == Decimal("-8.40")


def test_without_a_day_nothing_is_overdue(ws: Workspace) -> None:
    ana = customer(ws).id
    invoice(ws, ana, "100.00", issued=date(2026, 9, 1), due=date(2026, 10, 1))
    with ws.book.session() as session:
        row = customer_balance(session, ana)
    assert (row.open_cents, row.overdue_cents, row.oldest_overdue_due_date) == (11600, 0, None)


@pytest.mark.sqlite_only  # SQLite's query plan
def test_open_balances_read_the_partial_index_of_open_invoices(ws: Workspace) -> None:
    with ws.book.session() as session:
        plan = _plan(session, OPEN_BY_CUSTOMER, {"today": "2026-11-22"})
        assert "ix_invoices_open" in plan, plan
        plan = _plan(session, CREDIT_BY_CUSTOMER, {})
        assert "ix_payments_unallocated" in plan, plan
        query = select(Invoice.id).where(open_invoice(), Invoice.customer_id == 1)
        plan = _plan(session, _sql(query), {})
        assert "ix_invoices_open" in plan, plan
