"""Archivo → Restaurar copia…: the backups of this book, one to choose, and a clear warning.

The dialog only chooses. Listing runs on the database worker (it opens each backup to
count its records); the restore itself is done by the application once the book is
closed, because a book in use cannot be replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.services.book.backups import BackupInfo
from cobranza_desktop.ui.tasks import TaskRunner


def _when(moment: datetime) -> str:
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def _count(value: int | None) -> str:
    return "—" if value is None else QLocale().toString(value)


class RestoreDialog(QDialog):
    """Emits :attr:`restore_chosen` with the backup's path once the user confirmed."""

    restore_chosen = Signal(object)
    listed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        book_path: Path,
        list_backups: Callable[[Path], list[BackupInfo]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(self.tr("Restaurar una copia de seguridad"))
        self._backups: list[BackupInfo] = []
        self.confirmation: QMessageBox | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Elija la copia que quiere recuperar. Antes de restaurarla, el libro "
                "actual se guarda como una copia «antes de restaurar», así que nada se pierde."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Copias de seguridad"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Fecha"),
                self.tr("Tipo"),
                self.tr("Tamaño"),
                self.tr("Clientes"),
                self.tr("Facturas"),
                self.tr("Pagos"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._confirm())
        layout.addWidget(self.table, 1)
        self.status_label = QLabel(self.tr("Buscando copias…"))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("&Restaurar…"))
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 420)
        runner.query(lambda _ctx: list_backups(book_path)).success(self._show).error(
            self._failed
        ).describe(self.tr("Buscando copias de seguridad")).run()

    def _show(self, backups: list[BackupInfo]) -> None:
        self._backups = list(backups)
        self.table.setRowCount(len(self._backups))
        locale = QLocale()
        kinds = {
            "daily": self.tr("Diaria"),
            "pre-migration": self.tr("Antes de actualizar"),
            "before-restore": self.tr("Antes de restaurar"),
            "manual": self.tr("Manual"),
        }
        for row, info in enumerate(self._backups):
            when = _when(info.taken_at)
            cells = [
                when,
                kinds.get(info.kind, info.kind) if info.ok else self.tr("Dañada"),
                locale.formattedDataSize(info.size_bytes),
                _count(info.customers),
                _count(info.invoices),
                _count(info.payments),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if not info.ok:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        if self._backups:
            self.status_label.setText(self.tr("Copias encontradas: {0}").format(len(self._backups)))
        else:
            self.status_label.setText(self.tr("Este libro todavía no tiene copias de seguridad."))
        self.listed.emit()

    def _failed(self, message: str) -> None:
        self.status_label.setText(message)
        self.listed.emit()

    def backups(self) -> list[BackupInfo]:
        return list(self._backups)

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = self._backups[rows[0].row()]
        return info if info.ok else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def _confirm(self) -> None:
        info = self.chosen()
        if info is None:
            return
        when = _when(info.taken_at)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("¿Restaurar esta copia?"),
            self.tr(
                "El libro volverá a como estaba el {when} ({customers} clientes, "
                "{invoices} facturas, {payments} pagos).\n\n"
                "Primero se guarda el libro actual como una copia «antes de restaurar»; "
                "después se cierra, se reemplaza por la copia y se vuelve a abrir."
            ).format(
                when=when,
                customers=_count(info.customers),
                invoices=_count(info.invoices),
                payments=_count(info.payments),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Restaurar"))
        box.finished.connect(lambda result: self._answered(result, info))
        self.confirmation = box
        box.open()

    def _answered(self, result: int, info: BackupInfo) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self.restore_chosen.emit(info.path)
            self.accept()
