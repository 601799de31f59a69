import gc
import threading

import pytest

from cobranza_desktop.services.imports.bulk_gc import collections_paused


@pytest.fixture(autouse=True)
def _thresholds_back() -> object:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_no_automatic_collection_inside_and_the_thresholds_come_back() -> None:
    gc.set_threshold(700, 10, 10)
    with collections_paused():
        assert gc.get_threshold() == (0, 10, 10)
        assert gc.isenabled()  # the switch that ui/gc_guard.py holds is left alone
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_and_failing_blocks_put_them_back_once_the_last_leaves() -> None:
    gc.set_threshold(500, 7, 3)
    with pytest.raises(RuntimeError), collections_paused():
        with collections_paused():
            pass
        assert gc.get_threshold() == (0, 7, 3)  # the outer one still holds the pause
        raise RuntimeError("the import failed")
    assert gc.get_threshold() == (500, 7, 3)


def test_concurrent_imports_share_the_pause() -> None:
    gc.set_threshold(900, 10, 10)
    inside, leave = threading.Event(), threading.Event()

    def other_import() -> None:
        with collections_paused():
            inside.set()
            leave.wait(10)

    worker = threading.Thread(target=other_import)
    worker.start()
    assert inside.wait(10)
    with collections_paused():
        pass
    assert gc.get_threshold() == (0, 10, 10)  # the other import still runs
    leave.set()
    worker.join(10)
    assert gc.get_threshold() == (900, 10, 10)
