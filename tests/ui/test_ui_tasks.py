"""The database worker: order, results, errors as messages, cancellation, data_changed."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskContext, TaskRunner


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
        runner.query(make(n)).success(results.append).run()
    assert runner.wait_idle(30)
    assert results == list(range(20))
    assert set(threads) == {"cobranza-db"}
    assert threading.current_thread().name not in threads


def test_a_service_error_arrives_as_its_message(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[str] = []

    def work(ctx: TaskContext) -> None:
        raise ValidationError("amount", "El monto debe ser mayor que cero.")

    runner.query(work).error(errors.append).run()
    assert runner.wait_idle(30)
    assert errors == ["El monto debe ser mayor que cero."]


def test_an_unexpected_error_is_a_calm_sentence_not_a_traceback(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    errors: list[str] = []

    def work(ctx: TaskContext) -> None:
        raise KeyError("internal detail")

    with qtbot.waitSignal(runner.error, timeout=30_000) as blocker:
        runner.query(work).run()
    message = blocker.args[0]
    assert "Traceback" not in message and "internal detail" not in message
    assert "inesperado" in message
    assert errors == []


def test_data_changed_follows_each_write_and_not_reads(qtbot: QtBot, runner: TaskRunner) -> None:
    changes: list[OpChanges] = []
    runner.data_changed.connect(changes.append)
    runner.query(lambda ctx: 1).run()
    assert runner.wait_idle(30)
    assert changes == []
    paid = OpChanges.of(Kind.PAYMENTS, customers=[7])
    runner.write(lambda ctx: 2, paid).run()
    runner.write(lambda ctx: 3, lambda n: OpChanges.of(Kind.CUSTOMERS, customers=[n])).run()
    assert runner.wait_idle(30)
    assert changes == [paid, OpChanges.of(Kind.CUSTOMERS, customers=[3])]


def test_a_failed_write_does_not_announce_a_change(qtbot: QtBot, runner: TaskRunner) -> None:
    changes: list[OpChanges] = []
    runner.data_changed.connect(changes.append)

    def work(ctx: TaskContext) -> None:
        raise ValidationError("x", "no")

    runner.write(work, OpChanges.everything()).error(lambda m: None).run()
    assert runner.wait_idle(30)
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

    handle = (
        runner.query(long_work)
        .success(results.append)
        .progress(fractions.append)
        .describe("long", show_progress=True)
        .run()
    )
    qtbot.waitUntil(lambda: len(fractions) >= 2, timeout=30_000)
    handle.cancel()
    assert runner.wait_idle(30)
    assert results == []
    assert fractions == sorted(fractions)
    assert started.is_set()


def test_a_newer_task_with_the_same_key_supersedes_the_older(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    results: list[str] = []
    gate = threading.Event()
    runner.query(lambda ctx: gate.wait(20)).run()  # keeps the worker busy
    for text in ("a", "ab", "abc"):
        runner.query(lambda ctx, t=text: t).success(results.append).key("search").run()
    gate.set()
    assert runner.wait_idle(30)
    assert results == ["abc"]


def test_what_changed_tells_whom_it_concerns() -> None:
    paid = OpChanges.of(Kind.PAYMENTS, Kind.INVOICES, customers=[7])
    assert paid.touches(Kind.INVOICES) and not paid.touches(Kind.MESSAGES, Kind.PLANS)
    assert paid.concerns(7) and not paid.concerns(8)
    setting = OpChanges.of(Kind.SETTINGS)  # no customers named: it may concern anyone
    assert setting.concerns(8) and not setting.touches(Kind.PAYMENTS)
    assert not OpChanges.of().concerns(7)
    assert OpChanges.everything().touches(*Kind) and OpChanges.everything().concerns(1)


def test_the_guard_catches_a_read_of_the_book_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, no_book_on_the_gui_thread: list[str]
) -> None:
    """The suite-wide fixture is not a formality: a success callback (GUI thread) that
    reads the book is caught; the same read inside the op (worker) is not."""
    with open_book(tmp_path / "libro.sqlite", create=True) as book:
        customers = CustomerService(book, FixedClock.on(date(2026, 11, 22)))
        cid = customers.create(CustomerData(name="Ana", phone="55 1234 5678")).id
        runner.query(lambda _ctx: customers.get(cid)).run()
        assert runner.wait_idle(30)
        assert no_book_on_the_gui_thread == []
        runner.query(lambda _ctx: cid).success(lambda found: customers.get(found)).run()
        assert runner.wait_idle(30)
        assert no_book_on_the_gui_thread, "a GUI-thread read went unnoticed"
        assert all("ui/tasks.py" in where for where in no_book_on_the_gui_thread)
        no_book_on_the_gui_thread.clear()  # caught on purpose: the test passes
