"""Late charges meet the ladder: a charge rides with its invoice and starts no ladder of
its own, and a step the customer's status already took is not proposed again."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.workspace import Workspace
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

DUE = date(2026, 1, 31)
POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM,
    fixed_fee=Decimal("150.00"),
    annual_rate_percent=Decimal("36"),
    day_basis=360,
)


def _complete_todays(ws: Workspace, customer_id: int) -> str | None:
    """Do what Today proposes for the customer (as the user would); its stage, if any."""
    items = items_for(ws, customer_id)
    if not items:
        return None
    ws.agenda.complete(items[0], override_reason="escenario")
    return items[0].stage


def test_a_late_charge_follows_its_invoice_and_a_suspended_customer_is_not_restricted_again(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    ws.penalties.set_business_policy(POLICY)
    cid = customer(ws, "Taller Ruiz", phone="55 2222 3333").id
    inv = invoice(ws, cid, "10000.00", issued=date(2026, 1, 1), due=DUE, tax="0")
    seen: dict[int, str | None] = {}
    day = DUE
    while day < DUE + timedelta(days=80):
        day += timedelta(days=1)
        move_to(moving_clock, day)
        seen[(day - DUE).days] = _complete_todays(ws, cid)
        if (day - DUE).days in (1, 31):
            ws.penalties.apply()  # the daily run: fee on day 1, interest periods later
    charges = ws.penalties.charges(customer_id=cid)
    assert charges, "the penalty engine charged the overdue invoice"
    charge_numbers = {c.charge_number for c in charges}
    # The charges never got calls of their own: after the invoice's first days, the only
    # actions are the invoice's escalation stages.
    done = {days: stage for days, stage in seen.items() if stage is not None}
    assert done == {
        1: "phone_reminder",
        2: "ask_reason_call",
        7: "firm_reminder",
        15: "penalty_warning",
        30: "penalty_notice",
        45: "partial_restriction",
        60: "suspension",
    }
    assert ws.customers.get(cid).status == CustomerStatus.SUSPENDED.value
    # What the last action covered: the invoice and its charges, under the invoice.
    move_to(moving_clock, DUE + timedelta(days=90))
    (agency,) = items_for(ws, cid)
    assert agency.stage == "agency_legal"
    assert agency.invoice_ids == (inv.id,)
    owed = ws.customers.balance(cid).open_amount
    assert agency.amount_due == owed > Decimal("10000.00")  # the charges ride along
    assert not any(number in agency.reason for number in charge_numbers)


def test_a_customer_restricted_by_hand_is_not_proposed_restriction_again(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    cid = customer(ws, "Papelería Sol", phone="55 4444 1111").id
    invoice(ws, cid, "2000.00", issued=date(2026, 1, 1), due=DUE, tax="0")
    move_to(moving_clock, DUE + timedelta(days=40))
    ws.restrictions.change(
        cid, CustomerStatus.RESTRICTED, "Sin pago", restricted_services="Crédito"
    )
    move_to(moving_clock, DUE + timedelta(days=46))
    assert [i.stage for i in items_for(ws, cid)] != ["partial_restriction"]
    move_to(moving_clock, DUE + timedelta(days=60))
    assert [i.stage for i in items_for(ws, cid)] == ["suspension"]
