"""Where the program writes its log, and the rotating handler that writes it.

Not a use case: the window and the CLI call :func:`setup_logging` once at start so a
crash or a failed operation leaves its traceback somewhere a person can send.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

LOG_FILENAME = "cobranza.log"
# A few megabytes keep weeks of ordinary use; five old files are plenty for support.
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def log_dir() -> Path:
    """``$COBRANZA_HOME/logs`` when set (tests, portable use), else the user log folder."""
    home = os.environ.get("COBRANZA_HOME")
    if home:
        return Path(home).expanduser() / "logs"
    return user_log_path("cobranza-desktop", appauthor=False)


def log_file() -> Path:
    return log_dir() / LOG_FILENAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach one rotating file handler to the root logger (idempotent); return its file.

    Calling it again with another ``$COBRANZA_HOME`` moves the handler to the new file.
    """
    path = log_file()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_cobranza", False):
            if Path(getattr(handler, "baseFilename", "")) == path:
                return path
            root.removeHandler(handler)
            handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._cobranza = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path
