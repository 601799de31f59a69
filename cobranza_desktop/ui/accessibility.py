"""Names a screen reader says for widgets that have no visible label of their own.

Qt names a button by its text and a field by the label whose buddy it is, when that label
is its sibling. A field wrapped in a box (with its error line under it), a search box with
only a placeholder, a table or a chart has no such label: these helpers give it one.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

W = TypeVar("W", bound=QWidget)
_INSTALLED = "cobranza_spoken_names"


def plain(caption: str) -> str:
    """A caption as spoken: no mnemonic ampersand, no trailing colon."""
    return caption.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")


def named(widget: W, name: str, tooltip: str | None = None) -> W:
    widget.setAccessibleName(plain(name))
    if tooltip is not None:
        widget.setToolTip(tooltip)
    return widget


def named_by_placeholder(edit: QLineEdit) -> QLineEdit:
    """A search box whose placeholder says what it is for ("Buscar por nombre…")."""
    return named(edit, edit.placeholderText().rstrip("…").rstrip("."))


def _inputs(item: QWidget | QLayout) -> list[QWidget]:
    """The widgets Tab can stop on inside a form's field (itself, or in its box)."""
    if isinstance(item, QWidget):
        if item.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return [item]
        return [
            w
            for w in item.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(w, QLabel)
        ]
    found: list[QWidget] = []
    for index in range(item.count()):
        child = item.itemAt(index)
        if child is None:
            continue
        widget, layout = child.widget(), child.layout()
        if widget is not None:
            found += _inputs(widget)
        elif layout is not None:
            found += _inputs(layout)
    return found


def name_form_fields(form: QFormLayout) -> None:
    """Give each row's first input the row's caption as its spoken name, and make it the
    label's buddy (so that the caption's mnemonic focuses it), when the field sits in a
    box that hides it from Qt's own label lookup. Inputs named already keep their name."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label_item is None or field_item is None:
            continue
        label = label_item.widget()
        field = field_item.widget() or field_item.layout()
        if not isinstance(label, QLabel) or field is None:
            continue
        inputs = _inputs(field)
        if not inputs:
            continue
        if label.buddy() is None:
            label.setBuddy(inputs[0])
        if not inputs[0].accessibleName():
            named(inputs[0], label.text())


def _spoken(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def name_widgets(top: QWidget) -> None:
    """Name what Qt cannot name by itself inside ``top``: form fields in boxes (by their
    row's caption) and search boxes that show only a placeholder (by the placeholder)."""
    for form in top.findChildren(QFormLayout):
        name_form_fields(form)
    for edit in top.findChildren(QLineEdit):
        if edit.placeholderText() and not edit.accessibleName() and not _spoken(edit):
            named_by_placeholder(edit)


def caption(text: str, field: QWidget) -> QLabel:
    """A field's caption in a grid (where no form layout pairs them): its ``&`` letter
    puts the cursor in the field, and a screen reader names the field by it."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def focus_chain(top: QWidget) -> list[QWidget]:
    """Every widget inside ``top`` in its tab order (hidden ones too)."""
    found: list[QWidget] = []
    widget = top.nextInFocusChain()
    while widget is not None and widget is not top and widget not in found:
        if top.isAncestorOf(widget):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def focus_first_field(dialog: QDialog) -> None:
    """A dialog opens with the cursor in its first field, not on a button of its button
    row (which some dialogs build before their fields, so that it comes first in the tab
    order; QDialog then focuses the default button)."""
    if dialog.focusWidget() is not None or isinstance(dialog, QMessageBox):
        return
    for widget in focus_chain(dialog):
        if (
            widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and not isinstance(widget, QPushButton)  # a check or radio box is a field
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return


def keep_default_button(dialog: QDialog) -> None:
    """Enter accepts: a button made default before it had its dialog as parent (a button
    row built apart, then added) is not known to the dialog; tell the dialog again."""
    if isinstance(dialog, QMessageBox):
        return  # it chooses its own default
    for button in dialog.findChildren(QPushButton):
        if button.isDefault():
            button.setDefault(False)
            button.setDefault(True)
            return


class SpokenNames(QObject):
    """An application-wide event filter: each dialog, as it is shown, is named for a screen
    reader and has Enter on its default button (Escape rejects: QDialog's own)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            name_widgets(watched)
            keep_default_button(watched)
            focus_first_field(watched)
        return False


def install_spoken_names(app: QApplication) -> None:
    """Install the filter once per application."""
    if app.property(_INSTALLED):
        return
    app.installEventFilter(SpokenNames(app))
    app.setProperty(_INSTALLED, True)
