"""Freshness: has anyone else changed the book since we last looked?

Every write transaction bumps a counter per kind of record it touched
(``storage/office_hooks.py``). The window polls :meth:`ChangeWatch.poll` every few
seconds on its database worker: one small query of a ten-row table. The kinds whose
counter moved, less this program's own writes (already announced), come back, and
the window refreshes the views that show them.
"""

from __future__ import annotations

from sqlalchemy import select

from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.office import ChangeCounter
from cobranza_desktop.storage.office_hooks import book_office


class ChangeWatch:
    def __init__(self, book: Book) -> None:
        self._book = book
        self._seen: dict[str, int] | None = None

    def poll(self) -> frozenset[str]:
        """The kinds of record others changed since the last poll (none the first time)."""
        with self._book.session() as session:
            office = book_office(session)
            counters = {
                str(name): int(value)
                for name, value in session.execute(select(ChangeCounter.name, ChangeCounter.value))
            }
        seen, self._seen = self._seen, counters
        if seen is None:
            for name in counters:
                office.take_own(name)
            return frozenset()
        changed = set()
        for name, value in counters.items():
            others = value - seen.get(name, 0) - office.take_own(name)
            if others > 0:
                changed.add(name)
        return frozenset(changed)
