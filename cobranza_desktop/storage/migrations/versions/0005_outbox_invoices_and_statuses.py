"""Outbox: invoices as a relation instead of a comma-separated string, and the
statuses of a message that waits for a person ("rejected", "uncertain")

Revision ID: 0005_outbox_invoices_and_statuses
Revises: 0004_messaging_outbox

SQLite cannot change a CHECK constraint or (portably) drop a column, so
``outbox_messages`` is rebuilt with ``batch_alter_table``. The book's connection
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


def _rebuild_messages(change: str, statuses: Sequence[str]) -> None:
    """Rebuild ``outbox_messages`` (``change`` says how) with a new status CHECK."""
    op.execute(
        f"CREATE TEMPORARY TABLE _outbox_attachments_saved AS "
        f"SELECT {_ATTACHMENT_COLUMNS} FROM outbox_attachments"
    )
    op.execute("DELETE FROM outbox_attachments")
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_outbox_messages_status_known"), type_="check")
        if change == "drop invoice_ids":
            batch_op.drop_column("invoice_ids")
        else:
            batch_op.add_column(
                sa.Column("invoice_ids", sa.Text(), nullable=False, server_default="")
            )
        batch_op.create_check_constraint(
            op.f("ck_outbox_messages_status_known"), _status_check(statuses)
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

    _rebuild_messages("drop invoice_ids", NEW_STATUSES)

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
    _rebuild_messages("add invoice_ids", OLD_STATUSES)
    for message_id, ids in joined.items():
        connection.execute(
            sa.text("UPDATE outbox_messages SET invoice_ids = :ids WHERE id = :id"),
            {"ids": ",".join(ids), "id": message_id},
        )
