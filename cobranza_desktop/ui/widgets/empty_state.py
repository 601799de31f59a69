"""A calm empty state: an icon, a title, a sentence and, optionally, an action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Shown where there is nothing yet: "No hay clientes todavía. Crea uno…"."""

    def __init__(
        self,
        title: str,
        text: str,
        icon: QIcon | None = None,
        action_text: str | None = None,
        on_action: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        if icon is not None and not icon.isNull():
            picture = QLabel()
            picture.setPixmap(icon.pixmap(QSize(56, 56)))
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setEnabled(False)
            layout.addWidget(picture)
            layout.addSpacing(8)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("emptyTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title_label)
        self.text_label = QLabel(text)
        self.text_label.setObjectName("emptyText")
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)
        self.text_label.setMaximumWidth(520)
        self.text_label.setMinimumWidth(300)
        centered = QHBoxLayout()
        centered.addStretch(1)
        centered.addWidget(self.text_label, 3)
        centered.addStretch(1)
        layout.addLayout(centered)
        self.action_button: QPushButton | None = None
        if action_text and on_action is not None:
            layout.addSpacing(12)
            self.action_button = QPushButton(action_text)
            self.action_button.clicked.connect(on_action)
            layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
