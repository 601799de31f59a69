"""The monthly-services demo: made by the billing run, consistent, prepaid members paid."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.demo_services import build_services_demo
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.subscriptions import (
    SubscriptionPeriod,
    SubscriptionPrepayment,
)


def test_a_gym_demo_of_eighteen_months(book: Book) -> None:
    summary = build_services_demo(book, FixedClock.on(date(2026, 11, 20)), members=16, seed=3)
    assert summary.customers == 16 and summary.invoices > 16 * 12
    with book.session() as session:
        billed = session.scalar(select(func.count()).where(SubscriptionPeriod.outcome == "billed"))
        paused = session.scalar(select(func.count()).where(SubscriptionPeriod.outcome == "paused"))
        prepaid = session.scalar(select(func.count()).select_from(SubscriptionPrepayment))
        first = session.scalar(select(func.min(Invoice.issue_date)))
    assert billed and paused and prepaid == 2
    assert first is not None and first <= date(2025, 6, 30)
    assert BookCheckService(book).run().ok
