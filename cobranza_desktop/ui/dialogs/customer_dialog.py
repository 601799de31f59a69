"""New customer: the contact form in a dialog; saving runs on the database worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from cobranza_desktop.services.customers.records import CustomerService, CustomerView
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.customer_form import CustomerForm


class CustomerDialog(QDialog):
    def __init__(
        self,
        customers: CustomerService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        on_created: Callable[[CustomerView], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nuevo cliente"))
        self._customers = customers
        self._runner = runner
        self._on_created = on_created
        self.created: CustomerView | None = None
        self.form = CustomerForm()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        data = self.form.validated()
        if data is None:
            return
        self.buttons.setEnabled(False)
        customers = self._customers
        self._runner.write(
            lambda ctx: customers.create(data),
            lambda view: OpChanges.of(Kind.CUSTOMERS, customers=[view.id]),
        ).success(self._saved).failure(self._failed).describe(self.tr("Guardando cliente")).run()

    def _saved(self, view: CustomerView) -> None:
        self.created = view
        self.buttons.setEnabled(True)
        if self._on_created is not None:
            self._on_created(view)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.buttons.setEnabled(True)
        self.form.errors.show(failure.message, failure.field)
