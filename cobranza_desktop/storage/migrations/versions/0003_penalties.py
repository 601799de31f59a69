"""Penalties: customer policies, late charges, incentive grants

Revision ID: 0003_penalties
Revises: 0002_collections
Create Date: 2026-11-22 10:54:38
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003_penalties'
down_revision: str | None = '0002_collections'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('customer_penalty_policies',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('policy_json', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_penalty_policies_customer_id_customers')),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_customer_penalty_policies'))
    )
    op.create_table('incentive_grants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('granted_on', sa.Date(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('trigger_payment_id', sa.Integer(), nullable=True),
    sa.Column('discount_payment_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('void_reason', sa.Text(), nullable=False),
    sa.CheckConstraint('amount_cents > 0', name=op.f('ck_incentive_grants_amount_positive')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_incentive_grants_customer_id_customers')),
    sa.ForeignKeyConstraint(['discount_payment_id'], ['payments.id'], name=op.f('fk_incentive_grants_discount_payment_id_payments')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_incentive_grants_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['trigger_payment_id'], ['payments.id'], name=op.f('fk_incentive_grants_trigger_payment_id_payments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incentive_grants')),
    sa.UniqueConstraint('invoice_id', 'kind', name='uq_incentive_grants_invoice_kind')
    )
    with op.batch_alter_table('incentive_grants', schema=None) as batch_op:
        batch_op.create_index('ix_incentive_grants_customer', ['customer_id', 'granted_on'], unique=False)

    op.create_table('penalty_charges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('charge_invoice_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('charge_key', sa.String(length=40), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('base_cents', sa.Integer(), nullable=False),
    sa.Column('fixed_fee_cents', sa.Integer(), nullable=False),
    sa.Column('percent_fee', sa.String(length=40), nullable=False),
    sa.Column('annual_rate_percent', sa.String(length=40), nullable=False),
    sa.Column('day_basis', sa.Integer(), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('breakdown_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('waived_at', sa.DateTime(), nullable=True),
    sa.Column('waive_reason', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('fee', 'interest')", name=op.f('ck_penalty_charges_kind_known')),
    sa.CheckConstraint('amount_cents > 0', name=op.f('ck_penalty_charges_amount_positive')),
    sa.CheckConstraint('period_start <= period_end', name=op.f('ck_penalty_charges_period_ordered')),
    sa.ForeignKeyConstraint(['charge_invoice_id'], ['invoices.id'], name=op.f('fk_penalty_charges_charge_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_penalty_charges_customer_id_customers')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_penalty_charges_invoice_id_invoices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_penalty_charges')),
    sa.UniqueConstraint('invoice_id', 'charge_key', name='uq_penalty_charges_invoice_key')
    )
    with op.batch_alter_table('penalty_charges', schema=None) as batch_op:
        batch_op.create_index('ix_penalty_charges_customer', ['customer_id', 'as_of'], unique=False)
        batch_op.create_index('ix_penalty_charges_document', ['charge_invoice_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('penalty_charges', schema=None) as batch_op:
        batch_op.drop_index('ix_penalty_charges_document')
        batch_op.drop_index('ix_penalty_charges_customer')

    op.drop_table('penalty_charges')
    with op.batch_alter_table('incentive_grants', schema=None) as batch_op:
        batch_op.drop_index('ix_incentive_grants_customer')

    op.drop_table('incentive_grants')
    op.drop_table('customer_penalty_policies')
