"""`cobranza ladder`: show, add, remove and reset the escalation ladder from a script,
with the tab's rules; a bad edit is one line on stderr, exit code 2, and nothing saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.ladder import DEFAULT_LADDER
from cobranza_desktop.services.book.workspace import open_workspace


def _codes(book: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int]]:
    capsys.readouterr()
    assert main(["ladder", "show", "--json", "--book", str(book)]) == 0
    return [(row["code"], row["day"]) for row in json.loads(capsys.readouterr().out)]


def test_ladder_add_remove_reset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "libro.sqlite"
    assert main(["new", "--book", str(book)]) == 0
    assert _codes(book, capsys) == [(s.code, s.offset_days) for s in DEFAULT_LADDER.stages]
    args = ["ladder", "--book", str(book), "add", "--day", "20", "--channel", "visit"]
    assert main([*args, "--action", "Visita al cliente"]) == 0
    assert ("custom_1", 20) in _codes(book, capsys)
    # Refused, nothing saved: a day taken, an action already there, an unknown stage.
    before = _codes(book, capsys)
    assert main([*args[:-4], "--day", "7", "--action", "Otra"]) == 2
    assert "día 7" in capsys.readouterr().err
    assert main([*args[:-4], "--day", "21", "--action", "recordatorio firme"]) == 2
    assert main(["ladder", "remove", "no_such_stage", "--book", str(book)]) == 2
    assert _codes(book, capsys) == before
    assert main(["ladder", "remove", "firm_reminder", "--book", str(book)]) == 0
    assert "firm_reminder" not in {code for code, _day in _codes(book, capsys)}
    assert main(["ladder", "reset", "--book", str(book)]) == 0
    ws = open_workspace(book)
    try:
        assert ws.agenda.ladder() == DEFAULT_LADDER
    finally:
        ws.close()
