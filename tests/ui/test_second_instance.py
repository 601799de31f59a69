"""A second instance from a launcher (``cobranza demo`` or ``cobranza --book`` while the
book is open elsewhere) says so in a dialog, in the language the window speaks."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.demo import build_demo_book
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.ui import refusal
from cobranza_desktop.ui.app import LANGUAGE_KEY, install_translations


def _window_speaks(language: str) -> None:
    settings = QSettings(
        str(Path(os.environ["COBRANZA_HOME"]) / "cobranza-ui.ini"), QSettings.Format.IniFormat
    )
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


@pytest.fixture
def open_elsewhere(tmp_path: Path) -> object:
    path = tmp_path / "demo.sqlite"
    book = open_book(path, create=True)
    build_demo_book(book, FixedClock.on(date(2026, 11, 22)), customers=3, seed=2)
    yield path
    book.close()


@pytest.mark.parametrize("verb", [["demo"], []])
def test_a_locked_book_is_refused_in_a_dialog_in_the_windows_language(
    qtbot: QtBot,
    open_elsewhere: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    verb: list[str],
) -> None:
    _window_speaks("en")
    shown: list[tuple[str, str | None]] = []
    monkeypatch.setattr(refusal, "can_show_dialogs", lambda: True)
    monkeypatch.setattr(refusal, "show_refusal", lambda m, lang=None: shown.append((m, lang)))
    opened: list[object] = []
    monkeypatch.setattr("cobranza_desktop.ui.app.run_app", lambda *a, **k: opened.append(a) or 0)
    code = main([*verb, "--book", str(open_elsewhere)])
    try:
        if verb:  # demo: the lock is met before the window
            assert code == 2 and opened == []
            ((message, language),) = shown
            assert "already open in another Cobranza window" in message
            assert language == "en"
            assert "already open" in capsys.readouterr().err
        else:  # the bare window: it opens, and says it in its own box (run_app)
            assert opened and shown == []
    finally:
        install_translations(QApplication.instance(), "es")  # type: ignore[arg-type]


def test_without_a_screen_only_the_line_is_printed(
    open_elsewhere: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert refusal.can_show_dialogs() is False
    shown: list[str] = []
    monkeypatch.setattr(refusal, "show_refusal", lambda m, lang=None: shown.append(m))
    assert main(["demo", "--book", str(open_elsewhere)]) == 2
    assert shown == [] and "ya está abierto" in capsys.readouterr().err


def test_the_dialog_is_in_english_when_the_window_is(qtbot: QtBot) -> None:
    _window_speaks("en")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(50, answer)
    try:
        refusal.show_refusal("This book is already open in another Cobranza window.")
    finally:
        install_translations(QApplication.instance(), "es")  # type: ignore[arg-type]
    assert seen and seen[0].startswith("The book could not be opened.")
