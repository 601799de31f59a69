"""The CFDI bulk booking: the documents of an import collected as plain rows and written
with a few multi-row INSERTs (``storage/bulk.py``), instead of one ORM object each.

An import of 10,000 files spent most of its time building, tracking and flushing ORM
objects. Here a new invoice or payment is a small record that the booking updates as it
allocates (``paid_cents``, ``allocated_cents``: the sums ``cobranza check`` verifies);
documents already in the book (an invoice a later P pays, a payment that waited for its
invoice) stay ORM objects and are updated through the session. Core inserts skip the
ORM's events, so the allocations' copied facts are set here and the customers touched
are handed to the risk tallies' upkeep.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from cobranza_desktop.storage.bulk import insert_returning_ids, insert_rows
from cobranza_desktop.storage.models import (
    Allocation,
    CfdiDocument,
    Customer,
    Invoice,
    Payment,
    PendingCfdiAllocation,
)
from cobranza_desktop.storage.models.allocation_facts import invoice_facts, payment_facts
from cobranza_desktop.storage.risk_tallies import written_around


@dataclass(eq=False)
class NewInvoice:
    """An invoice this import books, before it has an id (the fields an allocation reads)."""

    customer: Customer
    columns: dict[str, Any]  # every other column, as inserted
    issue_date: date
    due_date: date
    total_cents: int
    cfdi_uuid: str
    foreign_total_cents: int | None = None
    exchange_rate: Decimal | None = None
    paid_cents: int = 0
    kind: str = "invoice"
    id: int | None = None

    @property
    def customer_id(self) -> int:
        return self.customer.id

    # As the ORM invoice spells them (an allocation copies both: allocation_facts).
    @property
    def lifecycle(self) -> str:
        return str(self.columns["lifecycle"])

    @property
    def sat_payment_method(self) -> str:
        return str(self.columns.get("sat_payment_method", ""))


@dataclass(eq=False)
class NewPayment:
    customer: Customer
    columns: dict[str, Any]
    payment_date: date
    method: str
    amount_cents: int
    allocated_cents: int = 0
    reversed_at: datetime | None = None
    id: int | None = None

    @property
    def customer_id(self) -> int:
        return self.customer.id

    @property
    def rep_uuid(self) -> str:
        return str(self.columns.get("rep_uuid", ""))


AnyInvoice = NewInvoice | Invoice
AnyPayment = NewPayment | Payment


@dataclass
class CfdiRows:
    session: Session
    now: datetime
    invoices: list[NewInvoice] = field(default_factory=list)
    payments: list[NewPayment] = field(default_factory=list)
    allocations: list[tuple[AnyPayment, AnyInvoice, int]] = field(default_factory=list)
    documents: list[tuple[dict[str, Any], AnyInvoice | None, AnyPayment | None]] = field(
        default_factory=list
    )
    pending: list[tuple[AnyPayment, dict[str, Any]]] = field(default_factory=list)

    def allocate(self, payment: AnyPayment, invoice: AnyInvoice, cents: int) -> None:
        """As ``allocations.apply``; the caller has checked the amounts."""
        self.allocations.append((payment, invoice, cents))
        payment.allocated_cents += cents
        invoice.paid_cents += cents

    def write(self) -> None:
        """Customers and changed ORM rows first (their ids), then every new row."""
        self.session.flush()
        invoice_rows = [
            {
                **i.columns,
                "customer_id": i.customer.id,
                "issue_date": i.issue_date,
                "due_date": i.due_date,
                "total_cents": i.total_cents,
                "paid_cents": i.paid_cents,
                "cfdi_uuid": i.cfdi_uuid,
                "foreign_total_cents": i.foreign_total_cents,
                "exchange_rate": i.exchange_rate,
                "kind": i.kind,
                "created_at": self.now,
            }
            for i in self.invoices
        ]
        ids = insert_returning_ids(self.session, Invoice, invoice_rows)
        for invoice, new_id in zip(self.invoices, ids, strict=True):
            invoice.id = new_id
        payment_rows = [
            {
                **p.columns,
                "customer_id": p.customer.id,
                "payment_date": p.payment_date,
                "method": p.method,
                "amount_cents": p.amount_cents,
                "allocated_cents": p.allocated_cents,
                "created_at": self.now,
            }
            for p in self.payments
        ]
        ids = insert_returning_ids(self.session, Payment, payment_rows)
        for payment, new_id in zip(self.payments, ids, strict=True):
            payment.id = new_id
        insert_rows(
            self.session,
            Allocation,
            [
                {
                    "payment_id": p.id,
                    "invoice_id": i.id,
                    "amount_cents": cents,
                    "active": True,
                    "created_at": self.now,
                    **payment_facts(
                        p.payment_date,
                        p.method,
                        p.customer_id,
                        rep_uuid=p.rep_uuid,
                        reversed=p.reversed_at is not None,
                    ),
                    **invoice_facts(
                        i.issue_date,
                        i.due_date,
                        i.kind,
                        lifecycle=i.lifecycle,
                        sat_payment_method=i.sat_payment_method,
                    ),
                }
                for p, i, cents in self.allocations
            ],
        )
        insert_rows(
            self.session,
            CfdiDocument,
            [
                {
                    **columns,
                    "invoice_id": None if i is None else i.id,
                    "payment_id": None if p is None else p.id,
                    "created_at": self.now,
                }
                for columns, i, p in self.documents
            ],
        )
        insert_rows(
            self.session,
            PendingCfdiAllocation,
            [{**columns, "payment_id": p.id} for p, columns in self.pending],
        )
        customers = {i.customer.id for i in self.invoices}
        customers |= {p.customer.id for p in self.payments}
        customers |= {i.customer_id for _p, i, _c in self.allocations}
        written_around(self.session, customers)
