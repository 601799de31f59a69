"""Voiding an invoice, reversing a payment or cancelling a plan takes what hangs on them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.incentives import EarlyPaymentTerms
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.billing.incentives import IncentiveService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.plans import PlanRequest
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def _open(ws: Workspace, customer_id: int) -> list[tuple[str, Decimal]]:
    return [(i.number, i.balance) for i in ws.invoices.for_customer(customer_id, open_only=True)]


def test_a_voided_invoice_takes_its_discount_back_instead_of_leaving_credit(ws: Workspace) -> None:
    c = customer(ws)
    IncentiveService(ws.book, ws.clock).set_early_payment_terms(
        EarlyPaymentTerms(Decimal("10"), 10, 30)
    )
    first = invoice(ws, c.id, "1000.00", issued=date(2026, 11, 15), tax="0")
    earned = ws.receiving.receive(PaymentInput(c.id, "900.00", date(2026, 11, 20)))
    assert [g.amount for g in earned.incentives] == [Decimal("100.00")]
    ws.invoices.void(first.id, "Error de captura")
    # The 900 in cash is the customer's credit; the 100 discount is not money.
    assert ws.customers.balance(c.id).credit == Decimal("900.00")
    second = invoice(ws, c.id, "1000.00", issued=date(2026, 11, 21), tax="0")
    for payment in ws.payments.for_customer(c.id):
        if payment.reversed_at is None and payment.unallocated:
            ws.payments.allocate_credit(payment.id)
    assert ws.invoices.get(second.id).balance == Decimal("100.00")
    assert ws.checks.run().ok


def test_a_voided_invoice_takes_its_late_charges_with_it(ws: Workspace) -> None:
    c = customer(ws)
    ws.penalties.set_business_policy(
        PenaltyPolicy(
            preset=PenaltyPreset.CUSTOM,
            fixed_fee=Decimal("150"),
            annual_rate_percent=Decimal("36"),
        )
    )
    parent = invoice(ws, c.id, "1000.00", issued=date(2026, 8, 1), due=date(2026, 8, 31))
    applied = ws.penalties.apply()
    assert len(applied.charges) == 2
    ws.invoices.void(parent.id, "Error de captura")
    assert _open(ws, c.id) == []
    assert all(charge.waived for charge in ws.penalties.charges(customer_id=c.id))
    assert ws.penalties.apply().charges == ()
    assert ws.checks.run().ok


def test_a_plan_holds_its_invoices_and_cancelling_it_voids_its_interest(ws: Workspace) -> None:
    c = customer(ws)
    held = invoice(ws, c.id, "3000.00", issued=date(2026, 10, 1), tax="0")
    plan = ws.plans.create(
        PlanRequest(c.id, (held.id,), 3, "monthly", date(2026, 12, 15), interest_percent="10")
    )
    assert sorted(_open(ws, c.id)) == [
        ("A-00001", Decimal("3000.00")),
        ("A-00002", Decimal("300.00")),
    ]
    with pytest.raises(ConflictError):
        ws.invoices.void(held.id, "Error de captura")
    ws.plans.cancel(plan.id, "El cliente desistió")
    assert _open(ws, c.id) == [("A-00001", Decimal("3000.00"))]
    assert ws.checks.run().ok


def test_a_bounced_payment_loses_the_discount_it_earned(ws: Workspace) -> None:
    c = customer(ws)
    IncentiveService(ws.book, ws.clock).set_early_payment_terms(
        EarlyPaymentTerms(Decimal("2"), 10, 30)
    )
    owed = invoice(ws, c.id, "1000.00", issued=date(2026, 11, 15), tax="0")
    earned = ws.receiving.receive(PaymentInput(c.id, "980.00", date(2026, 11, 20), "check"))
    assert [g.amount for g in earned.incentives] == [Decimal("20.00")]
    ws.payments.reverse(earned.payment.id, "Cheque sin fondos")
    assert ws.invoices.get(owed.id).balance == Decimal("1000.00")
    assert ws.checks.run().ok


def test_an_allocation_typed_as_text_is_a_clear_error(ws: Workspace) -> None:
    c = customer(ws)
    owed = invoice(ws, c.id, "100.00")
    with pytest.raises(ValidationError) as caught:
        ws.payments.record(
            PaymentInput(
                c.id,
                "50.00",
                date(2026, 11, 20),
                allocations=(Allocation(owed.id, "diez"),),  # type: ignore[arg-type]
            )
        )
    assert caught.value.field == "allocations"
    assert ws.payments.for_customer(c.id) == []
