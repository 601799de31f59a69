"""What a statement of account reads: the balance brought forward and the period's
invoices and payments of one customer (voided invoices and reversed payments never
counted)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from cobranza_desktop.storage.models import Invoice, Payment
from cobranza_desktop.storage.queries.predicates import issued_invoice


def statement_rows(
    session: Session, customer_id: int, start: date, end: date
) -> tuple[
    int,
    int,
    Sequence[Row[date, int, str, str, int | None, date, int, str, str, int | None, Decimal | None]],
    Sequence[Row[date, int, str, str, int]],
]:
    """(charged before ``start``, paid before ``start``, invoice rows, payment rows)."""
    charged_before = session.scalar(
        select(func.coalesce(func.sum(Invoice.total_cents), 0)).where(
            Invoice.customer_id == customer_id,
            issued_invoice(),
            Invoice.issue_date < start,
        )
    )
    paid_before = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
            Payment.customer_id == customer_id,
            Payment.reversed_at.is_(None),
            Payment.payment_date < start,
        )
    )
    invoices = session.execute(
        select(
            Invoice.issue_date,
            Invoice.id,
            Invoice.kind,
            Invoice.series,
            Invoice.folio,
            Invoice.due_date,
            Invoice.total_cents,
            Invoice.external_number,
            Invoice.currency,
            Invoice.foreign_total_cents,
            Invoice.exchange_rate,
        )
        .where(
            Invoice.customer_id == customer_id,
            issued_invoice(),
            Invoice.issue_date >= start,
            Invoice.issue_date <= end,
        )
        .order_by(Invoice.issue_date, Invoice.id)
    ).all()
    payments = session.execute(
        select(
            Payment.payment_date,
            Payment.id,
            Payment.method,
            Payment.reference,
            Payment.amount_cents,
        )
        .where(
            Payment.customer_id == customer_id,
            Payment.reversed_at.is_(None),
            Payment.payment_date >= start,
            Payment.payment_date <= end,
        )
        .order_by(Payment.payment_date, Payment.id)
    ).all()
    return int(charged_before or 0), int(paid_before or 0), invoices, payments
