"""USD invoices and the REPs that pay them at another day's rate give the same book in
whichever order they are imported: invoices first, REPs first, or mixed batches. The
payment's MXN is each part at its invoice's rate (what the invoice-first path books), so
a REP that leaves an invoice at 0 leaves it at 0 in the book too."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import URL

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.storage.models import Allocation, Invoice, Payment
from tests.imports.cfdi_factory import OURS, invoice, payment, uuid_n

Location = Callable[[], Path | URL]
State = tuple[object, ...]


def _money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


def _state(ws: Workspace) -> State:
    """Every invoice's MXN total and paid, every payment's amount and allocated, and the
    allocations, each by its CFDI UUID (ids differ with the order)."""
    with ws.book.session() as s:
        invoices = sorted(
            tuple(r)
            for r in s.execute(select(Invoice.cfdi_uuid, Invoice.total_cents, Invoice.paid_cents))
        )
        payments = sorted(
            tuple(r)
            for r in s.execute(
                select(Payment.rep_uuid, Payment.amount_cents, Payment.allocated_cents)
            )
        )
        allocations = sorted(
            tuple(r)
            for r in s.execute(
                select(Payment.rep_uuid, Invoice.cfdi_uuid, Allocation.amount_cents)
                .join(Payment, Payment.id == Allocation.payment_id)
                .join(Invoice, Invoice.id == Allocation.invoice_id)
                .where(Allocation.active.is_(True))
            )
        )
    return (tuple(invoices), tuple(payments), tuple(allocations))


def _import_in(location: Path | URL, batches: list[list[Path]]) -> State:
    ws = open_workspace(location, FixedClock.on(date(2026, 11, 22)))
    try:
        profile = ws.business.profile()
        ws.business.update_profile(replace(profile, rfc=OURS, name="Kemper"))
        for files in batches:
            report = CfdiImportService(ws.book, ws.clock).commit(files)
            assert report.committed, report.problems
        assert ws.checks.run().ok
        return _state(ws)
    finally:
        ws.close()


def _usd_invoice(folder: Path, n: int, total: int, rate: Decimal) -> Path:
    path = folder / f"i{n}.xml"
    data = invoice(uuid_n(n), total=_money(total), folio=str(n), currency="USD", rate=str(rate))
    path.write_bytes(data)
    return path


def test_a_rep_before_its_usd_invoice_leaves_it_paid_as_the_rep_says(
    new_book_location: Location, tmp_path: Path
) -> None:
    """USD 100.00 at 17.00 (MXN 1,700.00) paid in full at 16.50: no MXN 50.00 left open."""
    folder = tmp_path / "xml"
    folder.mkdir()
    inv = _usd_invoice(folder, 1, 10_000, Decimal("17.00"))
    rep = folder / "p.xml"
    rep.write_bytes(
        payment(
            uuid_n(2),
            [("2026-11-05T00:00:00", "100.00", [(uuid_n(1), "100.00", "100.00", "0.00", 1)])],
            currency="USD",
            rate="16.50",
        )
    )
    invoice_first = _import_in(new_book_location(), [[inv], [rep]])
    rep_first = _import_in(new_book_location(), [[rep], [inv]])
    assert rep_first == invoice_first
    invoices, payments, _ = rep_first
    assert invoices == ((uuid_n(1), 170_000, 170_000),)
    assert payments == ((uuid_n(2), 170_000, 170_000),)


instalment = st.tuples(
    st.integers(min_value=1, max_value=100),  # percent of what is left
    st.decimals(min_value=1, max_value=40, places=4),  # the payment's rate
    st.integers(min_value=0, max_value=5_000),  # more than the documents: credit
)
usd_invoice = st.tuples(
    st.integers(min_value=100, max_value=10**8),  # total, USD cents
    st.decimals(min_value=1, max_value=40, places=4),  # its TipoCambio
)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    invoices=st.lists(usd_invoice, min_size=1, max_size=3),
    reps=st.lists(instalment, min_size=1, max_size=2),
    placement=st.lists(st.integers(min_value=0, max_value=2), min_size=5, max_size=5),
)
def test_usd_invoices_and_reps_give_one_book_in_any_order(
    new_book_location: Location,
    invoices: list[tuple[int, Decimal]],
    reps: list[tuple[int, Decimal, int]],
    placement: list[int],
) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        invoice_files = [
            _usd_invoice(folder, n, total, rate) for n, (total, rate) in enumerate(invoices, 1)
        ]
        left = [total for total, _ in invoices]
        rep_files = []
        # REP j pays instalment j of every invoice (one payment, several documents).
        for j, (percent, rate, extra) in enumerate(reps, start=1):
            docs = []
            for n, owed in enumerate(left, start=1):
                paid = max(1, owed * percent // 100) if owed else 0
                if paid:
                    docs.append((uuid_n(n), _money(owed), _money(paid), _money(owed - paid), j))
                    left[n - 1] = owed - paid
            monto = sum(int(Decimal(d[2]) * 100) for d in docs) + extra
            if monto <= 0:
                continue
            path = folder / f"p{j}.xml"
            path.write_bytes(
                payment(
                    uuid_n(100 + j),
                    [(f"2026-11-0{j}T00:00:00", _money(monto), docs)],
                    currency="USD",
                    rate=str(rate),
                )
            )
            rep_files.append(path)
        books = [
            _import_in(new_book_location(), [invoice_files, rep_files]),
            _import_in(new_book_location(), [rep_files, invoice_files]),
            _import_in(new_book_location(), [[f] for f in rep_files + invoice_files]),
        ]
        # Mixed batches: each file in one of three batches; REPs keep their order.
        mixed: list[list[Path]] = [[], [], []]
        floor = 0
        for k, path in enumerate(invoice_files + rep_files):
            where = placement[k % len(placement)]
            if path in rep_files:
                where = floor = max(where, floor)
            mixed[where].append(path)
        books.append(_import_in(new_book_location(), [b for b in mixed if b]))
        assert all(book == books[0] for book in books[1:]), books
        # What each REP left at zero is closed in the book, to the cent.
        for (uuid, total, paid), owed in zip(books[0][0], left, strict=True):
            assert uuid.startswith("00000000")
            assert (paid == total) == (owed == 0)
