"""Customers: create, edit, read, and the paged, searchable customer list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.customers import (
    Channel,
    CustomerData,
    CustomerListFilter,
    validate_customer,
)
from cobranza_desktop.domain.errors import NotFoundError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import from_cents, to_cents
from cobranza_desktop.domain.text import search_key
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.versions import Edited, check_version
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer
from cobranza_desktop.storage.queries.balances import customer_balance
from cobranza_desktop.storage.queries.customer_list import (
    CustomerListRow,
    CustomerListTotals,
    customer_page,
    customer_totals,
)


@dataclass(frozen=True)
class CustomerView:
    id: int
    name: str
    rfc: str
    contact_name: str
    email: str
    phone: str
    whatsapp: str
    address: str
    payment_terms_days: int | None
    credit_limit: Decimal | None
    preferred_channel: Channel
    notes: str
    status: str
    created_at: datetime
    version: int = 0  # what an edit sends back (optimistic concurrency)

    def data(self) -> CustomerData:
        """The editable part, e.g. to prefill an edit form."""
        return CustomerData(
            name=self.name,
            rfc=self.rfc,
            contact_name=self.contact_name,
            email=self.email,
            phone=self.phone,
            whatsapp=self.whatsapp,
            address=self.address,
            payment_terms_days=self.payment_terms_days,
            credit_limit=self.credit_limit,
            preferred_channel=self.preferred_channel,
            notes=self.notes,
        )


@dataclass(frozen=True)
class CustomerBalanceView:
    customer_id: int
    open_amount: Decimal  # what open invoices still owe
    credit: Decimal  # money received and not yet applied
    balance: Decimal  # open_amount - credit
    overdue: Decimal
    days_past_due: int  # of the oldest overdue invoice; 0 when nothing is overdue


@dataclass(frozen=True)
class CustomerListItem:
    id: int
    name: str
    phone: str
    rfc: str
    email: str
    status: str
    balance: Decimal
    overdue: Decimal
    days_past_due: int


@dataclass(frozen=True)
class CustomerListSummary:
    count: int
    balance: Decimal
    overdue: Decimal


def list_item(row: CustomerListRow) -> CustomerListItem:
    return CustomerListItem(
        row.customer_id,
        row.name,
        row.phone,
        row.rfc,
        row.email,
        row.status,
        from_cents(row.balance_cents),
        from_cents(row.overdue_cents),
        row.days_past_due,
    )


def list_summary(totals: CustomerListTotals) -> CustomerListSummary:
    return CustomerListSummary(
        totals.count, from_cents(totals.balance_cents), from_cents(totals.overdue_cents)
    )


def customer_view(customer: Customer) -> CustomerView:
    return CustomerView(
        id=customer.id,
        name=customer.name,
        rfc=customer.rfc,
        contact_name=customer.contact_name,
        email=customer.email,
        phone=customer.phone,
        whatsapp=customer.whatsapp,
        address=customer.address,
        payment_terms_days=customer.payment_terms_days,
        credit_limit=None
        if customer.credit_limit_cents is None
        else from_cents(customer.credit_limit_cents),
        preferred_channel=Channel(customer.preferred_channel),
        notes=customer.notes,
        status=customer.status,
        created_at=customer.created_at,
        version=customer.version,
    )


def get_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError(
            _("No existe el cliente {customer_id}.").format(customer_id=customer_id)
        )
    return customer


def balance_view(session: Session, customer_id: int, day: date) -> CustomerBalanceView:
    """The customer's balance on ``day``, read in ``session``."""
    get_customer(session, customer_id)
    row = customer_balance(session, customer_id, day)
    return CustomerBalanceView(
        customer_id=customer_id,
        open_amount=from_cents(row.open_cents),
        credit=from_cents(row.credit_cents),
        balance=from_cents(row.balance_cents),
        overdue=from_cents(row.overdue_cents),
        days_past_due=(day - row.oldest_overdue_due_date).days
        if row.oldest_overdue_due_date
        else 0,
    )


def _apply(customer: Customer, data: CustomerData) -> None:
    customer.name = data.name
    customer.name_key = search_key(data.name)
    customer.rfc = data.rfc
    customer.contact_name = data.contact_name
    customer.email = data.email
    customer.phone = data.phone
    customer.whatsapp = data.whatsapp
    customer.address = data.address
    customer.payment_terms_days = data.payment_terms_days
    customer.credit_limit_cents = None if data.credit_limit is None else to_cents(data.credit_limit)
    customer.preferred_channel = data.preferred_channel.value
    customer.notes = data.notes


def add_customer(session: Session, data: CustomerData, now: datetime) -> Customer:
    clean = validate_customer(data)
    customer = Customer(created_at=now, status="active")
    _apply(customer, clean)
    session.add(customer)
    session.flush()
    return customer


class CustomerService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def create(self, data: CustomerData) -> CustomerView:
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            return customer_view(add_customer(session, data, self._clock.now()))

    def update(
        self, customer_id: int, data: CustomerData, expected_version: int | None = None
    ) -> CustomerView:
        """Save a customer's data; refused if it changed since ``expected_version``."""
        clean = validate_customer(data)
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            customer = get_customer(session, customer_id)
            check_version(customer.version, expected_version, Edited.CUSTOMER)
            _apply(customer, clean)
            session.flush()  # the view carries the new version
            return customer_view(customer)

    def get(self, customer_id: int) -> CustomerView:
        with self._book.session() as session:
            return customer_view(get_customer(session, customer_id))

    def balance(self, customer_id: int, today: date | None = None) -> CustomerBalanceView:
        day = check_date(today or self._clock.today(), "today")
        with self._book.session() as session:
            return balance_view(session, customer_id, day)

    def list_page(
        self,
        filters: CustomerListFilter | None = None,
        *,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
    ) -> list[CustomerListItem]:
        with self._book.session() as session:
            rows = customer_page(
                session,
                self._clock.today(),
                filters or CustomerListFilter(),
                sort,
                descending,
                offset,
                limit,
            )
        return [list_item(r) for r in rows]

    def list_summary(self, filters: CustomerListFilter | None = None) -> CustomerListSummary:
        with self._book.session() as session:
            totals = customer_totals(session, self._clock.today(), filters or CustomerListFilter())
        return list_summary(totals)
