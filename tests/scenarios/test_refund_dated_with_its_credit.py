"""A refund meets aging as of a past day, DSO and the statement: overpaid on 10 June, the
owner records on 12 June a refund dated 5 June. It is refused (the money was not there
on the 5th); dated the 10th it is booked, and no day before shows the customer owing it,
nor the statement returning money before it came in."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.analytics.indicators import IndicatorsService
from cobranza_desktop.services.billing.refunds import RefundService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice
from tests.scenarios.conftest import move_to

PAID = date(2026, 6, 10)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_a_refund_is_never_owed_and_never_precedes_its_money(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    move_to(moving_clock, date(2026, 6, 1))
    ana = customer(ws, "Ana Gómez").id
    invoice(ws, ana, "1000.00", issued=date(2026, 6, 1), due=date(2026, 7, 1), tax="0")
    move_to(moving_clock, PAID)
    ws.payments.record(PaymentInput(ana, "1500.00", PAID))  # 500.00 over
    move_to(moving_clock, date(2026, 6, 12))
    refunds = RefundService(ws.book, ws.clock)

    with pytest.raises(ValidationError) as early:
        refunds.refund(ana, "500.00", "Pagó de más", on=date(2026, 6, 5))
    assert early.value.field == "date" and format_date(PAID) in early.value.message
    assert refunds.list(ana) == []
    done = refunds.refund(ana, "500.00", "Pagó de más", on=PAID)
    assert done.refund_date == PAID

    indicators = IndicatorsService(ws.book, ws.clock)
    for day in _days(date(2026, 6, 5), date(2026, 6, 12)):
        report = ws.aging.report(day, customer_id=ana)
        owed = sum((line.total for line in report.lines), Decimal(0))
        expected = Decimal("1000.00") if day < PAID else Decimal(0)  # the invoice alone
        assert (owed, report.credit_of(ana)) == (expected, Decimal(0)), day
        assert indicators.compute(day).receivables == expected, day

    before = ws.documents.statement_data(ana, date(2026, 6, 1), date(2026, 6, 9))
    assert [e.charge for e in before.entries] == [Decimal("1000.00")]
    assert before.closing_balance == Decimal("1000.00")
    whole = ws.documents.statement_data(ana, date(2026, 6, 1), date(2026, 6, 12))
    running, balances = whole.opening_balance, []
    for entry in whole.entries:
        running += entry.charge - entry.credit
        balances.append(running)
    # Received, then returned: the balance never shows the refund owed before the money.
    assert [e.entry_date for e in whole.entries] == [date(2026, 6, 1), PAID, PAID]
    assert balances == [Decimal("1000.00"), Decimal("-500.00"), Decimal(0)]
    assert whole.entries[-1].reference == done.number
    assert ws.checks.run().ok
