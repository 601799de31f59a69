"""The collections side of messaging: the agenda hooks over the collections agenda
and contact log, and the data side of the reminder composer."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date, datetime

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.agenda import AgendaItem
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_policy import Outcome
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.formatting import format_datetime
from cobranza_desktop.domain.i18n import N_, _
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.messaging.email import Attachment
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.collections.agenda import (
    completion_contact,
    day_agenda,
    log_action,
)
from cobranza_desktop.services.collections.contacts import (
    ContactInput,
    contact_timeline,
    log_contact,
    overridden_violations,
)
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.messaging.outbox import EmailDraft, OutboxService, OutboxView
from cobranza_desktop.services.messaging.reminder_types import (
    ContactRecord,
    DueReminder,
    reminder_key,
)
from cobranza_desktop.storage.database import Book

# What a message's delivery means in the contact log, whose outcomes are about people.
_DELIVERY_NOTES: dict[str, str] = {
    "sent": N_("Correo enviado"),
    "queued": N_("Correo en la bandeja de salida"),
    "prepared": N_("Mensaje de WhatsApp preparado"),
    "printed": N_("Carta impresa"),
}


def contact_input(record: ContactRecord) -> ContactInput:
    """The contact log entry of a composer contact."""
    outcome = record.outcome
    notes = record.notes
    if outcome in _DELIVERY_NOTES:
        what = _(_DELIVERY_NOTES[outcome]) + (f": {record.subject}" if record.subject else "")
        notes = f"{what}. {notes}".strip() if notes else what
        outcome = Outcome.CONTACTED.value
    return ContactInput(
        customer_id=record.customer_id,
        channel=record.channel,
        outcome=outcome,
        reason=record.reason or None,
        notes=notes,
        override_reason=record.override_reason or None,
        promise_amount=record.promise_amount,
        promise_date=record.promise_date,
    )


def complete(book: Book, clock: Clock, item: AgendaItem, notes: str, contact: ContactInput) -> None:
    """Mark the agenda action ``item`` done with its contact, in one transaction."""
    with book.transaction() as session:
        require(session, Permission.COLLECT)
        log_action(session, item, "done", notes, contact, clock.today(), clock.now())


class CollectionsAgenda:
    """:class:`AgendaHooks` over the collections agenda and contact log."""

    connected = True

    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock
        self._items: dict[str, AgendaItem] = {}

    def due_reminders(self, day: date) -> Sequence[DueReminder]:
        """The day's actions within the contact policy (the deferred ones are left out)."""
        reminders: list[DueReminder] = []
        with self._book.session() as session:
            agenda = day_agenda(session, check_date(day, "day"))
        for item in agenda.items:
            reminder = DueReminder(
                customer_id=item.customer_id,
                stage=item.stage,
                template=item.template,
                channel=str(item.channel),
                invoice_ids=tuple(item.invoice_ids),
                action_keys=tuple(str(k) for k in item.keys),
            )
            self._items[reminder_key(reminder)] = item
            reminders.append(reminder)
        return reminders

    def contact_violations(self, customer_id: int, moment: datetime) -> Sequence[str]:
        with self._book.session() as session:
            violations = overridden_violations(session, customer_id, moment)
        return [v.label() for v in violations]

    def record_sent(self, reminder: DueReminder, message: OutboxView) -> None:
        """Mark the agenda action done with its contact; a second call changes nothing."""
        item = self._items.get(reminder_key(reminder))
        if item is None:
            return
        notes = _("Correo enviado: {subject}").format(subject=message.subject)
        contact = completion_contact(item, Outcome.CONTACTED, channel="email", notes=notes)
        with contextlib.suppress(ConflictError):  # already logged
            complete(self._book, self._clock, item, notes, contact)


class ComposerBackend:
    """The data side of the composer's hooks: log, last contacts, warnings, send.

    ``log_contact(record, item)`` completes the agenda action ``item`` when the
    composer was opened from Today, otherwise it writes a plain contact.
    """

    def __init__(
        self,
        book: Book,
        clock: Clock,
        outbox: OutboxService,
        documents: DocumentService | None = None,
    ) -> None:
        self._book = book
        self._clock = clock
        self._outbox = outbox
        self._documents = documents

    def attachments(self, customer_id: int) -> dict[str, Callable[[Sequence[int]], Attachment]]:
        """The PDFs the composer offers to attach: statement and penalty notice."""
        documents = self._documents
        if documents is None:
            return {}
        stamp = self._clock.today().isoformat()

        def statement(_ids: Sequence[int]) -> Attachment:
            return Attachment(f"estado-de-cuenta-{stamp}.pdf", documents.statement_pdf(customer_id))

        def notice(_ids: Sequence[int]) -> Attachment:
            return Attachment(f"aviso-de-recargos-{stamp}.pdf", documents.notice_pdf(customer_id))

        return {
            _("Estado de cuenta"): statement,
            _("Aviso de recargos"): notice,
        }

    def log_contact(self, record: ContactRecord, item: AgendaItem | None = None) -> None:
        if record.channel == "email" and record.outcome == "queued" and record.outbox_id:
            # Not sent yet, so not a contact: the outbox logs it (and completes the
            # agenda action) when the message is sent.
            self._outbox.log_when_sent(
                record.outbox_id,
                [str(k) for k in item.keys] if item is not None else (),
                notes=record.notes,
                override_reason=record.override_reason,
            )
            return
        data = contact_input(record)
        if item is None:
            with self._book.transaction() as session:
                require(session, Permission.COLLECT)
                log_contact(session, data, self._clock.now())
            return
        contact = completion_contact(
            item,
            data.outcome,
            reason=data.reason,
            notes=data.notes,
            channel=data.channel,
            override_reason=data.override_reason,
            promise_amount=str(data.promise_amount) if data.promise_amount is not None else None,
            promise_date=data.promise_date,
        )
        complete(self._book, self._clock, item, data.notes, contact)

    def last_contacts(self, customer_id: int, limit: int = 8) -> list[str]:
        lines = []
        with self._book.session() as session:
            views = contact_timeline(session, customer_id)
        for view in views[:limit]:
            parts = [format_datetime(view.contacted_at), view.channel.label(), view.outcome.label()]
            if view.reason is not None:
                parts.append(view.reason.label())
            if view.notes:
                parts.append(view.notes)
            lines.append(" · ".join(parts))
        return lines

    def contact_warnings(self, customer_id: int) -> list[str]:
        with self._book.session() as session:
            violations = overridden_violations(session, customer_id, self._clock.now())
        return [v.label() for v in violations]

    def send_email(self, draft: EmailDraft) -> OutboxView:
        return self._outbox.queue_and_send(draft)
