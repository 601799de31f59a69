"""Imported USD and MXN invoices, some partly paid by a P in their currency: the book's
MXN totals (aging, the customer balances, the indicators) equal, to the cent, the sum of
the rows converted by the rule of ``domain/currency.py`` (each amount once, half up;
each instalment as a difference of cumulative conversions)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.currency import instalment_book_cents, to_book_cents
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.analytics.indicators import IndicatorsService
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from tests.imports.cfdi_factory import OURS, invoice, payment, uuid_n

rows = st.lists(
    st.tuples(
        st.integers(min_value=100, max_value=10**9),  # total, cents of its currency
        st.one_of(st.none(), st.decimals(min_value=1, max_value=40, places=4)),  # USD rate
        st.integers(min_value=0, max_value=100),  # percent paid by a P
    ),
    min_size=1,
    max_size=6,
)


def _money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=rows)
def test_mxn_totals_are_the_sum_of_converted_rows(
    rows: list[tuple[int, Decimal | None, int]],
) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        xml = folder / "xml"
        xml.mkdir()
        expected = 0
        for n, (total, rate, percent) in enumerate(rows, start=1):
            currency = "USD" if rate is not None else "MXN"
            (xml / f"i{n}.xml").write_bytes(
                invoice(
                    uuid_n(n),
                    total=_money(total),
                    folio=str(n),
                    currency=currency,
                    rate=None if rate is None else str(rate),
                )
            )
            paid = total * percent // 100
            if paid:
                (xml / f"p{n}.xml").write_bytes(
                    payment(
                        uuid_n(100 + n),
                        [
                            (
                                "2026-11-05T00:00:00",
                                _money(paid),
                                [(uuid_n(n), _money(total), _money(paid), _money(total - paid), 1)],
                            )
                        ],
                        currency=currency,
                        rate="1" if rate is None else str(rate + 1),  # the day's rate differs
                    )
                )
            booked_total = to_book_cents(total, rate)
            booked_paid = booked_total if paid == total else instalment_book_cents(0, paid, rate)
            expected += booked_total - booked_paid
        ws = open_workspace(folder / "libro.sqlite", FixedClock.on(date(2026, 11, 22)))
        try:
            profile = ws.business.profile()
            ws.business.update_profile(replace(profile, rfc=OURS, name="Kemper"))
            report = CfdiImportService(ws.book, ws.clock).commit([xml])
            assert report.committed, report.problems
            assert report.total_receivable == from_cents(expected)
            assert ws.aging.report().total == from_cents(expected)
            assert sum(c.balance for c in ws.customers.list_page(limit=10)) == from_cents(expected)
            assert IndicatorsService(ws.book, ws.clock).compute().receivables == from_cents(
                expected
            )
            assert ws.checks.run().ok
        finally:
            ws.close()
