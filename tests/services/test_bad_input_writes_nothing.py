"""Bad input gets a clear error and changes nothing: each refusal, against a real book.

Every case snapshots the whole SQLite file (row counts and contents of every table)
before the call and proves it is the same after the ValidationError.
"""

from __future__ import annotations

import sqlite3
import struct
import zlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.invoices import LineInput, make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.business import BusinessProfileView
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.plans import PlanRequest
from cobranza_desktop.services.collections.promises import PromiseService
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice

FAR_PAST = date(1, 1, 1)
FAR_FUTURE = date(9999, 12, 31)


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order."""
    with sqlite3.connect(path) as conn:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


def _refused(ws: Workspace, book_path: Path, call: Callable[[], object], field: str) -> str:
    before = _snapshot(book_path)
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field
    assert caught.value.message
    after = _snapshot(book_path)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}
    assert after == before
    return caught.value.message


@pytest.fixture
def cid(ws: Workspace) -> int:
    c = customer(ws)
    invoice(ws, c.id)
    return c.id


def _draft(cid: int, *lines: LineInput, **fields: object) -> InvoiceDraft:
    chosen = lines or (make_line("Servicio", 1, "100"),)
    return replace(InvoiceDraft(cid, chosen, date(2026, 11, 1)), **fields)  # type: ignore[arg-type]


def test_invoice_too_large_is_refused_and_reports_keep_working(
    ws: Workspace, book_path: Path, cid: int
) -> None:
    # Two lines of 7×10^16 once overflowed SQLite: every aging and check crashed after.
    seventy = LineInput("Grande", Decimal(1), Decimal("7e16"), Decimal(0), Decimal(0))
    _refused(
        ws,
        book_path,
        lambda: ws.invoices.issue(_draft(cid, seventy, seventy)),
        "lines[1].unit_price",
    )
    # Lines inside their own bounds whose sum is not: refused on the total.
    big = LineInput("Grande", Decimal("999999"), Decimal("999999999"), Decimal(0), Decimal(0))
    message = _refused(ws, book_path, lambda: ws.invoices.issue(_draft(cid, big, big)), "lines")
    assert "demasiado grande" in message
    _refused(ws, book_path, lambda: ws.invoices.save_draft(_draft(cid, big, big)), "lines")
    assert ws.aging.report().total == Decimal("1160.00")
    assert ws.checks.run().ok


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (LineInput("x", Decimal("NaN"), Decimal(1)), "lines[1].quantity"),
        (LineInput("x", Decimal(1), Decimal("Infinity")), "lines[1].unit_price"),
        (LineInput("x", Decimal("1e9"), Decimal(1)), "lines[1].quantity"),
        (LineInput("x", Decimal(1), Decimal("1e309")), "lines[1].unit_price"),
    ],
)
def test_invoice_lines_with_nan_infinity_or_huge_values_write_nothing(
    ws: Workspace, book_path: Path, cid: int, line: LineInput, field: str
) -> None:
    _refused(ws, book_path, lambda: ws.invoices.issue(_draft(cid, line)), field)
    _refused(ws, book_path, lambda: ws.issuing.issue(_draft(cid, line)), field)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"issue_date": FAR_PAST}, "issue_date"),
        ({"issue_date": FAR_FUTURE}, "issue_date"),  # + 30 days used to raise OverflowError
        ({"due_date": FAR_FUTURE}, "due_date"),
        ({"issue_date": date(2200, 12, 31)}, "due_date"),  # the terms carry it past 2200
        ({"cfdi_uuid": "6f1b5c1e2a3b-4c5d-8e9f-0a1b-2c3d4e5f"}, "cfdi_uuid"),
        ({"cfdi_uuid": "gggggggg-2a3b-4c5d-8e9f-0a1b2c3d4e5f"}, "cfdi_uuid"),
    ],
)
def test_invoice_dates_and_uuid_write_nothing(
    ws: Workspace, book_path: Path, cid: int, fields: dict[str, object], field: str
) -> None:
    _refused(ws, book_path, lambda: ws.invoices.issue(_draft(cid, **fields)), field)


@pytest.mark.parametrize(
    ("amount", "day", "field"),
    [
        ("NaN", date(2026, 11, 20), "amount"),
        ("1e309", date(2026, 11, 20), "amount"),
        (Decimal("Infinity"), date(2026, 11, 20), "amount"),
        (Decimal("NaN"), date(2026, 11, 20), "amount"),
        ("1,000,000,000,000", date(2026, 11, 20), "amount"),
        ("12,34", date(2026, 11, 20), "amount"),
        ("100", FAR_PAST, "payment_date"),
        ("100", date(1899, 12, 31), "payment_date"),
    ],
)
def test_payments_with_bad_amounts_or_dates_write_nothing(
    ws: Workspace, book_path: Path, cid: int, amount: str | Decimal, day: date, field: str
) -> None:
    data = PaymentInput(cid, amount, day)
    _refused(ws, book_path, lambda: ws.payments.record(data), field)
    _refused(ws, book_path, lambda: ws.receiving.receive(data), field)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "Ferretería\r\nLópez"}, "name"),
        ({"name": "Ferretería\x00"}, "name"),
        ({"email": "ana\x00@ejemplo.mx"}, "email"),
        ({"email": "<b>ana</b>@ejemplo.mx"}, "email"),
        ({"email": '"ana" <ana@ejemplo.mx>'}, "email"),
        ({"phone": "55 1234 5678\n"}, "phone"),
        ({"credit_limit": Decimal("NaN")}, "credit_limit"),
        ({"credit_limit": Decimal("1e13")}, "credit_limit"),
    ],
)
def test_customers_with_control_characters_or_markup_write_nothing(
    ws: Workspace, book_path: Path, cid: int, fields: dict[str, object], field: str
) -> None:
    data = replace(CustomerData(name="Ana López", phone="55 1234 5678"), **fields)  # type: ignore[arg-type]
    _refused(ws, book_path, lambda: ws.customers.create(data), field)
    _refused(ws, book_path, lambda: ws.customers.update(cid, data), field)


def _png(path: Path) -> Path:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


def test_business_profile_refusals_write_nothing(
    ws: Workspace, book_path: Path, tmp_path: Path
) -> None:
    good = ws.business.update_profile(
        BusinessProfileView(name="Ferretería La Ñora", clabe="002010077777777771")
    )
    text_file = tmp_path / "logo.png"
    text_file.write_text("not an image")
    fake_png = tmp_path / "fake.png"
    fake_png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)  # the magic bytes, nothing else
    huge = tmp_path / "huge.png"
    huge.write_bytes(_png(tmp_path / "small.png").read_bytes() + b"\x00" * (5 * 1024 * 1024))
    cases = [
        ({"clabe": "٠٠٢٠١٠٠٧٧٧٧٧٧٧٧٧٧١"}, "clabe"),
        ({"clabe": "００２０１００７７７７７７７７７７１"}, "clabe"),
        ({"rfc": "XAXX٠١٠١٠١000"}, "rfc"),
        ({"email": "cobranza@lanora.mx\x00"}, "email"),
        ({"email": "<cobranza@lanora.mx>"}, "email"),
        ({"name": "La Ñora\nS.A."}, "name"),
        ({"invoice_series": "A١"}, "invoice_series"),
        ({"logo_path": str(tmp_path / "missing.png")}, "logo_path"),
        ({"logo_path": str(tmp_path)}, "logo_path"),
        ({"logo_path": str(text_file)}, "logo_path"),
        ({"logo_path": str(fake_png)}, "logo_path"),
        ({"logo_path": str(huge)}, "logo_path"),
    ]
    for fields, field in cases:
        data = replace(good, **fields)  # type: ignore[arg-type]
        _refused(ws, book_path, lambda data=data: ws.business.update_profile(data), field)
    logo = _png(tmp_path / "logo-ok.png")
    assert ws.business.update_profile(replace(good, logo_path=str(logo))).logo_path == str(logo)


def test_report_dates_out_of_range_are_refused_not_overflowing(
    ws: Workspace, book_path: Path, cid: int
) -> None:
    inv = ws.invoices.for_customer(cid)[0]
    calls: list[tuple[Callable[[], object], str]] = [
        (lambda: ws.aging.report(FAR_PAST), "as_of"),
        (lambda: ws.aging.report(FAR_FUTURE), "as_of"),
        (lambda: ws.penalties.propose(FAR_PAST), "as_of"),
        (lambda: ws.penalties.apply(FAR_PAST), "as_of"),
        (lambda: ws.documents.statement_data(cid, FAR_PAST, date(2026, 11, 1)), "start"),
        (lambda: ws.documents.statement_data(cid, None, FAR_PAST), "end"),
        (lambda: ws.documents.letters_data(FAR_FUTURE), "day"),
        (lambda: ws.agenda.agenda(FAR_FUTURE), "day"),
        (lambda: ws.agenda.agenda(FAR_PAST), "day"),
        (lambda: ws.customers.balance(cid, FAR_FUTURE), "today"),
        (lambda: ws.contacts.reasons_report(FAR_PAST, date(2026, 11, 1)), "start"),
        (lambda: PromiseService(ws.book, ws.clock).add(cid, "100", FAR_FUTURE), "promised_date"),
        (
            lambda: CollectionToolsService(ws.book, ws.clock).extend_due_date(
                inv.id, FAR_FUTURE, "Acuerdo"
            ),
            "new_due_date",
        ),
        (
            lambda: ws.plans.create(PlanRequest(cid, (inv.id,), 3, "monthly", FAR_FUTURE)),
            "first_due",
        ),
    ]
    for call, field in calls:
        _refused(ws, book_path, call, field)
