"""The frequent actions (new customer, new invoice, record payment...) as dialogs.

The main window's toolbar and shortcuts, and the pages' buttons, all call these.
Dialogs open window-modal but without blocking (``open()``), so tests can drive them.
Every collaborator is required: invoices are issued through the issuing service (the
credit check), payments through the receiving service (discounts), always.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.services.billing.disputes import DisputeView
from cobranza_desktop.services.billing.invoices import InvoiceView
from cobranza_desktop.services.receivables.payments import PaymentView
from cobranza_desktop.ui.context import Services
from cobranza_desktop.ui.dialogs.customer_dialog import CustomerDialog
from cobranza_desktop.ui.dialogs.dispute_dialog import DisputeDialog
from cobranza_desktop.ui.dialogs.invoice_delivery import SendInvoiceDialog
from cobranza_desktop.ui.dialogs.invoice_editor import InvoiceEditor
from cobranza_desktop.ui.dialogs.payment_dialog import PaymentDialog
from cobranza_desktop.ui.dialogs.pdf_preview import preview_pdf
from cobranza_desktop.ui.document_actions import DocumentActions
from cobranza_desktop.ui.messaging_ui import MessagingUi
from cobranza_desktop.ui.tasks import TaskRunner


@dataclass(frozen=True)
class AppCommands:
    services: Services
    runner: TaskRunner
    clock: Clock
    messaging: MessagingUi
    documents: DocumentActions

    def new_customer(self, parent: QWidget) -> None:
        _open(
            CustomerDialog(
                self.services.customers,
                self.runner,
                parent,
                on_created=lambda view: self.customer_created(parent, view.id, view.name),
            )
        )

    def customer_created(self, parent: QWidget, customer_id: int, name: str) -> None:
        """The new customer's file opens (not the one shown before), with a short
        confirmation that also offers the terms to sign."""
        opener = getattr(parent.window(), "open_customer", None)
        if callable(opener):
            opener(customer_id)
        self.offer_terms(parent, customer_id, name)

    def offer_terms(self, parent: QWidget, customer_id: int, name: str) -> None:
        """Before the first sale on credit, offer to print the terms for the customer to sign."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("AppCommands", "Cliente creado"),
            QCoreApplication.translate(
                "AppCommands",
                "¿Imprimir las condiciones de crédito y cobranza para que %1 las lea y firme "
                "antes de venderle a crédito?",
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setObjectName("termsQuestion")
        box.setInformativeText(box.text())
        box.setText(
            QCoreApplication.translate("AppCommands", "Se creó el cliente %1.").replace("%1", name)
        )
        box.button(QMessageBox.StandardButton.Yes).setText(
            QCoreApplication.translate("AppCommands", "Imprimir condiciones")
        )
        box.button(QMessageBox.StandardButton.No).setText(
            QCoreApplication.translate("AppCommands", "Ahora no")
        )

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                self.view_terms(parent, customer_id)

        box.finished.connect(answered)
        box.open()

    def view_terms(self, parent: QWidget, customer_id: int) -> None:
        terms = self.services.credit_terms
        preview_pdf(
            parent,
            QCoreApplication.translate("AppCommands", "Condiciones de crédito y cobranza"),
            lambda: terms.pdf(customer_id),
            self.runner,
            f"condiciones-{customer_id}.pdf",
        )

    def offer_sending(self, parent: QWidget, editor: InvoiceEditor) -> None:
        """Right after issuing: send the invoice at once (email or WhatsApp), or later."""
        if editor.issued is not None:
            invoice_id = editor.issued.invoice.id
            _open(SendInvoiceDialog(self.services.delivery, self.runner, invoice_id, parent=parent))

    def new_invoice(self, parent: QWidget, customer_id: int | None = None) -> None:
        s = self.services
        editor = InvoiceEditor(
            s.invoices,
            s.customers,
            s.customer_list,
            s.business,
            s.issuing,
            self.runner,
            self.clock.today(),
            customer_id=customer_id,
            parent=parent,
        )
        editor.accepted.connect(lambda: self.offer_sending(parent, editor))
        _open(editor)

    def open_invoice(self, parent: QWidget, invoice_id: int) -> None:
        s = self.services

        def show(view: InvoiceView) -> None:
            editor = InvoiceEditor(
                s.invoices,
                s.customers,
                s.customer_list,
                s.business,
                s.issuing,
                self.runner,
                self.clock.today(),
                invoice=view,
                parent=parent,
            )
            editor.accepted.connect(lambda: self.offer_sending(parent, editor))
            _open(editor)

        invoices = s.invoices
        self.runner.query(lambda _ctx: invoices.get(invoice_id)).success(show).run()

    def record_payment(self, parent: QWidget, customer_id: int | None = None) -> None:
        s = self.services
        dialog = PaymentDialog(
            s.payments,
            s.customers,
            s.customer_list,
            s.receiving,
            self.runner,
            self.clock.today(),
            customer_id=customer_id,
            on_done=lambda view: self.propose_thank_you(parent, view),
            parent=parent,
        )
        _open(dialog)

    def propose_thank_you(self, parent: QWidget, payment: PaymentView) -> None:
        """After a payment, offer (never impose) a thank-you on the preferred channel."""
        if payment.amount <= 0:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("AppCommands", "Pago registrado"),
            QCoreApplication.translate(
                "AppCommands", "Pago de %1 registrado. ¿Enviar un agradecimiento a %2?"
            )
            .replace("%1", format_money(payment.amount))
            .replace("%2", payment.customer_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setObjectName("thankYouQuestion")
        box.button(QMessageBox.StandardButton.Yes).setText(
            QCoreApplication.translate("AppCommands", "Redactar agradecimiento")
        )
        box.button(QMessageBox.StandardButton.No).setText(
            QCoreApplication.translate("AppCommands", "Ahora no")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        messaging = self.messaging

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                messaging.open_thank_you(parent, payment.customer_id, payment.amount)

        box.finished.connect(answered)
        box.open()

    def compose_reminder(self, parent: QWidget, customer_id: int) -> None:
        self.messaging.customer_action(parent, customer_id)

    def view_statement(self, parent: QWidget, customer_id: int) -> None:
        self.documents.view_statement(parent, customer_id)

    def view_notice(self, parent: QWidget, customer_id: int) -> None:
        self.documents.view_notice(parent, customer_id)

    def view_invoice(self, parent: QWidget, invoice_id: int) -> None:
        self.documents.view_invoice(parent, invoice_id)

    def view_receipt(self, parent: QWidget, payment_id: int) -> None:
        self.documents.view_receipt(parent, payment_id)

    def dispute_invoice(self, parent: QWidget, invoice_id: int) -> None:
        s = self.services

        def show(found: tuple[InvoiceView, list[DisputeView]]) -> None:
            view, history = found
            mine = [d for d in history if d.invoice_id == view.id]
            _open(DisputeDialog(s.disputes, self.runner, view, parent, history=mine))

        invoices, disputes = s.invoices, s.disputes

        def work() -> tuple[InvoiceView, list[DisputeView]]:
            view = invoices.get(invoice_id)
            return view, disputes.for_customer(view.customer_id)

        self.runner.query(lambda _ctx: work()).success(show).run()


def _open(dialog: QDialog) -> None:
    dialog.open()
