"""A payment plan meets aging and the agenda: while the plan is kept the agenda speaks of
its instalments (not the ladder) and nothing accrues; aging still ages the invoices by
their own due dates; a broken plan is followed up and the ladder resumes."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.agenda import BROKEN_PROMISE
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.plans import PlanRequest
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

DUE = date(2026, 1, 30)


def test_a_plan_speaks_for_its_invoices_until_it_breaks(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    ws.penalties.set_business_policy(PenaltyPolicy.legal())
    cid = customer(ws, "Mueblería Roble", phone="55 3434 5656").id
    inv = invoice(ws, cid, "3000.00", issued=date(2026, 1, 1), due=DUE, tax="0")
    move_to(moving_clock, DUE + timedelta(days=20))
    first_due = date(2026, 3, 2)
    plan = ws.plans.create(PlanRequest(cid, (inv.id,), 3, "monthly", first_due))
    move_to(moving_clock, first_due - timedelta(days=3))
    (reminder,) = items_for(ws, cid)
    assert reminder.stage == "instalment_reminder"
    assert ws.penalties.propose().total_for(cid) == Decimal("0.00")  # kept: no accrual
    # Aging does not pretend the debt is new: it ages by the invoice's due date.
    report = ws.aging.report()
    (line,) = [line for line in report.lines if line.customer_id == cid]
    assert line.buckets[0] == Decimal("0.00") and line.total == Decimal("3000.00")
    ws.agenda.complete(reminder)
    move_to(moving_clock, first_due)
    ws.payments.record(PaymentInput(cid, "1000.00", first_due))
    assert items_for(ws, cid) == []

    # The second instalment is not paid: past the grace days the plan is broken.
    second_due = plan.instalments[1].due_date
    move_to(moving_clock, second_due + timedelta(days=plan.grace_days + 1))
    (broken,) = items_for(ws, cid)
    assert broken.stage == BROKEN_PROMISE
    ws.agenda.complete(broken)
    assert ws.penalties.propose().total_for(cid) > 0  # the original terms revive
    move_to(moving_clock, moving_clock.today() + timedelta(days=1))
    (ladder,) = items_for(ws, cid)
    assert ladder.invoice_ids == (inv.id,) and ladder.stage != BROKEN_PROMISE
