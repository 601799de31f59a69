"""Why customers do not pay: contacts per reason for non-payment over a period.

The seed texts ask to learn the reasons behind each delay; counting them shows the
owner whether the problem is money, missing invoices, disputes or plain forgetting.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.services.collections.contacts import ContactService, ReasonCount
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.forms import from_qdate, to_qdate

DEFAULT_DAYS = 90


class ReasonsReportDialog(QDialog):
    def __init__(
        self,
        contacts: ContactService,
        runner: TaskRunner,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._contacts = contacts
        self._runner = runner
        self.setWindowTitle(self.tr("Motivos de no pago"))
        self.resize(520, 420)
        today = clock.today()
        self.start = QDateEdit(to_qdate(today - timedelta(days=DEFAULT_DAYS)))
        self.end = QDateEdit(to_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(named(self.end, self.tr("Hasta")))
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Periodo"), period)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Motivo"), self.tr("Contactos")])
        named(self.table, self.tr("Contactos por motivo"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 360)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.start.dateChanged.connect(lambda _d: self.refresh())
        self.end.dateChanged.connect(lambda _d: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        contacts = self._contacts
        self._runner.query(lambda _ctx: contacts.reasons_report(start, end)).success(
            self._show
        ).error(self._failed).key("reasons-report").run()

    def _show(self, counts: list[ReasonCount]) -> None:
        self.message.clear()
        self.table.setRowCount(len(counts))
        for row, count in enumerate(counts):
            self.table.setItem(row, 0, QTableWidgetItem(count.label))
            number = QTableWidgetItem(str(count.count))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, number)

    def _failed(self, message: str) -> None:
        self.table.setRowCount(0)
        self.message.setText(message)
