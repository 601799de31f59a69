"""The REP radar on Today: the owner's own tasks, not messages to customers.

Two lists, read through the runner: payments against PPD invoices that still lack
their payment receipt (REP, due the 5th of the next month; overdue ones first), and
PUE invoices with a balance after the end of their month (they should have been PPD).
An imported P document closes the items; the panel refreshes on payment changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.receivables.rep_radar import RepRadar, RepRadarService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.text_cache import money

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
OVERDUE = QBrush(QColor("#fbe3e1"))
# Rows shown on Today; the Payments page's «Sin REP» filter lists them all.
MAX_ROWS = 200
RADAR_LANE = "rep-radar"


class RepPanel(QGroupBox):
    customer_requested = Signal(int)

    def __init__(
        self,
        radar: RepRadarService,
        clock: Clock,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("repPanel")
        self.setTitle(self.tr("Tareas del negocio: complementos de pago (REP)"))
        self._radar = radar
        self._clock = clock
        self._runner = runner
        self.current: RepRadar | None = None
        self.summary = QLabel(" ")
        self.summary.setObjectName("repSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        named(self.table, self.tr("Complementos de pago por emitir"))
        self.table.setObjectName("repTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tarea"),
                self.tr("Fecha límite"),
                self.tr("Factura"),
                self.tr("Cliente"),
                self.tr("Monto"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((250, 110, 120, 240)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(170)
        self.table.doubleClicked.connect(self._open)
        self._customers: list[int] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        runner.data_changed.connect(self._data_changed)
        # After the page's own first read is queued (the radar reads on its own lane).
        QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        radar, day = self._radar, self._clock.today()
        # The first rows and the counts only (a big book has near a million), on a reader
        # of its own: the writes, the customer list and Today's agenda do not wait for it.
        self._runner.query(lambda _ctx: radar.radar(day, limit=MAX_ROWS)).success(
            self.show_radar
        ).error(self.summary.setText).key(f"rep-radar-{id(self)}").aside(RADAR_LANE).run()

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.touches(Kind.PAYMENTS, Kind.INVOICES, Kind.SETTINGS):
            self.refresh()

    def show_radar(self, radar: RepRadar) -> None:
        self.current = radar
        self.summary.setText(
            self.tr("%Ln pagos sin REP", None, radar.pending_total)
            + " ("
            + self.tr("%Ln vencidos", None, radar.overdue_total)
            + ") · "
            + self.tr("%Ln facturas PUE con saldo después de su mes", None, radar.pue_total)
        )
        rows: list[tuple[tuple[str, str, str, str, str], int, bool]] = []
        for p in radar.pending:
            task = self.tr("Emitir REP del pago del %1").replace("%1", format_date(p.paid_on))
            cells = (task, format_date(p.deadline), p.invoice, p.customer_name, money(p.amount))
            rows.append((cells, p.customer_id, p.overdue))
        for u in radar.pue_unpaid:
            task = self.tr("PUE sin pagar al cierre del mes: revisar (debió ser PPD)")
            cells = (task, format_date(u.month_end), u.invoice, u.customer_name, money(u.balance))
            rows.append((cells, u.customer_id, False))
        shown = rows[:MAX_ROWS]
        self._customers = [customer for _cells, customer, _late in shown]
        self.table.setRowCount(len(shown))
        for row, (cells, _customer, late) in enumerate(shown):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 4:
                    item.setTextAlignment(RIGHT)
                if late:
                    item.setBackground(OVERDUE)
                self.table.setItem(row, column, item)
        self.setVisible(bool(rows))

    def _open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._customers):
            self.customer_requested.emit(self._customers[row])
