"""The technician's list on Today: services to cut, and services to reconnect.

A restricted or suspended customer's active subscriptions are to cut while they owe
something overdue (net of their credit), and to reconnect once they owe nothing overdue.
"Reconectar" lifts the suspension (with the reason written) and books the
subscription's reconnection fee, if it has one. Hidden when there is nothing to do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.services.collections.service_cuts import (
    Reconnection,
    ServiceCutService,
    ServiceTask,
    TechnicianList,
)
from cobranza_desktop.ui.colors import alert_background
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.text_cache import money

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TechnicianPanel(QGroupBox):
    customer_requested = Signal(int)

    def __init__(
        self,
        cuts: ServiceCutService,
        clock: Clock,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("technicianPanel")
        self.setTitle(self.tr("Para el técnico: servicios por cortar y por reconectar"))
        self._cuts = cuts
        self._clock = clock
        self._runner = runner
        self.current: TechnicianList | None = None
        self.reconnected: Reconnection | None = None
        self._tasks: list[tuple[ServiceTask, bool]] = []  # (task, to reconnect)
        self.summary = QLabel(" ")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("technicianTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Acción"), self.tr("Cliente"), self.tr("Servicio"), self.tr("Vencido")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((150, 260, 260)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(150)
        self.table.doubleClicked.connect(self._open)
        self.reason = QLineEdit(self.tr("Pagó su adeudo"))
        self.reason.setPlaceholderText(self.tr("Motivo de la reconexión"))
        self.reconnect_button = QPushButton(self.tr("Reconectar"))
        self.reconnect_button.setEnabled(False)
        self.reconnect_button.clicked.connect(self.reconnect)
        self.message = QLabel(" ")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Motivo:")))
        actions.addWidget(self.reason, 1)
        actions.addWidget(self.reconnect_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.table.itemSelectionChanged.connect(self._update_button)
        runner.data_changed.connect(self._data_changed)
        self.refresh()

    def refresh(self) -> None:
        cuts, day = self._cuts, self._clock.today()
        self._runner.query(lambda _ctx: cuts.technician_list(day)).success(self.show_list).error(
            self.summary.setText
        ).key(f"technician-{id(self)}").run()

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.touches(Kind.PAYMENTS, Kind.INVOICES, Kind.CUSTOMERS, Kind.SUBSCRIPTIONS):
            self.refresh()

    def show_list(self, tasks: TechnicianList) -> None:
        self.current = tasks
        self.summary.setText(
            self.tr("%1 servicios por cortar · %2 por reconectar")
            .replace("%1", str(len(tasks.to_cut)))
            .replace("%2", str(len(tasks.to_reconnect)))
        )
        self._tasks = [(t, False) for t in tasks.to_cut] + [(t, True) for t in tasks.to_reconnect]
        self.table.setRowCount(len(self._tasks))
        for row, (task, reconnect) in enumerate(self._tasks):
            action = self.tr("Reconectar") if reconnect else self.tr("Cortar")
            cells = (action, task.customer_name, task.description, money(task.overdue))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not reconnect:  # light or dark palette alike (ui/colors.py)
                    item.setBackground(alert_background())
                if column == 3:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(row, column, item)
        self.setVisible(bool(self._tasks))
        self._update_button()

    def _selected(self) -> tuple[ServiceTask, bool] | None:
        row = self.table.currentRow()
        return self._tasks[row] if 0 <= row < len(self._tasks) else None

    def _update_button(self) -> None:
        chosen = self._selected()
        self.reconnect_button.setEnabled(chosen is not None and chosen[1])

    def reconnect(self) -> None:
        chosen = self._selected()
        if chosen is None or not chosen[1]:
            return
        task, cuts, reason = chosen[0], self._cuts, self.reason.text()
        self.reconnect_button.setEnabled(False)
        self._runner.write(
            lambda _ctx: cuts.reconnect(task.subscription_id, reason),
            OpChanges.of(Kind.CUSTOMERS, Kind.INVOICES, customers=[task.customer_id]),
        ).success(self._reconnected).error(self._failed).run()

    def _reconnected(self, done: Reconnection) -> None:
        self.reconnected = done
        if done.fee_invoice_number:
            self.message.setText(
                self.tr("Reconectado; cargo por reconexión %1 por %2.")
                .replace("%1", done.fee_invoice_number)
                .replace("%2", money(done.fee))
            )
        else:
            self.message.setText(self.tr("Reconectado."))

    def _failed(self, message: str) -> None:
        self.message.setText(message)
        self._update_button()

    def _open(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.customer_requested.emit(chosen[0].customer_id)
