"""No passes of Python's cyclic garbage collector while an import builds its records.

An import of 10,000 CFDI keeps every record, row and customer alive until it commits:
hundreds of thousands of objects that are not garbage, and not cycles either. The
collector's passes walk them again and again as the heap grows, which cost a third of
the import's CPU (raising the young generation's threshold a hundredfold still left
half of that).

A young-generation threshold of 0 stops automatic collection, and the GUI thread's
collector (``ui/gc_guard.py``), which reads the same thresholds, waits as well; neither
``gc.isenabled()`` nor the choice of thread changes. Cycles made meanwhile are collected
after the import, on the next pass. Nested and concurrent imports share one counter;
the last one out puts the thresholds back.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pause:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.holders = 0
        self.saved: tuple[int, int, int] = gc.get_threshold()

    def enter(self) -> None:
        with self.lock:
            if self.holders == 0:
                self.saved = gc.get_threshold()
                gc.set_threshold(0, *self.saved[1:])
            self.holders += 1

    def leave(self) -> None:
        with self.lock:
            self.holders -= 1
            if self.holders == 0:
                gc.set_threshold(*self.saved)


_PAUSE = _Pause()


@contextmanager
def collections_paused() -> Iterator[None]:
    """No automatic cycle collection inside the block (see the module's docstring)."""
    _PAUSE.enter()
    try:
        yield
    finally:
        _PAUSE.leave()
