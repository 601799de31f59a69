"""Two people on one SQLite book: the owner's workspace and a second login's.

SQLite's single-writer file lock is per program; here both workspaces live in one
test process, so the second opens the book without taking the lock (as a second
computer on a server would) and works as another login (``Book.act_as``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.storage.database import open_book

OWNER = "dueno"
COLLECTOR = "cobrador"
VIEWER = "consulta"


def second_workspace(book_path: Path, clock: FixedClock, login: str) -> Workspace:
    book = open_book(book_path, lock=False)
    book.act_as(login)
    return Workspace(book, clock)


MONDAY = date(2026, 11, 23)  # the shared TODAY is a Sunday: no contacts on Sundays


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(MONDAY)


@pytest.fixture
def owner(book_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    """The owner's workspace on a SQLite file (these tests act as several local logins;
    on a server the logins are database users: tests/storage/office_pg)."""
    book = open_book(book_path, create=True)
    book.act_as(OWNER)
    workspace = Workspace(book, clock)
    yield workspace
    workspace.close()


@pytest.fixture
def office(owner: Workspace, book_path: Path, clock: FixedClock) -> Iterator[dict[str, Workspace]]:
    """The owner registers a collector and a read-only user; each has a workspace."""
    from cobranza_desktop.domain.access import Role

    owner.users.add(COLLECTOR, Role.COLLECTOR, "Carla Cobradora")
    owner.users.add(VIEWER, Role.READ_ONLY)
    collector = second_workspace(book_path, clock, COLLECTOR)
    viewer = second_workspace(book_path, clock, VIEWER)
    yield {"owner": owner, "collector": collector, "viewer": viewer}
    collector.close()
    viewer.close()
