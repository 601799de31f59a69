"""Helpers shared by the interface tests (imported by conftest and the tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.ui.app import Application
from cobranza_desktop.ui.commands import AppCommands
from cobranza_desktop.ui.context import Services
from cobranza_desktop.ui.main_window import MainWindow
from cobranza_desktop.ui.tasks import TaskRunner

# Generous: a slow, shared machine must not make a test fail; a hang still does.
IDLE_TIMEOUT = 30.0


@dataclass
class OpenedDialogs:
    """Every dialog and message box the code under test opens with ``open()``."""

    opened: list[QDialog] = field(default_factory=list)

    @classmethod
    def record(cls, monkeypatch: pytest.MonkeyPatch) -> OpenedDialogs:
        recorder = cls()
        for kind in (QDialog, QMessageBox):
            original = kind.open

            def open_and_record(dialog: QDialog, *args: Any, _original: Any = original) -> None:
                recorder.opened.append(dialog)
                _original(dialog, *args)

            monkeypatch.setattr(kind, "open", open_and_record)
        return recorder

    @property
    def last(self) -> QDialog | None:
        dialogs = [d for d in self.opened if not isinstance(d, QMessageBox)]
        return dialogs[-1] if dialogs else None

    @property
    def last_question(self) -> QMessageBox | None:
        boxes = [d for d in self.opened if isinstance(d, QMessageBox)]
        return boxes[-1] if boxes else None

    def forget_questions(self) -> None:
        self.opened = [d for d in self.opened if not isinstance(d, QMessageBox)]


@dataclass
class OpenApp:
    """The real application on a real book in tmp_path, with a fixed clock."""

    controller: Application
    window: MainWindow
    clock: FixedClock
    dialogs: OpenedDialogs

    @property
    def runner(self) -> TaskRunner:
        return self.controller.runner

    @property
    def commands(self) -> AppCommands:
        assert self.controller.composition is not None
        return self.controller.composition.commands

    @property
    def services(self) -> Services:
        assert self.controller.composition is not None
        return self.controller.composition.context.services

    @property
    def last_dialog(self) -> Any:
        """The dialog opened last (typed loosely: each test knows which one it opened)."""
        return self.dialogs.last

    def settle(self) -> None:
        """Let the worker finish and every result reach the widgets."""
        for _ in range(3):
            assert self.runner.wait_idle(IDLE_TIMEOUT)


TODAY = date(2026, 11, 22)
