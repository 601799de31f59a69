"""Helpers shared by the interface tests (imported by conftest and the tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.ui.app import Application
from cobranza_desktop.ui.main_window import MainWindow
from cobranza_desktop.ui.tasks import TaskRunner


@dataclass
class OpenApp:
    """The real application on a real book in tmp_path, with a fixed clock."""

    controller: Application
    window: MainWindow
    clock: FixedClock

    @property
    def runner(self) -> TaskRunner:
        return self.controller.runner

    def settle(self) -> None:
        """Let the worker finish and every result reach the widgets."""
        for _ in range(3):
            assert self.runner.wait_idle(20)


TODAY = date(2026, 11, 22)
