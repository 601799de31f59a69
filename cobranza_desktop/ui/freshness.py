"""Other people's changes reach the open views within a few seconds.

Every few seconds one light query (the book's change counters) runs on the database
worker; when another program changed a kind of record, the runner's
``data_changed`` carries those kinds, and each view refreshes as after our own writes.
Tests call :meth:`FreshnessPoller.poll_now` instead of waiting for the timer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from cobranza_desktop.services.base.freshness import ChangeWatch
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner

POLL_INTERVAL_MS = 3000
_KINDS = {kind.value: kind for kind in Kind}


def changes_of(names: frozenset[str]) -> OpChanges | None:
    """The kinds the counters name; an unknown counter means "anything may have changed"."""
    if not names:
        return None
    if any(name not in _KINDS for name in names):
        return OpChanges.everything()
    return OpChanges.of(*(_KINDS[name] for name in sorted(names)))


class FreshnessPoller(QObject):
    def __init__(
        self, watch: ChangeWatch, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent if parent is not None else runner)
        self._watch = watch
        self._runner = runner
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self.poll_now)
        self._stopped = False

    def start(self) -> None:
        self._stopped = False
        self.poll_now()  # the first poll sets the baseline
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._stopped = True

    def poll_now(self) -> None:
        if self._stopped or self._runner.is_closed():
            self.timer.stop()
            return
        watch = self._watch
        # Keyed: a poll still queued behind long work is replaced, never stacked.
        self._runner.query(lambda _ctx: watch.poll()).key("freshness").success(self._polled).error(
            lambda _message: None
        ).run()

    def _polled(self, names: frozenset[str]) -> None:
        changes = changes_of(names)
        if changes is not None and not self._stopped:
            self._runner.data_changed.emit(changes)
