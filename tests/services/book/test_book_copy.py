"""`cobranza book copy`: a whole book from a SQLite file to PostgreSQL and back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import BookError
from cobranza_desktop.services.book.copying import copy_whole_book
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.models import Base
from tests.factories import customer, invoice
from tests.pg_support import PgDatabases, database, url_text

pytestmark = pytest.mark.postgresql
CLOCK = FixedClock.on(date(2026, 11, 22))


def _small_book(path: Path) -> None:
    ws = open_workspace(path, CLOCK)
    try:
        ana, beto = customer(ws, "Ana Ñúñez").id, customer(ws, "Beto Ruiz").id
        invoice(ws, ana, "1000.00", issued=date(2026, 8, 1))
        invoice(ws, ana, "250.50", issued=date(2026, 10, 1))
        invoice(ws, beto, "99.99", issued=date(2026, 11, 1))
        ws.payments.record(PaymentInput(ana, "1500.00", date(2026, 11, 10)))
    finally:
        ws.close()


def _counts(location: object) -> dict[str, int]:
    book = open_book(location)  # type: ignore[arg-type]
    try:
        with book.engine.connect() as connection:
            return {
                t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables
            }
    finally:
        book.close()


def _aging(capsys: pytest.CaptureFixture[str], book: str) -> str:
    capsys.readouterr()
    assert main(["aging", "--book", book, "--as-of", "2026-11-22", "--json"]) == 0
    return capsys.readouterr().out


def test_a_book_goes_to_the_server_and_back_whole(
    pg_databases: PgDatabases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, back = tmp_path / "libro.sqlite", tmp_path / "de-vuelta.sqlite"
    _small_book(source)
    with database(pg_databases, migrated=False) as url:
        assert main(["book", "copy", str(source), url_text(url)]) == 0
        out = capsys.readouterr().out
        assert "FALLA" not in out and "Estructura del libro" in out
        assert _counts(url) == _counts(source)
        assert _aging(capsys, url_text(url)) == _aging(capsys, str(source))
        # The sequences follow the copied ids: a new invoice on the server gets a new id.
        ws = open_workspace(url, CLOCK)
        try:
            new = invoice(ws, 1, "10.00", issued=date(2026, 11, 20))
            assert new.id == 4 and new.number == "A-00004"
        finally:
            ws.close()
        assert main(["book", "copy", url_text(url), str(back)]) == 0
        assert _counts(back)["invoices"] == 4
        assert main(["check", "--book", str(back)]) == 0


def test_a_target_with_data_is_refused_and_left_as_it_was(
    pg_databases: PgDatabases, tmp_path: Path
) -> None:
    source = tmp_path / "libro.sqlite"
    _small_book(source)
    with database(pg_databases) as url:
        ws = open_workspace(url, CLOCK)
        try:
            customer(ws, "Ya estaba")
        finally:
            ws.close()
        before = _counts(url)
        with pytest.raises(BookError, match="no está vacío"):
            copy_whole_book(source, url, CLOCK)
        assert _counts(url) == before


def test_a_copy_onto_itself_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "libro.sqlite"
    _small_book(source)
    assert main(["book", "copy", str(source), str(source)]) == 2
