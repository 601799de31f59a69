"""A realistic demo book: about 18 months of history with every kind of payer.

The same seed and the same ``today`` give the same book.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.customers import Channel, CustomerData
from cobranza_desktop.domain.invoices import invoice_totals, make_line
from cobranza_desktop.domain.money import round_money
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.domain.penalty_policy import (
    LEGAL_ANNUAL_RATE,
    FeeMode,
    PenaltyPolicy,
    PenaltyPreset,
)
from cobranza_desktop.services import ProgressCallback, no_progress
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.billing.invoices import InvoiceDraft, create_invoice
from cobranza_desktop.services.book import demo_data as data
from cobranza_desktop.services.customers.records import add_customer
from cobranza_desktop.services.penalties.policies import store_business_policy
from cobranza_desktop.services.receivables.payments import PaymentInput, record_payment
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer

HISTORY_DAYS = 548  # about 18 months


class Payer(StrEnum):
    PUNCTUAL = "punctual"
    CHRONIC_LATE = "chronic_late"
    PARTIAL = "partial"
    DISPUTE = "dispute"
    NEVER = "never"


PAYER_MIX = [
    (Payer.PUNCTUAL, 40),
    (Payer.CHRONIC_LATE, 25),
    (Payer.PARTIAL, 15),
    (Payer.DISPUTE, 10),
    (Payer.NEVER, 10),
]


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    invoices: int
    payments: int


@dataclass
class _Event:
    day: date
    order: int  # invoices before payments on the same day
    customer_index: int
    kind: str
    payload: Any


def _make_customer(rng: random.Random, index: int) -> CustomerData:
    first, last1, last2 = data.person_name(rng)
    line, area = data.address(rng)
    terms = rng.choice([0, 15, 15, 30, 30, 30, 45])
    if rng.random() < 0.55:
        kind = rng.choice(data.BUSINESS_KINDS)
        name = (
            f"{kind} {rng.choice([last1, first + ' ' + last1])}{rng.choice(data.BUSINESS_SUFFIXES)}"
        )
        rfc = data.rfc_for_company(
            name, date(rng.randint(1995, 2020), rng.randint(1, 12), rng.randint(1, 28)), rng
        )
        contact = f"{first} {last1}"
    else:
        name = f"{first} {last1} {last2}"
        rfc = data.rfc_for_person(
            first,
            last1,
            last2,
            date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28)),
            rng,
        )
        contact = ""
    slug = name.split()[0].lower().translate(str.maketrans("áéíóúñü", "aeiounu"))
    email = f"{slug}{index}@ejemplo.mx" if rng.random() < 0.8 else ""
    mobile = data.phone(rng, area)
    channel = Channel.EMAIL if email and rng.random() < 0.4 else Channel.WHATSAPP
    return CustomerData(
        name=name,
        rfc=rfc,
        contact_name=contact,
        email=email,
        phone=mobile,
        whatsapp=mobile if rng.random() < 0.85 else "",
        address=line,
        payment_terms_days=terms,
        credit_limit=Decimal(rng.choice([5000, 10000, 20000, 50000])),
        preferred_channel=channel,
        notes="",
    )


def _payer(rng: random.Random) -> Payer:
    return rng.choices([p for p, _ in PAYER_MIX], weights=[w for _, w in PAYER_MIX])[0]


def _payments_for(
    rng: random.Random, payer: Payer, total: Decimal, due: date, issue: date, stop: date
) -> list[tuple[date, Decimal]]:
    """When and how much a payer of this kind pays for one invoice."""
    if payer is Payer.PUNCTUAL:
        return [(issue + timedelta(days=rng.randint(0, max(0, (due - issue).days))), total)]
    if payer is Payer.CHRONIC_LATE:
        return [(due + timedelta(days=rng.randint(5, 45)), total)]
    if payer is Payer.PARTIAL:
        first = round_money(total * Decimal(rng.choice(["0.3", "0.5", "0.6"])))
        return [
            (due + timedelta(days=rng.randint(0, 20)), first),
            (due + timedelta(days=rng.randint(30, 90)), total - first),
        ]
    if payer is Payer.DISPUTE:
        if rng.random() < 0.15:
            return []  # disputed: left unpaid
        return [(due + timedelta(days=rng.randint(0, 25)), total)]
    # NEVER: paid in the beginning, then stopped.
    if issue < stop:
        return [(due + timedelta(days=rng.randint(0, 30)), total)]
    return []


DEMO_PENALTY_POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM,
    annual_rate_percent=LEGAL_ANNUAL_RATE,
    fixed_fee=Decimal("250.00"),
    fee_mode=FeeMode.PER_STAGE,
    stage_days=(30,),
)


def _set_up_business(session: Session, rng: random.Random) -> None:
    profile = load_profile(session)
    profile.name = "Servicios Integrales Aurora, S.A. de C.V."
    profile.rfc = "SIA150312AB7"
    profile.address = "Av. Vallarta 1250, Col. Americana, C.P. 44160, Guadalajara, Jal."
    profile.phone = "+523336151234"
    profile.email = "cobranza@serviciosaurora.mx"
    profile.bank_name = "BBVA México"
    profile.clabe = data.clabe(rng)
    profile.payment_terms_days = 30
    profile.invoice_series = "A"
    # A contract's terms, so that the agenda's late charges and the penalty notice show a
    # real difference: the legal 6 % a year, plus a late fee once 30 days past due.
    store_business_policy(session, DEMO_PENALTY_POLICY)


def book_has_customers(book: Book) -> bool:
    with book.session() as session:
        return session.scalar(select(Customer.id).limit(1)) is not None


def build_demo_book(
    book: Book,
    clock: Clock,
    *,
    customers: int = 40,
    seed: int = 7,
    progress: ProgressCallback = no_progress,
) -> DemoSummary:
    """Fill an empty book with a realistic history ending on ``clock.today()``."""
    book.use_clock(clock.now)  # the audit trail dates the demo's writes by its clock
    rng = random.Random(seed)
    today = clock.today()
    start = today - timedelta(days=HISTORY_DAYS)
    events: list[_Event] = []
    people = [_make_customer(rng, i) for i in range(customers)]
    for index, person in enumerate(people):
        payer = _payer(rng)
        terms = person.payment_terms_days or 0
        stop = start + timedelta(days=rng.randint(120, HISTORY_DAYS - 60))
        cadence = rng.choice([30, 30, 15, 45, 60])
        issue = start + timedelta(days=rng.randint(0, 40))
        while issue <= today:
            product, price = rng.choice(data.PRODUCTS)
            lines = [make_line(product, rng.randint(1, 4), price)]
            if rng.random() < 0.3:
                extra, extra_price = rng.choice(data.PRODUCTS)
                lines.append(
                    make_line(extra, 1, extra_price, discount_percent=rng.choice([0, 5, 10]))
                )
            due = issue + timedelta(days=terms)
            events.append(_Event(issue, 0, index, "invoice", (tuple(lines), due)))
            total = invoice_totals(lines).total
            for day, amount in _payments_for(rng, payer, total, due, issue, stop):
                if day <= today and amount > 0:
                    method = rng.choice(list(PaymentMethod)[:4])
                    events.append(_Event(day, 1, index, "payment", (amount, method)))
            issue += timedelta(days=cadence + rng.randint(-3, 3))
    events.sort(key=lambda e: (e.day, e.order, e.customer_index))
    invoices = payments = 0
    with book.transaction() as session:
        _set_up_business(session, rng)
        # Held here so that the session's identity map (weak) keeps them: the services'
        # own reads of the profile, the customers, the folio and the invoices a payment
        # pays are then answered from memory instead of one query each.
        kept: list[object] = [load_profile(session)]
        ids = []
        for person in people:
            created = datetime.combine(start, time(9, 0))
            added = add_customer(session, person, created)
            kept.append(added)
            ids.append(added.id)
        for n, event in enumerate(events):
            moment = datetime.combine(event.day, time(10, 0))
            customer_id = ids[event.customer_index]
            if event.kind == "invoice":
                invoice_lines, due = event.payload
                kept.append(
                    create_invoice(
                        session, InvoiceDraft(customer_id, invoice_lines, event.day, due), moment
                    )
                )
                invoices += 1
            else:
                amount, method = event.payload
                reference = (
                    f"REF-{rng.randint(100000, 999999)}" if method != PaymentMethod.CASH else ""
                )
                record_payment(
                    session,
                    PaymentInput(customer_id, amount, event.day, method, reference),
                    moment,
                )
                payments += 1
            if n % 200 == 0:
                progress(n / max(1, len(events)))
    progress(1.0)
    return DemoSummary(customers=customers, invoices=invoices, payments=payments)
