"""The customer file's «Suscripciones» tab: this customer's services and their plans,
and the owner's «Devolver saldo a favor…» (a refund of credit, with its reason)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.billing.refunds import RefundService
from cobranza_desktop.services.billing.subscriptions import SubscriptionService, SubscriptionView
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.text_cache import money

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CustomerSubscriptionsTab(QWidget):
    def __init__(
        self,
        subscriptions: SubscriptionService,
        refunds: RefundService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._subscriptions = subscriptions
        self._refunds = refunds
        self._runner = runner
        self.customer_id: int | None = None
        self.rows: tuple[SubscriptionView, ...] = ()
        self.summary = QLabel(" ")
        self.summary.setObjectName("subscriptionsSummary")
        self.table = QTableWidget(0, 7)
        named(self.table, self.tr("Suscripciones"))
        self.table.setObjectName("customerSubscriptions")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Servicio"),
                self.tr("Periodo"),
                self.tr("Precio"),
                self.tr("Día de cobro"),
                self.tr("Inicio"),
                self.tr("Último periodo"),
                self.tr("Estado"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for column, width in enumerate((260, 110, 110, 100, 110, 120)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.refund_button = QPushButton(self.tr("Devolver saldo a favor…"))
        self.refund_button.setObjectName("refundCredit")
        self.refund_dialog: QWidget | None = None
        self.refund_button.clicked.connect(self.open_refund)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def load(self, customer_id: int) -> None:
        self.customer_id = customer_id
        subscriptions = self._subscriptions
        self._runner.query(lambda _ctx: subscriptions.list(customer_id)).success(self._show).error(
            self.summary.setText
        ).key(f"customer-subscriptions-{id(self)}").run()

    def _show(self, rows: tuple[SubscriptionView, ...]) -> None:
        if rows and rows[0].customer_id != self.customer_id:
            return
        self.rows = rows
        active = [r for r in rows if r.status == "active"]
        monthly = sum((r.monthly_recurring for r in active), Decimal(0))
        self.summary.setText(
            self.tr("%1 suscripciones activas · %2 al mes")
            .replace("%1", str(len(active)))
            .replace("%2", money(monthly))
            if rows
            else self.tr("Este cliente no tiene suscripciones.")
        )
        self.table.setRowCount(len(rows))
        for row, sub in enumerate(rows):
            state = (
                self.tr("Activa")
                if sub.status == "active"
                else self.tr("Cancelada el %1").replace(
                    "%1", format_date(sub.cancelled_on) if sub.cancelled_on else ""
                )
            )
            cells = (
                (sub.description, None),
                (sub.period.label(), None),
                (money(sub.price), RIGHT),
                (str(sub.billing_day), RIGHT),
                (format_date(sub.start_date), None),
                (format_date(sub.last_period_start) if sub.last_period_start else "—", None),
                (state, None),
            )
            for column, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                self.table.setItem(row, column, item)

    def open_refund(self) -> None:
        if self.customer_id is None:
            return
        from cobranza_desktop.ui.dialogs.refund_dialog import RefundDialog

        dialog = RefundDialog(self._refunds, self._runner, self.customer_id, self)
        self.refund_dialog = dialog
        dialog.open()
