"""Re-allocate a payment between the customer's invoices, with a live preview.

Each open invoice (and each one the payment is on now) is a row with the amount to apply;
what is not placed stays as the customer's credit. The preview below is the service's
(the same re-allocation, rolled back): the balances before → after.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.money import ZERO, parse_amount
from cobranza_desktop.services.receivables.correction_changes import CorrectionPreview
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.dialogs.correction_dialog import (
    CORRECTION_KINDS,
    preview_model,
    preview_totals,
)
from cobranza_desktop.ui.tasks import OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, action_buttons
from cobranza_desktop.ui.widgets.table import make_table, set_widths

AMOUNT_COLUMN = 2
# The payment's amount, each invoice it may go to (id, number, most), and where it is now.
Choices = tuple[Decimal, list[tuple[int, str, Decimal]], dict[int, Decimal]]


class ReallocateDialog(QDialog):
    def __init__(
        self,
        corrections: CorrectionService,
        runner: TaskRunner,
        customer_id: int,
        payment_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reasignar pago"))
        self._corrections = corrections
        self._runner = runner
        self._customer_id = customer_id
        self._payment_id = payment_id
        self._ids: list[int] = []
        self._amount = ZERO
        self.preview: CorrectionPreview | None = None

        heading = QLabel(self.tr("Reasignar pago"))
        heading.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.rows = QTableWidget(0, 3)
        self.rows.setHorizontalHeaderLabels(
            [self.tr("Factura"), self.tr("Puede recibir"), self.tr("Aplicar")]
        )
        named(self.rows, self.tr("Facturas a las que se aplica el pago"))
        self.rows.verticalHeader().setVisible(False)
        self.rows.horizontalHeader().setStretchLastSection(True)
        set_widths(self.rows, [160, 140])
        self.rows.itemChanged.connect(lambda _item: self.refresh_preview())
        self.model = preview_model(self)
        self.preview_table = make_table(sortable=False)
        self.preview_table.setModel(self.model)
        named(self.preview_table, self.tr("Lo que cambiará"))
        set_widths(self.preview_table, [160, 140, 140])
        self.totals = QLabel()
        self.totals.setObjectName("statusLine")
        self.totals.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Por qué se reasigna (obligatorio)"))
        form = QFormLayout()
        form.addRow(self.tr("&Motivo"), self.reason)
        self.error_label = QLabel()
        self.errors = FieldErrors(
            self.error_label, {"reason": self.reason, "allocations": self.rows}
        )
        self.buttons, self.confirm_button = action_buttons(
            self.tr("Reasignar"), self.confirm, self.reject
        )
        self.confirm_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.rows, 1)
        layout.addWidget(QLabel(self.tr("Lo que cambiará:")))
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.totals)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(600, 560)

        def load() -> Choices:
            amount, choices = corrections.reallocation_choices(payment_id)
            return amount, choices, corrections.current_allocations(payment_id)

        runner.query(lambda _ctx: load()).success(self._loaded).failure(self._failed).run()

    def _loaded(self, data: Choices) -> None:
        amount, choices, current = data
        self._amount = amount
        self.intro.setText(
            self.tr(
                "Pago de %1. Escriba cuánto aplicar a cada factura; lo que no se aplique "
                "queda como saldo a favor."
            ).replace("%1", format_money(amount))
        )
        self.rows.blockSignals(True)
        self.rows.setRowCount(len(choices))
        self._ids = []
        for row, (invoice_id, number, most) in enumerate(choices):
            self._ids.append(invoice_id)
            for column, text in enumerate(
                (number, format_money(most), str(current.get(invoice_id, "")))
            ):
                item = QTableWidgetItem(text)
                if column != AMOUNT_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.rows.setItem(row, column, item)
        self.rows.blockSignals(False)
        self.refresh_preview()

    def set_amount(self, row: int, text: str) -> None:
        item = self.rows.item(row, AMOUNT_COLUMN)
        if item is not None:
            item.setText(text)

    def requested(self) -> tuple[Allocation, ...]:
        plan = []
        for row, invoice_id in enumerate(self._ids):
            item = self.rows.item(row, AMOUNT_COLUMN)
            text = item.text().strip() if item is not None else ""
            if text:
                plan.append(Allocation(invoice_id, parse_amount(text, f"allocations[{row}]")))
        return tuple(plan)

    def refresh_preview(self) -> None:
        try:
            plan = self.requested()
        except ValidationError as exc:
            self.confirm_button.setEnabled(False)
            self.errors.show(exc.message, "allocations")
            return
        self.errors.clear()
        corrections, payment_id = self._corrections, self._payment_id
        self._runner.query(lambda _ctx: corrections.preview_reallocation(payment_id, plan)).success(
            self._previewed
        ).failure(self._failed).key(f"reallocate-{id(self)}").run()

    def _previewed(self, preview: CorrectionPreview) -> None:
        self.preview = preview
        self.model.set_rows(list(preview.lines))
        self.totals.setText(preview_totals(self, preview))
        self.confirm_button.setEnabled(preview.changes_anything)

    def _failed(self, failure: TaskFailure) -> None:
        self.confirm_button.setEnabled(False)
        self.errors.show(failure.message, "allocations" if failure.field else None)

    def confirm(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.errors.show(self.tr("Escriba el motivo de la reasignación."), "reason")
            return
        try:
            plan = self.requested()
        except ValidationError as exc:
            self.errors.show(exc.message, "allocations")
            return
        self.confirm_button.setEnabled(False)
        corrections, payment_id = self._corrections, self._payment_id
        self._runner.write(
            lambda _ctx: corrections.reallocate(payment_id, plan, reason),
            OpChanges.of(*CORRECTION_KINDS, customers=[self._customer_id]),
        ).success(lambda _p: self.accept()).failure(self._confirm_failed).run()

    def _confirm_failed(self, failure: TaskFailure) -> None:
        self.confirm_button.setEnabled(True)
        self.errors.show(failure.message, failure.field)
