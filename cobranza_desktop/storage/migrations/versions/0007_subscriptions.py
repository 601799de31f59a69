"""Subscriptions: recurring services, price changes, pauses, billed periods (the
billing run's natural key) and prepayments

Revision ID: 0007_subscriptions
Revises: 0006_imports
Create Date: 2026-12-01 20:28:38.265257
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007_subscriptions'
down_revision: str | None = '0006_imports'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('subscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('price', sa.String(length=40), nullable=False),
    sa.Column('tax_rate_percent', sa.String(length=40), nullable=False),
    sa.Column('discount_percent', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=12), nullable=False),
    sa.Column('billing_day', sa.Integer(), nullable=False),
    sa.Column('payment_terms_days', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('prorate', sa.Boolean(), nullable=False),
    sa.Column('while_suspended', sa.String(length=4), nullable=False),
    sa.Column('auto_apply_credit', sa.Boolean(), nullable=False),
    sa.Column('reconnection_fee', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('cancelled_on', sa.Date(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('active', 'cancelled')", name=op.f('ck_subscriptions_status_known')),
    sa.CheckConstraint("while_suspended IN ('bill', 'stop')", name=op.f('ck_subscriptions_while_suspended_known')),
    sa.CheckConstraint('billing_day BETWEEN 1 AND 31', name=op.f('ck_subscriptions_billing_day_range')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_subscriptions_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscriptions'))
    )
    with op.batch_alter_table('subscriptions', schema=None) as batch_op:
        batch_op.create_index('ix_subscriptions_customer', ['customer_id', 'status'], unique=False)
        batch_op.create_index('ix_subscriptions_status', ['status'], unique=False)

    op.create_table('subscription_pauses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscriptions.id'], name=op.f('fk_subscription_pauses_subscription_id_subscriptions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscription_pauses'))
    )
    with op.batch_alter_table('subscription_pauses', schema=None) as batch_op:
        batch_op.create_index('ix_subscription_pauses_subscription', ['subscription_id'], unique=False)

    op.create_table('subscription_periods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('billing_date', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=8), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=True),
    sa.Column('run_date', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("outcome IN ('billed', 'paused', 'skipped')", name=op.f('ck_subscription_periods_outcome_known')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_subscription_periods_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscriptions.id'], name=op.f('fk_subscription_periods_subscription_id_subscriptions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscription_periods')),
    sa.UniqueConstraint('subscription_id', 'period_start', name='uq_subscription_period_start')
    )
    with op.batch_alter_table('subscription_periods', schema=None) as batch_op:
        batch_op.create_index('ix_subscription_periods_invoice', ['invoice_id'], unique=False)

    op.create_table('subscription_prepayments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.Integer(), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('first_period_start', sa.Date(), nullable=False),
    sa.Column('last_period_start', sa.Date(), nullable=False),
    sa.Column('normal_cents', sa.Integer(), nullable=False),
    sa.Column('total_cents', sa.Integer(), nullable=False),
    sa.Column('discount_percent', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('active', 'ended')", name=op.f('ck_subscription_prepayments_status_known')),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'], name=op.f('fk_subscription_prepayments_payment_id_payments')),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscriptions.id'], name=op.f('fk_subscription_prepayments_subscription_id_subscriptions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscription_prepayments'))
    )
    with op.batch_alter_table('subscription_prepayments', schema=None) as batch_op:
        batch_op.create_index('ix_subscription_prepayments_payment', ['payment_id'], unique=False)
        batch_op.create_index('ix_subscription_prepayments_subscription', ['subscription_id', 'status'], unique=False)

    op.create_table('subscription_price_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('price', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscriptions.id'], name=op.f('fk_subscription_price_changes_subscription_id_subscriptions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscription_price_changes')),
    sa.UniqueConstraint('subscription_id', 'effective_from', name='uq_subscription_price_from')
    )


def downgrade() -> None:
    op.drop_table('subscription_price_changes')
    with op.batch_alter_table('subscription_prepayments', schema=None) as batch_op:
        batch_op.drop_index('ix_subscription_prepayments_subscription')
        batch_op.drop_index('ix_subscription_prepayments_payment')

    op.drop_table('subscription_prepayments')
    with op.batch_alter_table('subscription_periods', schema=None) as batch_op:
        batch_op.drop_index('ix_subscription_periods_invoice')

    op.drop_table('subscription_periods')
    with op.batch_alter_table('subscription_pauses', schema=None) as batch_op:
        batch_op.drop_index('ix_subscription_pauses_subscription')

    op.drop_table('subscription_pauses')
    with op.batch_alter_table('subscriptions', schema=None) as batch_op:
        batch_op.drop_index('ix_subscriptions_status')
        batch_op.drop_index('ix_subscriptions_customer')

    op.drop_table('subscriptions')
