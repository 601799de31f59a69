"""Message templates in Settings: pick language, stage and part; edit, check, save, restore."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import current_language
from cobranza_desktop.messaging.templates import STAGES, TEMPLATE_PARTS, check_template
from cobranza_desktop.services.messaging.reminders import ReminderService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.labels import stage_label
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner


class TemplateEditorWidget(QWidget):
    """Edit the shipped templates. A template with an unknown field cannot be saved."""

    #: A template was stored (or restored) in the book.
    saved = Signal()

    def __init__(
        self, reminders: ReminderService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._reminders = reminders
        self._runner = runner
        self._loading = False

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem(self.tr("Español"), "es")
        self.language.addItem(self.tr("Inglés"), "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.stage = QComboBox()
        for stage in STAGES:
            self.stage.addItem(stage_label(stage), stage)
        self.part = QComboBox()
        part_labels = {
            "email_subject": self.tr("Correo: asunto"),
            "email_body": self.tr("Correo: texto"),
            "whatsapp": self.tr("WhatsApp / SMS"),
            "call": self.tr("Guion de llamada"),
            "letter": self.tr("Carta"),
        }
        for part in TEMPLATE_PARTS:
            self.part.addItem(part_labels[part], part)
        for combo in (self.language, self.stage, self.part):
            combo.currentIndexChanged.connect(self.load)
        form.addRow(self.tr("Idioma:"), self.language)
        form.addRow(self.tr("Etapa:"), self.stage)
        form.addRow(self.tr("Parte:"), self.part)
        layout.addLayout(form)

        self.editor = QPlainTextEdit()
        named(self.editor, self.tr("Texto de la plantilla"))
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.textChanged.connect(self._check)
        layout.addWidget(self.editor, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.state = QLabel()
        buttons.addWidget(self.state, 1)
        self.restore_button = QPushButton(self.tr("Restaurar la original"))
        self.restore_button.clicked.connect(self.restore)
        buttons.addWidget(self.restore_button)
        self.save_button = QPushButton(self.tr("Guardar plantilla"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.load()

    def _key(self) -> tuple[str, str, str]:
        return (
            str(self.language.currentData()),
            str(self.stage.currentData()),
            str(self.part.currentData()),
        )

    def load(self, *_args: object) -> None:
        language, stage, part = self._key()
        self._loading = True
        self.editor.setPlainText(self._reminders.library.source(language, stage, part))
        self._loading = False
        customized = self._reminders.is_customized(language, stage, part)
        self.state.setText(self.tr("Modificada") if customized else self.tr("Original"))
        self.restore_button.setEnabled(customized)
        self._check()

    def _check(self) -> None:
        if self._loading:
            return
        try:
            check_template(self.editor.toPlainText(), str(self.part.currentData()))
        except ValidationError as exc:
            self.message.setStyleSheet("color: #b00020; font-weight: bold;")
            self.message.setText(exc.message)
            self.save_button.setEnabled(False)
        else:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("La plantilla es válida."))
            self.save_button.setEnabled(True)

    def save(self) -> None:
        """Store the template on the database worker; :attr:`saved` follows."""
        self._store(self.editor.toPlainText(), self.tr("Plantilla guardada."))

    def restore(self) -> None:
        """Back to the original template (the stored change is removed)."""
        self._store(None, "")

    def _store(self, text: str | None, done: str) -> None:
        (language, stage, part), reminders = self._key(), self._reminders

        def stored(_none: None) -> None:
            self.load()
            if done:
                self.message.setText(done)
            self.saved.emit()

        self._runner.write(
            lambda _ctx: reminders.save_template(language, stage, part, text),
            OpChanges.of(Kind.SETTINGS, Kind.MESSAGES),
        ).success(stored).error(self.message.setText).run()
