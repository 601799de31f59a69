"""The SQL figures agree with a plain-Python computation over random small books."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.analytics.indicators import IndicatorsService
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.storage.models.core import Allocation, Customer, Invoice, Payment

AS_OF = date(2026, 6, 15)
STAMP = datetime(2026, 1, 1, 9)


@dataclass(frozen=True)
class Inv:
    customer: int
    issue: date
    due: date
    cents: int
    kind: str
    voided: bool


@dataclass(frozen=True)
class Pay:
    invoice: int
    day: date
    cents: int
    method: str


invoices_st = st.lists(
    st.builds(
        lambda c, back, terms, cents, late, voided: Inv(
            c,
            AS_OF - timedelta(days=back),
            AS_OF - timedelta(days=back) + timedelta(days=terms),
            cents,
            "late_charge" if late else "invoice",
            voided,
        ),
        st.integers(1, 3),
        st.integers(0, 240),
        st.integers(0, 60),
        st.integers(1, 500_000),
        st.booleans() | st.just(False),
        st.integers(0, 9).map(lambda n: n == 0),
    ),
    min_size=1,
    max_size=12,
)


@st.composite
def books(draw: st.DrawFn) -> tuple[list[Inv], list[Pay]]:
    invoices = draw(invoices_st)
    payments: list[Pay] = []
    paid = [0] * len(invoices)
    for _ in range(draw(st.integers(0, 12))):
        index = draw(st.integers(0, len(invoices) - 1))
        inv = invoices[index]
        left = inv.cents - paid[index]
        if inv.voided or left <= 0:
            continue
        cents = draw(st.integers(1, left))
        day = inv.issue + timedelta(days=draw(st.integers(0, 150)))
        method = draw(st.sampled_from(["cash", "transfer", "card", "discount"]))
        paid[index] += cents
        payments.append(Pay(index, day, cents, method))
    return invoices, payments


def _write(book: Book, invoices: list[Inv], payments: list[Pay]) -> None:
    with book.transaction() as s:
        for n in (1, 2, 3):
            s.add(Customer(id=n, name=f"Cliente {n}", name_key=f"cliente {n}", created_at=STAMP))
        rows = []
        for i, inv in enumerate(invoices):
            row = Invoice(
                id=i + 1,
                customer_id=inv.customer,
                kind=inv.kind,
                series="A",
                folio=i + 1,
                lifecycle="voided" if inv.voided else "issued",
                issue_date=inv.issue,
                due_date=inv.due,
                subtotal_cents=inv.cents,
                total_cents=inv.cents,
                paid_cents=0,
                created_at=STAMP,
            )
            rows.append(row)
            s.add(row)
        s.flush()
        for j, pay in enumerate(payments):
            inv = invoices[pay.invoice]
            s.add(
                Payment(
                    id=j + 1,
                    customer_id=inv.customer,
                    payment_date=pay.day,
                    amount_cents=pay.cents,
                    allocated_cents=pay.cents,
                    method=pay.method,
                    created_at=STAMP,
                )
            )
            s.flush()
            s.add(
                Allocation(
                    payment_id=j + 1,
                    invoice_id=pay.invoice + 1,
                    amount_cents=pay.cents,
                    created_at=STAMP,
                )
            )
            rows[pay.invoice].paid_cents += pay.cents


def _balance(invoices: list[Inv], payments: list[Pay], day: date) -> tuple[int, int, int]:
    """(receivables, current, overdue) as of ``day``, by the definitions, in cents."""
    total = current = 0
    for i, inv in enumerate(invoices):
        if inv.voided or inv.issue > day:
            continue
        owed = inv.cents - sum(p.cents for p in payments if p.invoice == i and p.day <= day)
        total += owed
        if inv.due >= day:
            current += owed
    return total, current, total - current


def _q(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), ROUND_HALF_UP)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(books())
def test_sql_figures_match_plain_python(book_data: tuple[list[Inv], list[Pay]]) -> None:
    invoices, payments = book_data
    with tempfile.TemporaryDirectory() as folder:
        book = open_book(Path(folder) / "libro.sqlite", create=True)
        try:
            _write(book, invoices, payments)
            view = IndicatorsService(book, FixedClock.on(AS_OF)).compute(AS_OF)
        finally:
            book.close()

    total, _, overdue = _balance(invoices, payments, AS_OF)
    assert view.receivables == Decimal(total) / 100
    assert view.overdue == Decimal(overdue) / 100

    def is_sale(inv: Inv) -> bool:
        return inv.kind == "invoice" and not inv.voided

    start = AS_OF - timedelta(days=89)
    sales = sum(inv.cents for inv in invoices if is_sale(inv) and start <= inv.issue <= AS_OF)
    expected_dso = _q(Decimal(total) * 90 / sales, "0.1") if sales else None
    assert view.dso_standard == expected_dso

    # CEI of the as-of month: opening at the previous month's end, closing at the date.
    first = AS_OF.replace(day=1)
    opening, _, _ = _balance(invoices, payments, first - timedelta(days=1))
    closing, closing_current, _ = _balance(invoices, payments, AS_OF)
    month_sales = sum(inv.cents for inv in invoices if is_sale(inv) and first <= inv.issue)
    collectible = opening + month_sales - closing_current
    expected_cei = (
        _q(Decimal(opening + month_sales - closing) / collectible, "0.0001")
        if collectible > 0
        else None
    )
    assert view.cei[-1].value == expected_cei

    # Money received this month (discounts are not money), and the weighted days late.
    money = [p for p in payments if p.method != "discount" and p.day <= AS_OF]
    this_month = sum(p.cents for p in money if p.day >= first)
    assert view.collected_by_month[-1].amount == Decimal(this_month) / 100
    recent = [
        p
        for p in money
        if p.day >= AS_OF - timedelta(days=89) and invoices[p.invoice].kind == "invoice"
    ]
    weight = sum(p.cents for p in recent)
    late = sum(p.cents * max(0, (p.day - invoices[p.invoice].due).days) for p in recent)
    expected_late = _q(Decimal(late) / weight, "0.1") if weight else None
    assert view.averages.days_late == expected_late
