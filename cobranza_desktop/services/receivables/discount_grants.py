"""Voiding a granted discount, in the caller's transaction.

A discount (early payment, punctuality) is booked as a payment of method "discount"
linked to a grant. Voiding it reverses that payment with the reason, so the invoice
owes again, and keeps the grant, marked void.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.services.receivables import allocations
from cobranza_desktop.storage.models import Payment
from cobranza_desktop.storage.models.penalties import IncentiveGrant


def void_grant(session: Session, grant: IncentiveGrant, reason: str, now: datetime) -> None:
    if grant.voided_at is not None:
        return
    if grant.discount_payment_id is not None:
        payment = session.get(Payment, grant.discount_payment_id)
        if payment is not None and payment.reversed_at is None:
            allocations.undo_allocations_of_payment(session, payment, now, reason)
            payment.reversed_at = now
            payment.reverse_reason = reason
    grant.voided_at = now
    grant.void_reason = reason


def void_grants_of_invoice(session: Session, invoice_id: int, reason: str, now: datetime) -> None:
    """The discounts granted on an invoice that is being voided."""
    for grant in session.scalars(
        select(IncentiveGrant).where(
            IncentiveGrant.invoice_id == invoice_id, IncentiveGrant.voided_at.is_(None)
        )
    ):
        void_grant(session, grant, reason, now)


def void_grants_earned_by(session: Session, payment_id: int, reason: str, now: datetime) -> None:
    """The discounts a payment earned, when that payment is reversed (a bounced check)."""
    for grant in session.scalars(
        select(IncentiveGrant).where(
            IncentiveGrant.trigger_payment_id == payment_id, IncentiveGrant.voided_at.is_(None)
        )
    ):
        void_grant(session, grant, reason, now)
