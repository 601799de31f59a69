"""The composer's email actions: the address, the PDFs to attach, and sending through
the outbox off the GUI thread.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cobranza_desktop.services.messaging.outbox import SENT, EmailDraft, OutboxView
from cobranza_desktop.ui.dialogs.composer.common import ComposerContext, ComposerHooks
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner


class EmailPanel(QWidget):
    """Send the message by email; the contact is logged as sent or queued."""

    def __init__(
        self,
        context: ComposerContext,
        hooks: ComposerHooks,
        runner: TaskRunner,
        token: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._hooks = hooks
        self._runner = runner
        self._token = token
        self._pending_reason = ""
        recipient = context.recipient

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.email_to = QLabel()
        self.email_to.setText(
            QCoreApplication.translate("ReminderComposer", "Para: %1").replace(
                "%1", recipient.email
            )
            if recipient.email
            else QCoreApplication.translate(
                "ReminderComposer", "El cliente no tiene correo electrónico."
            )
        )
        layout.addWidget(self.email_to)
        attach_row = QHBoxLayout()
        attach_row.addWidget(QLabel(QCoreApplication.translate("ReminderComposer", "Adjuntar:")))
        self.attachment_checks: dict[str, QCheckBox] = {}
        for label in hooks.attachments:
            check = QCheckBox(label)
            self.attachment_checks[label] = check
            attach_row.addWidget(check)
        if not hooks.attachments:
            attach_row.addWidget(
                QLabel(
                    QCoreApplication.translate(
                        "ReminderComposer", "(no hay documentos disponibles)"
                    )
                )
            )
        attach_row.addStretch(1)
        self.send_button = QPushButton(
            QCoreApplication.translate("ReminderComposer", "Enviar correo")
        )
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self._send_email)
        attach_row.addWidget(self.send_button)
        layout.addLayout(attach_row)

    def update_actions(self, ok: bool, has_text: bool) -> None:
        self.send_button.setEnabled(ok and bool(self._context.recipient.email))

    def _send_email(self) -> None:
        context = self._context
        reason = context.override_reason()
        rendered = context.rendered
        if reason is None or rendered is None:
            return
        ids = context.selected_invoice_ids()
        builders = [
            build
            for label, build in self._hooks.attachments.items()
            if self.attachment_checks[label].isChecked()
        ]
        recipient = context.recipient
        draft = EmailDraft(
            natural_key=f"composer|{recipient.customer_id}|{context.current_stage()}|{self._token}",
            to=recipient.email,
            to_name=recipient.contact_name or recipient.name,
            subject=rendered.subject,
            body=rendered.body,
            attachments=[],
            customer_id=recipient.customer_id,
            stage=context.current_stage(),
            invoice_ids=ids,
        )
        self._pending_reason = reason
        self.send_button.setEnabled(False)
        context.show_status(QCoreApplication.translate("ReminderComposer", "Enviando…"))
        send = self._hooks.send_email

        def work(_ctx: object) -> OutboxView:
            # The PDFs are rendered here, on the database worker, then queued with the mail.
            attached = replace(draft, attachments=[build(ids) for build in builders])
            return send(attached)

        changes = OpChanges.of(Kind.MESSAGES, customers=[recipient.customer_id])
        self._runner.write(work, changes).success(self._email_done).error(
            self._email_failed
        ).describe(QCoreApplication.translate("ReminderComposer", "Enviando correo")).run()

    def _email_done(self, view: OutboxView) -> None:
        context = self._context
        outcome = "sent" if view.status == SENT else "queued"
        record = context.record(
            "email", outcome, override_reason=self._pending_reason, outbox_id=view.id
        )
        context.log(record, lambda: self._logged(view))

    def _logged(self, view: OutboxView) -> None:
        context = self._context
        if view.status == SENT:
            context.show_status(QCoreApplication.translate("ReminderComposer", "Correo enviado."))
            context.accept()
        else:
            context.show_status(
                QCoreApplication.translate(
                    "ReminderComposer",
                    "No se pudo enviar ahora: %1. El correo quedó en la bandeja de salida"
                    " y se reintentará.",
                ).replace("%1", view.last_error),
                error=True,
            )

    def _email_failed(self, message: str) -> None:
        self._context.show_status(message, error=True)
        self._context.update_actions()
