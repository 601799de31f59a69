"""The facts an allocation copies from its payment and invoice (models/allocation_facts.py)
stay equal to the originals through every write, the migration fills them for an older
book, and `cobranza check` notices when they drift."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, select

from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import MIGRATIONS_DIR, open_book
from cobranza_desktop.storage.models import Allocation, Invoice, Payment
from tests.factories import customer, invoice

FACTS = "customer_id, payment_day, issue_day, due_day, is_money, on_invoice, rep_open, on_ppd"


def _facts(ws: Workspace) -> list[tuple[object, ...]]:
    with ws.book.session() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(
                    Allocation.id,
                    Allocation.customer_id,
                    Allocation.payment_day,
                    Allocation.issue_day,
                    Allocation.due_day,
                    Allocation.is_money,
                    Allocation.on_invoice,
                    Allocation.rep_open,
                    Allocation.on_ppd,
                ).order_by(Allocation.id)
            )
        ]


def _failing_checks(ws: Workspace) -> list[str]:
    return [r.name for r in ws.checks.run().results if not r.ok]


def test_a_payment_copies_its_date_and_the_invoices_dates(ws: Workspace) -> None:
    c = customer(ws)
    inv = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1), due=date(2026, 10, 1))
    ws.payments.record(PaymentInput(c.id, "50.00", date(2026, 11, 3), PaymentMethod.TRANSFER))
    ws.payments.record(PaymentInput(c.id, "10.00", date(2026, 11, 4), PaymentMethod.DISCOUNT))
    rows = _facts(ws)
    assert [r[1:] for r in rows] == [
        (
            c.id,
            date(2026, 11, 3).toordinal(),
            date(2026, 9, 1).toordinal(),
            date(2026, 10, 1).toordinal(),
            True,
            True,
            True,  # no REP received
            False,  # not a PPD invoice
        ),
        # A discount settles the balance but is not money received.
        (
            c.id,
            date(2026, 11, 4).toordinal(),
            date(2026, 9, 1).toordinal(),
            date(2026, 10, 1).toordinal(),
            False,
            True,
            True,
            False,
        ),
    ]
    assert inv.id is not None
    assert _failing_checks(ws) == []


def test_a_changed_due_date_or_kind_rewrites_the_copies(ws: Workspace) -> None:
    c = customer(ws)
    inv = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1), due=date(2026, 10, 1))
    ws.payments.record(PaymentInput(c.id, "50.00", date(2026, 11, 3)))
    # As a spreadsheet import updating a duplicate does: the invoice's due date moves.
    with ws.book.transaction() as session:
        row = session.get(Invoice, inv.id)
        assert row is not None
        row.due_date = date(2026, 10, 20)
        row.kind = "late_charge"
    (only,) = _facts(ws)
    assert only[4] == date(2026, 10, 20).toordinal()
    assert only[6] is False
    assert _failing_checks(ws) == []


def test_the_check_names_an_allocation_whose_copies_drifted(ws: Workspace) -> None:
    c = customer(ws)
    invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))
    ws.payments.record(PaymentInput(c.id, "50.00", date(2026, 11, 3)))
    with ws.book.transaction() as session:
        session.connection().exec_driver_sql("UPDATE allocations SET due_day = due_day + 1")
    assert _failing_checks(ws) == ["allocation_facts_match"]


def test_the_migration_fills_the_copies_of_an_older_book(ws: Workspace, book_path: Path) -> None:
    """Down one revision (the columns go), up again: the backfill gives what the ORM wrote."""
    c = customer(ws)
    invoice(ws, c.id, "100.00", issued=date(2026, 9, 1), due=date(2026, 9, 30))
    invoice(ws, c.id, "80.00", issued=date(2026, 10, 2))
    ws.payments.record(PaymentInput(c.id, "150.00", date(2026, 11, 3)))
    ws.payments.record(PaymentInput(c.id, "5.00", date(2026, 11, 5), PaymentMethod.DISCOUNT))
    written = _facts(ws)
    assert len(written) == 3
    ws.close()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{book_path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0014_terms_receipts")
        columns = {r[1] for r in connection.exec_driver_sql("PRAGMA table_info(allocations)")}
        assert "payment_day" not in columns
    engine.dispose()
    with (
        open_book(book_path, now=datetime(2026, 11, 22, 8, 0)) as book,
        book.engine.connect() as c2,
    ):
        refilled = [
            (r[0], r[1], r[2], r[3], r[4], *(bool(b) for b in r[5:]))
            for r in c2.exec_driver_sql(f"SELECT id, {FACTS} FROM allocations ORDER BY id")
        ]
    assert refilled == written


def test_a_rep_a_reversal_and_a_void_rewrite_the_rep_copies(ws: Workspace) -> None:
    """What the REP radar reads: the payment still owes its REP, the invoice is PPD."""
    c = customer(ws)
    line = make_line("Servicio", 1, "100.00", tax_rate_percent="0")
    ppd = ws.invoices.issue(
        InvoiceDraft(c.id, (line,), date(2026, 9, 1), sat_payment_method="PPD")
    ).id
    first = ws.payments.record(PaymentInput(c.id, "30.00", date(2026, 10, 3))).id
    second = ws.payments.record(PaymentInput(c.id, "20.00", date(2026, 10, 9))).id
    assert [r[7:] for r in _facts(ws)] == [(True, True), (True, True)]
    with ws.book.transaction() as session:  # as a CFDI of type P does (cfdi_booking)
        row = session.get(Payment, first)
        assert row is not None
        row.rep_uuid = "UUID-DEL-REP"
    assert [r[7:] for r in _facts(ws)] == [(False, True), (True, True)]
    ws.invoices.void(ppd, "Error de captura")  # its allocations are undone, and copy it
    assert [r[7:] for r in _facts(ws)] == [(False, False), (True, False)]
    ws.payments.reverse(second, "Cheque devuelto")
    assert [r[7:] for r in _facts(ws)] == [(False, False), (False, False)]
    assert _failing_checks(ws) == []


def test_the_check_names_a_drifted_rep_copy(ws: Workspace) -> None:
    c = customer(ws)
    invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))
    ws.payments.record(PaymentInput(c.id, "50.00", date(2026, 11, 3)))
    with ws.book.transaction() as session:
        session.connection().exec_driver_sql("UPDATE allocations SET on_ppd = TRUE")
    assert _failing_checks(ws) == ["allocation_facts_match"]


def test_a_bulk_loader_fills_the_copies_with_one_statement(ws: Workspace) -> None:
    """Rows inserted without the ORM (a bulk loader) get their facts from fill_facts_sql."""
    from cobranza_desktop.storage.models.allocation_facts import fill_facts_sql

    c = customer(ws)
    invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))
    ws.payments.record(PaymentInput(c.id, "50.00", date(2026, 11, 3)))
    written = _facts(ws)
    with ws.book.transaction() as session:
        session.connection().exec_driver_sql(
            f"UPDATE allocations SET {', '.join(f'{c} = NULL' for c in FACTS.split(', '))}"
        )
    assert _failing_checks(ws) == ["allocation_facts_match"]
    with ws.book.transaction() as session:
        dialect = session.get_bind().dialect.name
        session.connection().exec_driver_sql(fill_facts_sql(dialect))
    assert _facts(ws) == written
    assert _failing_checks(ws) == []
