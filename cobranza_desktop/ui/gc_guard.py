"""Python's cyclic garbage collector, run on the GUI thread only.

Python collects reference cycles on whichever thread happens to allocate when a
generation's threshold is crossed. With a database worker thread beside the GUI, that
may be the worker: a cycle that holds a widget (a dialog and the lambda connected to
its button, say) is then destroyed on the worker, and Qt crashes, because widgets may
only be destroyed on the thread that owns them. We saw this as a rare segfault under
load, with the worker in plain service code.

So while a worker thread exists, automatic collection is off, and a timer on the GUI
thread collects each generation when its threshold is crossed, as the interpreter would
(the technique PyQt programs use; see the PyQt "GarbageCollector" recipe).
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

# How often the GUI thread looks at the allocation counters (milliseconds).
_INTERVAL_MS = 250


class _GuiCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.setInterval(_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose threshold was crossed (GUI thread only)."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        if not thresholds[0]:
            # Collection is paused (``collections_paused``: an agenda or an import is
            # building its records): an older generation's pass would walk all the
            # young objects too, on the GUI thread, while the worker wants the GIL.
            return
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self._timer.stop()
        self.setParent(None)
        self.deleteLater()


_lock = threading.Lock()
_users = 0
_collector: _GuiCollector | None = None
_was_enabled = True


def acquire() -> bool:
    """A worker thread starts: collect on the GUI thread from now on (counted).

    Returns whether the guard was taken; only then must :func:`release` be called.
    """
    global _users, _collector, _was_enabled
    app = QCoreApplication.instance()
    if app is None or threading.current_thread() is not threading.main_thread():
        return False  # no Qt objects to protect, or not called from the GUI thread
    with _lock:
        _users += 1
        if _users == 1:
            _was_enabled = gc.isenabled()
            gc.disable()
            _collector = _GuiCollector(app)
    return True


def release() -> None:
    """A worker thread stopped: the last one gives collection back to the interpreter."""
    global _users, _collector
    if threading.current_thread() is not threading.main_thread():
        return
    with _lock:
        if _users == 0:
            return
        _users -= 1
        if _users == 0:
            if _collector is not None:
                _collector.stop()
                _collector = None
            gc.collect()  # on the GUI thread, before the interpreter takes over again
            if _was_enabled:
                gc.enable()


def active() -> bool:
    """True while automatic collection is held on the GUI thread."""
    return _users > 0


def reset() -> None:
    """Give collection back whatever runners are left (for test isolation: a runner that
    a test forgot to shut down must not leave the next tests without a collector)."""
    global _users, _collector
    with _lock:
        if _users == 0:
            return
        _users = 0
        if _collector is not None:
            _collector.stop()
            _collector = None
        gc.collect()
        if _was_enabled:
            gc.enable()
