"""The Invoices page: every invoice, filtered by status, dates and customer, sorted in SQL."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.invoices import InvoiceStatus
from cobranza_desktop.services.receivables.listings import (
    InvoiceFilter,
    InvoiceListItem,
    InvoiceListSummary,
    ListingService,
)
from cobranza_desktop.ui.actions import Actions
from cobranza_desktop.ui.models.paged import RIGHT, Column, PagedTableModel, PageQuery
from cobranza_desktop.ui.tasks import Kind, TaskRunner
from cobranza_desktop.ui.text_cache import money
from cobranza_desktop.ui.widgets.date_filter import OptionalDateEdit
from cobranza_desktop.ui.widgets.list_page import ListPage

OVERDUE = QColor("#a4262c")
MUTED = QColor("#777777")


def invoice_filter(params: Mapping[str, Any]) -> InvoiceFilter:
    return InvoiceFilter(
        status=params.get("status") or None,
        date_from=params.get("date_from"),
        date_to=params.get("date_to"),
        customer_text=str(params.get("customer_text", "")),
    )


class InvoiceListModel(PagedTableModel[InvoiceListItem]):
    def __init__(self, listings: ListingService, runner: TaskRunner) -> None:
        def fetch(query: PageQuery) -> list[InvoiceListItem]:
            return listings.invoices(
                invoice_filter(query.params),
                sort=query.sort_key or "issue_date",
                descending=query.descending,
                offset=query.offset,
                limit=query.limit,
            )

        def summary(params: Mapping[str, Any]) -> InvoiceListSummary:
            return listings.invoice_summary(invoice_filter(params))

        super().__init__(
            [],
            fetch,
            runner,
            fetch_summary=summary,
            sort_key="issue_date",
            descending=True,
        )
        self.columns[:] = [
            Column("number", self.tr("Número"), lambda i: i.number or self.tr("Borrador")),
            Column("customer", self.tr("Cliente"), lambda i: i.customer_name),
            Column("issue_date", self.tr("Emisión"), lambda i: format_date(i.issue_date)),
            Column("due_date", self.tr("Vence"), lambda i: format_date(i.due_date)),
            Column("total", self.tr("Total"), lambda i: money(i.total), RIGHT),
            Column("balance", self.tr("Saldo"), lambda i: money(i.balance), RIGHT),
            Column("status", self.tr("Estado"), lambda i: i.status.label()),
        ]
        self.row_color = lambda i: (
            OVERDUE
            if i.status is InvoiceStatus.OVERDUE
            else MUTED
            if i.status in (InvoiceStatus.PAID, InvoiceStatus.VOIDED)
            else None
        )


# Invoices (and late-fee charges) with their balances and their customers' names.
INVOICE_LIST_KINDS = (Kind.INVOICES, Kind.PAYMENTS, Kind.PENALTIES, Kind.CUSTOMERS)


class InvoicesPage(ListPage):
    def __init__(
        self,
        listings: ListingService,
        runner: TaskRunner,
        commands: Actions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._commands = commands
        self.model = InvoiceListModel(listings, runner)
        title = QLabel(self.tr("Facturas"))
        title.setObjectName("pageTitle")
        self.pdf_button = QPushButton(self.tr("Ver PDF"))
        self.pdf_button.setToolTip(self.tr("Ver, imprimir o guardar la factura seleccionada"))
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(self.view_pdf)
        self.dispute_button = QPushButton(self.tr("Disputa…"))
        self.dispute_button.setToolTip(
            self.tr("Poner en disputa la factura seleccionada, o resolver su disputa")
        )
        self.dispute_button.setEnabled(False)
        self.dispute_button.clicked.connect(self.dispute)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.dispute_button)
        header.addWidget(self.pdf_button)
        self.status = QComboBox()
        self.status.addItem(self.tr("Todas"), None)
        self.status.addItem(self.tr("Abiertas"), "open")
        self.status.addItem(self.tr("Vencidas"), "overdue")
        self.status.addItem(self.tr("Pagadas"), "paid")
        self.status.addItem(self.tr("Borradores"), "draft")
        self.status.addItem(self.tr("Canceladas"), "voided")
        self.date_from = OptionalDateEdit()
        self.date_to = OptionalDateEdit()
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Cliente"))
        self.customer.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Estado")))
        filters.addWidget(self.status)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Emitidas del")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("al")))
        filters.addWidget(self.date_to)
        filters.addSpacing(12)
        filters.addWidget(self.customer, 1)

        widths = [100, 260, 100, 100, 120, 120]
        self._build_list(runner, header, filters, widths, self.customer, INVOICE_LIST_KINDS)
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.date_from.dateChanged.connect(lambda _d: self.apply_filters())
        self.date_to.dateChanged.connect(lambda _d: self.apply_filters())

    def apply_filters(self) -> None:
        self.model.set_params(
            status=self.status.currentData(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            customer_text=self.customer.text().strip(),
        )

    def selected_invoice(self) -> InvoiceListItem | None:
        invoice: InvoiceListItem | None = self._selected_row()
        return invoice

    def _update_buttons(self) -> None:
        invoice = self.selected_invoice()
        # A draft has no folio yet: there is no document to show.
        self.pdf_button.setEnabled(
            invoice is not None and invoice.status is not InvoiceStatus.DRAFT
        )
        # Only an issued invoice (not a late charge, which follows its invoice) is disputed.
        self.dispute_button.setEnabled(
            invoice is not None
            and invoice.kind == "invoice"
            and invoice.status not in (InvoiceStatus.DRAFT, InvoiceStatus.VOIDED)
        )

    def dispute(self) -> None:
        invoice = self.selected_invoice()
        if invoice is not None:
            self._commands.dispute_invoice(self, invoice.id)

    def view_pdf(self) -> None:
        invoice = self.selected_invoice()
        if invoice is not None:
            self._commands.view_invoice(self, invoice.id)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self._commands.open_invoice(self, self.model.row_at(index.row()).id)

    def _summary(self, summary: InvoiceListSummary) -> None:
        self.status_line.setText(
            "   ·   ".join(
                [
                    self.tr("1 factura")
                    if summary.count == 1
                    else self.tr("%1 facturas").replace("%1", f"{summary.count:,}"),
                    self.tr("Total: %1").replace("%1", format_money(summary.total)),
                    self.tr("Por cobrar: %1").replace("%1", format_money(summary.balance)),
                ]
            )
        )
