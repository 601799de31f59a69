"""The reminder composer: choose invoices, stage and channel, edit, preview, deliver, log.

The dialog gets the :class:`ReminderService` (merge data and templates) and a
:class:`ComposerHooks` with the callables that belong to other areas: sending an
email through the outbox, building PDF attachments, the last contacts and the
contact-policy warnings, printing a letter and logging the contact.

Nothing here reads the book on the GUI thread: :func:`load_composer_data` (run on the
database worker) gathers what the dialog opens with, the merge data of another choice
of invoices is fetched through the task runner, and logging the contact is a write op.

This module is the dialog's shell (header, contact-policy warning, status, the
message's state); its parts live in :mod:`cobranza_desktop.ui.dialogs.composer`: the
invoice choice, the editor with its preview, and one action panel per channel.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import current_language
from cobranza_desktop.messaging.templates import (
    MessageData,
    RenderedMessage,
    suggest_stage,
    template_for,
)
from cobranza_desktop.services.messaging.reminders import (
    ContactRecord,
    InvoiceChoice,
    RecipientView,
    ReminderService,
)
from cobranza_desktop.ui.dialogs.composer.call_panel import CallPanel
from cobranza_desktop.ui.dialogs.composer.common import (
    CALL_OUTCOMES,
    COMPOSER_CHANNELS,
    ComposerHooks,
    esc,
)
from cobranza_desktop.ui.dialogs.composer.editor_panel import EditorPanel
from cobranza_desktop.ui.dialogs.composer.email_panel import EmailPanel
from cobranza_desktop.ui.dialogs.composer.invoice_panel import InvoicePanel
from cobranza_desktop.ui.dialogs.composer.letter_panel import LetterPanel
from cobranza_desktop.ui.dialogs.composer.whatsapp_panel import WhatsAppPanel
from cobranza_desktop.ui.labels import stage_label
from cobranza_desktop.ui.style import bold
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.widgets.elided_label import ElidedLabel

__all__ = [
    "CALL_OUTCOMES",
    "COMPOSER_CHANNELS",
    "ComposerData",
    "ComposerHooks",
    "ReminderComposer",
    "load_composer_data",
    "stage_label",
]


@dataclass(frozen=True)
class ComposerData:
    """What the composer opens with, read on the database worker."""

    recipient: RecipientView
    invoices: list[InvoiceChoice]
    chosen: tuple[int, ...]  # the invoices ticked at first, in the list's order
    message_data: MessageData  # the merge data for ``chosen``
    last_contacts: list[str]
    warnings: list[str]


def default_selection(invoices: Sequence[InvoiceChoice], wanted: Sequence[int] | None) -> set[int]:
    if wanted is not None:
        return set(wanted)
    overdue = {i.id for i in invoices if i.overdue}
    return overdue or {i.id for i in invoices}


def load_composer_data(
    reminders: ReminderService,
    hooks: ComposerHooks,
    customer_id: int,
    invoice_ids: Sequence[int] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> ComposerData:
    """Everything the composer shows when it opens (call it on the database worker)."""
    invoices = reminders.open_invoices(customer_id)
    selected = default_selection(invoices, invoice_ids)
    chosen = tuple(i.id for i in invoices if i.id in selected)
    return ComposerData(
        recipient=reminders.recipient(customer_id),
        invoices=invoices,
        chosen=chosen,
        message_data=reminders.message_data(customer_id, chosen, **dict(extra or {})),
        last_contacts=list(hooks.last_contacts(customer_id)),
        warnings=list(hooks.contact_warnings(customer_id)),
    )


class ReminderComposer(QDialog):
    """Compose and deliver one reminder to one customer."""

    contactLogged = Signal(object)  # the ContactRecord

    def __init__(
        self,
        reminders: ReminderService,
        data: ComposerData,
        hooks: ComposerHooks,
        *,
        stage: str | None = None,
        channel: str | None = None,
        language: str | None = None,
        extra: Mapping[str, Any] | None = None,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._reminders = reminders
        self._hooks = hooks
        self._language = language or current_language()
        self._extra = dict(extra or {})
        self._token = uuid.uuid4().hex[:12]
        self._data_cache: dict[tuple[int, ...], MessageData] = {data.chosen: data.message_data}
        self._rendered: RenderedMessage | None = None
        self._loading = False
        self.logged: ContactRecord | None = None

        self.recipient: RecipientView = data.recipient
        self.invoices: list[InvoiceChoice] = data.invoices
        chosen = set(data.chosen)
        self._last_contacts, self._warnings = data.last_contacts, data.warnings
        self._today = data.message_data.today

        self.setWindowTitle(self.tr("Recordatorio para %1").replace("%1", self.recipient.name))
        self.setMinimumSize(980, 680)
        self._build()
        self.invoice_panel.fill_invoices(chosen)
        self._fill_contacts()

        days = max((i.days_past_due for i in self.invoices if i.id in chosen), default=0)
        self.invoice_panel.set_stage(template_for(stage) if stage else suggest_stage(days))
        self.invoice_panel.set_channel(self._initial_channel(channel))
        self._load_template()
        self._on_channel_changed()

    # ------------------------------------------------------------------ build

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        # The name and the contact give way with "…" (whole in their tooltips): an
        # 80-character name must not widen the dialog past a laptop's screen.
        self.header_name = ElidedLabel(keep=28)
        self.header_name.setObjectName("composerHeader")
        font = bold(self.header_name.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.header_name.setFont(font)
        self.header_name.setText(self.recipient.name)
        contact = self.recipient.contact_name or self.recipient.name
        phone = display_phone(self.recipient.whatsapp or self.recipient.phone)
        details = " · ".join(x for x in (self.recipient.email, phone) if x)
        self.header_details = ElidedLabel(keep=28)
        self.header_details.setText(contact + (f" — {details}" if details else ""))
        layout.addWidget(self.header_name)
        layout.addWidget(self.header_details)

        self.warning_box = QWidget()
        self.warning_box.setObjectName("composerWarning")
        self.warning_box.setStyleSheet(
            "#composerWarning { background: #fff4ce; border: 1px solid #e0c060;"
            " border-radius: 4px; }"
        )
        warning_layout = QFormLayout(self.warning_box)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.override_edit = QLineEdit()
        self.override_edit.setPlaceholderText(
            self.tr("Motivo para contactar de todos modos (obligatorio)")
        )
        warning_layout.addRow(self.warning_label)
        warning_layout.addRow(self.tr("Motivo:"), self.override_edit)
        layout.addWidget(self.warning_box)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        # Left: invoices, stage and channel, last contacts.
        self.invoice_panel = InvoicePanel(self.invoices)
        self.invoice_panel.invoicesChanged.connect(self._refresh_preview)
        self.invoice_panel.stage_combo.currentIndexChanged.connect(self._load_template)
        self.invoice_panel.channel_combo.currentIndexChanged.connect(self._on_channel_changed)
        splitter.addWidget(self.invoice_panel)

        # Right: the editable template, errors, the merged preview, channel actions.
        self.editor = EditorPanel(self._language)
        self.editor.sourceChanged.connect(self._refresh_preview)
        self.editor.restoreRequested.connect(self._load_template)
        self.email_panel = EmailPanel(self, self._hooks, self._runner, self._token)
        self.whatsapp_panel = WhatsAppPanel(self, self._hooks)
        self.call_panel = CallPanel(self, self._today)
        self.letter_panel = LetterPanel(self, self._hooks)
        self.action_stack = QStackedWidget()
        self.action_stack.addWidget(self.email_panel)
        self.action_stack.addWidget(self.whatsapp_panel)
        self.action_stack.addWidget(self.call_panel)
        self.action_stack.addWidget(self.letter_panel)
        self.editor.add_actions(self.action_stack)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([410, 570])  # room for invoice numbers and amounts on the left

        bottom = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        bottom.addWidget(self.status_label, 1)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        # The parts' widgets, under the names the dialog has always had.
        self.invoice_tree = self.invoice_panel.invoice_tree
        self.total_label = self.invoice_panel.total_label
        self.stage_combo = self.invoice_panel.stage_combo
        self.channel_combo = self.invoice_panel.channel_combo
        self.contacts_list = self.invoice_panel.contacts_list
        self.subject_label = self.editor.subject_label
        self.subject_edit = self.editor.subject_edit
        self.fields_button = self.editor.fields_button
        self.reset_button = self.editor.reset_button
        self.body_edit = self.editor.body_edit
        self.error_label = self.editor.error_label
        self.preview = self.editor.preview
        self.email_to = self.email_panel.email_to
        self.attachment_checks = self.email_panel.attachment_checks
        self.send_button = self.email_panel.send_button
        self.whatsapp_to = self.whatsapp_panel.whatsapp_to
        self.copy_button = self.whatsapp_panel.copy_button
        self.whatsapp_button = self.whatsapp_panel.whatsapp_button
        self.phone_to = self.call_panel.phone_to
        self.promise_amount = self.call_panel.promise_amount
        self.promise_date = self.call_panel.promise_date
        self.call_notes = self.call_panel.call_notes
        self.reason_combo = self.call_panel.reason_combo
        self.outcome_buttons = self.call_panel.outcome_buttons
        self.print_button = self.letter_panel.print_button

    # ------------------------------------------------------------------ state

    def _initial_channel(self, channel: str | None) -> str:
        wanted = channel or self.recipient.preferred_channel
        wanted = {"call": "phone", "visit": "phone", "sms": "whatsapp"}.get(wanted, wanted)
        return wanted if wanted in COMPOSER_CHANNELS else "email"

    def _fill_contacts(self) -> None:
        self.invoice_panel.fill_contacts(self._last_contacts)
        warnings = self._warnings
        self.warning_label.setText(
            "⚠ " + "<br>⚠ ".join(esc(w) for w in warnings) if warnings else ""
        )
        self.warning_box.setVisible(bool(warnings))

    def selected_invoice_ids(self) -> tuple[int, ...]:
        return self.invoice_panel.selected_invoice_ids()

    def current_stage(self) -> str:
        return self.invoice_panel.current_stage()

    def current_channel(self) -> str:
        return self.invoice_panel.current_channel()

    @property
    def rendered(self) -> RenderedMessage | None:
        """The message as it will go: merged now, with the person's own changes in plain
        mode; None while the template has an error."""
        if self._rendered is not None and self.editor.message_edited():
            subject, body = self.editor.edited_message()
            return replace(self._rendered, subject=subject, body=body)
        return self._rendered

    def _on_channel_changed(self, *_args: object) -> None:
        channel = self.current_channel()
        self.action_stack.setCurrentIndex(COMPOSER_CHANNELS.index(channel))
        self.editor.set_subject_visible(channel == "email")
        self._load_template()

    def _load_template(self, *_args: object) -> None:
        stage = self.current_stage()
        # A thank-you is not a reminder: the title follows the chosen stage.
        title = (
            self.tr("Agradecimiento para %1")
            if stage == "thank_you"
            else self.tr("Recordatorio para %1")
        )
        self.setWindowTitle(title.replace("%1", self.recipient.name))
        channel = self.current_channel()
        library = self._reminders.library
        part = {"email": "email_body", "whatsapp": "whatsapp", "phone": "call"}.get(
            channel, "letter"
        )
        self._loading = True
        self.editor.forget_edits()  # another stage or channel: a new message
        self.editor.show_template(
            library.source(self._language, stage, "email_subject") if channel == "email" else "",
            library.source(self._language, stage, part),
        )
        self._loading = False
        self._refresh_preview()

    def _fetch_data(self, ids: tuple[int, ...]) -> None:
        """The merge data for another choice of invoices, from the database worker."""
        reminders, customer_id, extra = self._reminders, self.recipient.customer_id, self._extra

        def arrived(data: MessageData) -> None:
            self._data_cache[ids] = data
            self._refresh_preview()

        self._runner.query(lambda _ctx: reminders.message_data(customer_id, ids, **extra)).success(
            arrived
        ).error(lambda message: self.show_status(message, error=True)).key(
            f"composer-data-{id(self)}"
        ).run()

    def _refresh_preview(self, *_args: object) -> None:
        if self._loading:
            return
        channel = self.current_channel()
        ids = self.selected_invoice_ids()
        data = self._data_cache.get(ids)
        if data is None:
            self._rendered = None  # nothing to send until the data is here
            self.update_actions()
            self._fetch_data(ids)
            return
        try:
            rendered = self._reminders.render(
                self.current_stage(),
                channel,
                data,
                self._language,
                body_source=self.editor.body_source(),
                subject_source=self.editor.subject_source() if channel == "email" else None,
            )
        except ValidationError as exc:
            self._rendered = None
            self.editor.show_error(exc.message)
        else:
            self._rendered = rendered
            self.editor.show_message(rendered, channel)
        self.update_actions()

    def update_actions(self) -> None:
        """Enable each channel's actions for the message as it is now."""
        ok = self._rendered is not None and bool(
            self.selected_invoice_ids() or self._no_invoices_ok()
        )
        has_text = self._rendered is not None
        self.email_panel.update_actions(ok, has_text)
        self.whatsapp_panel.update_actions(ok, has_text)
        self.call_panel.update_actions(ok, has_text)
        self.letter_panel.update_actions(ok, has_text)

    def _no_invoices_ok(self) -> bool:
        return self.current_stage() in ("thank_you", "instalment_reminder", "instalment_overdue")

    # ------------------------------------------- what the channel panels act through

    def override_reason(self) -> str | None:
        """The reason to go past the contact policy, or None (with an inline error)."""
        if not self._warnings:
            return ""
        reason = self.override_edit.text().strip()
        if not reason:
            self.show_status(
                self.tr("Escriba el motivo para contactar de todos modos."), error=True
            )
            self.override_edit.setFocus()
            return None
        return reason

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.status_label.setText(text)

    def record(self, channel: str, outcome: str, **more: Any) -> ContactRecord:
        rendered = self._rendered
        assert rendered is not None
        return ContactRecord(
            customer_id=self.recipient.customer_id,
            channel=channel,
            outcome=outcome,
            stage=self.current_stage(),
            invoice_ids=self.selected_invoice_ids(),
            subject=rendered.subject,
            body=rendered.body,
            **more,
        )

    def log(self, record: ContactRecord, then: Callable[[], None]) -> None:
        """Write the contact log on the database worker; ``then()`` once it is written.
        If it is refused, the error is shown and ``then`` is not called."""
        log_contact = self._hooks.log_contact

        def logged(_none: None) -> None:
            self.logged = record
            self.contactLogged.emit(record)
            then()

        changes = OpChanges.of(Kind.CONTACTS, Kind.PLANS, customers=[record.customer_id])
        self._runner.write(lambda _ctx: log_contact(record), changes).success(logged).error(
            lambda message: self.show_status(message, error=True)
        ).run()
