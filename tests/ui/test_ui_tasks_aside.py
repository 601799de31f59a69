"""The reader beside the worker: a long read does not hold the others up, it waits for the
writes queued before it, and a write that changed nothing announces nothing. A read may
take a reader (a lane) of its own."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskContext, TaskRunner


def test_a_long_read_aside_does_not_hold_up_a_short_read(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    order: list[str] = []
    threads: dict[str, str] = {}

    def long_read(_ctx: TaskContext) -> str:
        threads["long"] = threading.current_thread().name
        assert release.wait(30)
        return "long"

    def short_read(_ctx: TaskContext) -> str:
        threads["short"] = threading.current_thread().name
        return "short"

    runner.query(long_read).success(order.append).aside().run()
    runner.query(short_read).success(order.append).run()
    qtbot.waitUntil(lambda: order == ["short"], timeout=10_000)
    release.set()
    assert runner.wait_idle(30)
    assert order == ["short", "long"]
    assert threads == {"long": "cobranza-db-reader", "short": "cobranza-db"}


def test_a_read_aside_waits_for_the_writes_queued_before_it(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    release = threading.Event()
    events: list[str] = []

    def write(_ctx: TaskContext) -> None:
        assert release.wait(30)
        events.append("write done")

    def read(_ctx: TaskContext) -> None:
        events.append("read")

    runner.write(write, OpChanges.of(Kind.CUSTOMERS)).run()
    runner.query(read).aside().run()
    qtbot.wait(200)
    assert events == []  # the read waits, although the reader is free
    release.set()
    assert runner.wait_idle(30)
    assert events == ["write done", "read"]


def test_a_write_that_changed_nothing_announces_nothing(qtbot: QtBot, runner: TaskRunner) -> None:
    announced: list[OpChanges] = []
    runner.data_changed.connect(announced.append)
    runner.write(lambda _ctx: 0, lambda _n: OpChanges.of()).run()
    runner.write(lambda _ctx: 1, OpChanges.of(Kind.MESSAGES)).run()
    assert runner.wait_idle(30)
    assert announced == [OpChanges.of(Kind.MESSAGES)]


def test_a_superseded_read_aside_is_not_delivered(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()
    release = threading.Event()
    got: list[int] = []

    def first(ctx: TaskContext) -> int:
        started.set()
        assert release.wait(30)
        return 1 if not ctx.cancelled() else -1

    runner.query(first).success(got.append).key("agenda").aside().run()
    assert started.wait(10)
    runner.query(lambda _ctx: 2).success(got.append).key("agenda").aside().run()
    release.set()
    assert runner.wait_idle(30)
    assert got == [2]


def test_a_read_on_a_lane_of_its_own_holds_up_no_other_read_aside(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """The REP radar's lane: the agenda on the reader does not queue behind it; reads on
    one lane still run in turn, and each after the writes queued before it."""
    release, written = threading.Event(), threading.Event()
    order: list[str] = []
    threads: dict[str, str] = {}

    def slow(name: str) -> Callable[[TaskContext], str]:
        def read(_ctx: TaskContext) -> str:
            threads[name] = threading.current_thread().name
            assert written.is_set()
            assert release.wait(30)
            return name

        return read

    def agenda(_ctx: TaskContext) -> str:
        threads["agenda"] = threading.current_thread().name
        return "agenda"

    runner.write(lambda _ctx: written.set(), OpChanges.of(Kind.PAYMENTS)).run()
    runner.query(slow("radar")).success(order.append).aside("radar").run()
    runner.query(slow("radar again")).success(order.append).aside("radar").run()
    runner.query(agenda).success(order.append).aside().run()
    qtbot.waitUntil(lambda: order == ["agenda"], timeout=10_000)
    release.set()
    assert runner.wait_idle(30)
    assert order == ["agenda", "radar", "radar again"]
    assert threads == {
        "radar": "cobranza-db-reader-radar",
        "radar again": "cobranza-db-reader-radar",
        "agenda": "cobranza-db-reader",
    }
