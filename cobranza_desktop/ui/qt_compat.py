"""Work-around for a reference-counting bug of the installed Qt bindings, applied on
import of ``cobranza_desktop.ui``.

The PySide6 6.12.0 wheels (stable ABI, ``abi3``) return ``None`` from void methods
and from methods that return a null object, and ``True`` from ``Signal.emit``,
without taking a new reference: they treat the singletons as immortal, which they are
on Python >= 3.12 but not on 3.11. Each such call lowers the reference count by one;
after some thousands of calls the interpreter aborts with "Fatal Python error:
none_dealloc" (or ``bool_dealloc``). A window makes millions of these calls.

On an interpreter with the leak we give ``None``, ``True`` and ``False`` the same
treatment Python 3.12 does: a reference count so large that it can never reach zero.
A probe detects the leak, so this does nothing on a fixed PySide6 or a newer Python.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# Far more references than a process can ever drop (2**40 calls), far from overflow.
_IMMORTAL_BOOST = 1 << 40


class _Probe(QObject):
    ping = Signal()


def leaks_singletons() -> bool:
    """Whether this PySide6 drops references to None or True on ordinary calls."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(16):
        probe.setObjectName("probe")  # a void method: returns None
        probe.ping.emit()  # returns True
    return sys.getrefcount(None) - none_before <= -16 or sys.getrefcount(True) - true_before <= -16


def _boost(obj: object) -> None:
    # CPython: the reference count is the object's first field, a Py_ssize_t.
    ctypes.c_ssize_t.from_address(id(obj)).value += _IMMORTAL_BOOST


_installed = False


def install() -> bool:
    """Apply the work-around if this interpreter needs it. Returns whether it did."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not leaks_singletons():
        return False
    for singleton in (None, True, False):
        _boost(singleton)
    _installed = True
    return True
