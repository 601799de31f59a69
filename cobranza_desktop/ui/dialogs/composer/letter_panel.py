"""The composer's letter action: print (or save) the merged letter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.ui.dialogs.composer.common import (
    ComposerContext,
    ComposerHooks,
)
from cobranza_desktop.ui.labels import stage_label


class LetterPanel(QWidget):
    """Print the letter, titled with the stage's name; the contact is logged as printed."""

    def __init__(
        self, context: ComposerContext, hooks: ComposerHooks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._hooks = hooks
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        self.print_button = QPushButton(
            QCoreApplication.translate("ReminderComposer", "Imprimir carta")
        )
        self.print_button.clicked.connect(self._print_letter)
        self.print_button.setEnabled(False)  # until a message is ready
        layout.addWidget(self.print_button)

    def update_actions(self, ok: bool, has_text: bool) -> None:
        self.print_button.setEnabled(ok)

    def _print_letter(self) -> None:
        context = self._context
        reason = context.override_reason()
        rendered = context.rendered
        if reason is None or rendered is None:
            return
        try:
            self._hooks.print_letter(stage_label(context.current_stage()), rendered.body)
        except CobranzaError as exc:
            context.show_status(exc.message, error=True)
            return
        context.log(context.record("letter", "printed", override_reason=reason), context.accept)
