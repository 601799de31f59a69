"""Scaffolding shared by the paged list pages (Invoices, Payments).

A list page has a header and a row of filters of its own, then the same body: a sortable table on
a paged model, a status line for the summary or the error, a debounce on the search box, and a
model that refreshes when a write changes the kinds of record it shows. Each page keeps its
own filters, columns and texts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.list_export import export_button, export_view
from cobranza_desktop.ui.models.paged import PagedTableModel
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.widgets.table import attach, make_table, set_widths

SEARCH_DELAY_MS = 150


class ListPage(QWidget):
    """A page showing one paged model; subclasses set ``self.model`` and call ``_build_list``."""

    model: PagedTableModel[Any]
    #: The file name «Exportar lista…» suggests (without extension).
    export_name = "lista"

    def _build_list(
        self,
        runner: TaskRunner,
        header: QHBoxLayout,
        filters: QHBoxLayout,
        widths: list[int],
        search: QLineEdit,
        kinds: tuple[Kind, ...],
    ) -> None:
        self._list_runner = runner
        self.export_button = export_button(self, self.export_list)
        header.addWidget(self.export_button)
        self.table = make_table()
        named(self.table, self.tr("Lista"))
        attach(self.table, self.model)
        set_widths(self.table, widths)
        self.table.doubleClicked.connect(self._open)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.status_line = QLabel(" ")
        self.status_line.setObjectName("statusLine")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.addLayout(header)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_line)

        self._search = search
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        search.textChanged.connect(lambda _t: self._timer.start())
        self.model.summary_ready.connect(self._summary)
        self.model.failed.connect(self.status_line.setText)
        self._kinds = kinds
        runner.data_changed.connect(self._data_changed)

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.touches(*self._kinds):
            self.model.refresh()

    def activate(self) -> None:
        self.model.start()

    def export_title(self) -> str:
        return self.export_name

    def export_list(self, path: Path | None = None) -> None:
        """The rows as filtered, in the visible columns, to CSV or Excel (asks where)."""
        export_view(
            self,
            self._list_runner,
            self.table,
            self.model,
            self.export_name,
            self.export_title(),
            path,
        )

    def apply_filters(self) -> None:
        raise NotImplementedError

    def focus_search(self) -> None:
        self._search.setFocus()

    def current_customer_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).customer_id if index.isValid() else None

    def _selected_row(self) -> Any | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.loaded_rows()):
            return None
        return self.model.row_at(index.row())

    def _update_buttons(self) -> None:
        """Enable the page's buttons for the current row; nothing by default."""

    def _open(self, index: QModelIndex) -> None:
        """React to a double-clicked row; nothing by default."""

    def _summary(self, summary: Any) -> None:
        """Show the model's summary on the status line; nothing by default."""
