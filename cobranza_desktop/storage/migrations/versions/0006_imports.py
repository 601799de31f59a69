"""Imports: batches, CFDI documents by UUID, pending CFDI allocations, and the columns
imported documents need (external number, disputed flag, currency, REP link)

Revision ID: 0006_imports
Revises: 0005_outbox_invoices_and_statuses
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobranza_desktop.storage.models.base import DecimalText

revision: str = "0006_imports"
down_revision: str | None = "0005_outbox_invoices_and_statuses"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT_DEFAULT = sa.text("''")


def upgrade() -> None:
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undo_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    # Columns are added in place (no table rebuild): a big book migrates in a moment.
    for name, column in [
        ("tax_regime", sa.String(length=3)),
        ("postal_code", sa.String(length=5)),
    ]:
        op.add_column(
            "customers", sa.Column(name, column, nullable=False, server_default=_TEXT_DEFAULT)
        )
    op.add_column(
        "invoices",
        sa.Column("external_number", sa.String(60), nullable=False, server_default=_TEXT_DEFAULT),
    )
    op.add_column(
        "invoices",
        sa.Column("disputed", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "invoices",
        sa.Column("currency", sa.String(3), nullable=False, server_default=_TEXT_DEFAULT),
    )
    op.add_column("invoices", sa.Column("exchange_rate", DecimalText(), nullable=True))
    op.add_column(
        "invoices",
        sa.Column("sat_payment_form", sa.String(2), nullable=False, server_default=_TEXT_DEFAULT),
    )
    op.add_column(
        "invoices",
        sa.Column(
            "withheld_tax_cents", sa.Integer(), nullable=False, server_default=sa.text("0")
        ),
    )
    op.add_column("invoices", sa.Column("import_batch_id", sa.Integer(), nullable=True))
    op.create_index("ix_invoices_external_number", "invoices", ["external_number"])
    op.create_index("ix_invoices_cfdi_uuid", "invoices", ["cfdi_uuid"])
    op.add_column(
        "payments",
        sa.Column("rep_uuid", sa.String(36), nullable=False, server_default=_TEXT_DEFAULT),
    )
    op.add_column("payments", sa.Column("import_batch_id", sa.Integer(), nullable=True))
    op.create_index("ix_payments_rep_uuid", "payments", ["rep_uuid"])
    op.create_table(
        "cfdi_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("doc_type", sa.String(length=1), nullable=False),
        sa.Column("version", sa.String(length=5), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("issuer_rfc", sa.String(length=13), nullable=False),
        sa.Column("receiver_rfc", sa.String(length=13), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["import_batches.id"],
            name=op.f("fk_cfdi_documents_batch_id_import_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_cfdi_documents_invoice_id_invoices")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_cfdi_documents_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cfdi_documents")),
        sa.UniqueConstraint("uuid", name=op.f("uq_cfdi_documents_uuid")),
    )
    op.create_index("ix_cfdi_documents_invoice", "cfdi_documents", ["invoice_id"])
    op.create_table(
        "cfdi_pending_allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("related_uuid", sa.String(length=36), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("balance_before_cents", sa.Integer(), nullable=True),
        sa.Column("instalment", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("settled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"],
            name=op.f("fk_cfdi_pending_allocations_payment_id_payments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cfdi_pending_allocations")),
    )
    op.create_index(
        "ix_cfdi_pending_related", "cfdi_pending_allocations", ["related_uuid", "settled"]
    )


def downgrade() -> None:
    op.drop_index("ix_cfdi_pending_related", table_name="cfdi_pending_allocations")
    op.drop_table("cfdi_pending_allocations")
    op.drop_index("ix_cfdi_documents_invoice", table_name="cfdi_documents")
    op.drop_table("cfdi_documents")
    op.drop_index("ix_payments_rep_uuid", table_name="payments")
    op.drop_column("payments", "import_batch_id")
    op.drop_column("payments", "rep_uuid")
    op.drop_index("ix_invoices_cfdi_uuid", table_name="invoices")
    op.drop_index("ix_invoices_external_number", table_name="invoices")
    for name in [
        "import_batch_id", "withheld_tax_cents", "sat_payment_form", "exchange_rate",
        "currency", "disputed", "external_number",
    ]:
        op.drop_column("invoices", name)
    op.drop_column("customers", "postal_code")
    op.drop_column("customers", "tax_regime")
    op.drop_table("import_batches")
