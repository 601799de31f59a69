"""Send an invoice to the customer now: by email (PDF + CFDI XML) or by WhatsApp.

Offered right after issuing, and from the invoice list for an invoice already issued.
The text is read off the GUI thread; sending goes through the outbox on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.services.messaging.invoice_delivery import (
    DeliveryDraft,
    DeliveryResult,
    InvoiceDeliveryService,
)
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.text_cache import phone


class SendInvoiceDialog(QDialog):
    def __init__(
        self,
        delivery: InvoiceDeliveryService,
        runner: TaskRunner,
        invoice_id: int,
        *,
        open_links: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enviar la factura"))
        self._delivery = delivery
        self._runner = runner
        self._invoice_id = invoice_id
        self._open_links = open_links
        self.draft: DeliveryDraft | None = None
        self.result_view: DeliveryResult | None = None

        self.intro = QLabel(
            self.tr("Envíe la factura ahora: así el cliente no puede decir que nunca le llegó.")
        )
        self.intro.setWordWrap(True)
        self.to_email = QLabel("…")
        self.to_phone = QLabel("…")
        self.attachments = QLabel("…")
        form = QFormLayout()
        form.addRow(self.tr("Correo"), self.to_email)
        form.addRow(self.tr("WhatsApp"), self.to_phone)
        form.addRow(self.tr("Adjuntos"), self.attachments)
        self.body = QPlainTextEdit()
        named(self.body, self.tr("Mensaje"))
        self.body.setReadOnly(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("statusLine")

        self.buttons = QDialogButtonBox()
        self.email_button = QPushButton(self.tr("Enviar por correo"))
        self.whatsapp_button = QPushButton(self.tr("Enviar por WhatsApp"))
        self.later_button = QPushButton(self.tr("Después"))
        for button in (self.email_button, self.whatsapp_button):
            button.setEnabled(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.email_button.clicked.connect(self.send_email)
        self.whatsapp_button.clicked.connect(self.send_whatsapp)
        self.later_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        runner.query(lambda ctx: delivery.draft(invoice_id)).success(self._show).failure(
            self._failed
        ).run()

    def _show(self, draft: DeliveryDraft) -> None:
        self.draft = draft
        self.setWindowTitle(self.tr("Enviar la factura %1").replace("%1", draft.number))
        none = self.tr("(no registrado)")
        self.to_email.setText(draft.email or none)
        self.to_phone.setText(phone(draft.phone) or none)
        self.attachments.setText(", ".join(draft.attachment_names))
        self.body.setPlainText(f"{draft.subject}\n\n{draft.body}")
        self.email_button.setEnabled(bool(draft.email))
        self.whatsapp_button.setEnabled(bool(draft.phone))

    def _changes(self) -> OpChanges:
        customers = [self.draft.customer_id] if self.draft else None
        return OpChanges.of(Kind.INVOICES, Kind.MESSAGES, customers=customers)

    def send_email(self) -> None:
        delivery, invoice_id = self._delivery, self._invoice_id
        self._busy()
        self._runner.write(lambda ctx: delivery.send_email(invoice_id), self._changes()).success(
            self._done
        ).failure(self._failed).describe(self.tr("Enviando la factura"), show_progress=False).run()

    def send_whatsapp(self) -> None:
        delivery, invoice_id = self._delivery, self._invoice_id
        self._busy()
        self._runner.write(lambda ctx: delivery.whatsapp(invoice_id), self._changes()).success(
            self._done
        ).failure(self._failed).run()

    def _busy(self) -> None:
        self.email_button.setEnabled(False)
        self.whatsapp_button.setEnabled(False)

    def _done(self, result: DeliveryResult) -> None:
        self.result_view = result
        if result.link and self._open_links:
            QDesktopServices.openUrl(QUrl(result.link))
        if result.delivered:
            self.accept()
            return
        error = result.message.last_error if result.message else ""
        self.status_label.setText(
            self.tr("No se pudo enviar ahora; queda en la bandeja de salida: %1").replace(
                "%1", error
            )
        )
        self.later_button.setText(self.tr("Cerrar"))

    def _failed(self, failure: TaskFailure) -> None:
        self.status_label.setText(failure.message)
        if self.draft is not None:
            self._show(self.draft)
