"""Typed errors. Every message is meant for the business owner, not a programmer."""

from __future__ import annotations


class CobranzaError(Exception):
    """Base class of every error the program reports to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(CobranzaError):
    """Input that cannot be accepted. ``field`` names where the problem is."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


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
