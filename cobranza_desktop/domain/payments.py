"""Payment methods and payment validation."""

from __future__ import annotations

from enum import StrEnum

from cobranza_desktop.domain.i18n import _


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
            PaymentMethod.CASH: _("Efectivo"),
            PaymentMethod.TRANSFER: _("Transferencia"),
            PaymentMethod.CARD: _("Tarjeta"),
            PaymentMethod.CHECK: _("Cheque"),
            PaymentMethod.BARTER: _("Intercambio"),
            PaymentMethod.DISCOUNT: _("Bonificación"),
        }[self]
