"""One dialog for every payment correction: what will change, the reason, then do it.

The preview comes from the service (the same change, rolled back), so what the table
shows, balance by balance, is what confirming writes. Nothing is written before
"Confirmar"; a refusal is shown under the field it concerns.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.formatting import format_datetime, format_money
from cobranza_desktop.services.receivables.correction_changes import (
    BalanceChange,
    CorrectionPreview,
)
from cobranza_desktop.services.receivables.corrections import LastAllocation
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.models.list_model import ListTableModel
from cobranza_desktop.ui.models.paged import RIGHT, Column
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, action_buttons
from cobranza_desktop.ui.widgets.table import make_table, set_widths

# A correction moves money between invoices and credit: the file, the lists, aging.
CORRECTION_KINDS = (Kind.PAYMENTS, Kind.INVOICES, Kind.PENALTIES)


def preview_model(parent: QWidget) -> ListTableModel[BalanceChange]:
    tr = parent.tr
    return ListTableModel(
        [
            Column("number", tr("Factura"), lambda c: c.number),
            Column("before", tr("Saldo antes"), lambda c: format_money(c.before), RIGHT),
            Column("after", tr("Saldo después"), lambda c: format_money(c.after), RIGHT),
        ]
    )


def preview_totals(parent: QWidget, preview: CorrectionPreview) -> str:
    tr = parent.tr
    return (
        tr("Saldo del cliente: %1 → %2 · Saldo a favor: %3 → %4")
        .replace("%1", format_money(preview.balance_before))
        .replace("%2", format_money(preview.balance_after))
        .replace("%3", format_money(preview.credit_before))
        .replace("%4", format_money(preview.credit_after))
    )


class CorrectionDialog(QDialog):
    """Preview a correction, ask its reason, and apply it through the runner."""

    def __init__(
        self,
        runner: TaskRunner,
        customer_id: int,
        *,
        title: str,
        intro: str,
        confirm: str,
        preview: Callable[[], CorrectionPreview],
        apply: Callable[[str], object],
        reason_required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._runner = runner
        self._customer_id = customer_id
        self._apply = apply
        self._reason_required = reason_required
        self.preview: CorrectionPreview | None = None
        self.result_value: object = None

        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.model = preview_model(self)
        self.table = make_table(sortable=False)
        self.table.setModel(self.model)
        named(self.table, self.tr("Lo que cambiará"))
        set_widths(self.table, [160, 140, 140])
        self.totals = QLabel(self.tr("Calculando lo que cambiará…"))
        self.totals.setObjectName("statusLine")
        self.totals.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("Por qué se corrige (obligatorio)")
            if reason_required
            else self.tr("Por qué se corrige (opcional)")
        )
        form = QFormLayout()
        form.addRow(self.tr("&Motivo"), self.reason)
        self.error_label = QLabel()
        self.errors = FieldErrors(self.error_label, {"reason": self.reason})
        self.buttons, self.confirm_button = action_buttons(confirm, self.confirm, self.reject)
        self.confirm_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addWidget(QLabel(self.tr("Lo que cambiará:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        runner.query(lambda _ctx: preview()).success(self._previewed).failure(
            self._preview_failed
        ).run()

    def _previewed(self, preview: CorrectionPreview) -> None:
        self.preview = preview
        self.model.set_rows(list(preview.lines))
        self.totals.setText(preview_totals(self, preview))
        self.confirm_button.setEnabled(True)

    def describe_last(self, last: LastAllocation | None) -> None:
        """Name the allocation that "undo" takes back."""
        if last is not None:
            self.intro.setText(
                self.intro.text()
                + "\n"
                + self.tr("Última aplicación: %1 a la factura %2 (pago %3, %4).")
                .replace("%1", format_money(last.amount))
                .replace("%2", last.invoice_number)
                .replace("%3", str(last.payment_id))
                .replace("%4", format_datetime(last.created_at))
            )

    def _preview_failed(self, failure: TaskFailure) -> None:
        # Nothing to correct (no credit, already reversed...): say why, offer nothing.
        self.totals.setText("")
        self.errors.show(failure.message, None)

    def confirm(self) -> None:
        reason = self.reason.text().strip()
        if self._reason_required and not reason:
            self.errors.show(self.tr("Escriba el motivo de la corrección."), "reason")
            return
        self.errors.clear()
        self.confirm_button.setEnabled(False)
        apply = self._apply
        self._runner.write(
            lambda _ctx: apply(reason),
            OpChanges.of(*CORRECTION_KINDS, customers=[self._customer_id]),
        ).success(self._done).failure(self._failed).describe(
            self.windowTitle(), show_progress=False
        ).run()

    def _done(self, value: object) -> None:
        self.result_value = value
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.confirm_button.setEnabled(True)
        self.errors.show(failure.message, failure.field)
