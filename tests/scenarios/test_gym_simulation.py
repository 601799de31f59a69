"""A gym over 400 days: 300 members, the program closed on random days, prepayments,
suspensions and reconnections. Counted against an independent count of periods."""

from __future__ import annotations

import calendar
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData, CustomerStatus
from cobranza_desktop.domain.incentives import PrepaymentKind, PrepaymentOffer
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.prepayments import PrepaymentService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.collections.service_cuts import ServiceCutService
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.subscriptions import SubscriptionPeriod

START = date(2026, 1, 1)
DAYS = 400
MEMBERS = 300
COVERED_UNTIL = date(2026, 12, 31)
YEAR = PrepaymentOffer(12, PrepaymentKind.FREE_MONTHS, free_months=1)


def _expected_starts(day: int, start: date, through: date) -> int:
    """Monthly periods from ``start`` to ``through``, found day by day (no schedule code)."""
    count, current = 0, start
    while current <= through:
        last = calendar.monthrange(current.year, current.month)[1]
        if current == start or current.day == min(day, last):
            count += 1
        current += timedelta(days=1)
    return count


def _open_by_customer(book: Book) -> dict[int, list[tuple[date, int, date]]]:
    """customer -> (issue date, cents owed, due date) of each open invoice, in one query."""
    result: dict[int, list[tuple[date, int, date]]] = {}
    with book.session() as session:
        for cid, issued, owed, due in session.execute(
            select(
                Invoice.customer_id,
                Invoice.issue_date,
                Invoice.total_cents - Invoice.paid_cents,
                Invoice.due_date,
            ).where(Invoice.lifecycle == "issued", Invoice.paid_cents < Invoice.total_cents)
        ):
            result.setdefault(cid, []).append((issued, owed, due))
    return result


def test_four_hundred_days_of_a_gym(tmp_path: Path) -> None:
    rng = random.Random(14)
    clock = FixedClock.on(START)
    ws = open_workspace(tmp_path / "gym.sqlite", clock)
    subs = SubscriptionService(ws.book, clock)
    runs = BillingRunService(ws.book, clock)
    prepay = PrepaymentService(ws.book, clock)
    cuts = ServiceCutService(ws.book, clock)
    members: list[tuple[int, int, int, str]] = []  # customer, subscription, day, habit
    prepaid: set[int] = set()
    prepaid_total = Decimal(0)
    for n in range(MEMBERS):
        day = rng.randint(1, 31)
        start = START + timedelta(days=rng.randint(0, 27))
        start = start.replace(day=min(day, calendar.monthrange(start.year, start.month)[1]))
        cid = ws.customers.create(CustomerData(name=f"Socio {n:03d}", phone="")).id
        habit = rng.choices(["punctual", "late", "prepaid"], weights=[70, 20, 10])[0]
        sub = subs.create(
            SubscriptionInput(
                cid,
                "Membresía",
                "450.00",
                "mensual",
                day,
                start,
                while_suspended="stop" if habit == "late" and n % 2 else "bill",
                reconnection_fee="150.00" if habit == "late" else None,
            )
        )
        if habit == "prepaid":
            prepaid_total += prepay.accept(sub.id, YEAR, START).total
            prepaid.add(cid)
        members.append((cid, sub.id, day, habit))

    reconnected = suspended = 0
    open_days: list[date] = []
    for offset in range(DAYS):
        today = START + timedelta(days=offset)
        clock.current = clock.current.replace(year=today.year, month=today.month, day=today.day)
        if offset and rng.random() < 0.3:
            continue  # the program stays closed today
        open_days.append(today)
        runs.run()
        owing_by = _open_by_customer(ws.book)
        for cid, sub_id, _, habit in members:
            if habit == "prepaid" and today <= COVERED_UNTIL:
                continue
            owing = owing_by.get(cid, [])
            wait = 50 if habit == "late" else 3
            if owing and (today - max(d for d, _, _ in owing)).days >= wait:
                amount = from_cents(sum(c for _, c, _ in owing))
                ws.payments.record(PaymentInput(cid, amount, today))
                if ws.customers.get(cid).status == CustomerStatus.SUSPENDED:
                    cuts.reconnect(sub_id, "pagó su adeudo")
                    reconnected += 1
            elif (
                habit == "late"
                and any((today - due).days > 30 for _, _, due in owing)
                and ws.customers.get(cid).status == CustomerStatus.ACTIVE
            ):
                ws.restrictions.change(cid, CustomerStatus.SUSPENDED, "adeudo", "acceso")
                suspended += 1
        assert ws.checks.run().ok, today
        if offset % 10 == 0:
            day_agenda = ws.agenda.agenda()
            contacted = {i.customer_id for i in (*day_agenda.items, *day_agenda.deferred)}
            if today <= COVERED_UNTIL:
                assert not contacted & prepaid, today  # a member who prepaid is never chased

    last = open_days[-1]
    with ws.book.session() as session:
        periods = dict(
            session.execute(
                select(SubscriptionPeriod.subscription_id, func.count()).group_by(
                    SubscriptionPeriod.subscription_id
                )
            ).all()
        )
        billed_total = session.scalar(
            select(func.sum(Invoice.total_cents)).join(
                SubscriptionPeriod, SubscriptionPeriod.invoice_id == Invoice.id
            )
        )
        billed = session.scalar(select(func.count()).where(SubscriptionPeriod.outcome == "billed"))
        skipped = session.scalar(
            select(func.count()).where(SubscriptionPeriod.outcome == "skipped")
        )
    for _, sub_id, day, _ in members:
        start = subs.get(sub_id).start_date
        assert periods[sub_id] == _expected_starts(day, start, last), sub_id
    # Every billed period costs 522.00 (450 + 16 %), except prepaid ones: those add up
    # to exactly what the members prepaid (12 for the price of 11, covered whole here).
    prepaid_periods = 12 * len(prepaid)
    expected = (billed - prepaid_periods) * Decimal("522.00") + prepaid_total
    assert Decimal(billed_total) / 100 == expected
    assert billed + skipped == sum(periods.values())
    assert suspended > 0 and reconnected > 0 and skipped > 0
    ws.close()
