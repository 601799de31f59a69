"""`cobranza-desktop PATH`: the desktop entry's `Exec=cobranza-desktop %f` opens that book."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cobranza_desktop import cli
from cobranza_desktop.commands import window


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path | None, str | None]]:
    """The books the window would open, instead of opening a window."""
    calls: list[tuple[Path | None, str | None]] = []

    def fake_open(book_path: Path | None, language: str | None = None) -> int:
        calls.append((book_path, language))
        return 0

    monkeypatch.setattr(window, "open_window", fake_open)
    return calls


@pytest.mark.parametrize(
    "name", ["libro.sqlite", "Cobranza 2026 #1.cobranza", "sin extensión", "100% ñandú.sqlite"]
)
def test_a_bare_path_opens_that_book(
    opened: list[tuple[Path | None, str | None]], tmp_path: Path, name: str
) -> None:
    book = tmp_path / name
    assert cli.main_gui([str(book)]) == 0
    assert opened == [(book, None)]


def test_a_file_uri_opens_that_book(
    opened: list[tuple[Path | None, str | None]], tmp_path: Path
) -> None:
    book = tmp_path / "Mi negocio" / "libro ñ.sqlite"
    assert cli.main_gui([book.as_uri()]) == 0
    assert opened == [(book, None)]


def test_no_argument_opens_the_default_book(opened: list[tuple[Path | None, str | None]]) -> None:
    # %f expands to nothing when the program is started from the menu.
    assert cli.main_gui([]) == 0
    assert opened == [(None, None)]


def test_options_before_the_path_are_kept(
    opened: list[tuple[Path | None, str | None]], tmp_path: Path
) -> None:
    book = tmp_path / "libro.sqlite"
    assert cli.main_gui(["--lang", "en", str(book)]) == 0
    assert opened == [(book, "en")]


def test_the_value_of_book_is_not_taken_twice(
    opened: list[tuple[Path | None, str | None]], tmp_path: Path
) -> None:
    book = tmp_path / "libro.sqlite"
    assert cli.main_gui(["--book", str(book)]) == 0
    assert opened == [(book, None)]


def test_a_verb_still_runs_as_a_verb(
    opened: list[tuple[Path | None, str | None]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    book = tmp_path / "demo.sqlite"
    assert cli.main_gui(["demo", "--book", str(book), "--customers", "3", "--no-open"]) == 0
    capsys.readouterr()
    assert cli.main_gui(["aging", "--book", str(book), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert isinstance(report, dict) and report
    assert opened == []  # no window for a verb
