"""Booking spreadsheet rows of subscriptions (a gym's members with their plans).

Columns: customer (RFC or name), description, price, VAT rate (16 or 0), period
(mensual, bimestral, trimestral, semestral, anual, or the English names), billing day,
start and optionally end. Each row is added through ``add_subscription``, the same rule
the window's dialog uses; a row that does not pass is a problem, and nothing is written.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.subscriptions import BillingPeriod
from cobranza_desktop.domain.text import search_key
from cobranza_desktop.imports.problems import Problem
from cobranza_desktop.imports.tables import Cell
from cobranza_desktop.imports.values import CellError
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, add_subscription
from cobranza_desktop.services.imports.sheet_rows import SheetRun
from cobranza_desktop.storage.models.subscriptions import Subscription

PERIODS: dict[str, BillingPeriod] = {
    "mensual": BillingPeriod.MONTHLY,
    "mes": BillingPeriod.MONTHLY,
    "monthly": BillingPeriod.MONTHLY,
    "month": BillingPeriod.MONTHLY,
    "bimestral": BillingPeriod.BIMONTHLY,
    "bimonthly": BillingPeriod.BIMONTHLY,
    "trimestral": BillingPeriod.QUARTERLY,
    "quarterly": BillingPeriod.QUARTERLY,
    "semestral": BillingPeriod.SEMIANNUAL,
    "semiannual": BillingPeriod.SEMIANNUAL,
    "semi-annual": BillingPeriod.SEMIANNUAL,
    "anual": BillingPeriod.ANNUAL,
    "annual": BillingPeriod.ANNUAL,
    "yearly": BillingPeriod.ANNUAL,
}
# The service's field names -> the import's, so a problem names the file's column.
_FIELDS = {
    "description": "description",
    "price": "price",
    "tax_rate_percent": "tax_rate",
    "period": "period",
    "billing_day": "billing_day",
    "start_date": "start",
    "end_date": "end",
}


def _period(text: str) -> BillingPeriod | None:
    return PERIODS.get(search_key(text).strip())


def _known(run: SheetRun) -> set[tuple[int, str, date]]:
    """(customer, description, start) of the subscriptions in the book: a file imported
    twice adds nothing."""
    cached: set[tuple[int, str, date]] | None = getattr(run, "_subscriptions_known", None)
    if cached is None:
        rows = run.session.execute(
            select(Subscription.customer_id, Subscription.description, Subscription.start_date)
        )
        cached = {(cid, search_key(d), start) for cid, d, start in rows}
        run._subscriptions_known = cached  # type: ignore[attr-defined]
    return cached


def _whole_day(text: str) -> int | None:
    """The billing day of a cell: a whole number (a sheet's 15.0 is the 15th); None for
    anything else, never truncated (1.5 is not the 1st) nor an error (NaN, infinity)."""
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None
    if not value.is_finite() or value != value.to_integral_value():
        return None
    return int(value)


def subscription_row(run: SheetRun, row: tuple[Cell, ...], number: int) -> None:
    try:
        price = run.amount(row, number, "price")
        tax = run.amount(row, number, "tax_rate")
        start = run.cell(row, "start")
        start_day = run.day(row, number, "start", future=True) if start is not None else None
        end = run.cell(row, "end")
        end_day = run.day(row, number, "end", future=True) if end is not None else None
    except CellError:
        return
    description = run.text(row, "description")
    period = _period(run.text(row, "period"))
    if period is None:
        run.fail(
            number,
            "period",
            _(
                "Periodo desconocido «{period}»: mensual, bimestral, trimestral, semestral o anual."
            ).format(period=run.text(row, "period")),
        )
        return
    day_text = run.text(row, "billing_day")
    billing_day = _whole_day(day_text)
    if billing_day is None:
        run.fail(
            number,
            "billing_day",
            _("El día de cobro «{day}» no es un número entero del 1 al 31.").format(day=day_text),
        )
        return
    if price is None or start_day is None or not description:
        run.fail(number, "price", _("Faltan la descripción, el precio o el inicio."))
        return
    customer = run.customer(row, number)
    if customer is None:
        return
    run.session.flush()  # a customer new in this file needs its id
    key = (customer.id, search_key(description), start_day)
    if key in _known(run):
        run.counts["skipped"] += 1
        run.skipped.append(
            Problem(
                run.where(number),
                _("{customer} ya tiene «{description}» desde esa fecha.").format(
                    customer=customer.name, description=description
                ),
            )
        )
        return
    try:
        add_subscription(
            run.session,
            SubscriptionInput(
                customer_id=customer.id,
                description=description,
                price=price,
                period=period,
                billing_day=billing_day,
                start_date=start_day,
                end_date=end_day,
                tax_rate_percent=tax if tax is not None else Decimal(16),
            ),
            FixedClock(run.now),
        )
    except CobranzaError as exc:
        field = _FIELDS.get(str(getattr(exc, "field", "") or ""))
        run.fail(number, field, exc.message)
        return
    _known(run).add(key)
    run.counts["subscriptions"] = run.counts.get("subscriptions", 0) + 1
