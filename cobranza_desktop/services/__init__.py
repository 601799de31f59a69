"""Use cases. The only layer that opens sessions and decides transaction boundaries.

Every service returns frozen dataclasses ("views"), never live ORM objects.
"""

from collections.abc import Callable

# Long work reports progress as a fraction in [0, 1] and checks whether to stop.
ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]


def no_progress(_fraction: float) -> None:
    """The default progress callback: report nothing."""


def never_cancel() -> bool:
    return False


class WorkCancelled(Exception):
    """Long work stopped because its ``cancelled()`` check turned true; nothing was written."""
