from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.allocation import (
    Allocation,
    AllocationConflict,
    OpenItem,
    check_allocations,
    suggest_oldest_first,
)
from cobranza_desktop.domain.errors import ConflictError

items = [
    OpenItem(2, date(2026, 3, 1), Decimal("50.00")),
    OpenItem(1, date(2026, 1, 1), Decimal("100.00")),
]


def test_oldest_due_first() -> None:
    plan = suggest_oldest_first(Decimal("120.00"), items)
    assert plan == [Allocation(1, Decimal("100.00")), Allocation(2, Decimal("20.00"))]


@given(st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2))
def test_suggestion_never_exceeds_payment_or_balances(amount: Decimal) -> None:
    plan = suggest_oldest_first(amount, items)
    assert sum(a.amount for a in plan) == min(amount, Decimal("150.00"))
    check_allocations(amount, plan, {i.invoice_id: i.balance for i in items})


def test_over_allocation_is_refused() -> None:
    with pytest.raises(ConflictError):
        check_allocations(Decimal("10"), [Allocation(1, Decimal("11"))], {1: Decimal("100")})
    with pytest.raises(ConflictError):
        check_allocations(Decimal("500"), [Allocation(2, Decimal("51"))], {2: Decimal("50")})
    with pytest.raises(ConflictError):
        check_allocations(Decimal("500"), [Allocation(9, Decimal("1"))], {2: Decimal("50")})


def test_refusals_name_the_row_and_format_the_money() -> None:
    with pytest.raises(AllocationConflict) as caught:
        check_allocations(
            Decimal("2000"),
            [Allocation(1, Decimal("10")), Allocation(2, Decimal("1234.5"))],
            {1: Decimal("100"), 2: Decimal("50")},
            {2: "A-00002"},
        )
    assert caught.value.field == "allocations[1]"
    assert caught.value.message == (
        "La factura A-00002 solo debe $50.00; no se le pueden aplicar $1,234.50."
    )
    with pytest.raises(AllocationConflict) as caught:
        check_allocations(Decimal("1200"), [Allocation(1, Decimal("1200.01"))], {1: D_BIG})
    assert caught.value.field == "allocations"
    assert "$1,200.01" in caught.value.message and "$1,200.00" in caught.value.message
    with pytest.raises(AllocationConflict) as caught:
        check_allocations(
            Decimal("9"), [Allocation(1, Decimal("1")), Allocation(7, Decimal("1"))], {1: D_BIG}
        )
    assert caught.value.field == "allocations[1]"
    with pytest.raises(AllocationConflict) as caught:
        check_allocations(Decimal("9"), [Allocation(1, Decimal("0"))], {1: D_BIG})
    assert caught.value.field == "allocations[0]"


D_BIG = Decimal("99999")
