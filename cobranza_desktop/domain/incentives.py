"""Rewards agreed in the contract: early payment, punctuality, paying months in advance.

Pure arithmetic, rounded once to the cent, half up. See ``docs/penalties.md``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import (
    ZERO,
    parse_amount,
    parse_decimal,
    round_money,
    split_evenly,
)

_HUNDRED = Decimal(100)
_TERMS_PATTERN = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*/\s*(\d+)\s*,?\s*(?:n|net|neto)\s*/?\s*(\d+)\s*$", re.IGNORECASE
)


def _discount_percent(value: Decimal | str | int, name: str) -> Decimal:
    return parse_decimal(value, name, minimum=Decimal(0), maximum=_HUNDRED, max_places=4)


# -- early payment ("2/10 net 30") -------------------------------------------------------------


@dataclass(frozen=True)
class EarlyPaymentTerms:
    """``discount_percent`` off if paid within ``within_days`` of issue; due at ``net_days``."""

    discount_percent: Decimal
    within_days: int
    net_days: int

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "discount_percent", _discount_percent(self.discount_percent, "discount_percent")
        )
        if self.within_days < 0 or self.net_days < 0 or self.within_days > self.net_days:
            raise ValidationError(
                "within_days",
                _("El plazo del descuento debe estar entre 0 y el plazo neto."),
            )

    @classmethod
    def parse(cls, text: str) -> EarlyPaymentTerms:
        """``"2/10 net 30"``, ``"2/10 n/30"`` or ``"2/10 neto 30"``."""
        match = _TERMS_PATTERN.match(text)
        if not match:
            raise ValidationError(
                "terms",
                _("«{text}» no es un término válido. Escríbalo así: 2/10 neto 30").format(
                    text=text
                ),
            )
        return cls(Decimal(match.group(1)), int(match.group(2)), int(match.group(3)))

    def last_discount_day(self, issue_date: date) -> date:
        return issue_date + timedelta(days=self.within_days)

    def to_dict(self) -> dict[str, Any]:
        return {
            "discount_percent": str(self.discount_percent),
            "within_days": self.within_days,
            "net_days": self.net_days,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EarlyPaymentTerms:
        return cls(
            Decimal(str(data["discount_percent"])), int(data["within_days"]), int(data["net_days"])
        )


def early_payment_discount(
    terms: EarlyPaymentTerms,
    invoice_total: Decimal,
    outstanding: Decimal,
    issue_date: date,
    payment_date: date,
    payment_amount: Decimal,
) -> Decimal:
    """The discount earned by a payment, or zero.

    Earned when the payment arrives on or before issue date + ``within_days`` and, with the
    discount, settles the invoice: ``payment + discount >= outstanding``. The discount is
    ``discount_percent`` of the invoice total, rounded once, never more than what is
    outstanding.
    """
    if payment_date < issue_date or payment_date > terms.last_discount_day(issue_date):
        return ZERO
    if outstanding <= 0:
        return ZERO
    discount = min(round_money(invoice_total * terms.discount_percent / _HUNDRED), outstanding)
    if payment_amount + discount < outstanding:
        return ZERO
    return discount


# -- reward for punctual customers -------------------------------------------------------------


@dataclass(frozen=True)
class PunctualityReward:
    """After ``after_on_time`` on-time payments in a row, a discount on the next invoice."""

    after_on_time: int
    discount_percent: Decimal

    def __post_init__(self) -> None:
        if self.after_on_time < 1:
            raise ValidationError(
                "after_on_time",
                _("Debe ser al menos un pago puntual."),
            )
        object.__setattr__(
            self, "discount_percent", _discount_percent(self.discount_percent, "discount_percent")
        )


@dataclass(frozen=True)
class SettledInvoice:
    """An invoice's due date and the day it was fully paid."""

    due_date: date
    paid_on: date

    @property
    def on_time(self) -> bool:
        return self.paid_on <= self.due_date


def on_time_streak(history: Sequence[SettledInvoice]) -> int:
    """On-time payments in a row, counting back from the latest due date."""
    streak = 0
    for settled in sorted(history, key=lambda s: s.due_date, reverse=True):
        if not settled.on_time:
            break
        streak += 1
    return streak


def punctuality_discount(
    rule: PunctualityReward,
    history_since_last_reward: Sequence[SettledInvoice],
    next_invoice_total: Decimal,
) -> Decimal:
    """The discount on the next invoice, or zero.

    Only the invoices settled since the last reward count, so one streak earns one reward.
    """
    if on_time_streak(history_since_last_reward) < rule.after_on_time:
        return ZERO
    return round_money(next_invoice_total * rule.discount_percent / _HUNDRED)


# -- paying a semester or a year in advance ----------------------------------------------------


class PrepaymentKind(StrEnum):
    DISCOUNT = "discount"
    FREE_MONTHS = "free_months"


@dataclass(frozen=True)
class PrepaymentOffer:
    """For monthly-billed customers: pay ``months`` in advance, get a discount or free months."""

    months: int
    kind: PrepaymentKind
    discount_percent: Decimal = Decimal(0)
    free_months: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", PrepaymentKind(self.kind))
        if self.months not in (6, 12):
            raise ValidationError(
                "months",
                _("El pago adelantado es de 6 o 12 meses."),
            )
        object.__setattr__(
            self, "discount_percent", _discount_percent(self.discount_percent, "discount_percent")
        )
        if self.kind is PrepaymentKind.FREE_MONTHS and not 1 <= self.free_months < self.months:
            raise ValidationError(
                "free_months",
                _("Los meses gratis van de 1 al total de meses menos uno."),
            )


@dataclass(frozen=True)
class PrepaymentQuote:
    months: int
    monthly_fee: Decimal
    gross: Decimal
    discount: Decimal
    total: Decimal
    # How the total is booked month by month (adds up to the cent).
    per_month: tuple[Decimal, ...]


def prepayment_quote(offer: PrepaymentOffer, monthly_fee: Decimal) -> PrepaymentQuote:
    """What the customer pays for ``offer.months`` months in advance.

    Discount: ``gross × discount%``, rounded once. Free months: ``free_months × fee``.
    """
    fee = parse_amount(monthly_fee, "monthly_fee")
    gross = fee * offer.months
    if offer.kind is PrepaymentKind.DISCOUNT:
        discount = round_money(gross * offer.discount_percent / _HUNDRED)
    else:
        discount = fee * offer.free_months
    total = gross - discount
    return PrepaymentQuote(
        months=offer.months,
        monthly_fee=fee,
        gross=gross,
        discount=discount,
        total=total,
        per_month=tuple(split_evenly(total, offer.months)),
    )
