"""The log: under $COBRANZA_HOME in tests, rotating, attached once."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from cobranza_desktop.services.book.logs import MAX_BYTES, log_file, setup_logging


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_cobranza", False)]


@pytest.fixture(autouse=True)
def _detach() -> object:
    yield
    for handler in _ours():
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_the_log_lives_under_cobranza_home_and_receives_records(tmp_path: Path) -> None:
    path = setup_logging()
    assert path == tmp_path / "home" / "logs" / "cobranza.log" == log_file()
    logging.getLogger("cobranza_desktop.test").error("una línea con acentos: ñ")
    for handler in _ours():
        handler.flush()
    assert "una línea con acentos: ñ" in path.read_text(encoding="utf-8")


def test_setting_up_twice_keeps_one_rotating_handler(tmp_path: Path) -> None:
    setup_logging()
    setup_logging()
    (handler,) = _ours()
    assert isinstance(handler, RotatingFileHandler)
    assert handler.maxBytes == MAX_BYTES and handler.backupCount >= 1


def test_another_home_moves_the_handler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = setup_logging()
    monkeypatch.setenv("COBRANZA_HOME", str(tmp_path / "other"))
    second = setup_logging()
    assert first != second
    (handler,) = _ours()
    assert Path(handler.baseFilename) == second  # type: ignore[attr-defined]
