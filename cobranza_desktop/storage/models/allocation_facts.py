"""The facts an allocation copies from its payment and invoice, kept in step by the ORM.

The indicators sum money applied over date ranges (days to pay, days late, on time, the
receivables as of past month ends). Reading those from one covering index on
``allocations`` avoids a payment and an invoice lookup per allocation, which made
``cobranza stats`` take seconds on a large book. The copies are set when an allocation is
inserted, and rewritten when a payment's date or method, or an invoice's dates or kind,
change. ``cobranza check`` verifies them (``storage/queries/book_check.py``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event, inspect, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper

from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.storage.models.core import Allocation, Invoice, Payment

DISCOUNT_METHOD = PaymentMethod.DISCOUNT.value  # settles a balance but is not money received
SALE_KIND = "invoice"  # late charges and other kinds are not sales


def day_number(value: date) -> int:
    """A date as an integer day number: differences are days, on every database."""
    return value.toordinal()


def day_number_sql(column: str, dialect: str) -> str:
    """SQL for a date column as its day number (``day_number``), on SQLite or PostgreSQL.

    The one place that turns a date into a day number in SQL: the migration's backfill
    and the book check use it; the indicators compare the stored numbers only.
    """
    if dialect == "sqlite":
        return f"CAST(julianday({column}) - 1721424.5 AS INTEGER)"
    return f"(({column}) - DATE '0001-01-01' + 1)"


def fill_facts_sql(dialect: str, only_missing: bool = True) -> str:
    """One UPDATE that sets every allocation's copied facts from its payment and invoice.

    For writers that insert allocations without the ORM (a bulk loader): run it once
    after the load. ``only_missing`` touches only rows whose facts are not set yet.
    """
    pay, issue, due = (
        day_number_sql(c, dialect) for c in ("p.payment_date", "i.issue_date", "i.due_date")
    )
    where = " WHERE payment_day IS NULL OR due_day IS NULL" if only_missing else ""
    return f"""UPDATE allocations SET
    customer_id = (SELECT p.customer_id FROM payments p WHERE p.id = allocations.payment_id),
    payment_day = (SELECT {pay} FROM payments p WHERE p.id = allocations.payment_id),
    is_money = (SELECT p.method != 'discount' FROM payments p
                WHERE p.id = allocations.payment_id),
    issue_day = (SELECT {issue} FROM invoices i WHERE i.id = allocations.invoice_id),
    due_day = (SELECT {due} FROM invoices i WHERE i.id = allocations.invoice_id),
    on_invoice = (SELECT i.kind = 'invoice' FROM invoices i
                  WHERE i.id = allocations.invoice_id){where}"""


def payment_facts(payment_date: date, method: str, customer_id: int) -> dict[str, Any]:
    return {
        "payment_day": day_number(payment_date),
        "is_money": method != DISCOUNT_METHOD,
        "customer_id": customer_id,
    }


def invoice_facts(issue_date: date, due_date: date, kind: str) -> dict[str, Any]:
    return {
        "issue_day": day_number(issue_date),
        "due_day": day_number(due_date),
        "on_invoice": kind == SALE_KIND,
    }


@event.listens_for(Allocation, "before_insert")
def _fill(mapper: Mapper[Any], connection: Connection, target: Allocation) -> None:
    state = inspect(target)
    payment = target.payment if "payment" not in state.unloaded else None
    invoice = target.invoice if "invoice" not in state.unloaded else None
    if payment is None:
        row = connection.execute(
            select(Payment.payment_date, Payment.method, Payment.customer_id).where(
                Payment.id == target.payment_id
            )
        ).one()
        facts = payment_facts(row[0], row[1], row[2])
    else:
        facts = payment_facts(payment.payment_date, payment.method, payment.customer_id)
    if invoice is None:
        issued = connection.execute(
            select(Invoice.issue_date, Invoice.due_date, Invoice.kind).where(
                Invoice.id == target.invoice_id
            )
        ).one()
        facts.update(invoice_facts(issued[0], issued[1], issued[2]))
    else:
        facts.update(invoice_facts(invoice.issue_date, invoice.due_date, invoice.kind))
    for name, value in facts.items():
        setattr(target, name, value)


def _changed(target: object, *names: str) -> bool:
    state = inspect(target)
    return any(state.attrs[name].history.has_changes() for name in names)


@event.listens_for(Payment, "after_update")
def _payment_changed(mapper: Mapper[Any], connection: Connection, target: Payment) -> None:
    if _changed(target, "payment_date", "method", "customer_id"):
        connection.execute(
            update(Allocation)
            .where(Allocation.payment_id == target.id)
            .values(**payment_facts(target.payment_date, target.method, target.customer_id))
        )


@event.listens_for(Invoice, "after_update")
def _invoice_changed(mapper: Mapper[Any], connection: Connection, target: Invoice) -> None:
    if _changed(target, "issue_date", "due_date", "kind"):
        connection.execute(
            update(Allocation)
            .where(Allocation.invoice_id == target.id)
            .values(**invoice_facts(target.issue_date, target.due_date, target.kind))
        )
