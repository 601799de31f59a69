"""A calm table view for paged models: no row resizing, sorting handed to the model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from cobranza_desktop.ui.models.paged import PagedTableModel


def make_table(parent: QWidget | None = None, *, sortable: bool = True) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    # Fixed row height: no per-row measuring, whatever the number of rows.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # Fitting a column to its contents measures the rows on screen (and a few more), not
    # every row of a long list.
    header.setResizeContentsPrecision(200)
    if sortable:
        view.setSortingEnabled(True)
    return view


def set_widths(view: QTableView, widths: list[int]) -> None:
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)


def attach(view: QTableView, model: PagedTableModel[Any]) -> None:
    """Show a paged model; the header's sort arrow matches the model's SQL order."""
    view.setModel(model)
    column = model.column_index(model.sort_key or "")
    if column >= 0:
        order = Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
        view.horizontalHeader().setSortIndicator(column, order)


def fit_columns(view: QTableView, columns: list[int], widest: int = 420) -> None:
    """Widen ``columns`` to what their rows on screen need (amounts must never show
    "MX$36,660...."), never narrower than their header nor wider than ``widest``. Qt's
    measure reads the visible rows first and stops after the header's precision."""
    header = view.horizontalHeader()
    for column in columns:
        before = view.columnWidth(column)
        view.resizeColumnToContents(column)
        # A little air beyond Qt's exact measure: a figure that just fits looks cut.
        needed = max(view.columnWidth(column) + 10, header.sectionSizeHint(column))
        view.setColumnWidth(column, min(max(needed, before), widest))


def width_for(view: QTableView, sample: str, padding: int = 24) -> int:
    """A column width that shows ``sample`` whole in ``view``'s font (a date and time is
    longer in English: "11/20/2026 11:00 AM")."""
    return view.fontMetrics().horizontalAdvance(sample) + padding
