"""Archivo → Exportar: each list (customers, invoices, payments, contacts) to CSV or
Excel, and the whole book for the accountant as a zip; the ways in to the exports the
command line has (``cobranza export``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from cobranza_desktop.services.exports.agenda_rows import write_agenda
from cobranza_desktop.services.exports.lists import ExportService
from cobranza_desktop.ui import file_dialogs
from cobranza_desktop.ui.context import UiContext
from cobranza_desktop.ui.tasks import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("Features", text)


def _labels() -> dict[str, str]:
    return {
        "customers": _tr("&Clientes…"),
        "invoices": _tr("&Facturas…"),
        "payments": _tr("&Pagos…"),
        "contacts": _tr("C&ontactos…"),
    }


def ask_path(parent: QWidget, name: str, book: bool = False) -> Path | None:
    """Where to write, from a save dialog (None when the user cancels)."""
    filters = _tr("Zip (*.zip)") if book else ";;".join([_tr("Excel (*.xlsx)"), _tr("CSV (*.csv)")])
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, _tr("Exportar"), file_dialogs.suggested_path(name), filters
    )
    if not chosen:
        return None
    file_dialogs.remember(chosen)
    path = Path(chosen)
    wanted = ".zip" if book else (".csv" if "csv" in chosen_filter.lower() else ".xlsx")
    if path.suffix.lower() not in (".zip", ".csv", ".xlsx") or (book and path.suffix != ".zip"):
        path = path.with_suffix(wanted)
    return path


def tell(parent: QWidget, message: str, icon: QMessageBox.Icon) -> None:
    """A non-blocking message box (as the window's errors)."""
    box = QMessageBox(icon, _tr("Exportar"), message, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def failed(parent: QWidget) -> Callable[[str], None]:
    return lambda message: tell(parent, message, QMessageBox.Icon.Warning)


def export_list(
    parent: QWidget, exports: ExportService, runner: TaskRunner, kind: str, path: Path
) -> None:
    """Write one list off the GUI thread and say how many rows went out."""

    def done(count: int) -> None:
        tell(
            parent,
            _tr("%1 filas exportadas a %2.").replace("%1", str(count)).replace("%2", path.name),
            QMessageBox.Icon.Information,
        )

    runner.query(lambda _ctx: exports.write(kind, path)).success(done).error(
        failed(parent)
    ).describe(_tr("Exportando…")).run()


def export_book(parent: QWidget, exports: ExportService, runner: TaskRunner, path: Path) -> None:
    def done(names: list[str]) -> None:
        tell(
            parent,
            _tr("Libro exportado a %1 (%2 tablas).")
            .replace("%1", path.name)
            .replace("%2", str(len(names))),
            QMessageBox.Icon.Information,
        )

    runner.query(lambda _ctx: exports.write_book(path)).success(done).error(
        failed(parent)
    ).describe(_tr("Exportando…")).run()


def add_export_actions(window: QMainWindow, context: UiContext) -> None:
    menu = getattr(window, "file_menu", None)
    if not isinstance(menu, QMenu) or window.findChild(QMenu, "exportMenu") is not None:
        return
    submenu = QMenu(_tr("E&xportar"), window)
    submenu.setObjectName("exportMenu")
    exports, runner = context.services.exports, context.runner
    for kind, label in _labels().items():
        action = submenu.addAction(label)
        action.setObjectName(f"export-{kind}")

        def chosen(_checked: bool = False, kind: str = kind) -> None:
            path = ask_path(window, f"{kind}.xlsx")
            if path is not None:
                export_list(window, exports, runner, kind, path)

        action.triggered.connect(chosen)
    today = submenu.addAction(_tr("&Agenda de hoy…"))
    today.setObjectName("export-agenda")
    agenda, clock = context.services.agenda, context.clock

    def agenda_chosen() -> None:
        path = ask_path(window, f"agenda-{clock.today().isoformat()}.xlsx")
        if path is None:
            return
        day = clock.today()
        runner.query(lambda _ctx: write_agenda(agenda.agenda(day), path)).success(
            lambda count: tell(
                window,
                _tr("%1 filas exportadas a %2.").replace("%1", str(count)).replace("%2", path.name),
                QMessageBox.Icon.Information,
            )
        ).error(failed(window)).describe(_tr("Exportando…")).run()

    today.triggered.connect(agenda_chosen)
    submenu.addSeparator()
    whole = submenu.addAction(_tr("&Libro completo para el contador…"))
    whole.setObjectName("export-book")

    def book() -> None:
        path = ask_path(window, "libro-cobranza.zip", book=True)
        if path is not None:
            export_book(window, exports, runner, path)

    whole.triggered.connect(book)
    # After the import entries, before the quit action.
    quit_action = getattr(window, "action_quit", None)
    if isinstance(quit_action, QAction):
        menu.insertMenu(quit_action, submenu)
    else:
        menu.addMenu(submenu)
