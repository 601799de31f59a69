"""PySide6 6.12.0 on Python 3.11 drops references to None and True on ordinary calls;
importing ``cobranza_desktop.ui`` makes them unable to reach zero."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui import qt_compat


class Emitter(QObject):
    changed = Signal(int)


def test_many_void_calls_and_emits_do_not_kill_the_interpreter(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = Emitter()
    received: list[int] = []
    emitter.changed.connect(received.append)
    # Far more calls than None and True have references in a fresh interpreter.
    for i in range(200_000):
        label.setText("x")
        emitter.changed.emit(i)
    assert len(received) == 200_000
    assert sys.getrefcount(None) > 1_000 and sys.getrefcount(True) > 1_000


def test_the_work_around_is_applied_only_where_needed() -> None:
    if sys.version_info >= (3, 12):
        assert not qt_compat.install()
    else:
        assert qt_compat.install() == qt_compat._installed
