"""One rule for every output: never the book, its companions or its backups; atomic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.output_files import (
    atomic_output,
    check_output_path,
    write_output,
    write_output_with,
)
from cobranza_desktop.storage.paths import backup_dir_for


@pytest.fixture
def made(book_path: Path) -> Path:
    open_book(book_path, create=True).close()
    return book_path


def test_the_book_and_its_files_are_refused_under_any_name(made: Path, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    link = tmp_path / "enlace.pdf"
    link.symlink_to(made)
    hard = tmp_path / "duro.pdf"
    os.link(made, hard)
    names = [
        made,
        tmp_path / "sub" / ".." / made.name,
        link,
        hard,
        *(made.with_name(made.name + s) for s in ("-wal", "-shm", "-journal", ".lock")),
        backup_dir_for(made) / "daily-2026-11-22.sqlite",
        backup_dir_for(made) / "otra" / "x.pdf",
    ]
    before = made.read_bytes()
    for name in names:
        with pytest.raises(ValidationError):
            write_output(name, b"%PDF", made)
    assert made.read_bytes() == before
    with pytest.raises(ValidationError):
        check_output_path(tmp_path, made)  # a folder is not a file
    assert check_output_path(tmp_path / "aviso.pdf", made) == tmp_path / "aviso.pdf"
    # A backup may go in the backups folder, but never over the book.
    check_output_path(backup_dir_for(made) / "daily-2026-11-22.sqlite", made, backup=True)
    with pytest.raises(ValidationError):
        check_output_path(made, made, backup=True)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "reporte.xlsx"
    out.write_bytes(b"old")

    def broken(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_output_with(out, broken)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reporte.xlsx"]
    with atomic_output(out) as temporary:
        temporary.write_bytes(b"new")
        assert out.read_bytes() == b"old"  # not visible until the block is done
    assert out.read_bytes() == b"new"


def test_every_open_book_is_protected_even_when_no_caller_names_it(tmp_path: Path) -> None:
    path = tmp_path / "libro.sqlite"
    book = open_book(path, create=True)
    try:
        for target in (path, tmp_path / "libro.sqlite-wal", backup_dir_for(path) / "x.pdf"):
            with pytest.raises(ValidationError):
                check_output_path(target, None)
        before = path.read_bytes()
        with pytest.raises(ValidationError):
            write_output(path, b"%PDF-1.4 not a book")
        assert path.read_bytes() == before
    finally:
        book.close()
    # Closed, the file is no longer this program's book: the caller's own rule applies.
    assert check_output_path(path, None) == path
