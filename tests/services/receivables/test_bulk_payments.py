"""Invoices issued and payments recorded in bulk (the demo's path) end as the services'
own one-at-a-time path ends: the same balances, allocations and a clean `cobranza check`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cobranza_desktop.domain.allocation import Allocation as AllocationInput
from cobranza_desktop.domain.allocation import AllocationConflict
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.bulk_issue import IssuedDraft, check_drafts, write_issued
from cobranza_desktop.services.billing.invoices import InvoiceDraft, reserve_folios
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.bulk_payments import BatchInvoice, PaymentBatch
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Allocation, Invoice
from cobranza_desktop.storage.models.office import AuditEntry

DAY = date(2026, 6, 1)
PRICES = ("1160.00", "2320.00", "580.00")
PAYMENTS = (  # day offset, amount, allocation to invoice n (None: oldest first)
    (10, "1000.00", None),
    (40, "2000.00", 1),
    (45, "1060.00", None),
    (70, "500.00", None),
)


def _drafts(customer_id: int) -> list[InvoiceDraft]:
    return [
        InvoiceDraft(
            customer_id,
            (make_line("Servicio", "1", price, "0", "0"),),
            DAY + timedelta(days=7 * n),
            DAY + timedelta(days=7 * n + 30),
            sat_payment_method="PPD" if n % 2 else "PUE",  # the REP radar's copied facts
        )
        for n, price in enumerate(PRICES)
    ]


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(12, 0))


def _one_at_a_time(ws: Workspace, customer_id: int) -> None:
    ids = [ws.invoices.issue(d).id for d in _drafts(customer_id)]
    for offset, amount, target in PAYMENTS:
        day = DAY + timedelta(days=offset)
        applied = None if target is None else (AllocationInput(ids[target], Decimal(amount)),)
        ws.payments.record(PaymentInput(customer_id, amount, day, "transfer", allocations=applied))


def _in_bulk(ws: Workspace, customer_id: int) -> None:
    with ws.book.transaction() as session:
        first = reserve_folios(session, "A", len(PRICES))
        drafts = [
            IssuedDraft(d, first + n, _moment(d.issue_date))
            for n, d in enumerate(_drafts(customer_id))
        ]
        check_drafts(session, drafts)
        batch = PaymentBatch(
            customer_id,
            [
                BatchInvoice(
                    n,
                    f"A-{d.folio}",
                    d.draft.issue_date,
                    d.due_date,
                    d.total_cents,
                    d.draft.sat_payment_method,
                )
                for n, d in enumerate(drafts)
                if d.due_date is not None
            ],
        )
        for offset, amount, target in PAYMENTS:
            day = DAY + timedelta(days=offset)
            applied = None if target is None else (AllocationInput(target, Decimal(amount)),)
            batch.record(
                PaymentInput(customer_id, amount, day, "transfer", allocations=applied),
                _moment(day),
            )
        for draft, invoice in zip(drafts, batch.invoices, strict=True):
            draft.paid_cents = invoice.paid_cents
        write_issued(session, drafts, "A")
        for draft, invoice in zip(drafts, batch.invoices, strict=True):
            invoice.id = draft.id
        batch.write(session)


def _ledger(ws: Workspace, customer_id: int) -> tuple[object, ...]:
    with ws.book.session() as session:
        invoices = session.execute(
            select(Invoice.total_cents, Invoice.paid_cents)
            .where(Invoice.customer_id == customer_id)
            .order_by(Invoice.issue_date)
        ).all()
        allocations = session.execute(
            select(
                Invoice.issue_date,
                Allocation.amount_cents,
                Allocation.active,
                # The facts each allocation copies (set by mapper events on the one path,
                # by the batch on the other).
                Allocation.payment_day,
                Allocation.issue_day,
                Allocation.due_day,
                Allocation.is_money,
                Allocation.on_invoice,
                Allocation.rep_open,
                Allocation.on_ppd,
            )
            .join(Invoice, Invoice.id == Allocation.invoice_id)
            .where(Invoice.customer_id == customer_id)
            .order_by(Allocation.payment_day, Invoice.issue_date)
        ).all()
        # The audit trail has the same events (bulk rows pass no ORM flush).
        trail = sorted(
            session.scalars(
                select(AuditEntry.action).where(AuditEntry.customer_id == customer_id)
            ).all()
        )
    balance = next(c.balance for c in ws.customers.list_page(limit=10) if c.id == customer_id)
    return tuple(invoices), tuple(allocations), balance, tuple(trail)


def test_the_bulk_path_ends_where_the_services_path_ends(ws: Workspace) -> None:
    one = ws.customers.create(CustomerData(name="Uno a uno", payment_terms_days=30)).id
    bulk = ws.customers.create(CustomerData(name="En lote", payment_terms_days=30)).id
    _one_at_a_time(ws, one)
    _in_bulk(ws, bulk)
    ledger = _ledger(ws, one)
    assert ledger == _ledger(ws, bulk)
    assert ledger[3].count("payment.recorded") == len(PAYMENTS)
    assert ws.checks.run().ok
    assert ws.risk.profile(one).rating == ws.risk.profile(bulk).rating


def test_a_bad_payment_is_refused_and_changes_nothing() -> None:
    invoice = BatchInvoice(0, "A-1", DAY, DAY + timedelta(days=30), 116_000, "PPD")
    batch = PaymentBatch(7, [invoice])
    with pytest.raises(AllocationConflict):
        batch.record(
            PaymentInput(7, "2000.00", DAY, allocations=(AllocationInput(0, Decimal("1500")),)),
            _moment(DAY),
        )
    with pytest.raises(ValidationError):
        batch.record(PaymentInput(7, "10.00", DAY + timedelta(days=1)), _moment(DAY))  # future
    with pytest.raises(ValidationError):
        batch.record(PaymentInput(7, "-5", DAY), _moment(DAY))
    assert batch.payments == [] and invoice.paid_cents == 0 and invoice.applied == []


@settings(max_examples=60, deadline=None)
@given(
    totals=st.lists(st.integers(1, 500_000), min_size=1, max_size=6),
    payments=st.lists(st.tuples(st.integers(0, 120), st.integers(1, 400_000)), max_size=8),
)
def test_oldest_first_never_overpays_an_invoice_nor_skips_an_older_one(
    totals: list[int], payments: list[tuple[int, int]]
) -> None:
    invoices = [
        BatchInvoice(
            n, f"A-{n}", DAY + timedelta(days=10 * n), DAY + timedelta(days=10 * n + 30), t, ""
        )
        for n, t in enumerate(totals)
    ]
    batch = PaymentBatch(1, invoices)
    for offset, cents in sorted(payments):
        day = DAY + timedelta(days=offset)
        before = {i.key: i.paid_cents for i in invoices}
        paid = batch.record(PaymentInput(1, Decimal(cents) / 100, day), _moment(day))
        assert sum(c for _i, c in paid.allocations) <= cents
        for invoice, _cents in paid.allocations:
            # Every invoice due earlier (and issued by then) was paid in full first.
            for older in invoices:
                if older.due_date < invoice.due_date and older.issue_date <= day:
                    assert older.paid_cents == older.total_cents
            assert invoice.issue_date <= day
        assert all(i.paid_cents >= before[i.key] for i in invoices)
    assert all(0 <= i.paid_cents <= i.total_cents for i in invoices)
    assert sum(i.paid_cents for i in invoices) == sum(
        c for p in batch.payments for _i, c in p.allocations
    )
