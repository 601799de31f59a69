"""Archivo → Conectar a un servidor…: the password goes to the keyring, the recent books
keep the address without it, and "Probar conexión" says why a server does not answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from cobranza_desktop.storage.credentials import KEYRING_SERVICE
from cobranza_desktop.ui.book_menu import recent_servers, remember_server
from cobranza_desktop.ui.dialogs.connect_dialog import ConnectDialog
from cobranza_desktop.ui.tasks import TaskRunner
from tests.memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401
from tests.ui.ui_support import OpenApp


def fill(dialog: ConnectDialog, host: str = "127.0.0.1", port: int = 1) -> None:
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText("cobranza")
    dialog.user.setText("carla")
    dialog.password.setText("s3creta")


def test_probar_conexion_names_the_server_and_its_refusal(
    qtbot: QtBot,
    runner: TaskRunner,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    dialog = ConnectDialog(runner, lambda _url: None)
    qtbot.addWidget(dialog)
    fill(dialog, port=1)  # nothing listens on port 1
    dialog.test_button.click()
    assert runner.wait_idle(30)
    assert "No se pudo conectar a 127.0.0.1:1" in dialog.error_label.text()
    assert dialog.test_button.isEnabled()
    assert memory_keyring.passwords == {}  # a test saves nothing


def test_a_missing_field_is_shown_on_it(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = ConnectDialog(runner, lambda _url: None)
    qtbot.addWidget(dialog)
    fill(dialog)
    dialog.database.clear()
    dialog.test_button.click()
    assert runner.wait_idle(30)
    assert "base de datos" in dialog.error_label.text()


def test_connecting_keeps_the_password_in_the_keyring_only(
    qtbot: QtBot,
    open_app: OpenApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    app = open_app
    asked: list[str] = []
    monkeypatch.setattr(app.controller, "open_server", asked.append)  # opening: pg-core's
    app.controller.connect_server()
    dialog = app.last_dialog
    assert isinstance(dialog, ConnectDialog)
    fill(dialog, host="servidor.local", port=5433)
    dialog.connect_button.click()
    app.settle()
    url = "postgresql+psycopg://carla@servidor.local:5433/cobranza"
    assert asked == [url]
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, "carla@servidor.local:5433/cobranza"): "s3creta"
    }


def test_the_recent_books_keep_server_addresses_without_passwords(
    tmp_path: Path, ui_settings: QSettings
) -> None:
    url = "postgresql+psycopg://carla@servidor.local:5433/cobranza"
    remember_server(ui_settings, url)
    remember_server(ui_settings, url)  # once only
    assert recent_servers(ui_settings) == [url]
    with pytest.raises(ValueError):
        remember_server(ui_settings, "postgresql+psycopg://carla:s3creta@servidor.local/cobranza")
    ui_settings.sync()
    assert "s3creta" not in (tmp_path / "ui.ini").read_text(encoding="utf-8")
