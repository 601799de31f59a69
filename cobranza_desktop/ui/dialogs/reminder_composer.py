"""The reminder composer: choose invoices, stage and channel, edit, preview, deliver, log.

The dialog gets the :class:`ReminderService` (merge data and templates) and a
:class:`ComposerHooks` with the callables that belong to other areas: sending an
email through the outbox, building PDF attachments, the last contacts and the
contact-policy warnings, printing a letter and logging the contact.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.contact_policy import NonPaymentReason
from cobranza_desktop.domain.errors import CobranzaError, ValidationError
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import current_language
from cobranza_desktop.domain.money import parse_amount
from cobranza_desktop.messaging.email import Attachment
from cobranza_desktop.messaging.templates import (
    MERGE_FIELDS,
    STAGES,
    MessageData,
    RenderedMessage,
    describe_fields,
    suggest_stage,
    template_for,
)
from cobranza_desktop.messaging.whatsapp import whatsapp_link
from cobranza_desktop.services.outbox import SENT, EmailDraft, OutboxView
from cobranza_desktop.services.reminders import (
    ContactRecord,
    InvoiceChoice,
    RecipientView,
    ReminderService,
)
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.offthread import run_off_gui

# The composer's channels, in the order of the selector. SMS goes through "copy text".
COMPOSER_CHANNELS: tuple[str, ...] = ("email", "whatsapp", "phone", "letter")
CALL_OUTCOMES: tuple[str, ...] = ("contacted", "no_answer", "promise", "dispute", "refused")


def _no_lines(_customer_id: int) -> Sequence[str]:
    return ()


def _open_url(url: QUrl) -> bool:
    return bool(QDesktopServices.openUrl(url))


@dataclass
class ComposerHooks:
    """What the composer needs from the rest of the program.

    - ``log_contact``: write the contact log (required).
    - ``send_email``: queue the draft in the outbox and try to send it; called off the
      GUI thread; returns the outbox message (``OutboxService.queue_and_send``).
    - ``attachments``: label -> builder of a PDF for the chosen invoice ids
      (e.g. "Estado de cuenta", "Aviso de recargo").
    - ``last_contacts``: readable lines of the customer's latest contacts.
    - ``contact_warnings``: what the contact policy says against contacting now
      (cap, quiet hours, Sunday); non-empty asks for a reason to go on.
    - ``print_letter``: print (or save) the letter, given its title and text.
    - ``open_url``: open a link with the system (WhatsApp).
    """

    log_contact: Callable[[ContactRecord], None]
    send_email: Callable[[EmailDraft], OutboxView] | None = None
    attachments: Mapping[str, Callable[[Sequence[int]], Attachment]] = field(default_factory=dict)
    last_contacts: Callable[[int], Sequence[str]] = _no_lines
    contact_warnings: Callable[[int], Sequence[str]] = _no_lines
    print_letter: Callable[[str, str], None] | None = None
    open_url: Callable[[QUrl], bool] = _open_url


class ReminderComposer(QDialog):
    """Compose and deliver one reminder to one customer."""

    contactLogged = Signal(object)  # the ContactRecord

    def __init__(
        self,
        reminders: ReminderService,
        customer_id: int,
        hooks: ComposerHooks,
        *,
        stage: str | None = None,
        channel: str | None = None,
        invoice_ids: Sequence[int] | None = None,
        language: str | None = None,
        extra: Mapping[str, Any] | None = None,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._reminders = reminders
        self._hooks = hooks
        self._language = language or current_language()
        self._extra = dict(extra or {})
        self._token = uuid.uuid4().hex[:12]
        self._data_cache: dict[tuple[int, ...], MessageData] = {}
        self._rendered: RenderedMessage | None = None
        self._loading = False
        self.logged: ContactRecord | None = None

        self.recipient: RecipientView = reminders.recipient(customer_id)
        self.invoices: list[InvoiceChoice] = reminders.open_invoices(customer_id)
        chosen = self._default_selection(invoice_ids)

        self.setWindowTitle(self.tr("Recordatorio para %1").replace("%1", self.recipient.name))
        self.setMinimumSize(980, 680)
        self._build()
        self._fill_invoices(chosen)
        self._fill_contacts()

        days = max((i.days_past_due for i in self.invoices if i.id in chosen), default=0)
        self._set_combo(self.stage_combo, template_for(stage) if stage else suggest_stage(days))
        self._set_combo(self.channel_combo, self._initial_channel(channel))
        self._load_template()
        self._on_channel_changed()

    # ------------------------------------------------------------------ build

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        header = QLabel()
        header.setObjectName("composerHeader")
        contact = self.recipient.contact_name or self.recipient.name
        phone = display_phone(self.recipient.whatsapp or self.recipient.phone)
        details = " · ".join(x for x in (self.recipient.email, phone) if x)
        header.setText(
            f"<b style='font-size:14pt'>{_esc(self.recipient.name)}</b><br>"
            f"{_esc(contact)}" + (f" — {_esc(details)}" if details else "")
        )
        layout.addWidget(header)

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
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        invoices_box = QGroupBox(self.tr("Facturas"))
        invoices_layout = QVBoxLayout(invoices_box)
        self.invoice_tree = QTreeWidget()
        self.invoice_tree.setRootIsDecorated(False)
        self.invoice_tree.setHeaderLabels(
            [self.tr("Folio"), self.tr("Vence"), self.tr("Días"), self.tr("Saldo")]
        )
        self.invoice_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.invoice_tree.itemChanged.connect(self._on_invoices_changed)
        invoices_layout.addWidget(self.invoice_tree)
        self.total_label = QLabel()
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        invoices_layout.addWidget(self.total_label)
        left_layout.addWidget(invoices_box, 2)

        form = QFormLayout()
        self.stage_combo = QComboBox()
        for stage in STAGES:
            self.stage_combo.addItem(self._stage_label(stage), stage)
        self.channel_combo = QComboBox()
        for channel in COMPOSER_CHANNELS:
            self.channel_combo.addItem(self._channel_label(channel), channel)
        self.stage_combo.currentIndexChanged.connect(self._load_template)
        self.channel_combo.currentIndexChanged.connect(self._on_channel_changed)
        form.addRow(self.tr("Etapa / tono:"), self.stage_combo)
        form.addRow(self.tr("Canal:"), self.channel_combo)
        left_layout.addLayout(form)

        contacts_box = QGroupBox(self.tr("Últimos contactos"))
        contacts_layout = QVBoxLayout(contacts_box)
        self.contacts_list = QListWidget()
        contacts_layout.addWidget(self.contacts_list)
        left_layout.addWidget(contacts_box, 1)
        splitter.addWidget(left)

        # Right: the editable template, errors, the merged preview, channel actions.
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        subject_row = QHBoxLayout()
        self.subject_label = QLabel(self.tr("Asunto:"))
        self.subject_edit = QLineEdit()
        self.subject_edit.textChanged.connect(self._refresh_preview)
        subject_row.addWidget(self.subject_label)
        subject_row.addWidget(self.subject_edit, 1)
        right_layout.addLayout(subject_row)

        editor_bar = QHBoxLayout()
        editor_bar.addWidget(QLabel(self.tr("Texto (plantilla editable):")))
        editor_bar.addStretch(1)
        self.fields_button = QToolButton()
        self.fields_button.setText(self.tr("Insertar campo"))
        self.fields_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._build_fields_menu()
        editor_bar.addWidget(self.fields_button)
        self.reset_button = QPushButton(self.tr("Restaurar plantilla"))
        self.reset_button.clicked.connect(self._load_template)
        editor_bar.addWidget(self.reset_button)
        right_layout.addLayout(editor_bar)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setFont(mono)
        self.body_edit.textChanged.connect(self._refresh_preview)
        right_layout.addWidget(self.body_edit, 2)

        self.error_label = QLabel()
        self.error_label.setObjectName("templateError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.hide()
        right_layout.addWidget(self.error_label)

        right_layout.addWidget(QLabel(self.tr("Vista previa:")))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setStyleSheet("QPlainTextEdit { background: palette(alternate-base); }")
        right_layout.addWidget(self.preview, 3)

        self.action_stack = QStackedWidget()
        self.action_stack.addWidget(self._email_page())
        self.action_stack.addWidget(self._whatsapp_page())
        self.action_stack.addWidget(self._phone_page())
        self.action_stack.addWidget(self._letter_page())
        right_layout.addWidget(self.action_stack)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        bottom = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        bottom.addWidget(self.status_label, 1)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)

    def _build_fields_menu(self) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.fields_button)
        for name, description in describe_fields(self._language):
            action = menu.addAction(f"{description} — {{{{ {name} }}}}")
            action.triggered.connect(lambda _=False, n=name: self._insert_field(n))
        self.fields_button.setMenu(menu)

    def _email_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.email_to = QLabel()
        layout.addWidget(self.email_to)
        attach_row = QHBoxLayout()
        attach_row.addWidget(QLabel(self.tr("Adjuntar:")))
        self.attachment_checks: dict[str, QCheckBox] = {}
        for label in self._hooks.attachments:
            check = QCheckBox(label)
            self.attachment_checks[label] = check
            attach_row.addWidget(check)
        if not self._hooks.attachments:
            attach_row.addWidget(QLabel(self.tr("(no hay documentos disponibles)")))
        attach_row.addStretch(1)
        self.send_button = QPushButton(self.tr("Enviar correo"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self._send_email)
        attach_row.addWidget(self.send_button)
        layout.addLayout(attach_row)
        return page

    def _whatsapp_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.whatsapp_to = QLabel()
        layout.addWidget(self.whatsapp_to, 1)
        self.copy_button = QPushButton(self.tr("Copiar texto"))
        self.copy_button.setToolTip(self.tr("Para SMS u otras aplicaciones"))
        self.copy_button.clicked.connect(self._copy_text)
        layout.addWidget(self.copy_button)
        self.whatsapp_button = QPushButton(self.tr("Abrir WhatsApp"))
        self.whatsapp_button.clicked.connect(self._open_whatsapp)
        layout.addWidget(self.whatsapp_button)
        return page

    def _phone_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.phone_to = QLabel()
        layout.addWidget(self.phone_to)
        promise_row = QHBoxLayout()
        promise_row.addWidget(QLabel(self.tr("Promesa: monto")))
        self.promise_amount = QLineEdit()
        self.promise_amount.setPlaceholderText("1234.50")
        self.promise_amount.setMaximumWidth(120)
        promise_row.addWidget(self.promise_amount)
        promise_row.addWidget(QLabel(self.tr("fecha")))
        self.promise_date = QDateEdit()
        self.promise_date.setCalendarPopup(True)
        self.promise_date.setDisplayFormat("dd/MM/yyyy")
        today = self._reminders_today()
        self.promise_date.setDate(_qdate(today + timedelta(days=7)))
        self.promise_date.setMinimumDate(_qdate(today))
        promise_row.addWidget(self.promise_date)
        promise_row.addWidget(QLabel(self.tr("Notas:")))
        self.call_notes = QLineEdit()
        promise_row.addWidget(self.call_notes, 1)
        layout.addLayout(promise_row)
        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(self.tr("Motivo del impago:")))
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(self.tr("(sin motivo)"), "")
        for reason in NonPaymentReason:
            self.reason_combo.addItem(reason.label(), reason.value)
        reason_row.addWidget(self.reason_combo, 1)
        layout.addLayout(reason_row)
        buttons = QHBoxLayout()
        labels = {
            "contacted": self.tr("Contactado"),
            "no_answer": self.tr("No contestó"),
            "promise": self.tr("Promesa de pago"),
            "dispute": self.tr("Disputa"),
            "refused": self.tr("Se negó"),
        }
        self.outcome_buttons: dict[str, QPushButton] = {}
        for outcome in CALL_OUTCOMES:
            button = QPushButton(labels[outcome])
            button.setObjectName(f"outcome_{outcome}")
            button.clicked.connect(lambda _=False, o=outcome: self._log_call(o))
            self.outcome_buttons[outcome] = button
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return page

    def _letter_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        self.print_button = QPushButton(self.tr("Imprimir carta"))
        self.print_button.clicked.connect(self._print_letter)
        self.print_button.setEnabled(self._hooks.print_letter is not None)
        layout.addWidget(self.print_button)
        return page

    # ---------------------------------------------------------------- labels

    def _stage_label(self, stage: str) -> str:
        return stage_label(stage)

    def _channel_label(self, channel: str) -> str:
        return {
            "email": self.tr("Correo electrónico"),
            "whatsapp": self.tr("WhatsApp / SMS"),
            "phone": self.tr("Llamada (guion)"),
            "letter": self.tr("Carta"),
        }[channel]

    def _reminders_today(self) -> date:
        return self._data_for(()).today

    # ------------------------------------------------------------------ state

    def _default_selection(self, invoice_ids: Sequence[int] | None) -> set[int]:
        if invoice_ids is not None:
            return set(invoice_ids)
        overdue = {i.id for i in self.invoices if i.overdue}
        return overdue or {i.id for i in self.invoices}

    def _initial_channel(self, channel: str | None) -> str:
        wanted = channel or self.recipient.preferred_channel
        wanted = {"call": "phone", "visit": "phone", "sms": "whatsapp"}.get(wanted, wanted)
        return wanted if wanted in COMPOSER_CHANNELS else "email"

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _fill_invoices(self, chosen: set[int]) -> None:
        self._loading = True
        self.invoice_tree.clear()
        for inv in self.invoices:
            days = str(inv.days_past_due) if inv.overdue else "—"
            item = QTreeWidgetItem(
                [inv.number, format_date(inv.due_date), days, format_money(inv.balance)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, inv.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if inv.id in chosen else Qt.CheckState.Unchecked
            )
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if inv.overdue:
                item.setForeground(2, Qt.GlobalColor.darkRed)
            self.invoice_tree.addTopLevelItem(item)
        for column in (1, 2, 3):
            self.invoice_tree.resizeColumnToContents(column)
        self._loading = False
        self._update_total()

    def _fill_contacts(self) -> None:
        self.contacts_list.clear()
        lines = list(self._hooks.last_contacts(self.recipient.customer_id))
        if lines:
            self.contacts_list.addItems(lines)
        else:
            self.contacts_list.addItem(self.tr("Sin contactos registrados."))
        warnings = list(self._hooks.contact_warnings(self.recipient.customer_id))
        self.warning_label.setText(
            "⚠ " + "<br>⚠ ".join(_esc(w) for w in warnings) if warnings else ""
        )
        self.warning_box.setVisible(bool(warnings))
        self._warnings = warnings

    def selected_invoice_ids(self) -> tuple[int, ...]:
        ids = []
        for row in range(self.invoice_tree.topLevelItemCount()):
            item = self.invoice_tree.topLevelItem(row)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                ids.append(int(item.data(0, Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def current_stage(self) -> str:
        return str(self.stage_combo.currentData())

    def current_channel(self) -> str:
        return str(self.channel_combo.currentData())

    def _update_total(self) -> None:
        chosen = set(self.selected_invoice_ids())
        total = sum((i.balance for i in self.invoices if i.id in chosen), Decimal("0.00"))
        self.total_label.setText(
            self.tr("%1 facturas · total %2")
            .replace("%1", str(len(chosen)))
            .replace("%2", format_money(total))
        )

    def _on_invoices_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._update_total()
        self._refresh_preview()

    def _on_channel_changed(self, *_args: object) -> None:
        channel = self.current_channel()
        self.action_stack.setCurrentIndex(COMPOSER_CHANNELS.index(channel))
        is_email = channel == "email"
        self.subject_label.setVisible(is_email)
        self.subject_edit.setVisible(is_email)
        self.email_to.setText(
            self.tr("Para: %1").replace("%1", self.recipient.email)
            if self.recipient.email
            else self.tr("El cliente no tiene correo electrónico.")
        )
        phone = display_phone(self.recipient.whatsapp or self.recipient.phone)
        self.whatsapp_to.setText(
            self.tr("WhatsApp: %1").replace("%1", phone)
            if phone
            else self.tr("El cliente no tiene teléfono.")
        )
        self.phone_to.setText(
            self.tr("Teléfono: %1").replace(
                "%1", display_phone(self.recipient.phone) or phone or "—"
            )
        )
        self._load_template()

    def _load_template(self, *_args: object) -> None:
        stage = self.current_stage()
        channel = self.current_channel()
        library = self._reminders.library
        part = {"email": "email_body", "whatsapp": "whatsapp", "phone": "call"}.get(
            channel, "letter"
        )
        self._loading = True
        self.subject_edit.setText(
            library.source(self._language, stage, "email_subject") if channel == "email" else ""
        )
        self.body_edit.setPlainText(library.source(self._language, stage, part))
        self._loading = False
        self._refresh_preview()

    def _insert_field(self, name: str) -> None:
        if name not in MERGE_FIELDS:
            return
        self.body_edit.insertPlainText("{{ " + name + " }}")
        self.body_edit.setFocus()

    def _data_for(self, ids: tuple[int, ...]) -> MessageData:
        if ids not in self._data_cache:
            self._data_cache[ids] = self._reminders.message_data(
                self.recipient.customer_id, ids, **self._extra
            )
        return self._data_cache[ids]

    def _refresh_preview(self, *_args: object) -> None:
        if self._loading:
            return
        channel = self.current_channel()
        try:
            data = self._data_for(self.selected_invoice_ids())
            rendered = self._reminders.render(
                self.current_stage(),
                channel,
                data,
                self._language,
                body_source=self.body_edit.toPlainText(),
                subject_source=self.subject_edit.text() if channel == "email" else None,
            )
        except ValidationError as exc:
            self._rendered = None
            self.error_label.setText(
                self.tr("Error en la plantilla: %1").replace("%1", exc.message)
            )
            self.error_label.show()
            self.preview.setPlainText("")
        else:
            self._rendered = rendered
            self.error_label.hide()
            text = rendered.body
            if channel == "email":
                text = self.tr("Asunto: %1").replace("%1", rendered.subject) + "\n\n" + text
            self.preview.setPlainText(text)
        self._update_actions()

    def _update_actions(self) -> None:
        ok = self._rendered is not None and bool(
            self.selected_invoice_ids() or self._no_invoices_ok()
        )
        self.send_button.setEnabled(
            ok and bool(self.recipient.email) and self._hooks.send_email is not None
        )
        phone = self.recipient.whatsapp or self.recipient.phone
        self.whatsapp_button.setEnabled(ok and bool(phone))
        self.copy_button.setEnabled(self._rendered is not None)
        for button in self.outcome_buttons.values():
            button.setEnabled(self._rendered is not None)
        self.print_button.setEnabled(ok and self._hooks.print_letter is not None)

    def _no_invoices_ok(self) -> bool:
        return self.current_stage() in ("thank_you", "instalment_reminder", "instalment_overdue")

    # ---------------------------------------------------------------- actions

    def _override_reason(self) -> str | None:
        """The reason to go past the contact policy, or None (with an inline error)."""
        if not self._warnings:
            return ""
        reason = self.override_edit.text().strip()
        if not reason:
            self._show_status(
                self.tr("Escriba el motivo para contactar de todos modos."), error=True
            )
            self.override_edit.setFocus()
            return None
        return reason

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.status_label.setText(text)

    def _record(self, channel: str, outcome: str, **more: Any) -> ContactRecord:
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

    def _log(self, record: ContactRecord) -> bool:
        try:
            self._hooks.log_contact(record)
        except CobranzaError as exc:
            self._show_status(exc.message, error=True)
            return False
        self.logged = record
        self.contactLogged.emit(record)
        return True

    def _send_email(self) -> None:
        reason = self._override_reason()
        if reason is None or self._rendered is None or self._hooks.send_email is None:
            return
        ids = self.selected_invoice_ids()
        try:
            attachments = [
                build(ids)
                for label, build in self._hooks.attachments.items()
                if self.attachment_checks[label].isChecked()
            ]
        except CobranzaError as exc:
            self._show_status(exc.message, error=True)
            return
        draft = EmailDraft(
            natural_key=f"composer|{self.recipient.customer_id}|{self.current_stage()}|{self._token}",
            to=self.recipient.email,
            to_name=self.recipient.contact_name or self.recipient.name,
            subject=self._rendered.subject,
            body=self._rendered.body,
            attachments=attachments,
            customer_id=self.recipient.customer_id,
            stage=self.current_stage(),
            invoice_ids=ids,
        )
        self._pending_reason = reason
        self.send_button.setEnabled(False)
        self._show_status(self.tr("Enviando…"))
        send = self._hooks.send_email
        run_off_gui(
            self._runner,
            lambda _ctx: send(draft),
            self._email_done,
            self._email_failed,
            description=self.tr("Enviando correo"),
        )

    def _email_done(self, view: OutboxView) -> None:
        outcome = "sent" if view.status == SENT else "queued"
        record = self._record(
            "email", outcome, override_reason=self._pending_reason, outbox_id=view.id
        )
        if not self._log(record):
            return
        if view.status == SENT:
            self._show_status(self.tr("Correo enviado."))
            self.accept()
        else:
            self._show_status(
                self.tr(
                    "No se pudo enviar ahora: %1. El correo quedó en la bandeja de salida"
                    " y se reintentará."
                ).replace("%1", view.last_error),
                error=True,
            )

    def _email_failed(self, message: str) -> None:
        self._show_status(message, error=True)
        self._update_actions()

    def _copy_text(self) -> None:
        if self._rendered is None:
            return
        QGuiApplication.clipboard().setText(self._rendered.body)
        self._show_status(self.tr("Texto copiado al portapapeles."))

    def _open_whatsapp(self) -> None:
        reason = self._override_reason()
        if reason is None or self._rendered is None:
            return
        try:
            link = whatsapp_link(
                self.recipient.whatsapp or self.recipient.phone, self._rendered.body
            )
        except ValidationError as exc:
            self._show_status(exc.message, error=True)
            return
        if not self._hooks.open_url(QUrl.fromEncoded(link.encode("ascii"))):
            self._show_status(self.tr("No se pudo abrir WhatsApp."), error=True)
            return
        if self._log(self._record("whatsapp", "prepared", override_reason=reason)):
            self.accept()

    def _log_call(self, outcome: str) -> None:
        reason = self._override_reason()
        if reason is None or self._rendered is None:
            return
        more: dict[str, Any] = {
            "notes": self.call_notes.text().strip(),
            "override_reason": reason,
            "reason": str(self.reason_combo.currentData() or ""),
        }
        if outcome in ("dispute", "refused") and not more["reason"]:
            self._show_status(self.tr("Indique el motivo del impago."), error=True)
            self.reason_combo.setFocus()
            return
        if outcome == "promise":
            try:
                more["promise_amount"] = parse_amount(self.promise_amount.text(), "promise_amount")
            except ValidationError as exc:
                self._show_status(exc.message, error=True)
                self.promise_amount.setFocus()
                return
            more["promise_date"] = self.promise_date.date().toPython()
        if self._log(self._record("phone", outcome, **more)):
            self.accept()

    def _print_letter(self) -> None:
        reason = self._override_reason()
        if reason is None or self._rendered is None or self._hooks.print_letter is None:
            return
        try:
            self._hooks.print_letter(self._stage_label(self.current_stage()), self._rendered.body)
        except CobranzaError as exc:
            self._show_status(exc.message, error=True)
            return
        if self._log(self._record("letter", "printed", override_reason=reason)):
            self.accept()


def stage_label(stage: str) -> str:
    """The readable name of a template stage, translated."""

    def t(text: str) -> str:
        return QCoreApplication.translate("ReminderStages", text)

    labels = {
        "friendly_reminder": t("Recordatorio amable (antes de vencer)"),
        "overdue_reminder": t("Recordatorio de pago vencido"),
        "ask_reason": t("Preguntar el motivo del atraso"),
        "firm_reminder": t("Recordatorio firme"),
        "penalty_warning": t("Aviso de recargos"),
        "penalty_notice": t("Recargo aplicado"),
        "restriction_notice": t("Restricción parcial del servicio"),
        "suspension_notice": t("Suspensión del servicio"),
        "agency_notice": t("Último aviso antes de agencia"),
        "insistent_call": t("Seguimiento cercano"),
        "instalment_reminder": t("Pago del convenio (próximo)"),
        "instalment_overdue": t("Pago del convenio vencido"),
        "broken_promise": t("Promesa incumplida"),
        "thank_you": t("Agradecimiento por el pago"),
    }
    return labels.get(stage, stage)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
