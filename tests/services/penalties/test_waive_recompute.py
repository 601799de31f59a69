"""Waiving to recompute, then applying again, charges exactly the interest the book says
is owed, whatever the date of the payment typed late (a property over payment dates)."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice

DUE = date(2026, 1, 31)
PRINCIPAL_CENTS = 1_000_000
RATE, BASIS = Decimal("36"), 360


def _owed(payment_on: date, payment_cents: int, through: date) -> Decimal:
    """The interest owed through ``through``, counted day by day (no program code): each
    day after the due date accrues on the balance at its start, rounded once at the end."""
    exact = Decimal(0)
    day = DUE + timedelta(days=1)
    while day <= through:
        balance = PRINCIPAL_CENTS - (payment_cents if payment_on < day else 0)
        exact += Decimal(balance) / 100 * RATE / (100 * BASIS)
        day += timedelta(days=1)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    applied_after=st.integers(min_value=1, max_value=45),
    paid_before=st.integers(min_value=1, max_value=60),
    payment_cents=st.integers(min_value=1, max_value=PRINCIPAL_CENTS - 1),
    later=st.integers(min_value=0, max_value=20),
)
def test_waive_to_recompute_and_apply_charges_what_is_owed(
    applied_after: int, paid_before: int, payment_cents: int, later: int
) -> None:
    applied_on = DUE + timedelta(days=applied_after)
    payment_on = applied_on - timedelta(days=paid_before)  # typed later, dated earlier
    again_on = applied_on + timedelta(days=later)
    clock = FixedClock.on(date(2026, 1, 1))
    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "libro.sqlite", clock)
        try:
            ws.penalties.set_business_policy(
                PenaltyPolicy(
                    preset=PenaltyPreset.CUSTOM, annual_rate_percent=RATE, day_basis=BASIS
                )
            )
            cid = customer(ws, "Cliente").id
            invoice(ws, cid, "10000.00", issued=date(2025, 12, 1), due=DUE, tax="0")
            clock.current = clock.current.replace(
                year=applied_on.year, month=applied_on.month, day=applied_on.day
            )
            first = ws.penalties.apply()
            assert first.total == _owed(payment_on, 0, applied_on)
            clock.current = clock.current.replace(
                year=again_on.year, month=again_on.month, day=again_on.day
            )
            ws.payments.record(PaymentInput(cid, Decimal(payment_cents) / 100, payment_on))
            for charge in first.charges:
                ws.penalties.waive(charge.id, "Pago registrado tarde", recompute=True)
            ws.penalties.apply()
            live = sum(
                (c.amount for c in ws.penalties.charges(customer_id=cid) if not c.waived),
                Decimal("0.00"),
            )
            assert live == _owed(payment_on, payment_cents, again_on)
            assert ws.penalties.apply().charges == ()
        finally:
            ws.close()
