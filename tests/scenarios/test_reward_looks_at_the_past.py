"""Incentives meet backdated invoices: a punctuality reward is earned only by payments
made by the day of the invoice that gets it, never by later ones."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.incentives import PunctualityReward
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.incentives import IncentiveService
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer
from tests.scenarios.conftest import move_to

LINE = make_line("Mensualidad", 1, "1000.00", tax_rate_percent="0")


def test_a_backdated_invoice_earns_no_reward_from_later_payments_and_its_payment_is_taken(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    IncentiveService(ws.book, moving_clock).set_punctuality_rule(PunctualityReward(3, Decimal("5")))
    cid = customer(ws, "Colegio Arcoíris", phone="55 8888 1212").id
    for month in (1, 2, 3):  # three invoices, each paid on time
        issued = date(2026, month, 5)
        move_to(moving_clock, issued)
        made = ws.issuing.issue(InvoiceDraft(cid, (LINE,), issued, issued + timedelta(days=30)))
        assert made.reward is None
        move_to(moving_clock, issued + timedelta(days=10))
        ws.receiving.receive(PaymentInput(cid, "1000.00", moving_clock.today()))
    move_to(moving_clock, date(2026, 3, 20))

    # Typed today, dated in January: the on-time payments all came after it.
    late_typed = ws.issuing.issue(InvoiceDraft(cid, (LINE,), date(2026, 1, 15), date(2026, 2, 14)))
    assert late_typed.reward is None
    # Issued today, an invoice is rewarded by the streak, dated today.
    current = ws.issuing.issue(InvoiceDraft(cid, (LINE,), date(2026, 3, 20), date(2026, 4, 19)))
    assert current.reward is not None
    assert current.reward.amount == Decimal("50.00")
    assert current.reward.granted_on == date(2026, 3, 20)
    paid = ws.receiving.receive(
        PaymentInput(
            cid,
            "1000.00",
            date(2026, 3, 20),
            allocations=(Allocation(late_typed.invoice.id, Decimal("1000.00")),),
        )
    )
    assert paid.payment.allocated == Decimal("1000.00")  # the real payment is not refused

    assert ws.checks.run().ok
