"""The monthly collection report: the same figures as `stats`, read back from the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.analytics.indicators import IndicatorsService
from cobranza_desktop.services.analytics.report import MonthlyReportService, parse_month
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests import factories
from tests.documents.pdftext import pdf_pages, pdf_text


@pytest.fixture
def report_book(ws: Workspace) -> Workspace:
    c = factories.customer(ws, "Ferretería López")
    factories.invoice(ws, c.id, "1000.00", date(2026, 8, 1), date(2026, 8, 31), tax="0")
    factories.invoice(ws, c.id, "2000.00", date(2026, 9, 15), date(2026, 10, 15), tax="0")
    ws.payments.record(PaymentInput(c.id, "1000.00", date(2026, 9, 10), "cash"))
    ws.payments.record(PaymentInput(c.id, "500.00", date(2026, 10, 20), "transfer"))
    return ws


def test_report_shows_the_months_figures_and_charts(report_book: Workspace) -> None:
    ws = report_book
    pdf = MonthlyReportService(ws.book, ws.clock).pdf("2026-10")
    pages = pdf_pages(pdf)
    body = pdf_text(pdf)
    assert "Informe de cobranza" in pages[0]
    assert f"Página 1 de {len(pages)}" in pages[0]
    # As of 10-31: inv2 owes 1,500 (the same as stats as of that day), all overdue.
    view = IndicatorsService(ws.book, ws.clock).compute(date(2026, 10, 31))
    assert str(view.receivables) == "1500.00"
    assert "$1,500.00" in body
    # October collected 500 and its CEI is (2000 - 1500) / 2000 = 25.0 %.
    assert "$500.00" in body
    assert "25.0%" in body or "25.0 %" in body
    assert "Ferretería López" in body
    for heading in ("Cobrado y ventas por mes", "DSO al cierre de cada mes", "Pronóstico de cobro"):
        assert heading in body


def test_report_in_english(report_book: Workspace) -> None:
    from cobranza_desktop.domain.i18n import set_language

    set_language("en")
    body = pdf_text(MonthlyReportService(report_book.book, report_book.clock).pdf("2026-11"))
    assert "Collection report" in body and "Cash forecast" in body


@pytest.mark.parametrize("month", ["2026-13", "26-11", "noviembre", "2026-12"])
def test_a_bad_month_is_refused(month: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_month(month, date(2026, 11, 22))
    assert error.value.field == "month"


def test_cli_writes_the_report_and_refuses_a_bad_month(
    report_book: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "informe.pdf"
    book = str(report_book.book.path)
    report_book.close()  # the verb opens the book itself (one holder at a time)
    assert main(["pdf", "--book", book, "report", "--month", "2026-10", "--out", str(out)]) == 0
    assert "Informe de cobranza" in pdf_text(out.read_bytes())
    bad = tmp_path / "malo.pdf"
    assert main(["pdf", "--book", book, "report", "--month", "2026-99", "--out", str(bad)]) == 2
    assert not bad.exists()
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
