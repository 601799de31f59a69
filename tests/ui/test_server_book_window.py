"""Archivo → Conectar a un servidor… opens the server book in the window: its title says
«servidor · base», the recent books keep the URL without its password, no lock file is
made, and backups go through pg_dump (or say plainly why not)."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.engine import URL

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.storage.book import make_server_engine
from cobranza_desktop.storage.credentials import save_password, without_password
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.models import Customer
from cobranza_desktop.ui.book_menu import recent_servers
from cobranza_desktop.ui.dialogs.connect_dialog import ConnectDialog
from tests.memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401
from tests.pg_support import PgDatabases
from tests.ui.test_ui_screenshots import distinct_colours
from tests.ui.ui_support import IDLE_TIMEOUT, OpenApp

pytestmark = pytest.mark.postgresql


@pytest.fixture
def server_book(pg_databases: PgDatabases) -> Iterator[URL]:
    url = pg_databases.create()
    yield url
    pg_databases.drop(url)


def _connect(open_app: OpenApp, qtbot: QtBot, url: URL, password: str = "") -> None:
    controller = open_app.controller
    controller.connect_server()
    dialog = controller.dialog
    assert isinstance(dialog, ConnectDialog)
    dialog.host.setText(url.host or "")
    dialog.port.setValue(url.port or 5432)
    dialog.database.setText(url.database or "")
    dialog.user.setText(url.username or "")
    dialog.password.setText(password)
    dialog.connect_button.click()
    open_app.settle()
    assert controller.window is not None
    qtbot.waitUntil(controller.window.is_ready, timeout=int(IDLE_TIMEOUT * 1000))
    open_app.window = controller.window
    del dialog
    gc.collect()  # the replaced window's wrapper goes with the dialog that pointed at it


def test_the_window_opens_a_server_book(
    qtbot: QtBot,
    server_book: URL,  # before the window: the database outlives the app's teardown
    open_app: OpenApp,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    controller = open_app.controller
    locks_before = set(tmp_path.rglob("*.lock"))
    _connect(open_app, qtbot, server_book, password="s3creta")
    window = controller.window
    assert window is not None
    assert window.windowTitle().endswith(f"{server_book.host} · {server_book.database}")
    assert controller.book_path is None and controller.on_server
    # Recent books: the URL without its password; the password only in the keyring.
    remembered = recent_servers(controller.settings)
    assert remembered[0] == without_password(server_book)
    assert "s3creta" not in (tmp_path / "ui.ini").read_text("utf-8")
    assert list(memory_keyring.passwords.values()) == ["s3creta"]
    # The work lands on the server: another program sees the customer.
    open_app.services.customers.create(CustomerData(name="Cliente En El Servidor"))
    with open_book(server_book) as other, other.session() as session:
        assert not other.is_file
        assert other.label == f"{server_book.host} · {server_book.database}"
        assert list(session.scalars(select(Customer.name))) == ["Cliente En El Servidor"]
    # No lock file, no folder: restore and "show folder" are off and say why.
    assert set(tmp_path.rglob("*.lock")) == locks_before
    with open_book(tmp_path / "prueba.sqlite"):  # the file book's lock was released
        pass
    menu = window.book_menu
    assert menu is not None
    assert menu.backup_now.isEnabled()
    assert not menu.restore.isEnabled() and "servidor" in menu.restore.toolTip()
    assert not menu.show_folder.isEnabled()


def test_a_server_book_is_backed_up_with_pg_dump_or_refused_plainly(
    qtbot: QtBot,
    server_book: URL,  # before the window: the database outlives the app's teardown
    open_app: OpenApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    controller = open_app.controller
    _connect(open_app, qtbot, server_book)
    controller.backup_now()
    open_app.settle()
    dumps = list((tmp_path / "home" / "server-backups").glob(f"{server_book.database}-*.dump"))
    assert len(dumps) == 1 and dumps[0].stat().st_size > 0
    assert dumps[0].read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    controller.backup_now()
    open_app.settle()
    box = controller.dialog
    assert isinstance(box, QMessageBox)
    assert "pg_dump" in box.text() and "postgresql-client" in box.text()


def test_a_server_url_without_password_takes_the_keyrings(
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    url = URL.create("postgresql+psycopg", username="carla", host="10.0.0.5", database="libro")
    save_password(url, "del-llavero")
    engine = make_server_engine(url)
    try:
        assert engine.url.password == "del-llavero"
    finally:
        engine.dispose()
    own = make_server_engine(url.set(password="propia"))
    try:
        assert own.url.password == "propia"  # a URL's own password is kept
    finally:
        own.dispose()


def _with_title_bar(window: QWidget) -> QImage:
    """The window's grab under a drawn title bar (offscreen windows have no frame)."""
    body = window.grab().toImage()
    bar = 32
    image = QImage(body.width(), body.height() + bar, QImage.Format.Format_RGB32)
    image.fill(QColor("#2b2f36"))
    painter = QPainter(image)
    try:
        painter.setPen(QColor("#ffffff"))
        painter.drawText(
            0, 0, body.width(), bar, Qt.AlignmentFlag.AlignCenter, window.windowTitle()
        )
        painter.drawImage(0, bar, body)
    finally:
        painter.end()
    return image


def test_screenshots_of_a_server_books_window(
    qtbot: QtBot,
    server_book: URL,  # before the window: the database outlives the app's teardown
    open_app: OpenApp,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    directory = Path(os.environ.get("COBRANZA_SCREENSHOTS", tmp_path / "shots"))
    directory.mkdir(parents=True, exist_ok=True)
    controller = open_app.controller
    _connect(open_app, qtbot, server_book)
    open_app.services.customers.create(CustomerData(name="Abarrotes Luna", phone="5512345678"))
    for language in ("es", "en"):
        if language == "en":
            controller.change_language("en")
            open_app.settle()
        window = controller.window
        assert window is not None
        window.resize(1366, 768)
        window.show_page("customers")
        open_app.settle()
        assert window.windowTitle().endswith(f"{server_book.host} · {server_book.database}")
        image = _with_title_bar(window)
        assert image.save(str(directory / f"server-book-window-{language}.png"))
        assert distinct_colours(image) > 12
    controller.change_language("es")
    open_app.settle()
