"""The database worker: order, results, errors as messages, cancellation, data_changed."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.ui.tasks import TaskContext, TaskRunner


def test_tasks_run_in_order_on_one_worker_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    threads: list[str] = []
    results: list[int] = []

    def make(n: int):  # type: ignore[no-untyped-def]
        def work(ctx: TaskContext) -> int:
            threads.append(threading.current_thread().name)
            time.sleep(0.001)
            return n

        return work

    for n in range(20):
        runner.submit(make(n), on_result=results.append)
    assert runner.wait_idle()
    assert results == list(range(20))
    assert set(threads) == {"cobranza-db"}
    assert threading.current_thread().name not in threads


def test_a_service_error_arrives_as_its_message(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[str] = []

    def work(ctx: TaskContext) -> None:
        raise ValidationError("amount", "El monto debe ser mayor que cero.")

    runner.submit(work, on_error=errors.append)
    assert runner.wait_idle()
    assert errors == ["El monto debe ser mayor que cero."]


def test_an_unexpected_error_is_a_calm_sentence_not_a_traceback(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    errors: list[str] = []

    def work(ctx: TaskContext) -> None:
        raise KeyError("internal detail")

    with qtbot.waitSignal(runner.error) as blocker:
        runner.submit(work)
    message = blocker.args[0]
    assert "Traceback" not in message and "internal detail" not in message
    assert "inesperado" in message
    assert errors == []


def test_data_changed_follows_each_write_and_not_reads(qtbot: QtBot, runner: TaskRunner) -> None:
    changes: list[bool] = []
    runner.data_changed.connect(lambda: changes.append(True))
    runner.submit(lambda ctx: 1)
    assert runner.wait_idle()
    assert changes == []
    runner.submit(lambda ctx: 2, writes=True)
    runner.submit(lambda ctx: 3, writes=True)
    assert runner.wait_idle()
    assert changes == [True, True]


def test_a_failed_write_does_not_announce_a_change(qtbot: QtBot, runner: TaskRunner) -> None:
    changes: list[bool] = []
    runner.data_changed.connect(lambda: changes.append(True))

    def work(ctx: TaskContext) -> None:
        raise ValidationError("x", "no")

    runner.submit(work, writes=True, on_error=lambda m: None)
    assert runner.wait_idle()
    assert changes == []


def test_progress_and_cancellation(qtbot: QtBot, runner: TaskRunner) -> None:
    fractions: list[float] = []
    results: list[str] = []
    started = threading.Event()

    def long_work(ctx: TaskContext) -> str:
        started.set()
        for i in range(1000):
            ctx.progress(i / 1000)
            ctx.check_cancelled()
            time.sleep(0.002)
        return "done"

    handle = runner.submit(
        long_work, on_result=results.append, on_progress=fractions.append, show_progress=True
    )
    qtbot.waitUntil(lambda: len(fractions) >= 2, timeout=3000)
    handle.cancel()
    assert runner.wait_idle()
    assert results == []
    assert fractions == sorted(fractions)
    assert started.is_set()


def test_a_newer_task_with_the_same_key_supersedes_the_older(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    results: list[str] = []
    gate = threading.Event()
    runner.submit(lambda ctx: gate.wait(2))  # keeps the worker busy
    for text in ("a", "ab", "abc"):
        runner.submit(lambda ctx, t=text: t, on_result=results.append, key="search")
    gate.set()
    assert runner.wait_idle()
    assert results == ["abc"]
