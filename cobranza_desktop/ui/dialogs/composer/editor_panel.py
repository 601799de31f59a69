"""The composer's editor: the message in plain words, and in an advanced mode the
template behind it (subject and text), the merge fields to insert and the template's
errors, with the channel's actions below.

A shop owner edits the message itself by default: the merged text of this one message,
subject included, with no template code in sight. Ticking «Editar la plantilla
(avanzado)» shows the template, whose merge fields and conditions drive the message;
the fields read as «Fecha de vencimiento más antigua», not as ``{{ due_date }}``, and the
message then follows the template again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
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

from cobranza_desktop.messaging.merge_fields import from_placeholders, to_placeholders
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
        self.advanced = QCheckBox(
            QCoreApplication.translate("ReminderComposer", "Editar la &plantilla (avanzado)")
        )
        self.advanced.setToolTip(
            QCoreApplication.translate(
                "ReminderComposer",
                "La plantilla con sus campos de combinación, para este tipo de mensaje",
            )
        )
        self.advanced.toggled.connect(self._set_advanced)
        editor_bar.addWidget(self.advanced)
        self.template_label = QLabel(
            QCoreApplication.translate("ReminderComposer", "Texto (plantilla editable):")
        )
        editor_bar.addWidget(self.template_label)
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

        self.preview_label = QLabel()
        layout.addWidget(self.preview_label)
        message_subject_row = QHBoxLayout()
        self.message_subject_label = QLabel(
            QCoreApplication.translate("ReminderComposer", "A&sunto:")
        )
        self.message_subject = QLineEdit()
        self.message_subject.setAccessibleName(
            QCoreApplication.translate("ReminderComposer", "Asunto del mensaje")
        )
        self.message_subject_label.setBuddy(self.message_subject)
        self.message_subject.textEdited.connect(self._message_edited)
        message_subject_row.addWidget(self.message_subject_label)
        message_subject_row.addWidget(self.message_subject, 1)
        layout.addLayout(message_subject_row)
        self.preview = QPlainTextEdit()
        self.preview.setAccessibleName(
            QCoreApplication.translate("ReminderComposer", "Texto del mensaje")
        )
        self.preview_label.setBuddy(self.preview)
        self.preview.textChanged.connect(self._message_edited)
        layout.addWidget(self.preview, 3)
        self._layout = layout
        self._showing = False  # the program, not the person, is setting the message
        self._edited = False  # the person changed the message since it was merged
        self._subject_visible = True
        self._set_advanced(False)

    def add_actions(self, actions: QWidget) -> None:
        """Put the channel's actions below the preview."""
        self._layout.addWidget(actions)

    def _build_fields_menu(self) -> None:
        menu = QMenu(self.fields_button)
        for name, description in describe_fields(self._language):
            action = menu.addAction(description)
            action.triggered.connect(lambda _=False, n=name: self.insert_field(n))
        self.fields_button.setMenu(menu)

    def insert_field(self, name: str) -> None:
        if name not in MERGE_FIELDS:
            return
        # Inserted as the owner reads it: «Saldo adeudado», not {{ total_due }}.
        self.body_edit.insertPlainText(to_placeholders("{{ " + name + " }}", self._language))
        self.body_edit.setFocus()

    # ---------------------------------------------------------------- content

    def show_template(self, subject: str, body: str) -> None:
        """Put a template in the editor with its merge fields as «readable» placeholders."""
        self.subject_edit.setText(to_placeholders(subject, self._language))
        self.body_edit.setPlainText(to_placeholders(body, self._language))

    def subject_source(self) -> str:
        return from_placeholders(self.subject_edit.text(), self._language)

    def body_source(self) -> str:
        return from_placeholders(self.body_edit.toPlainText(), self._language)

    def set_subject_visible(self, visible: bool) -> None:
        self._subject_visible = visible
        advanced = self.advanced.isChecked()
        self.subject_label.setVisible(visible and advanced)
        self.subject_edit.setVisible(visible and advanced)
        self.message_subject_label.setVisible(visible and not advanced)
        self.message_subject.setVisible(visible and not advanced)

    # ---------------------------------------------------------------- the two modes

    def is_advanced(self) -> bool:
        return self.advanced.isChecked()

    def _set_advanced(self, advanced: bool) -> None:
        for widget in (self.template_label, self.fields_button):
            widget.setVisible(advanced)
        self.body_edit.setVisible(advanced)
        self.preview.setReadOnly(advanced)
        self.preview.setStyleSheet(
            "QPlainTextEdit { background: palette(alternate-base); }" if advanced else ""
        )
        self.preview_label.setText(
            QCoreApplication.translate("ReminderComposer", "Vista previa:")
            if advanced
            else QCoreApplication.translate("ReminderComposer", "&Mensaje (puede modificarlo):")
        )
        if advanced and self._edited:
            # The template drives the message again: its merged text replaces the edits.
            self._edited = False
            self.sourceChanged.emit()
        self.set_subject_visible(self._subject_visible)

    def _message_edited(self, *_args: object) -> None:
        if not self._showing and not self.advanced.isChecked():
            self._edited = True

    def message_edited(self) -> bool:
        """True when the person changed the merged message (plain mode)."""
        return self._edited and not self.advanced.isChecked()

    def forget_edits(self) -> None:
        """The next merge replaces the message (another stage, channel or template)."""
        self._edited = False

    def edited_message(self) -> tuple[str, str]:
        """(subject, text) as the person left them."""
        return self.message_subject.text(), self.preview.toPlainText()

    def show_error(self, message: str) -> None:
        self.error_label.setText(
            QCoreApplication.translate("ReminderComposer", "Error en la plantilla: %1").replace(
                "%1", message
            )
        )
        self.error_label.show()
        self._showing = True
        self.preview.setPlainText("")
        self._showing = False

    def show_message(self, rendered: RenderedMessage, channel: str) -> None:
        self.error_label.hide()
        if self.message_edited():
            return  # the person's own words stay until they restore the template
        text = rendered.body
        self._showing = True
        self.message_subject.setText(rendered.subject)
        if channel == "email" and self.advanced.isChecked():
            text = (
                QCoreApplication.translate("ReminderComposer", "Asunto: %1").replace(
                    "%1", rendered.subject
                )
                + "\n\n"
                + text
            )
        self.preview.setPlainText(text)
        self._showing = False
