"""The composer's WhatsApp / SMS actions: copy the text, or open WhatsApp with it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.messaging.whatsapp import whatsapp_link
from cobranza_desktop.ui.dialogs.composer.common import ComposerContext, ComposerHooks


class WhatsAppPanel(QWidget):
    """Prepare the message in WhatsApp (logged as prepared) or copy it for an SMS."""

    def __init__(
        self, context: ComposerContext, hooks: ComposerHooks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._hooks = hooks
        recipient = context.recipient

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.whatsapp_to = QLabel()
        phone = display_phone(recipient.whatsapp or recipient.phone)
        self.whatsapp_to.setText(
            QCoreApplication.translate("ReminderComposer", "WhatsApp: %1").replace("%1", phone)
            if phone
            else QCoreApplication.translate("ReminderComposer", "El cliente no tiene teléfono.")
        )
        layout.addWidget(self.whatsapp_to, 1)
        self.copy_button = QPushButton(
            QCoreApplication.translate("ReminderComposer", "Copiar texto")
        )
        self.copy_button.setToolTip(
            QCoreApplication.translate("ReminderComposer", "Para SMS u otras aplicaciones")
        )
        self.copy_button.clicked.connect(self._copy_text)
        layout.addWidget(self.copy_button)
        self.whatsapp_button = QPushButton(
            QCoreApplication.translate("ReminderComposer", "Abrir WhatsApp")
        )
        self.whatsapp_button.clicked.connect(self._open_whatsapp)
        layout.addWidget(self.whatsapp_button)

    def update_actions(self, ok: bool, has_text: bool) -> None:
        recipient = self._context.recipient
        self.whatsapp_button.setEnabled(ok and bool(recipient.whatsapp or recipient.phone))
        self.copy_button.setEnabled(has_text)

    def _copy_text(self) -> None:
        rendered = self._context.rendered
        if rendered is None:
            return
        QGuiApplication.clipboard().setText(rendered.body)
        self._context.show_status(
            QCoreApplication.translate("ReminderComposer", "Texto copiado al portapapeles.")
        )

    def _open_whatsapp(self) -> None:
        context = self._context
        reason = context.override_reason()
        rendered = context.rendered
        if reason is None or rendered is None:
            return
        recipient = context.recipient
        try:
            link = whatsapp_link(recipient.whatsapp or recipient.phone, rendered.body)
        except ValidationError as exc:
            context.show_status(exc.message, error=True)
            return
        if not self._hooks.open_url(QUrl.fromEncoded(link.encode("ascii"))):
            context.show_status(
                QCoreApplication.translate("ReminderComposer", "No se pudo abrir WhatsApp."),
                error=True,
            )
            return
        context.log(context.record("whatsapp", "prepared", override_reason=reason), context.accept)
