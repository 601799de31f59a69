"""Background work: one database worker thread that runs every service call in turn.

SQLite likes one writer; the interface likes never to freeze. So every read and
write the window asks of the services goes through :class:`TaskRunner`, which runs
them one after the other on a single worker thread and delivers the outcome back
on the GUI thread. Every call goes through one builder, :class:`Op`, in the manner of
Anki's ``QueryOp``/``CollectionOp``::

    runner.query(fn).success(show).failure(say).key("search").run()
    runner.write(fn, OpChanges.of(Kind.PAYMENTS, customers=[cid])).success(done).run()

* ``success(value)`` when the call returns,
* ``failure(TaskFailure)`` / ``error(message)`` with a clear message (never a traceback),
* ``progress(fraction)`` while it runs, if the call reports progress; ``describe(text,
  show_progress=True)`` puts it in the window's status bar with a Cancel button.

``fn`` receives a :class:`TaskContext` with ``progress(fraction)`` and ``cancelled()``:
exactly the callbacks the services accept for long work. ``run()`` returns a
:class:`TaskHandle` that can cancel it.

After each successful *write* the runner emits :attr:`TaskRunner.data_changed` with the
write's :class:`OpChanges` (which kinds of record, which customers), so each view
refreshes only when the change concerns what it shows.

Tasks may carry a ``key``: a new task with the same key supersedes the previous one
(a search keystroke cancels the query of the keystroke before), and the result of a
superseded task is never delivered; a running one that checks ``cancelled()`` stops.

A long read marked ``.aside()`` (the day's agenda) runs on a second thread, the reader,
with a pooled connection of its own: SQLite's WAL lets it read beside the writer, so the
customer list's first page does not wait for it. It starts only once the writes queued
before it have run, so it never reads the book as it was before a change it follows.
``.aside(lane)`` puts a read on a reader of its own (the REP radar's), created on first
use: Today's agenda never queues behind it.
"""

from __future__ import annotations

import collections
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.ui import gc_guard
from cobranza_desktop.ui.task_op import READER, Op
from cobranza_desktop.ui.task_types import (
    Kind,
    OpChanges,
    TaskCancelled,
    TaskContext,
    TaskFailure,
    TaskHandle,
    _Outcome,
    _Task,
    describe_error,
)

__all__ = [
    "Kind",
    "Op",
    "OpChanges",
    "TaskCancelled",
    "TaskContext",
    "TaskFailure",
    "TaskHandle",
    "TaskRunner",
    "describe_error",
]

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskRunner(QObject):
    """Runs service calls on ONE worker thread, in order, and reports back on the GUI thread."""

    #: After every successful write, with its :class:`OpChanges`: views refresh if concerned.
    data_changed = Signal(object)
    #: An error of a task that has no ``on_error`` callback: the window shows it.
    error = Signal(str)
    #: A task with ``show_progress`` started: (task id, description).
    progress_started = Signal(int, str)
    #: Progress of a task with ``show_progress``: (task id, fraction 0..1).
    progress_changed = Signal(int, float)
    #: A task with ``show_progress`` ended (done, failed or cancelled).
    progress_finished = Signal(int)
    #: True while any task is queued or running.
    busy_changed = Signal(int)

    # Internal: the worker thread emits these; Qt queues them to the GUI thread.
    # Outcomes travel in a plain deque, and only a bare "wake up" crosses threads as a
    # signal: no Python object is marshalled through Qt's queued connection.
    _wake = Signal()
    _progress = Signal(int, float)
    _started = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._queue: queue.Queue[_Task[Any] | None] = queue.Queue()
        self._tasks: dict[int, _Task[Any]] = {}  # queued or running, GUI-thread view
        self._by_key: dict[str, int] = {}
        self._lock = threading.Lock()
        self._outcomes: collections.deque[_Outcome] = collections.deque()
        self._delivered: list[_Outcome] = []
        self._wake.connect(self._drain)
        self._progress.connect(self._deliver_progress)
        self._started.connect(self._deliver_started)
        self._closed = False
        self._gc_guarded = gc_guard.acquire()
        # Long reads (``Op.aside()``) run on other threads, one per lane, each with a
        # connection of its own (SQLite's WAL lets readers run beside the one writer), so
        # that short reads and writes never queue behind them. Each waits for the writes
        # queued before it.
        self._lanes: dict[str, tuple[queue.Queue[_Task[Any] | None], threading.Thread]] = {}
        self._writes_pending: set[int] = set()
        self._writes_done = threading.Condition()
        self._thread = threading.Thread(target=self._work, name="cobranza-db", daemon=True)
        self._thread.start()
        self._lane(READER)

    # -- GUI-thread API -------------------------------------------------------------

    def query(self, fn: Callable[[TaskContext], T]) -> Op[T]:
        """A read: ``fn(context)`` on the worker; nothing is announced afterwards."""
        return Op(self._submit, fn, None)

    def write(
        self, fn: Callable[[TaskContext], T], changes: OpChanges | Callable[[T], OpChanges]
    ) -> Op[T]:
        """A write that declares what it changes (or how to tell from its result)."""
        return Op(self._submit, fn, changes)

    def _submit(
        self,
        fn: Callable[[TaskContext], T],
        *,
        on_result: Callable[[T], object] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[float], None] | None = None,
        on_failure: Callable[[TaskFailure], None] | None = None,
        changes: OpChanges | Callable[[T], OpChanges] | None = None,
        key: str | None = None,
        description: str = "",
        show_progress: bool = False,
        lane: str | None = None,
    ) -> TaskHandle:
        """Queue ``fn(context)`` on the database worker. Callbacks run on the GUI thread.

        ``on_failure`` receives a :class:`TaskFailure` (message and field, for inline
        errors); ``on_error`` only the message. Without either, :attr:`error` is emitted.
        """
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        task: _Task[T] = _Task(
            next(self._ids),
            fn,
            on_result,
            on_error,
            on_progress,
            on_failure,
            changes,
            key,
            description,
            show_progress,
            lane if changes is None else None,  # a write always runs on the worker
        )
        if key is not None:
            previous = self._by_key.get(key)
            if previous is not None:
                self.cancel(previous)
            self._by_key[key] = task.task_id
        was_idle = not self._tasks
        self._tasks[task.task_id] = task
        if task.changes is not None:
            with self._writes_done:
                self._writes_pending.add(task.task_id)
        (self._queue if task.lane is None else self._lane(task.lane)).put(task)
        if was_idle:
            self.busy_changed.emit(True)
        return TaskHandle(task, self.cancel)

    def cancel(self, task_id: int) -> None:
        """Ask a task to stop. Its result, if it still comes, is not delivered."""
        task = self._tasks.get(task_id)
        if task is not None:
            task.cancel_event.set()

    def is_busy(self) -> bool:
        return bool(self._tasks)

    def is_closed(self) -> bool:
        return self._closed

    def shutdown(self, timeout: float = 5.0) -> None:
        """Cancel what is queued, let the running task finish, and stop the worker."""
        if self._closed:
            return
        self._closed = True
        for task in list(self._tasks.values()):
            task.cancel_event.set()
        with self._writes_done:
            self._writes_done.notify_all()
        self._queue.put(None)
        for lane, _reader in self._lanes.values():
            lane.put(None)
        self._thread.join(timeout)
        for _lane, reader in self._lanes.values():
            reader.join(timeout)
        self._delivered.clear()
        if self._gc_guarded:
            self._gc_guarded = False
            gc_guard.release()

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Process events until every task has been delivered (for tests and shutdown)."""
        deadline = time.monotonic() + timeout
        while self._tasks:
            if time.monotonic() > deadline:
                return False
            QCoreApplication.processEvents()
            time.sleep(0.002)
        QCoreApplication.processEvents()
        return True

    # -- worker thread ----------------------------------------------------------------

    def _work(self) -> None:
        # The worker never holds the last reference to a task or a result: a callback
        # or a closure may own a widget, and a widget destroyed on this thread crashes
        # Qt. The GUI thread keeps the task (in ``_tasks``) until it is delivered, and
        # the outcome (in ``_delivered``) until the next delivery.
        while True:
            task = self._queue.get()
            if task is None:
                return
            task_id, writes = task.task_id, task.changes is not None
            if task.cancel_event.is_set():
                outcome = _Outcome(task.task_id, ok=False, cancelled=True)
            else:
                outcome = self._run_one(task)
            del task
            if writes:  # the aside reads queued after it may start
                with self._writes_done:
                    self._writes_pending.discard(task_id)
                    self._writes_done.notify_all()
            self._post(outcome)
            del outcome

    def _lane(self, name: str) -> queue.Queue[_Task[Any] | None]:
        """The queue of the reader ``name`` (on the GUI thread), started on first use."""
        if name not in self._lanes:
            tasks: queue.Queue[_Task[Any] | None] = queue.Queue()
            thread_name = "cobranza-db-reader" + ("" if name == READER else f"-{name}")
            reader = threading.Thread(
                target=self._work_aside, args=(tasks,), name=thread_name, daemon=True
            )
            self._lanes[name] = (tasks, reader)
            reader.start()
        return self._lanes[name][0]

    def _work_aside(self, tasks: queue.Queue[_Task[Any] | None]) -> None:
        """A reader: long reads, each once the writes queued before it have run."""
        while True:
            task = tasks.get()
            if task is None:
                return
            self._wait_for_writes_before(task.task_id)
            if task.cancel_event.is_set() or self._closed:
                outcome = _Outcome(task.task_id, ok=False, cancelled=True)
            else:
                outcome = self._run_one(task)
            del task
            self._post(outcome)
            del outcome

    def _wait_for_writes_before(self, task_id: int) -> None:
        """Block until every write queued before ``task_id`` has run (or the runner stops)."""
        with self._writes_done:
            self._writes_done.wait_for(
                lambda: self._closed or all(w > task_id for w in self._writes_pending)
            )

    def _run_one(self, task: _Task[Any]) -> _Outcome:
        if task.show_progress:
            self._started.emit(task.task_id)
        context = TaskContext(task, self._progress.emit)
        try:
            return _Outcome(task.task_id, ok=True, value=task.fn(context))
        except TaskCancelled:
            return _Outcome(task.task_id, ok=False, cancelled=True)
        except CobranzaError as exc:
            return _Outcome(
                task.task_id,
                ok=False,
                message=describe_error(exc),
                field=getattr(exc, "field", None),
            )
        except Exception as exc:
            if task.cancel_event.is_set():  # stopped on request (a service's own signal)
                return _Outcome(task.task_id, ok=False, cancelled=True)
            log.exception("Task %r failed", task.description or task.fn)
            return _Outcome(task.task_id, ok=False, message=describe_error(exc))

    def _post(self, outcome: _Outcome) -> None:
        self._outcomes.append(outcome)
        self._wake.emit()

    # -- delivery on the GUI thread -----------------------------------------------------

    def _drain(self) -> None:
        # The outcomes delivered last time are released here, on the GUI thread: by now
        # the worker has long dropped its own reference to them.
        self._delivered.clear()
        while self._outcomes:
            outcome = self._outcomes.popleft()
            self._delivered.append(outcome)
            self._deliver(outcome)

    def _deliver_started(self, task_id: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None and not task.cancel_event.is_set():
            self.progress_started.emit(task_id, task.description)

    def _deliver_progress(self, task_id: int, fraction: float) -> None:
        task = self._tasks.get(task_id)
        if task is None or task.cancel_event.is_set():
            return
        if task.on_progress is not None:
            task.on_progress(fraction)
        if task.show_progress:
            self.progress_changed.emit(task_id, fraction)

    def _deliver(self, outcome: _Outcome) -> None:
        task = self._tasks.pop(outcome.task_id, None)
        if task is None:
            return
        if task.key is not None and self._by_key.get(task.key) == task.task_id:
            del self._by_key[task.key]
        try:
            if task.show_progress:
                self.progress_finished.emit(task.task_id)
            # A write that committed changes the book even if nobody wants the answer.
            if outcome.ok and task.changes is not None:
                if task.on_result is not None and not task.cancel_event.is_set():
                    task.on_result(outcome.value)
                changes = task.changes
                if not isinstance(changes, OpChanges):
                    changes = changes(outcome.value)
                if changes.kinds:  # a write that changed nothing announces nothing
                    self.data_changed.emit(changes)
            elif task.cancel_event.is_set() or outcome.cancelled:
                pass
            elif outcome.ok:
                if task.on_result is not None:
                    task.on_result(outcome.value)
            elif task.on_failure is not None:
                task.on_failure(TaskFailure(outcome.message, outcome.field))
            elif task.on_error is not None:
                task.on_error(outcome.message)
            else:
                self.error.emit(outcome.message)
        finally:
            if not self._tasks:
                self.busy_changed.emit(False)
