"""Reminders: compose messages from the book, and send the day's email reminders.

The day's reminders come from the collections agenda through :class:`AgendaHooks`,
a small interface so that this module does not depend on how the agenda is built:

- ``due_reminders(day)``: the agenda actions of the day (already within the contact
  cap: the agenda defers customers at their cap);
- ``contact_violations(customer_id, moment)``: what would forbid contacting the
  customer now (cap, quiet hours, Sunday), as readable texts; empty when allowed;
- ``record_sent(reminder, message)``: log the contact and mark the agenda action done;
  it must be idempotent (it is called again for a reminder found already sent).

:class:`CollectionsAgenda` connects them to the collections agenda and contact log;
:class:`NoAgenda` is a stand-in with nothing to send.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from cobranza_desktop.documents.composed_letter import render_composed_letter
from cobranza_desktop.domain.agenda import AgendaItem
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.contact_policy import Outcome
from cobranza_desktop.domain.errors import CobranzaError, ConflictError, ValidationError
from cobranza_desktop.domain.formatting import format_datetime
from cobranza_desktop.domain.i18n import N_, _, current_language
from cobranza_desktop.messaging.email import Attachment
from cobranza_desktop.messaging.templates import (
    InvoiceLine,
    MessageData,
    PaymentData,
    RenderedMessage,
    TemplateLibrary,
    check_template,
    override_key,
    template_for,
)
from cobranza_desktop.services.billing.invoices import InvoiceService
from cobranza_desktop.services.book.business import BusinessService
from cobranza_desktop.services.book.settings import read_setting, write_setting
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactInput, ContactService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.documents.printing import DocumentService, business_info
from cobranza_desktop.services.messaging.outbox import (
    SENT,
    EmailDraft,
    OutboxService,
    OutboxView,
    natural_key_of,
)
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.storage.database import Book

TEMPLATE_OVERRIDES_KEY = "messaging.templates"


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


@dataclass(frozen=True)
class SendLine:
    customer_id: int
    customer: str
    stage: str
    to: str
    outcome: str  # "sent", "failed", "already_sent", "skipped", "would_send"
    detail: str = ""


@dataclass(frozen=True)
class SendDayReport:
    day: date
    dry_run: bool
    lines: tuple[SendLine, ...] = ()
    retried: tuple[int, ...] = ()
    agenda_connected: bool = True
    counts: Mapping[str, int] = field(default_factory=dict)


def reminder_key(reminder: DueReminder) -> str:
    """The outbox key of an agenda reminder: the agenda's own keys, so never twice."""
    keys = sorted(reminder.action_keys) or [f"{reminder.customer_id}|{reminder.stage}"]
    return natural_key_of("agenda", reminder.channel, *keys)


class ReminderService:
    """Builds the merge data of a message from the book and renders templates."""

    def __init__(self, book: Book, clock: Clock, library: TemplateLibrary | None = None) -> None:
        self._book = book
        self._clock = clock
        self._customers = CustomerService(book, clock)
        self._invoices = InvoiceService(book, clock)
        self._business = BusinessService(book)
        self._penalties = PenaltyService(book, clock)
        with book.session() as session:
            overrides = read_setting(session, TEMPLATE_OVERRIDES_KEY, {}) or {}
        self.library = library or TemplateLibrary(overrides=overrides)

    # --------------------------------------------------------------- templates

    def save_template(self, language: str, stage: str, part: str, text: str | None) -> None:
        """Store an edited template (checked first), or restore the default with None."""
        if text is not None:
            check_template(text, part)
        self.library.set_override(language, stage, part, text)
        with self._book.transaction() as session:
            write_setting(session, TEMPLATE_OVERRIDES_KEY, self.library.overrides())

    def is_customized(self, language: str, stage: str, part: str) -> bool:
        key = override_key(language, template_for(stage), part)
        return key in self.library.overrides()

    # -------------------------------------------------------------------- data

    def recipient(self, customer_id: int) -> RecipientView:
        c = self._customers.get(customer_id)
        return RecipientView(
            customer_id=c.id,
            name=c.name,
            contact_name=c.contact_name,
            email=c.email,
            phone=c.phone,
            whatsapp=c.whatsapp or c.phone,
            preferred_channel=str(c.preferred_channel),
        )

    def open_invoices(self, customer_id: int) -> list[InvoiceChoice]:
        """The customer's open invoices, oldest due first."""
        views = self._invoices.for_customer(customer_id, open_only=True)
        choices = [
            InvoiceChoice(
                id=v.id,
                number=v.number,
                issue_date=v.issue_date,
                due_date=v.due_date,
                total=v.total,
                balance=v.balance,
                days_past_due=v.days_past_due,
            )
            for v in views
            if v.balance > 0
        ]
        return sorted(choices, key=lambda c: (c.due_date, c.number))

    def message_data(
        self,
        customer_id: int,
        invoice_ids: Sequence[int],
        **optional: Any,
    ) -> MessageData:
        """Everything a template may say about this customer and these invoices.

        The penalty amount, unless given, is what the penalty engine would charge
        today on these invoices. ``optional`` carries the facts that only some
        messages have:
        ``penalty_amount``, ``new_instalment_amount``, ``amount_paid``,
        ``remaining_balance``, ``restricted_services``, ``deadline``,
        ``instalment_number``, ``instalment_amount``, ``instalment_due_date``,
        ``promised_amount``, ``promised_date``, ``payment_reference``.
        """
        profile = self._business.profile()
        customer = self._customers.get(customer_id)
        if optional.get("penalty_amount") is None:
            optional["penalty_amount"] = self.pending_penalty(customer_id, invoice_ids)
        wanted = set(invoice_ids)
        lines = [
            InvoiceLine(c.number, c.issue_date, c.due_date, c.total, c.balance)
            for c in self.open_invoices(customer_id)
            if c.id in wanted
        ]
        return MessageData(
            business_name=profile.name,
            business_phone=display_phone(profile.phone) if profile.phone else "",
            business_email=profile.email,
            customer_name=customer.name,
            contact_name=customer.contact_name,
            today=self._clock.today(),
            invoices=lines,
            currency=profile.currency,
            payment=PaymentData(profile.bank_name, profile.clabe, profile.name),
            **optional,
        )

    def letter_pdf(self, subject: str, body_text: str) -> bytes:
        """The composed letter on the business letterhead, ready to print."""
        business = business_info(self._business.profile())
        return render_composed_letter(business, subject, body_text)

    def thank_you_extra(self, customer_id: int, amount_paid: Decimal) -> dict[str, Any]:
        """The composer's ``extra`` for a thank-you note after a payment."""
        balance = self._customers.balance(customer_id).balance
        extra: dict[str, Any] = {"amount_paid": amount_paid}
        if balance > 0:
            extra["remaining_balance"] = balance
        return extra

    def pending_penalty(self, customer_id: int, invoice_ids: Sequence[int]) -> Decimal | None:
        """The late charges the penalty engine would book today on these invoices."""
        wanted = set(invoice_ids)
        try:
            proposal = self._penalties.propose(customer_id=customer_id)
        except CobranzaError:
            return None
        total = sum((c.amount for c in proposal.charges if c.invoice_id in wanted), Decimal("0.00"))
        return total if total > 0 else None

    def render(
        self,
        stage: str,
        channel: str,
        data: MessageData,
        language: str | None = None,
        *,
        body_source: str | None = None,
        subject_source: str | None = None,
    ) -> RenderedMessage:
        return self.library.render(
            stage,
            channel,
            data,
            language or current_language(),
            body_source=body_source,
            subject_source=subject_source,
        )

    # ---------------------------------------------------------------- the day

    def send_day(
        self,
        outbox: OutboxService,
        agenda: AgendaHooks,
        day: date | None = None,
        *,
        dry_run: bool = False,
        language: str | None = None,
        attachments_for: Any = None,
    ) -> SendDayReport:
        """Queue and send the email reminders of ``day``'s agenda.

        Running it again the same day sends nothing twice: each reminder's outbox
        key is made of the agenda's natural keys. Reminders for customers that the
        contact policy forbids now are skipped with the reason. ``attachments_for``
        (optional) maps a reminder to the PDFs to attach.
        """
        the_day = day or self._clock.today()
        moment = self._clock.now()
        retried: tuple[int, ...] = ()
        if not dry_run:
            retried = outbox.retry_pending().sent
        lines: list[SendLine] = []
        seen_customers: set[int] = set()
        for reminder in agenda.due_reminders(the_day):
            if reminder.channel != "email":
                continue
            lines.append(
                self._send_one(
                    outbox, agenda, reminder, moment, dry_run, language, seen_customers,
                    attachments_for,
                )
            )  # fmt: skip
        counts: dict[str, int] = {}
        for line in lines:
            counts[line.outcome] = counts.get(line.outcome, 0) + 1
        return SendDayReport(
            day=the_day,
            dry_run=dry_run,
            lines=tuple(lines),
            retried=retried,
            agenda_connected=getattr(agenda, "connected", True),
            counts=counts,
        )

    def _send_one(
        self,
        outbox: OutboxService,
        agenda: AgendaHooks,
        reminder: DueReminder,
        moment: datetime,
        dry_run: bool,
        language: str | None,
        seen_customers: set[int],
        attachments_for: Any,
    ) -> SendLine:
        recipient = self.recipient(reminder.customer_id)

        def line(outcome: str, detail: str = "", to: str = recipient.email) -> SendLine:
            return SendLine(
                recipient.customer_id, recipient.name, reminder.stage, to, outcome, detail
            )

        key = reminder_key(reminder)
        existing = outbox.find(key)
        if existing is not None and existing.status == SENT:
            # record_sent is idempotent: this finishes a run interrupted after sending.
            with contextlib.suppress(CobranzaError):
                agenda.record_sent(reminder, existing)
            return line("already_sent", _("ya enviado"), existing.recipient)
        if reminder.customer_id in seen_customers:
            return line("skipped", _("un mensaje por cliente al día"))
        if not recipient.email:
            return line("skipped", _("sin correo electrónico"), "")
        if existing is None:
            violations = list(agenda.contact_violations(reminder.customer_id, moment))
            if violations:
                return line("skipped", "; ".join(violations))
        try:
            data = self.message_data(
                reminder.customer_id,
                reminder.invoice_ids,
                penalty_amount=reminder.penalty_amount,
                new_instalment_amount=reminder.new_instalment_amount,
            )
            message = self.render(reminder.template, "email", data, language)
        except ValidationError as exc:
            return line("skipped", _("plantilla: {message}").format(message=exc.message))
        seen_customers.add(reminder.customer_id)
        if dry_run:
            return line("would_send", message.subject)
        attachments: Sequence[Attachment] = ()
        if attachments_for is not None and existing is None:
            attachments = attachments_for(reminder)
        draft = EmailDraft(
            natural_key=key,
            to=recipient.email,
            to_name=recipient.contact_name or recipient.name,
            subject=message.subject,
            body=message.body,
            attachments=attachments,
            customer_id=reminder.customer_id,
            stage=reminder.stage,
            invoice_ids=reminder.invoice_ids,
        )
        try:
            queued, _created = outbox.queue_email(draft)
        except CobranzaError as exc:
            return line("skipped", exc.message)
        view = outbox.send(queued.id) if queued.status != SENT else queued
        if view.status == SENT:
            try:
                agenda.record_sent(reminder, view)
            except CobranzaError as exc:
                return line(
                    "sent",
                    _("enviado, pero no se registró el contacto: {message}").format(
                        message=exc.message
                    ),
                )
            return line("sent", view.subject)
        return line("failed", view.last_error)


# ----------------------------------------------------------- the collections side

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


class CollectionsAgenda:
    """:class:`AgendaHooks` over the collections agenda and contact log."""

    connected = True

    def __init__(self, book: Book, clock: Clock) -> None:
        self._agenda = AgendaService(book, clock)
        self._contacts = ContactService(book, clock)
        self._items: dict[str, AgendaItem] = {}

    def due_reminders(self, day: date) -> Sequence[DueReminder]:
        """The day's actions within the contact policy (the deferred ones are left out)."""
        reminders: list[DueReminder] = []
        for item in self._agenda.agenda(day).items:
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
        return [v.label() for v in self._contacts.policy_violations(customer_id, moment)]

    def record_sent(self, reminder: DueReminder, message: OutboxView) -> None:
        """Mark the agenda action done with its contact; a second call changes nothing."""
        item = self._items.get(reminder_key(reminder))
        if item is None:
            return
        with contextlib.suppress(ConflictError):  # already logged
            self._agenda.complete(
                item,
                Outcome.CONTACTED,
                channel="email",
                notes=_("Correo enviado: {subject}").format(subject=message.subject),
            )


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
        self._clock = clock
        self._agenda = AgendaService(book, clock)
        self._contacts = ContactService(book, clock)
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
        data = contact_input(record)
        if item is None:
            self._contacts.log(data)
            return
        self._agenda.complete(
            item,
            data.outcome,
            reason=data.reason,
            notes=data.notes,
            channel=data.channel,
            override_reason=data.override_reason,
            promise_amount=str(data.promise_amount) if data.promise_amount is not None else None,
            promise_date=data.promise_date,
        )

    def last_contacts(self, customer_id: int, limit: int = 8) -> list[str]:
        lines = []
        for view in self._contacts.timeline(customer_id)[:limit]:
            parts = [format_datetime(view.contacted_at), view.channel.label(), view.outcome.label()]
            if view.reason is not None:
                parts.append(view.reason.label())
            if view.notes:
                parts.append(view.notes)
            lines.append(" · ".join(parts))
        return lines

    def contact_warnings(self, customer_id: int) -> list[str]:
        return [v.label() for v in self._contacts.policy_violations(customer_id)]

    def send_email(self, draft: EmailDraft) -> OutboxView:
        return self._outbox.queue_and_send(draft)
