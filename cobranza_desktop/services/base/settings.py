"""Configuration kept in the book, as JSON values under a key."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.aging import DEFAULT_EDGES, AgingBuckets, validate_edges
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.versions import Edited, check_version
from cobranza_desktop.storage.concurrency import add_unless_duplicate
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Setting

AGING_EDGES_KEY = "aging.edges"


def read_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value)


def write_setting(
    session: Session, key: str, value: Any, expected_version: int | None = None
) -> None:
    """Store ``value`` under ``key``; with ``expected_version`` (0: "it did not exist"),
    refused if someone changed the key since it was read."""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Setting, key)
    if expected_version is not None:
        check_version(0 if row is None else row.version, expected_version, Edited.SETTINGS)
    if row is None and add_unless_duplicate(session, Setting(key=key, value=encoded)):
        return
    if row is None:  # another program wrote it first: this write is the later one
        row = session.get(Setting, key, populate_existing=True)
        assert row is not None
    row.value = encoded


def load_aging_buckets(session: Session) -> AgingBuckets:
    return AgingBuckets(tuple(read_setting(session, AGING_EDGES_KEY, list(DEFAULT_EDGES))))


class SettingsService:
    def __init__(self, book: Book) -> None:
        self._book = book

    def get(self, key: str, default: Any = None) -> Any:
        with self._book.session() as session:
            return read_setting(session, key, default)

    def set(self, key: str, value: Any, expected_version: int | None = None) -> None:
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            write_setting(session, key, value, expected_version)

    def aging_buckets(self) -> AgingBuckets:
        with self._book.session() as session:
            return load_aging_buckets(session)

    def set_aging_edges(self, edges: tuple[int, ...]) -> None:
        validate_edges(edges)
        self.set(AGING_EDGES_KEY, list(edges))
