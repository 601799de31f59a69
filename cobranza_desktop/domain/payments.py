"""Payment methods and payment validation."""

from __future__ import annotations

from enum import StrEnum

from cobranza_desktop.domain.i18n import tr


class PaymentMethod(StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"
    CARD = "card"
    CHECK = "check"
    BARTER = "barter"
    # A discount granted (bonificación), e.g. for early payment: not money received.
    DISCOUNT = "discount"

    def label(self) -> str:
        return {
            PaymentMethod.CASH: tr("Efectivo", "Cash"),
            PaymentMethod.TRANSFER: tr("Transferencia", "Transfer"),
            PaymentMethod.CARD: tr("Tarjeta", "Card"),
            PaymentMethod.CHECK: tr("Cheque", "Check"),
            PaymentMethod.BARTER: tr("Intercambio", "Barter"),
            PaymentMethod.DISCOUNT: tr("Bonificación", "Discount"),
        }[self]
