"""What the demo's story is made of: the kinds of payer, the parts a few customers play,
and each customer's plan (invoices and payments decided before anything is written)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import LineInput
from cobranza_desktop.domain.payments import PaymentMethod


class Payer(StrEnum):
    PUNCTUAL = "punctual"
    OCCASIONAL = "occasional"  # on time, now and then a couple of weeks late: rated B
    CHRONIC_LATE = "chronic_late"
    PARTIAL = "partial"
    DISPUTE = "dispute"
    NEVER = "never"


PAYER_MIX = [
    (Payer.PUNCTUAL, 33),
    (Payer.OCCASIONAL, 22),
    (Payer.CHRONIC_LATE, 20),
    (Payer.PARTIAL, 10),
    (Payer.DISPUTE, 8),
    (Payer.NEVER, 7),
]


class Role(StrEnum):
    """A part in the story that only a few customers play."""

    RESTRICTED = "restricted"
    AGENCY = "agency"
    SUSPENDED = "suspended"  # suspended when far behind, active again once paid
    PLAN = "plan"


@dataclass(frozen=True)
class PlannedPayment:
    day: date
    amount: Decimal
    method: PaymentMethod
    reference: str


@dataclass
class PlannedInvoice:
    issue: date
    due: date
    lines: tuple[LineInput, ...]
    payments: list[PlannedPayment]
    folio: int = 0
    dispute: tuple[date, date | None] | None = None  # opened, settled


@dataclass
class CustomerPlan:
    index: int
    person: CustomerData
    payer: Payer
    invoices: list[PlannedInvoice] = field(default_factory=list)
    customer_id: int = 0  # once written
