"""A broken promise meets the insistent track: the ladder waits while the promise is
pending, a broken one is followed up first, and the customer's next invoice is chased
the insistent way (a call a week before, then every two days)."""

from __future__ import annotations

from datetime import date, timedelta

from cobranza_desktop.domain.agenda import BROKEN_PROMISE
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

DUE = date(2026, 2, 2)  # a Monday


def test_a_broken_promise_puts_the_customer_on_the_insistent_track(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    cid = customer(ws, "Librería Centro", phone="55 2323 4545").id
    invoice(ws, cid, "1200.00", issued=date(2026, 1, 2), due=DUE, tax="0")
    move_to(moving_clock, DUE + timedelta(days=1))
    (call,) = items_for(ws, cid)
    assert call.stage == "phone_reminder"
    ws.agenda.complete(
        call, "promise", promise_amount="1200.00", promise_date=DUE + timedelta(days=10)
    )
    for days in (2, 7, 10):  # the ladder waits while the promise is pending
        move_to(moving_clock, DUE + timedelta(days=days))
        assert items_for(ws, cid) == [], days
    move_to(moving_clock, DUE + timedelta(days=11))  # not paid: broken
    (follow,) = items_for(ws, cid)
    assert follow.stage == BROKEN_PROMISE and follow.broken_promise
    ws.agenda.complete(follow)
    ws.payments.record(PaymentInput(cid, "1200.00", moving_clock.today()))
    assert items_for(ws, cid) == []

    # The next invoice: a call a week before its due date, not the friendly email.
    next_due = DUE + timedelta(days=42)
    invoice(ws, cid, "800.00", issued=moving_clock.today(), due=next_due, tax="0")
    move_to(moving_clock, next_due - timedelta(days=7))
    (early,) = items_for(ws, cid)
    assert early.channel is Channel.PHONE and early.mentions_penalty
    ws.agenda.complete(early)
    move_to(moving_clock, next_due + timedelta(days=3))
    (insistent,) = items_for(ws, cid)
    assert insistent.stage == "insistent_call@+3" and insistent.channel is Channel.PHONE
