"""A realistic demo book: about 18 months of history with every kind of payer.

The same seed and the same ``today`` give the same book.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_policy import ContactPolicy
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
from cobranza_desktop.services.base.agenda_data import POLICY_KEY, save_policy
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.billing.invoices import reserve_folios
from cobranza_desktop.services.book import demo_data as data
from cobranza_desktop.services.book.demo_kinds import (
    PAYER_MIX,
    CustomerPlan,
    Payer,
    PlannedInvoice,
    PlannedPayment,
    Role,
)
from cobranza_desktop.services.book.demo_roles import assign_roles, finish_story
from cobranza_desktop.services.book.demo_story import write_customer
from cobranza_desktop.services.customers.records import add_customer
from cobranza_desktop.services.documents.credit_terms import record_signature
from cobranza_desktop.services.penalties.policies import store_business_policy
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer, Setting

HISTORY_DAYS = 548  # about 18 months


# The story's few parts, cast to fixed customers so that every demo of ten customers or
# more has them: (kind of payer, part).
CAST: dict[int, tuple[Payer, Role]] = {
    1: (Payer.CHRONIC_LATE, Role.SUSPENDED),
    2: (Payer.NEVER, Role.AGENCY),
    5: (Payer.NEVER, Role.PLAN),
    8: (Payer.NEVER, Role.RESTRICTED),
}


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    invoices: int
    payments: int


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
    if payer is Payer.PUNCTUAL or (payer is Payer.OCCASIONAL and rng.random() < 0.7):
        return [(issue + timedelta(days=rng.randint(0, max(0, (due - issue).days))), total)]
    if payer is Payer.OCCASIONAL:
        return [(due + timedelta(days=rng.randint(8, 25)), total)]
    if payer is Payer.CHRONIC_LATE:
        return [(due + timedelta(days=rng.randint(5, 45)), total)]
    if payer is Payer.PARTIAL:
        first = round_money(total * Decimal(rng.choice(["0.3", "0.5", "0.6"])))
        return [
            (due + timedelta(days=rng.randint(0, 20)), first),
            (due + timedelta(days=rng.randint(15, 40)), total - first),
        ]
    if payer is Payer.DISPUTE:  # disputes are planned by _plan_dispute
        return [(max(issue, due + timedelta(days=rng.randint(-5, 4))), total)]
    # NEVER: paid in the beginning, then stopped.
    if issue < stop:
        return [(due + timedelta(days=rng.randint(0, 30)), total)]
    return []


# One demo customer in this many never signed the credit terms.
UNSIGNED_EVERY = 5

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


def _plan_dispute(rng: random.Random, invoice: PlannedInvoice, today: date) -> None:
    """A dispute payer contests about one invoice in seven: settled (then paid) or still open."""
    opened = invoice.due + timedelta(days=rng.randint(2, 8))
    if rng.random() >= 0.15 or opened >= today:
        return
    settled = opened + timedelta(days=rng.randint(15, 40))
    if settled < today - timedelta(days=10):  # only the recent ones are still open
        total = invoice_totals(list(invoice.lines)).total
        paid_on = settled + timedelta(days=rng.randint(2, 8))
        method = rng.choice(list(PaymentMethod)[:4])
        invoice.payments = [PlannedPayment(paid_on, total, method, _reference(rng, method))]
        invoice.dispute = (opened, settled)
    else:
        invoice.payments = []
        invoice.dispute = (opened, None)


def _reference(rng: random.Random, method: PaymentMethod) -> str:
    return f"REF-{rng.randint(100000, 999999)}" if method != PaymentMethod.CASH else ""


def _plan_customer(
    rng: random.Random, index: int, person: CustomerData, start: date, today: date
) -> CustomerPlan:
    """A customer's invoices and payments over the history, by their kind of payer."""
    drawn = _payer(rng)
    plan = CustomerPlan(index, person, CAST[index][0] if index in CAST else drawn)
    terms = person.payment_terms_days or 0
    stop = start + timedelta(days=rng.randint(120, HISTORY_DAYS - 60))
    if index in CAST and plan.payer is Payer.NEVER:  # behind for months by today
        stop = min(stop, today - timedelta(days=240))
    cadence = rng.choice([30, 30, 15, 45, 60])
    issue = start + timedelta(days=rng.randint(0, 40))
    while issue <= today:
        product, price = rng.choice(data.PRODUCTS)
        lines = [make_line(product, rng.randint(1, 4), price)]
        if rng.random() < 0.3:
            extra, extra_price = rng.choice(data.PRODUCTS)
            lines.append(make_line(extra, 1, extra_price, discount_percent=rng.choice([0, 5, 10])))
        due = issue + timedelta(days=terms)
        total = invoice_totals(lines).total
        payments = []
        for day, amount in _payments_for(rng, plan.payer, total, due, issue, stop):
            if day <= today and amount > 0:
                method = rng.choice(list(PaymentMethod)[:4])
                payments.append(PlannedPayment(day, amount, method, _reference(rng, method)))
        invoice = PlannedInvoice(issue, due, tuple(lines), payments)
        if plan.payer is Payer.DISPUTE:
            _plan_dispute(rng, invoice, today)
        plan.invoices.append(invoice)
        issue += timedelta(days=cadence + rng.randint(-3, 3))
    return plan


def plan_demo(customers: int, seed: int, today: date) -> tuple[list[CustomerPlan], dict[int, Role]]:
    """The whole story, decided before anything is written (pure: the same seed, the same
    plans). Folios follow the issue dates across customers, as a shop issues them."""
    rng = random.Random(seed)
    start = today - timedelta(days=HISTORY_DAYS)
    people = [_make_customer(rng, i) for i in range(customers)]
    plans = [_plan_customer(rng, i, person, start, today) for i, person in enumerate(people)]
    roles = assign_roles(plans, {i: role for i, (_p, role) in CAST.items()}, today)
    ordered = sorted(
        ((inv.issue, plan.index, n, inv) for plan in plans for n, inv in enumerate(plan.invoices)),
        key=lambda row: row[:3],
    )
    for folio, (*_key, invoice) in enumerate(ordered, start=1):
        invoice.folio = folio
    return plans, roles


def build_demo_book(
    book: Book,
    clock: Clock,
    *,
    customers: int = 40,
    seed: int = 7,
    progress: ProgressCallback = no_progress,
) -> DemoSummary:
    """Fill an empty book with a realistic history ending on ``clock.today()``.

    Each customer's story is written by the services' own session functions, customer
    by customer, with one flush for their invoices and one for the rest."""
    book.use_clock(clock.now)  # the audit trail dates the demo's writes by its clock
    today = clock.today()
    start = today - timedelta(days=HISTORY_DAYS)
    plans, roles = plan_demo(customers, seed, today)
    rng = random.Random(seed)
    invoices = payments = 0
    with book.transaction() as session:
        _set_up_business(session, rng)
        profile = load_profile(session)
        # The shop's contact policy (the default one) written out, and its row held with
        # the profile: each contact's policy check then reads them from memory.
        save_policy(session, ContactPolicy())
        kept = (profile, session.get(Setting, POLICY_KEY))
        folios = sum(len(p.invoices) for p in plans)
        first = reserve_folios(session, profile.invoice_series, folios)
        created = datetime.combine(start, time(9, 0))
        for n, plan in enumerate(plans):
            customer = add_customer(session, plan.person, created)
            # Most customers signed the credit terms when they opened their account; the
            # rest show the warning, and are charged only the legal rate.
            if n % UNSIGNED_EVERY != UNSIGNED_EVERY - 1:
                record_signature(session, customer, start)
            written = write_customer(
                session,
                customer,
                plan,
                roles.get(plan.index),
                first - 1,
                profile.invoice_series,
                today,
                seed,
            )
            invoices += written.invoices
            payments += written.payments
            progress((n + 1) / len(plans))
        del kept
    finish_story(book, plans, roles, today)
    progress(1.0)
    return DemoSummary(customers=customers, invoices=invoices, payments=payments)
