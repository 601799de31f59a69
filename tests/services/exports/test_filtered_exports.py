"""`cobranza export … --search/--overdue`: the rows the list pages show with that search
and filter, through the pages' own queries."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.exports.filtered import ListFilter
from cobranza_desktop.services.exports.lists import ExportService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def _book(ws: Workspace) -> None:
    late = customer(ws, "Ferretería Núñez")
    calm = customer(ws, "Papelería Sol")
    invoice(ws, late.id, "100.00", issued=date(2026, 1, 5), due=date(2026, 2, 4))  # overdue
    invoice(ws, late.id, "200.00", issued=date(2026, 11, 1), due=date(2099, 1, 1))
    invoice(ws, calm.id, "300.00", issued=date(2026, 11, 2), due=date(2099, 1, 1))
    ws.payments.record(PaymentInput(calm.id, "50.00", date(2026, 11, 3), reference="SOL-1"))


def test_search_and_overdue_choose_the_rows_of_the_pages(ws: Workspace) -> None:
    _book(ws)
    exports = ExportService(ws.book, ws.clock)

    def names(kind: str, f: ListFilter) -> list[object]:
        column = 1 if kind == "customers" else 2  # the name, or the customer's name
        return [row[column] for row in exports.table(kind, f).rows]

    assert names("invoices", ListFilter()) == ["Ferretería Núñez"] * 2 + ["Papelería Sol"]
    assert names("invoices", ListFilter(search="nunez")) == ["Ferretería Núñez"] * 2
    overdue = exports.table("invoices", ListFilter(overdue=True)).rows
    assert [(r[2], str(r[7])) for r in overdue] == [("Ferretería Núñez", "116.00")]
    assert names("customers", ListFilter(overdue=True)) == ["Ferretería Núñez"]
    assert names("customers", ListFilter(search="sol")) == ["Papelería Sol"]
    assert names("payments", ListFilter(search="SOL-1")) == ["Papelería Sol"]
    assert names("payments", ListFilter(search="nadie")) == []
    with pytest.raises(ValidationError):
        exports.table("payments", ListFilter(overdue=True))
    with pytest.raises(ValidationError):
        exports.table("contacts", ListFilter(search="x"))


def test_the_command_line_takes_the_same_filters(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _book(ws)
    url = ws.book.url
    sqlite = url.get_backend_name() == "sqlite"
    book = str(url.database) if sqlite else url.render_as_string(hide_password=False)
    ws.close()  # the command opens the book itself (a book is open in one place)
    assert main(["export", "invoices", "--book", book, "--search", "Sol", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["customer"] for r in rows] == ["Papelería Sol"]
    out = tmp_path / "vencidos.csv"
    assert main(["export", "customers", "--book", book, "--overdue", "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert [r[1] for r in csv.reader(handle)][1:] == ["Ferretería Núñez"]
    capsys.readouterr()
    assert main(["export", "payments", "--book", book, "--overdue", "--json"]) == 2
    assert main(["export", "book", "--book", book, "--search", "x", "--out", "b.zip"]) == 2
