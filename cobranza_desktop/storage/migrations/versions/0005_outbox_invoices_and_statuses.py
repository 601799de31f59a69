"""Outbox: invoices as a relation instead of a comma-separated string, and the
statuses of a message that waits for a person ("rejected", "uncertain")

Revision ID: 0005_outbox_invoices_and_statuses
Revises: 0004_messaging_outbox

SQLite cannot change a CHECK constraint or (portably) drop a column, so
``outbox_messages`` is rebuilt (new table, copy, drop, rename). The book's connection
enforces foreign keys and a migration runs inside one transaction (where
``PRAGMA foreign_keys`` cannot be changed), so dropping the old table would fail
while attachments point at it: the attachments are set aside in a temporary table
and put back, unchanged, in the same transaction.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_outbox_invoices_and_statuses"
down_revision: str | None = "0004_messaging_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = ("pending", "sending", "sent", "failed", "interrupted", "cancelled")
NEW_STATUSES = (*OLD_STATUSES[:4], "rejected", "interrupted", "uncertain", "cancelled")

_ATTACHMENT_COLUMNS = "id, message_id, position, filename, mimetype, data"


def _status_check(statuses: Sequence[str]) -> str:
    return "status IN (" + ", ".join(f"'{s}'" for s in statuses) + ")"


def _parse_ids(text: str | None) -> list[int]:
    """The old comma-separated ids, in order, without repeats; anything else is skipped."""
    ids: list[int] = []
    for token in (text or "").split(","):
        token = token.strip()
        if token.isdigit() and int(token) not in ids:
            ids.append(int(token))
    return ids


_COLUMNS = (
    "id, natural_key, channel, customer_id, stage, recipient, recipient_name, subject, body,"
    " message_id, status, attempts, last_error, created_at, last_attempt_at, sent_at,"
    " cancelled_at, cancel_reason"
)


def _alter_messages(with_invoice_ids: bool, statuses: Sequence[str]) -> None:
    """The new status CHECK and the ``invoice_ids`` column: rebuilt on SQLite, altered in
    place elsewhere (PostgreSQL changes a CHECK and drops a column directly, and a
    rebuilt table would clash with the names of the old one's constraints)."""
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_messages(with_invoice_ids, statuses)
        return
    op.drop_constraint(op.f("ck_outbox_messages_status_known"), "outbox_messages", type_="check")
    if with_invoice_ids:
        op.add_column(
            "outbox_messages",
            sa.Column("invoice_ids", sa.Text(), nullable=False, server_default=""),
        )
    else:
        op.drop_column("outbox_messages", "invoice_ids")
    op.create_check_constraint(
        op.f("ck_outbox_messages_status_known"), "outbox_messages", _status_check(statuses)
    )


def _rebuild_messages(with_invoice_ids: bool, statuses: Sequence[str]) -> None:
    """Rebuild ``outbox_messages`` with a new status CHECK, with or without the old
    ``invoice_ids`` column. Written out (not ``batch_alter_table``, whose constraint
    order varies from run to run) so that every book ends with the same schema."""
    op.execute(
        f"CREATE TEMPORARY TABLE _outbox_attachments_saved AS "
        f"SELECT {_ATTACHMENT_COLUMNS} FROM outbox_attachments"
    )
    op.execute("DELETE FROM outbox_attachments")
    extra = (
        [sa.Column("invoice_ids", sa.Text(), nullable=False, server_default="")]
        if with_invoice_ids
        else []
    )
    op.create_table(
        "_outbox_messages_new",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("natural_key", sa.String(length=250), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=60), nullable=False),
        *extra,
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("recipient_name", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("message_id", sa.String(length=250), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=False),
        sa.CheckConstraint(_status_check(statuses), name=op.f("ck_outbox_messages_status_known")),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_outbox_messages_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_messages")),
        sa.UniqueConstraint("natural_key", name=op.f("uq_outbox_messages_natural_key")),
    )
    op.execute(
        f"INSERT INTO _outbox_messages_new ({_COLUMNS}) SELECT {_COLUMNS} FROM outbox_messages"
    )
    op.drop_index("ix_outbox_messages_status_created", table_name="outbox_messages")
    op.drop_index("ix_outbox_messages_customer", table_name="outbox_messages")
    op.drop_table("outbox_messages")
    op.rename_table("_outbox_messages_new", "outbox_messages")
    op.create_index(
        "ix_outbox_messages_customer", "outbox_messages", ["customer_id"], unique=False
    )
    op.create_index(
        "ix_outbox_messages_status_created",
        "outbox_messages",
        ["status", "created_at"],
        unique=False,
    )
    op.execute(
        f"INSERT INTO outbox_attachments ({_ATTACHMENT_COLUMNS}) "
        f"SELECT {_ATTACHMENT_COLUMNS} FROM _outbox_attachments_saved"
    )
    op.execute("DROP TABLE _outbox_attachments_saved")


def upgrade() -> None:
    connection = op.get_bind()
    links: list[tuple[int, int, int]] = []
    known = {row[0] for row in connection.execute(sa.text("SELECT id FROM invoices"))}
    for message_id, text in connection.execute(
        sa.text("SELECT id, invoice_ids FROM outbox_messages ORDER BY id")
    ):
        # An id that names no invoice cannot be kept under a foreign key; it never
        # pointed at anything, so nothing a person could see is lost.
        ids = [i for i in _parse_ids(text) if i in known]
        links.extend((message_id, invoice_id, pos) for pos, invoice_id in enumerate(ids))

    _alter_messages(False, NEW_STATUSES)

    table = op.create_table(
        "outbox_message_invoices",
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_outbox_message_invoices_invoice_id_invoices"),
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outbox_messages.id"],
            name=op.f("fk_outbox_message_invoices_message_id_outbox_messages"),
        ),
        sa.PrimaryKeyConstraint(
            "message_id", "invoice_id", name=op.f("pk_outbox_message_invoices")
        ),
    )
    with op.batch_alter_table("outbox_message_invoices", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_message_invoices_invoice", ["invoice_id"], unique=False)
    if links and table is not None:
        op.bulk_insert(
            table,
            [{"message_id": m, "invoice_id": i, "position": p} for m, i, p in links],
        )


def downgrade() -> None:
    connection = op.get_bind()
    joined: dict[int, list[str]] = {}
    for message_id, invoice_id in connection.execute(
        sa.text(
            "SELECT message_id, invoice_id FROM outbox_message_invoices "
            "ORDER BY message_id, position"
        )
    ):
        joined.setdefault(message_id, []).append(str(invoice_id))
    with op.batch_alter_table("outbox_message_invoices", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_message_invoices_invoice")
    op.drop_table("outbox_message_invoices")
    # The older program knows neither status: both mean "it did not go, a person decides".
    op.execute(
        "UPDATE outbox_messages SET status = 'interrupted' "
        "WHERE status IN ('rejected', 'uncertain')"
    )
    _alter_messages(True, OLD_STATUSES)
    for message_id, ids in joined.items():
        connection.execute(
            sa.text("UPDATE outbox_messages SET invoice_ids = :ids WHERE id = :id"),
            {"ids": ",".join(ids), "id": message_id},
        )
