"""Penalties meet a payment recorded late with an earlier date: waiving to recompute and
applying again charges what is owed; a plain waiver forgives (docs/penalties.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer
from tests.scenarios.conftest import charged_total, invoice, move_to

# 36 % a year on a 360-day basis: 0.1 % a day, no grace, no fees.
POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("36"), day_basis=360
)


def _book(ws: Workspace, clock: FixedClock) -> int:
    ws.penalties.set_business_policy(POLICY)
    cid = customer(ws, "Refaccionaria Norte", phone="55 1212 3434").id
    invoice(ws, cid, "10000.00", issued=date(2026, 1, 1), due=date(2026, 1, 31), tax="0")
    move_to(clock, date(2026, 2, 28))
    (charge,) = ws.penalties.apply().charges
    assert charge.amount == Decimal("280.00")  # 28 days on 10,000.00
    move_to(clock, date(2026, 3, 1))
    # The 4,000.00 paid on 10/02 is typed only now.
    ws.payments.record(PaymentInput(cid, "4000.00", date(2026, 2, 10)))
    return cid


def test_waiving_to_recompute_and_applying_again_charges_what_is_owed(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    cid = _book(ws, moving_clock)
    (charge,) = ws.penalties.charges(customer_id=cid)
    ws.penalties.waive(charge.id, "Pago del 10/02 registrado tarde", recompute=True)
    again = ws.penalties.apply()
    # 01/02–10/02 on 10,000.00 (10 days) + 11/02–01/03 on 6,000.00 (19 days) = 214.00.
    assert again.total == Decimal("214.00")
    assert charged_total(ws, cid) == Decimal("214.00")
    assert ws.penalties.apply().charges == ()  # and only once
    assert ws.checks.run().ok


def test_a_plain_waiver_forgives_the_period(book_ws: Workspace, moving_clock: FixedClock) -> None:
    ws = book_ws
    cid = _book(ws, moving_clock)
    (charge,) = ws.penalties.charges(customer_id=cid)
    ws.penalties.waive(charge.id, "Cortesía por ser buen cliente")
    # Forgiven through 28/02: only 01/03 on 6,000.00 is charged.
    assert ws.penalties.apply().total == Decimal("6.00")
    assert charged_total(ws, cid) == Decimal("6.00")


def test_recomputing_corrects_the_later_periods_too_but_not_over_a_forgiven_one(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    cid = _book(ws, moving_clock)
    move_to(moving_clock, date(2026, 3, 10))
    ws.penalties.apply()  # 01/03–10/03 on 6,000.00 = 60.00
    first, later = sorted(ws.penalties.charges(customer_id=cid), key=lambda c: c.period_end)
    assert later.amount == Decimal("60.00")
    ws.penalties.waive(first.id, "Pago registrado tarde", recompute=True)
    assert ws.penalties.apply().total == Decimal("268.00")  # 208.00 + 60.00
    assert charged_total(ws, cid) == Decimal("268.00")
    # A later forgiven period stands in the way of recomputing an earlier one.
    move_to(moving_clock, date(2026, 3, 20))
    ws.penalties.apply()
    first, later = sorted(
        (c for c in ws.penalties.charges(customer_id=cid) if not c.waived),
        key=lambda c: c.period_end,
    )
    ws.penalties.waive(later.id, "Cortesía")
    with pytest.raises(ConflictError):
        ws.penalties.waive(first.id, "otra corrección", recompute=True)
