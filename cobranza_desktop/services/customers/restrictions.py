"""Restriction of service, the credit check before invoicing, and the risk rating."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.customer_status import (
    allows_credit,
    parse_status,
    validate_transition,
)
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import InvoiceKind, Lifecycle
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.risk import (
    Rating,
    assess,
    exceeds_credit_limit,
    suggested_credit_limit,
)
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.agenda_data import histories
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer, Invoice
from cobranza_desktop.storage.models.collections import StatusTransition
from cobranza_desktop.storage.queries.agenda import chunks
from cobranza_desktop.storage.queries.balances import customer_balance

MONTHS_FOR_AVERAGE = 6


@dataclass(frozen=True)
class StatusChangeView:
    id: int
    customer_id: int
    from_status: CustomerStatus
    to_status: CustomerStatus
    effective_date: date
    reason: str
    restricted_services: str


@dataclass(frozen=True)
class CreditCheck:
    """What issuing a new invoice on credit means for this customer."""

    customer_id: int
    status: CustomerStatus
    balance: Decimal
    credit_limit: Decimal | None
    blocked: bool  # needs an explicit override to issue on credit
    over_limit: bool  # a warning, not a block
    messages: tuple[str, ...]


@dataclass(frozen=True)
class RiskView:
    customer_id: int
    rating: Rating
    rating_label: str
    points: int
    average_days_late: Decimal
    late_share: Decimal
    broken_promises: int
    disputes: int
    invoices_considered: int
    average_monthly_purchases: Decimal
    suggested_credit_limit: Decimal
    credit_limit: Decimal | None
    # No history: the rating is a placeholder and no limit is suggested (issue 15).
    has_history: bool = True


def change_status(
    session: Session,
    customer: Customer,
    target: CustomerStatus,
    reason: str,
    day: date,
    now: datetime,
    restricted_services: str = "",
) -> StatusTransition:
    """Move a customer to ``target`` and record the transition, in the caller's transaction."""
    current = CustomerStatus(customer.status)
    validate_transition(current, target, reason, restricted_services)
    row = StatusTransition(
        customer_id=customer.id,
        from_status=current.value,
        to_status=target.value,
        effective_date=day,
        reason=reason.strip(),
        restricted_services=restricted_services.strip(),
        created_at=now,
    )
    customer.status = target.value
    session.add(row)
    session.flush()
    return row


def _view(row: StatusTransition) -> StatusChangeView:
    return StatusChangeView(
        row.id,
        row.customer_id,
        CustomerStatus(row.from_status),
        CustomerStatus(row.to_status),
        row.effective_date,
        row.reason,
        row.restricted_services,
    )


def credit_check(
    session: Session, customer_id: int, amount: Decimal, override_reason: str | None = None
) -> CreditCheck:
    """Raise unless the customer may get ``amount`` more on credit (or the override says why).

    Blocked customers (and beyond) need an explicit override with a reason. Going beyond
    the credit limit only warns.
    """
    customer = get_customer(session, customer_id)
    status = CustomerStatus(customer.status)
    balance = from_cents(customer_balance(session, customer_id).open_cents)
    limit = None if customer.credit_limit_cents is None else from_cents(customer.credit_limit_cents)
    blocked = not allows_credit(status)
    over = exceeds_credit_limit(balance, amount, limit)
    messages: list[str] = []
    if blocked:
        messages.append(
            _("El cliente está «{label}»: no se le da crédito nuevo.").format(label=status.label())
        )
    if over and limit is not None:
        messages.append(
            _(
                "Con esta factura el saldo ({balance}) rebasa el límite de crédito ({limit})."
            ).format(balance=format_money(balance + amount), limit=format_money(limit))
        )
    if blocked and not (override_reason and override_reason.strip()):
        raise ValidationError(
            "override_reason",
            messages[0] + _(" Para emitir a crédito de todos modos, escriba el motivo."),
        )
    return CreditCheck(customer_id, status, balance, limit, blocked, over, tuple(messages))


def monthly_purchases_of(
    session: Session, customer_ids: Sequence[int], today: date
) -> dict[int, Decimal]:
    """Each customer's average monthly credit purchases over the last months, in one
    grouped query per chunk (a page of the customer list asks for sixty at once)."""
    since = today - timedelta(days=30 * MONTHS_FOR_AVERAGE)
    cents: dict[int, int] = dict.fromkeys(customer_ids, 0)
    for chunk in chunks(list(customer_ids)):
        rows = session.execute(
            select(Invoice.customer_id, func.sum(Invoice.total_cents))
            .where(
                Invoice.customer_id.in_(chunk),
                Invoice.lifecycle == Lifecycle.ISSUED.value,
                Invoice.kind == InvoiceKind.INVOICE.value,
                Invoice.issue_date > since,
                Invoice.issue_date <= today,
            )
            .group_by(Invoice.customer_id)
        )
        cents.update((int(cid), int(total or 0)) for cid, total in rows)
    return {
        cid: (from_cents(total) / MONTHS_FOR_AVERAGE).quantize(Decimal("0.01"))
        for cid, total in cents.items()
    }


class RestrictionService:
    """Customer states, with their history, and the credit check the invoice service calls."""

    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def change(
        self,
        customer_id: int,
        target: CustomerStatus | str,
        reason: str,
        restricted_services: str = "",
    ) -> StatusChangeView:
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            customer = get_customer(session, customer_id)
            row = change_status(
                session,
                customer,
                parse_status(str(target)),
                reason,
                self._clock.today(),
                self._clock.now(),
                restricted_services,
            )
            return _view(row)

    def history(self, customer_id: int) -> list[StatusChangeView]:
        with self._book.session() as session:
            rows = session.scalars(
                select(StatusTransition)
                .where(StatusTransition.customer_id == customer_id)
                .order_by(StatusTransition.id)
            )
            return [_view(r) for r in rows]

    def check_credit(
        self, customer_id: int, amount: Decimal, override_reason: str | None = None
    ) -> CreditCheck:
        with self._book.session() as session:
            return credit_check(session, customer_id, amount, override_reason)


def credit_limits(session: Session, customer_ids: Sequence[int]) -> dict[int, int | None]:
    """Each customer's credit limit in cents (None: no limit); an unknown id is an error,
    as ``get_customer`` reports it."""
    found: dict[int, int | None] = {}
    for chunk in chunks(list(customer_ids)):
        rows = session.execute(
            select(Customer.id, Customer.credit_limit_cents).where(Customer.id.in_(chunk))
        )
        found.update((int(cid), limit) for cid, limit in rows)
    for cid in customer_ids:
        if cid not in found:
            get_customer(session, cid)  # raises its NotFoundError
    return found


def risk_views(session: Session, customer_ids: list[int], today: date) -> dict[int, RiskView]:
    """The risk rating of each customer, in the caller's session: the one place the view is
    made (the risk service and the customer file alike)."""
    result: dict[int, RiskView] = {}
    found = histories(session, customer_ids, today)
    limits = credit_limits(session, customer_ids)
    purchases = monthly_purchases_of(session, customer_ids, today)
    for cid in customer_ids:
        h = found[cid]
        profile = assess(h.records, h.broken_promises, h.disputes, today)
        monthly = purchases[cid]
        limit = limits[cid]
        result[cid] = RiskView(
            customer_id=cid,
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
            credit_limit=None if limit is None else from_cents(limit),
        )
    return result


class RiskService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def profile(self, customer_id: int) -> RiskView:
        return self.profiles([customer_id])[customer_id]

    def profiles(self, customer_ids: list[int]) -> dict[int, RiskView]:
        """Ratings for a page of the customer list (one query set for the whole page)."""
        with self._book.session() as session:
            return risk_views(session, customer_ids, self._clock.today())
