"""«Exportar lista…» on each list page: the rows the user sees, to CSV or Excel.

The rows are those of the page's current search and filters, in its order, all of them
(not only the pages loaded on screen); the columns are the visible ones, in the order
the user has them. Reading and writing run on the worker, through the writers of
``services/exports`` (formula-safe cells, UTF-8 with BOM for Excel).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableView, QWidget

from cobranza_desktop.services.exports.lists import write_rows
from cobranza_desktop.ui.export_menu import ask_path, failed, tell
from cobranza_desktop.ui.models.paged import ExportRows
from cobranza_desktop.ui.tasks import TaskContext, TaskRunner


class ExportableModel(Protocol):
    def export_work(self) -> Callable[[TaskContext], ExportRows[Any]]: ...


def visible_columns(view: QTableView) -> list[int]:
    """The model's columns as the view shows them: in visual order, hidden ones left out."""
    header = view.horizontalHeader()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [column for column in logical if not header.isSectionHidden(column)]


def export_button(parent: QWidget, start: Callable[[], None]) -> QPushButton:
    button = QPushButton(QCoreApplication.translate("ListExport", "Exportar lista…"), parent)
    button.setObjectName("exportList")
    button.setToolTip(
        QCoreApplication.translate(
            "ListExport", "Guardar en CSV o Excel las filas que se ven, con sus filtros"
        )
    )
    button.clicked.connect(lambda _checked=False: start())
    return button


def write_list(path: Path, title: str, order: list[int], exported: ExportRows[Any]) -> int:
    """Write the exported rows' ``order`` columns to ``path``; the number of rows."""
    columns = [exported.columns[i] for i in order]
    headers = [column.title for column in columns]
    rows = [tuple(column.cell(row) for column in columns) for row in exported.rows]
    write_rows(path, title, headers, rows)
    return len(rows)


def export_view(
    parent: QWidget,
    runner: TaskRunner,
    view: QTableView,
    model: ExportableModel,
    name: str,
    title: str,
    path: Path | None = None,
) -> None:
    """Ask where (unless ``path``), then write the view's rows off the GUI thread."""
    path = path or ask_path(parent, f"{name}.xlsx")
    if path is None:
        return
    target = path
    order = visible_columns(view)
    read = model.export_work()

    def work(ctx: TaskContext) -> int:
        return write_list(target, title, order, read(ctx))

    def done(count: int) -> None:
        tell(
            parent,
            QCoreApplication.translate("ListExport", "%1 filas exportadas a %2.")
            .replace("%1", str(count))
            .replace("%2", target.name),
            QMessageBox.Icon.Information,
        )

    runner.query(work).success(done).error(failed(parent)).describe(
        QCoreApplication.translate("ListExport", "Exportando la lista…")
    ).run()
