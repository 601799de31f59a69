"""Work-arounds for bugs of the installed Qt bindings, applied once on import of ``ui``.

PySide6 6.12.0: ``SignalInstance.emit`` returns ``True`` without taking a new
reference to it. Each call from Python therefore lowers the reference count of
``True`` by one; after a few thousand emits the interpreter aborts with
"Fatal Python error: bool_dealloc". We detect the leak with a probe signal and, only
if it is there, wrap ``emit`` to give back the reference it took.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def _emit_steals_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) - before <= -8


def install() -> bool:
    """Apply the work-around if this PySide6 needs it. Returns whether it was applied."""
    if getattr(SignalInstance.emit, "_cobranza_fixed", False):
        return True
    if not _emit_steals_a_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if isinstance(result, bool):
            incref(result)
        return result

    emit._cobranza_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True
