"""Each indicator on tiny books whose answers are worked out by hand in the comments."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.analytics.figures import customer_averages
from cobranza_desktop.services.analytics.indicators import IndicatorsService, indicators_in
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.collections.promises import PromiseService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests import factories

AS_OF = date(2026, 11, 20)


def _pay(ws: Workspace, customer_id: int, amount: str, day: date, method: str = "cash") -> None:
    ws.payments.record(PaymentInput(customer_id, amount, day, method))


@pytest.fixture
def small_book(ws: Workspace) -> Workspace:
    """One customer, no tax, so every figure can be worked by hand:

    inv1 1,000 issued 08-01 due 08-31, paid 09-10 in cash      (40 days to pay, 10 late)
    inv2 2,000 issued 09-15 due 10-15, 500 paid 10-20 transfer (35 days to pay, 5 late)
    inv3   500 issued 11-10 due 12-10
    a voided invoice of 700 issued 10-01 (no sale, no receivable)
    300 paid 11-21 by transfer: after the as-of date (11-20), so it does not count.
    """
    c = factories.customer(ws, "Ferretería López")
    factories.invoice(ws, c.id, "1000.00", date(2026, 8, 1), date(2026, 8, 31), tax="0")
    factories.invoice(ws, c.id, "2000.00", date(2026, 9, 15), date(2026, 10, 15), tax="0")
    factories.invoice(ws, c.id, "500.00", date(2026, 11, 10), date(2026, 12, 10), tax="0")
    voided = factories.invoice(ws, c.id, "700.00", date(2026, 10, 1), date(2026, 10, 31), tax="0")
    ws.invoices.void(voided.id, "capturada dos veces")
    _pay(ws, c.id, "1000.00", date(2026, 9, 10))
    _pay(ws, c.id, "500.00", date(2026, 10, 20), "transfer")
    _pay(ws, c.id, "300.00", date(2026, 11, 21), "transfer")
    return ws


def _view(ws: Workspace, as_of: date = AS_OF):  # type: ignore[no-untyped-def]
    return IndicatorsService(ws.book, ws.clock).compute(as_of)


def test_receivables_and_shares_are_the_aging_as_of_the_date(small_book: Workspace) -> None:
    view = _view(small_book)
    # inv2 owes 1,500 (the 11-21 payment is later), inv3 500: 2,000; the aging agrees.
    assert view.receivables == Decimal("2000.00")
    assert view.receivables == small_book.aging.report(AS_OF).total
    # Overdue: inv2 (due 10-15, 36 days late) 1,500 / 2,000; nothing over 90 days.
    assert view.overdue_share == Decimal("0.7500")
    assert view.at_risk_share == Decimal("0.0000")


def test_dso_standard_and_countback(small_book: Workspace) -> None:
    view = _view(small_book)
    # Sales 08-23..11-20: inv2 2,000 + inv3 500 = 2,500. 2,000 / 2,500 x 90 = 72.0.
    assert view.dso_standard == Decimal("72.0")
    # Countback: November's 20 days sold 500 (1,500 left), October's 31 sold nothing
    # (51 days), September sold 2,000 of which 1,500 is needed: 1,500/2,000 x 30 = 22.5.
    assert view.dso_countback == Decimal("73.5")
    assert view.window_days == 90


def test_cei_per_month(small_book: Workspace) -> None:
    cei = {m.month: m.value for m in _view(small_book).cei}
    # September: opening 1,000 (inv1, due 08-31 so still current at 08-31), sales 2,000,
    # closing 2,000 all current (inv2 due 10-15): (1000+2000-2000)/(3000-2000) = 1.
    assert cei["2026-09"] == Decimal("1.0000")
    # October: opening 2,000, no sales, closing 1,500 of which nothing current:
    # (2000-1500)/2000 = 0.25.
    assert cei["2026-10"] == Decimal("0.2500")
    # November to the 20th: opening 1,500, sales 500, closing 2,000, current 500 (inv3):
    # (1500+500-2000)/(1500+500-500) = 0.
    assert cei["2026-11"] == Decimal("0.0000")
    # Before any sale there is nothing to collect: no figure.
    assert cei["2025-12"] is None


def test_days_to_pay_and_days_late_with_their_trend(small_book: Workspace) -> None:
    a = _view(small_book).averages
    # (1000 x 40 + 500 x 35) / 1500 = 38.33; late (1000 x 10 + 500 x 5) / 1500 = 8.33.
    assert a.days_to_pay == Decimal("38.3")
    assert a.days_late == Decimal("8.3")
    # The 90 days before (05-25..08-22) saw no payment.
    assert a.days_to_pay_previous is None
    assert a.days_late_previous is None
    # Per customer, the same figures.
    customer = _view(small_book).top_debtors[0]
    assert customer.avg_days_late == Decimal("8.3")
    assert customer.balance == Decimal("2000.00")
    assert customer.overdue == Decimal("1500.00")


def test_collected_per_month_by_method_and_on_time(small_book: Workspace) -> None:
    view = _view(small_book)
    months = {c.month: c for c in view.collected_by_month}
    assert len(view.collected_by_month) == 24
    assert view.collected_by_month[-1].month == "2026-11"
    assert months["2026-09"].amount == Decimal("1000.00")
    assert months["2026-09"].by_method == (("cash", Decimal("1000.00")),)
    assert months["2026-10"].by_method == (("transfer", Decimal("500.00")),)
    # Both payments came after their due dates: nothing on time.
    assert months["2026-10"].on_time_share == Decimal("0.0000")
    # The 11-21 payment is after the date.
    assert months["2026-11"].amount == Decimal("0.00")
    # As of the 21st it counts.
    later = _view(small_book, date(2026, 11, 21))
    assert later.collected_by_month[-1].amount == Decimal("300.00")
    assert later.receivables == Decimal("1700.00")


def test_the_collected_card_sets_the_month_so_far_against_the_same_days_before(
    small_book: Workspace,
) -> None:
    def card(as_of: date) -> tuple[Decimal | None, Decimal | None]:
        found = {c.key: c for c in _view(small_book, as_of).cards}["collected"]
        return found.value, found.previous

    # As of 11-20: November so far 0, against October 1-20, which holds the 500 of 10-20.
    assert card(AS_OF) == (Decimal("0.00"), Decimal("500.00"))
    # As of 11-19, October 1-19 received nothing; the whole of October (500) would have
    # read as a fall of 100 %.
    assert card(date(2026, 11, 19)) == (Decimal("0.00"), Decimal("0.00"))
    # A month end sets the whole month against the whole month before: October's 500
    # against September's 1,000.
    assert card(date(2026, 10, 31)) == (Decimal("500.00"), Decimal("1000.00"))


def test_a_date_after_today_is_refused(small_book: Workspace) -> None:
    with pytest.raises(ValidationError) as error:
        _view(small_book, date(2026, 11, 23))
    assert error.value.field == "as_of"


def test_promises_kept_and_reminder_effectiveness(ws: Workspace) -> None:
    c = factories.customer(ws, "Taller Ruiz")
    factories.invoice(ws, c.id, "1000.00", date(2026, 10, 1), date(2026, 10, 31), tax="0")
    # Promise of 400 given 11-01 for 11-10; 400 paid 11-05: kept.
    PromiseService(ws.book, FixedClock.on(date(2026, 11, 1))).add(
        c.id, "400.00", date(2026, 11, 10)
    )
    # Promise of 300 given 11-12 for 11-15; nothing paid after 11-05: broken by 11-20.
    PromiseService(ws.book, FixedClock.on(date(2026, 11, 12))).add(
        c.id, "300.00", date(2026, 11, 15)
    )
    # WhatsApp on 11-02, paid 11-05: within 7 days (3 days). A call on 11-12: no payment.
    for channel, when in (
        ("whatsapp", datetime(2026, 11, 2, 10)),
        ("phone", datetime(2026, 11, 12, 11)),
    ):
        ws.contacts.log(ContactInput(c.id, channel, "contacted", contacted_at=when))
    _pay(ws, c.id, "400.00", date(2026, 11, 5))
    view = _view(ws)
    p = view.promises
    assert (p.kept, p.broken, p.pending) == (1, 1, 0)
    assert p.kept_share == Decimal("0.5000")
    assert p.promised == Decimal("700.00")
    # 400 towards the first; the second saw nothing paid since 11-12.
    assert p.paid == Decimal("400.00")
    reminders = {r.channel: r for r in view.reminders}
    assert reminders["whatsapp"].contacts == 1
    assert reminders["whatsapp"].share == Decimal("1.0000")
    assert reminders["whatsapp"].median_days == Decimal("3.0")
    assert reminders["phone"].share == Decimal("0.0000")
    assert reminders["phone"].median_days is None


def test_forecast_moves_due_dates_by_the_customers_delay(ws: Workspace) -> None:
    c = factories.customer(ws, "Papelería Soto")
    # History: due 09-30, paid 10-10: ten days late.
    factories.invoice(ws, c.id, "1000.00", date(2026, 9, 1), date(2026, 9, 30), tax="0")
    _pay(ws, c.id, "1000.00", date(2026, 10, 10))
    # Open: 600 due 11-30, so expected 12-10, 20 days after 11-20: week 2 (12-05..12-11).
    factories.invoice(ws, c.id, "600.00", date(2026, 11, 1), date(2026, 11, 30), tax="0")
    forecast = _view(ws).forecast
    assert len(forecast) == 8
    assert forecast[0].week_start == date(2026, 11, 21)
    assert forecast[2].week_start == date(2026, 12, 5)
    assert [w.expected for w in forecast] == [Decimal("0.00")] * 2 + [Decimal("600.00")] + [
        Decimal("0.00")
    ] * 5
    # No promises ever: the kept rate is 1, so the range collapses on the expected.
    assert forecast[2].low == forecast[2].high == Decimal("600.00")


def test_backtest_compares_with_what_came_in(ws: Workspace) -> None:
    c = factories.customer(ws, "Papelería Soto")
    # Due 11-10, nothing known about the customer: the book's delay is 0, so the forecast
    # made on 11-06 expects it in the week 11-07..11-13; it came in on 11-12.
    factories.invoice(ws, c.id, "800.00", date(2026, 10, 11), date(2026, 11, 10), tax="0")
    _pay(ws, c.id, "800.00", date(2026, 11, 12))
    backtest = IndicatorsService(ws.book, ws.clock).backtest(date(2026, 11, 20))
    assert len(backtest.weeks) == 12
    week = next(w for w in backtest.weeks if w.week_start == date(2026, 11, 7))
    assert week.actual == Decimal("800.00")
    assert week.forecast == Decimal("800.00")
    assert backtest.mean_absolute_error == Decimal("0.00")


def test_month_end_positions_are_the_aging_totals(small_book: Workspace) -> None:
    from cobranza_desktop.services.analytics.figures import book_position, position

    days = [date(2026, 7, 31), date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31), AS_OF]
    owed = 0
    for day in days:
        report = small_book.aging.report(day)
        with small_book.book.session() as session:
            whole, fast = position(session, day), book_position(session, day)
        assert whole.total_cents == fast.total_cents == int(report.total * 100)
        assert whole.current_cents == fast.current_cents
        assert whole.at_risk_cents == fast.at_risk_cents
        owed += 1 if fast.total_cents else 0
    # Something was owed at most of those dates, so the comparison says something.
    assert owed >= 3


def test_the_two_halves_read_at_once_give_what_one_session_reads(small_book: Workspace) -> None:
    """The service reads its two halves on two connections; the monthly report reads them
    in its own session, one after the other. Both are the same figures."""
    for as_of in (AS_OF, date(2026, 9, 30)):
        at_once = IndicatorsService(small_book.book, small_book.clock).compute(
            as_of, with_backtest=True
        )
        with small_book.book.session() as session:
            serial = indicators_in(session, as_of, with_backtest=True)
        assert at_once.to_json() == serial.to_json()
        assert at_once.receivables > 0


def test_top_debtors_days_late_when_more_customers_owe_than_are_shown(ws: Workspace) -> None:
    """Twelve debtors: customer k was billed (k + 1) x 1,000 due 09-30 and paid 100 of it
    on 10-(1 + k), k + 1 days late. Only the ten largest (k = 11 down to 2) are shown,
    each with its own k + 1 days late; the days are read for them alone and must not mix
    in the other customers'."""
    for k in range(12):
        c = factories.customer(ws, f"Cliente {k:02d}")
        factories.invoice(ws, c.id, f"{k + 1}000.00", date(2026, 9, 1), date(2026, 9, 30), tax="0")
        _pay(ws, c.id, "100.00", date(2026, 10, 1 + k))
    debtors = _view(ws).top_debtors
    assert [d.name for d in debtors] == [f"Cliente {k:02d}" for k in range(11, 1, -1)]
    assert [d.avg_days_late for d in debtors] == [Decimal(k + 1) for k in range(11, 1, -1)]
    with ws.book.session() as session:
        everyone = customer_averages(session, AS_OF)
        some = customer_averages(session, AS_OF, [d.customer_id for d in debtors[:3]])
    assert len(everyone) == 12
    assert some == {d.customer_id: everyone[d.customer_id] for d in debtors[:3]}
