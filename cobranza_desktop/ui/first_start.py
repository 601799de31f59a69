"""The first start: no book yet, so three doors instead of empty pages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class FirstStart(QWidget):
    """Emits which door was chosen; :meth:`show_progress` while the demo is built."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_start")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel(self.tr("Bienvenido a Cobranza Desktop"))
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel(self.tr("Todavía no hay un libro. ¿Cómo quiere empezar?"))
        text.setObjectName("emptyText")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        layout.addSpacing(16)
        self.new_button = QPushButton(self.tr("&Empezar un libro nuevo…"))
        self.open_button = QPushButton(self.tr("&Abrir un libro que ya tengo…"))
        self.demo_button = QPushButton(self.tr("E&xplorar el ejemplo"))
        self.new_button.setDefault(True)
        for button, signal, help_text in (
            (self.new_button, self.new_requested, self.tr("Con los datos de su negocio")),
            (self.open_button, self.open_requested, self.tr("Un archivo .sqlite")),
            (self.demo_button, self.demo_requested, self.tr("Un negocio inventado")),
        ):
            button.setMinimumWidth(320)
            button.setMinimumHeight(40)
            button.setToolTip(help_text)
            button.setAccessibleDescription(help_text)
            button.clicked.connect(signal.emit)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(320)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Preparando el ejemplo"))
        layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def show_progress(self, fraction: float) -> None:
        self.progress.setVisible(True)
        self.progress.setValue(int(fraction * 1000))
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setEnabled(False)

    def reset(self) -> None:
        self.progress.setVisible(False)
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setEnabled(True)
