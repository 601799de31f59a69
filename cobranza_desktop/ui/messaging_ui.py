"""Everything the window needs from messaging: the composer, the outbox and its settings.

Built by the composition root with the services it needs (no book of its own).
Every read runs on the database worker: the composer opens once its data has arrived.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtWidgets import QWidget

from cobranza_desktop.domain.agenda import AgendaItem
from cobranza_desktop.domain.i18n import current_language
from cobranza_desktop.services.messaging.outbox import DeliveryReport, OutboxService
from cobranza_desktop.services.messaging.reminders import ComposerBackend, ReminderService
from cobranza_desktop.ui.dialogs.pdf_preview import preview_pdf
from cobranza_desktop.ui.dialogs.reminder_composer import (
    ComposerData,
    ComposerHooks,
    ReminderComposer,
    load_composer_data,
)
from cobranza_desktop.ui.pages.messages_page import MessagesPage
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskContext, TaskRunner
from cobranza_desktop.ui.widgets.smtp_settings import SmtpSettingsWidget
from cobranza_desktop.ui.widgets.template_editor import TemplateEditorWidget


class MessagingUi:
    def __init__(
        self,
        outbox: OutboxService,
        reminders: ReminderService,
        backend: ComposerBackend,
        runner: TaskRunner,
    ) -> None:
        self.runner = runner
        self.outbox = outbox
        self.reminders = reminders
        self.backend = backend

    # -- the composer ----------------------------------------------------------------
    def open_composer(
        self,
        parent: QWidget | None,
        customer_id: int,
        *,
        stage: str | None = None,
        channel: str | None = None,
        invoice_ids: Sequence[int] | None = None,
        agenda_item: AgendaItem | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        """Open the composer for a customer (from Today: pass the ``agenda_item``), once its
        data has arrived from the database worker."""
        if agenda_item is not None:
            stage = stage or agenda_item.template
            channel = channel or str(agenda_item.channel)
            if invoice_ids is None and agenda_item.invoice_ids:
                invoice_ids = agenda_item.invoice_ids
        hooks = ComposerHooks(
            log_contact=partial(self.backend.log_contact, item=agenda_item),
            send_email=self.backend.send_email,
            attachments=self.backend.attachments(customer_id),
            last_contacts=self.backend.last_contacts,
            contact_warnings=self.backend.contact_warnings,
            print_letter=partial(self._print_letter, parent),
        )
        reminders, language = self.reminders, current_language()

        def show(data: ComposerData) -> None:
            dialog = ReminderComposer(
                reminders,
                data,
                hooks,
                stage=stage,
                channel=channel,
                language=language,
                extra=extra,
                runner=self.runner,
                parent=parent,
            )
            dialog.open()

        self.runner.query(
            lambda _ctx: load_composer_data(reminders, hooks, customer_id, invoice_ids, extra)
        ).success(show).run()

    def customer_action(self, parent: QWidget, customer_id: int) -> None:
        """The "compose a reminder" action: (parent, customer id)."""
        self.open_composer(parent, customer_id)

    def open_thank_you(
        self, parent: QWidget | None, customer_id: int, amount_paid: Decimal
    ) -> None:
        """After a payment: a thank-you note on the customer's preferred channel."""
        reminders = self.reminders
        self.runner.query(lambda _ctx: reminders.thank_you_extra(customer_id, amount_paid)).success(
            lambda extra: self.open_composer(
                parent, customer_id, stage="thank_you", invoice_ids=(), extra=extra
            )
        ).run()

    def _print_letter(self, parent: QWidget | None, title: str, text: str) -> None:
        reminders = self.reminders
        preview_pdf(parent, title, lambda: reminders.letter_pdf(title, text), self.runner)

    # -- pages and settings ------------------------------------------------------------
    def messages_page(self) -> MessagesPage:
        return MessagesPage(self.outbox, self.runner)

    def smtp_settings(self) -> SmtpSettingsWidget:
        return SmtpSettingsWidget(self.outbox, self.runner)

    def template_editor(self) -> TemplateEditorWidget:
        return TemplateEditorWidget(self.reminders, self.runner)

    # -- start-up ----------------------------------------------------------------------
    def retry_outbox(self) -> None:
        """Send what waits in the outbox (call once the book is open)."""
        outbox = self.outbox

        def work(ctx: TaskContext) -> DeliveryReport:
            return outbox.retry_pending(progress=ctx.progress, cancelled=ctx.cancelled)

        def changes(report: DeliveryReport) -> OpChanges:
            # An empty outbox changes nothing: no page refreshes for it (at start-up, the
            # agenda would be computed twice).
            tried = report.sent or report.failed or report.interrupted
            touched = tried or report.rejected or report.uncertain
            return OpChanges.of(Kind.MESSAGES, Kind.CONTACTS) if touched else OpChanges.of()

        self.runner.write(work, changes).error(lambda _message: None).run()
