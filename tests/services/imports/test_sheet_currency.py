"""Spreadsheet invoices in a foreign currency: a "Moneda" and a "Tipo de cambio" column.

A USD row is booked as the CFDI import books a USD invoice (MXN at its rate, rounded
once; the paid part as an instalment), and the aging totals are the sum of those rows.
"""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.currency import instalment_book_cents, to_book_cents
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.imports.tables import read_table
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.imports.sheet_import import SheetImportService
from cobranza_desktop.storage.models import Invoice, Payment

HEADING = "Cliente;Folio;Fecha;Importe;Saldo;Moneda;Tipo de cambio\n"


def _money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


def _csv(folder: Path, body: str) -> Path:
    path = folder / "facturas.csv"
    path.write_text(HEADING + body, encoding="utf-8")
    return path


def _import(ws: Workspace, path: Path, *, commit: bool = True):  # type: ignore[no-untyped-def]
    service = SheetImportService(ws.book, ws.clock)
    table = read_table(path)
    mapping = service.mapping_for(table, "invoices")
    run = service.commit if commit else service.preview
    return run("invoices", table, mapping, source=path.name)


def _counts(ws: Workspace) -> tuple[int, int]:
    with ws.book.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Invoice)) or 0,
            s.scalar(select(func.count()).select_from(Payment)) or 0,
        )


def test_the_columns_are_guessed_and_a_usd_row_is_booked_like_a_cfdi(
    ws: Workspace, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        "Sol;F-1;01/10/2026;3248.00;2248.00;USD;18.9008\n"
        "Sol;F-2;02/10/2026;100.00;100.00;;\n"
        "Sol;F-3;03/10/2026;50.00;50.00;MXN;17.5\n",  # a rate on an MXN row is not used
    )
    service = SheetImportService(ws.book, ws.clock)
    mapping = service.mapping_for(read_table(path), "invoices")
    assert mapping["currency"] == "Moneda" and mapping["exchange_rate"] == "Tipo de cambio"
    done = _import(ws, path)
    assert done.report.committed, done.report.problems
    with ws.book.session() as s:
        usd = s.scalars(select(Invoice).where(Invoice.external_number == "F-1")).one()
        # 3,248.00 USD at 18.9008 = 61,389.80 MXN; 1,000.00 USD paid = 18,900.80 MXN.
        assert (usd.currency, usd.exchange_rate) == ("USD", Decimal("18.9008"))
        assert (usd.total_cents, usd.foreign_total_cents, usd.paid_cents) == (
            6_138_980,
            324_800,
            1_890_080,
        )
        # A sheet row is its total alone: in USD, as its SubTotal, with nothing else.
        stamped = (
            usd.foreign_subtotal_cents,
            usd.foreign_discount_cents,
            usd.foreign_tax_cents,
            usd.foreign_withheld_tax_cents,
        )
        assert stamped == (324_800, 0, 0, 0)
        mxn = s.scalars(select(Invoice).where(Invoice.external_number == "F-3")).one()
        assert (mxn.total_cents, mxn.foreign_total_cents, mxn.exchange_rate) == (5000, None, None)
        assert (mxn.foreign_subtotal_cents, mxn.foreign_tax_cents) == (None, None)
    # The control total compares the file's balances with the booked ones, each in its
    # own currency; the receivable is the book's MXN.
    assert done.control_file == done.control_booked == Decimal("2398.00")
    assert done.report.total_receivable == from_cents(6_138_980 - 1_890_080 + 10_000 + 5000)
    assert ws.checks.run().ok


def test_a_foreign_row_without_a_positive_rate_is_a_row_error_and_nothing_is_written(
    ws: Workspace, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        "Sol;F-1;01/10/2026;100.00;100.00;USD;\n"
        "Sol;F-2;01/10/2026;100.00;100.00;EUR;0\n"
        "Sol;F-3;01/10/2026;100.00;100.00;EUR;veinte\n"
        "Sol;F-4;01/10/2026;100.00;100.00;dólares;18\n"
        "Sol;F-5;01/10/2026;100.00;100.00;USD;18,25\n",  # a decimal comma is a rate
    )
    for commit in (False, True):
        report = _import(ws, path, commit=commit).report
        assert not report.committed
        sources = [p.source for p in report.problems]
        assert sources == [
            "facturas.csv:2, Tipo de cambio",
            "facturas.csv:3, Tipo de cambio",
            "facturas.csv:4, Tipo de cambio",
            "facturas.csv:5, Moneda",
        ]
        assert "USD" in report.problems[0].message and "cambio" in report.problems[0].message
        assert "dólares" in report.problems[3].message
    assert _counts(ws) == (0, 0)


rows = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=10**9),  # total, cents of its currency
        st.one_of(st.none(), st.decimals(min_value=1, max_value=40, places=4)),  # USD rate
        st.integers(min_value=0, max_value=100),  # percent already paid
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=rows)
def test_what_the_import_books_is_the_rounded_conversion_and_aging_agrees(
    rows: list[tuple[int, Decimal | None, int]],
) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        body = ""
        expected: dict[str, tuple[int, int]] = {}
        for n, (total, rate, percent) in enumerate(rows, start=1):
            paid = total * percent // 100
            currency, rate_text = ("USD", str(rate)) if rate is not None else ("", "")
            body += (
                f"Cliente {n % 3};F-{n};01/10/2026;{_money(total)};{_money(total - paid)};"
                f"{currency};{rate_text}\n"
            )
            booked = to_book_cents(total, rate)
            booked_paid = booked if paid == total else instalment_book_cents(0, paid, rate)
            expected[f"F-{n}"] = (booked, booked_paid)
        ws = open_workspace(folder / "libro.sqlite", FixedClock.on(date(2026, 11, 22)))
        try:
            done = _import(ws, _csv(folder, body))
            assert done.report.committed, done.report.problems
            with ws.book.session() as s:
                booked_rows = {
                    i.external_number: (i.total_cents, i.paid_cents)
                    for i in s.scalars(select(Invoice))
                }
            assert booked_rows == expected
            open_mxn = from_cents(sum(t - p for t, p in expected.values()))
            assert ws.aging.report().total == open_mxn == done.report.total_receivable
            assert ws.checks.run().ok
        finally:
            ws.close()
