"""Ayuda → Acerca de: the version, where the book is and where the log is."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def program_version() -> str:
    try:
        return version("cobranza-desktop")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0+unknown"


class AboutDialog(QDialog):
    def __init__(self, book_path: Path | str | None, log_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acerca de Cobranza Desktop"))
        self.setObjectName("about_dialog")
        self._log_path = log_path
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Cobranza Desktop"))
        title.setObjectName("emptyTitle")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Cuentas por cobrar y cobranza, sin conexión.")))
        form = QFormLayout()
        self.version_label = QLabel(program_version())
        book_text = str(book_path) if book_path is not None else self.tr("(ningún libro abierto)")
        self.book_label = QLabel(book_text)
        self.log_label = QLabel(str(log_path))
        for label in (self.version_label, self.book_label, self.log_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.version_label.setAccessibleName(self.tr("Versión"))
        self.book_label.setAccessibleName(self.tr("Libro"))
        self.log_label.setAccessibleName(self.tr("Registro"))
        form.addRow(self.tr("Versión:"), self.version_label)
        form.addRow(self.tr("Libro:"), self.book_label)
        form.addRow(self.tr("Registro:"), self.log_label)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_logs_button = QPushButton(self.tr("Abrir la carpeta del &registro"))
        buttons.addButton(self.open_logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_logs_button.clicked.connect(self._open_logs)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _open_logs(self) -> None:
        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_path.parent)))
