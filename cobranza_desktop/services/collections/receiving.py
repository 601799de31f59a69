"""Receiving a payment, the way the owner means it: the money, plus what it earns.

One transaction: the payment, the pending discounts on the next payment it settles, and
the early-payment discount it earns. A stop halfway writes nothing, so the customer never
keeps a payment whose earned discount was lost (``cobranza check`` would say so).
"""

from __future__ import annotations

from dataclasses import dataclass

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.billing.incentives import (
    IncentiveView,
    grant_early_payment_discounts,
)
from cobranza_desktop.services.collections.tools import record_payment_with_discount
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentView, payment_view
from cobranza_desktop.storage.database import Book


@dataclass(frozen=True)
class ReceivedPayment:
    payment: PaymentView
    discounts: tuple[PaymentView, ...]  # pending next-payment discounts it settled
    incentives: tuple[IncentiveView, ...]  # early-payment discounts it earned


class ReceivingService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def receive(self, data: PaymentInput) -> ReceivedPayment:
        now = self._clock.now()
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            payment, *discounts = record_payment_with_discount(session, data, now)
            earned = grant_early_payment_discounts(session, payment, now)
            session.flush()
            return ReceivedPayment(
                payment_view(payment),
                tuple(payment_view(d) for d in discounts),
                tuple(earned),
            )
