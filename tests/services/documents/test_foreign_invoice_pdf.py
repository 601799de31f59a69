"""A USD CFDI, imported and booked in MXN, printed: the invoice in USD as stamped with
the rate and the MXN the book carries; the receipt and the statement in MXN, naming
the USD original."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from cobranza_desktop.documents.base import money
from cobranza_desktop.documents.words import amount_in_words
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Invoice
from tests.documents.pdftext import pdf_text
from tests.imports.cfdi_factory import OURS, invoice, stamped_sample, uuid_n

# The sample: SubTotal 3,300.00, Descuento 500.00, IVA 448.00, Total 3,248.00 USD at
# TipoCambio 18.9008: the book carries 61,389.80 MXN (6,138,979.84 cents, half up).
SAMPLE = "cfdiutils_cfdi40-usd-discounts.xml"


def _import_usd(ws: Workspace, tmp_path: Path) -> Invoice:
    profile = ws.business.profile()
    ws.business.update_profile(replace(profile, rfc=OURS, name=profile.name or "Kemper"))
    folder = tmp_path / "xml"
    folder.mkdir()
    (folder / "usd.xml").write_bytes(stamped_sample(SAMPLE, uuid_n(1)))
    report = CfdiImportService(ws.book, ws.clock).commit([folder])
    assert report.committed, report.problems
    with ws.book.session() as s:
        usd = s.scalars(select(Invoice).where(Invoice.currency == "USD")).one()
        s.expunge(usd)
    return usd


def test_the_usd_invoice_prints_in_usd_as_stamped_with_the_rate_and_the_mxn(
    ws: Workspace, tmp_path: Path
) -> None:
    usd = _import_usd(ws, tmp_path)
    docs = DocumentService(ws.book, ws.clock)
    data = docs.invoice_data_by_id(usd.id)
    assert data.currency == "USD" and data.exchange_rate == Decimal("18.9008")
    assert (data.subtotal, data.discount, data.total) == (
        Decimal("3300.00"),
        Decimal("500.00"),
        Decimal("3248.00"),
    )
    assert [t.amount for t in data.taxes] == [Decimal("448.00")]
    assert (data.book_total, data.book_balance) == (Decimal("61389.80"), Decimal("61389.80"))
    text = pdf_text(docs.invoice_pdf_by_id(usd.id))
    for expected in (
        money(Decimal("3300.00"), "USD"),
        money(Decimal("-500.00"), "USD"),
        money(Decimal("448.00"), "USD"),
        money(Decimal("3248.00"), "USD"),
        amount_in_words(Decimal("3248.00"), "USD"),
        "1 USD = 18.9008 MXN",
        money(Decimal("61389.80"), "MXN"),
        uuid_n(1).upper(),
    ):
        assert expected in text, expected
    assert "PESOS" not in text  # the amount in words is in dollars, not pesos
    # An imported invoice is found by its own number too (it has no folio of ours).
    assert docs.invoice_data(data.number).total == data.total


def test_a_partial_payment_shows_in_both_currencies(ws: Workspace, tmp_path: Path) -> None:
    usd = _import_usd(ws, tmp_path)
    docs = DocumentService(ws.book, ws.clock)
    # 18,900.80 MXN paid = 1,000.00 USD at the invoice's rate (exactly, half up).
    payment = ws.payments.record(PaymentInput(usd.customer_id, "18900.80", date(2026, 11, 2)))
    data = docs.invoice_data_by_id(usd.id)
    assert (data.amount_paid, data.balance_due) == (Decimal("1000.00"), Decimal("2248.00"))
    assert data.book_balance == Decimal("61389.80") - Decimal("18900.80")
    text = pdf_text(docs.invoice_pdf_by_id(usd.id))
    assert money(Decimal("2248.00"), "USD") in text
    assert money(data.book_balance, "MXN") in text

    original = f"{money(Decimal('3248.00'), 'USD')} a 18.9008"
    receipt = docs.receipt_data(payment.id)
    assert [a.original for a in receipt.allocations] == [original]
    receipt_text = pdf_text(docs.receipt_pdf(payment.id))
    assert f"{data.number} ({original})" in receipt_text  # the number and the original
    assert money(Decimal("18900.80"), "MXN") in receipt_text

    statement = pdf_text(docs.statement_pdf(usd.customer_id, date(2023, 1, 1), date(2026, 11, 22)))
    assert original in statement and money(Decimal("61389.80"), "MXN") in statement


def test_an_mxn_import_prints_in_pesos_with_no_rate_line(ws: Workspace, tmp_path: Path) -> None:
    profile = ws.business.profile()
    ws.business.update_profile(replace(profile, rfc=OURS, name=profile.name or "Kemper"))
    (tmp_path / "mxn.xml").write_bytes(invoice(uuid_n(2), total="116.00", folio="9"))
    assert CfdiImportService(ws.book, ws.clock).commit([tmp_path / "mxn.xml"]).committed
    with ws.book.session() as s:
        invoice_id = s.scalars(select(Invoice.id)).one()
    docs = DocumentService(ws.book, ws.clock)
    data = docs.invoice_data_by_id(invoice_id)
    assert data.exchange_rate is None and data.currency == "MXN"
    text = pdf_text(docs.invoice_pdf_by_id(invoice_id))
    assert amount_in_words(data.total, "MXN") in text and "Tipo de cambio" not in text
