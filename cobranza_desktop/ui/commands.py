"""The frequent actions (new customer, new invoice, record payment...) as dialogs.

The main window's toolbar and shortcuts, and the pages' buttons, all call these.
Dialogs open window-modal but without blocking (``open()``), so tests can drive them.
Other features plug in here: a reminder composer and a statement viewer are plain
callables ``(parent, customer_id) -> None``; the buttons are enabled once they exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.services.billing.invoices import InvoiceService
from cobranza_desktop.services.billing.issuing import IssuingService
from cobranza_desktop.services.book.business import BusinessService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.receivables.payments import PaymentService, PaymentView
from cobranza_desktop.services.receivables.receiving import ReceivingService
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.customer_picker import CustomerSearch

CustomerAction = Callable[[QWidget, int], None]
# (parent, customer_id, amount paid) -> None: e.g. MessagingUi.open_thank_you.
ThankYouAction = Callable[[QWidget, int, Decimal], object]


@dataclass
class AppCommands:
    customers: CustomerService
    invoices: InvoiceService
    payments: PaymentService
    business: BusinessService
    runner: TaskRunner
    clock: Clock
    # The fast customer search (big books) for the dialogs' customer pickers.
    customer_search: CustomerSearch | None = None
    # Plug-ins from other features: (parent, customer_id) -> None.
    reminder_composer: CustomerAction | None = None
    statement_viewer: CustomerAction | None = None
    notice_viewer: CustomerAction | None = None
    # Document previews by id: (parent, invoice_id) and (parent, payment_id).
    invoice_viewer: CustomerAction | None = None
    receipt_viewer: CustomerAction | None = None
    # Payments through the receiving service (discounts), invoices through issuing (credit).
    receiving: ReceivingService | None = None
    issuing: IssuingService | None = None
    thank_you: ThankYouAction | None = None
    last_dialog: QDialog | None = None
    last_question: QMessageBox | None = None

    def _open(self, dialog: QDialog) -> QDialog:
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def new_customer(self, parent: QWidget) -> None:
        from cobranza_desktop.ui.dialogs.customer_dialog import CustomerDialog

        self._open(CustomerDialog(self.customers, self.runner, parent))

    def new_invoice(self, parent: QWidget, customer_id: int | None = None) -> None:
        from cobranza_desktop.ui.dialogs.invoice_editor import InvoiceEditor

        self._open(
            InvoiceEditor(
                self.invoices,
                self.customers,
                self.business,
                self.runner,
                self.clock.today(),
                customer_id=customer_id,
                search=self.customer_search,
                issuing=self.issuing,
                parent=parent,
            )
        )

    def open_invoice(self, parent: QWidget, invoice_id: int) -> None:
        from cobranza_desktop.ui.dialogs.invoice_editor import InvoiceEditor

        def show(view: object) -> None:
            self._open(
                InvoiceEditor(
                    self.invoices,
                    self.customers,
                    self.business,
                    self.runner,
                    self.clock.today(),
                    invoice=view,  # type: ignore[arg-type]
                    parent=parent,
                )
            )

        invoices = self.invoices
        self.runner.submit(lambda ctx: invoices.get(invoice_id), on_result=show)

    def record_payment(self, parent: QWidget, customer_id: int | None = None) -> None:
        from cobranza_desktop.ui.dialogs.payment_dialog import PaymentDialog

        self._open(
            PaymentDialog(
                self.payments,
                self.customers,
                self.runner,
                self.clock.today(),
                customer_id=customer_id,
                search=self.customer_search,
                receive=self.receiving.receive if self.receiving is not None else None,
                on_done=lambda view: self.propose_thank_you(parent, view),
                parent=parent,
            )
        )

    def propose_thank_you(self, parent: QWidget, payment: PaymentView) -> None:
        """After a payment, offer (never impose) a thank-you on the preferred channel."""
        thank_you = self.thank_you
        if thank_you is None or payment.amount <= 0:
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
        box.button(QMessageBox.StandardButton.Yes).setText(
            QCoreApplication.translate("AppCommands", "Redactar agradecimiento")
        )
        box.button(QMessageBox.StandardButton.No).setText(
            QCoreApplication.translate("AppCommands", "Ahora no")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                thank_you(parent, payment.customer_id, payment.amount)

        box.finished.connect(answered)
        self.last_question = box
        box.open()

    def compose_reminder(self, parent: QWidget, customer_id: int) -> None:
        if self.reminder_composer is not None:
            self.reminder_composer(parent, customer_id)

    def view_statement(self, parent: QWidget, customer_id: int) -> None:
        if self.statement_viewer is not None:
            self.statement_viewer(parent, customer_id)

    def view_notice(self, parent: QWidget, customer_id: int) -> None:
        if self.notice_viewer is not None:
            self.notice_viewer(parent, customer_id)

    def view_invoice(self, parent: QWidget, invoice_id: int) -> None:
        if self.invoice_viewer is not None:
            self.invoice_viewer(parent, invoice_id)

    def view_receipt(self, parent: QWidget, payment_id: int) -> None:
        if self.receipt_viewer is not None:
            self.receipt_viewer(parent, payment_id)
