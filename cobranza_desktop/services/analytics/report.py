"""The monthly collection report as a PDF: the indicators of a month, as of its last day."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from babel.numbers import format_percent as format_share

from cobranza_desktop.documents.data import BusinessInfo
from cobranza_desktop.documents.monthly_report import (
    MonthlyReportData,
    ReportCard,
    ReportDebtor,
    ReportWeek,
    render_monthly_report,
)
from cobranza_desktop.domain import indicators as ind
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _, locale_for
from cobranza_desktop.services.analytics.indicators import Card, Indicators, indicators_in
from cobranza_desktop.services.documents.printing import business_info
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.core import BusinessProfile

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value: str, today: date) -> date:
    """The last day of "YYYY-MM" to report on (today for the month under way)."""
    match = MONTH_PATTERN.match(value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise ValidationError("month", _("«{value}» no es un mes AAAA-MM.").format(value=value))
    first = date(int(match.group(1)), int(match.group(2)), 1)
    if first > today:
        raise ValidationError("month", _("El mes aún no empieza."))
    return min(ind.month_end(first), today)


def _percent(fraction: Decimal) -> str:
    """A share as a percentage with one decimal, the same for every row."""
    return format_share(fraction, format="#,##0.0%", locale=locale_for())


def _value(card: Card, value: Decimal | None, currency: str) -> str:
    if value is None:
        return "—"
    if card.unit == "money":
        return format_money(value, currency)
    if card.unit == "share":
        return _percent(value)
    return _("{value} días").format(value=value)


def report_data(view: Indicators, business: BusinessInfo, month: str) -> MonthlyReportData:
    cur = view.currency
    collected = {c.month: c.amount for c in view.collected_by_month}
    months = tuple(m.month for m in view.sales_by_month)
    return MonthlyReportData(
        business=business,
        month=month,
        as_of=view.as_of,
        currency=cur,
        cards=tuple(
            ReportCard(c.label, _value(c, c.value, cur), _value(c, c.previous, cur), c.definition)
            for c in view.cards
        ),
        months=months,
        sales=tuple(m.value or Decimal(0) for m in view.sales_by_month),
        collected=tuple(collected.get(m, Decimal(0)) for m in months),
        dso=tuple(m.value for m in view.dso_by_month),
        cei=tuple("—" if m.value is None else _percent(m.value) for m in view.cei),
        forecast=tuple(ReportWeek(w.week_start, w.low, w.expected, w.high) for w in view.forecast),
        forecast_method=view.forecast_method,
        debtors=tuple(
            ReportDebtor(
                d.name,
                d.balance,
                d.overdue,
                "—" if d.avg_days_late is None else str(d.avg_days_late),
            )
            for d in view.top_debtors
        ),
        notes=(
            _("Promesas cumplidas: {kept} de {kept2}.").format(
                kept=view.promises.kept, kept2=view.promises.kept + view.promises.broken
            ),
        ),
    )


class MonthlyReportService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def data(self, month: str) -> MonthlyReportData:
        as_of = parse_month(month, self._clock.today())
        with self._book.session() as session:
            view = indicators_in(session, as_of)
            profile = session.get(BusinessProfile, 1) or BusinessProfile(id=1, name="")
            business = business_info(profile)
        return report_data(view, business, month.strip())

    def pdf(self, month: str) -> bytes:
        return render_monthly_report(self.data(month))
