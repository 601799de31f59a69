"""`cobranza import csv subscriptions`: a gym's members with their plans, from a sheet."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.subscriptions import BillingPeriod
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.subscriptions import SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.imports.sheet_import import SheetImportService
from cobranza_desktop.storage.database import open_book

MEMBERS = (
    "Cliente;Descripción;Precio;IVA;Periodo;Día de cobro;Inicio;Fin\n"
    "Ana Gómez;Membresía mensual;$500,00;16;mensual;31;31/01/2026;\n"
    "Beto Ruiz;Plan anual;5000;0;Anual;1;2026-03-01;28/02/2027\n"
    "Ana Gómez;Clases de natación;300;16;monthly;15;2026-06-15;\n"
)


def _file(tmp_path: Path, text: str = MEMBERS) -> Path:
    path = tmp_path / "socios.csv"
    path.write_bytes(text.encode("cp1252"))
    return path


def test_members_come_in_with_their_plans_once(ws: Workspace, tmp_path: Path) -> None:
    service = SheetImportService(ws.book, ws.clock)
    source = service.load(_file(tmp_path), "subscriptions")
    assert source.mapping["billing_day"] == "Día de cobro"
    assert source.mapping["tax_rate"] == "IVA" and source.mapping["end"] == "Fin"
    report = service.run_file("subscriptions", _file(tmp_path))
    assert report.committed, report.problems
    assert report.counts["subscriptions"] == 3 and report.counts["customers"] == 2
    views = SubscriptionService(ws.book, ws.clock).list()
    by_description = {v.description: v for v in views}
    monthly = by_description["Membresía mensual"]
    assert (monthly.price, monthly.period, monthly.billing_day) == (
        Decimal("500.00"),
        BillingPeriod.MONTHLY,
        31,
    )
    annual = by_description["Plan anual"]
    assert annual.period is BillingPeriod.ANNUAL and annual.tax_rate_percent == 0
    assert annual.end_date == date(2027, 2, 28)
    # Twice: nothing new, each row said why.
    again = service.run_file("subscriptions", _file(tmp_path))
    assert again.counts.get("subscriptions", 0) == 0 and again.counts["skipped"] == 3
    # The billing run bills them: January 31 then February 28 for the 31st.
    plan = BillingRunService(ws.book, ws.clock).preview(ws.clock.today())
    assert plan.count > 0


def test_a_bad_row_names_its_column_and_nothing_is_written(ws: Workspace, tmp_path: Path) -> None:
    bad = (
        MEMBERS
        + "Carla;Yoga;250;16;cada luna;1;2026-05-01;\nDaniel;Box;x;16;mensual;1;2026-05-01;\n"
    )
    report = SheetImportService(ws.book, ws.clock).run_file("subscriptions", _file(tmp_path, bad))
    assert not report.committed
    sources = {p.source for p in report.problems}
    assert "socios.csv:5, Periodo" in sources and "socios.csv:6, Precio" in sources
    assert SubscriptionService(ws.book, ws.clock).list() == ()


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "gym.sqlite"
    open_book(book, create=True).close()
    path = _file(tmp_path)
    args = ["import", "csv", "subscriptions", str(path), "--book", str(book), "--json"]
    assert main([*args, "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["committed"] is False and preview["counts"]["subscriptions"] == 3
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["committed"] is True
    assert main(["check", "--book", str(book)]) == 0


@pytest.mark.parametrize("day", ["1.5", "NaN", "sNaN", "Infinity", "-inf", "diez", "2,5"])
def test_a_billing_day_that_is_not_a_whole_number_is_a_problem_of_its_row(
    ws: Workspace, tmp_path: Path, day: str
) -> None:
    """Not 1 silently for «1.5», nor an error that stops the preview for «NaN»: a problem
    on its row and column, in the preview, and nothing written."""
    bad = MEMBERS + f"Carla;Yoga;250;16;mensual;{day};2026-05-01;\n"
    service = SheetImportService(ws.book, ws.clock)
    source = service.load(_file(tmp_path, bad), "subscriptions")
    preview = service.preview("subscriptions", source.table, source.mapping, source="socios.csv")
    problems = {p.source: p.message for p in preview.report.problems}
    assert list(problems) == ["socios.csv:5, Día de cobro"]
    assert f"«{day}»" in problems["socios.csv:5, Día de cobro"]
    report = service.run_file("subscriptions", _file(tmp_path, bad))
    assert not report.committed and SubscriptionService(ws.book, ws.clock).list() == ()


def test_a_whole_billing_day_written_as_a_decimal_is_that_day(
    ws: Workspace, tmp_path: Path
) -> None:
    """A spreadsheet's 15.0 (a number cell) is the 15th."""
    text = MEMBERS.replace(";15;2026-06-15;", ";15.0;2026-06-15;")
    report = SheetImportService(ws.book, ws.clock).run_file("subscriptions", _file(tmp_path, text))
    assert report.committed, report.problems
    days = {v.description: v.billing_day for v in SubscriptionService(ws.book, ws.clock).list()}
    assert days["Clases de natación"] == 15
