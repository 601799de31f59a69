"""Typed errors. Every message is meant for the business owner, not a programmer."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATH = re.compile(r"^(?P<name>[A-Za-z_]\w*)(?:\[(?P<index>\d+)\])?(?:\.(?P<sub>[A-Za-z_]\w*))?$")


@dataclass(frozen=True)
class FieldPath:
    """Where in the input a problem is: ``lines[3].unit_price`` is
    ``FieldPath("lines", 3, "unit_price")``. ``str()`` gives the text form errors carry."""

    name: str
    index: int | None = None
    sub: str | None = None

    def __str__(self) -> str:
        text = self.name
        if self.index is not None:
            text += f"[{self.index}]"
        if self.sub:
            text += f".{self.sub}"
        return text

    @classmethod
    def parse(cls, field: str | FieldPath | None) -> FieldPath | None:
        """The one place the text form is read back; a text of another shape is a name."""
        if field is None or isinstance(field, FieldPath):
            return field
        if not field:
            return None
        found = _PATH.match(field)
        if found is None:
            return cls(field)
        index = found["index"]
        return cls(found["name"], int(index) if index is not None else None, found["sub"])

    def last(self) -> str:
        """The innermost name: ``unit_price`` for ``lines[3].unit_price``."""
        return self.sub or self.name


class CobranzaError(Exception):
    """Base class of every error the program reports to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(CobranzaError):
    """Input that cannot be accepted. ``field`` names where the problem is (its text form,
    as before); ``path`` is the same place as a :class:`FieldPath`."""

    def __init__(self, field: str | FieldPath, message: str) -> None:
        super().__init__(message)
        self.path = FieldPath.parse(field) or FieldPath("")
        self.field = str(field)


class NotFoundError(CobranzaError):
    """A record that does not exist (or no longer exists)."""


class ConflictError(CobranzaError):
    """A request that contradicts the book's state, e.g. over-allocating a payment."""


class BookError(CobranzaError):
    """A problem with the book file itself."""


class BookLockedError(BookError):
    """Another running program already has the book open."""


class BookDamagedError(BookError):
    """The book failed its integrity check."""

    def __init__(self, message: str, latest_backup: str | None = None) -> None:
        super().__init__(message)
        self.latest_backup = latest_backup


class PermissionDeniedError(CobranzaError):
    """The user's role does not allow this write; nothing was changed."""


class ConcurrentEditError(ConflictError):
    """The record changed underneath while it was being edited; nothing was overwritten."""
