"""Credit meets the agenda and penalties over weeks: the oldest invoices the credit
covers are neither chased nor charged; the rest climbs the ladder and accrues."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer
from tests.scenarios.conftest import charged_total, invoice, items_for, move_to

DUE = date(2026, 1, 30)


def test_credit_covers_the_oldest_invoice_and_the_rest_is_chased_and_charged(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    ws.penalties.set_business_policy(PenaltyPolicy.legal())
    cid = customer(ws, "Vidrios Azul", phone="55 1414 2525").id
    covered = invoice(ws, cid, "600.00", issued=date(2026, 1, 1), due=DUE, tax="0")
    uncovered = invoice(ws, cid, "900.00", issued=date(2026, 1, 2), due=DUE, tax="0")
    move_to(moving_clock, DUE - timedelta(days=10))
    ws.payments.record(PaymentInput(cid, "600.00", moving_clock.today(), allocations=()))
    for days in (1, 7, 15, 30):
        move_to(moving_clock, DUE + timedelta(days=days))
        (item,) = items_for(ws, cid)
        assert item.invoice_ids == (uncovered.id,), days
        # What is chased is the balance net of credit: the invoice and its late charges.
        assert item.amount_due == ws.customers.balance(cid).balance >= Decimal("900.00")
        ws.agenda.complete(item, override_reason="escenario")
        ws.penalties.apply()
    charged = {c.invoice_id for c in ws.penalties.charges(customer_id=cid)}
    assert charged == {uncovered.id} and covered.id not in charged
    assert charged_total(ws, cid) > 0
    # Applying the credit settles the covered invoice, to the cent.
    done = CorrectionService(ws.book, moving_clock).apply_credit(cid)
    assert done.credit_before - done.credit_after == Decimal("600.00")
    assert ws.invoices.get(covered.id).balance == Decimal("0.00")
    assert ws.checks.run().ok
