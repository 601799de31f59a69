"""A problem found in a file: where it is and what is wrong, for the preview to list."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    source: str  # the file name, with ":row" (and column) where one applies
    message: str

    def to_json(self) -> dict[str, str]:
        return {"source": self.source, "message": self.message}


class FileRefused(Exception):
    """A whole file that cannot be read (not XML, too big, unsafe, not stamped)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
