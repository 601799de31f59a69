"""The sums behind the collection indicators, each in one set-based statement.

Receivables as of a date are not computed here: they are the aging report's total
(``storage.queries.aging``), and the forecast reads open balances as of a date from the
same ``open_items_as_of`` definition. As aging does, these sums see the book as it was
on the date: payments dated after it do not count.

Conventions: sales are issued invoices (``kind = 'invoice'``, not late charges, not
voided) by issue date; money received is non-reversed payments other than discounts
(a discount is not money); payment timing is weighted by the amount applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from cobranza_desktop.storage.dialect import (
    dialect_of,
    sql_add_days,
    sql_date,
    sql_day_number,
    sql_days_between,
    sql_fraction,
    sql_greatest,
    sql_least,
    sql_month,
    sql_ordered_join,
    sql_truncate,
)
from cobranza_desktop.storage.queries.aging import open_items_as_of

_MONEY = "p.reversed_at IS NULL AND p.method != 'discount'"


def _rows(session: Session, sql: str, params: dict[str, Any]) -> list[Any]:
    return list(session.execute(text(sql), params).all())


def _customer_filter(column: str, customer_id: int | None, params: dict[str, Any]) -> str:
    if customer_id is None:
        return ""
    params["customer_id"] = customer_id
    return f" AND {column} = :customer_id"


def sales_by_day(
    session: Session, start: date, end: date, customer_id: int | None = None
) -> dict[date, int]:
    """Credit sales per issue day within [start, end], in cents (days without sales absent)."""
    params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
    where = _customer_filter("customer_id", customer_id, params)
    rows = _rows(
        session,
        f"""SELECT issue_date, SUM(total_cents) FROM invoices
        WHERE issue_date >= :start AND issue_date <= :end
          AND kind = 'invoice' AND lifecycle = 'issued'{where}
        GROUP BY issue_date""",
        params,
    )
    return {_day(day): int(cents) for day, cents in rows}


def sales_between(session: Session, start: date, end: date, customer_id: int | None = None) -> int:
    """Credit sales issued within [start, end], in cents."""
    params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
    where = _customer_filter("customer_id", customer_id, params)
    value = session.execute(
        text(
            f"""SELECT COALESCE(SUM(total_cents), 0) FROM invoices
            WHERE issue_date >= :start AND issue_date <= :end
              AND kind = 'invoice' AND lifecycle = 'issued'{where}"""
        ),
        params,
    ).scalar_one()
    return int(value)


@dataclass(frozen=True, slots=True)
class Timing:
    """Amount-weighted payment timing: sums of days x cents, and the cents."""

    key: Any  # the group (a customer id, a month), None for the whole
    cents: int
    days_to_pay_cents: int
    days_late_cents: int
    on_time_cents: int


def payment_timing(
    session: Session,
    start: date,
    end: date,
    group: str | None = None,
    customer_id: int | None = None,
) -> list[Timing]:
    """Money applied to invoices by payments dated within [start, end], with its timing.

    ``group``: None (one row), "customer" or "month" (of the payment date).
    """
    d = dialect_of(session)
    key = {None: "NULL", "customer": "p.customer_id", "month": sql_month(d, "p.payment_date")}[
        group
    ]
    params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
    where = _customer_filter("p.customer_id", customer_id, params)
    rows = _rows(
        session,
        f"""SELECT {key} AS k, SUM(a.amount_cents),
               SUM(a.amount_cents * {sql_days_between(d, "p.payment_date", "i.issue_date")}),
               SUM(a.amount_cents * {
            sql_greatest(d, "0", sql_days_between(d, "p.payment_date", "i.due_date"))
        }),
               SUM(CASE WHEN p.payment_date <= i.due_date THEN a.amount_cents ELSE 0 END)
        FROM payments p {sql_ordered_join(d)} allocations a
            ON a.payment_id = p.id AND a.active = TRUE
        JOIN invoices i ON i.id = a.invoice_id
        WHERE p.payment_date >= :start AND p.payment_date <= :end AND {_MONEY}
          AND i.kind = 'invoice'{where}
        GROUP BY 1""",
        params,
    )
    return [
        Timing(k, int(c), int(dp), int(dl), int(ot)) for k, c, dp, dl, ot in rows if c is not None
    ]


def collected_by_month(
    session: Session, start: date, end: date, customer_id: int | None = None
) -> list[tuple[str, str, int]]:
    """(month, payment method, cents) of money received within [start, end]."""
    params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
    where = _customer_filter("p.customer_id", customer_id, params)
    month = sql_month(dialect_of(session), "p.payment_date")
    rows = _rows(
        session,
        f"""SELECT {month}, p.method, SUM(p.amount_cents) FROM payments p
        WHERE p.payment_date >= :start AND p.payment_date <= :end AND {_MONEY}{where}
        GROUP BY 1, 2 ORDER BY 1, 2""",
        params,
    )
    return [(m, method, int(c)) for m, method, c in rows]


def contact_followups(
    session: Session, start: date, end: date, as_of: date
) -> list[tuple[str, str, int | None, int]]:
    """(channel, stage, days to the next payment or None, contacts) for the contacts made
    within [start, end], not voided; payments after ``as_of`` are not seen.

    The stage is the agenda's (collection_actions) when the contact came from it, else "".
    The next payment is the customer's first money received on or after the contact's day.
    """
    d = dialect_of(session)
    first_payment = f"""(SELECT MIN(p.payment_date) FROM payments p
                    WHERE p.customer_id = contact.customer_id AND p.payment_date >= contact.day
                      AND p.payment_date <= :as_of AND {_MONEY})"""
    rows = _rows(
        session,
        f"""WITH contact AS (
            SELECT c.id, c.customer_id, c.channel, date(c.contacted_at) AS day,
                   COALESCE((SELECT MIN(ca.stage) FROM collection_actions ca
                             WHERE ca.contact_id = c.id), '') AS stage
            FROM collection_contacts c
            WHERE c.voided_at IS NULL AND date(c.contacted_at) >= :start
              AND date(c.contacted_at) <= :end
        )
        SELECT channel, stage, wait, COUNT(*)
        FROM (SELECT channel, stage, {sql_days_between(d, first_payment, "day")} AS wait
              FROM contact) waits
        GROUP BY channel, stage, wait ORDER BY channel, stage, wait""",
        {"start": start.isoformat(), "end": end.isoformat(), "as_of": as_of.isoformat()},
    )
    return [(ch, st, None if w is None else int(w), int(n)) for ch, st, w, n in rows]


@dataclass(frozen=True, slots=True)
class PromiseRecord:
    customer_id: int
    amount_cents: int
    promised_date: date
    given_on: date
    paid_cents: int  # the customer's payments from given_on to min(promised_date, as_of)


def promises_as_of(
    session: Session, as_of: date, customer_id: int | None = None
) -> list[PromiseRecord]:
    """Promises given by ``as_of`` and not cancelled, with what was paid towards each.

    Paid counts what ``services.base.agenda_data.payments_between`` counts: the
    customer's non-reversed payments; the kept/broken rule itself stays in the domain.
    """
    params: dict[str, Any] = {"as_of": as_of.isoformat()}
    where = _customer_filter("pr.customer_id", customer_id, params)
    d = dialect_of(session)
    until = sql_least(d, "pr.promised_date", sql_date(d, ":as_of"))
    rows = _rows(
        session,
        f"""SELECT pr.customer_id, pr.amount_cents, pr.promised_date, pr.given_on,
               COALESCE((SELECT SUM(p.amount_cents) FROM payments p
                   WHERE p.customer_id = pr.customer_id AND p.reversed_at IS NULL
                     AND p.payment_date >= pr.given_on
                     AND p.payment_date <= {until}), 0)
        FROM collection_promises pr
        WHERE pr.given_on <= :as_of AND pr.status != 'cancelled'{where}""",
        params,
    )
    return [
        PromiseRecord(int(c), int(a), _day(pd), _day(g), int(paid)) for c, a, pd, g, paid in rows
    ]


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def forecast_invoice_flows(
    session: Session, as_of: date, delay_since: date, horizon_days: int
) -> list[tuple[int, int, int]]:
    """(customer, week, cents) of open balances as of ``as_of``, each expected on its due
    date moved by the customer's amount-weighted delay (payment - due date, in days) over
    payments dated within [delay_since, as_of], or the whole book's when it has none.

    Week 0 starts the day after ``as_of``; -1 gathers what is already later than usual.
    Customers on a current payment plan are left out: their instalments stand instead.
    """
    d = dialect_of(session)
    own_delay = f"ROUND({sql_fraction(d, 'l.day_cents')} / l.cents)"
    delay = f"COALESCE({own_delay}, (SELECT delay FROM overall))"
    rows = _rows(
        session,
        f"""{open_items_as_of(d)},
        lateness AS (
            SELECT p.customer_id AS customer_id, SUM(a.amount_cents) AS cents,
                   SUM(a.amount_cents * {sql_days_between(d, "p.payment_date", "i.due_date")})
                       AS day_cents
            FROM payments p {sql_ordered_join(d)} allocations a
                ON a.payment_id = p.id AND a.active = TRUE
            JOIN invoices i ON i.id = a.invoice_id
            WHERE p.payment_date >= :since AND p.payment_date <= :as_of
              AND {_MONEY} AND i.kind = 'invoice'
            GROUP BY p.customer_id
        ),
        overall AS (
            SELECT COALESCE(ROUND({sql_fraction(d, "SUM(day_cents)")} / SUM(cents)), 0) AS delay
            FROM lateness
        ),
        moved AS (
            SELECT o.customer_id AS customer_id, o.balance AS balance,
                   {sql_add_days(d, "o.due_date", delay)}
                       - {sql_day_number(d, ":as_of")} AS ahead
            FROM open_items o LEFT JOIN lateness l ON l.customer_id = o.customer_id
            WHERE o.customer_id NOT IN (
                SELECT customer_id FROM payment_plans WHERE status = 'current')
        )
        SELECT customer_id,
               CASE WHEN ahead < 1 THEN -1 ELSE {sql_truncate(d, "(ahead - 1) / 7")} END AS week,
               SUM(balance)
        FROM moved WHERE ahead <= :horizon
        GROUP BY 1, 2""",
        {
            "as_of": as_of.isoformat(),
            "since": delay_since.isoformat(),
            "horizon": horizon_days,
        },
    )
    return [(int(c), int(w), int(cents)) for c, w, cents in rows if cents]


def forecast_commitments(
    session: Session, as_of: date, horizon_end: date
) -> list[tuple[int, date, int]]:
    """(customer, date, cents) of instalments of current plans and of open promises due
    after ``as_of`` up to ``horizon_end``; a promise counts what is still unpaid."""
    rows = _rows(
        session,
        """SELECT pp.customer_id, pi.due_date, pi.amount_cents
        FROM payment_plan_instalments pi JOIN payment_plans pp ON pp.id = pi.plan_id
        WHERE pp.status = 'current' AND pi.due_date > :as_of AND pi.due_date <= :end
        UNION ALL
        SELECT pr.customer_id, pr.promised_date, pr.amount_cents - COALESCE(
                   (SELECT SUM(p.amount_cents) FROM payments p
                    WHERE p.customer_id = pr.customer_id AND p.reversed_at IS NULL
                      AND p.payment_date >= pr.given_on AND p.payment_date <= :as_of), 0)
        FROM collection_promises pr
        WHERE pr.status != 'cancelled' AND pr.given_on <= :as_of
          AND pr.promised_date > :as_of AND pr.promised_date <= :end""",
        {"as_of": as_of.isoformat(), "end": horizon_end.isoformat()},
    )
    return [(int(c), _day(d), int(cents)) for c, d, cents in rows if cents > 0]


def collected_between(session: Session, start: date, end: date) -> int:
    """Money received within [start, end], in cents."""
    value = session.execute(
        text(
            f"""SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p
            WHERE p.payment_date >= :start AND p.payment_date <= :end AND {_MONEY}"""
        ),
        {"start": start.isoformat(), "end": end.isoformat()},
    ).scalar_one()
    return int(value)


def receivables_as_of(session: Session, as_of: date, at_risk_days: int) -> tuple[int, int, int]:
    """(total, current, over ``at_risk_days`` past due) as of the date, in cents.

    The aging report's own open items (``open_items_as_of``), summed for the whole book:
    the same total as the report, without its per-customer grouping and names (13 times
    cheaper on a large book, and the month-end positions need no more).
    """
    risk_bound = date.fromordinal(as_of.toordinal() - at_risk_days)
    row = session.execute(
        text(
            f"""{open_items_as_of(dialect_of(session))}
            SELECT COALESCE(SUM(balance), 0),
                   COALESCE(SUM(CASE WHEN due_date >= :as_of THEN balance ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN due_date < :risk THEN balance ELSE 0 END), 0)
            FROM open_items"""
        ),
        {"as_of": as_of.isoformat(), "risk": risk_bound.isoformat()},
    ).one()
    return int(row[0]), int(row[1]), int(row[2])
