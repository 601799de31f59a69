"""Customer-file panel: the customer's late-payment terms and the penalties accrued to date.

A standalone widget for the customer file: it receives the :class:`PenaltyService` and the
customer's id. It lists the charges made (waived ones too, with their reason), lets the
user waive (condonar) one with a reason, and opens the apply dialog for this customer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.formatting import format_money, format_period
from cobranza_desktop.domain.penalties import ChargeKind, describe_policy
from cobranza_desktop.services.penalties.engine import (
    ChargeView,
    CustomerPenaltySummary,
    PenaltyService,
)
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner

Index = QModelIndex | QPersistentModelIndex
# Asks the user for the reason of a waiver; returns None when cancelled.
ReasonPrompt = Callable[[QWidget, ChargeView], str | None]


def ask_reason(parent: QWidget, charge: ChargeView) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        parent.tr("Condonar cargo"),
        parent.tr("Motivo de la condonación de {0} ({1}):").format(
            charge.charge_number, format_money(charge.amount)
        ),
    )
    return text if ok else None


class ChargeTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ChargeView] = []
        self._headers = [
            self.tr("Documento"),
            self.tr("Factura"),
            self.tr("Concepto"),
            self.tr("Periodo"),
            self.tr("Importe"),
            self.tr("Pagado"),
            self.tr("Estado"),
        ]

    def set_rows(self, rows: list[ChargeView]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        charge = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and charge.waived:
            return charge.waive_reason
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return charge.charge_number
        if column == 1:
            return charge.invoice_number
        if column == 2:
            return (
                self.tr("Cargo por atraso")
                if charge.kind is ChargeKind.FEE
                else self.tr("Interés moratorio")
            )
        if column == 3:
            return format_period(charge.period_start, charge.period_end)
        if column == 4:
            return format_money(charge.amount)
        if column == 5:
            return format_money(charge.paid)
        if charge.waived:
            return self.tr("Condonado: {0}").format(charge.waive_reason)
        return self.tr("Pagado") if charge.balance == 0 else self.tr("Por cobrar")


class CustomerPenaltiesPanel(QWidget):
    """Terms, accrued penalties and charges of one customer. ``changed`` after any write."""

    changed = Signal()

    def __init__(
        self,
        penalties: PenaltyService,
        customer_id: int,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner,
        reason_prompt: ReasonPrompt = ask_reason,
        load: bool = True,
    ) -> None:
        """``load=False``: the owner gives the figures (:meth:`show_penalties`), as the
        customer file does from its read model, instead of a query of the panel's own."""
        super().__init__(parent)
        self._penalties = penalties
        self._customer_id = customer_id
        self._runner = runner
        self._reason_prompt = reason_prompt

        self.terms = QLabel()
        self.terms.setObjectName("terms")
        self.terms.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        self.model = ChargeTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(self.tr("No se han aplicado cargos a este cliente."))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.waive_button = QPushButton(self.tr("Condonar…"))
        # A wrong charge (say, a payment typed later with an earlier date) is corrected:
        # voided, and its period charged again from the book as it is now.
        self.correct_button = QPushButton(self.tr("Corregir…"))
        self.correct_button.setToolTip(
            self.tr(
                "El cargo estaba mal (por ejemplo, un pago registrado tarde): se anula y su "
                "periodo se vuelve a calcular al aplicar las penalizaciones."
            )
        )
        self.apply_button = QPushButton(self.tr("Aplicar penalizaciones…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.waive_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.apply_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.terms)
        layout.addWidget(self.figures)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.waive_button.clicked.connect(lambda: self.waive_selected())
        self.correct_button.clicked.connect(lambda: self.waive_selected(recompute=True))
        self.apply_button.clicked.connect(self.open_apply_dialog)
        self._loads = load
        if load:
            self.refresh()

    def refresh(self) -> None:
        penalties, customer_id = self._penalties, self._customer_id

        def work() -> tuple[CustomerPenaltySummary, list[ChargeView]]:
            return (
                penalties.customer_summary(customer_id),
                penalties.charges(customer_id=customer_id),
            )

        self._runner.query(lambda _ctx: work()).success(
            lambda data: self.show_penalties(*data)
        ).error(self._failed).key(f"customer-penalties-{customer_id}-{id(self)}").run()

    def _failed(self, message: str) -> None:
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(message)

    def show_penalties(
        self, summary: CustomerPenaltySummary, charges: Sequence[ChargeView]
    ) -> None:
        source = (
            self.tr("condiciones propias del cliente")
            if summary.own_policy
            else self.tr("política del negocio")
        )
        self.terms.setText(
            self.tr("Condiciones ({0}): {1}").format(source, describe_policy(summary.policy))
        )
        self.figures.setText(
            self.tr(
                "Penalizaciones a la fecha: {0} · cargadas {1} (por cobrar {2}) · "
                "generadas sin cargar {3} · condonadas {4}"
            ).format(
                format_money(summary.accrued_to_date),
                format_money(summary.charged),
                format_money(summary.charged_open),
                format_money(summary.pending),
                format_money(summary.waived),
            )
        )
        self.model.set_rows(list(charges))
        has_rows = bool(charges)
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.apply_button.setEnabled(summary.pending > 0)
        self._update_buttons()

    def selected_charge(self) -> ChargeView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        charge = self.selected_charge()
        self.waive_button.setEnabled(charge is not None and not charge.waived)
        self.correct_button.setEnabled(charge is not None and not charge.waived)

    def waive_selected(self, *, recompute: bool = False) -> None:
        """Waive the selected charge: forgive it, or (``recompute``) correct it."""
        charge = self.selected_charge()
        if charge is None or charge.waived:
            return
        reason = self._reason_prompt(self, charge)
        if reason is None:
            return
        penalties = self._penalties

        def work() -> ChargeView:
            return penalties.waive(charge.id, reason, recompute=recompute)

        changes = OpChanges.of(Kind.PENALTIES, Kind.INVOICES, customers=[charge.customer_id])
        self._runner.write(lambda _ctx: work(), changes).success(self._waived).error(
            self._failed
        ).describe(self.tr("Condonando el cargo")).run()

    def _waived(self, charge: ChargeView) -> None:
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Se condonó {0} por {1}.").format(
                charge.charge_number, format_money(charge.amount)
            )
        )
        if self._loads:
            self.refresh()
        self.changed.emit()

    def open_apply_dialog(self) -> None:
        from cobranza_desktop.ui.dialogs.apply_penalties import ApplyPenaltiesDialog

        dialog = ApplyPenaltiesDialog(
            self._penalties, customer_id=self._customer_id, parent=self, runner=self._runner
        )
        dialog.applied.connect(self._after_apply)
        dialog.exec()

    def _after_apply(self, _result: object) -> None:
        if self._loads:
            self.refresh()
        self.changed.emit()
