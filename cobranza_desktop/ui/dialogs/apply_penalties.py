"""The "Aplicar penalizaciones" dialog: a preview table before anything is written.

A standalone dialog: it receives the :class:`PenaltyService` (and optionally one customer).
It shows every charge due on the chosen date with its breakdown; the user unticks what
should not be charged and presses "Aplicar". Applying twice never charges twice: the
service recomputes inside its transaction.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.formatting import format_money, format_percent, format_period
from cobranza_desktop.domain.money import ZERO
from cobranza_desktop.domain.penalties import ChargeKind
from cobranza_desktop.services import CancelCheck, ProgressCallback
from cobranza_desktop.services.penalties.engine import (
    AppliedPenalties,
    PenaltyProposal,
    PenaltyService,
    ProposedCharge,
)
from cobranza_desktop.ui.accessibility import caption, named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskHandle, TaskRunner

Index = QModelIndex | QPersistentModelIndex


class ProposalTableModel(QAbstractTableModel):
    """The proposed charges, each with a check box (all ticked by default)."""

    COLUMNS = 9
    AMOUNT_COLUMNS = (6, 8)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProposedCharge] = []
        self._checked: list[bool] = []
        self._headers = [
            "",
            self.tr("Cliente"),
            self.tr("Factura"),
            self.tr("Concepto"),
            self.tr("Periodo"),
            self.tr("Días"),
            self.tr("Base"),
            self.tr("Tasa o cargo"),
            self.tr("Importe"),
        ]

    def set_charges(self, charges: tuple[ProposedCharge, ...]) -> None:
        self.beginResetModel()
        self._rows = list(charges)
        # Customers without signed terms start unticked: charging them takes a reason.
        # Contract terms for a customer who never signed them wait for a tick and a reason.
        self._checked = [c.terms_signed or c.legal_rate for c in charges]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def _text(self, charge: ProposedCharge, column: int) -> str:
        b = charge.breakdown
        if column == 1:
            return charge.customer_name + ("" if charge.terms_signed else " ⚠")
        if column == 2:
            return charge.invoice_number
        if column == 3:
            return (
                self.tr("Cargo por atraso")
                if b.kind is ChargeKind.FEE
                else self.tr("Interés moratorio")
            )
        if column == 4:
            return format_period(b.period_start, b.period_end)
        if column == 5:
            return str(b.days)
        if column == 6:
            return format_money(b.base)
        if column == 7:
            if b.kind is ChargeKind.INTEREST:
                return self.tr("{0} anual, base {1}").format(
                    format_percent(b.annual_rate_percent), b.day_basis
                )
            parts = []
            if b.fixed_fee:
                parts.append(format_money(b.fixed_fee))
            if b.percent_fee:
                parts.append(format_percent(b.percent_fee))
            return " + ".join(parts)
        if column == 8:
            return format_money(b.amount)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        charge = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(charge, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not charge.terms_signed:
                return (
                    self.tr("Sin condiciones de crédito firmadas")
                    + "\n"
                    + (charge.breakdown.describe())
                )
            return charge.breakdown.describe()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (5, 6, 7, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            state = value.value if hasattr(value, "value") else value
            self._checked[index.row()] = state == Qt.CheckState.Checked.value
            self.dataChanged.emit(index, index, [role])
            return True
        return False

    def set_all_checked(self, checked: bool) -> None:
        self._checked = [checked] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def selected(self) -> list[ProposedCharge]:
        return [c for c, on in zip(self._rows, self._checked, strict=True) if on]


class ApplyPenaltiesDialog(QDialog):
    """Preview and apply the penalties due on a date. ``applied`` carries the result."""

    applied = Signal(object)

    def __init__(
        self,
        penalties: PenaltyService,
        customer_id: int | None = None,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner,
    ) -> None:
        super().__init__(parent)
        self._penalties = penalties
        self._customer_id = customer_id
        self._runner = runner
        self._proposal: PenaltyProposal | None = None
        self._applying: TaskHandle | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Aplicar penalizaciones"))
        self.resize(980, 520)

        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("dd/MM/yyyy")
        intro = QLabel(
            self.tr(
                "Revise los cargos antes de aplicarlos. Nada se escribe hasta que pulse «Aplicar». "
                "Los periodos ya cobrados no se vuelven a cobrar."
            )
        )
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(caption(self.tr("&Calcular al:"), self.as_of))
        top.addWidget(self.as_of)
        top.addStretch(1)
        self.select_all = QPushButton(self.tr("Marcar todos"))
        self.select_none = QPushButton(self.tr("Desmarcar todos"))
        top.addWidget(self.select_all)
        top.addWidget(self.select_none)

        self.model = ProposalTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        named(self.table, self.tr("Cargos propuestos"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No hay penalizaciones por aplicar a esta fecha."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        # Customers who never signed the credit terms: the legal rate, or the contract's
        # terms with a reason.
        self.unsigned_label = QLabel()
        self.unsigned_label.setObjectName("unsignedWarning")
        self.unsigned_label.setWordWrap(True)
        self.unsigned_label.setStyleSheet("color: #8a5a00;")
        self.contract_terms = QCheckBox(self.tr("Cobrarles las condiciones del contrato"))
        self.unsigned_reason = QLineEdit()
        self.unsigned_reason.setPlaceholderText(
            self.tr("Motivo para cobrar a clientes sin condiciones firmadas")
        )
        self.unsigned_reason.setEnabled(False)
        self.unsigned_box = QWidget()
        unsigned_layout = QVBoxLayout(self.unsigned_box)
        unsigned_layout.setContentsMargins(0, 0, 0, 0)
        unsigned_layout.addWidget(self.unsigned_label)
        unsigned_row = QHBoxLayout()
        unsigned_row.addWidget(self.contract_terms)
        unsigned_row.addWidget(self.unsigned_reason, 1)
        unsigned_layout.addLayout(unsigned_row)
        self.unsigned_box.setVisible(False)
        self.contract_terms.toggled.connect(self._contract_toggled)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancelar"))
        self.cancel_button.setVisible(False)
        self.apply_button = QPushButton(self.tr("Aplicar"))
        self.apply_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cerrar"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.apply_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.unsigned_box)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self.select_all.clicked.connect(lambda: self.model.set_all_checked(True))
        self.select_none.clicked.connect(lambda: self.model.set_all_checked(False))
        self.model.dataChanged.connect(self._update_summary)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancel_apply)
        self.close_button.clicked.connect(self.reject)
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self._date_known = False
        self.refresh()

    def selected_date(self) -> date | None:
        """The date chosen; ``None`` (today, by the service's clock) until it is known."""
        if not self._date_known:
            return None
        qd = self.as_of.date()
        return date(qd.year(), qd.month(), qd.day())

    def _set_date(self, day: date) -> None:
        """Show the service's today as the default date and the latest one allowed."""
        self.as_of.blockSignals(True)
        try:
            self.as_of.setMaximumDate(QDate(day.year, day.month, day.day))
            self.as_of.setDate(QDate(day.year, day.month, day.day))
        finally:
            self.as_of.blockSignals(False)
        self._date_known = True

    def refresh(self) -> None:
        """Compute the proposal again for the chosen date (today at first). Writes nothing."""
        penalties, day, customer_id = self._penalties, self.selected_date(), self._customer_id
        contract = self.contract_terms.isChecked()
        self._busy = True
        self.summary.setText(self.tr("Calculando…"))
        self.apply_button.setEnabled(False)

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> PenaltyProposal:
            return penalties.propose(
                day,
                customer_id=customer_id,
                progress=progress,
                cancelled=cancelled,
                contract_for_unsigned=contract,
            )

        self._runner.query(lambda ctx: work(ctx.progress, ctx.cancelled)).success(
            self._proposed
        ).error(self._propose_failed).key(f"penalties-propose-{id(self)}").describe(
            self.tr("Calculando penalizaciones")
        ).run()

    def _proposed(self, proposal: PenaltyProposal) -> None:
        self._busy = False
        if not self._date_known:
            self._set_date(proposal.as_of)
        self._proposal = proposal
        self.model.set_charges(proposal.charges)
        unsigned = proposal.unsigned_customers()
        self.unsigned_box.setVisible(bool(unsigned))
        names = ", ".join(name for _cid, name in unsigned)
        if self.contract_terms.isChecked():
            warning = self.tr(
                "⚠ Sin condiciones de crédito firmadas: {0}. Los cargos del contrato quedan "
                "sin marcar; para cobrarlos, márquelos y escriba el motivo."
            )
        else:
            warning = self.tr(
                "⚠ Sin condiciones de crédito firmadas: {0}. No pactaron una tasa: solo se "
                "les cobra el interés legal (6 % anual, sin comisiones)."
            )
        self.unsigned_label.setText(warning.format(names))
        self._show_table()

    def _propose_failed(self, message: str) -> None:
        self._busy = False
        self._proposal = None
        self.model.set_charges(())
        self._show_message(message, error=True)
        self._show_table()

    def _show_table(self) -> None:
        self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)
        self._update_summary()

    def _update_summary(self) -> None:
        chosen = self.model.selected()
        total = sum((c.amount for c in chosen), ZERO)
        customers = len({c.customer_id for c in chosen})
        self.summary.setText(
            self.tr("%Ln cargos de {0} · total {1}", None, len(chosen)).format(
                self.tr("%Ln clientes", None, customers), format_money(total)
            )
        )
        self.apply_button.setEnabled(bool(chosen) and not self._busy)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.message.setText(text)

    def selected_total(self) -> Decimal:
        return sum((c.amount for c in self.model.selected()), ZERO)

    def apply(self) -> None:
        """Charge the ticked rows (computed again by the service: never twice)."""
        chosen = self.model.selected()
        if not chosen or self._proposal is None or self._busy:
            return
        penalties, customer_id = self._penalties, self._customer_id
        day = self._proposal.as_of
        keys = [c.selection_key for c in chosen]
        contract = self.contract_terms.isChecked()
        reason = self.unsigned_reason.text().strip() if contract else ""
        if contract and any(not c.terms_signed for c in chosen) and not reason:
            self._show_message(
                self.tr("Escriba el motivo para cobrar a clientes sin condiciones firmadas."),
                error=True,
            )
            self.unsigned_reason.setFocus()
            return

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> AppliedPenalties:
            return penalties.apply(
                day,
                selected=keys,
                customer_id=customer_id,
                progress=progress,
                cancelled=cancelled,
                unsigned_reason=reason or None,
            )

        self._set_applying(True)
        changes = OpChanges.of(
            Kind.PENALTIES,
            Kind.INVOICES,
            customers=None if customer_id is None else [customer_id],
        )
        self._applying = (
            self._runner.write(lambda ctx: work(ctx.progress, ctx.cancelled), changes)
            .success(self._applied)
            .error(self._apply_failed)
            .progress(lambda f: self.progress.setValue(int(f * 1000)))
            .describe(self.tr("Aplicando penalizaciones"), show_progress=True)
            .run()
        )

    def _contract_toggled(self, on: bool) -> None:
        self.unsigned_reason.setEnabled(on)
        self.refresh()

    def _set_applying(self, applying: bool) -> None:
        self._busy = applying
        self.progress.setValue(0)
        self.progress.setVisible(applying)
        self.cancel_button.setVisible(applying)
        self.close_button.setEnabled(not applying)
        self.as_of.setEnabled(not applying)
        self.table.setEnabled(not applying)
        self._update_summary()

    def cancel_apply(self) -> None:
        """Stop applying. The service applies all or nothing, so if it had not finished it
        rolls back; the proposal computed next (after it, on the same worker) shows what
        is still to charge either way."""
        if self._applying is not None:
            self._applying.cancel()
            self._applying = None
        self._set_applying(False)
        self._show_message(self.tr("Se pidió cancelar. La lista muestra lo que queda por aplicar."))
        self.refresh()

    def _applied(self, result: AppliedPenalties) -> None:
        self._applying = None
        self._set_applying(False)
        self._show_message(
            self.tr("Se aplicaron %Ln cargos por {0}.", None, len(result.charges)).format(
                format_money(result.total)
            )
        )
        self.applied.emit(result)
        self.refresh()

    def _apply_failed(self, message: str) -> None:
        self._applying = None
        self._set_applying(False)
        self._show_message(message, error=True)
