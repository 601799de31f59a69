"""Early-payment discounts and punctuality rewards, booked on a real SQLite book."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.incentives import EarlyPaymentTerms, PunctualityReward
from cobranza_desktop.domain.invoices import InvoiceStatus, LineInput
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.billing.incentives import IncentiveKind, IncentiveService
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
from cobranza_desktop.storage.database import Book, open_book

D = Decimal
ISSUED = date(2026, 3, 1)


class Shop:
    def __init__(self, book: Book, clock: FixedClock) -> None:
        self.clock = clock
        self.customers = CustomerService(book, clock)
        self.invoices = InvoiceService(book, clock)
        self.payments = PaymentService(book, clock)
        self.incentives = IncentiveService(book, clock)
        self.checks = BookCheckService(book)

    def invoice(self, customer_id: int, amount: str, issued: date, due_days: int = 30) -> int:
        draft = InvoiceDraft(
            customer_id=customer_id,
            lines=(LineInput("Servicio", D(1), D(amount), D(0), D(0)),),
            issue_date=issued,
            due_date=issued + timedelta(days=due_days),
        )
        return self.invoices.issue(draft).id

    def pay(self, customer_id: int, amount: str, on: date) -> int:
        self.clock.current = FixedClock.on(max(on, self.clock.today())).current
        return self.payments.record(PaymentInput(customer_id, amount, on)).id


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    clock = FixedClock.on(date(2026, 1, 1))
    book = open_book(tmp_path / "book.sqlite", create=True, now=clock.now())
    try:
        yield Shop(book, clock)
    finally:
        book.close()


def test_early_payment_discount_settles_the_invoice(shop: Shop) -> None:
    shop.incentives.set_early_payment_terms(EarlyPaymentTerms.parse("2/10 neto 30"))
    ana = shop.customers.create(CustomerData(name="Ana")).id
    invoice_id = shop.invoice(ana, "11600.00", ISSUED)
    # Paid on day 10: 11,368.00 + 2 % × 11,600 (232.00) = 11,600.00
    payment_id = shop.pay(ana, "11368.00", ISSUED + timedelta(days=10))
    granted = shop.incentives.on_payment(payment_id)
    assert [(g.kind, g.amount, g.applied) for g in granted] == [
        (IncentiveKind.EARLY_PAYMENT, D("232.00"), D("232.00"))
    ]
    invoice = shop.invoices.get(invoice_id)
    assert invoice.balance == D("0.00")
    assert invoice.status is InvoiceStatus.PAID
    methods = sorted(p.method for p in shop.payments.for_customer(ana))
    assert methods == [PaymentMethod.CASH, PaymentMethod.DISCOUNT]
    # Idempotent: the same payment earns nothing more.
    assert shop.incentives.on_payment(payment_id) == []
    assert shop.checks.run().ok


def test_late_or_short_payments_earn_no_discount(shop: Shop) -> None:
    shop.incentives.set_early_payment_terms(EarlyPaymentTerms.parse("2/10 neto 30"))
    ana = shop.customers.create(CustomerData(name="Ana")).id
    shop.invoice(ana, "11600.00", ISSUED)
    late = shop.pay(ana, "11368.00", ISSUED + timedelta(days=11))
    assert shop.incentives.on_payment(late) == []
    beto = shop.customers.create(CustomerData(name="Beto")).id
    shop.invoice(beto, "11600.00", ISSUED)
    short = shop.pay(beto, "11367.99", ISSUED + timedelta(days=3))
    assert shop.incentives.on_payment(short) == []


def test_no_terms_no_discount(shop: Shop) -> None:
    ana = shop.customers.create(CustomerData(name="Ana")).id
    shop.invoice(ana, "11600.00", ISSUED)
    assert shop.incentives.on_payment(shop.pay(ana, "11368.00", ISSUED)) == []


def test_full_early_payment_leaves_the_discount_as_credit(shop: Shop) -> None:
    shop.incentives.set_early_payment_terms(EarlyPaymentTerms.parse("2/10 neto 30"))
    ana = shop.customers.create(CustomerData(name="Ana")).id
    shop.invoice(ana, "11600.00", ISSUED)
    granted = shop.incentives.on_payment(shop.pay(ana, "11600.00", ISSUED))
    assert [(g.amount, g.applied) for g in granted] == [(D("232.00"), D("0.00"))]
    # Balance = open invoices − credit = 0 − 232.00
    assert shop.customers.balance(ana).balance == D("-232.00")
    assert shop.checks.run().ok


def test_void_a_discount_reverses_it(shop: Shop) -> None:
    shop.incentives.set_early_payment_terms(EarlyPaymentTerms.parse("2/10 neto 30"))
    ana = shop.customers.create(CustomerData(name="Ana")).id
    invoice_id = shop.invoice(ana, "11600.00", ISSUED)
    (grant,) = shop.incentives.on_payment(shop.pay(ana, "11368.00", ISSUED))
    with pytest.raises(ValidationError):
        shop.incentives.void(grant.id, "")
    voided = shop.incentives.void(grant.id, "Pagó con cheque sin fondos")
    assert voided.voided_at is not None
    assert shop.invoices.get(invoice_id).balance == D("232.00")
    with pytest.raises(ConflictError):
        shop.incentives.void(grant.id, "otra vez")
    assert shop.checks.run().ok


def test_punctuality_reward_after_k_on_time_payments(shop: Shop) -> None:
    shop.incentives.set_punctuality_rule(PunctualityReward(3, D("5")))
    ana = shop.customers.create(CustomerData(name="Ana")).id
    for month in range(3):
        issued = date(2026, 1 + month, 1)
        shop.invoice(ana, "1000.00", issued)
        shop.pay(ana, "1000.00", issued + timedelta(days=20))  # before the due date
    assert shop.incentives.on_time_streak(ana) == 3
    shop.clock.current = FixedClock.on(date(2026, 4, 1)).current
    next_invoice = shop.invoice(ana, "1999.90", date(2026, 4, 1))
    reward = shop.incentives.grant_punctuality_reward(next_invoice)
    # 5 % × 1,999.90 = 99.995 → 100.00
    assert reward is not None and reward.amount == D("100.00")
    assert shop.invoices.get(next_invoice).balance == D("1899.90")
    # One streak, one reward: the streak starts again.
    assert shop.incentives.on_time_streak(ana) == 0
    another = shop.invoice(ana, "500.00", date(2026, 4, 1))
    assert shop.incentives.grant_punctuality_reward(another) is None
    assert shop.checks.run().ok
