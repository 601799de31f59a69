"""The composer's editor: the editable template (subject and text), the merge fields
to insert, the template's errors and the merged preview, with the channel's actions
below it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.messaging.templates import MERGE_FIELDS, RenderedMessage, describe_fields


class EditorPanel(QWidget):
    """The template being edited and its preview.

    ``sourceChanged`` is emitted on every edit of the subject or the text;
    ``restoreRequested`` when the user asks for the stored template again.
    """

    sourceChanged = Signal()
    restoreRequested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        subject_row = QHBoxLayout()
        self.subject_label = QLabel(QCoreApplication.translate("ReminderComposer", "Asunto:"))
        self.subject_edit = QLineEdit()
        self.subject_edit.textChanged.connect(self.sourceChanged)
        subject_row.addWidget(self.subject_label)
        subject_row.addWidget(self.subject_edit, 1)
        layout.addLayout(subject_row)

        editor_bar = QHBoxLayout()
        editor_bar.addWidget(
            QLabel(QCoreApplication.translate("ReminderComposer", "Texto (plantilla editable):"))
        )
        editor_bar.addStretch(1)
        self.fields_button = QToolButton()
        self.fields_button.setText(QCoreApplication.translate("ReminderComposer", "Insertar campo"))
        self.fields_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._build_fields_menu()
        editor_bar.addWidget(self.fields_button)
        self.reset_button = QPushButton(
            QCoreApplication.translate("ReminderComposer", "Restaurar plantilla")
        )
        self.reset_button.clicked.connect(self.restoreRequested)
        editor_bar.addWidget(self.reset_button)
        layout.addLayout(editor_bar)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setFont(mono)
        self.body_edit.textChanged.connect(self.sourceChanged)
        layout.addWidget(self.body_edit, 2)

        self.error_label = QLabel()
        self.error_label.setObjectName("templateError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        layout.addWidget(QLabel(QCoreApplication.translate("ReminderComposer", "Vista previa:")))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setStyleSheet("QPlainTextEdit { background: palette(alternate-base); }")
        layout.addWidget(self.preview, 3)
        self._layout = layout

    def add_actions(self, actions: QWidget) -> None:
        """Put the channel's actions below the preview."""
        self._layout.addWidget(actions)

    def _build_fields_menu(self) -> None:
        menu = QMenu(self.fields_button)
        for name, description in describe_fields(self._language):
            action = menu.addAction(f"{description} — {{{{ {name} }}}}")
            action.triggered.connect(lambda _=False, n=name: self.insert_field(n))
        self.fields_button.setMenu(menu)

    def insert_field(self, name: str) -> None:
        if name not in MERGE_FIELDS:
            return
        self.body_edit.insertPlainText("{{ " + name + " }}")
        self.body_edit.setFocus()

    # ---------------------------------------------------------------- content

    def subject_source(self) -> str:
        return self.subject_edit.text()

    def body_source(self) -> str:
        return self.body_edit.toPlainText()

    def set_subject_visible(self, visible: bool) -> None:
        self.subject_label.setVisible(visible)
        self.subject_edit.setVisible(visible)

    def show_error(self, message: str) -> None:
        self.error_label.setText(
            QCoreApplication.translate("ReminderComposer", "Error en la plantilla: %1").replace(
                "%1", message
            )
        )
        self.error_label.show()
        self.preview.setPlainText("")

    def show_message(self, rendered: RenderedMessage, channel: str) -> None:
        self.error_label.hide()
        text = rendered.body
        if channel == "email":
            text = (
                QCoreApplication.translate("ReminderComposer", "Asunto: %1").replace(
                    "%1", rendered.subject
                )
                + "\n\n"
                + text
            )
        self.preview.setPlainText(text)
