"""A book with MXN and USD invoices: every total is in MXN at each CFDI's TipoCambio,
and aging, the customer file, the customer list, the statement, the indicators and
``aging --json`` all say the same amount; the invoice rows keep their own currency."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from cobranza_desktop.domain.currency import instalment_book_cents, to_book_cents
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.analytics.indicators import IndicatorsService
from cobranza_desktop.services.book.customer_file import CustomerFileService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.services.receivables.listings import InvoiceFilter, ListingService
from tests.documents.pdftext import pdf_text
from tests.imports.cfdi_factory import OURS, invoice, payment, uuid_n

A, B = ("COSC8001137NA", "CARLOS CORTES SOTO"), ("XAXX010101000", "PUBLICO USD")


def _import(ws: Workspace, tmp_path: Path) -> None:
    profile = ws.business.profile()
    ws.business.update_profile(replace(profile, rfc=OURS, name=profile.name or "Kemper"))
    folder = tmp_path / "xml"
    folder.mkdir()
    files = {
        "mxn.xml": invoice(uuid_n(1), total="1000.00", folio="1", receiver=A[0], name=A[1]),
        "usd-a.xml": invoice(
            uuid_n(2),
            total="100.00",
            folio="2",
            currency="USD",
            rate="17.5",
            receiver=A[0],
            name=A[1],
        ),
        "usd-b.xml": invoice(
            uuid_n(3),
            total="250.55",
            folio="3",
            currency="USD",
            rate="18.9008",
            receiver=B[0],
            name=B[1],
        ),
        # 40.00 USD of invoice 2, paid in USD at the day's 18.00 (the invoice's rate counts).
        "p.xml": payment(
            uuid_n(4),
            [("2026-11-05T00:00:00", "40.00", [(uuid_n(2), "100.00", "40.00", "60.00", 1)])],
            receiver=A[0],
            name=A[1],
            currency="USD",
            rate="18.00",
        ),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    report = CfdiImportService(ws.book, ws.clock).commit([folder])
    assert report.committed, report.problems


def test_every_total_agrees_in_mxn(ws: Workspace, tmp_path: Path) -> None:
    _import(ws, tmp_path)
    usd_a = to_book_cents(10_000, Decimal("17.5")) - instalment_book_cents(
        0, 4_000, Decimal("17.5")
    )
    usd_b = to_book_cents(25_055, Decimal("18.9008"))
    assert (usd_a, usd_b) == (105_000, 473_560)  # 1,750.00 - 700.00; 4,735.595… half up
    owed_a, owed_b = from_cents(100_000 + usd_a), from_cents(usd_b)
    total = owed_a + owed_b

    # The invoice rows: their own currency and amount, and MXN for the sums.
    listing = ListingService(ws.book, ws.clock)
    rows = {r.number: r for r in listing.invoices(InvoiceFilter())}
    assert (rows["F-2"].currency, rows["F-2"].own_total, rows["F-2"].own_balance) == (
        "USD",
        Decimal("100.00"),
        Decimal("60.00"),
    )
    assert rows["F-2"].balance == from_cents(usd_a)
    assert rows["F-1"].own_total is None and rows["F-1"].balance == Decimal("1000.00")
    assert sum(r.balance for r in rows.values()) == total
    assert listing.invoice_summary(InvoiceFilter()).balance == total

    # Aging, and its JSON.
    report = ws.aging.report()
    assert report.total == total
    by_name = {line.name: line.total for line in report.lines}
    assert by_name == {A[1]: owed_a, B[1]: owed_b}
    data = report.to_json()
    assert sum(Decimal(str(c["total"])) for c in data["customers"]) == total  # type: ignore[attr-defined]

    # The customer file and the customer list.
    listed = {c.name: c for c in ws.customers.list_page(limit=10)}
    ids = {name: c.id for name, c in listed.items()}
    files = CustomerFileService(ws.book, ws.clock)
    file_a = files.customer_file(ids[A[1]])
    assert file_a.balance.balance == owed_a
    usd_row = next(i for i in file_a.invoices if i.number == "F-2")
    assert (usd_row.currency, usd_row.own_total, usd_row.own_balance) == (
        "USD",
        Decimal("100.00"),
        Decimal("60.00"),
    )
    assert usd_row.balance == from_cents(usd_a)
    assert (listed[A[1]].balance, listed[B[1]].balance) == (owed_a, owed_b)
    assert ws.customers.list_summary().balance == total

    # The statement PDF: the closing balance in MXN, the USD row with its own amount.
    text = pdf_text(ws.documents.statement_pdf(ids[A[1]], date(2026, 9, 1), ws.clock.today()))
    assert format_money(owed_a) in text
    assert "F-2" in text and "17.5" in text

    # The indicators.
    figures = IndicatorsService(ws.book, ws.clock).compute()
    assert figures.receivables == total
    assert ws.checks.run().ok
