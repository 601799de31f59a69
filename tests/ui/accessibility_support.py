"""What the accessibility tests look at: the widgets Tab reaches, and the name a screen
reader says for each (Qt's own accessible interface: a button's text, a label's buddy,
the accessible name set by hand)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget


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
