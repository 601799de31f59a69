""" "Devolver saldo a favor…": the owner pays back part or all of a customer's credit.

The amount is read with the one money parser; the service refuses more than the credit,
a missing reason or a future date, and then nothing is written.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.billing.refunds import RefundService, RefundView
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, date_edit, from_qdate


class RefundDialog(QDialog):
    def __init__(
        self,
        refunds: RefundService,
        runner: TaskRunner,
        customer_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Devolver saldo a favor"))
        self._refunds = refunds
        self._runner = runner
        self._customer_id = customer_id
        self.outcome: RefundView | None = None
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Por ejemplo: baja del servicio"))
        self.date = date_edit(refunds.today())
        self.date.setMaximumDate(self.date.date())  # the service refuses a future date
        self.method = QComboBox()
        for method in PaymentMethod:
            if method is not PaymentMethod.DISCOUNT:
                self.method.addItem(method.label(), method.value)
        self.method.setCurrentIndex(self.method.findData(PaymentMethod.TRANSFER.value))
        form = QFormLayout(self)
        form.addRow(self.tr("&Importe"), self.amount)
        form.addRow(self.tr("&Motivo"), self.reason)
        form.addRow(self.tr("&Fecha"), self.date)
        form.addRow(self.tr("F&orma"), self.method)
        error = QLabel()
        form.addRow(error)
        self.errors = FieldErrors(
            error, {"amount": self.amount, "reason": self.reason, "date": self.date}
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Devolver"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        refunds, cid = self._refunds, self._customer_id
        amount, reason = self.amount.text().strip() or "0", self.reason.text()
        day, method = from_qdate(self.date.date()), PaymentMethod(self.method.currentData())
        self.errors.clear()

        def done(view: RefundView) -> None:
            self.outcome = view
            self.accept()

        def failed(failure: TaskFailure) -> None:
            self.errors.show(failure.message, failure.field)
            self.adjustSize()  # room for a message of two lines

        self._runner.write(
            lambda _ctx: refunds.refund(cid, amount, reason, on=day, method=method),
            OpChanges.of(Kind.PAYMENTS, Kind.INVOICES, customers=[cid]),
        ).success(done).failure(failed).run()
