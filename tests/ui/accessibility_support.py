"""What the accessibility tests look at: the widgets Tab reaches, and the name a screen
reader says for each (Qt's own accessible interface: a button's text, a label's buddy,
the accessible name set by hand)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabBar,
    QWidget,
)

from cobranza_desktop.ui.accessibility import plain


def tab_reachable(top: QWidget) -> list[QWidget]:
    """Every widget inside ``top`` that Tab stops on, in tab order."""
    found: list[QWidget] = []
    seen: set[int] = set()
    widget = top.nextInFocusChain()
    while widget is not None and id(widget) not in seen and widget is not top:
        seen.add(id(widget))
        if (
            (widget is top or top.isAncestorOf(widget))
            and widget.isVisibleTo(top)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def describe(widget: QWidget) -> str:
    """The widget as its owner calls it ("CustomerList.search"), to find it in the code."""
    owner = widget.parentWidget()
    while owner is not None:
        for attribute, value in vars(owner).items():
            if value is widget:
                return f"{type(owner).__name__}.{attribute}"
        owner = owner.parentWidget()
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    chain, parent = [], widget.parentWidget()
    while parent is not None and len(chain) < 4:
        chain.append(type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__}({widget.objectName() or text or '?'}) in {'<'.join(chain)}"


def unnamed(top: QWidget) -> list[str]:
    """The Tab-reachable widgets of ``top`` that a screen reader could not name."""
    return [describe(w) for w in tab_reachable(top) if not spoken_name(w)]


def _rect(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def backwards_steps(top: QWidget) -> list[str]:
    """The steps of the tab order, from the widget the cursor starts in, that go back
    against reading order: to a widget wholly above the last one (unless it starts a
    column to its right: the next pane of a splitter), or to one on the same line but
    wholly to its left."""
    chain = tab_reachable(top)
    # Tab goes round: the order read is the one from where the cursor starts.
    start = top.focusWidget()
    if start in chain:
        at = chain.index(start)
        chain = chain[at:] + chain[:at]
    found = []
    for before, after in pairwise(chain):
        a, b = _rect(before, top), _rect(after, top)
        up = b.bottom() < a.top() and b.left() < a.right()
        same_line = b.top() <= a.bottom() and a.top() <= b.bottom()
        left = same_line and b.right() <= a.left()
        if up or left:
            found.append(f"{describe(before)} -> {describe(after)}")
    return found


def mnemonic(text: str) -> str | None:
    """The letter a caption's ``&`` makes its Alt key ("Guar&dar" -> "d")."""
    index = 0
    while (index := text.find("&", index)) != -1:
        if index + 1 < len(text) and text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def captions(top: QWidget) -> list[tuple[str, QWidget]]:
    """The captions shown in ``top`` that may carry a mnemonic, with their widgets:
    buttons, the labels that focus a field, group boxes, the shown tabs."""
    found: list[tuple[str, QWidget]] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.window() is not top.window():
            continue
        if isinstance(widget, QAbstractButton):
            found.append((widget.text(), widget))
        elif isinstance(widget, QLabel) and (buddy := widget.buddy()) is not None:
            if buddy.focusPolicy() & Qt.FocusPolicy.TabFocus:  # not a label beside a label
                found.append((widget.text(), widget))
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            found.append((widget.title(), widget))
        elif isinstance(widget, QTabBar):
            found += [(widget.tabText(i), widget) for i in range(widget.count())]
    return found


def mnemonic_clashes(top: QWidget) -> dict[str, list[str]]:
    """The Alt letters that two captions of ``top`` both claim."""
    claims: dict[str, list[str]] = {}
    for text, _widget in captions(top):
        letter = mnemonic(text)
        if letter is not None:
            claims.setdefault(letter, []).append(plain(text))
    return {letter: texts for letter, texts in claims.items() if len(texts) > 1}


def _keyed(widget: QWidget) -> bool:
    """A button Enter or Escape presses already: the default one, or the box's Cancel."""
    if isinstance(widget, QPushButton) and widget.isDefault():
        return True
    box = widget.parentWidget()
    return (
        isinstance(box, QDialogButtonBox)
        and isinstance(widget, QAbstractButton)
        and box.buttonRole(widget) == QDialogButtonBox.ButtonRole.RejectRole
    )


def without_mnemonic(top: QWidget) -> list[str]:
    """The buttons and field captions of ``top`` that have no Alt letter (but for those
    of Enter and Escape)."""
    return [
        plain(text)
        for text, widget in captions(top)
        if text.strip()
        and mnemonic(text) is None
        and not isinstance(widget, QTabBar)
        and not _keyed(widget)
    ]
