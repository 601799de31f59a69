"""Receiving a payment, the way the owner means it: the money, plus what it earns.

A payment is recorded together with any pending discount on the next payment (one
transaction), then the early-payment discount it earns is granted. That grant is
idempotent, so if the program stops in between, running it again settles it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.penalties.incentives import IncentiveService, IncentiveView
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentView
from cobranza_desktop.storage.database import Book


@dataclass(frozen=True)
class ReceivedPayment:
    payment: PaymentView
    discounts: tuple[PaymentView, ...]  # pending next-payment discounts it settled
    incentives: tuple[IncentiveView, ...]  # early-payment discounts it earned


class ReceivingService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._tools = CollectionToolsService(book, clock)
        self._incentives = IncentiveService(book, clock)

    def receive(self, data: PaymentInput) -> ReceivedPayment:
        payment, *discounts = self._tools.record_payment_with_discount(data)
        earned = self._incentives.on_payment(payment.id)
        return ReceivedPayment(payment, tuple(discounts), tuple(earned))
