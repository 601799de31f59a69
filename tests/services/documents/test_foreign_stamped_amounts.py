"""A foreign CFDI prints its amounts as stamped, to the cent, at any rate: worked back
from the MXN the book carries, a currency worth less than a peso (INR at 0.2134, ARS at
0.0193) lost cents, since one MXN cent stands for several of its cents."""

from __future__ import annotations

import itertools
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cobranza_desktop.documents.base import money
from cobranza_desktop.domain.currency import to_book_cents
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.storage.models import Invoice
from tests.documents.pdftext import pdf_text
from tests.imports.cfdi_factory import OURS, invoice, uuid_n

_numbers = itertools.count(1)

rates = st.one_of(
    st.decimals(min_value=Decimal("0.000100"), max_value=Decimal("0.999999"), places=6),
    st.decimals(min_value=Decimal("1.000001"), max_value=Decimal("40"), places=6),
)


@st.composite
def stamped_parts(draw: st.DrawFn) -> tuple[int, int, int, int]:
    """SubTotal, Descuento, transferred and withheld taxes (cents) with a positive Total."""
    # Up to 500,000.00 at a rate up to 40: every MXN amount fits PostgreSQL's integer.
    subtotal = draw(st.integers(min_value=1, max_value=4 * 10**7))
    discount = draw(st.integers(min_value=0, max_value=subtotal - 1))
    tax = draw(st.integers(min_value=0, max_value=10**7))
    withheld = draw(st.integers(min_value=0, max_value=subtotal - discount + tax - 1))
    return subtotal, discount, tax, withheld


def _money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


def _ours(ws: Workspace) -> None:
    profile = ws.business.profile()
    if profile.rfc != OURS:
        ws.business.update_profile(replace(profile, rfc=OURS, name=profile.name or "Kemper"))


def _import(
    ws: Workspace,
    folder: Path,
    parts: tuple[int, int, int, int],
    rate: Decimal,
    currency: str = "",
) -> int:
    """One CFDI in INR (a rate under 1) or USD, imported through the service: its id."""
    _ours(ws)
    n = next(_numbers)
    subtotal, discount, tax, withheld = parts
    total = subtotal - discount + tax - withheld
    path = folder / f"fx-{n}.xml"
    path.write_bytes(
        invoice(
            uuid_n(n),
            total=_money(total),
            folio=str(n),
            currency=currency or ("INR" if rate < 1 else "USD"),
            rate=str(rate),
            parts=(_money(subtotal), _money(discount), _money(tax), _money(withheld)),
        )
    )
    report = CfdiImportService(ws.book, ws.clock).commit([path])
    assert report.committed, report.problems
    with ws.book.session() as s:
        return s.scalars(select(Invoice.id).where(Invoice.cfdi_uuid == uuid_n(n).upper())).one()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(parts=stamped_parts(), rate=rates)
@example(parts=(100_001, 0, 16_000, 0), rate=Decimal("0.2134"))  # 1,000.01 INR: cents off
def test_the_invoice_shows_every_stamped_amount_in_its_currency(
    ws: Workspace, tmp_path: Path, parts: tuple[int, int, int, int], rate: Decimal
) -> None:
    subtotal, discount, tax, withheld = parts
    total = subtotal - discount + tax - withheld
    # Under half an MXN cent the book carries $0.00, an invoice owing nothing (left alone).
    assume(to_book_cents(total, rate) > 0)
    data = DocumentService(ws.book, ws.clock).invoice_data_by_id(_import(ws, tmp_path, parts, rate))
    cents = [int(v * 100) for v in (data.subtotal, data.discount, data.total, data.balance_due)]
    assert cents == [subtotal, discount, total, total]
    assert [int(t.amount * 100) for t in data.taxes] == [tax] + ([-withheld] if withheld else [])
    # The MXN the book carries is the stamped total at the rate, rounded once, as before.
    assert data.book_total == Decimal(to_book_cents(total, rate)) / 100


def test_an_ars_invoice_prints_as_stamped(ws: Workspace, tmp_path: Path) -> None:
    """SubTotal 1,000.01, Descuento 0.03, IVA 160.00, retención 10.67 ARS at 0.0193 (one
    MXN cent is 52 ARS cents): worked back from the MXN each was cents off; printed, each
    is as stamped, with the rate and the MXN the book carries."""
    rate = Decimal("0.0193")
    invoice_id = _import(ws, tmp_path, (100_001, 3, 16_000, 1_067), rate, "ARS")
    text = pdf_text(DocumentService(ws.book, ws.clock).invoice_pdf_by_id(invoice_id))
    for expected in (
        money(Decimal("1000.01"), "ARS"),
        money(Decimal("-0.03"), "ARS"),
        money(Decimal("160.00"), "ARS"),
        money(Decimal("-10.67"), "ARS"),
        money(Decimal("1149.31"), "ARS"),
        "1 ARS = 0.0193 MXN",
        money(Decimal(to_book_cents(114_931, rate)) / 100, "MXN"),
    ):
        assert expected in text, expected
