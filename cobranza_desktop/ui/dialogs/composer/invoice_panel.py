"""The composer's left side: which invoices, which stage and channel, the last contacts."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.messaging.templates import STAGES
from cobranza_desktop.services.messaging.reminders import InvoiceChoice
from cobranza_desktop.ui.dialogs.composer.common import COMPOSER_CHANNELS
from cobranza_desktop.ui.labels import stage_label


def channel_label(channel: str) -> str:
    """The readable name of a composer channel, translated."""
    return {
        "email": QCoreApplication.translate("ReminderComposer", "Correo electrónico"),
        "whatsapp": QCoreApplication.translate("ReminderComposer", "WhatsApp / SMS"),
        "phone": QCoreApplication.translate("ReminderComposer", "Llamada (guion)"),
        "letter": QCoreApplication.translate("ReminderComposer", "Carta"),
    }[channel]


class InvoicePanel(QWidget):
    """The open invoices to check, the stage and channel selectors, the last contacts.

    ``invoicesChanged`` is emitted when the user checks or unchecks an invoice (after
    the total is updated), not while the list is being filled.
    """

    invoicesChanged = Signal()

    def __init__(self, invoices: Sequence[InvoiceChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.invoices = list(invoices)
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        invoices_box = QGroupBox(QCoreApplication.translate("ReminderComposer", "Facturas"))
        invoices_layout = QVBoxLayout(invoices_box)
        self.invoice_tree = QTreeWidget()
        self.invoice_tree.setRootIsDecorated(False)
        self.invoice_tree.setHeaderLabels(
            [
                QCoreApplication.translate("ReminderComposer", "Folio"),
                QCoreApplication.translate("ReminderComposer", "Vence"),
                QCoreApplication.translate("ReminderComposer", "Días"),
                QCoreApplication.translate("ReminderComposer", "Saldo"),
            ]
        )
        self.invoice_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A customer's open invoices are few: fit dates, days and amounts; the number gets the rest.
        for column in (1, 2, 3):
            self.invoice_tree.header().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.invoice_tree.itemChanged.connect(self._on_item_changed)
        invoices_layout.addWidget(self.invoice_tree)
        self.total_label = QLabel()
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        invoices_layout.addWidget(self.total_label)
        layout.addWidget(invoices_box, 2)

        form = QFormLayout()
        self.stage_combo = QComboBox()
        for stage in STAGES:
            self.stage_combo.addItem(stage_label(stage), stage)
        self.channel_combo = QComboBox()
        for channel in COMPOSER_CHANNELS:
            self.channel_combo.addItem(channel_label(channel), channel)
        form.addRow(
            QCoreApplication.translate("ReminderComposer", "Etapa / tono:"), self.stage_combo
        )
        form.addRow(QCoreApplication.translate("ReminderComposer", "Canal:"), self.channel_combo)
        layout.addLayout(form)

        contacts_box = QGroupBox(
            QCoreApplication.translate("ReminderComposer", "Últimos contactos")
        )
        contacts_layout = QVBoxLayout(contacts_box)
        self.contacts_list = QListWidget()
        contacts_layout.addWidget(self.contacts_list)
        layout.addWidget(contacts_box, 1)

    # ------------------------------------------------------------------ fill

    def fill_invoices(self, chosen: set[int]) -> None:
        self._loading = True
        self.invoice_tree.clear()
        for inv in self.invoices:
            days = str(inv.days_past_due) if inv.overdue else "—"
            item = QTreeWidgetItem(
                [inv.number, format_date(inv.due_date), days, format_money(inv.balance)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, inv.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if inv.id in chosen else Qt.CheckState.Unchecked
            )
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if inv.overdue:
                item.setForeground(2, Qt.GlobalColor.darkRed)
            self.invoice_tree.addTopLevelItem(item)
        for column in (1, 2, 3):
            self.invoice_tree.resizeColumnToContents(column)
        self._loading = False
        self._update_total()

    def fill_contacts(self, lines: Sequence[str]) -> None:
        self.contacts_list.clear()
        if lines:
            self.contacts_list.addItems(list(lines))
        else:
            self.contacts_list.addItem(
                QCoreApplication.translate("ReminderComposer", "Sin contactos registrados.")
            )

    # ----------------------------------------------------------------- state

    def selected_invoice_ids(self) -> tuple[int, ...]:
        ids = []
        for row in range(self.invoice_tree.topLevelItemCount()):
            item = self.invoice_tree.topLevelItem(row)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                ids.append(int(item.data(0, Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def current_stage(self) -> str:
        return str(self.stage_combo.currentData())

    def current_channel(self) -> str:
        return str(self.channel_combo.currentData())

    def set_stage(self, stage: str) -> None:
        _set_combo(self.stage_combo, stage)

    def set_channel(self, channel: str) -> None:
        _set_combo(self.channel_combo, channel)

    def _update_total(self) -> None:
        chosen = set(self.selected_invoice_ids())
        total = sum((i.balance for i in self.invoices if i.id in chosen), Decimal("0.00"))
        # Qt's plural forms: «1 factura», «2 facturas».
        template = QCoreApplication.translate(
            "ReminderComposer", "%Ln facturas · total %1", None, len(chosen)
        )
        self.total_label.setText(template.replace("%1", format_money(total)))

    def _on_item_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._update_total()
        self.invoicesChanged.emit()


def _set_combo(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
