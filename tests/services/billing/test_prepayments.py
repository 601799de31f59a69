"""Prepayment: the quote, one payment, covered periods paid as billed, never chased."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.incentives import PrepaymentKind, PrepaymentOffer
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.prepayments import PrepaymentService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.receivables.corrections import CorrectionService
from tests.factories import customer, invoice

YEAR = PrepaymentOffer(12, PrepaymentKind.FREE_MONTHS, free_months=1)


@pytest.fixture
def jan(tmp_path: object, book_path: object) -> Workspace:  # a workspace on 2026-01-01
    clock = FixedClock.on(date(2026, 1, 1))
    return open_workspace(book_path, clock)  # type: ignore[arg-type]


def _sub(ws: Workspace) -> tuple[int, int]:
    member = customer(ws, "Luis Prieto")
    sub = SubscriptionService(ws.book, ws.clock).create(
        SubscriptionInput(member.id, "Membresía", "500.00", "mensual", 1, date(2026, 1, 1))
    )
    return member.id, sub.id


def test_twelve_for_the_price_of_eleven_is_quoted_and_paid_month_by_month(jan: Workspace) -> None:
    ws = jan
    cid, sub_id = _sub(ws)
    prepay = PrepaymentService(ws.book, ws.clock)
    quote = prepay.quote(sub_id, YEAR)
    assert len(quote.periods) == 12 and quote.periods[-1].start == date(2026, 12, 1)
    assert quote.normal == Decimal("6960.00")  # 12 × 580.00
    assert quote.saving == quote.normal - quote.price
    assert abs(quote.price - Decimal("6380.00")) <= Decimal("0.12")  # ≈ 11 × 580.00
    view = prepay.accept(sub_id, YEAR, date(2026, 1, 1))
    assert view.remaining == quote.price
    runs = BillingRunService(ws.book, ws.clock)
    for month in range(1, 13):
        ws.clock.current = ws.clock.current.replace(month=month)  # type: ignore[attr-defined]
        runs.run()
        assert ws.invoices.for_customer(cid, open_only=True) == []  # never owes
    assert prepay.for_subscription(sub_id)[0].remaining == Decimal("0.00")
    assert ws.checks.run().ok
    ws.close()


def test_cancelling_early_leaves_the_unused_part_as_credit(jan: Workspace) -> None:
    ws = jan
    cid, sub_id = _sub(ws)
    prepay = PrepaymentService(ws.book, ws.clock)
    price = prepay.accept(sub_id, YEAR, date(2026, 1, 1)).total
    runs = BillingRunService(ws.book, ws.clock)
    runs.run()
    paid_one = ws.invoices.for_customer(cid)[0].total
    SubscriptionService(ws.book, ws.clock).cancel(sub_id, date(2026, 1, 31), "se mudó")
    (ended,) = prepay.for_subscription(sub_id)
    assert ended.status == "ended" and ended.remaining == price - paid_one
    # The credit now pays the customer's next ordinary invoice automatically when applied.
    other = invoice(ws, cid, "100.00", issued=date(2026, 1, 1))
    done = CorrectionService(ws.book, ws.clock).apply_credit(cid)
    assert done.credit_before - done.credit_after == other.total
    assert ws.invoices.get(other.id).balance == Decimal("0.00")
    ws.close()


def test_a_semester_with_five_percent_off(ws: Workspace, clock: FixedClock) -> None:
    member = customer(ws, "Escuela")
    sub = SubscriptionService(ws.book, ws.clock).create(
        SubscriptionInput(member.id, "Colegiatura", "2000.00", "monthly", 5, date(2026, 12, 5))
    )
    quote = PrepaymentService(ws.book, ws.clock).quote(
        sub.id, PrepaymentOffer(6, PrepaymentKind.DISCOUNT, discount_percent=Decimal(5))
    )
    assert quote.normal == Decimal("13920.00") and quote.price == Decimal("13224.00")
