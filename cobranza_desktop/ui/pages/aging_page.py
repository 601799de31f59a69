"""The aging view: as of any date, one row per customer by bucket, totals, and a chart.

The report is computed on the database worker with a progress bar; the window stays
responsive. Double-clicking a customer opens their file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_amount, format_date, format_money
from cobranza_desktop.services.receivables.aging import AgingLine, AgingReport, AgingService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.list_export import export_button, export_view
from cobranza_desktop.ui.models.list_model import ListTableModel
from cobranza_desktop.ui.models.paged import RIGHT, Column
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskContext, TaskRunner
from cobranza_desktop.ui.widgets.column_fit import fit_columns
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
        self.export_button = export_button(self, self.export_list)
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
        header.addWidget(self.export_button)

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

        def bucket_text(index: int) -> Callable[[AgingLine], str]:
            def text(line: AgingLine) -> str:
                amount = line.buckets[index]
                return format_amount(amount) if amount else ""

            return text

        def bucket_value(index: int) -> Callable[[AgingLine], Decimal]:
            return lambda line: line.buckets[index]

        # Exported, the amounts are numbers (a spreadsheet sums them), blank cells zero.
        for i, label in enumerate(report.labels):
            columns.append(Column(f"b{i}", label, bucket_text(i), RIGHT, export=bucket_value(i)))
        columns.append(
            Column(
                "total",
                self.tr("Total"),
                lambda r: format_amount(r.total),
                RIGHT,
                export=lambda r: r.total,
            )
        )
        # Unapplied credit beside the buckets, and what is owed net of it.
        credit_total = report.credit_total

        def credit_of(line: AgingLine) -> Decimal:
            if line.customer_id == TOTALS_ID:
                return credit_total
            return report.credit_of(line.customer_id)

        def credit_text(line: AgingLine) -> str:
            amount = credit_of(line)
            return format_amount(-amount) if amount else ""

        def net_of(line: AgingLine) -> Decimal:
            if line.customer_id == TOTALS_ID:
                return report.net_total
            return report.net_of(line)

        columns.append(
            Column(
                "credit",
                self.tr("Crédito a favor"),
                credit_text,
                RIGHT,
                export=lambda r: -credit_of(r),
            )
        )
        columns.append(
            Column(
                "net",
                self.tr("Neto"),
                lambda r: format_amount(net_of(r)),
                RIGHT,
                export=net_of,
            )
        )
        # Disputed or extended invoices stay in their original bucket, marked here: a
        # short note in the cell (the table fits 1366 px), the whole of it in the tooltip.
        columns.append(
            Column(
                "marks",
                self.tr("Notas"),
                lambda r: self.brief_marks(report, r.customer_id),
                tooltip=lambda r: report.mark_text(r.customer_id),
            )
        )
        self.model._columns = columns
        totals = AgingLine(TOTALS_ID, self.tr("Total"), report.bucket_totals, report.total)
        self.model.set_rows([*report.lines, totals])
        # The widest text of each column is known without reading the rows: the totals
        # (the net of a line is never larger than the total or the credit, as a debt).
        money = [format_amount(t) for t in (*report.bucket_totals, report.total)]
        largest = format_amount(-max(report.total, report.credit_total))
        widest = {i + 1: [text] for i, text in enumerate(money)}
        widest[len(columns) - 3] = [largest]
        widest[len(columns) - 2] = [largest]
        widest[len(columns) - 1] = [self.brief_marks(report, cid) for cid in report.marks]
        bold = QFont(self.table.font())
        bold.setBold(True)
        fit_columns(self.table, 0, widest, bold)  # the names take what is left
        self._draw_chart(report)
        self.status_line.setText(
            self.tr("%1 clientes con saldo al %2 · Total por cobrar: %3 · Importes en %4")
            .replace("%1", f"{len(report.lines):,}")
            .replace("%2", format_date(report.as_of))
            .replace("%3", format_money(report.total, report.currency))
            .replace("%4", report.currency)
        )
        self.report_shown.emit(report)

    def brief_marks(self, report: AgingReport, customer_id: int) -> str:
        """A few words for the notes column: what kind of marks, and how many."""
        marks = report.marks.get(customer_id, ())
        if not marks:
            return ""
        extended = any(m.extended_to is not None for m in marks)
        disputed = any(m.disputed for m in marks)
        if extended and disputed:
            text = self.tr("Prórroga, disputa")  # how many: in the tooltip
        elif extended:
            text = self.tr("Prórroga")
        else:
            text = self.tr("En disputa")
        return text

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
            self.tr("Los %n saldos más grandes, por antigüedad", None, len(top)),
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

    def export_list(self, path: Path | None = None) -> None:
        """The report shown (every customer and the totals row), in the visible columns,
        to CSV or Excel (asks where unless ``path``)."""
        if self.report is None:
            return
        export_view(
            self,
            self._runner,
            self.table,
            self.model,
            f"antiguedad-{self.report.as_of.isoformat()}",
            self.tr("Antigüedad de saldos"),
            path,
        )
