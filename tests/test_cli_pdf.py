"""`cobranza pdf`: every document kind to a file, and clear errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.documents.pdftext import pdf_text
from tests.factories import customer, invoice


@pytest.fixture
def filled(ws: Workspace) -> dict[str, str]:
    c = customer(ws, "Tlapalería Ñandú & Cía")
    first = invoice(ws, c.id, "1000.00", issued=date(2025, 9, 1))
    payment = ws.payments.record(PaymentInput(c.id, "100.00", date(2025, 11, 20)))
    return {"customer": str(c.id), "invoice": first.number, "payment": str(payment.id)}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["invoice", "{invoice}"], "Factura"),
        (["statement", "{customer}"], "Estado de cuenta"),
        (["notice", "{customer}"], "Aviso de penalización"),
        (["receipt", "{payment}"], "Recibo de pago"),
        (["letters", "--date", "2026-11-22"], "Aviso final de cobranza"),
    ],
)
def test_pdf_verb_writes_each_document(
    ws: Workspace,
    filled: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    expected: str,
) -> None:
    out = tmp_path / "doc.pdf"
    argv = ["pdf", "--book", str(ws.book_path), *(a.format(**filled) for a in args)]
    ws.close()
    assert main([*argv, "--out", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    assert expected in text and "Tlapalería Ñandú & Cía" in text
    assert str(out) in capsys.readouterr().out


def test_pdf_verb_reports_errors(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = str(ws.book_path)
    ws.close()
    out = tmp_path / "x.pdf"
    assert main(["pdf", "--book", book, "invoice", "A-00999", "--out", str(out)]) == 2
    assert "No existe la factura A-00999" in capsys.readouterr().err
    assert main(["pdf", "--book", book, "letters", "--out", str(out)]) == 2
    assert not out.exists()
