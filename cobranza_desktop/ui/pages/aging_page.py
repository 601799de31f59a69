"""The aging view: as of any date, one row per customer by bucket, totals, and a chart.

The report is computed on the database worker with a progress bar; the window stays
responsive. Double-clicking a customer opens their file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.services.receivables.aging import AgingLine, AgingReport, AgingService
from cobranza_desktop.ui import file_dialogs
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.export import write_aging_csv, write_aging_xlsx
from cobranza_desktop.ui.models.list_model import ListTableModel
from cobranza_desktop.ui.models.paged import RIGHT, Column
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskContext, TaskRunner
from cobranza_desktop.ui.widgets.forms import date_edit, from_qdate
from cobranza_desktop.ui.widgets.table import make_table

# Calm to alarming: current, then each bucket later.
BUCKET_COLORS = ["#5b9a74", "#b9b14a", "#e0a13a", "#d9713a", "#b8402f", "#8c2424", "#5e1a1a"]
TOP_CUSTOMERS = 6
TOTALS_ID = -1
# Balances by age: invoices, payments and charges; the buckets are a setting.
AGING_KINDS = (Kind.INVOICES, Kind.PAYMENTS, Kind.PENALTIES, Kind.CUSTOMERS, Kind.SETTINGS)


class AgingPage(QWidget):
    customer_requested = Signal(int)
    #: Emitted when a report is shown (tests and the status line listen).
    report_shown = Signal(object)

    def __init__(
        self,
        aging: AgingService,
        runner: TaskRunner,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        compose: Callable[[QWidget, int], object],
    ) -> None:
        super().__init__(parent)
        self._aging = aging
        # (parent, customer_id): the reminder composer, from the messaging feature.
        self._compose = compose
        self._runner = runner
        self.report: AgingReport | None = None
        self._started = False

        title = QLabel(self.tr("Antigüedad de saldos"))
        title.setObjectName("pageTitle")
        self.as_of = date_edit(clock.today())
        named(self.as_of, self.tr("Fecha de corte"))
        self.as_of.dateChanged.connect(lambda _d: self.compute())
        self.csv_button = QPushButton(self.tr("Exportar CSV"))
        self.xlsx_button = QPushButton(self.tr("Exportar Excel"))
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.progress)
        header.addWidget(QLabel(self.tr("Al día")))
        header.addWidget(self.as_of)
        header.addSpacing(12)
        header.addWidget(self.csv_button)
        header.addWidget(self.xlsx_button)

        from cobranza_desktop.ui.widgets.charts import Chart

        self.chart_view = Chart(minimum_height=280)
        self.chart = self.chart_view.chart

        self.model: ListTableModel[AgingLine] = ListTableModel([])
        bold = QFont(self.font())
        bold.setBold(True)
        self.model.row_font = lambda line: bold if line.customer_id == TOTALS_ID else None
        self.table = make_table(sortable=False)
        named(self.table, self.tr("Antigüedad de saldos"))
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.status_line = QLabel(" ")
        self.status_line.setObjectName("statusLine")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_line)
        runner.data_changed.connect(self._data_changed)

    def activate(self) -> None:
        if not self._started:
            self._started = True
            self.compute()

    def _data_changed(self, changes: OpChanges) -> None:
        if self._started and changes.touches(*AGING_KINDS):
            self.compute()

    def as_of_date(self) -> date:
        return from_qdate(self.as_of.date())

    def compute(self) -> None:
        self._started = True
        day = self.as_of_date()
        aging = self._aging

        def work(ctx: TaskContext) -> AgingReport:
            report = aging.report(day, progress=ctx.progress, cancelled=ctx.cancelled)
            report.lines.materialize()  # the Decimals of every line, off the GUI thread
            return report

        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status_line.setText(self.tr("Calculando…"))
        self._runner.query(work).success(self.show_report).error(self._failed).progress(
            lambda f: self.progress.setValue(int(f * 1000))
        ).key(f"aging-{id(self)}").describe(
            self.tr("Calculando antigüedad"), show_progress=True
        ).run()

    def _failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.status_line.setText(message)

    def show_report(self, report: AgingReport) -> None:
        self.progress.setVisible(False)
        self.report = report
        columns: list[Column[AgingLine]] = [Column("name", self.tr("Cliente"), lambda r: r.name)]
        currency = report.currency

        def bucket_text(index: int) -> Callable[[AgingLine], str]:
            def text(line: AgingLine) -> str:
                amount = line.buckets[index]
                return format_money(amount, currency) if amount else ""

            return text

        for i, label in enumerate(report.labels):
            columns.append(Column(f"b{i}", label, bucket_text(i), RIGHT))
        columns.append(
            Column(
                "total", self.tr("Total"), lambda r: format_money(r.total, report.currency), RIGHT
            )
        )
        # Unapplied credit beside the buckets, and what is owed net of it.
        credit_total = report.credit_total

        def credit_text(line: AgingLine) -> str:
            amount = (
                credit_total
                if line.customer_id == TOTALS_ID
                else report.credit_of(line.customer_id)
            )
            return format_money(-amount, currency) if amount else ""

        def net_text(line: AgingLine) -> str:
            if line.customer_id == TOTALS_ID:
                return format_money(report.net_total, currency)
            return format_money(report.net_of(line), currency)

        columns.append(Column("credit", self.tr("Crédito a favor"), credit_text, RIGHT))
        columns.append(Column("net", self.tr("Neto"), net_text, RIGHT))
        # Disputed or extended invoices stay in their original bucket, marked here.
        columns.append(
            Column(
                "marks",
                self.tr("Notas"),
                lambda r: report.mark_text(r.customer_id),
                tooltip=lambda r: report.mark_text(r.customer_id),
            )
        )
        self.model._columns = columns
        totals = AgingLine(TOTALS_ID, self.tr("Total"), report.bucket_totals, report.total)
        self.model.set_rows([*report.lines, totals])
        self.table.setColumnWidth(0, 280)
        for i in range(1, len(columns) - 1):
            self.table.setColumnWidth(i, 120)
        self.table.setColumnWidth(len(columns) - 1, 220)
        self.table.horizontalHeader().setStretchLastSection(True)  # the marks take the rest
        self._draw_chart(report)
        self.status_line.setText(
            self.tr("%1 clientes con saldo al %2 · Total por cobrar: %3")
            .replace("%1", f"{len(report.lines):,}")
            .replace("%2", format_date(report.as_of))
            .replace("%3", format_money(report.total, report.currency))
        )
        self.report_shown.emit(report)

    def _draw_chart(self, report: AgingReport) -> None:
        from cobranza_desktop.ui.widgets.charts import Series

        top = sorted(report.lines, key=lambda line: line.total, reverse=True)[:TOP_CUSTOMERS]
        if not top:
            self.chart_view.clear(self.tr("Nadie debe nada a esta fecha"))
            return
        top.reverse()  # largest at the top of a horizontal chart
        categories = [line.name if len(line.name) <= 26 else line.name[:25] + "…" for line in top]
        rows = [
            Series(
                label,
                [float(line.buckets[i]) for line in top],  # drawing only; the table is exact
                BUCKET_COLORS[min(i, len(BUCKET_COLORS) - 1)],
            )
            for i, label in enumerate(report.labels)
        ]
        self.chart_view.stacked_horizontal(
            self.tr("Los %1 saldos más grandes, por antigüedad").replace("%1", str(len(top))),
            categories,
            rows,
        )

    def _double_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        line = self.model.row_at(index.row())
        if line.customer_id != TOTALS_ID:
            self.customer_requested.emit(line.customer_id)

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        """The row's context menu: open the customer's file, draft a reminder."""
        if not index.isValid():
            return None
        customer_id = self.model.row_at(index.row()).customer_id
        if customer_id == TOTALS_ID:
            return None
        menu = QMenu(self)
        open_file = menu.addAction(self.tr("Abrir cliente"))
        open_file.triggered.connect(lambda: self.customer_requested.emit(customer_id))
        compose = self._compose
        remind = menu.addAction(self.tr("Redactar recordatorio…"))
        remind.setObjectName("composeReminder")
        remind.triggered.connect(lambda: compose(self, customer_id))
        return menu

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu_for(self.table.indexAt(position))
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.table.viewport().mapToGlobal(position))

    # -- export --------------------------------------------------------------------------

    def export_to(self, path: Path) -> None:
        """Write the report shown to ``path`` (.csv or .xlsx)."""
        if self.report is None:
            return
        customer, total = self.tr("Cliente"), self.tr("Total")
        if path.suffix.lower() == ".xlsx":
            write_aging_xlsx(self.report, path, customer, total, self.tr("Antigüedad de saldos"))
        else:
            write_aging_csv(self.report, path, customer, total)

    def _export(self, kind: str) -> None:
        if self.report is None:
            return
        name = f"antiguedad-{self.report.as_of.isoformat()}.{kind}"
        filters = self.tr("CSV (*.csv)") if kind == "csv" else self.tr("Excel (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exportar"), file_dialogs.suggested_path(name), filters
        )
        if not chosen:
            return
        file_dialogs.remember(chosen)
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_suffix(f".{kind}")
        try:
            self.export_to(path)
        except OSError as exc:
            self.status_line.setText(
                self.tr("No se pudo guardar el archivo: %1").replace("%1", exc.strerror or str(exc))
            )
            return
        self.status_line.setText(self.tr("Exportado a %1").replace("%1", str(path)))
