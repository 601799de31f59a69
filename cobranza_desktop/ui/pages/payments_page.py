"""The Payments page: money received, newest first, filtered by dates and text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.services.receivables.listings import (
    ListingService,
    PaymentFilter,
    PaymentListItem,
    PaymentListSummary,
)
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.actions import Actions
from cobranza_desktop.ui.colors import muted
from cobranza_desktop.ui.models.paged import RIGHT, Column, PagedTableModel, PageQuery
from cobranza_desktop.ui.style import icon
from cobranza_desktop.ui.tasks import Kind, TaskRunner
from cobranza_desktop.ui.text_cache import money
from cobranza_desktop.ui.widgets.date_filter import OptionalDateEdit
from cobranza_desktop.ui.widgets.list_page import ListPage


def payment_filter(params: Mapping[str, Any]) -> PaymentFilter:
    return PaymentFilter(
        date_from=params.get("date_from"),
        date_to=params.get("date_to"),
        text=str(params.get("text", "")),
        rep_pending=bool(params.get("rep_pending", False)),
    )


class PaymentListModel(PagedTableModel[PaymentListItem]):
    def __init__(self, listings: ListingService, runner: TaskRunner) -> None:
        def fetch(query: PageQuery) -> list[PaymentListItem]:
            return listings.payments(
                payment_filter(query.params),
                sort=query.sort_key or "date",
                descending=query.descending,
                offset=query.offset,
                limit=query.limit,
            )

        def summary(params: Mapping[str, Any]) -> PaymentListSummary:
            return listings.payment_summary(payment_filter(params))

        super().__init__([], fetch, runner, fetch_summary=summary, sort_key="date", descending=True)
        self.columns[:] = [
            Column(
                "date",
                self.tr("Fecha"),
                lambda p: format_date(p.payment_date),
                export=lambda p: p.payment_date,
            ),
            Column("customer", self.tr("Cliente"), lambda p: p.customer_name),
            Column(
                "amount",
                self.tr("Monto"),
                lambda p: money(p.amount),
                RIGHT,
                export=lambda p: p.amount,
            ),
            Column(
                "unallocated",
                self.tr("Sin aplicar"),
                lambda p: (
                    self.tr("revertido")
                    if p.reversed
                    else (format_money(p.unallocated) if p.unallocated else "")
                ),
                RIGHT,
            ),
            Column("method", self.tr("Forma"), lambda p: p.method.label()),
            Column("reference", self.tr("Referencia"), lambda p: p.reference),
        ]
        self.row_color = lambda p: muted() if p.reversed else None


# Payments, what they were applied to (a void releases it) and the customers' names.
PAYMENT_LIST_KINDS = (Kind.PAYMENTS, Kind.INVOICES, Kind.CUSTOMERS)


class PaymentsPage(ListPage):
    customer_requested = Signal(int)
    export_name = "pagos"

    def __init__(
        self,
        listings: ListingService,
        runner: TaskRunner,
        commands: Actions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = PaymentListModel(listings, runner)
        title = QLabel(self.tr("Pagos"))
        title.setObjectName("pageTitle")
        record = QPushButton(icon("payments"), self.tr("Registrar pago"))
        record.clicked.connect(lambda: commands.record_payment(self))
        self._commands = commands
        self.receipt_button = QPushButton(self.tr("Ver recibo"))
        self.receipt_button.setToolTip(self.tr("Ver, imprimir o guardar el recibo del pago"))
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.view_receipt)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.receipt_button)
        header.addWidget(record)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Buscar por cliente o referencia"))
        self.search.setClearButtonEnabled(True)
        self.date_from = OptionalDateEdit()
        named(self.date_from, self.tr("Desde"))
        self.date_to = OptionalDateEdit()
        named(self.date_to, self.tr("Hasta"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel(self.tr("Del")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("al")))
        filters.addWidget(self.date_to)
        # The REP radar as a filter: payments on PPD invoices still without their REP.
        self.rep_pending = QCheckBox(self.tr("Sin REP"))
        self.rep_pending.setObjectName("repPending")
        self.rep_pending.setToolTip(
            self.tr("Solo los pagos de facturas PPD que aún no tienen complemento de pago (REP)")
        )
        filters.addWidget(self.rep_pending)
        widths = [100, 260, 120, 120, 130]
        self._build_list(runner, header, filters, widths, self.search, PAYMENT_LIST_KINDS)
        self.date_from.dateChanged.connect(lambda _d: self.apply_filters())
        self.date_to.dateChanged.connect(lambda _d: self.apply_filters())
        self.rep_pending.toggled.connect(lambda _on: self.apply_filters())

    def export_title(self) -> str:
        return self.tr("Pagos")

    def apply_filters(self) -> None:
        self.model.set_params(
            text=self.search.text().strip(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            rep_pending=self.rep_pending.isChecked(),
        )

    def selected_payment(self) -> PaymentListItem | None:
        payment: PaymentListItem | None = self._selected_row()
        return payment

    def _update_buttons(self) -> None:
        self.receipt_button.setEnabled(self.selected_payment() is not None)

    def view_receipt(self) -> None:
        payment = self.selected_payment()
        if payment is not None:
            self._commands.view_receipt(self, payment.id)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_requested.emit(self.model.row_at(index.row()).customer_id)

    def _summary(self, summary: PaymentListSummary) -> None:
        self.status_line.setText(
            "   ·   ".join(
                [
                    self.tr("%Ln pagos", None, summary.count),
                    self.tr("Recibido: %1").replace("%1", format_money(summary.received)),
                ]
            )
        )
