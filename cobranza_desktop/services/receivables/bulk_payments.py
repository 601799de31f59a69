"""Recording many payments of one customer at once, against invoices held in hand.

Each payment is checked as :func:`payments.record_payment` checks it (amount, method,
date) and allocated by the same domain rules (``suggest_oldest_first`` or the requested
allocations, refused by ``check_allocations``), in the order recorded; the rows are then
written with a few multi-row INSERTs (``storage/bulk.py``), allocations with the facts
they copy (``allocation_facts``), as the spreadsheet import does.

A payment sees the invoices issued on or before its date (the batch replays a history).
The invoices' paid cents are kept on :class:`BatchInvoice`; the caller writes them with
the invoices, which must be written before :meth:`PaymentBatch.write`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.domain.allocation import Allocation as AllocationInput
from cobranza_desktop.domain.allocation import OpenItem, check_allocations, suggest_oldest_first
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.domain.money import from_cents, parse_amount, to_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.receivables.payments import PaymentInput, checked_payment
from cobranza_desktop.storage.audit_trail import Entry
from cobranza_desktop.storage.bulk import insert_returning_ids, insert_rows
from cobranza_desktop.storage.models import Allocation, Payment
from cobranza_desktop.storage.models.allocation_facts import invoice_facts, payment_facts
from cobranza_desktop.storage.office_hooks import record_entries
from cobranza_desktop.storage.risk_tallies import written_around


@dataclass
class BatchInvoice:
    """An issued invoice the batch may pay; ``key`` names it in allocations until its id
    is known (``id``, set by the caller once written)."""

    key: int
    number: str
    issue_date: date
    due_date: date
    total_cents: int
    sat_payment_method: str  # PPD: each payment against it owes its REP
    paid_cents: int = 0
    id: int | None = None
    # (when, cents) of each allocation made by the batch: what it owed at any moment.
    applied: list[tuple[datetime, int]] = field(default_factory=list)

    def owed_at(self, moment: datetime) -> Decimal:
        paid = sum(cents for when, cents in self.applied if when <= moment)
        return from_cents(self.total_cents - paid)


@dataclass
class BatchPayment:
    data: PaymentInput
    recorded_at: datetime
    amount_cents: int
    method: PaymentMethod
    allocations: list[tuple[BatchInvoice, int]]


class PaymentBatch:
    def __init__(self, customer_id: int, invoices: list[BatchInvoice]) -> None:
        self.customer_id = customer_id
        self.invoices = invoices
        self.payments: list[BatchPayment] = []

    def record(self, data: PaymentInput, now: datetime) -> BatchPayment:
        """Check and allocate one payment, in memory; a bad one raises, changing nothing."""
        if data.customer_id != self.customer_id:
            raise ValidationError("customer_id", _("El pago es de otro cliente."))
        amount, method = checked_payment(data, now)
        open_now = sorted(
            (
                i
                for i in self.invoices
                if i.issue_date <= data.payment_date and i.paid_cents < i.total_cents
            ),
            key=lambda i: (i.due_date, i.key),
        )
        items = [
            OpenItem(i.key, i.due_date, from_cents(i.total_cents - i.paid_cents), i.number)
            for i in open_now
        ]
        requested = (
            tuple(
                AllocationInput(a.invoice_id, parse_amount(a.amount, "allocations"))
                for a in data.allocations
            )
            if data.allocations is not None
            else None
        )
        plan = list(requested) if requested is not None else suggest_oldest_first(amount, items)
        check_allocations(
            amount,
            plan,
            {i.invoice_id: i.balance for i in items},
            {i.invoice_id: i.number for i in items},
        )
        by_key = {i.key: i for i in open_now}
        applied: list[tuple[BatchInvoice, int]] = []
        for allocation in plan:
            invoice = by_key[allocation.invoice_id]
            cents = to_cents(allocation.amount)
            invoice.paid_cents += cents
            invoice.applied.append((now, cents))
            applied.append((invoice, cents))
        payment = BatchPayment(data, now, to_cents(amount), method, applied)
        self.payments.append(payment)
        return payment

    def write(self, session: Session) -> None:
        """Write the payments and their allocations (the invoices are written already);
        the customer's risk tally is recomputed at commit."""
        written_around(session, [self.customer_id])
        rows: list[dict[str, object]] = [
            {
                "customer_id": self.customer_id,
                "payment_date": p.data.payment_date,
                "amount_cents": p.amount_cents,
                "allocated_cents": sum(cents for _i, cents in p.allocations),
                "method": p.method.value,
                "reference": p.data.reference.strip(),
                "notes": p.data.notes.strip(),
                "created_at": p.recorded_at,
            }
            for p in self.payments
        ]
        ids = insert_returning_ids(session, Payment, rows)
        # Bulk inserts pass no ORM flush: the audit trail is written here, as the ORM's is.
        record_entries(
            session,
            [
                Entry(
                    "payment.recorded",
                    "payment",
                    payment_id,
                    self.customer_id,
                    {
                        "amount_cents": p.amount_cents,
                        "method": p.method.value,
                        "reference": p.data.reference.strip(),
                    },
                )
                for p, payment_id in zip(self.payments, ids, strict=True)
            ],
        )
        insert_rows(
            session,
            Allocation,
            [
                {
                    "payment_id": payment_id,
                    "invoice_id": invoice.id,
                    "amount_cents": cents,
                    "active": True,
                    "created_at": p.recorded_at,
                    **payment_facts(
                        p.data.payment_date,
                        p.method.value,
                        self.customer_id,
                        rep_uuid="",
                        reversed=False,
                    ),
                    **invoice_facts(
                        invoice.issue_date,
                        invoice.due_date,
                        "invoice",
                        lifecycle=Lifecycle.ISSUED.value,
                        sat_payment_method=invoice.sat_payment_method,
                    ),
                }
                for p, payment_id in zip(self.payments, ids, strict=True)
                for invoice, cents in p.allocations
            ],
        )
