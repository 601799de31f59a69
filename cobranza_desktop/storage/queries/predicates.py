"""The book's shared facts as SQL clauses, written once and composed everywhere.

"Open invoice" and "payment with money not yet applied" are the WHERE clauses of the
partial indexes ``ix_invoices_open`` and ``ix_payments_unallocated``. The lifecycle is a
literal, so the clause renders as the index's own WHERE, also in the textual queries
that embed it (:func:`as_sql`); ``tests/storage/test_shared_queries.py`` pins the plans.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String, and_, literal_column
from sqlalchemy.dialects import sqlite

from cobranza_desktop.storage.models import Invoice, Payment

ISSUED: ColumnElement[str] = literal_column("'issued'", String)


def issued_invoice(invoice: Any = Invoice) -> ColumnElement[bool]:
    """An issued (not draft, not voided) invoice; ``invoice`` may be an alias."""
    return and_(invoice.lifecycle == ISSUED)


def open_invoice(invoice: Any = Invoice) -> ColumnElement[bool]:
    """An issued invoice that still owes something; ``invoice`` may be an alias."""
    return and_(invoice.lifecycle == ISSUED, invoice.paid_cents < invoice.total_cents)


def unapplied_payment(payment: Any = Payment) -> ColumnElement[bool]:
    """A live payment with money not yet applied to invoices (the customer's credit)."""
    return and_(payment.reversed_at.is_(None), payment.allocated_cents < payment.amount_cents)


def table_alias(model: Any, name: str) -> Any:
    """The columns of ``model``'s table under the alias ``name``, for the clauses above in
    textual SQL. Unlike ``orm.aliased`` it does not configure every mapper, which cost a
    tenth of a second of ``cobranza stats`` when these modules were imported."""
    return model.__table__.alias(name).c


def as_sql(clause: ColumnElement[bool]) -> str:
    """The clause as SQL text, for the few hand-tuned textual queries (aging, listings),
    so that they too read the one definition."""
    return str(clause.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
