"""A reversal meets an earned discount and the agenda: a bounced check voids the early
payment discount it earned, the invoice owes in full again, and the ladder takes it up."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.incentives import EarlyPaymentTerms
from cobranza_desktop.services.billing.incentives import IncentiveService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

ISSUED = date(2026, 1, 5)


def test_a_bounced_check_voids_its_discount_and_the_ladder_takes_the_invoice_up(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    incentives = IncentiveService(ws.book, moving_clock)
    incentives.set_early_payment_terms(EarlyPaymentTerms(Decimal("2"), 10, 30))
    cid = customer(ws, "Farmacia Luz", phone="55 6767 8989").id
    inv = invoice(ws, cid, "10000.00", issued=ISSUED, due=ISSUED + timedelta(days=30), tax="0")
    move_to(moving_clock, ISSUED + timedelta(days=8))
    received = ws.receiving.receive(PaymentInput(cid, "9800.00", moving_clock.today()))
    (discount,) = received.incentives
    assert discount.amount == Decimal("200.00")
    assert ws.customers.balance(cid).balance == Decimal("0.00")
    move_to(moving_clock, inv.due_date + timedelta(days=1))
    assert items_for(ws, cid) == []  # paid with the discount: nothing to chase

    # The check bounces.
    ws.payments.reverse(received.payment.id, "Cheque devuelto")
    (voided,) = incentives.grants(cid)
    assert voided.voided_at is not None
    assert ws.customers.balance(cid).balance == Decimal("10000.00")  # in full, no discount
    (call,) = items_for(ws, cid)
    assert call.stage == "phone_reminder" and call.amount_due == Decimal("10000.00")
    assert ws.checks.run().ok
