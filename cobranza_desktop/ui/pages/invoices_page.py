"""The Invoices page: every invoice, filtered by status, dates and customer, sorted in SQL."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex
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
from cobranza_desktop.services.collections.receipts import ReceiptService
from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
from cobranza_desktop.services.receivables.listings import (
    InvoiceFilter,
    InvoiceListItem,
    InvoiceListSummary,
    ListingService,
)
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.actions import Actions
from cobranza_desktop.ui.colors import muted, overdue
from cobranza_desktop.ui.dialogs.invoice_delivery import SendInvoiceDialog
from cobranza_desktop.ui.dialogs.receipt_dialog import ReceiptDialog
from cobranza_desktop.ui.models.paged import RIGHT, Column, PagedTableModel, PageQuery
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.text_cache import own_balance, own_total
from cobranza_desktop.ui.widgets.date_filter import OptionalDateEdit
from cobranza_desktop.ui.widgets.list_page import ListPage


def invoice_filter(params: Mapping[str, Any]) -> InvoiceFilter:
    return InvoiceFilter(
        status=params.get("status") or None,
        date_from=params.get("date_from"),
        date_to=params.get("date_to"),
        customer_text=str(params.get("customer_text", "")),
        delivery=params.get("delivery") or None,
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
            Column(
                "issue_date",
                self.tr("Emisión"),
                lambda i: format_date(i.issue_date),
                export=lambda i: i.issue_date,
            ),
            Column(
                "due_date",
                self.tr("Vence"),
                lambda i: format_date(i.due_date),
                export=lambda i: i.due_date,
            ),
            # A foreign invoice shows its own currency and amount; the totals are in MXN.
            # Exported, an MXN amount is a number and a foreign one keeps its currency.
            Column(
                "total",
                self.tr("Total"),
                own_total,
                RIGHT,
                export=lambda i: i.total if i.own_total is None else own_total(i),
            ),
            Column(
                "balance",
                self.tr("Saldo"),
                own_balance,
                RIGHT,
                export=lambda i: i.balance if i.own_balance is None else own_balance(i),
            ),
            Column("status", self.tr("Estado"), lambda i: i.status.label()),
            Column("delivered", self.tr("Entregada"), self._delivered, sortable=False),
            Column("receipt", self.tr("Recepción"), self._receipt, sortable=False),
        ]
        self.row_color = lambda i: (
            overdue()
            if i.status is InvoiceStatus.OVERDUE
            else muted()
            if i.status in (InvoiceStatus.PAID, InvoiceStatus.VOIDED)
            else None
        )

    def _delivered(self, item: InvoiceListItem) -> str:
        return self.tr("Sí") if item.delivered else "—"

    def _receipt(self, item: InvoiceListItem) -> str:
        if item.needs_correction:
            return self.tr("Por corregir")
        if item.receipt_status == "received":
            return self.tr("Confirmada")
        if item.receipt_status == "wrong":
            return self.tr("Corregida")
        return "—"


# Invoices (and late-fee charges) with their balances and their customers' names.
INVOICE_LIST_KINDS = (Kind.INVOICES, Kind.PAYMENTS, Kind.PENALTIES, Kind.CUSTOMERS)


class InvoicesPage(ListPage):
    export_name = "facturas"

    def __init__(
        self,
        listings: ListingService,
        runner: TaskRunner,
        commands: Actions,
        delivery: InvoiceDeliveryService,
        receipts: ReceiptService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._commands = commands
        self._runner = runner
        self._delivery = delivery
        self._receipts = receipts
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
        self.send_button = QPushButton(self.tr("Enviar…"))
        self.send_button.setToolTip(self.tr("Enviar la factura por correo o WhatsApp"))
        self.receipt_button = QPushButton(self.tr("Recepción…"))
        self.receipt_button.setToolTip(
            self.tr("Registrar si el cliente recibió la factura y si sus datos son correctos")
        )
        self.corrected_button = QPushButton(self.tr("Marcar corregida"))
        self.corrected_button.setToolTip(
            self.tr("Los datos ya se corrigieron: la cobranza de la factura continúa")
        )
        for button in (self.send_button, self.receipt_button, self.corrected_button):
            button.setEnabled(False)
        self.send_button.clicked.connect(self.send_invoice)
        self.receipt_button.clicked.connect(self.record_receipt)
        self.corrected_button.clicked.connect(self.mark_corrected)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.dispute_button)
        header.addWidget(self.send_button)
        header.addWidget(self.receipt_button)
        header.addWidget(self.corrected_button)
        header.addWidget(self.pdf_button)
        self.status = QComboBox()
        self.status.addItem(self.tr("Todas"), None)
        self.status.addItem(self.tr("Abiertas"), "open")
        self.status.addItem(self.tr("Vencidas"), "overdue")
        self.status.addItem(self.tr("Pagadas"), "paid")
        self.status.addItem(self.tr("Borradores"), "draft")
        self.status.addItem(self.tr("Canceladas"), "voided")
        self.date_from = OptionalDateEdit()
        named(self.date_from, self.tr("Desde"))
        self.date_to = OptionalDateEdit()
        named(self.date_to, self.tr("Hasta"))
        self.delivery = QComboBox()
        self.delivery.addItem(self.tr("Entrega: todas"), None)
        self.delivery.addItem(self.tr("Sin entregar"), "undelivered")
        self.delivery.addItem(self.tr("Entregadas"), "delivered")
        self.delivery.addItem(self.tr("Sin confirmar"), "unconfirmed")
        self.delivery.addItem(self.tr("Confirmadas"), "confirmed")
        self.delivery.addItem(self.tr("Por corregir"), "to_correct")
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Cliente, folio o UUID"))
        self.customer.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Estado")))
        filters.addWidget(self.status)
        filters.addWidget(self.delivery)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Emitidas del")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("al")))
        filters.addWidget(self.date_to)
        filters.addSpacing(12)
        filters.addWidget(self.customer, 1)

        widths = [90, 220, 90, 90, 110, 110, 90, 80]
        self._build_list(runner, header, filters, widths, self.customer, INVOICE_LIST_KINDS)
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.delivery.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.date_from.dateChanged.connect(lambda _d: self.apply_filters())
        self.date_to.dateChanged.connect(lambda _d: self.apply_filters())

    def export_title(self) -> str:
        return self.tr("Facturas")

    def apply_filters(self) -> None:
        self.model.set_params(
            status=self.status.currentData(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            customer_text=self.customer.text().strip(),
            delivery=self.delivery.currentData(),
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
        issued = invoice is not None and invoice.status not in (
            InvoiceStatus.DRAFT,
            InvoiceStatus.VOIDED,
        )
        is_invoice = issued and invoice is not None and invoice.kind == "invoice"
        self.send_button.setEnabled(issued)
        self.receipt_button.setEnabled(
            is_invoice and invoice is not None and invoice.receipt_status == ""
        )
        self.corrected_button.setEnabled(
            is_invoice and invoice is not None and invoice.needs_correction
        )

        # Only an issued invoice (not a late charge, which follows its invoice) is disputed.
        self.dispute_button.setEnabled(is_invoice)

    def dispute(self) -> None:
        invoice = self.selected_invoice()
        if invoice is not None:
            self._commands.dispute_invoice(self, invoice.id)

    def send_invoice(self) -> None:
        invoice = self.selected_invoice()
        if invoice is not None:
            SendInvoiceDialog(self._delivery, self._runner, invoice.id, parent=self).open()

    def record_receipt(self) -> None:
        invoice = self.selected_invoice()
        if invoice is not None:
            ReceiptDialog(
                self._receipts,
                self._runner,
                invoice.id,
                invoice.number,
                invoice.customer_id,
                parent=self,
            ).open()

    def mark_corrected(self) -> None:
        invoice = self.selected_invoice()
        if invoice is None:
            return
        receipts, invoice_id = self._receipts, invoice.id
        self._runner.write(
            lambda ctx: receipts.mark_corrected(invoice_id),
            OpChanges.of(Kind.INVOICES, customers=[invoice.customer_id]),
        ).run()

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
                    self.tr("%Ln facturas", None, summary.count),
                    self.tr("Total: %1").replace("%1", format_money(summary.total)),
                    self.tr("Por cobrar: %1").replace("%1", format_money(summary.balance)),
                ]
            )
        )
