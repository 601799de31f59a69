"""Pausing Python's cyclic garbage collector while a read builds many plain records.

The agenda of a big book builds hundreds of thousands of small tuples and records that
all survive until it returns; none forms a reference cycle. The collector, triggered by
the allocations alone, meanwhile walks the whole heap several times: a third of the
agenda's CPU on the benchmark book, for nothing to free. Reference counting still frees
everything as usual while the collector waits; it resumes when the last pause ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # pauses under way (in any thread): the collector resumes after the last one
_resume = False  # it was enabled when the first of them began


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector paused (nested and threaded pauses count)."""
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
