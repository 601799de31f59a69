"""The book's life in the Archivo menu: new, open, recent books, backup, restore, folder.

The menu only asks; the application (``ui/app.py``) does, through :class:`BookActions`.
Recent books are kept in the window's QSettings; a book that is no longer where it was
stays in the list, disabled, so the user sees why it cannot be opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

RECENT_KEY = "books/recent"
# Books on a server, as URLs without their password (the keyring keeps that).
RECENT_SERVERS_KEY = "books/recent_servers"

MAX_RECENT = 8


class BookActions(Protocol):
    def new_book(self) -> None: ...

    def choose_book(self) -> None: ...

    def switch_book(self, path: Path) -> None: ...

    def connect_server(self) -> None: ...

    def open_server(self, url: str) -> None: ...

    def backup_now(self) -> None: ...

    def restore_backup(self) -> None: ...

    def show_book_folder(self) -> None: ...


def recent_books(settings: QSettings) -> list[Path]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings gives back a one-item list as a string
        value = [value]
    if not isinstance(value, list):
        return []
    return [Path(str(item)) for item in value if str(item)]


def recent_servers(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_SERVERS_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [str(item) for item in value if str(item)] if isinstance(value, list) else []


def remember_server(settings: QSettings, url: str) -> None:
    """Remember a server book's URL. It comes without its password; one is refused."""
    if urlsplit(url).password is not None:
        raise ValueError("a book's URL is remembered without its password")
    urls = [url] + [u for u in recent_servers(settings) if u != url]
    settings.setValue(RECENT_SERVERS_KEY, urls[:MAX_RECENT])


def remember_book(settings: QSettings, path: Path) -> None:
    resolved = path.expanduser().resolve()
    books = [resolved] + [p for p in recent_books(settings) if p != resolved]
    settings.setValue(RECENT_KEY, [str(p) for p in books[:MAX_RECENT]])


class BookMenu:
    """Fills the book part of the Archivo menu and keeps the recent books current."""

    def __init__(
        self,
        menu: QMenu,
        actions: BookActions,
        settings: QSettings,
        parent: QWidget,
        *,
        book_open: bool,
    ) -> None:
        self._actions = actions
        self._settings = settings
        self.new_book = QAction(QCoreApplication.translate("BookMenu", "&Nuevo libro…"), parent)
        self.new_book.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_book.triggered.connect(lambda: actions.new_book())
        self.open_book = QAction(QCoreApplication.translate("BookMenu", "A&brir libro…"), parent)
        self.open_book.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_book.triggered.connect(lambda: actions.choose_book())
        self.connect_server = QAction(
            QCoreApplication.translate("BookMenu", "Conectar a un ser&vidor…"), parent
        )
        self.connect_server.triggered.connect(lambda: actions.connect_server())
        self.recent = QMenu(QCoreApplication.translate("BookMenu", "Libros &recientes"), parent)
        self.recent.aboutToShow.connect(self.refresh_recent)
        self.backup_now = QAction(
            QCoreApplication.translate("BookMenu", "&Copia de seguridad ahora"), parent
        )
        self.backup_now.triggered.connect(lambda: actions.backup_now())
        self.restore = QAction(QCoreApplication.translate("BookMenu", "Res&taurar copia…"), parent)
        self.restore.triggered.connect(lambda: actions.restore_backup())
        self.show_folder = QAction(
            QCoreApplication.translate("BookMenu", "&Mostrar la carpeta del libro"), parent
        )
        self.show_folder.triggered.connect(lambda: actions.show_book_folder())
        for action in (self.backup_now, self.restore, self.show_folder):
            action.setEnabled(book_open)
        parent.addActions([self.new_book, self.open_book])
        menu.setToolTipsVisible(True)  # why an action is off (a server book's restore)
        self.recent.setToolTipsVisible(True)
        menu.addAction(self.new_book)
        menu.addAction(self.open_book)
        menu.addAction(self.connect_server)
        menu.addMenu(self.recent)
        menu.addSeparator()
        menu.addAction(self.backup_now)
        menu.addAction(self.restore)
        menu.addAction(self.show_folder)
        menu.addSeparator()
        self._parent = parent
        self.refresh_recent()

    def set_book_open(self, book_open: bool, *, on_server: bool = False) -> None:
        """Enable the book's actions. A server book is backed up with pg_dump; restoring
        it and its folder are the server's business, so those two stay off, and say why."""
        self.backup_now.setEnabled(book_open)
        for action in (self.restore, self.show_folder):
            action.setEnabled(book_open and not on_server)
            action.setToolTip(
                QCoreApplication.translate(
                    "BookMenu",
                    "Este libro está en un servidor: lo restaura quien administra el "
                    "servidor (pg_restore), y no tiene carpeta en esta computadora.",
                )
                if on_server
                else ""
            )

    def refresh_recent(self) -> None:
        self.recent.clear()
        books = recent_books(self._settings)
        for number, path in enumerate(books, start=1):
            action = self.recent.addAction(f"&{number} {path.name} — {path.parent}")
            action.setData(str(path))
            exists = path.exists()
            action.setEnabled(exists)
            if not exists:
                action.setToolTip(
                    QCoreApplication.translate("BookMenu", "El archivo ya no está en ese lugar.")
                )
            action.triggered.connect(lambda _=False, p=path: self._actions.switch_book(p))
        servers = recent_servers(self._settings)
        if servers and books:
            self.recent.addSeparator()
        for url in servers:
            action = self.recent.addAction(url)
            action.setData(url)
            action.triggered.connect(lambda _=False, u=url: self._actions.open_server(u))
        if not books and not servers:
            empty = self.recent.addAction(
                QCoreApplication.translate("BookMenu", "(ninguno todavía)")
            )
            empty.setEnabled(False)
