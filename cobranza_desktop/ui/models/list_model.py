"""A read-only table model over a short list already in memory (a customer's invoices)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cobranza_desktop.ui.models.paged import Column, ExportRows
from cobranza_desktop.ui.tasks import TaskContext

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], rows: Sequence[R] = ()) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows = list(rows)
        self.row_color: Callable[[R], Any] | None = None
        self.row_font: Callable[[R], Any] | None = None

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def export_work(self) -> Callable[[TaskContext], ExportRows[R]]:
        """For «Exportar lista…»: the rows shown, as they are now (the list is in memory)."""
        snapshot = ExportRows(list(self._rows), list(self._columns))
        return lambda _ctx: snapshot

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.ForegroundRole and self.row_color is not None:
            return self.row_color(row)
        if role == Qt.ItemDataRole.FontRole and self.row_font is not None:
            return self.row_font(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[section].align)
        return None
