"""The frequent actions (new customer, new invoice, record payment...) as dialogs.

The main window's toolbar and shortcuts, and the pages' buttons, all call these.
Dialogs open window-modal but without blocking (``open()``), so tests can drive them.
Other features plug in here: a reminder composer and a statement viewer are plain
callables ``(parent, customer_id) -> None``; the buttons are enabled once they exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.services.business import BusinessService
from cobranza_desktop.services.customers import CustomerService
from cobranza_desktop.services.invoices import InvoiceService
from cobranza_desktop.services.payments import PaymentService
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.customer_picker import CustomerSearch

CustomerAction = Callable[[QWidget, int], None]


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
    last_dialog: QDialog | None = None

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
                parent=parent,
            )
        )

    def compose_reminder(self, parent: QWidget, customer_id: int) -> None:
        if self.reminder_composer is not None:
            self.reminder_composer(parent, customer_id)

    def view_statement(self, parent: QWidget, customer_id: int) -> None:
        if self.statement_viewer is not None:
            self.statement_viewer(parent, customer_id)
