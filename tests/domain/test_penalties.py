"""Late fees and late interest: table-driven cases with the arithmetic written out."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.penalties import (
    LEGAL_ANNUAL_RATE,
    ChargeHistory,
    ChargeKind,
    FeeMode,
    InvoiceFacts,
    PaymentEvent,
    PenaltyPolicy,
    PenaltyPreset,
    assess_invoice,
    estimate_penalties,
    falling_balance_interest,
    fee_amount,
    instalment_preview,
    late_interest,
    outstanding_periods,
    resolve_policy,
)

D = Decimal


# (principal, annual rate %, days, day basis, expected)
LATE_INTEREST_CASES = [
    # 10,000 × 36% × 30 / 365 = 108,000 / 365 = 295.890410… → 295.89
    (D("10000.00"), D("36"), 30, 365, D("295.89")),
    # Same on a 360-day basis: 108,000 / 360 = 300.00 exactly
    (D("10000.00"), D("36"), 30, 360, D("300.00")),
    # Legal rate, art. 362: 25,000 × 6% × 45 / 365 = 67,500 / 365 = 184.931506… → 184.93
    (D("25000.00"), LEGAL_ANNUAL_RATE, 45, 365, D("184.93")),
    # Exactly half a cent rounds up: 100 × 1.8% × 1 / 360 = 1.8 / 360 = 0.005 → 0.01
    (D("100.00"), D("1.8"), 1, 360, D("0.01")),
    # Just under half a cent rounds down: 100 × 1.79% × 1 / 360 = 0.004972… → 0.00
    (D("100.00"), D("1.79"), 1, 360, D("0.00")),
    # 1,234.56 × 24% × 17 / 365 = 29,629.44 × 17 / 36,500 = 503,700.48 / 36,500 = 13.800013… → 13.80
    (D("1234.56"), D("24"), 17, 365, D("13.80")),
    # A whole year at 12% on a 365 basis: 5,000 × 12% × 365 / 365 = 600.00
    (D("5000.00"), D("12"), 365, 365, D("600.00")),
    # Zero days: nothing.
    (D("5000.00"), D("12"), 0, 365, D("0.00")),
    # Zero rate: nothing.
    (D("5000.00"), D("0"), 90, 365, D("0.00")),
]


@pytest.mark.parametrize(("principal", "rate", "days", "basis", "expected"), LATE_INTEREST_CASES)
def test_late_interest_table(
    principal: Decimal, rate: Decimal, days: int, basis: int, expected: Decimal
) -> None:
    result = late_interest(principal, rate, days, basis)
    assert result == expected
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("principal", "rate", "days", "basis", "field"),
    [
        (D("-1"), D("10"), 1, 365, "principal"),
        (D("1"), D("-10"), 1, 365, "annual_rate_percent"),
        (D("1"), D("10"), -1, 365, "days"),
        (D("1"), D("10"), 1, 366, "day_basis"),
    ],
)
def test_late_interest_rejects_bad_input(
    principal: Decimal, rate: Decimal, days: int, basis: int, field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        late_interest(principal, rate, days, basis)
    assert info.value.field == field


JAN31 = date(2026, 1, 31)


def test_falling_balance_partial_payment() -> None:
    # 10,000 due 31/01/2026, 36% a year, basis 360 (0.1% a day), no grace.
    # 4,000 paid on 10/02. As of 28/02:
    #   01/02..10/02: 10 days on 10,000 → 100,000 balance-days (the payment day still accrues)
    #   11/02..28/02: 18 days on  6,000 → 108,000 balance-days
    #   208,000 × 36 / 36,000 = 208.00   (on the original 10,000 it would be 280.00)
    accrual = falling_balance_interest(
        D("10000.00"),
        [PaymentEvent(date(2026, 2, 10), D("4000.00"))],
        JAN31,
        date(2026, 2, 28),
        D("36"),
        360,
    )
    assert accrual.amount == D("208.00")
    assert [(s.start, s.end, s.balance, s.days, s.amount) for s in accrual.segments] == [
        (date(2026, 2, 1), date(2026, 2, 10), D("10000.00"), 10, D("100.00")),
        (date(2026, 2, 11), date(2026, 2, 28), D("6000.00"), 18, D("108.00")),
    ]
    assert accrual.days == 28
    assert late_interest(D("10000.00"), D("36"), 28, 360) == D("280.00")


def test_falling_balance_rounds_once_at_the_end() -> None:
    # 6.00 due 31/01, 36%/360 (0.1% a day). 1.00 paid on 01/02.
    #   01/02: 1 day on 6.00 → 0.006   (rounded alone: 0.01)
    #   02/02: 1 day on 5.00 → 0.005   (rounded alone: 0.01)
    #   total 0.011 → 0.01 (rounding each period would give 0.02)
    accrual = falling_balance_interest(
        D("6.00"),
        [PaymentEvent(date(2026, 2, 1), D("1.00"))],
        JAN31,
        date(2026, 2, 2),
        D("36"),
        360,
    )
    assert accrual.amount == D("0.01")
    # The breakdown's lines add up to the total: 0.01 + 0.00.
    assert [s.amount for s in accrual.segments] == [D("0.01"), D("0.00")]


def test_paid_one_day_late_is_one_day_of_interest() -> None:
    # 36,500 due 31/01, paid whole on 01/02, 10% basis 365: 36,500 × 10% × 1 / 365 = 10.00
    payments = [PaymentEvent(date(2026, 2, 1), D("36500.00"))]
    accrual = falling_balance_interest(
        D("36500.00"), payments, JAN31, date(2026, 3, 31), D("10"), 365
    )
    assert accrual.amount == D("10.00")
    assert accrual.days == 1


def test_paid_on_due_date_has_no_interest() -> None:
    payments = [PaymentEvent(JAN31, D("36500.00"))]
    accrual = falling_balance_interest(
        D("36500.00"), payments, JAN31, date(2026, 3, 31), D("10"), 365
    )
    assert accrual.amount == D("0.00")


@pytest.mark.parametrize(
    ("through", "expected"),
    [
        # Grace 5 days: 01/02..05/02 do not accrue; 06/02 is the first day.
        (date(2026, 2, 5), D("0.00")),
        # 36,500 × 10% × 1 / 365 = 10.00
        (date(2026, 2, 6), D("10.00")),
        # 06/02..15/02 = 10 days → 100.00
        (date(2026, 2, 15), D("100.00")),
    ],
)
def test_grace_days_delay_the_first_accruing_day(through: date, expected: Decimal) -> None:
    accrual = falling_balance_interest(
        D("36500.00"), [], JAN31, through, D("10"), 365, grace_days=5
    )
    assert accrual.amount == expected


def test_cap_limits_cumulative_interest() -> None:
    # 10,000 at 120% for 365 days (basis 365) would be 12,000.00; the cap is 20% of the
    # principal = 2,000.00. 2,000 is reached after 2,000 / (10,000 × 1.2 / 365) = 60.83 days.
    accrual = falling_balance_interest(
        D("10000.00"), [], JAN31, JAN31 + timedelta(days=365), D("120"), 365, cap_percent=D("20")
    )
    assert accrual.amount == D("2000.00")
    assert accrual.capped
    # Day 60: 10,000 × 1.2 × 60 / 365 = 1,972.602739… → 1,972.60, below the cap.
    early = falling_balance_interest(
        D("10000.00"), [], JAN31, JAN31 + timedelta(days=60), D("120"), 365, cap_percent=D("20")
    )
    assert early.amount == D("1972.60")
    assert not early.capped


def test_periods_add_up_to_the_whole() -> None:
    # Charging 01/02..10/02 and then 11/02..28/02 gives the same as charging once.
    # 1,000 at 10%, basis 365: day rate 1,000 × 0.1 / 365 = 0.273972…
    #   through 10/02: 10 days → 2.739726… → 2.74
    #   through 28/02: 28 days → 7.671232… → 7.67; second period = 7.67 − 2.74 = 4.93
    first = falling_balance_interest(D("1000.00"), [], JAN31, date(2026, 2, 10), D("10"), 365)
    second = falling_balance_interest(
        D("1000.00"), [], JAN31, date(2026, 2, 28), D("10"), 365, since=date(2026, 2, 11)
    )
    whole = falling_balance_interest(D("1000.00"), [], JAN31, date(2026, 2, 28), D("10"), 365)
    assert (first.amount, second.amount, whole.amount) == (D("2.74"), D("4.93"), D("7.67"))


def test_outstanding_periods_skip_days_with_nothing_owed_and_overpayment() -> None:
    periods = outstanding_periods(
        D("100.00"),
        [PaymentEvent(date(2026, 2, 3), D("150.00"))],
        date(2026, 2, 1),
        date(2026, 2, 10),
    )
    assert [(p.start, p.end, p.balance) for p in periods] == [
        (date(2026, 2, 1), date(2026, 2, 3), D("100.00"))
    ]


# -- policy --------------------------------------------------------------------------------------


def test_presets() -> None:
    assert not PenaltyPolicy.none().is_active
    legal = PenaltyPolicy.legal()
    assert legal.annual_rate_percent == D("6")
    assert legal.day_basis == 365
    assert not legal.has_fees
    assert PenaltyPolicy.for_preset("custom").preset is PenaltyPreset.CUSTOM


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"grace_days": -1}, "grace_days"),
        ({"fixed_fee": D("10.001")}, "fixed_fee"),
        ({"fixed_fee": D("-5")}, "fixed_fee"),
        ({"percent_fee": D("101")}, "percent_fee"),
        ({"annual_rate_percent": D("-1")}, "annual_rate_percent"),
        ({"day_basis": 364}, "day_basis"),
        ({"cap_percent": D("-1")}, "cap_percent"),
        (
            {"fixed_fee": D("100"), "fee_mode": FeeMode.PER_STAGE, "stage_days": (60, 30)},
            "stage_days",
        ),
        (
            {"fixed_fee": D("100"), "fee_mode": FeeMode.PER_STAGE, "stage_days": ()},
            "stage_days",
        ),
        (
            {
                "fixed_fee": D("100"),
                "fee_mode": FeeMode.PER_STAGE,
                "stage_days": (5, 30),
                "grace_days": 5,
            },
            "stage_days",
        ),
    ],
)
def test_policy_validation(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        PenaltyPolicy(preset=PenaltyPreset.CUSTOM, **changes)  # type: ignore[arg-type]
    assert info.value.field == field


def test_presets_are_consistent() -> None:
    with pytest.raises(ValidationError):
        PenaltyPolicy(preset=PenaltyPreset.NONE, annual_rate_percent=D("10"))
    with pytest.raises(ValidationError):
        PenaltyPolicy(preset=PenaltyPreset.LEGAL, annual_rate_percent=D("10"))


def test_policy_round_trips_through_json() -> None:
    policy = PenaltyPolicy(
        preset=PenaltyPreset.CUSTOM,
        grace_days=3,
        fixed_fee=D("150.00"),
        percent_fee=D("2.5"),
        fee_mode=FeeMode.PER_STAGE,
        stage_days=(30, 60),
        annual_rate_percent=D("36"),
        day_basis=360,
        cap_percent=D("25"),
    )
    assert PenaltyPolicy.from_dict(policy.to_dict()) == policy


def test_customer_policy_overrides_business_whole() -> None:
    business = PenaltyPolicy.legal()
    customer = PenaltyPolicy(preset=PenaltyPreset.CUSTOM, annual_rate_percent=D("24"))
    assert resolve_policy(business, None) is business
    assert resolve_policy(business, customer) is customer


# -- fees and assessment ------------------------------------------------------------------------

FEE_POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM,
    grace_days=3,
    fixed_fee=D("150.00"),
    percent_fee=D("2"),
    annual_rate_percent=D("36"),
    day_basis=360,
)


def test_fee_amount() -> None:
    # 150.00 + 5,000 × 2% = 150.00 + 100.00 = 250.00
    assert fee_amount(FEE_POLICY, D("5000.00")) == D("250.00")
    # 150.00 + 1,234.57 × 2% = 150.00 + 24.6914 = 174.6914 → 174.69
    assert fee_amount(FEE_POLICY, D("1234.57")) == D("174.69")
    assert fee_amount(FEE_POLICY, D("0")) == D("0.00")


def test_assess_invoice_fee_and_interest_on_falling_balance() -> None:
    # 8,000 due 31/01, grace 3 → first day 04/02. 3,000 paid on 02/02 (within grace).
    # Fee on 04/02 on the 5,000 outstanding: 150 + 2% × 5,000 = 250.00
    # Interest 04/02..13/02 = 10 days on 5,000 at 0.1% a day = 50.00
    facts = InvoiceFacts(D("8000.00"), JAN31, (PaymentEvent(date(2026, 2, 2), D("3000.00")),))
    charges = assess_invoice(FEE_POLICY, facts, date(2026, 2, 13))
    assert [(c.kind, c.key, c.amount) for c in charges] == [
        (ChargeKind.FEE, "fee", D("250.00")),
        (ChargeKind.INTEREST, "interest:2026-02-13", D("50.00")),
    ]
    fee, interest = charges
    assert fee.base == D("5000.00")
    assert fee.period_start == date(2026, 2, 4)
    assert (interest.period_start, interest.days, interest.day_basis) == (date(2026, 2, 4), 10, 360)
    assert "36" in interest.describe()


def test_assess_invoice_is_idempotent_given_history() -> None:
    facts = InvoiceFacts(D("8000.00"), JAN31)
    first = assess_invoice(FEE_POLICY, facts, date(2026, 2, 13))
    history = ChargeHistory(
        fee_keys=frozenset(c.key for c in first if c.kind is ChargeKind.FEE),
        interest_through=date(2026, 2, 13),
    )
    assert assess_invoice(FEE_POLICY, facts, date(2026, 2, 13), history) == []
    # Catching up five days later charges only 14/02..18/02: 5 days × 8,000 × 0.1% = 40.00
    later = assess_invoice(FEE_POLICY, facts, date(2026, 2, 18), history)
    assert [(c.key, c.period_start, c.days, c.amount) for c in later] == [
        ("interest:2026-02-18", date(2026, 2, 14), 5, D("40.00"))
    ]


def test_assess_invoice_nothing_within_grace() -> None:
    facts = InvoiceFacts(D("8000.00"), JAN31)
    assert assess_invoice(FEE_POLICY, facts, date(2026, 2, 3)) == []


def test_fee_per_stage() -> None:
    # Stages at 30 and 60 days past due: 75 + 1.5% × 5,000 = 75 + 75 = 150.00 each.
    policy = PenaltyPolicy(
        preset=PenaltyPreset.CUSTOM,
        fixed_fee=D("75.00"),
        percent_fee=D("1.5"),
        fee_mode=FeeMode.PER_STAGE,
        stage_days=(30, 60),
    )
    facts = InvoiceFacts(D("5000.00"), JAN31)
    at_45 = assess_invoice(policy, facts, JAN31 + timedelta(days=45))
    assert [(c.key, c.amount) for c in at_45] == [("fee:stage:30", D("150.00"))]
    at_60 = assess_invoice(
        policy,
        facts,
        JAN31 + timedelta(days=60),
        ChargeHistory(fee_keys=frozenset({"fee:stage:30"})),
    )
    assert [(c.key, c.amount, c.days) for c in at_60] == [("fee:stage:60", D("150.00"), 60)]


def test_fee_not_charged_when_paid_before_the_trigger() -> None:
    facts = InvoiceFacts(D("8000.00"), JAN31, (PaymentEvent(date(2026, 2, 3), D("8000.00")),))
    assert assess_invoice(FEE_POLICY, facts, date(2026, 3, 1)) == []


# -- negotiation preview ------------------------------------------------------------------------


def test_estimate_and_instalment_preview() -> None:
    policy = PenaltyPolicy(
        preset=PenaltyPreset.CUSTOM,
        fixed_fee=D("200.00"),
        annual_rate_percent=D("36"),
        day_basis=360,
    )
    # Fee 200.00 + interest 10,000 × 30 days × 0.1% = 300.00 → 500.00
    penalties = estimate_penalties(policy, D("10000.00"), 30)
    assert penalties == D("500.00")
    preview = instalment_preview(D("10000.00"), 3, penalties)
    # Without: 10,000 / 3 = 3,333.33 r 0.01 → 3,333.34 + 3,333.33 + 3,333.33
    assert preview.without_penalties == (D("3333.34"), D("3333.33"), D("3333.33"))
    # With: 10,500 / 3 = 3,500.00 each
    assert preview.with_penalties == (D("3500.00"),) * 3
    assert (preview.monthly_without, preview.monthly_with) == (D("3333.34"), D("3500.00"))
    assert sum(preview.with_penalties) == preview.total_with == D("10500.00")


def test_estimate_within_grace_is_zero() -> None:
    assert estimate_penalties(FEE_POLICY, D("10000.00"), 3) == D("0.00")


def test_instalment_preview_rejects_bad_months() -> None:
    with pytest.raises(ValidationError) as info:
        instalment_preview(D("100.00"), 0, D("0"))
    assert info.value.field == "months"


def test_describe_policy() -> None:
    from cobranza_desktop.domain.i18n import set_language
    from cobranza_desktop.domain.penalties import describe_policy

    set_language("es")
    assert describe_policy(PenaltyPolicy.none()) == "Sin penalizaciones por pago tardío."
    assert describe_policy(PenaltyPolicy.legal()) == (
        "Interés moratorio de 6% anual (tasa legal, art. 362 del Código de Comercio), "
        "base 365 días, sobre el saldo pendiente."
    )
    text = describe_policy(FEE_POLICY.with_changes(cap_percent=D("25")))
    assert text.startswith("3 días de gracia; cargo por atraso de $150.00 + 2% del saldo vencido")
    assert text.endswith("con tope de 25% del capital.")
