"""Subscriptions: enter a customer's recurring service once, change its price, pause it,
cancel it, and preview its next periods. The billing run (billing_run.py) bills them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import _, pgettext
from cobranza_desktop.domain.money import parse_amount, round_money
from cobranza_desktop.domain.subscriptions import (
    BillingPeriod,
    Pause,
    PriceChange,
    Schedule,
    monthly_recurring,
    next_periods,
    parse_period,
)
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.versions import Edited, check_version
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.subscriptions import (
    Subscription,
    SubscriptionPause,
    SubscriptionPeriod,
    SubscriptionPrepayment,
    SubscriptionPriceChange,
)
from cobranza_desktop.storage.queries.subscriptions import (
    last_period_starts,
    subscriptions_for_list,
)

WHILE_SUSPENDED = ("bill", "stop")


@dataclass(frozen=True)
class SubscriptionInput:
    """What a person (or an imported row) fills in for a new subscription."""

    customer_id: int
    description: str
    price: Decimal | str
    period: BillingPeriod | str
    billing_day: int
    start_date: date
    end_date: date | None = None
    tax_rate_percent: Decimal | str = Decimal(16)
    discount_percent: Decimal | str = Decimal(0)
    payment_terms_days: int | None = None
    prorate: bool = False
    while_suspended: str = "bill"  # or "stop": no invoices while the customer is suspended
    auto_apply_credit: bool = True
    reconnection_fee: Decimal | str | None = None


@dataclass(frozen=True)
class PeriodPreview:
    start: date
    end: date
    billing_date: date
    total: Decimal  # tax included
    paused: bool
    prorated: bool


@dataclass(frozen=True)
class SubscriptionView:
    id: int
    customer_id: int
    description: str
    price: Decimal  # the price in force today
    period: BillingPeriod
    billing_day: int
    tax_rate_percent: Decimal
    discount_percent: Decimal
    payment_terms_days: int | None
    start_date: date
    end_date: date | None
    prorate: bool
    while_suspended: str
    auto_apply_credit: bool
    reconnection_fee: Decimal | None
    status: str  # "active" or "cancelled"
    cancelled_on: date | None
    cancel_reason: str
    monthly_recurring: Decimal  # tax included, per month
    price_changes: tuple[PriceChange, ...]
    pauses: tuple[Pause, ...]
    last_period_start: date | None  # the latest period the billing run has dealt with
    version: int = 0  # what an edit sends back (optimistic concurrency)


def _percent(value: Decimal | str, field: str) -> Decimal:
    return parse_amount(value, field, allow_zero=True)


def schedule_of(sub: Subscription) -> Schedule:
    return Schedule(
        price=sub.price,
        period=BillingPeriod(sub.period),
        billing_day=sub.billing_day,
        start=sub.start_date,
        end=sub.end_date,
        prorate=sub.prorate,
        tax_rate_percent=sub.tax_rate_percent,
        discount_percent=sub.discount_percent,
        price_changes=tuple(PriceChange(c.effective_from, c.price) for c in sub.price_changes),
        pauses=tuple(Pause(p.start, p.end) for p in sub.pauses),
    )


def schedule_from_input(data: SubscriptionInput) -> Schedule:
    """Validate a subscription's figures into a schedule (nothing written)."""
    period = data.period if isinstance(data.period, BillingPeriod) else parse_period(data.period)
    if data.end_date is not None:
        check_date(data.end_date, "end_date")
    return Schedule(
        price=parse_amount(data.price, "price"),
        period=period,
        billing_day=data.billing_day,
        start=check_date(data.start_date, "start_date"),
        end=data.end_date,
        prorate=data.prorate,
        tax_rate_percent=_percent(data.tax_rate_percent, "tax_rate"),
        discount_percent=_percent(data.discount_percent, "discount"),
    )


def preview_rows(schedule: Schedule, after: date | None, count: int) -> tuple[PeriodPreview, ...]:
    return tuple(
        PeriodPreview(c.start, c.end, c.billing_date, c.total(schedule), c.paused, c.prorated)
        for c in next_periods(schedule, after, count)
    )


def get_subscription(session: Session, subscription_id: int) -> Subscription:
    sub = session.get(Subscription, subscription_id)
    if sub is None:
        raise NotFoundError(
            _("No existe la suscripción {subscription_id}.").format(subscription_id=subscription_id)
        )
    return sub


def _last_start(session: Session, subscription_id: int) -> date | None:
    return session.scalars(
        select(SubscriptionPeriod.period_start)
        .where(SubscriptionPeriod.subscription_id == subscription_id)
        .order_by(SubscriptionPeriod.period_start.desc())
        .limit(1)
    ).first()


_UNKNOWN = date.min  # "not read yet": subscription_view reads the cursor itself


def subscription_view(
    session: Session, sub: Subscription, today: date, last_start: date | None = _UNKNOWN
) -> SubscriptionView:
    """The frozen view; ``last_start`` when the caller read the cursors for many at once."""
    schedule = schedule_of(sub)
    return SubscriptionView(
        id=sub.id,
        customer_id=sub.customer_id,
        description=sub.description,
        price=schedule.price_on(today),
        period=schedule.period,
        billing_day=sub.billing_day,
        tax_rate_percent=sub.tax_rate_percent,
        discount_percent=sub.discount_percent,
        payment_terms_days=sub.payment_terms_days,
        start_date=sub.start_date,
        end_date=sub.end_date,
        prorate=sub.prorate,
        while_suspended=sub.while_suspended,
        auto_apply_credit=sub.auto_apply_credit,
        reconnection_fee=sub.reconnection_fee,
        status=sub.status,
        cancelled_on=sub.cancelled_on,
        cancel_reason=sub.cancel_reason,
        monthly_recurring=monthly_recurring(schedule, today)
        if sub.status == "active"
        else Decimal("0.00"),
        price_changes=schedule.price_changes,
        pauses=schedule.pauses,
        last_period_start=_last_start(session, sub.id) if last_start is _UNKNOWN else last_start,
        version=sub.version,
    )


def add_subscription(session: Session, data: SubscriptionInput, clock: Clock) -> Subscription:
    """Validate and add a subscription in the caller's transaction (imports use this too)."""
    get_customer(session, data.customer_id)
    schedule = schedule_from_input(data)
    description = data.description.strip()
    if not description:
        raise ValidationError(
            "description",
            _("Escriba la descripción del servicio."),
        )
    if data.while_suspended not in WHILE_SUSPENDED:
        raise ValidationError(
            "while_suspended",
            _("Elija «bill» o «stop» para la suspensión."),
        )
    if data.payment_terms_days is not None and not 0 <= data.payment_terms_days <= 365:
        raise ValidationError(
            "payment_terms_days",
            _("El plazo va de 0 a 365 días."),
        )
    fee = None
    if data.reconnection_fee not in (None, ""):
        assert data.reconnection_fee is not None
        fee = parse_amount(data.reconnection_fee, "reconnection_fee")
    sub = Subscription(
        customer_id=data.customer_id,
        description=description,
        price=schedule.price,
        tax_rate_percent=schedule.tax_rate_percent,
        discount_percent=schedule.discount_percent,
        period=schedule.period.value,
        billing_day=schedule.billing_day,
        payment_terms_days=data.payment_terms_days,
        start_date=schedule.start,
        end_date=schedule.end,
        prorate=schedule.prorate,
        while_suspended=data.while_suspended,
        auto_apply_credit=data.auto_apply_credit,
        reconnection_fee=fee,
        status="active",
        created_at=clock.now(),
    )
    session.add(sub)
    session.flush()
    return sub


class SubscriptionService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def create(self, data: SubscriptionInput) -> SubscriptionView:
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            sub = add_subscription(session, data, self._clock)
            return subscription_view(session, sub, self._clock.today())

    def get(self, subscription_id: int) -> SubscriptionView:
        with self._book.session() as session:
            return subscription_view(
                session, get_subscription(session, subscription_id), self._clock.today()
            )

    def list(self, customer_id: int | None = None) -> tuple[SubscriptionView, ...]:
        with self._book.session() as session:
            today = self._clock.today()
            cursors = last_period_starts(session, customer_id)
            return tuple(
                subscription_view(session, s, today, cursors.get(s.id))
                for s in subscriptions_for_list(session, customer_id)
            )

    def preview(self, subscription_id: int, count: int = 12) -> tuple[PeriodPreview, ...]:
        """The next ``count`` periods not yet dealt with by the billing run."""
        with self._book.session() as session:
            sub = get_subscription(session, subscription_id)
            return preview_rows(schedule_of(sub), _last_start(session, sub.id), count)

    def preview_input(self, data: SubscriptionInput, count: int = 12) -> tuple[PeriodPreview, ...]:
        """The live preview of a subscription being typed (nothing is written)."""
        return preview_rows(schedule_from_input(data), None, count)

    def change_price(
        self,
        subscription_id: int,
        effective_from: date,
        price: Decimal | str,
        expected_version: int | None = None,
    ) -> SubscriptionView:
        """A new price from a date on: periods starting from then. Issued invoices keep theirs."""
        amount = parse_amount(price, "price")
        check_date(effective_from, "effective_from")
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            sub = self._active(session, subscription_id, expected_version)
            last = _last_start(session, sub.id)
            if last is not None and effective_from <= last:
                raise ConflictError(
                    _(
                        "El periodo del {last} ya se facturó: el nuevo precio debe empezar después."
                    ).format(last=last.isoformat())
                )
            existing = {c.effective_from: c for c in sub.price_changes}
            if effective_from in existing:
                existing[effective_from].price = amount
            else:
                sub.price_changes.append(
                    SubscriptionPriceChange(
                        effective_from=effective_from, price=amount, created_at=self._clock.now()
                    )
                )
            session.flush()
            return subscription_view(session, sub, self._clock.today())

    def pause(
        self,
        subscription_id: int,
        start: date,
        end: date,
        reason: str = "",
        expected_version: int | None = None,
    ) -> SubscriptionView:
        """Periods starting from ``start`` to ``end`` are shown as paused, not billed."""
        Pause(check_date(start, "start"), check_date(end, "end"))
        if end < start:
            raise ValidationError("end", _("La pausa termina antes de empezar."))
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            sub = self._active(session, subscription_id, expected_version)
            sub.pauses.append(
                SubscriptionPause(
                    start=start, end=end, reason=reason.strip(), created_at=self._clock.now()
                )
            )
            session.flush()
            return subscription_view(session, sub, self._clock.today())

    def cancel(
        self, subscription_id: int, on: date, reason: str, expected_version: int | None = None
    ) -> SubscriptionView:
        """Stop billing after ``on`` (the last day of service). Issued invoices stay."""
        if not reason.strip():
            raise ValidationError(
                "reason",
                pgettext("services.billing.subscriptions", "Escriba el motivo de la cancelación."),
            )
        check_date(on, "on")
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            sub = self._active(session, subscription_id, expected_version)
            if on < sub.start_date - timedelta(days=1):
                raise ValidationError(
                    "on",
                    _("La cancelación no puede ser anterior al inicio."),
                )
            sub.status = "cancelled"
            sub.cancelled_on = on
            sub.cancel_reason = reason.strip()
            sub.end_date = on if sub.end_date is None else min(sub.end_date, on)
            end_prepayments(session, sub, self._clock.today(), reason.strip())
            session.flush()
            return subscription_view(session, sub, self._clock.today())

    def monthly_recurring_total(self) -> Decimal:
        """Monthly recurring revenue of the active subscriptions, tax included."""
        return round_money(sum((v.monthly_recurring for v in self.list()), Decimal(0)))

    def _active(
        self, session: Session, subscription_id: int, expected_version: int | None
    ) -> Subscription:
        """The active subscription about to change: checked against the version the
        edit was made on, and marked changed so that its version moves with any edit
        (a price change or a pause is a row of its own)."""
        sub = get_subscription(session, subscription_id)
        check_version(sub.version, expected_version, Edited.SUBSCRIPTION)
        if sub.status != "active":
            raise ConflictError(_("La suscripción está cancelada."))
        flag_modified(sub, "status")
        return sub


def end_prepayments(session: Session, sub: Subscription, today: date, reason: str) -> None:
    """End a subscription's prepayments: their unused money becomes the customer's credit."""
    for row in session.scalars(
        select(SubscriptionPrepayment).where(
            SubscriptionPrepayment.subscription_id == sub.id,
            SubscriptionPrepayment.status == "active",
        )
    ):
        row.status = "ended"
        row.ended_on = today
        row.end_reason = reason
