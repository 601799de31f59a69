"""Penalties meet Today's reason: after the late charges are booked, «(y N más)» counts the
other invoices, not the charge documents (a first user saw «(y 35 más)» for 3 invoices)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.workspace import Workspace
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM,
    fixed_fee=Decimal("150.00"),
    annual_rate_percent=Decimal("36"),
    day_basis=360,
)


def test_the_reason_counts_the_other_invoices_only(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    ws.penalties.set_business_policy(POLICY)
    cid = customer(ws, "Taller Ruiz", phone="55 2222 3333").id
    dues = [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]
    for due in dues:
        invoice(ws, cid, "4000.00", issued=due - timedelta(days=30), due=due, tax="0")
    for day in (date(2026, 2, 1), date(2026, 3, 2), date(2026, 4, 1), date(2026, 5, 1)):
        move_to(moving_clock, day)
        ws.penalties.apply()
    charges = ws.penalties.charges(customer_id=cid)
    assert len(charges) > len(dues), "several late charges booked beside the 3 invoices"
    move_to(moving_clock, date(2026, 5, 4))  # a Monday
    (item,) = items_for(ws, cid)
    found = re.search(r"y (\d+) más", item.reason)
    assert found is not None, item.reason
    assert int(found.group(1)) == len(dues) - 1
