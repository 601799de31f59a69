"""Screenshots of the book's life (Archivo menu, doors, wizard, restore, About), es and en.

Set COBRANZA_SCREENSHOTS=/some/dir to keep the PNGs and look at them. Each image must
draw something (not blank), and the English window must not show the Spanish titles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.ui.app import Application, create_application, install_translations
from cobranza_desktop.ui.dialogs.new_book_wizard import NewBookWizard
from cobranza_desktop.ui.dialogs.restore_dialog import RestoreDialog
from cobranza_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_ui_screenshots import distinct_colours
from tests.ui.ui_support import IDLE_TIMEOUT, TODAY, OpenedDialogs

SIZE = (1366, 768)


def save(image: QImage, directory: Path, name: str) -> None:
    assert image.save(str(directory / f"{name}.png"))
    assert distinct_colours(image, step=5) > 6, name


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


@pytest.mark.parametrize("language", ["es", "en"])
def test_book_life_screens(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, directory: Path, language: str
) -> None:
    install_translations(create_application(), language)
    open_app = start_app(qtbot, tmp_path, tmp_path / "prueba.sqlite", dialogs)
    controller = open_app.controller
    controller.clock = open_app.clock
    controller.backup_now()
    open_app.settle()
    try:
        window = open_app.window
        window.resize(*SIZE)
        open_app.settle()
        menu = window.file_menu
        menu.popup(window.mapToGlobal(QPoint(8, window.menuBar().height())))
        qtbot.waitUntil(menu.isVisible)
        picture = grab(window)
        painter = QPainter(picture)
        painter.drawImage(QPoint(8, window.menuBar().height()), grab(menu))
        painter.end()
        save(picture, directory, f"archivo-menu-{language}")
        titles = [a.text() for a in menu.actions()]
        if language == "en":
            assert "&New book…" in titles and "&Nuevo libro…" not in titles
        menu.close()

        controller.restore_backup()
        dialog = controller.dialog
        assert isinstance(dialog, RestoreDialog)
        open_app.settle()
        dialog.select(0)
        save(grab(dialog), directory, f"restore-{language}")
        dialog.restore_button.click()
        assert dialog.confirmation is not None
        save(grab(dialog.confirmation), directory, f"restore-confirm-{language}")
        dialog.confirmation.reject()
        dialog.reject()

        controller.show_about()
        about = controller.dialog
        assert about is not None
        save(grab(about), directory, f"about-{language}")
        about.close()

        controller.new_book()
        wizard = controller.dialog
        assert isinstance(wizard, NewBookWizard)
        wizard.name.setText("Taller Ruiz")
        for number, page in enumerate(
            (wizard.business_page, wizard.payment_page, wizard.penalty_page, wizard.file_page)
        ):
            if number == 1:  # the profile is checked on the worker once
                with qtbot.waitSignal(wizard.checked, timeout=int(IDLE_TIMEOUT * 1000)):
                    wizard.next()
            elif number:
                wizard.next()
            assert wizard.currentPage() is page
            save(grab(wizard), directory, f"wizard-{number + 1}-{language}")
        wizard.reject()
    finally:
        install_translations(controller.app, "es")
        stop_app(open_app)


@pytest.mark.parametrize("language", ["es", "en"])
def test_first_start_screens(qtbot: QtBot, tmp_path: Path, directory: Path, language: str) -> None:
    app = create_application()
    install_translations(app, language)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    controller = Application(app, runner, settings, language, clock=FixedClock.on(TODAY))
    try:
        controller.show_first_start()
        window = controller.window
        assert window is not None and controller.first_start is not None
        window.resize(*SIZE)
        window.show()
        qtbot.waitExposed(window)
        save(grab(window), directory, f"first-start-{language}")
        if language == "en":
            assert controller.first_start.demo_button.text() == "E&xplore the demo"
    finally:
        install_translations(app, "es")
        if controller.window is not None:
            controller.window.close()
        controller.close()
