"""The agenda's vocabulary: action keys and subjects, the plain data a customer's case is
made of, and the items and agenda the rules in :mod:`cobranza_desktop.domain.agenda` produce."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from cobranza_desktop.domain.contact_policy import Channel, Violation
from cobranza_desktop.domain.customer_status import (
    CustomerStatus,
)
from cobranza_desktop.domain.i18n import N_
from cobranza_desktop.domain.ladder import (
    Stage,
    Track,
)

BROKEN_PROMISE = "broken_promise"
LIFT_RESTRICTION = "lift_restriction"
FOLLOW_UP = "follow_up"

INSTALMENT_STAGES: tuple[Stage, ...] = (
    Stage(
        "instalment_reminder", -3, Channel.WHATSAPP, "instalment_reminder",
        "Recordatorio de pago del convenio", "Payment plan instalment reminder",
    ),
    Stage(
        "instalment_overdue", 1, Channel.PHONE, "instalment_overdue",
        "Pago del convenio vencido", "Payment plan instalment overdue",
        mentions_penalty=True,
    ),
)  # fmt: skip

_SPECIAL_LABELS = {
    BROKEN_PROMISE: N_("Promesa incumplida: llamar"),
    LIFT_RESTRICTION: N_("Al corriente: levantar la restricción y agradecer"),
    FOLLOW_UP: N_("Seguimiento acordado"),
}


# The records built per open invoice (tens of thousands on a big book) are named
# tuples: made, hashed and compared in C, a fraction of a frozen dataclass's cost.


class ActionKey(NamedTuple):
    customer_id: int
    stage: str
    subject: str

    def __str__(self) -> str:
        return f"{self.customer_id}|{self.stage}|{self.subject}"


def invoice_subject(invoice_id: int, due_date: date) -> str:
    """An invoice with its due date: an extension gives the invoice a fresh ladder."""
    return f"invoice:{invoice_id}@{due_date.isoformat()}"


def receipt_subject(invoice_id: int) -> str:
    """Receipt is confirmed once per invoice, whatever its due date."""
    return f"invoice:{invoice_id}"


def instalment_subject(plan_id: int, number: int) -> str:
    return f"plan:{plan_id}#{number}"


def promise_subject(promise_id: int) -> str:
    return f"promise:{promise_id}"


def status_subject(transition_id: int) -> str:
    return f"status:{transition_id}"


def broken_plan_subject(plan_id: int) -> str:
    return f"plan:{plan_id}"


def follow_up_subject(contact_id: int) -> str:
    return f"contact:{contact_id}"


class LadderInvoice(NamedTuple):
    invoice_id: int
    folio: str
    due_date: date
    outstanding: Decimal


class ReceiptCheck(NamedTuple):
    """A recently issued open invoice whose receipt the customer has not confirmed."""

    invoice_id: int
    folio: str
    issue_date: date
    outstanding: Decimal


@dataclass(frozen=True)
class DueInstalment:
    plan_id: int
    number: int
    due_date: date
    remaining: Decimal


@dataclass(frozen=True)
class BrokenPromise:
    """A promise to pay, or a payment plan, that was not kept."""

    promise_id: int
    amount: Decimal
    promised_date: date
    is_plan: bool = False

    @property
    def subject(self) -> str:
        if self.is_plan:
            return broken_plan_subject(self.promise_id)
        return promise_subject(self.promise_id)


@dataclass(frozen=True)
class FollowUp:
    """A next action date written in the contact log."""

    contact_id: int
    day: date


# One empty set shared by the cases with nothing paused (most of them), not one each.
NO_INVOICE_IDS: frozenset[int] = frozenset()


@dataclass(frozen=True)
class CustomerCase:
    """What the agenda needs to know about one customer."""

    customer_id: int
    name: str
    status: CustomerStatus = CustomerStatus.ACTIVE
    track: Track = Track.STANDARD
    invoices: tuple[LadderInvoice, ...] = ()  # open, not in a current plan
    instalments: tuple[DueInstalment, ...] = ()  # unpaid, of current plans
    broken_promises: tuple[BrokenPromise, ...] = ()
    pending_promise_date: date | None = None  # a promise not yet due pauses the ladder
    status_transition_id: int | None = None  # the change that set the current status
    contact_days: tuple[date, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    acted_today: bool = False  # an action was already done or skipped today: one a day
    receipts: tuple[ReceiptCheck, ...] = ()  # invoices whose receipt is to be confirmed
    # Invoices flagged "details wrong": their ladder waits until corrected or replaced.
    paused_invoice_ids: frozenset[int] = NO_INVOICE_IDS


@dataclass(frozen=True)
class AgendaItem:
    customer_id: int
    customer: str
    stage: str
    stage_label: str
    channel: Channel
    template: str
    amount_due: Decimal
    days_past_due: int
    reason: str
    keys: tuple[ActionKey, ...]
    broken_promise: bool = False
    mentions_penalty: bool = False
    applies_penalty: bool = False
    sets_status: CustomerStatus | None = None
    invoice_ids: tuple[int, ...] = ()
    deferred_by: tuple[Violation, ...] = ()

    @property
    def priority(self) -> tuple[int, Decimal, Decimal, str, int]:
        weight = self.amount_due * max(self.days_past_due, 0)
        return (
            0 if self.broken_promise else 1,
            -weight,
            -self.amount_due,
            self.customer,
            self.customer_id,
        )

    def to_json(self) -> dict[str, object]:
        return {
            "customer_id": self.customer_id,
            "customer": self.customer,
            "stage": self.stage,
            "channel": self.channel.value,
            "amount_due": str(self.amount_due),
            "days_past_due": self.days_past_due,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Agenda:
    day: date
    items: tuple[AgendaItem, ...]
    deferred: tuple[AgendaItem, ...] = field(default=())
