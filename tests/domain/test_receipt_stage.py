"""The «confirm receipt» stage and the pause of an invoice flagged for correction."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.agenda import (
    ActionKey,
    CustomerCase,
    LadderInvoice,
    ReceiptCheck,
    item_for_case,
    receipt_subject,
)
from cobranza_desktop.domain.ladder import CONFIRM_RECEIPT_WINDOW_DAYS, DEFAULT_LADDER

ISSUED = date(2026, 11, 2)


def _case(outstanding: str = "100.00", **fields: object) -> CustomerCase:
    check = ReceiptCheck(7, "A-00007", ISSUED, Decimal(outstanding))
    return CustomerCase(customer_id=1, name="Lupe", receipts=(check,), **fields)  # type: ignore[arg-type]


@given(age=st.integers(min_value=0, max_value=60))
def test_asked_from_two_days_after_issue_within_the_window(age: int) -> None:
    item = item_for_case(_case(), ISSUED + timedelta(days=age), DEFAULT_LADDER, set())
    asked = item is not None and item.stage == "confirm_receipt"
    assert asked == (2 <= age <= CONFIRM_RECEIPT_WINDOW_DAYS)
    if asked:
        assert item is not None and item.invoice_ids == (7,)
        assert item.keys == (ActionKey(1, "confirm_receipt", receipt_subject(7)),)


def test_asked_once_and_never_when_paid() -> None:
    day = ISSUED + timedelta(days=3)
    key = ActionKey(1, "confirm_receipt", receipt_subject(7))
    assert item_for_case(_case(), day, DEFAULT_LADDER, {key}) is None
    assert item_for_case(_case("0.00"), day, DEFAULT_LADDER, set()) is None


@given(late=st.integers(min_value=-7, max_value=120))
def test_an_invoice_to_correct_has_no_ladder_stage(late: int) -> None:
    due = date(2026, 10, 1)
    invoice = LadderInvoice(9, "A-00009", due, Decimal("500.00"))
    day = due + timedelta(days=late)
    running = CustomerCase(customer_id=1, name="Lupe", invoices=(invoice,))
    paused = CustomerCase(
        customer_id=1, name="Lupe", invoices=(invoice,), paused_invoice_ids=frozenset({9})
    )
    assert item_for_case(paused, day, DEFAULT_LADDER, set()) is None
    assert item_for_case(running, day, DEFAULT_LADDER, set()) is not None
