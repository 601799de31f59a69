from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.money import ZERO
from cobranza_desktop.domain.plans import (
    Frequency,
    Instalment,
    PlanStatus,
    PlanTerms,
    PromiseStatus,
    add_months,
    build_schedule,
    evaluate_plan,
    evaluate_promise,
    validate_promise,
)

START = date(2026, 1, 31)


def terms(**kw: object) -> PlanTerms:
    base: dict[str, object] = {
        "principal": Decimal("1000.00"),
        "instalments": 3,
        "frequency": Frequency.MONTHLY,
        "first_due": START,
        "start": START,
    }
    base.update(kw)
    return PlanTerms(**base)  # type: ignore[arg-type]


def test_equal_monthly_instalments_conserve_cents_and_clamp_month_ends() -> None:
    schedule = build_schedule(terms())
    amounts = [i.amount for i in schedule.instalments]
    assert amounts == [Decimal("333.34"), Decimal("333.33"), Decimal("333.33")]
    assert [i.due_date for i in schedule.instalments] == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)
    ]  # fmt: skip
    assert schedule.total == Decimal("1000.00")


def test_down_payment_waiver_and_interest() -> None:
    schedule = build_schedule(
        terms(
            down_payment=Decimal("200"),
            waived_penalties=Decimal("100"),
            interest_percent=Decimal("10"),
            frequency=Frequency.FORTNIGHTLY,
            first_due=START + timedelta(days=14),
        )
    )
    assert schedule.financed == Decimal("700.00")
    assert schedule.interest == Decimal("70.00")
    assert schedule.instalments[0] == Instalment(0, START, Decimal("200.00"))
    assert [i.due_date for i in schedule.instalments[1:]] == [
        START + timedelta(days=14), START + timedelta(days=28), START + timedelta(days=42)
    ]  # fmt: skip
    assert sum(i.amount for i in schedule.instalments) == schedule.total == Decimal("970.00")


def test_custom_amounts_must_add_up() -> None:
    ok = build_schedule(
        terms(custom_amounts=(Decimal("100"), Decimal("400"), Decimal("500")), frequency="weekly")
    )
    assert [i.amount for i in ok.instalments] == [Decimal("100"), Decimal("400"), Decimal("500")]
    assert ok.instalments[1].due_date == START + timedelta(weeks=1)
    with pytest.raises(ValidationError) as err:
        build_schedule(terms(custom_amounts=(Decimal("100"), Decimal("400"), Decimal("499"))))
    assert err.value.field == "custom_amounts"
    with pytest.raises(ValidationError):
        build_schedule(terms(custom_amounts=(Decimal("500"), Decimal("500"))))


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"principal": ZERO}, "invoices"),
        ({"instalments": 0}, "instalments"),
        ({"down_payment": Decimal("1000")}, "down_payment"),
        ({"waived_penalties": Decimal("-1")}, "waived_penalties"),
        ({"interest_percent": Decimal("101")}, "interest_percent"),
        ({"first_due": START - timedelta(days=1)}, "first_due"),
        ({"grace_days": -1}, "grace_days"),
    ],
)
def test_bad_terms_are_refused(kw: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        build_schedule(terms(**kw))
    assert err.value.field == field


@given(
    st.integers(min_value=1, max_value=10_000_000),
    st.integers(min_value=1, max_value=48),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(list(Frequency)),
    st.integers(min_value=0, max_value=25),
)
def test_schedule_conserves_every_cent(
    cents: int, n: int, down_pct: int, freq: Frequency, interest: int
) -> None:
    principal = Decimal(cents) / 100
    down = (principal * down_pct / 100).quantize(Decimal("0.01"))
    if down >= principal:
        down = ZERO
    schedule = build_schedule(
        terms(
            principal=principal,
            instalments=n,
            frequency=freq,
            down_payment=down,
            interest_percent=Decimal(interest),
        )
    )
    assert sum(i.amount for i in schedule.instalments) == schedule.total
    assert schedule.total == schedule.down_payment + schedule.financed + schedule.interest
    dates = [i.due_date for i in schedule.instalments if i.number > 0]
    assert dates == sorted(dates) and len(set(dates)) == n
    amounts = [i.amount for i in schedule.instalments if i.number > 0]
    assert max(amounts) - min(amounts) <= Decimal("0.01")


def test_add_months_keeps_the_anchor_day() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 31), 2, anchor_day=31) == date(2026, 3, 31)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_plan_progress_covers_instalments_in_order_and_breaks_after_grace() -> None:
    schedule = build_schedule(terms(frequency=Frequency.WEEKLY))
    inst = schedule.instalments
    first = inst[0].due_date
    progress = evaluate_plan(inst, Decimal("400"), first + timedelta(days=3), grace_days=5)
    assert progress.status == PlanStatus.CURRENT
    assert [s.remaining for s in progress.instalments] == [
        ZERO,
        Decimal("266.67"),
        Decimal("333.33"),
    ]
    assert progress.next_unpaid is not None and progress.next_unpaid.instalment.number == 2
    second = inst[1].due_date
    assert evaluate_plan(inst, Decimal("400"), second + timedelta(days=5), 5).status == (
        PlanStatus.CURRENT
    )
    broken = evaluate_plan(inst, Decimal("400"), second + timedelta(days=6), 5)
    assert broken.status == PlanStatus.BROKEN and broken.broken_instalment == 2
    done = evaluate_plan(inst, Decimal("1000"), second + timedelta(days=60), 5)
    assert done.status == PlanStatus.COMPLETED


def test_promises_kept_broken_pending() -> None:
    due = date(2026, 3, 10)
    validate_promise(Decimal("10"), due, due)
    with pytest.raises(ValidationError):
        validate_promise(Decimal("0"), due, due)
    with pytest.raises(ValidationError):
        validate_promise(Decimal("10"), due, due + timedelta(days=1))
    pay = [(date(2026, 3, 9), Decimal("60")), (date(2026, 3, 10), Decimal("40"))]
    assert evaluate_promise(Decimal("100"), due, pay, due + timedelta(days=9)) == PromiseStatus.KEPT
    assert evaluate_promise(Decimal("100"), due, pay[:1], due) == PromiseStatus.PENDING
    late = [(date(2026, 3, 11), Decimal("100"))]
    assert evaluate_promise(Decimal("100"), due, late, due + timedelta(days=1)) == (
        PromiseStatus.BROKEN
    )
