"""The Archivo menu: mnemonics and shortcuts, recent books, switching, backup and restore."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.services.book.backups import list_backups, restore_backup
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.ui.book_menu import RECENT_KEY, recent_books
from cobranza_desktop.ui.dialogs.restore_dialog import RestoreDialog
from tests.ui.ui_support import IDLE_TIMEOUT, OpenApp


def customers_in(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT COUNT(*) FROM customers").fetchone()[0])
    finally:
        connection.close()


def menu_actions(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if not a.isSeparator()]


def test_every_menu_and_action_has_a_mnemonic_and_shortcuts_do_not_clash(
    open_app: OpenApp,
) -> None:
    window = open_app.window
    menus = [window.file_menu, window.go_menu, window.help_menu]
    for menu in menus:
        assert "&" in menu.title(), menu.title()
        for action in menu_actions(menu):
            assert "&" in action.text(), action.text()
        letters = [
            a.text()[a.text().index("&") + 1].lower() for a in menu_actions(menu) if a.text()
        ]
        assert len(letters) == len(set(letters)), (menu.title(), letters)
    book_menu = window.book_menu
    assert book_menu is not None
    assert book_menu.open_book.shortcut().toString() == "Ctrl+O"
    assert book_menu.new_book.shortcut().toString() == "Ctrl+Shift+N"
    shortcuts = [
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts


def test_the_open_book_is_remembered_and_a_missing_one_is_disabled(
    open_app: OpenApp, tmp_path: Path
) -> None:
    settings = open_app.controller.settings
    assert recent_books(settings)[0] == (tmp_path / "prueba.sqlite").resolve()
    gone = tmp_path / "ya-no-esta.sqlite"
    settings.setValue(RECENT_KEY, [str(tmp_path / "prueba.sqlite"), str(gone)])
    book_menu = open_app.window.book_menu
    assert book_menu is not None
    book_menu.refresh_recent()
    entries = {a.data(): a for a in book_menu.recent.actions()}
    assert entries[str(tmp_path / "prueba.sqlite")].isEnabled()
    assert not entries[str(gone)].isEnabled()


def test_switching_books_closes_the_first_and_opens_the_second(
    qtbot: QtBot, open_app: OpenApp, tmp_path: Path
) -> None:
    controller = open_app.controller
    controller.clock = open_app.clock
    first = tmp_path / "prueba.sqlite"
    second = tmp_path / "otro.sqlite"
    with open_book(second, create=True):
        pass
    controller.switch_book(second)
    open_app.settle()
    assert controller.book_path == second.resolve() or controller.book_path == second
    assert controller.window is not None and controller.window.is_ready()
    assert "otro.sqlite" in controller.window.windowTitle()
    open_app.window = controller.window
    # The first book is closed and its lock released: a restore over it is allowed.
    with open_book(first) as book:
        backup = book.path.parent / "a-mano.sqlite"
    from cobranza_desktop.storage.backup import backup_to

    backup_to(first, backup)
    restore_backup(backup, first, open_app.clock)


def test_backup_now_then_restore_brings_the_book_back_and_keeps_the_current_one(
    qtbot: QtBot, open_app: OpenApp, tmp_path: Path
) -> None:
    controller = open_app.controller
    controller.clock = open_app.clock
    book = tmp_path / "prueba.sqlite"
    before = customers_in(book)
    controller.backup_now()
    open_app.settle()
    manual = [b for b in list_backups(book) if b.kind == "manual"]
    assert len(manual) == 1 and manual[0].customers == before
    # A customer written after the backup is what the restore takes away.
    open_app.services.customers.create(CustomerData(name="Después De La Copia"))
    assert customers_in(book) == before + 1

    controller.restore_backup()
    dialog = controller.dialog
    assert isinstance(dialog, RestoreDialog)
    if not dialog.backups():
        with qtbot.waitSignal(dialog.listed, timeout=int(IDLE_TIMEOUT * 1000)):
            pass
    row = next(i for i, b in enumerate(dialog.backups()) if b.path == manual[0].path)
    assert dialog.table.item(row, 3).text() == str(before)
    dialog.select(row)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    box = dialog.confirmation
    assert box is not None
    assert "antes de restaurar" in box.text()
    box.done(QMessageBox.StandardButton.Yes)
    open_app.settle()
    assert controller.window is not None and controller.window.is_ready()
    open_app.window = controller.window
    assert customers_in(book) == before
    kept = [b for b in list_backups(book) if b.kind == "before-restore"]
    assert len(kept) == 1 and kept[0].customers == before + 1
