"""The frame every settings tab shares: a title, a form whose fields show their own
error, "Restaurar valores predeterminados", "Descartar cambios" and "Guardar".

A subclass says how to load, show, read (raising ``ValidationError`` naming the field)
and save its value, and what the default is. A bad value is refused in its field and
"Guardar" stays disabled until the form is valid; nothing is written before "Guardar".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.errors import FieldPath, ValidationError
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.widgets.forms import set_invalid


class SettingsForm(QWidget):
    """Load, edit with inline validation, restore the defaults, save."""

    def __init__(self, runner: TaskRunner, title: str, intro: str) -> None:
        super().__init__()
        self._runner = runner
        self._loading = False
        self.value: Any = None
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body = QVBoxLayout()
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.general_error = self._error_label("general")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.defaults_button = QPushButton(self.tr("Restaurar valores predeterminados"))
        self.defaults_button.setObjectName("restoreDefaults")
        self.revert_button = QPushButton(self.tr("Descartar cambios"))
        self.save_button = QPushButton(self.tr("Guardar"))
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.revert_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)

    # -- what a subclass provides ------------------------------------------------------------

    def load_work(self) -> Any:
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def read(self) -> Any:
        """The value the form describes; raises ValidationError naming the field."""
        raise NotImplementedError

    def save_work(self, value: Any) -> Callable[[], object]:
        raise NotImplementedError

    def default_value(self) -> Any:
        raise NotImplementedError

    def preview(self, value: Any) -> None:
        """Show what the value means (a sample, the bucket names); optional."""

    # -- building -------------------------------------------------------------------------------

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{name}")
        label.setStyleSheet("color: #b3261e;")
        label.setWordWrap(True)
        label.setVisible(False)
        self.errors[name] = label
        return label

    def add_field(self, name: str, caption: str, widget: QWidget) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error_label(name))
        self.fields[name] = widget
        self.form.addRow(caption, box)

    # -- the cycle ------------------------------------------------------------------------------

    def start(self) -> None:
        """Call at the end of the subclass's constructor."""
        self.load()

    def load(self) -> None:
        self._runner.query(lambda _ctx: self.load_work()).success(self._loaded).error(
            self._failed
        ).key(f"settings-{type(self).__name__}-{id(self)}").run()

    def _loaded(self, value: Any) -> None:
        self._show(value)
        self.status.clear()

    def _show(self, value: Any) -> None:
        self._loading = True
        try:
            self.show_value(value)
        finally:
            self._loading = False
        self.changed()

    def restore_defaults(self) -> None:
        """Put the shipped values in the form; they are written only with "Guardar"."""
        self._show(self.default_value())
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Valores predeterminados: pulse Guardar para conservarlos."))

    def changed(self) -> None:
        if self._loading:
            return
        for name, label in self.errors.items():
            label.clear()
            label.setVisible(False)
            if name in self.fields:
                set_invalid(self.fields[name], False)
        try:
            self.value = self.read()
        except ValidationError as exc:
            self.value = None
            self.show_error(exc.field, exc.message)
        self.save_button.setEnabled(self.value is not None)
        self.preview(self.value)

    def show_error(self, field: str | None, message: str) -> None:
        path = FieldPath.parse(field) if field else None
        name = field if field in self.errors else (path.name if path is not None else "general")
        label = self.errors.get(name, self.general_error)
        label.setText(message)
        label.setVisible(True)
        if name in self.fields:
            set_invalid(self.fields[name], True)

    def save(self) -> None:
        if self.value is None:
            return
        work = self.save_work(self.value)
        self.save_button.setEnabled(False)
        self._runner.write(lambda _ctx: work(), OpChanges.of(Kind.SETTINGS)).success(
            self._saved
        ).failure(lambda f: self._save_failed(f.field, f.message)).run()

    def _saved(self, _result: object) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Guardado."))
        self.save_button.setEnabled(True)

    def _save_failed(self, field: str | None, message: str) -> None:
        self.save_button.setEnabled(True)
        self.show_error(field, message)

    def _failed(self, message: str) -> None:
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(message)
