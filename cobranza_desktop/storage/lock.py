"""An exclusive lock on the book, so that two running programs never write the same file."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from cobranza_desktop.domain.errors import BookLockedError
from cobranza_desktop.domain.i18n import _


class BookLock:
    """Held for as long as the book is open. The OS releases it if the program dies."""

    def __init__(self, book_path: Path) -> None:
        self.path = book_path.with_name(book_path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        handle = open(self.path, "a+")  # noqa: SIM115 - held open on purpose
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise BookLockedError(
                _(
                    "Este libro ya está abierto en otra ventana de Cobranza. Ciérrela antes de "
                    "abrirlo aquí."
                )
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
