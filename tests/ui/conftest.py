"""Fixtures for the interface tests: real widgets, offscreen, a private settings file.

Every test of this folder runs with a guard on the storage: a connection taken from the
pool on the GUI thread while interface code is on the stack fails the test. Test code
itself may read and write the book directly (to arrange and to check); widgets may not.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import event
from sqlalchemy.pool import Pool

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.i18n import current_language
from cobranza_desktop.ui.app import Application, create_application, install_translations
from cobranza_desktop.ui.composition import open_context
from cobranza_desktop.ui.tasks import TaskRunner
from tests.ui.ui_support import TODAY, OpenApp, OpenedDialogs

UI_PACKAGE = str(Path(__file__).resolve().parents[2] / "cobranza_desktop" / "ui")


def _ui_frame_on_stack() -> str | None:
    """The first frame of interface code on the current stack, as "file:line"."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.startswith(UI_PACKAGE):
            return f"{frame.f_code.co_filename}:{frame.f_lineno} ({frame.f_code.co_name})"
        frame = frame.f_back  # type: ignore[assignment]
    return None


@pytest.fixture(scope="session", autouse=True)
def spanish_interface(qapp: QApplication) -> None:
    """The program's translators, as at start-up: Spanish (whose counts take their plural
    forms from cobranza_es.qm, «1 factura»), whatever test runs first."""
    install_translations(qapp, "es")


@pytest.fixture(autouse=True)
def back_to_spanish(qapp: QApplication) -> Iterator[None]:
    """A test that switched the interface to English leaves it Spanish for the next one
    (the Qt translators are process-wide; the gettext language is reset elsewhere)."""
    yield
    if current_language() != "es":
        install_translations(qapp, "es")


@pytest.fixture(autouse=True)
def no_book_on_the_gui_thread() -> Iterator[list[str]]:
    """Fail the test if a widget opens a connection to the book on the GUI thread."""
    violations: list[str] = []

    def checkout(_dbapi: object, _record: object, _proxy: object) -> None:
        if threading.current_thread() is not threading.main_thread():
            return  # the database worker (or the backup thread): where the book belongs
        where = _ui_frame_on_stack()
        if where is not None:
            violations.append(where)

    event.listen(Pool, "checkout", checkout)
    yield violations
    event.remove(Pool, "checkout", checkout)
    assert violations == [], "the book was read on the GUI thread from: " + "; ".join(
        sorted(set(violations))
    )


@pytest.fixture
def runner(qtbot: object) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle(20)
    task_runner.shutdown()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> OpenedDialogs:
    """The dialogs and message boxes opened (``open()``) while the test runs."""
    return OpenedDialogs.record(monkeypatch)


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    """Where screenshot tests save their PNGs: $COBRANZA_SCREENSHOTS to keep and look at them."""
    folder = Path(os.environ.get("COBRANZA_SCREENSHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def start_app(
    qtbot: QtBot,
    tmp_path: Path,
    book_path: Path,
    dialogs: OpenedDialogs,
    today: date = TODAY,
) -> OpenApp:
    app = create_application()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    clock = FixedClock.on(today)
    controller = Application(app, runner, settings, "es", book_name=book_path.name)
    # As in the program: the book opens on the database worker.
    opened: list[tuple[object, object]] = []
    runner.query(lambda _ctx: open_context(book_path, clock, runner=runner)).success(
        opened.append
    ).run()
    assert runner.wait_idle(30)
    ((context, close),) = opened
    controller.set_context(context, close)  # type: ignore[arg-type]
    window = controller.build_window()
    qtbot.addWidget(window)
    window.resize(1200, 780)
    window.show()
    started = OpenApp(controller, window, clock, dialogs)
    started.settle()
    return started


def stop_app(opened: OpenApp) -> None:
    opened.settle()
    opened.window.close()
    opened.controller.close()


@pytest.fixture
def open_app(qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs) -> Iterator[OpenApp]:
    opened = start_app(qtbot, tmp_path, tmp_path / "prueba.sqlite", dialogs)
    yield opened
    stop_app(opened)


def _small_demo(tmp_path: Path) -> Path:
    from cobranza_desktop.services.book.demo import build_demo_book
    from cobranza_desktop.storage.database import open_book

    path = tmp_path / "demo.sqlite"
    with open_book(path, create=True) as book:
        build_demo_book(book, FixedClock.on(TODAY), customers=15, seed=3)
    return path


@pytest.fixture
def demo_app(qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs) -> Iterator[OpenApp]:
    """The app on a small demo book (15 customers, a year of history)."""
    opened = start_app(qtbot, tmp_path, _small_demo(tmp_path), dialogs)
    yield opened
    stop_app(opened)


@pytest.fixture
def demo_app_in(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, language: str
) -> Iterator[OpenApp]:
    """``demo_app`` with its window built in ``language`` (the test's parameter): pages
    made before a language is installed keep their Spanish."""
    install_translations(create_application(), language)
    opened = start_app(qtbot, tmp_path, _small_demo(tmp_path), dialogs)
    yield opened
    stop_app(opened)
