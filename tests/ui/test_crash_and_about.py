"""A crash in a slot is logged and explained calmly; About says where things are."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from cobranza_desktop.services.book.logs import setup_logging
from cobranza_desktop.ui.crash import CrashHandler
from cobranza_desktop.ui.dialogs.about_dialog import AboutDialog, program_version
from tests.ui.ui_support import OpenApp, OpenedDialogs


@pytest.fixture
def log_path() -> object:
    path = setup_logging()
    yield path
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "_cobranza", False):
            logging.getLogger().removeHandler(handler)
            handler.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_goes_to_the_log_and_a_calm_message(
    qtbot: QtBot, log_path: Path, dialogs: OpenedDialogs
) -> None:
    button = QPushButton("¡no!")
    qtbot.addWidget(button)

    def broken() -> None:
        raise RuntimeError("a deliberate failure in a slot")

    button.clicked.connect(broken)
    handler = CrashHandler(log_path, lambda: button)
    handler.install()
    try:
        assert sys.excepthook == handler.handle
        button.click()
    finally:
        handler.uninstall()
    assert sys.excepthook != handler.handle
    for h in logging.getLogger().handlers:
        h.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "a deliberate failure in a slot" in text and "Traceback" in text
    box = dialogs.last_question
    assert box is not None and box.objectName() == "crash_message"
    assert str(log_path) in box.text()
    assert "Traceback" not in box.text()  # a calm word, not the traceback


def test_about_names_the_version_the_book_and_the_log(
    qtbot: QtBot, open_app: OpenApp, tmp_path: Path
) -> None:
    open_app.controller.show_about()
    dialog = open_app.controller.dialog
    assert isinstance(dialog, AboutDialog)
    assert dialog.version_label.text() == program_version() != ""
    assert dialog.book_label.text() == str(tmp_path / "prueba.sqlite")
    assert dialog.log_label.text() == str(open_app.controller.log_path)
    assert "home" in dialog.log_label.text()  # $COBRANZA_HOME of the test
    dialog.close()
