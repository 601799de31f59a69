"""Limiting the service of those who fall behind: the technician's list, and reconnection.

A restricted or suspended customer's services are on the list to cut; once they owe
nothing overdue, they are on the list to reconnect. Reconnecting lifts the suspension
and, when the subscription says so, books its reconnection fee as a charge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.customer_status import is_restricted
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.invoices import LineInput, format_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.billing.issuing import issue_on_credit
from cobranza_desktop.services.billing.prepayments import apply_customer_credit
from cobranza_desktop.services.billing.subscriptions import get_subscription
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.customers.restrictions import change_status
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer
from cobranza_desktop.storage.models.subscriptions import Subscription
from cobranza_desktop.storage.queries.balances import customer_balance


@dataclass(frozen=True)
class ServiceTask:
    subscription_id: int
    customer_id: int
    customer_name: str
    description: str
    status: CustomerStatus
    overdue: Decimal  # net of the customer's credit


@dataclass(frozen=True)
class TechnicianList:
    """What Today shows the technician: services to cut, and services to reconnect."""

    day: date
    to_cut: tuple[ServiceTask, ...]
    to_reconnect: tuple[ServiceTask, ...]


@dataclass(frozen=True)
class Reconnection:
    customer_id: int
    fee_invoice_number: str  # empty when there is no fee
    fee: Decimal


class ServiceCutService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def technician_list(self, day: date | None = None) -> TechnicianList:
        day = day or self._clock.today()
        restricted = [s.value for s in CustomerStatus if is_restricted(s)]
        to_cut: list[ServiceTask] = []
        to_reconnect: list[ServiceTask] = []
        with self._book.session() as session:
            rows = session.execute(
                select(Subscription, Customer)
                .join(Customer, Customer.id == Subscription.customer_id)
                .where(Subscription.status == "active", Customer.status.in_(restricted))
                .order_by(Customer.name_key, Subscription.id)
            )
            for sub, customer in rows:
                balance = customer_balance(session, customer.id, day)
                overdue = max(0, balance.overdue_cents - balance.credit_cents)
                task = ServiceTask(
                    sub.id,
                    customer.id,
                    customer.name,
                    sub.description,
                    CustomerStatus(customer.status),
                    from_cents(overdue),
                )
                (to_reconnect if overdue == 0 else to_cut).append(task)
        return TechnicianList(day, tuple(to_cut), tuple(to_reconnect))

    def reconnect(self, subscription_id: int, reason: str) -> Reconnection:
        """Lift the customer's suspension; book the subscription's reconnection fee if any."""
        now = self._clock.now()
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            sub = get_subscription(session, subscription_id)
            customer = get_customer(session, sub.customer_id)
            if not is_restricted(CustomerStatus(customer.status)):
                raise ConflictError(gettext("El cliente no está suspendido."))
            change_status(
                session, customer, CustomerStatus.ACTIVE, reason, self._clock.today(), now
            )
            if not sub.reconnection_fee:
                return Reconnection(customer.id, "", Decimal("0.00"))
            draft = InvoiceDraft(
                customer_id=customer.id,
                lines=(
                    LineInput(
                        gettext("Cargo por reconexión") + f": {sub.description}",
                        Decimal(1),
                        sub.reconnection_fee,
                        Decimal(0),
                        sub.tax_rate_percent,
                    ),
                ),
                issue_date=self._clock.today(),
            )
            invoice, _ = issue_on_credit(session, draft, now)
            if sub.auto_apply_credit:
                apply_customer_credit(session, customer.id, now)
            return Reconnection(
                customer.id,
                format_number(invoice.series, invoice.folio or 0),
                from_cents(invoice.total_cents),
            )
