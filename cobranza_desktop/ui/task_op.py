"""The one builder every read and write of the window goes through (see
:mod:`cobranza_desktop.ui.tasks`): callbacks, key, description, then ``run()``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Self, TypeVar

from cobranza_desktop.ui.task_types import OpChanges, TaskContext, TaskFailure, TaskHandle

READER = "reader"  # the default lane of the reads aside (its thread: ``cobranza-db-reader``)

T = TypeVar("T")


class Op(Generic[T]):
    """One read or write, built then run: ``runner.query(fn).success(cb).run()``.

    Callbacks run on the GUI thread. Without ``failure``/``error`` callbacks a failure
    is emitted as :attr:`TaskRunner.error` (the window shows it).
    """

    def __init__(
        self,
        submit: Callable[..., TaskHandle],
        fn: Callable[[TaskContext], T],
        changes: OpChanges | Callable[[T], OpChanges] | None,
    ) -> None:
        self._submit = submit  # the runner's queueing entry point
        self._fn = fn
        self._changes = changes
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[TaskFailure], None] | None = None
        self._on_error: Callable[[str], None] | None = None
        self._on_progress: Callable[[float], None] | None = None
        self._key: str | None = None
        self._description = ""
        self._show_progress = False
        self._lane: str | None = None

    def success(self, callback: Callable[[T], object]) -> Self:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[TaskFailure], None]) -> Self:
        """The failure as data: message and field path, for inline errors."""
        self._on_failure = callback
        return self

    def error(self, callback: Callable[[str], None]) -> Self:
        """The failure's message only."""
        self._on_error = callback
        return self

    def progress(self, callback: Callable[[float], None]) -> Self:
        self._on_progress = callback
        return self

    def key(self, key: str) -> Self:
        """A newer op with the same key supersedes this one (its result is dropped)."""
        self._key = key
        return self

    def aside(self, lane: str = READER) -> Self:
        """A long read (the day's agenda): run it beside the worker, on a reader thread,
        so that other reads and writes do not wait for it. It still starts only after the
        writes queued before it; cancel it (or supersede it by key) to stop it early.

        Reads on one ``lane`` run in turn. A read that nothing waits for, and that nothing
        should queue behind (the REP radar beside Today's agenda), takes a lane of its own.
        """
        self._lane = lane
        return self

    def describe(self, description: str, *, show_progress: bool = False) -> Self:
        """A name for the status bar; with ``show_progress`` the window shows a bar."""
        self._description = description
        self._show_progress = show_progress
        return self

    def run(self) -> TaskHandle:
        return self._submit(
            self._fn,
            on_result=self._on_success,
            on_error=self._on_error,
            on_progress=self._on_progress,
            on_failure=self._on_failure,
            changes=self._changes,
            key=self._key,
            description=self._description,
            show_progress=self._show_progress,
            lane=self._lane,
        )
