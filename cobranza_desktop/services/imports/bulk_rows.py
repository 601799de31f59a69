"""Bulk writing for spreadsheet imports: rows are collected as plain values and written
with a few multi-row INSERTs (``storage/bulk.py``), instead of one ORM object per
invoice, payment and allocation.

The sums the book caches (``paid_cents``, ``allocated_cents``) are computed here, once,
as the allocations are collected, so that ``cobranza check`` holds after the write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.imports.cfdi_currency import foreign_parts
from cobranza_desktop.storage.bulk import insert_returning_ids, insert_rows
from cobranza_desktop.storage.models import Allocation, Customer, Invoice, Payment
from cobranza_desktop.storage.models.allocation_facts import invoice_facts, payment_facts
from cobranza_desktop.storage.risk_tallies import written_around


@dataclass
class NewInvoice:
    """An invoice this import books, before it has an id."""

    customer: Customer
    external_number: str
    issue_date: date
    due_date: date
    total_cents: int
    cfdi_uuid: str
    sat_payment_method: str
    disputed: bool
    notes: str
    paid_cents: int = 0
    id: int | None = None
    # A foreign document (cfdi_currency.booked_total): its own currency, total and rate.
    currency: str = "MXN"
    foreign_total_cents: int | None = None
    exchange_rate: Decimal | None = None


@dataclass
class NewPayment:
    customer: Customer
    payment_date: date
    amount_cents: int
    notes: str
    reference: str = ""
    allocated_cents: int = 0
    id: int | None = None


@dataclass
class BulkWriter:
    session: Session
    now: datetime
    batch_id: int
    invoices: list[NewInvoice] = field(default_factory=list)
    payments: list[NewPayment] = field(default_factory=list)
    allocations: list[tuple[NewPayment, NewInvoice, int]] = field(default_factory=list)

    def add_invoice(self, invoice: NewInvoice) -> NewInvoice:
        self.invoices.append(invoice)
        return invoice

    def add_payment(self, payment: NewPayment) -> NewPayment:
        self.payments.append(payment)
        return payment

    def allocate(self, payment: NewPayment, invoice: NewInvoice, cents: int) -> None:
        """As ``allocations.apply``; the caller has checked the amounts."""
        self.allocations.append((payment, invoice, cents))
        payment.allocated_cents += cents
        invoice.paid_cents += cents

    def write(self) -> None:
        """Write everything collected: customers first (their ids), then the documents."""
        self.session.flush()
        invoice_rows: list[dict[str, object]] = [
            {
                "customer_id": i.customer.id,
                "kind": "invoice",
                "series": "",
                "folio": None,
                "external_number": i.external_number,
                "lifecycle": Lifecycle.ISSUED.value,
                "issue_date": i.issue_date,
                "due_date": i.due_date,
                "subtotal_cents": i.total_cents,
                "discount_cents": 0,
                "tax_cents": 0,
                "total_cents": i.total_cents,
                "paid_cents": i.paid_cents,
                "cfdi_uuid": i.cfdi_uuid,
                "sat_payment_method": i.sat_payment_method,
                "disputed": i.disputed,
                "import_batch_id": self.batch_id,
                "created_at": self.now,
                "notes": i.notes,
                "currency": i.currency,
                "foreign_total_cents": i.foreign_total_cents,
                "exchange_rate": i.exchange_rate,
                # A sheet row is its total alone, in its currency as in MXN above.
                **foreign_parts(i.foreign_total_cents),
            }
            for i in self.invoices
        ]
        for invoice, new_id in zip(
            self.invoices, insert_returning_ids(self.session, Invoice, invoice_rows), strict=True
        ):
            invoice.id = new_id
        payment_rows: list[dict[str, object]] = [
            {
                "customer_id": p.customer.id,
                "payment_date": p.payment_date,
                "amount_cents": p.amount_cents,
                "allocated_cents": p.allocated_cents,
                "method": PaymentMethod.TRANSFER.value,
                "reference": p.reference[:200],
                "notes": p.notes,
                "rep_uuid": "",
                "import_batch_id": self.batch_id,
                "created_at": self.now,
            }
            for p in self.payments
        ]
        for payment, new_id in zip(
            self.payments, insert_returning_ids(self.session, Payment, payment_rows), strict=True
        ):
            payment.id = new_id
        # Core inserts skip the ORM's before_insert: the facts an allocation copies from
        # its payment and invoice (storage/models/allocation_facts.py) are set here.
        allocation_rows: list[dict[str, object]] = [
            {
                "payment_id": p.id,
                "invoice_id": i.id,
                "amount_cents": cents,
                "active": True,
                "created_at": self.now,
                **payment_facts(
                    p.payment_date,
                    PaymentMethod.TRANSFER.value,
                    p.customer.id,
                    rep_uuid="",
                    reversed=False,
                ),
                **invoice_facts(
                    i.issue_date,
                    i.due_date,
                    "invoice",
                    lifecycle=Lifecycle.ISSUED.value,
                    sat_payment_method=i.sat_payment_method,
                ),
            }
            for p, i, cents in self.allocations
        ]
        insert_rows(self.session, Allocation, allocation_rows)
        # The risk tallies of these customers are recomputed at commit: Core inserts are
        # not seen by the flush events (a paid opening balance left them stale).
        customers = {i.customer.id for i in self.invoices} | {p.customer.id for p in self.payments}
        written_around(self.session, customers)
