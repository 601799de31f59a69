"""Fixtures for the interface tests: real widgets, offscreen, a private settings file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.ui.app import Application, create_application, open_context
from cobranza_desktop.ui.tasks import TaskRunner
from tests.ui.ui_support import TODAY, OpenApp


@pytest.fixture
def runner(qtbot: object) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle(5)
    task_runner.shutdown()


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def start_app(qtbot: QtBot, tmp_path: Path, book_path: Path) -> OpenApp:
    app = create_application()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    clock = FixedClock.on(TODAY)
    controller = Application(app, runner, settings, "es", book_name=book_path.name)
    context, close = open_context(book_path, clock, runner=runner)
    controller.set_context(context, close)
    window = controller.build_window()
    qtbot.addWidget(window)
    window.resize(1200, 780)
    window.show()
    opened = OpenApp(controller, window, clock)
    opened.settle()
    return opened


def stop_app(opened: OpenApp) -> None:
    opened.settle()
    opened.window.close()
    opened.controller.close()


@pytest.fixture
def open_app(qtbot: QtBot, tmp_path: Path) -> Iterator[OpenApp]:
    opened = start_app(qtbot, tmp_path, tmp_path / "prueba.sqlite")
    yield opened
    stop_app(opened)


@pytest.fixture
def demo_app(qtbot: QtBot, tmp_path: Path) -> Iterator[OpenApp]:
    """The app on a small demo book (15 customers, a year of history)."""
    from cobranza_desktop.services.book.demo import build_demo_book
    from cobranza_desktop.storage.database import open_book

    path = tmp_path / "demo.sqlite"
    with open_book(path, create=True) as book:
        build_demo_book(book, FixedClock.on(TODAY), customers=15, seed=3)
    opened = start_app(qtbot, tmp_path, path)
    yield opened
    stop_app(opened)
