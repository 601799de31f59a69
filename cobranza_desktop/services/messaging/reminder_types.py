"""The plain records of sending reminders: what the agenda hands over, what the
composer logs, what a day's sending reports. No I/O here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from cobranza_desktop.services.messaging.outbox import OutboxView, natural_key_of


@dataclass(frozen=True)
class DueReminder:
    """One agenda action of the day, as the sender needs it."""

    customer_id: int
    stage: str  # the ladder stage code, e.g. "firm_reminder"
    template: str  # the template id (or anything template_for() resolves)
    channel: str  # "email", "whatsapp", "phone", "letter", "visit"
    invoice_ids: tuple[int, ...]
    action_keys: tuple[str, ...]  # the agenda's natural keys, e.g. "7|firm_reminder|invoice:3@…"
    penalty_amount: Decimal | None = None
    new_instalment_amount: Decimal | None = None


class AgendaHooks(Protocol):
    def due_reminders(self, day: date) -> Sequence[DueReminder]: ...

    def contact_violations(self, customer_id: int, moment: datetime) -> Sequence[str]: ...

    def record_sent(self, reminder: DueReminder, message: OutboxView) -> None: ...


class NoAgenda:
    """Until the collections agenda is connected there is nothing to send."""

    connected = False

    def due_reminders(self, day: date) -> Sequence[DueReminder]:
        return ()

    def contact_violations(self, customer_id: int, moment: datetime) -> Sequence[str]:
        return ()

    def record_sent(self, reminder: DueReminder, message: OutboxView) -> None:
        return None


@dataclass(frozen=True)
class ContactRecord:
    """A contact made from the composer, for the collections contact log.

    ``outcome`` is one of the contact log's outcomes for calls ("contacted",
    "no_answer", "promise", "dispute", "refused"), or what happened to a message:
    "sent" / "queued" (email, delivered or waiting in the outbox), "prepared"
    (WhatsApp opened with the text), "printed" (letter).
    """

    customer_id: int
    channel: str  # "email", "whatsapp", "phone", "letter"
    outcome: str
    stage: str
    invoice_ids: tuple[int, ...] = ()
    subject: str = ""
    body: str = ""
    promise_amount: Decimal | None = None
    promise_date: date | None = None
    reason: str = ""  # a NonPaymentReason value; required for "dispute" and "refused"
    notes: str = ""
    override_reason: str = ""
    outbox_id: int | None = None


@dataclass(frozen=True)
class RecipientView:
    customer_id: int
    name: str
    contact_name: str
    email: str
    phone: str
    whatsapp: str
    preferred_channel: str


@dataclass(frozen=True)
class InvoiceChoice:
    """An open invoice the composer offers."""

    id: int
    number: str
    issue_date: date
    due_date: date
    total: Decimal
    balance: Decimal
    days_past_due: int

    @property
    def overdue(self) -> bool:
        return self.days_past_due > 0


class SendOutcome(StrEnum):
    """What sending the day's reminders did with one reminder."""

    SENT = "sent"
    FAILED = "failed"  # not sent now; it stays in the outbox
    ALREADY_SENT = "already_sent"
    SKIPPED = "skipped"  # not queued: the reason is in the detail
    WOULD_SEND = "would_send"  # a dry run
    # Not sent, and not retried automatically: the server refused it, or it may
    # have arrived. A person decides from the Messages page.
    NEEDS_PERSON = "needs_person"


@dataclass(frozen=True)
class SendLine:
    customer_id: int
    customer: str
    stage: str
    to: str
    outcome: SendOutcome
    detail: str = ""


@dataclass(frozen=True)
class SendDayReport:
    day: date
    dry_run: bool
    lines: tuple[SendLine, ...] = ()
    retried: tuple[int, ...] = ()
    agenda_connected: bool = True
    counts: Mapping[SendOutcome, int] = field(default_factory=dict)


def reminder_key(reminder: DueReminder) -> str:
    """The outbox key of an agenda reminder: the agenda's own keys, so never twice."""
    keys = sorted(reminder.action_keys) or [f"{reminder.customer_id}|{reminder.stage}"]
    return natural_key_of("agenda", reminder.channel, *keys)
