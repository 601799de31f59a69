"""A suspended customer who pays up: the ladder stops proposing what was done, paying
everything proposes lifting the restriction, and once lifted the customer starts over."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.agenda import LIFT_RESTRICTION
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

DUE = date(2026, 1, 30)


def test_a_suspended_customer_who_pays_up_is_lifted_and_starts_over(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    ws.penalties.set_business_policy(PenaltyPolicy.legal())
    cid = customer(ws, "Gimnasio Fuerte", phone="55 5151 6161").id
    invoice(ws, cid, "4000.00", issued=date(2026, 1, 1), due=DUE, tax="0")
    move_to(moving_clock, DUE + timedelta(days=60))
    (suspension,) = items_for(ws, cid)
    assert suspension.stage == "suspension"
    # Printed as the day's letter: the contact is logged and the customer suspended.
    ws.documents.print_letters()
    assert ws.customers.get(cid).status == CustomerStatus.SUSPENDED.value
    for days in (61, 70, 75, 89):
        move_to(moving_clock, DUE + timedelta(days=days))
        assert items_for(ws, cid) == [], f"day {days}: nothing done is proposed again"

    # Pays everything, penalties included.
    ws.penalties.apply()
    owed = ws.customers.balance(cid).balance
    assert owed > Decimal("4000.00")
    ws.payments.record(PaymentInput(cid, owed, moving_clock.today()))
    assert ws.customers.balance(cid).balance == Decimal("0.00")
    (lift,) = items_for(ws, cid)
    assert lift.stage == LIFT_RESTRICTION and lift.sets_status is CustomerStatus.ACTIVE
    ws.agenda.complete(lift)
    assert ws.customers.get(cid).status == CustomerStatus.ACTIVE.value
    assert items_for(ws, cid) == []
    assert ws.penalties.propose().total_for(cid) == Decimal("0.00")

    # Active again: a new invoice gets the ladder from its first step.
    new_due = moving_clock.today() + timedelta(days=10)
    invoice(ws, cid, "500.00", issued=moving_clock.today(), due=new_due, tax="0")
    move_to(moving_clock, new_due - timedelta(days=7))
    assert [i.stage for i in items_for(ws, cid)] == ["friendly_reminder"]
    assert ws.checks.run().ok
