"""The invoice and payment lists of the window: paged, filtered and sorted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.currency import foreign_balance_cents
from cobranza_desktop.domain.invoices import (
    InvoiceStatus,
    Lifecycle,
    derive_status,
    invoice_number,
)
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.queries.listings import (
    InvoiceFilter,
    PaymentFilter,
    invoice_page,
    invoice_totals,
    payment_page,
    payment_totals,
)

__all__ = [
    "InvoiceFilter",
    "InvoiceListItem",
    "InvoiceListSummary",
    "ListingService",
    "PaymentFilter",
    "PaymentListItem",
    "PaymentListSummary",
]


@dataclass(frozen=True)
class InvoiceListItem:
    id: int
    customer_id: int
    customer_name: str
    number: str
    kind: str
    status: InvoiceStatus
    issue_date: date
    due_date: date
    total: Decimal  # in MXN, as every total of the book (domain/currency.py)
    balance: Decimal
    days_past_due: int
    currency: str = "MXN"  # the invoice's own currency (a USD CFDI stays USD)
    own_total: Decimal | None = None  # a foreign invoice's stamped total, in ``currency``
    own_balance: Decimal | None = None  # what it still owes in ``currency``
    delivered: bool = False
    receipt_status: str = ""  # "", "received" or "wrong"
    needs_correction: bool = False


@dataclass(frozen=True)
class InvoiceListSummary:
    count: int
    total: Decimal
    balance: Decimal


@dataclass(frozen=True)
class PaymentListItem:
    id: int
    customer_id: int
    customer_name: str
    payment_date: date
    amount: Decimal
    unallocated: Decimal
    method: PaymentMethod
    reference: str
    reversed: bool


@dataclass(frozen=True)
class PaymentListSummary:
    count: int
    received: Decimal


class ListingService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def invoices(
        self,
        filters: InvoiceFilter | None = None,
        *,
        sort: str = "issue_date",
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> list[InvoiceListItem]:
        today = self._clock.today()
        with self._book.session() as session:
            rows = invoice_page(
                session, today, filters or InvoiceFilter(), sort, descending, offset, limit
            )
        items = []
        for r in rows:
            lifecycle = Lifecycle(r.lifecycle)
            total, paid = from_cents(r.total_cents), from_cents(r.paid_cents)
            balance = total - paid if lifecycle is Lifecycle.ISSUED else from_cents(0)
            own_total = own_balance = None
            if r.foreign_total_cents is not None:
                own_total = from_cents(r.foreign_total_cents)
                own_balance = from_cents(
                    foreign_balance_cents(
                        r.foreign_total_cents, r.total_cents, r.paid_cents, r.exchange_rate
                    )
                    if lifecycle is Lifecycle.ISSUED
                    else 0
                )
            items.append(
                InvoiceListItem(
                    id=r.invoice_id,
                    customer_id=r.customer_id,
                    customer_name=r.customer_name,
                    number=invoice_number(r.series, r.folio, r.external_number),
                    kind=r.kind,
                    status=derive_status(lifecycle, total, paid, r.due_date, today),
                    issue_date=r.issue_date,
                    due_date=r.due_date,
                    total=total,
                    balance=balance,
                    days_past_due=max(0, (today - r.due_date).days) if balance > 0 else 0,
                    currency=r.currency or "MXN",
                    own_total=own_total,
                    own_balance=own_balance,
                    delivered=r.delivered,
                    receipt_status=r.receipt_status,
                    needs_correction=r.needs_correction,
                )
            )
        return items

    def invoice_summary(self, filters: InvoiceFilter | None = None) -> InvoiceListSummary:
        with self._book.session() as session:
            count, total, balance = invoice_totals(
                session, self._clock.today(), filters or InvoiceFilter()
            )
        return InvoiceListSummary(count, from_cents(total), from_cents(balance))

    def payments(
        self,
        filters: PaymentFilter | None = None,
        *,
        sort: str = "date",
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> list[PaymentListItem]:
        with self._book.session() as session:
            rows = payment_page(
                session, filters or PaymentFilter(), sort, descending, offset, limit
            )
        return [
            PaymentListItem(
                id=r.payment_id,
                customer_id=r.customer_id,
                customer_name=r.customer_name,
                payment_date=r.payment_date,
                amount=from_cents(r.amount_cents),
                unallocated=from_cents(r.amount_cents - r.allocated_cents),
                method=PaymentMethod(r.method),
                reference=r.reference,
                reversed=r.reversed,
            )
            for r in rows
        ]

    def payment_summary(self, filters: PaymentFilter | None = None) -> PaymentListSummary:
        with self._book.session() as session:
            count, received = payment_totals(session, filters or PaymentFilter())
        return PaymentListSummary(count, from_cents(received))
