"""Run a service call off the GUI thread: on the window's TaskRunner when there is one
(the single database worker), else on Qt's thread pool (standalone use and tests)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.ui.tasks import TaskContext, TaskRunner


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[TaskContext | None], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(None)
        except CobranzaError as exc:
            self.signals.failed.emit(exc.message)
        except Exception as exc:  # keep the window alive and say what happened
            self.signals.failed.emit(repr(exc))
        else:
            self.signals.done.emit(result)


_running: set[_Job] = set()


def run_off_gui(
    runner: TaskRunner | None,
    work: Callable[[TaskContext | None], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[str], None],
    *,
    writes: bool = True,
    description: str = "",
    show_progress: bool = False,
) -> None:
    """Call ``work(context)`` in the background; the callbacks run on the GUI thread."""
    if runner is not None:
        runner.submit(
            work,
            on_result=on_result,
            on_error=on_error,
            writes=writes,
            description=description,
            show_progress=show_progress,
        )
        return
    job = _Job(work)
    _running.add(job)

    def done(result: object) -> None:
        _running.discard(job)
        on_result(result)

    def failed(message: str) -> None:
        _running.discard(job)
        on_error(message)

    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    QThreadPool.globalInstance().start(job)
