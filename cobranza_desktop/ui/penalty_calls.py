"""How the penalty widgets call their service: on the TaskRunner when they have one.

The window gives every page the single database worker (:class:`TaskRunner`), so the
penalty engine never freezes the interface. Without a runner (a widget used on its own,
or in a quick test) the call runs right away on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.services import CancelCheck, ProgressCallback, never_cancel, no_progress
from cobranza_desktop.ui.tasks import TaskContext, TaskHandle, TaskRunner

T = TypeVar("T")
# The work receives the progress callback and the cancel check the services accept.
Work = Callable[[ProgressCallback, CancelCheck], T]


def run_call(
    runner: TaskRunner | None,
    work: Work[T],
    *,
    on_result: Callable[[T], None],
    on_error: Callable[[str], None],
    on_progress: Callable[[float], None] | None = None,
    writes: bool = False,
    key: str | None = None,
    description: str = "",
) -> TaskHandle | None:
    """Run ``work`` on the runner's worker thread, or right away without a runner."""
    if runner is None:
        try:
            value = work(on_progress or no_progress, never_cancel)
        except CobranzaError as exc:
            on_error(exc.message)
        else:
            on_result(value)
        return None

    def task(ctx: TaskContext) -> T:
        return work(ctx.progress, ctx.cancelled)

    return runner.submit(
        task,
        on_result=on_result,
        on_error=on_error,
        on_progress=on_progress,
        writes=writes,
        key=key,
        description=description,
        show_progress=on_progress is not None,
    )
