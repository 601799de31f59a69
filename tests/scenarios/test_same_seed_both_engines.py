"""The same seed gives the same book on SQLite and on PostgreSQL: identical reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from tests.pg_support import PgDatabases, database, url_text

pytestmark = pytest.mark.postgresql


def _json_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_demo_seed_7_gives_the_same_aging_and_agenda_on_both_engines(
    pg_databases: PgDatabases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file_book = str(tmp_path / "demo.sqlite")
    with database(pg_databases, migrated=False) as url:
        server_book = url_text(url)
        for book in (file_book, server_book):
            assert main(["demo", "--book", book, "--seed", "7", "--no-open"]) == 0
        for verb in ("aging", "agenda"):
            on_file = _json_of(capsys, verb, "--book", file_book, "--json")
            on_server = _json_of(capsys, verb, "--book", server_book, "--json")
            assert on_file == on_server
            assert len(on_file) > 1000  # a real report, not two empty ones
        assert main(["check", "--book", server_book]) == 0
