"""0022: a foreign invoice keeps its stamped SubTotal, Descuento and taxes beside the MXN.
A 0021 book's foreign rows are filled by the rule they printed with (exact at a rate of 1
or more), its MXN rows and every MXN amount are left as they were, and the penalty charges
get their index by invoice and period end."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import URL

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.storage.database import MIGRATIONS_DIR, open_book
from tests.imports.cfdi_factory import OURS, invoice, stamped_sample, uuid_n

_STAMPED = (
    "foreign_subtotal_cents, foreign_discount_cents, foreign_tax_cents, foreign_withheld_tax_cents"
)
_MXN = (
    "subtotal_cents, discount_cents, tax_cents, withheld_tax_cents, total_cents, paid_cents,"
    " foreign_total_cents"
)
INDEX = "ix_penalty_charges_invoice_end"


def _module() -> ModuleType:
    path = MIGRATIONS_DIR / "versions" / "0022_fx_stamped.py"
    spec = importlib.util.spec_from_file_location("fx_stamped", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _engine(location: Path | URL) -> sa.Engine:
    return sa.create_engine(f"sqlite:///{location}" if isinstance(location, Path) else location)


def _downgrade_to_0021(location: Path | URL) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = _engine(location)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0021_rep_facts")
    engine.dispose()


def _rows(location: Path | URL, columns: str) -> dict[str, tuple[Any, ...]]:
    engine = _engine(location)
    with engine.connect() as raw:
        rows = raw.execute(sa.text(f"SELECT currency, {columns} FROM invoices")).all()
    engine.dispose()
    return {str(r[0]): tuple(r[1:]) for r in rows}


def _indexes(location: Path | URL) -> set[str]:
    engine = _engine(location)
    with engine.connect() as raw:
        names = {str(i["name"]) for i in sa.inspect(raw).get_indexes("penalty_charges")}
    engine.dispose()
    return names


def test_a_0021_book_gets_its_stamped_amounts_back_by_the_old_rule(
    book_location: Path | URL, tmp_path: Path
) -> None:
    """A USD invoice (18.9008), an INR one (0.2134) and an MXN one, imported, taken back
    to 0021 and opened again: the USD amounts come back as stamped, the INR ones as they
    printed before (worked back from the MXN, adding up to the stamped total), the MXN
    row keeps none, and not one MXN cent moves."""
    clock = FixedClock.on(date(2026, 11, 22))
    folder = tmp_path / "xml"
    folder.mkdir()
    (folder / "usd.xml").write_bytes(
        stamped_sample("cfdiutils_cfdi40-usd-discounts.xml", uuid_n(1))
    )
    # 1,000.01 INR − 0.03 + 160.00 − 10.67 = 1,149.31 INR.
    parts = ("1000.01", "0.03", "160.00", "10.67")
    (folder / "inr.xml").write_bytes(
        invoice(uuid_n(2), total="1149.31", folio="2", currency="INR", rate="0.2134", parts=parts)
    )
    (folder / "mxn.xml").write_bytes(invoice(uuid_n(3), total="116.00", folio="3"))
    ws = open_workspace(book_location, clock)
    try:
        profile = ws.business.profile()
        ws.business.update_profile(replace(profile, rfc=OURS, name=profile.name or "Kemper"))
        assert CfdiImportService(ws.book, clock).commit([folder]).committed
    finally:
        ws.close()
    stamped = _rows(book_location, _STAMPED)
    assert stamped == {
        "USD": (330_000, 50_000, 44_800, 0),
        "INR": (100_001, 3, 16_000, 1_067),
        "MXN": (None, None, None, None),
    }
    mxn_before = _rows(book_location, _MXN)
    assert INDEX in _indexes(book_location)

    _downgrade_to_0021(book_location)
    assert INDEX not in _indexes(book_location)
    (inr_id,) = _rows(book_location, "id")["INR"]
    with open_book(book_location, now=datetime(2026, 11, 22, 8, 0)) as book:  # to the head
        assert BookCheckService(book).run().ok
        inr = DocumentService(book, clock).invoice_data_by_id(int(inr_id))
    assert _rows(book_location, _MXN) == mxn_before
    assert INDEX in _indexes(book_location)
    back = _rows(book_location, _STAMPED)
    assert back["USD"] == stamped["USD"] and back["MXN"] == stamped["MXN"]
    # The INR amounts could not be recovered: each worked back from its MXN, cents off.
    subtotal, discount, tax, withheld = (int(c) for c in back["INR"])
    assert (subtotal, discount, tax, withheld) != stamped["INR"]
    assert subtotal - discount + tax - withheld == 114_931  # the stamped total, kept
    printed = [inr.subtotal, inr.discount, *(abs(t.amount) for t in inr.taxes)]
    assert [int(a * 100) for a in printed] == [subtotal, discount, tax, withheld]


def _book(cents: int, rate: Decimal) -> int:
    return int((Decimal(cents) * rate).to_integral_value(rounding=ROUND_HALF_UP))


cents = st.integers(min_value=0, max_value=10**10)


@given(
    subtotal=st.integers(min_value=1, max_value=10**10),
    discount=cents,
    tax=cents,
    withheld=cents,
    rate=st.one_of(
        st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("0.9999"), places=4),
        st.decimals(min_value=1, max_value=40, places=6),
    ),
)
def test_the_recovered_amounts_are_stamped_ones_from_a_rate_of_one_and_always_add_up(
    subtotal: int, discount: int, tax: int, withheld: int, rate: Decimal
) -> None:
    total = subtotal - discount + tax - withheld
    got = _module().recovered(
        total,
        rate,
        _book(subtotal, rate),
        _book(discount, rate),
        _book(tax, rate),
        _book(withheld, rate),
    )
    assert got[0] - got[1] + got[2] - got[3] == total
    if rate >= 1:
        assert got == (subtotal, discount, tax, withheld)
