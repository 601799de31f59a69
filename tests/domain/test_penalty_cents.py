"""The engine's integer-cents assessment against the Decimal one, on random invoices:
the same charges, breakdowns, segments and rounding, to the cent."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.penalties import (
    ChargeHistory,
    InvoiceFacts,
    PaymentEvent,
    PenaltyPolicy,
    PenaltyPreset,
    assess_invoice,
)
from cobranza_desktop.domain.penalty_cents import assess_invoice_cents
from cobranza_desktop.domain.penalty_policy import FeeMode

DUE = date(2026, 1, 31)
days = st.integers(min_value=-40, max_value=900)
caps = st.integers(min_value=0, max_value=500_000).map(lambda c: Decimal(c) / 10_000)


@st.composite
def policies(draw: st.DrawFn) -> PenaltyPolicy:
    if draw(st.booleans()):
        return PenaltyPolicy.legal()
    grace = draw(st.integers(min_value=0, max_value=45))
    mode = draw(st.sampled_from(list(FeeMode)))
    first = draw(st.integers(min_value=grace + 1, max_value=grace + 40))
    stages = (first, first + draw(st.integers(min_value=1, max_value=60)))
    return PenaltyPolicy(
        PenaltyPreset.CUSTOM,
        grace_days=grace,
        fixed_fee=from_cents(draw(st.integers(min_value=0, max_value=50_000))),
        percent_fee=Decimal(draw(st.integers(min_value=0, max_value=2_000))) / 100,
        fee_mode=mode,
        stage_days=stages,
        # Rates with up to four places: the quotient's denominator at its largest.
        annual_rate_percent=Decimal(draw(st.integers(min_value=0, max_value=9_999_999))) / 10_000,
        day_basis=draw(st.sampled_from([365, 360])),
        cap_percent=draw(
            st.none()
            | st.integers(min_value=0, max_value=500_000).map(lambda c: Decimal(c) / 10_000)
        ),
    )


@st.composite
def invoices(draw: st.DrawFn) -> tuple[int, list[tuple[date, int]]]:
    principal = draw(st.integers(min_value=0, max_value=10**13) | st.integers(0, 10**6))
    payments = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        on = DUE + timedelta(days=draw(days))
        payments.append((on, draw(st.integers(min_value=0, max_value=max(principal, 1)))))
    return principal, payments


@st.composite
def histories(draw: st.DrawFn) -> ChargeHistory:
    keys = draw(st.sets(st.sampled_from(["fee", "fee:stage:1", "fee:stage:20", "fee:stage:45"])))
    through = draw(st.none() | days.map(lambda d: DUE + timedelta(days=d)))
    return ChargeHistory(frozenset(keys), through)


@settings(max_examples=400, deadline=None)
@given(policies(), invoices(), days, histories())
def test_the_cents_path_charges_what_the_decimal_one_does(
    policy: PenaltyPolicy,
    invoice: tuple[int, list[tuple[date, int]]],
    offset: int,
    history: ChargeHistory,
) -> None:
    principal, payments = invoice
    as_of = DUE + timedelta(days=offset)
    facts = InvoiceFacts(
        from_cents(principal),
        DUE,
        tuple(PaymentEvent(on, from_cents(cents)) for on, cents in payments),
    )
    expected = assess_invoice(policy, facts, as_of, history)
    got = assess_invoice_cents(policy, principal, DUE, payments, as_of, history)
    assert got == expected
    # The same figures as text too (documents print them): same exponents.
    assert [str(c.amount) for c in got] == [str(c.amount) for c in expected]
    assert [str(c.base) for c in got] == [str(c.base) for c in expected]


def test_a_capped_invoice_stops_at_its_cap() -> None:
    policy = PenaltyPolicy(
        PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("120"), cap_percent=Decimal("10")
    )
    (charge,) = assess_invoice_cents(policy, 100_000, DUE, [], DUE + timedelta(days=400))
    assert charge.amount == Decimal("100.00") and charge.capped
    facts = InvoiceFacts(Decimal("1000.00"), DUE)
    assert [charge] == assess_invoice(policy, facts, DUE + timedelta(days=400))


def test_negative_amounts_take_the_reference_path() -> None:
    """Never in a valid book; the Decimal path refuses them, and so does this one."""
    import pytest

    from cobranza_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError):
        assess_invoice_cents(PenaltyPolicy.legal(), -100, DUE, [], DUE + timedelta(days=30))


def test_half_a_cent_rounds_up_on_both_paths() -> None:
    # 15.00 for one day at 36.5 % over 365 days: exactly 1.5 cents.
    policy = PenaltyPolicy(PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("36.5"))
    as_of = DUE + timedelta(days=1)
    (charge,) = assess_invoice_cents(policy, 1_500, DUE, [], as_of)
    assert charge.amount == Decimal("0.02")
    assert [charge] == assess_invoice(policy, InvoiceFacts(Decimal("15.00"), DUE), as_of)
