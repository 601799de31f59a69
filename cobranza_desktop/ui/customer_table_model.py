"""The customer list as a paged table model: rows are fetched from SQL as the user scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.services.customers import CustomerListItem, CustomerService

PAGE_SIZE = 200
ModelIndex = QModelIndex | QPersistentModelIndex


class CustomerTableModel(QAbstractTableModel):
    COLUMNS = ("name", "phone", "balance")

    def __init__(self, customers: CustomerService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._customers = customers
        self._filters = CustomerListFilter()
        self._rows: list[CustomerListItem] = []
        self._exhausted = False

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Nombre"), self.tr("Teléfono"), self.tr("Saldo"))

    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self._filters = CustomerListFilter(search=text)
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: ModelIndex) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = self._customers.list_page(self._filters, offset=len(self._rows), limit=PAGE_SIZE)
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def customer_id(self, row: int) -> int:
        return self._rows[row].id

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return item.name
            if column == "phone":
                return display_phone(item.phone)
            return format_money(item.balance)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "balance":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None
