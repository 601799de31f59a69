"""The verbs never lose the book and refuse bad places, as a user runs them: in a process."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.test_cli import cobranza


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("src")
    path = folder / "fuente.sqlite"
    done = cobranza("demo", "--book", str(path), "--customers", "5", "--no-open", home=folder)
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def book(source: Path, tmp_path: Path) -> Path:
    path = tmp_path / "libro.sqlite"
    with sqlite3.connect(source) as a, sqlite3.connect(path) as b:
        a.backup(b)
    return path


def _one_line_exit_2(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout
    err = done.stderr
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def _customers(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        return int(raw.execute("SELECT COUNT(*) FROM customers").fetchone()[0])


def test_no_output_of_pdf_goes_over_the_book(book: Path, tmp_path: Path) -> None:
    backups = tmp_path / "libro-backups"
    for out in [
        book,
        Path(f"{book}-wal"),
        Path(f"{book}-shm"),
        Path(f"{book}.lock"),
        backups / "a.pdf",
    ]:
        for args in (
            ["pdf", "--book", str(book), "letters", "--date", "2026-11-23", "--out", str(out)],
        ):
            err = _one_line_exit_2(cobranza(*args, home=tmp_path))
            assert "libro" in err
    # Through a symlink or a dotted path, too.
    link = tmp_path / "enlace.pdf"
    link.symlink_to(book)
    dotted = tmp_path / "sub" / ".." / book.name
    (tmp_path / "sub").mkdir()
    for out in (link, dotted):
        _one_line_exit_2(
            cobranza("pdf", "letters", "--out", str(out), "--book", str(book), home=tmp_path)
        )
    assert _customers(book) == 5
    assert cobranza("check", "--book", str(book), home=tmp_path).returncode == 0


def test_a_truncated_book_is_refused_and_the_restore_command_given(
    book: Path, tmp_path: Path
) -> None:
    assert cobranza("backup", "--book", str(book), home=tmp_path).returncode == 0
    (saved,) = (tmp_path / "libro-backups").glob("*.sqlite")
    book.write_bytes(b"")
    for verb in (
        ["check"],
        ["aging"],
        ["send", "--dry-run"],
        ["backup"],
    ):
        err = _one_line_exit_2(cobranza(*verb, "--book", str(book), home=tmp_path))
        assert "cobranza restore" in err and str(saved) in err
    assert book.stat().st_size == 0
    assert [p.name for p in (tmp_path / "libro-backups").iterdir()] == [saved.name]
    done = cobranza("restore", str(saved), "--book", str(book), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert cobranza("check", "--book", str(book), home=tmp_path).returncode == 0
    assert _customers(book) == 5


def test_a_missing_book_is_refused_by_every_verb_but_new_and_demo(tmp_path: Path) -> None:
    path = tmp_path / "no-existe.sqlite"
    for verb in (
        ["check"],
        ["aging"],
        ["backup"],
        ["pdf", "letters", "--out", str(tmp_path / "x.pdf")],
    ):
        err = _one_line_exit_2(cobranza(*verb, "--book", str(path), home=tmp_path))
        assert "cobranza new" in err
    # The window too, on an explicit path (it would open a new empty book otherwise).
    err = _one_line_exit_2(cobranza("--book", str(path), home=tmp_path))
    assert "cobranza new" in err
    assert not path.exists()
    bad = cobranza("new", "--book", str(path), "--rfc", "123", home=tmp_path)
    assert "RFC" in _one_line_exit_2(bad) and not path.exists()
    done = cobranza(
        "new", "--book", str(path), "--name", "Taller", "--rfc", "XAXX010101000", home=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "cobranza new" not in cobranza("check", "--book", str(path), home=tmp_path).stderr
    again = cobranza("new", "--book", str(path), home=tmp_path)
    assert "Ya hay un libro" in _one_line_exit_2(again)


def test_bad_places_are_one_line_and_exit_2(book: Path, tmp_path: Path) -> None:
    # A directory as the book.
    _one_line_exit_2(cobranza("check", "--book", str(tmp_path), home=tmp_path))
    # backup --to pointing at a file.
    a_file = tmp_path / "nota.txt"
    a_file.write_text("x")
    err = _one_line_exit_2(
        cobranza("backup", "--book", str(book), "--to", str(a_file), home=tmp_path)
    )
    assert "carpeta" in err and a_file.read_text() == "x"
    # A read-only book (mode bits are checked: an administrator could write anyway).
    book.chmod(0o444)
    err = _one_line_exit_2(cobranza("aging", "--book", str(book), home=tmp_path))
    assert "solo lectura" in err
    book.chmod(0o600)
    # A read-only folder: no room for the lock or the journal.
    folder = tmp_path / "solo-lectura"
    folder.mkdir()
    inside = folder / "libro.sqlite"
    with sqlite3.connect(book) as a, sqlite3.connect(inside) as b:
        a.backup(b)
    folder.chmod(0o555)
    try:
        for verb in (["check"], ["backup"], ["penalties", "--apply"]):
            err = _one_line_exit_2(cobranza(*verb, "--book", str(inside), home=tmp_path))
            assert "solo lectura" in err
        assert not (folder / "libro.sqlite.lock").exists()
    finally:
        folder.chmod(0o755)


def test_an_open_book_is_not_opened_through_a_link(book: Path, tmp_path: Path) -> None:
    from cobranza_desktop.storage.database import open_book

    link = tmp_path / "enlace.sqlite"
    link.symlink_to(book)
    hard = tmp_path / "duro.sqlite"
    hard.hardlink_to(book)
    with open_book(book):
        for other in (link, hard):
            err = _one_line_exit_2(cobranza("check", "--book", str(other), home=tmp_path))
            assert "abierto" in err
