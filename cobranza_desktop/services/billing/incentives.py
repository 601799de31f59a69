"""Incentives agreed in the contract: early-payment discount and punctuality reward.

A discount is booked as a payment of method ``discount`` (a bonificación) allocated to
the invoice it discounts, plus an :class:`IncentiveGrant` row that says why. So the
invoice is settled, balances, statements and ``cobranza check`` stay exact, and the
discount shows as its own line. Voiding a grant reverses that payment (never deletes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.allocation import Allocation as AllocationInput
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.incentives import (
    EarlyPaymentTerms,
    PunctualityReward,
    SettledInvoice,
    early_payment_discount,
    on_time_streak,
    punctuality_discount,
)
from cobranza_desktop.domain.invoices import InvoiceKind, Lifecycle, invoice_number
from cobranza_desktop.domain.money import ZERO, from_cents, to_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.settings import read_setting, write_setting
from cobranza_desktop.services.billing.invoices import get_invoice
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.receivables.discount_grants import void_grant
from cobranza_desktop.services.receivables.payments import PaymentInput, get_payment, record_payment
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Allocation, Invoice, Payment
from cobranza_desktop.storage.models.penalties import IncentiveGrant

EARLY_PAYMENT_KEY = "incentives.early_payment"
PUNCTUALITY_KEY = "incentives.punctuality"
# When each rule was last set: `cobranza check` only holds the book to a rule from then on.
EARLY_PAYMENT_SINCE_KEY = "incentives.early_payment.since"
PUNCTUALITY_SINCE_KEY = "incentives.punctuality.since"


class IncentiveKind(StrEnum):
    EARLY_PAYMENT = "early_payment"
    PUNCTUALITY = "punctuality"

    def label(self) -> str:
        return {
            IncentiveKind.EARLY_PAYMENT: _("Descuento por pronto pago"),
            IncentiveKind.PUNCTUALITY: _("Premio por puntualidad"),
        }[self]


@dataclass(frozen=True)
class IncentiveView:
    id: int
    customer_id: int
    invoice_id: int
    invoice_number: str
    kind: IncentiveKind
    granted_on: date
    amount: Decimal
    applied: Decimal  # the part applied to the invoice; the rest is the customer's credit
    discount_payment_id: int | None
    description: str
    voided_at: datetime | None
    void_reason: str


def _view(session: Session, grant: IncentiveGrant) -> IncentiveView:
    invoice = get_invoice(session, grant.invoice_id)
    applied = 0
    if grant.discount_payment_id is not None and grant.voided_at is None:
        discount_payment = get_payment(session, grant.discount_payment_id)
        applied = discount_payment.allocated_cents
    return IncentiveView(
        id=grant.id,
        customer_id=grant.customer_id,
        invoice_id=grant.invoice_id,
        invoice_number=invoice_number(invoice.series, invoice.folio),
        kind=IncentiveKind(grant.kind),
        granted_on=grant.granted_on,
        amount=from_cents(grant.amount_cents),
        applied=from_cents(applied),
        discount_payment_id=grant.discount_payment_id,
        description=grant.description,
        voided_at=grant.voided_at,
        void_reason=grant.void_reason,
    )


def _book_discount(
    session: Session,
    *,
    invoice: Invoice,
    kind: IncentiveKind,
    cents: int,
    on: date,
    description: str,
    now: datetime,
    trigger_payment_id: int | None = None,
) -> IncentiveGrant:
    """A discount payment applied to ``invoice`` (what it still owes; the rest is credit)."""
    number = invoice_number(invoice.series, invoice.folio)
    applied = min(cents, invoice.total_cents - invoice.paid_cents)
    payment = record_payment(
        session,
        PaymentInput(
            customer_id=invoice.customer_id,
            amount=from_cents(cents),
            payment_date=on,
            method=PaymentMethod.DISCOUNT,
            reference=number,
            notes=description,
            allocations=(AllocationInput(invoice.id, from_cents(applied)),) if applied > 0 else (),
        ),
        now,
    )
    grant = IncentiveGrant(
        customer_id=invoice.customer_id,
        invoice_id=invoice.id,
        kind=kind.value,
        granted_on=on,
        amount_cents=cents,
        trigger_payment_id=trigger_payment_id,
        discount_payment_id=payment.id,
        description=description,
        created_at=now,
    )
    session.add(grant)
    session.flush()
    return grant


def _has_grant(session: Session, invoice_id: int, kind: IncentiveKind) -> bool:
    """Whether the invoice ever had this discount, void or not: one grant per invoice and
    kind. A discount voided because its payment bounced is not granted again."""
    return (
        session.scalar(
            select(IncentiveGrant.id).where(
                IncentiveGrant.invoice_id == invoice_id, IncentiveGrant.kind == kind.value
            )
        )
        is not None
    )


def load_early_payment_terms(session: Session) -> EarlyPaymentTerms | None:
    data = read_setting(session, EARLY_PAYMENT_KEY)
    return None if data is None else EarlyPaymentTerms.from_dict(data)


def load_punctuality_rule(session: Session) -> PunctualityReward | None:
    data = read_setting(session, PUNCTUALITY_KEY)
    if data is None:
        return None
    return PunctualityReward(int(data["after_on_time"]), Decimal(data["discount_percent"]))


def rule_since(session: Session, key: str) -> datetime | None:
    """When a rule was set (``*_SINCE_KEY``), or ``None`` for books older than the stamp."""
    raw = read_setting(session, key)
    return datetime.fromisoformat(raw) if isinstance(raw, str) else None


def grant_early_payment_discounts(
    session: Session, payment: Payment, now: datetime
) -> list[IncentiveView]:
    """Book the early-payment discounts ``payment`` earned, in the caller's transaction.

    For each invoice the payment went to: if it arrived within the discount window and,
    with the discount, settles the invoice, the discount is booked. Running it again
    grants nothing more (one grant per invoice and kind).
    """
    terms = load_early_payment_terms(session)
    if terms is None:
        return []
    if payment.reversed_at is not None or payment.method == PaymentMethod.DISCOUNT.value:
        return []
    session.flush()
    per_invoice: dict[int, int] = {}
    for allocation in payment.allocations:
        if allocation.active:
            per_invoice[allocation.invoice_id] = (
                per_invoice.get(allocation.invoice_id, 0) + allocation.amount_cents
            )
    granted: list[IncentiveView] = []
    for invoice_id, cents in sorted(per_invoice.items()):
        invoice = get_invoice(session, invoice_id)
        if invoice.kind != InvoiceKind.INVOICE.value or _has_grant(
            session, invoice_id, IncentiveKind.EARLY_PAYMENT
        ):
            continue
        outstanding_before = invoice.total_cents - invoice.paid_cents + cents
        discount = early_payment_discount(
            terms,
            from_cents(invoice.total_cents),
            from_cents(outstanding_before),
            invoice.issue_date,
            payment.payment_date,
            from_cents(cents),
        )
        if discount <= 0:
            continue
        pct = terms.discount_percent
        grant = _book_discount(
            session,
            invoice=invoice,
            kind=IncentiveKind.EARLY_PAYMENT,
            cents=to_cents(discount),
            on=payment.payment_date,
            description=_("Descuento por pronto pago ({pct} % a {within_days} días)").format(
                pct=pct, within_days=terms.within_days
            ),
            now=now,
            trigger_payment_id=payment.id,
        )
        granted.append(_view(session, grant))
    return granted


def grant_punctuality_reward(
    session: Session, invoice: Invoice, today: date, now: datetime
) -> IncentiveView | None:
    """Discount a new invoice when its customer earned the punctuality reward, in the
    caller's transaction. ``None`` (and nothing written) when no rule or no reward is due."""
    rule = load_punctuality_rule(session)
    if rule is None:
        return None
    if invoice.lifecycle != Lifecycle.ISSUED.value or invoice.kind != InvoiceKind.INVOICE.value:
        raise ConflictError(_("Solo se descuentan facturas emitidas."))
    if _has_grant(session, invoice.id, IncentiveKind.PUNCTUALITY):
        return None
    # Only the past earns it: invoices settled by payments made by the day this one was
    # issued (a backdated invoice is not rewarded by payments that came after it).
    history = [
        s
        for s in settled_since_last_reward(session, invoice.customer_id, exclude=invoice.id)
        if s.paid_on <= invoice.issue_date
    ]
    discount = punctuality_discount(rule, history, from_cents(invoice.total_cents))
    if discount <= ZERO:
        return None
    grant = _book_discount(
        session,
        invoice=invoice,
        kind=IncentiveKind.PUNCTUALITY,
        cents=to_cents(discount),
        on=min(invoice.issue_date, today),  # dated with the invoice (today, if issued ahead)
        description=_(
            "Premio por puntualidad: {discount_percent} % tras {after_on_time} pagos puntuales"
        ).format(discount_percent=rule.discount_percent, after_on_time=rule.after_on_time),
        now=now,
    )
    return _view(session, grant)


def settled_since_last_reward(
    session: Session, customer_id: int, *, exclude: int | None = None
) -> list[SettledInvoice]:
    """The customer's invoices (but ``exclude``) fully paid since the last (live)
    punctuality reward."""
    last_reward = session.scalar(
        select(func.max(IncentiveGrant.granted_on)).where(
            IncentiveGrant.customer_id == customer_id,
            IncentiveGrant.kind == IncentiveKind.PUNCTUALITY.value,
            IncentiveGrant.voided_at.is_(None),
        )
    )
    rows = session.execute(
        select(Invoice.due_date, func.max(Payment.payment_date))
        .join(Allocation, Allocation.invoice_id == Invoice.id)
        .join(Payment, Payment.id == Allocation.payment_id)
        .where(
            Invoice.customer_id == customer_id,
            Invoice.kind == InvoiceKind.INVOICE.value,
            Invoice.lifecycle == Lifecycle.ISSUED.value,
            Invoice.paid_cents >= Invoice.total_cents,
            Allocation.active.is_(True),
            Payment.reversed_at.is_(None),
            Invoice.id != (exclude if exclude is not None else -1),
        )
        .group_by(Invoice.id)
    )
    settled = [SettledInvoice(due, paid_on) for due, paid_on in rows]
    if last_reward is not None:
        settled = [s for s in settled if s.paid_on > last_reward]
    return settled


class IncentiveService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    # -- configuration -------------------------------------------------------------------------

    def early_payment_terms(self) -> EarlyPaymentTerms | None:
        with self._book.session() as session:
            return load_early_payment_terms(session)

    def set_early_payment_terms(self, terms: EarlyPaymentTerms | None) -> None:
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            write_setting(session, EARLY_PAYMENT_KEY, None if terms is None else terms.to_dict())
            write_setting(session, EARLY_PAYMENT_SINCE_KEY, self._clock.now().isoformat())

    def punctuality_rule(self) -> PunctualityReward | None:
        with self._book.session() as session:
            return load_punctuality_rule(session)

    def set_punctuality_rule(self, rule: PunctualityReward | None) -> None:
        value = (
            None
            if rule is None
            else {
                "after_on_time": rule.after_on_time,
                "discount_percent": str(rule.discount_percent),
            }
        )
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            write_setting(session, PUNCTUALITY_KEY, value)
            write_setting(session, PUNCTUALITY_SINCE_KEY, self._clock.now().isoformat())

    # -- granting (each its own transaction; use cases compose the session-level functions) --

    def on_payment(self, payment_id: int) -> list[IncentiveView]:
        """Grant the early-payment discounts a recorded payment earned (idempotent)."""
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            payment = get_payment(session, payment_id)
            return grant_early_payment_discounts(session, payment, self._clock.now())

    def on_time_streak(self, customer_id: int) -> int:
        """On-time payments in a row since the last punctuality reward."""
        with self._book.session() as session:
            get_customer(session, customer_id)
            return on_time_streak(settled_since_last_reward(session, customer_id))

    def grant_punctuality_reward(self, invoice_id: int) -> IncentiveView | None:
        """Discount an issued invoice when its customer earned the punctuality reward."""
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            invoice = get_invoice(session, invoice_id)
            return grant_punctuality_reward(
                session, invoice, self._clock.today(), self._clock.now()
            )

    # -- corrections and reading -----------------------------------------------------------------

    def void(self, grant_id: int, reason: str) -> IncentiveView:
        """Void a discount: its payment is reversed with the reason; the invoice owes again."""
        if not reason.strip():
            raise ValidationError(
                "reason",
                _("Escriba el motivo de la cancelación."),
            )
        now = self._clock.now()
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            grant = session.get(IncentiveGrant, grant_id)
            if grant is None:
                raise NotFoundError(
                    _("No existe el descuento {grant_id}.").format(grant_id=grant_id)
                )
            if grant.voided_at is not None:
                raise ConflictError(_("El descuento ya fue cancelado."))
            void_grant(session, grant, reason.strip(), now)
            session.flush()
            return _view(session, grant)

    def grants(self, customer_id: int) -> list[IncentiveView]:
        with self._book.session() as session:
            get_customer(session, customer_id)
            rows = session.scalars(
                select(IncentiveGrant)
                .where(IncentiveGrant.customer_id == customer_id)
                .order_by(IncentiveGrant.granted_on.desc(), IncentiveGrant.id.desc())
            )
            return [_view(session, g) for g in rows]
