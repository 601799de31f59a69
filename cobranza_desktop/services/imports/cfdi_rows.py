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

from cobranza_desktop.domain.money import to_cents
from cobranza_desktop.imports.cfdi import CfdiRecord
from cobranza_desktop.storage.bulk import insert_returning_ids, insert_rows
from cobranza_desktop.storage.models import (
    Allocation,
    CfdiDocument,
    Invoice,
    Payment,
    PendingCfdiAllocation,
)
from cobranza_desktop.storage.models.allocation_facts import invoice_facts, payment_facts
from cobranza_desktop.storage.risk_tallies import written_around


# Slotted: the booking reads and updates these fields thousands of times.
@dataclass(eq=False, slots=True)
class NewInvoice:
    """An invoice this import books, before it has an id (the fields an allocation reads).

    ``row`` is the INSERT's row, built once; ``paid_cents`` is copied into it when
    written, after every allocation."""

    row: dict[str, Any]
    customer_id: int
    issue_date: date
    due_date: date
    total_cents: int
    cfdi_uuid: str
    foreign_total_cents: int | None = None
    exchange_rate: Decimal | None = None
    paid_cents: int = 0
    kind: str = "invoice"
    id: int | None = None

    # As the ORM invoice spells them (an allocation copies both: allocation_facts).
    @property
    def lifecycle(self) -> str:
        return str(self.row["lifecycle"])

    @property
    def sat_payment_method(self) -> str:
        return str(self.row.get("sat_payment_method", ""))


@dataclass(eq=False, slots=True)
class NewPayment:
    """A payment this import books; ``amount_cents`` and ``allocated_cents`` (which the
    booking may still change) are copied into ``row`` when written."""

    row: dict[str, Any]
    customer_id: int
    payment_date: date
    method: str
    amount_cents: int
    allocated_cents: int = 0
    reversed_at: datetime | None = None
    id: int | None = None

    @property
    def rep_uuid(self) -> str:
        return str(self.row.get("rep_uuid", ""))


AnyInvoice = NewInvoice | Invoice
AnyPayment = NewPayment | Payment


@dataclass
class CfdiRows:
    session: Session
    now: datetime
    batch_id: int
    invoices: list[NewInvoice] = field(default_factory=list)
    payments: list[NewPayment] = field(default_factory=list)
    allocations: list[tuple[AnyPayment, AnyInvoice, int]] = field(default_factory=list)
    documents: list[tuple[dict[str, Any], AnyInvoice | None, AnyPayment | None]] = field(
        default_factory=list
    )
    pending: list[tuple[AnyPayment, dict[str, Any]]] = field(default_factory=list)

    def add_payment(
        self,
        customer_id: int,
        paid_on: date,
        method: str,
        cents: int,
        *,
        reference: str,
        notes: str,
        rep_uuid: str,
    ) -> NewPayment:
        payment = NewPayment(
            row={
                "customer_id": customer_id,
                "payment_date": paid_on,
                "method": method,
                "amount_cents": cents,
                "allocated_cents": 0,
                "reference": reference,
                "notes": notes,
                "rep_uuid": rep_uuid,
                "import_batch_id": self.batch_id,
                "created_at": self.now,
            },
            customer_id=customer_id,
            payment_date=paid_on,
            method=method,
            amount_cents=cents,
        )
        self.payments.append(payment)
        return payment

    def add_document(
        self,
        record: CfdiRecord,
        invoice: AnyInvoice | None,
        payment: AnyPayment | None,
        total_cents: int | None,
    ) -> None:
        columns = {
            "uuid": record.uuid,
            "doc_type": record.doc_type,
            "version": record.version,
            "source": record.source[:500],
            "issuer_rfc": record.issuer.rfc[:13],
            "receiver_rfc": record.receiver.rfc[:13],
            "issued_on": record.issued_on,
            "total_cents": to_cents(record.total) if total_cents is None else total_cents,
            "currency": record.currency[:3],
            "invoice_id": None,  # set when written
            "payment_id": None,
            "batch_id": self.batch_id,
            "created_at": self.now,
        }
        self.documents.append((columns, invoice, payment))

    def allocate(self, payment: AnyPayment, invoice: AnyInvoice, cents: int) -> None:
        """As ``allocations.apply``; the caller has checked the amounts."""
        self.allocations.append((payment, invoice, cents))
        payment.allocated_cents += cents
        invoice.paid_cents += cents

    def write(self) -> None:
        """Customers and changed ORM rows first (their ids), then every new row."""
        self.session.flush()
        for invoice in self.invoices:
            invoice.row["paid_cents"] = invoice.paid_cents
        ids = insert_returning_ids(self.session, Invoice, [i.row for i in self.invoices])
        for invoice, new_id in zip(self.invoices, ids, strict=True):
            invoice.id = new_id
        for payment in self.payments:
            row = payment.row
            row["amount_cents"] = payment.amount_cents
            row["allocated_cents"] = payment.allocated_cents
        ids = insert_returning_ids(self.session, Payment, [p.row for p in self.payments])
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
        # A document's row was built with the rest of its columns; only the ids were missing.
        for columns, i, p in self.documents:
            columns["invoice_id"] = None if i is None else i.id
            columns["payment_id"] = None if p is None else p.id
        insert_rows(self.session, CfdiDocument, [columns for columns, _i, _p in self.documents])
        insert_rows(
            self.session,
            PendingCfdiAllocation,
            [{**columns, "payment_id": p.id} for p, columns in self.pending],
        )
        customers = {i.customer_id for i in self.invoices}
        customers |= {p.customer_id for p in self.payments}
        customers |= {i.customer_id for _p, i, _c in self.allocations}
        written_around(self.session, customers)
