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
it is a required argument: there is no stand-in that would silently send nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from cobranza_desktop.documents.composed_letter import render_composed_letter
from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.errors import CobranzaError, ValidationError
from cobranza_desktop.domain.i18n import _, current_language
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
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.business import BusinessProfileView, read_profile
from cobranza_desktop.services.base.settings import read_setting, write_setting
from cobranza_desktop.services.billing.invoices import customer_invoices
from cobranza_desktop.services.customers.records import balance_view, customer_view, get_customer
from cobranza_desktop.services.documents.printing import business_info
from cobranza_desktop.services.messaging.collections_side import (
    CollectionsAgenda,
    ComposerBackend,
    contact_input,
)
from cobranza_desktop.services.messaging.outbox import (
    AUTO_RETRY,
    NEEDS_PERSON,
    SENT,
    EmailDraft,
    OutboxService,
)
from cobranza_desktop.services.messaging.reminder_types import (
    AgendaHooks,
    ContactRecord,
    DueReminder,
    InvoiceChoice,
    RecipientView,
    SendDayReport,
    SendLine,
    SendOutcome,
    reminder_key,
)
from cobranza_desktop.services.penalties.engine import propose_charges
from cobranza_desktop.storage.database import Book

# The records and the collections side live in their own modules; they are named
# here too, where callers have always found them.
__all__ = [
    "TEMPLATE_OVERRIDES_KEY",
    "AgendaHooks",
    "CollectionsAgenda",
    "ComposerBackend",
    "ContactRecord",
    "DueReminder",
    "InvoiceChoice",
    "RecipientView",
    "ReminderService",
    "SendDayReport",
    "SendLine",
    "SendOutcome",
    "contact_input",
    "reminder_key",
]

TEMPLATE_OVERRIDES_KEY = "messaging.templates"


def _stored_library(session: Session) -> TemplateLibrary:
    """The templates with the overrides stored in the book."""
    return TemplateLibrary(overrides=read_setting(session, TEMPLATE_OVERRIDES_KEY, {}) or {})


@dataclass
class _DayState:
    """What one day's sending has learnt so far."""

    seen_customers: set[int] = field(default_factory=set)
    down: str = ""  # why the server or the account failed; then nothing more is tried


class ReminderService:
    """Builds the merge data of a message from the book and renders templates."""

    def __init__(self, book: Book, clock: Clock, library: TemplateLibrary | None = None) -> None:
        self._book = book
        self._clock = clock
        self._given = library is not None
        # Kept in memory because the template editor and the composer read it on the
        # GUI thread, where the book is never opened; save_template keeps it current.
        if library is None:
            with book.session() as session:
                library = _stored_library(session)
        self.library = library

    def _profile(self) -> BusinessProfileView:
        with self._book.session() as session:
            return read_profile(session)

    # --------------------------------------------------------------- templates

    def save_template(self, language: str, stage: str, part: str, text: str | None) -> None:
        """Store an edited template (checked first), or restore the default with None."""
        if text is not None:
            check_template(text, part)
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            # Read and written in one transaction: another window's edit is not lost.
            library = self.library if self._given else _stored_library(session)
            library.set_override(language, stage, part, text)
            write_setting(session, TEMPLATE_OVERRIDES_KEY, library.overrides())
        self.library = library

    def is_customized(self, language: str, stage: str, part: str) -> bool:
        key = override_key(language, template_for(stage), part)
        return key in self.library.overrides()

    # -------------------------------------------------------------------- data

    def recipient(self, customer_id: int) -> RecipientView:
        with self._book.session() as session:
            c = customer_view(get_customer(session, customer_id))
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
        with self._book.session() as session:
            views = customer_invoices(session, customer_id, self._clock.today(), open_only=True)
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
        profile = self._profile()
        with self._book.session() as session:
            customer = customer_view(get_customer(session, customer_id))
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
        business = business_info(self._profile())
        return render_composed_letter(business, subject, body_text)

    def thank_you_extra(self, customer_id: int, amount_paid: Decimal) -> dict[str, Any]:
        """The composer's ``extra`` for a thank-you note after a payment."""
        with self._book.session() as session:
            balance = balance_view(session, customer_id, self._clock.today()).balance
        extra: dict[str, Any] = {"amount_paid": amount_paid}
        if balance > 0:
            extra["remaining_balance"] = balance
        return extra

    def pending_penalty(self, customer_id: int, invoice_ids: Sequence[int]) -> Decimal | None:
        """The late charges the penalty engine would book today on these invoices."""
        wanted = set(invoice_ids)
        try:
            with self._book.session() as session:
                get_customer(session, customer_id)
                charges = propose_charges(session, self._clock.today(), customer_id=customer_id)
        except CobranzaError:
            return None
        total = sum((c.amount for c in charges if c.invoice_id in wanted), Decimal("0.00"))
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
        state = _DayState()
        if not dry_run:
            outbox_report = outbox.retry_pending()
            retried = outbox_report.sent
            state.down = outbox_report.account_error
        lines: list[SendLine] = []
        for reminder in agenda.due_reminders(the_day):
            if reminder.channel != "email":
                continue
            lines.append(
                self._send_one(
                    outbox, agenda, reminder, moment, dry_run, language, state, attachments_for
                )
            )
        counts: dict[SendOutcome, int] = {}
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
        state: _DayState,
        attachments_for: Any,
    ) -> SendLine:
        recipient = self.recipient(reminder.customer_id)

        def line(outcome: SendOutcome, detail: str = "", to: str = recipient.email) -> SendLine:
            return SendLine(
                recipient.customer_id, recipient.name, reminder.stage, to, outcome, detail
            )

        key = reminder_key(reminder)
        existing = outbox.find(key)
        if existing is not None and existing.status == SENT:
            # record_sent is idempotent: this finishes a run interrupted after sending.
            with contextlib.suppress(CobranzaError):
                agenda.record_sent(reminder, existing)
            return line(SendOutcome.ALREADY_SENT, _("ya enviado"), existing.recipient)
        if reminder.customer_id in state.seen_customers:
            return line(SendOutcome.SKIPPED, _("un mensaje por cliente al día"))
        if not recipient.email:
            return line(SendOutcome.SKIPPED, _("sin correo electrónico"), "")
        if existing is None:
            violations = list(agenda.contact_violations(reminder.customer_id, moment))
            if violations:
                return line(SendOutcome.SKIPPED, "; ".join(violations))
        try:
            data = self.message_data(
                reminder.customer_id,
                reminder.invoice_ids,
                penalty_amount=reminder.penalty_amount,
                new_instalment_amount=reminder.new_instalment_amount,
            )
            message = self.render(reminder.template, "email", data, language)
        except ValidationError as exc:
            return line(SendOutcome.SKIPPED, _("plantilla: {message}").format(message=exc.message))
        state.seen_customers.add(reminder.customer_id)
        if dry_run:
            return line(SendOutcome.WOULD_SEND, message.subject)
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
            # Bad data (e.g. a line break in the customer's name): this one is not sent
            # and says why; the others go on.
            return line(SendOutcome.FAILED, exc.message)
        if queued.status in AUTO_RETRY and state.down:
            outbox.log_when_sent(queued.id, reminder.action_keys)
            # The server or the account already failed: do not wait on it again. The
            # message is stored and goes with the next retry.
            return line(
                SendOutcome.FAILED,
                _("en la bandeja de salida, sin intentarlo: {down}").format(down=state.down),
            )
        view = queued
        if queued.status != SENT:
            attempt = outbox.try_send(queued.id)
            view = attempt.view
            if attempt.account_failure and view.status != SENT:
                state.down = view.last_error
        if view.status == SENT:
            try:
                agenda.record_sent(reminder, view)
            except CobranzaError as exc:
                return line(
                    SendOutcome.SENT,
                    _("enviado, pero no se registró el contacto: {message}").format(
                        message=exc.message
                    ),
                )
            return line(SendOutcome.SENT, view.subject)
        # Not a contact until it is sent: then the outbox logs it and completes the agenda
        # action, whichever run or retry sends it.
        outbox.log_when_sent(view.id, reminder.action_keys)
        if view.status in NEEDS_PERSON:
            return line(SendOutcome.NEEDS_PERSON, view.last_error)
        return line(SendOutcome.FAILED, view.last_error)
