"""The customer's answer to «¿Recibió su factura? ¿Sus datos son correctos?»."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.services.collections.receipts import (
    ReceiptAnswer,
    ReceiptService,
    ReceiptView,
)
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, action_buttons


class ReceiptDialog(QDialog):
    def __init__(
        self,
        receipts: ReceiptService,
        runner: TaskRunner,
        invoice_id: int,
        number: str,
        customer_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recepción de la factura %1").replace("%1", number))
        self._receipts = receipts
        self._runner = runner
        self._invoice_id = invoice_id
        self._customer_id = customer_id
        self.result_view: ReceiptView | None = None
        question = QLabel(self.tr("¿Recibió su factura? ¿Sus datos son correctos?"))
        question.setObjectName("sectionTitle")
        self.received = QRadioButton(self.tr("Sí, la recibió y sus datos son correctos"))
        self.wrong = QRadioButton(self.tr("Los datos están mal: hay que corregirla"))
        self.received.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.received)
        group.addButton(self.wrong)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Qué datos están mal (RFC, domicilio, conceptos…)"))
        self.hint = QLabel(
            self.tr("Mientras se corrige, la cobranza de esta factura queda en pausa.")
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("statusLine")
        # Beyond the contact cap, in quiet hours or on a Sunday: logging it needs a reason.
        self.override = QLineEdit()
        self.override.setPlaceholderText(
            self.tr("Motivo para registrar el contacto de todos modos")
        )
        self.override.setVisible(False)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.errors = FieldErrors(
            self.error_label, {"note": self.note, "override_reason": self.override}
        )
        self.note.textEdited.connect(lambda _t: self.errors.clear())
        self.buttons, self.save_button = action_buttons(
            self.tr("Registrar respuesta"), self.save, self.reject
        )
        layout = QVBoxLayout(self)
        for widget in (question, self.received, self.wrong, self.note, self.hint, self.override):
            layout.addWidget(widget)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(460, 240)

    def save(self) -> None:
        answer = ReceiptAnswer.WRONG if self.wrong.isChecked() else ReceiptAnswer.RECEIVED
        note = self.note.text().strip()
        if answer is ReceiptAnswer.WRONG and not note:
            self.errors.show(self.tr("Escriba qué datos están mal."), "note")
            return
        self.errors.clear()
        receipts, invoice_id = self._receipts, self._invoice_id
        override = self.override.text().strip() or None
        self.save_button.setEnabled(False)
        self._runner.write(
            lambda ctx: receipts.answer(invoice_id, answer, note, override_reason=override),
            OpChanges.of(Kind.INVOICES, Kind.CONTACTS, customers=[self._customer_id]),
        ).success(self._done).failure(self._failed).run()

    def _done(self, view: ReceiptView) -> None:
        self.result_view = view
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.save_button.setEnabled(True)
        if failure.field == "override_reason":
            self.override.setVisible(True)
        self.errors.show(failure.message, failure.field)
