"""Temporary: screenshots at 1366x768 on the laptop screen, es and en (not committed)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tests.ui.test_screen_fit import laptop
from tests.ui.ui_support import OpenApp

OUT = Path("/work/shots/polish")


def _grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))


def test_shots(qtbot: QtBot, demo_app: OpenApp) -> None:
    for lang in ("es", "en"):
        demo_app.controller.change_language(lang)
        window = demo_app.controller.window
        demo_app.window = window
        screen = laptop()
        area = screen.availableGeometry()
        window.hide()
        window.setScreen(screen)
        window.setGeometry(area.x(), area.y(), 1366, 768)
        window.show()
        qtbot.waitUntil(window.isVisible)
        demo_app.settle()
        for key in ("today", "customers", "settings"):
            window.show_page(key)
            demo_app.settle()
            _grab(window, f"{lang}-{key}")
        settings = window.page("settings")
        tabs = settings.tabs
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            demo_app.settle()
            _grab(window, f"{lang}-settings-tab{i}")
        customer_id = demo_app.services.customers.list_page(limit=1)[0].id
        before = len(demo_app.dialogs.opened)
        demo_app.commands.compose_reminder(window, customer_id)
        demo_app.settle()
        demo_app.commands.view_notice(window, customer_id)
        demo_app.settle()
        QApplication.processEvents()
        for n, d in enumerate(demo_app.dialogs.opened[before:]):
            if isinstance(d, QDialog):
                d.setScreen(screen)
                d.move(area.x() + 50, area.y() + 10)
                d.show()
                demo_app.settle()
                _grab(d, f"{lang}-dialog{n}-{type(d).__name__}")
                print(lang, type(d).__name__, d.frameGeometry(), area)
                d.reject()
