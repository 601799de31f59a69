"""Objects that may own widgets are never destroyed on the database worker.

A widget destroyed on a thread other than the GUI's crashes Qt (a rare segfault under
load). Two ways led there: the worker dropping the last reference to a finished task
(whose callbacks own widgets), and Python's cyclic collector running on the worker.
"""

from __future__ import annotations

import gc
import threading
from typing import Any

from cobranza_desktop.ui.tasks import TaskContext, TaskRunner


class Sentinel:
    """Records the thread its finaliser runs on."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen
        self.partner: Any = None

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_a_finished_task_is_released_on_the_gui_thread(runner: TaskRunner) -> None:
    seen: list[str] = []
    owned = Sentinel(seen)
    results: list[int] = []

    def on_result(value: int, keep: Sentinel = owned) -> None:
        results.append(value)

    del owned  # from here on, only the task's callback holds the sentinel
    runner.query(lambda _ctx: 1).success(on_result).run()
    del on_result
    assert runner.wait_idle(30)
    # The next task makes the worker take a new one from its queue: the old one must
    # not be released there.
    runner.query(lambda _ctx: 2).success(results.append).run()
    assert runner.wait_idle(30)
    runner.query(lambda _ctx: 3).success(results.append).run()
    assert runner.wait_idle(30)
    assert results == [1, 2, 3]
    assert seen == [threading.main_thread().name]


def test_cycles_are_collected_on_the_gui_thread_while_the_worker_allocates(
    runner: TaskRunner,
) -> None:
    assert not gc.isenabled()  # held by the runner for as long as it lives
    seen: list[str] = []
    start = threading.Event()

    def allocate(ctx: TaskContext) -> int:
        start.wait(30)
        # Containers that stay alive: the collector's counters climb on this thread.
        kept: list[list[int]] = [[] for _ in range(50_000)]
        return len(kept)

    runner.query(allocate).run()
    gc.collect()  # counters at zero: the cycles below stay pending until someone allocates
    for _ in range(100):  # unreachable cycles, each with a finaliser
        first, second = Sentinel(seen), Sentinel(seen)
        first.partner, second.partner = second, first
    del first, second
    start.set()
    assert runner.wait_idle(60)
    gc.collect()  # whatever the timer has not reached yet, here, on the GUI thread
    assert len(seen) == 200
    assert set(seen) == {threading.main_thread().name}


def test_collection_is_given_back_when_the_last_runner_stops(qtbot: object) -> None:
    enabled_before = gc.isenabled()
    first, second = TaskRunner(), TaskRunner()
    assert not gc.isenabled()
    first.shutdown()
    assert not gc.isenabled()  # the second worker still runs
    second.shutdown()
    assert gc.isenabled() == enabled_before


def test_the_gui_collector_waits_while_collection_is_paused(runner: TaskRunner) -> None:
    """An agenda or an import pauses collection while it builds its records: a pass of an
    older generation on the GUI thread would walk all of them meanwhile."""
    from cobranza_desktop.services.imports.bulk_gc import collections_paused
    from cobranza_desktop.ui import gc_guard

    collector = gc_guard._collector
    assert collector is not None  # the runner holds the guard
    passes: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.collect()  # every generation's count at zero: only the passes below count
    gc.callbacks.append(seen)
    try:
        with collections_paused():
            for _ in range(gc.get_threshold()[1] + 1):
                gc.collect(0)  # each young pass counts towards the next generation's
            assert gc.get_count()[1] > gc.get_threshold()[1]
            passes.clear()
            collector.collect_due()
            assert passes == []
        collector.collect_due()  # the pause is over: the generation due is collected
        assert passes == [1]
    finally:
        gc.callbacks.remove(seen)
