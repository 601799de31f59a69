"""Typed outbox state (issue 10 §7): statuses are enums, invoices are a relation."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, create_engine, select, text

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.messaging.outbox import (
    PENDING,
    EmailDraft,
    OutboxService,
    OutboxStatus,
)
from cobranza_desktop.services.messaging.outbox_views import status_label
from cobranza_desktop.storage.database import MIGRATIONS_DIR, SCHEMA_HEAD, open_book
from cobranza_desktop.storage.models.messaging import OUTBOX_STATUSES, OutboxMessageInvoice
from tests import factories


def _draft(key: str, invoice_ids: tuple[int, ...] = ()) -> EmailDraft:
    return EmailDraft(
        natural_key=key,
        to="lupita@example.com",
        subject="Recordatorio",
        body="Texto",
        invoice_ids=invoice_ids,
    )


def _outbox(ws: Workspace, clock: FixedClock) -> OutboxService:
    return OutboxService(ws.book, clock, password_getter=lambda: None)


def test_statuses_are_enums_stored_as_their_old_values(ws: Workspace, clock: FixedClock) -> None:
    outbox = _outbox(ws, clock)
    view, _ = outbox.queue_email(_draft("k1"))
    assert isinstance(view.status, OutboxStatus) and view.status is OutboxStatus.PENDING
    assert isinstance(outbox.get(view.id).status, OutboxStatus)
    assert outbox.counts() == {OutboxStatus.PENDING: 1}
    assert all(isinstance(k, OutboxStatus) for k in outbox.counts())
    with ws.book.session() as session:
        raw = session.execute(text("SELECT status FROM outbox_messages")).scalar_one()
    assert raw == "pending" and PENDING == "pending"
    # The old values are all still there (no data migration for them), plus the new ones.
    assert set(OUTBOX_STATUSES) >= {"pending", "sending", "sent", "failed", "interrupted"}
    assert {"uncertain", "rejected"} <= set(OUTBOX_STATUSES)
    assert status_label(OutboxStatus.UNCERTAIN) == "Entrega incierta"
    assert status_label("¿?") == "¿?"


def test_invoices_of_a_message_are_a_relation_in_order(ws: Workspace, clock: FixedClock) -> None:
    customer = factories.customer(ws, email="lupita@example.com")
    a, b, c = (factories.invoice(ws, customer.id) for _ in range(3))
    outbox = _outbox(ws, clock)
    view, _ = outbox.queue_email(_draft("k1", (c.id, a.id, c.id, b.id)))
    assert view.invoice_ids == (c.id, a.id, b.id)  # given order, each once
    assert outbox.get(view.id).invoice_ids == (c.id, a.id, b.id)
    assert outbox.list()[0].invoice_ids == (c.id, a.id, b.id)
    with ws.book.session() as session:
        links = session.scalars(
            select(OutboxMessageInvoice).order_by(OutboxMessageInvoice.position)
        ).all()
    assert [(link.message_id, link.invoice_id) for link in links] == [
        (view.id, c.id),
        (view.id, a.id),
        (view.id, b.id),
    ]


def test_an_unknown_invoice_is_refused_and_nothing_is_written(
    ws: Workspace, clock: FixedClock
) -> None:
    customer = factories.customer(ws)
    real = factories.invoice(ws, customer.id)
    outbox = _outbox(ws, clock)
    with pytest.raises(ValidationError) as caught:
        outbox.queue_email(_draft("k1", (real.id, real.id + 100)))
    assert caught.value.field == "invoice_ids"
    assert str(real.id + 100) in caught.value.message
    assert outbox.count() == 0


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(choice=st.lists(st.integers(min_value=0, max_value=3), max_size=8))
def test_any_list_of_invoices_round_trips(
    ws: Workspace, clock: FixedClock, choice: list[int]
) -> None:
    customer = factories.customer(ws, name=f"Cliente {len(choice)}-{sum(choice)}-{id(choice)}")
    invoices = [factories.invoice(ws, customer.id).id for _ in range(4)]
    wanted = tuple(invoices[i] for i in choice)
    view, _ = _outbox(ws, clock).queue_email(_draft(f"k{id(choice)}-{invoices[0]}", wanted))
    assert view.invoice_ids == tuple(dict.fromkeys(wanted))


# ---------------------------------------------------------------- migration 0005


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _book_at_0004(path: Path) -> None:
    """A book made by the previous version: invoices as a string, with an attachment."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0004_messaging_outbox")
        connection.exec_driver_sql(
            "INSERT INTO customers (id, name, name_key, rfc, contact_name, email, phone,"
            " whatsapp, address, preferred_channel, notes, status, created_at) VALUES (1, 'Ana',"
            " 'ana', '', '', '', '', '', '', 'email', '', 'active', '2026-01-01 00:00:00')"
        )
        for invoice_id in (3, 7):
            values = {
                "id": invoice_id,
                "customer_id": 1,
                "folio": invoice_id,
                "lifecycle": "issued",
                "issue_date": "2026-10-01",
                "due_date": "2026-11-01",
                "created_at": "2026-10-01 00:00:00",
            }
            _insert_with_defaults(connection, "invoices", values)
        rows = [
            (1, "k1", "7,3", "pending"),
            (2, "k2", "", "sent"),
            (3, "k3", "3, 99,x,3", "failed"),  # 99 names no invoice; x is not a number
            (4, "k4", "7", "interrupted"),
        ]
        for message_id, key, ids, status in rows:
            connection.exec_driver_sql(
                "INSERT INTO outbox_messages (id, natural_key, channel, customer_id, stage,"
                " invoice_ids, recipient, recipient_name, subject, body, message_id, status,"
                " attempts, last_error, created_at, cancel_reason) VALUES (?, ?, 'email', 1, '',"
                " ?, 'ana@example.com', 'Ana', 'Asunto', 'Texto', '<m@x>', ?, 0, '',"
                " '2026-11-01 10:00:00', '')",
                (message_id, key, ids, status),
            )
        connection.exec_driver_sql(
            "INSERT INTO outbox_attachments (id, message_id, position, filename, mimetype, data)"
            " VALUES (1, 1, 0, 'estado.pdf', 'application/pdf', X'255044462D')"
        )
    engine.dispose()


def _insert_with_defaults(connection: Connection, table: str, values: dict[str, object]) -> None:
    """Fill every NOT NULL column the test does not care about with a neutral value."""
    info = connection.exec_driver_sql(f"PRAGMA table_info({table})").all()
    row: dict[str, object] = {}
    for _cid, name, type_, notnull, default, pk in info:
        if name in values:
            row[name] = values[name]
        elif notnull and default is None and not pk:
            row[name] = 0 if "INT" in str(type_).upper() else ""
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    connection.exec_driver_sql(
        f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(row.values())
    )


def test_migration_moves_the_invoice_string_to_the_relation(tmp_path: Path) -> None:
    path = tmp_path / "viejo.sqlite"
    _book_at_0004(path)
    clock = FixedClock(datetime(2026, 11, 23, 10, 0))
    with open_book(path, now=clock.now()) as book:
        outbox = OutboxService(book, clock, password_getter=lambda: None)
        assert [outbox.get(i).invoice_ids for i in (1, 2, 3, 4)] == [(7, 3), (), (3,), (7,)]
        assert [outbox.get(i).status for i in (1, 2, 3, 4)] == [
            OutboxStatus.PENDING,
            OutboxStatus.SENT,
            OutboxStatus.FAILED,
            OutboxStatus.INTERRUPTED,
        ]
        assert outbox.get(1).attachment_names == ("estado.pdf",)
        with book.engine.connect() as connection:
            columns = [
                r[1] for r in connection.exec_driver_sql("PRAGMA table_info(outbox_messages)")
            ]
            assert "invoice_ids" not in columns
            data = connection.exec_driver_sql("SELECT data FROM outbox_attachments").scalar()
            assert data == b"%PDF-"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            # the rebuilt table takes the new statuses
            connection.exec_driver_sql("UPDATE outbox_messages SET status='uncertain' WHERE id=1")
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute("UPDATE outbox_messages SET status='perdido' WHERE id=1")


def test_migration_0005_goes_back_down_with_the_string(tmp_path: Path) -> None:
    path = tmp_path / "viejo.sqlite"
    _book_at_0004(path)
    open_book(path, now=datetime(2026, 11, 23, 10, 0)).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE outbox_messages SET status='uncertain' WHERE id=2")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        config = _config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0004_messaging_outbox")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT id, invoice_ids, status FROM outbox_messages ORDER BY id")
        assert rows.fetchall() == [
            (1, "7,3", "pending"),
            (2, "", "interrupted"),  # the older program does not know "uncertain"
            (3, "3", "failed"),
            (4, "7", "interrupted"),
        ]
        assert raw.execute("SELECT count(*) FROM outbox_attachments").fetchone() == (1,)
