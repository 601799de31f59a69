"""Building many small result objects at once, without the cyclic collector's passes.

A penalty proposal on a big book makes some 400,000 objects (charges, breakdowns,
segments) that all live until it returns, and none form cycles. Python's collector runs
its generations over them again and again as they accumulate (a quarter of the
proposal's CPU on the million-invoice book). Pausing it for the loop saves that work;
any cycle made meanwhile is collected as usual afterwards.

Only on the main thread with collection on (a command): in the window the worker already
runs with automatic collection off (``ui.gc_guard`` collects on the GUI thread), and
another thread must never switch it back on behind that guard.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk_allocation() -> Iterator[None]:
    if not gc.isenabled() or threading.current_thread() is not threading.main_thread():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
