"""The customer file as one read model: everything the file shows, read in ONE session.

The window's customer file used to ask seven services one after the other (seven
sessions, seven snapshots that could disagree after a write in between). Here one use
case reads the customer, the balance cards, the invoices, the payments, the contact
timeline, the status history, the risk rating and the penalties (terms, figures and
charges) in a single session and returns one frozen view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.penalties import resolve_policy
from cobranza_desktop.domain.risk import assess, suggested_credit_limit
from cobranza_desktop.services.base.agenda_data import effective_due_dates, histories
from cobranza_desktop.services.base.corrections_log import CorrectionView, customer_corrections
from cobranza_desktop.services.billing.invoices import InvoiceView, invoice_view
from cobranza_desktop.services.collections.contacts import ContactView, contact_timeline
from cobranza_desktop.services.customers.records import (
    CustomerBalanceView,
    CustomerView,
    customer_view,
    get_customer,
)
from cobranza_desktop.services.customers.restrictions import (
    RiskView,
    StatusChangeView,
    average_monthly_purchases,
)
from cobranza_desktop.services.penalties.charges import ChargeView, list_charges
from cobranza_desktop.services.penalties.engine import CustomerPenaltySummary
from cobranza_desktop.services.penalties.policies import (
    load_business_policy,
    load_customer_policies,
)
from cobranza_desktop.services.penalties.proposals import propose_charges
from cobranza_desktop.services.receivables.payments import PaymentView, payment_view
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Allocation, Customer, Invoice, Payment
from cobranza_desktop.storage.models.collections import StatusTransition
from cobranza_desktop.storage.queries.balances import customer_balance


@dataclass(frozen=True)
class CustomerFileView:
    """What the customer file shows, as of ``as_of``."""

    as_of: date
    customer: CustomerView
    balance: CustomerBalanceView
    invoices: tuple[InvoiceView, ...]  # newest first
    payments: tuple[PaymentView, ...]  # newest first
    timeline: tuple[ContactView, ...]  # contacts, newest first, voided ones left out
    status_history: tuple[StatusChangeView, ...]  # oldest first
    risk: RiskView
    penalties: CustomerPenaltySummary
    penalty_charges: tuple[ChargeView, ...]  # newest first, waived ones included
    corrections: tuple[CorrectionView, ...] = ()  # newest first: who corrected what, and why

    @property
    def status(self) -> CustomerStatus:
        return CustomerStatus(self.customer.status)


class CustomerFileService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def customer_file(self, customer_id: int) -> CustomerFileView:
        """The whole file of one customer; NotFoundError when there is no such customer."""
        today = self._clock.today()
        with self._book.session() as session:
            return read_customer_file(session, customer_id, today)


def read_customer_file(session: Session, customer_id: int, today: date) -> CustomerFileView:
    customer = get_customer(session, customer_id)
    charges = list_charges(session, customer_id=customer_id)
    return CustomerFileView(
        as_of=today,
        customer=customer_view(customer),
        balance=_balance(session, customer_id, today),
        invoices=_invoices(session, customer_id, today),
        payments=_payments(session, customer_id),
        timeline=_timeline(session, customer_id),
        status_history=_status_history(session, customer_id),
        risk=_risk(session, customer, today),
        penalties=_penalties(session, customer_id, today, charges),
        penalty_charges=tuple(charges),
        corrections=tuple(customer_corrections(session, customer_id)),
    )


def _balance(session: Session, customer_id: int, today: date) -> CustomerBalanceView:
    # Same figures as CustomerService.balance: one storage query is the source of truth.
    row = customer_balance(session, customer_id, today)
    oldest = row.oldest_overdue_due_date
    return CustomerBalanceView(
        customer_id=customer_id,
        open_amount=from_cents(row.open_cents),
        credit=from_cents(row.credit_cents),
        balance=from_cents(row.balance_cents),
        overdue=from_cents(row.overdue_cents),
        days_past_due=(today - oldest).days if oldest else 0,
    )


def _invoices(session: Session, customer_id: int, today: date) -> tuple[InvoiceView, ...]:
    query = (
        select(Invoice)
        .where(Invoice.customer_id == customer_id)
        .options(selectinload(Invoice.lines), selectinload(Invoice.customer))
        .order_by(Invoice.issue_date.desc(), Invoice.id.desc())
    )
    invoices = list(session.scalars(query))
    extended = effective_due_dates(session, [i.id for i in invoices])
    return tuple(invoice_view(i, today, extended_to=extended.get(i.id)) for i in invoices)


def _payments(session: Session, customer_id: int) -> tuple[PaymentView, ...]:
    query = (
        select(Payment)
        .where(Payment.customer_id == customer_id)
        # The invoices' numbers and the customer with the payments: without them, each
        # allocation loaded its invoice by itself (1,500 reads for a big customer).
        .options(
            selectinload(Payment.allocations)
            .selectinload(Allocation.invoice)
            .load_only(Invoice.series, Invoice.folio),
            selectinload(Payment.customer).load_only(Customer.name),
        )
        .order_by(Payment.payment_date.desc(), Payment.id.desc())
    )
    return tuple(payment_view(payment) for payment in session.scalars(query))


def _timeline(session: Session, customer_id: int) -> tuple[ContactView, ...]:
    # The contact service's own reading (with each contact's author): one place.
    return tuple(contact_timeline(session, customer_id))


def _status_history(session: Session, customer_id: int) -> tuple[StatusChangeView, ...]:
    rows = session.scalars(
        select(StatusTransition)
        .where(StatusTransition.customer_id == customer_id)
        .order_by(StatusTransition.id)
    )
    return tuple(
        StatusChangeView(
            row.id,
            row.customer_id,
            CustomerStatus(row.from_status),
            CustomerStatus(row.to_status),
            row.effective_date,
            row.reason,
            row.restricted_services,
        )
        for row in rows
    )


def _penalties(
    session: Session, customer_id: int, today: date, made: list[ChargeView]
) -> CustomerPenaltySummary:
    # The same figures as PenaltyService.customer_summary, from the same session-level pieces.
    own = load_customer_policies(session, customer_id).get(customer_id)
    pending = sum(
        (p.amount for p in propose_charges(session, today, customer_id=customer_id)), ZERO
    )
    return CustomerPenaltySummary(
        customer_id=customer_id,
        as_of=today,
        policy=resolve_policy(load_business_policy(session), own),
        own_policy=own is not None,
        charged=sum((c.amount for c in made if not c.waived), ZERO),
        charged_open=sum((c.balance for c in made), ZERO),
        waived=sum((c.amount for c in made if c.waived), ZERO),
        pending=pending,
    )


def _risk(session: Session, customer: Customer, today: date) -> RiskView:
    history = histories(session, [customer.id], today)[customer.id]
    profile = assess(history.records, history.broken_promises, history.disputes, today)
    monthly = average_monthly_purchases(session, customer.id, today)
    return RiskView(
        customer_id=customer.id,
        rating=profile.rating,
        rating_label=profile.label(),
        has_history=profile.has_history,
        points=profile.points,
        average_days_late=profile.average_days_late,
        late_share=profile.late_share,
        broken_promises=profile.broken_promises,
        disputes=profile.disputes,
        invoices_considered=profile.invoices_considered,
        average_monthly_purchases=monthly,
        suggested_credit_limit=suggested_credit_limit(profile.rating, monthly)
        if monthly > 0 and profile.has_history
        else ZERO,
        credit_limit=None
        if customer.credit_limit_cents is None
        else from_cents(customer.credit_limit_cents),
    )
