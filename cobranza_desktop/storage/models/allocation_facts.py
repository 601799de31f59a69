"""The facts an allocation copies from its payment and invoice, kept in step by the ORM.

The indicators sum money applied over date ranges (days to pay, days late, on time, the
receivables as of past month ends), and the REP radar counts the payments still owing
their receipt. Reading those from covering indexes on ``allocations`` avoids a payment and
an invoice lookup per allocation, which made ``cobranza stats`` and the radar take seconds
on a large book. The copies are set when an allocation is inserted, and rewritten when a
payment's date, method, REP or reversal, or an invoice's dates, kind, lifecycle or SAT
payment method, change. ``cobranza check`` verifies them (``storage/queries/book_check.py``).
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
ISSUED = "issued"
PPD = "PPD"  # paid in instalments: each payment needs its REP


# The REP radar's facts (``rep_open``, ``on_ppd``) in SQL, over a payment ``p`` and an
# invoice ``i``.
REP_OPEN_SQL = "(p.rep_uuid = '' AND p.reversed_at IS NULL)"
ON_PPD_SQL = "(i.lifecycle = 'issued' AND i.sat_payment_method = 'PPD')"


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
    missing = " WHERE payment_day IS NULL OR due_day IS NULL OR rep_open IS NULL OR on_ppd IS NULL"
    where = missing if only_missing else ""
    return f"""UPDATE allocations SET
    customer_id = (SELECT p.customer_id FROM payments p WHERE p.id = allocations.payment_id),
    payment_day = (SELECT {pay} FROM payments p WHERE p.id = allocations.payment_id),
    is_money = (SELECT p.method != 'discount' FROM payments p
                WHERE p.id = allocations.payment_id),
    rep_open = (SELECT {REP_OPEN_SQL} FROM payments p WHERE p.id = allocations.payment_id),
    issue_day = (SELECT {issue} FROM invoices i WHERE i.id = allocations.invoice_id),
    due_day = (SELECT {due} FROM invoices i WHERE i.id = allocations.invoice_id),
    on_invoice = (SELECT i.kind = 'invoice' FROM invoices i
                  WHERE i.id = allocations.invoice_id),
    on_ppd = (SELECT {ON_PPD_SQL} FROM invoices i WHERE i.id = allocations.invoice_id){where}"""


def payment_facts(
    payment_date: date,
    method: str,
    customer_id: int,
    *,
    rep_uuid: str,
    reversed: bool,
) -> dict[str, Any]:
    return {
        "payment_day": day_number(payment_date),
        "is_money": method != DISCOUNT_METHOD,
        "customer_id": customer_id,
        "rep_open": rep_uuid == "" and not reversed,
    }


def invoice_facts(
    issue_date: date, due_date: date, kind: str, *, lifecycle: str, sat_payment_method: str
) -> dict[str, Any]:
    return {
        "issue_day": day_number(issue_date),
        "due_day": day_number(due_date),
        "on_invoice": kind == SALE_KIND,
        "on_ppd": lifecycle == ISSUED and sat_payment_method == PPD,
    }


def _of_payment(payment: Payment) -> dict[str, Any]:
    return payment_facts(
        payment.payment_date,
        payment.method,
        payment.customer_id,
        rep_uuid=payment.rep_uuid,
        reversed=payment.reversed_at is not None,
    )


def _of_invoice(invoice: Invoice) -> dict[str, Any]:
    return invoice_facts(
        invoice.issue_date,
        invoice.due_date,
        invoice.kind,
        lifecycle=invoice.lifecycle,
        sat_payment_method=invoice.sat_payment_method,
    )


@event.listens_for(Allocation, "before_insert")
def _fill(mapper: Mapper[Any], connection: Connection, target: Allocation) -> None:
    state = inspect(target)
    payment = target.payment if "payment" not in state.unloaded else None
    invoice = target.invoice if "invoice" not in state.unloaded else None
    if payment is None:
        row = connection.execute(
            select(
                Payment.payment_date,
                Payment.method,
                Payment.customer_id,
                Payment.rep_uuid,
                Payment.reversed_at,
            ).where(Payment.id == target.payment_id)
        ).one()
        facts = payment_facts(row[0], row[1], row[2], rep_uuid=row[3], reversed=row[4] is not None)
    else:
        facts = _of_payment(payment)
    if invoice is None:
        issued = connection.execute(
            select(
                Invoice.issue_date,
                Invoice.due_date,
                Invoice.kind,
                Invoice.lifecycle,
                Invoice.sat_payment_method,
            ).where(Invoice.id == target.invoice_id)
        ).one()
        facts.update(
            invoice_facts(
                issued[0], issued[1], issued[2], lifecycle=issued[3], sat_payment_method=issued[4]
            )
        )
    else:
        facts.update(_of_invoice(invoice))
    for name, value in facts.items():
        setattr(target, name, value)


def _changed(target: object, *names: str) -> bool:
    state = inspect(target)
    return any(state.attrs[name].history.has_changes() for name in names)


@event.listens_for(Payment, "after_update")
def _payment_changed(mapper: Mapper[Any], connection: Connection, target: Payment) -> None:
    if _changed(target, "payment_date", "method", "customer_id", "rep_uuid", "reversed_at"):
        connection.execute(
            update(Allocation)
            .where(Allocation.payment_id == target.id)
            .values(**_of_payment(target))
        )


@event.listens_for(Invoice, "after_update")
def _invoice_changed(mapper: Mapper[Any], connection: Connection, target: Invoice) -> None:
    if _changed(target, "issue_date", "due_date", "kind", "lifecycle", "sat_payment_method"):
        connection.execute(
            update(Allocation)
            .where(Allocation.invoice_id == target.id)
            .values(**_of_invoice(target))
        )
