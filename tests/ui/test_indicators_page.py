"""The indicators page on the hand-computed book: cards, a date change, a payment write."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.analytics.indicators import Indicators, IndicatorsService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.ui.pages.indicators_page import IndicatorsPage
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.widgets.forms import to_qdate
from tests.services.analytics.test_indicators import AS_OF, small_book  # noqa: F401


def _page(qtbot: QtBot, ws: Workspace, runner: TaskRunner, clock: FixedClock) -> IndicatorsPage:
    page = IndicatorsPage(IndicatorsService(ws.book, clock), runner, clock)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    return page


def _shown(qtbot: QtBot, page: IndicatorsPage, runner: TaskRunner) -> Indicators:
    runner.wait_idle(30)
    qtbot.waitUntil(lambda: page.indicators is not None and not page.progress.isVisible())
    assert page.indicators is not None
    return page.indicators


def test_cards_show_the_hand_computed_figures(
    qtbot: QtBot,
    small_book: Workspace,  # noqa: F811
    runner: TaskRunner,
    clock: FixedClock,
) -> None:
    page = _page(qtbot, small_book, runner, clock)
    page.as_of.setDate(to_qdate(AS_OF))
    view = _shown(qtbot, page, runner)
    assert view.as_of == AS_OF
    cards = {c.key: w for c, w in zip(view.cards, page.cards, strict=True)}
    # Receivables 2,000 (inv2 1,500 + inv3 500), DSO 72.0 days, 75 % overdue.
    assert cards["receivables"].value.text() == "$2,000.00"
    assert cards["dso_standard"].value.text() == "72.0 días"
    assert cards["overdue_share"].value.text() == "75.0%"
    # Each card explains itself in its tooltip and says how it moved.
    for card, widget in zip(view.cards, page.cards, strict=True):
        assert card.definition in widget.toolTip()
        assert widget.change.text()
    # Charts: collected beside sales, DSO, the forecast's band and expected line.
    assert page.collected_chart.series_count() == 1  # one bar series, two sets
    assert page.dso_chart.series_count() == 1
    assert page.forecast_chart.series_count() == 2
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "Ferretería López"

    # Double-clicking the debtor asks for their file.
    with qtbot.waitSignal(page.customer_requested) as asked:
        page.table.doubleClicked.emit(page.model.index(0, 0))
    assert asked.args == [view.top_debtors[0].customer_id]


def test_a_new_date_recomputes_and_a_payment_refreshes(
    qtbot: QtBot,
    small_book: Workspace,  # noqa: F811
    runner: TaskRunner,
    clock: FixedClock,
) -> None:
    page = _page(qtbot, small_book, runner, clock)
    page.activate()
    today = _shown(qtbot, page, runner)
    # As of today (11-22) the 300 paid 11-21 counts: 1,700 owed.
    assert today.receivables == Decimal("1700.00")
    earlier = date(2026, 9, 30)
    page.as_of.setDate(to_qdate(earlier))
    qtbot.waitUntil(lambda: page.indicators is not None and page.indicators.as_of == earlier)
    runner.wait_idle(30)
    assert page.indicators is not None and page.indicators.receivables == Decimal("2000.00")
    assert page.cards[0].value.text() == "$2,000.00"

    page.as_of.setDate(to_qdate(clock.today()))
    qtbot.waitUntil(lambda: page.indicators is not None and page.indicators.as_of == clock.today())
    customer_id = today.top_debtors[0].customer_id

    def pay(_ctx: object) -> None:
        small_book.payments.record(PaymentInput(customer_id, "200.00", clock.today(), "cash"))

    runner.write(pay, OpChanges.of(Kind.PAYMENTS, customers=[customer_id])).run()
    qtbot.waitUntil(
        lambda: page.indicators is not None and page.indicators.receivables == Decimal("1500.00"),
        timeout=30000,
    )
    assert page.cards[0].value.text() == "$1,500.00"


def test_an_empty_book_says_so(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, clock: FixedClock
) -> None:
    page = _page(qtbot, ws, runner, clock)
    page.activate()
    _shown(qtbot, page, runner)
    assert page.stack.currentWidget() is page.message
    assert "Todavía no hay ventas" in page.message.text()
