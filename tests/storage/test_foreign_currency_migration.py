"""0019: a book whose USD invoice was kept in USD cents is moved to MXN cents at its
TipoCambio, with its allocations and payments, and stays consistent (``cobranza check``)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import MIGRATIONS_DIR, open_book
from tests import factories


def test_an_old_usd_invoice_is_converted_with_its_payment(tmp_path: Path) -> None:
    path = tmp_path / "libro.sqlite"
    clock = FixedClock.on(date(2026, 11, 22))
    ws = open_workspace(path, clock)
    try:
        c = factories.customer(ws)
        inv = factories.invoice(ws, c.id, price="100.00", tax="0")
        ws.payments.record(PaymentInput(c.id, "40.00", date(2026, 11, 5)))
    finally:
        ws.close()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0010_audit_users")  # to the revision before 0019
        # As the import of the last session left a USD CFDI: USD cents, its rate beside.
        connection.exec_driver_sql(
            "UPDATE invoices SET currency = 'USD', exchange_rate = '17.5' WHERE id = ?",
            (inv.id,),
        )
    engine.dispose()
    with open_book(path, now=datetime(2026, 11, 22, 8, 0)) as book:
        with book.engine.connect() as raw:
            row = raw.exec_driver_sql(
                "SELECT total_cents, paid_cents, foreign_total_cents FROM invoices"
            ).one()
            paid = raw.exec_driver_sql("SELECT amount_cents, allocated_cents FROM payments").one()
        # 100.00 USD = 1,750.00 MXN; the 40.00 paid = 700.00 MXN.
        assert tuple(row) == (175_000, 70_000, 10_000)
        assert tuple(paid) == (70_000, 70_000)
        assert BookCheckService(book).run().ok
