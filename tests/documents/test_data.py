from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from cobranza_desktop.documents.data import InstalmentOption
from cobranza_desktop.documents.samples import (
    sample_invoice,
    sample_notice,
    sample_receipt,
    sample_statement,
)


def test_invoice_total_must_add_up() -> None:
    invoice = sample_invoice()
    with pytest.raises(ValueError, match="invoice total"):
        replace(invoice, total=invoice.total + Decimal("0.01"))


def test_amounts_must_be_exact_to_the_cent() -> None:
    invoice = sample_invoice()
    with pytest.raises(ValueError, match="exact"):
        replace(invoice, discount=Decimal("0.001"))


def test_notice_totals_must_add_up() -> None:
    notice = sample_notice()
    with pytest.raises(ValueError, match="new total"):
        replace(notice, new_total=notice.new_total - Decimal("0.01"))
    with pytest.raises(ValueError, match="debt"):
        replace(notice, debt=notice.debt + 1)


def test_statement_closing_balance_must_add_up() -> None:
    statement = sample_statement()
    with pytest.raises(ValueError, match="closing balance"):
        replace(statement, closing_balance=statement.closing_balance + Decimal("0.01"))


def test_receipt_must_add_up() -> None:
    receipt = sample_receipt()
    with pytest.raises(ValueError, match="receipt amount"):
        replace(receipt, unapplied=Decimal("0.00"))


def test_instalments_conserve_every_cent() -> None:
    option = InstalmentOption.compute(3, Decimal("100.00"), Decimal("0.01"))
    assert option.without_penalty == (Decimal("33.34"), Decimal("33.33"), Decimal("33.33"))
    assert option.with_penalty == (Decimal("33.34"), Decimal("33.34"), Decimal("33.33"))
    assert sum(option.with_penalty) == Decimal("100.01")
