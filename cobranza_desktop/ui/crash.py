"""An uncaught exception on the GUI thread: into the log, and a calm word to the user.

Without this hook PySide6 prints the traceback to a console nobody sees and the
window carries on in a state nobody knows. With it, the traceback goes to the
rotating log and the user reads where it is; the book stays as the last committed
transaction left it (every use case is one transaction), and the runner is drained
and the book closed when the window goes.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("cobranza_desktop.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashHandler:
    """Install with :meth:`install`; :meth:`uninstall` puts the previous hook back."""

    def __init__(self, log_path: Path, parent: Callable[[], QWidget | None]) -> None:
        self.log_path = log_path
        self._parent = parent
        self._previous: ExceptHook | None = None
        self.last_message: str | None = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def handle(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        log.error("uncaught exception on the GUI thread\n%s", text)
        self.last_message = self.message()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QApplication.translate("CrashHandler", "Algo salió mal"),
            self.last_message,
            parent=self._parent(),
        )
        box.setObjectName("crash_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def message(self) -> str:
        return QApplication.translate(
            "CrashHandler",
            "Ocurrió un error inesperado. Lo que ya estaba guardado en el libro no se "
            "pierde; la última acción pudo no completarse.\n\n"
            "Los detalles están en el registro:\n{path}\n\n"
            "Si vuelve a pasar, envíe ese archivo a soporte.",
        ).format(path=self.log_path)
