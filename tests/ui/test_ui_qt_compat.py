"""PySide6 6.12.0 loses a reference to True on each emit; the ui package makes up for it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import cobranza_desktop.ui  # noqa: F401  (applies the work-around)


class Emitter(QObject):
    changed = Signal(int)


def test_emitting_many_signals_keeps_true_alive() -> None:
    emitter = Emitter()
    received: list[int] = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(5000):
        emitter.changed.emit(i)
    assert len(received) == 5000
    assert abs(sys.getrefcount(True) - before) < 50
