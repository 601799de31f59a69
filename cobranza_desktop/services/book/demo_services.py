"""The monthly-services demo (`cobranza demo --kind services`): a gym with members on
plans, prepaid years, a holiday pause, suspended members and a reconnection. Its 18
months of invoices are made by the billing run itself, as the owner would."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from cobranza_desktop.domain.clock import Clock, FixedClock
from cobranza_desktop.domain.customers import CustomerData, CustomerStatus
from cobranza_desktop.domain.incentives import PrepaymentKind, PrepaymentOffer
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.prepayments import PrepaymentService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.demo import DemoSummary
from cobranza_desktop.services.collections.service_cuts import ServiceCutService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.customers.restrictions import RestrictionService
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice, Payment
from cobranza_desktop.storage.queries.predicates import open_invoice

MONTHS = 18
PLANS = (("Plan básico", "399.00"), ("Plan completo", "599.00"), ("Plan familiar", "899.00"))
_YEAR = PrepaymentOffer(12, PrepaymentKind.FREE_MONTHS, free_months=1)


def _open_invoices(book: Book, customer_id: int) -> list[tuple[int, date]]:
    with book.session() as session:
        return [
            (int(owed), issued)
            for owed, issued in session.execute(
                select(Invoice.total_cents - Invoice.paid_cents, Invoice.issue_date).where(
                    Invoice.customer_id == customer_id,
                    open_invoice(),
                )
            )
        ]


def build_services_demo(
    book: Book, clock: Clock, *, members: int = 40, seed: int = 7
) -> DemoSummary:
    """Fill an empty book with a gym's 18 months, ending on ``clock.today()``."""
    rng = random.Random(seed)
    today = clock.today()
    first = (today - timedelta(days=MONTHS * 30)).replace(day=1)
    sim = FixedClock(datetime.combine(first, datetime.min.time()).replace(hour=10))
    customers = CustomerService(book, sim)
    subs = SubscriptionService(book, sim)
    runs = BillingRunService(book, sim)
    payments = PaymentService(book, sim)
    restrictions = RestrictionService(book, sim)
    cuts = ServiceCutService(book, sim)
    people: list[tuple[int, int, str]] = []
    for n in range(members):
        name, price = PLANS[n % len(PLANS)]
        cid = customers.create(
            CustomerData(name=f"Socio {n + 1:02d}", phone=f"55 {5500 + n:04d} {1000 + n:04d}")
        ).id
        start = first + timedelta(days=rng.randint(0, 60))
        habit = "prepaid" if n % 8 == 0 else "late" if n % 5 == 1 else "punctual"
        sub = subs.create(
            SubscriptionInput(
                cid,
                name,
                price,
                "mensual",
                start.day,
                start,
                while_suspended="stop" if habit == "late" else "bill",
                reconnection_fee="150.00" if habit == "late" else None,
            )
        )
        if n % 11 == 3:  # a member who travels: two months frozen
            pause = start + timedelta(days=120)
            subs.pause(sub.id, pause, pause + timedelta(days=59), "viaje")
        people.append((cid, sub.id, habit))
    day = first
    while day <= today:
        sim.current = sim.current.replace(year=day.year, month=day.month, day=day.day)
        runs.run()
        for cid, sub_id, habit in people:
            if habit == "prepaid" and not PrepaymentService(book, sim).for_subscription(sub_id):
                if subs.get(sub_id).start_date <= day:
                    PrepaymentService(book, sim).accept(sub_id, _YEAR, day)
                continue
            owing = _open_invoices(book, cid)
            wait = 45 if habit == "late" else rng.randint(1, 6)
            if owing and (day - min(i for _, i in owing)).days >= wait:
                if habit == "late" and rng.random() < 0.5 and customers.get(cid).status == "active":
                    restrictions.change(cid, CustomerStatus.SUSPENDED, "adeudo vencido", "acceso")
                    continue
                total = Decimal(sum(c for c, _ in owing)) / 100
                payments.record(PaymentInput(cid, total, day, method="card"))
                if customers.get(cid).status == CustomerStatus.SUSPENDED:
                    cuts.reconnect(sub_id, "pagó su adeudo")
        day += timedelta(days=7 if day + timedelta(days=7) <= today else 1)  # weekly, then daily
    with book.session() as session:
        invoices = len(session.scalars(select(Invoice.id)).all())
        paid = len(session.scalars(select(Payment.id)).all())
    return DemoSummary(customers=members, invoices=invoices, payments=paid)
