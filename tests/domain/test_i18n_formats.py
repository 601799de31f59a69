"""Amounts and dates in messages made below the UI go through format_money/format_date."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.agenda import (
    BrokenPromise,
    CustomerCase,
    FollowUp,
    compute_agenda,
)
from cobranza_desktop.domain.allocation import Allocation, check_allocations
from cobranza_desktop.domain.contact_policy import ContactPolicy
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.domain.ladder import DEFAULT_LADDER

DUE = date(2026, 3, 2)  # a Monday
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2)
days = st.integers(min_value=0, max_value=300)


def reason(case: CustomerCase, day: date) -> str:
    if day.weekday() == 6:  # nobody is contacted on Sundays: ask on Monday
        day += timedelta(days=1)
    items = compute_agenda(day, [case], set(), DEFAULT_LADDER, ContactPolicy()).items
    assert len(items) == 1
    return items[0].reason


@pytest.mark.parametrize("language", ["es", "en"])
@settings(max_examples=25, deadline=None)
@given(amount=amounts, offset=days)
def test_a_broken_promise_says_amount_and_date_as_the_user_reads_them(
    language: str, amount: Decimal, offset: int
) -> None:
    set_language(language)
    promised = DUE + timedelta(days=offset)
    case = CustomerCase(1, "Ana", broken_promises=(BrokenPromise(7, amount, promised),))
    text = reason(case, promised + timedelta(days=3))
    assert format_money(amount) in text
    assert format_date(promised) in text
    assert promised.isoformat() not in text


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_broken_plan_and_a_follow_up_show_local_dates(language: str) -> None:
    set_language(language)
    plan = CustomerCase(1, "Ana", broken_promises=(BrokenPromise(3, Decimal("250"), DUE, True),))
    assert format_date(DUE) in reason(plan, DUE + timedelta(days=8))
    follow = CustomerCase(1, "Ana", follow_ups=(FollowUp(40, DUE),))
    text = reason(follow, DUE)
    assert format_date(DUE) in text and DUE.isoformat() not in text


@settings(max_examples=25, deadline=None)
@given(available=amounts, extra=amounts)
def test_an_over_allocation_names_both_amounts_as_money(available: Decimal, extra: Decimal) -> None:
    set_language("en")
    with pytest.raises(ConflictError) as raised:
        check_allocations(available, [Allocation(1, available + extra)], {1: available + extra})
    assert format_money(available + extra) in raised.value.message
    assert format_money(available) in raised.value.message


def test_an_invoice_over_its_balance_names_both_amounts_as_money() -> None:
    with pytest.raises(ConflictError) as raised:
        check_allocations(Decimal("5000"), [Allocation(1, Decimal("1500"))], {1: Decimal("1200")})
    assert raised.value.message == "Se aplican $1,500.00 a una factura que solo debe $1,200.00."
