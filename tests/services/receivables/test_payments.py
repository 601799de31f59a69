from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.invoices import InvoiceStatus
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def test_oldest_first_partial_and_credit(ws: Workspace) -> None:
    c = customer(ws)
    old = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))  # 116.00
    new = invoice(ws, c.id, "100.00", issued=date(2026, 10, 1))  # 116.00
    paid = ws.payments.record(
        PaymentInput(c.id, "150.00", date(2026, 11, 20), "transfer", "SPEI 123")
    )
    assert [(a.invoice_id, a.amount) for a in paid.allocations] == [
        (old.id, Decimal("116.00")),
        (new.id, Decimal("34.00")),
    ]
    assert ws.invoices.get(new.id).status is InvoiceStatus.OVERDUE
    assert ws.invoices.get(old.id).status is InvoiceStatus.PAID
    over = ws.payments.record(PaymentInput(c.id, "100.00", date(2026, 11, 21)))
    assert over.unallocated == Decimal("18.00")  # overpayment stays as credit
    balance = ws.customers.balance(c.id)
    assert (balance.open_amount, balance.credit, balance.balance) == (
        Decimal("0.00"),
        Decimal("18.00"),
        Decimal("-18.00"),
    )


def test_allocation_by_hand_and_credit_applied_later(ws: Workspace) -> None:
    c = customer(ws)
    old = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))
    new = invoice(ws, c.id, "100.00", issued=date(2026, 10, 1))
    p = ws.payments.record(
        PaymentInput(
            c.id, "120.00", date(2026, 11, 20), allocations=(Allocation(new.id, Decimal("116.00")),)
        )
    )
    assert p.unallocated == Decimal("4.00")
    p2 = ws.payments.allocate_credit(p.id)
    assert p2.unallocated == 0
    assert ws.invoices.get(old.id).paid == Decimal("4.00")


def test_over_allocation_is_refused_and_writes_nothing(ws: Workspace) -> None:
    c = customer(ws)
    inv = invoice(ws, c.id, "100.00")
    with pytest.raises(ConflictError):
        ws.payments.record(
            PaymentInput(
                c.id,
                "50.00",
                date(2026, 11, 20),
                allocations=(Allocation(inv.id, Decimal("60.00")),),
            )
        )
    with pytest.raises(ConflictError):
        ws.payments.record(
            PaymentInput(
                c.id,
                "500.00",
                date(2026, 11, 20),
                allocations=(Allocation(inv.id, Decimal("200.00")),),
            )
        )
    assert ws.payments.for_customer(c.id) == []
    assert ws.invoices.get(inv.id).paid == 0


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("amount", {"amount": "12,3.4"}),
        ("amount", {"amount": "0"}),
        ("method", {"method": "bitcoin"}),
        ("payment_date", {"payment_date": date(2026, 12, 1)}),
        ("notes", {"method": PaymentMethod.BARTER}),
    ],
)
def test_bad_payments_are_refused(ws: Workspace, field: str, data: dict[str, object]) -> None:
    c = customer(ws)
    values: dict[str, object] = {
        "customer_id": c.id,
        "amount": "10",
        "payment_date": date(2026, 11, 1),
    }
    values.update(data)
    with pytest.raises(ValidationError) as caught:
        ws.payments.record(PaymentInput(**values))  # type: ignore[arg-type]
    assert caught.value.field == field
    assert ws.payments.for_customer(c.id) == []


def test_barter_is_a_payment_with_its_description(ws: Workspace) -> None:
    c = customer(ws)
    invoice(ws, c.id, "100.00")
    p = ws.payments.record(
        PaymentInput(
            c.id,
            "116.00",
            date(2026, 11, 2),
            PaymentMethod.BARTER,
            notes="Servicio de comedor, noviembre",
        )
    )
    assert p.method is PaymentMethod.BARTER and p.unallocated == 0


def test_reversal_keeps_the_payment_and_reopens_invoices(ws: Workspace) -> None:
    c = customer(ws)
    inv = invoice(ws, c.id, "100.00")
    p = ws.payments.record(PaymentInput(c.id, "116.00", date(2026, 11, 2), "check", "Cheque 881"))
    reversed_ = ws.payments.reverse(p.id, "Cheque sin fondos")
    assert reversed_.reversed_at is not None and reversed_.allocations == ()
    assert ws.invoices.get(inv.id).balance == Decimal("116.00")
    assert [x.id for x in ws.payments.for_customer(c.id)] == [p.id]  # still there
    with pytest.raises(ConflictError):
        ws.payments.reverse(p.id, "otra vez")
    assert ws.checks.run().ok


def test_voiding_a_paid_invoice_turns_the_payment_into_credit(ws: Workspace) -> None:
    c = customer(ws)
    inv = invoice(ws, c.id, "100.00")
    p = ws.payments.record(PaymentInput(c.id, "116.00", date(2026, 11, 2)))
    ws.invoices.void(inv.id, "Facturada por error")
    assert ws.payments.get(p.id).unallocated == Decimal("116.00")
    assert ws.customers.balance(c.id).balance == Decimal("-116.00")
    assert ws.checks.run().ok
