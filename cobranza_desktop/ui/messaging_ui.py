"""Everything the window needs from messaging, built once the book is open.

The application creates one :class:`MessagingUi` with the open book, the clock and
the task runner, then plugs its methods in: the composer as the customer action,
the Messages page, two Settings tabs, and the outbox retry at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtWidgets import QWidget

from cobranza_desktop.domain.agenda import AgendaItem
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.i18n import current_language
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.messaging.outbox import DeliveryReport, OutboxService
from cobranza_desktop.services.messaging.reminders import ComposerBackend, ReminderService
from cobranza_desktop.storage.database import Book
from cobranza_desktop.ui.dialogs.reminder_composer import ComposerHooks, ReminderComposer
from cobranza_desktop.ui.pages.messages_page import MessagesPage
from cobranza_desktop.ui.tasks import TaskContext, TaskRunner
from cobranza_desktop.ui.widgets.smtp_settings import SmtpSettingsWidget
from cobranza_desktop.ui.widgets.template_editor import TemplateEditorWidget


class MessagingUi:
    def __init__(
        self,
        book: Book,
        clock: Clock,
        runner: TaskRunner | None = None,
        *,
        documents: DocumentService | None = None,
        outbox: OutboxService | None = None,
    ) -> None:
        self.runner = runner
        self.outbox = outbox or OutboxService(book, clock)
        self.reminders = ReminderService(book, clock)
        self.documents = documents or DocumentService(book, clock)
        self.backend = ComposerBackend(book, clock, self.outbox, self.documents)

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
    ) -> ReminderComposer:
        """Open the composer for a customer (from Today: pass the ``agenda_item``)."""
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
        dialog = ReminderComposer(
            self.reminders,
            customer_id,
            hooks,
            stage=stage,
            channel=channel,
            invoice_ids=invoice_ids,
            language=current_language(),
            extra=extra,
            runner=self.runner,
            parent=parent,
        )
        dialog.open()
        return dialog

    def customer_action(self, parent: QWidget, customer_id: int) -> None:
        """For ``Application.reminder_composer``: (parent, customer id)."""
        self.open_composer(parent, customer_id)

    def open_thank_you(
        self, parent: QWidget | None, customer_id: int, amount_paid: Decimal
    ) -> ReminderComposer:
        """After a payment: a thank-you note on the customer's preferred channel."""
        return self.open_composer(
            parent,
            customer_id,
            stage="thank_you",
            invoice_ids=(),
            extra=self.reminders.thank_you_extra(customer_id, amount_paid),
        )

    def _print_letter(self, parent: QWidget | None, title: str, text: str) -> None:
        from cobranza_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

        preview = PdfPreviewDialog(self.reminders.letter_pdf(title, text), title, parent)
        preview.open()

    # -- pages and settings ------------------------------------------------------------
    def messages_page(self) -> MessagesPage:
        return MessagesPage(self.outbox, self.runner)

    def smtp_settings(self) -> SmtpSettingsWidget:
        return SmtpSettingsWidget(self.outbox, self.runner)

    def template_editor(self) -> TemplateEditorWidget:
        return TemplateEditorWidget(self.reminders)

    # -- start-up ----------------------------------------------------------------------
    def retry_outbox(self) -> None:
        """Send what waits in the outbox (call once the book is open)."""
        if self.runner is None:
            self.outbox.retry_pending()
            return

        def work(ctx: TaskContext) -> DeliveryReport:
            return self.outbox.retry_pending(progress=ctx.progress, cancelled=ctx.cancelled)

        self.runner.submit(work, writes=True, on_error=lambda _message: None)
