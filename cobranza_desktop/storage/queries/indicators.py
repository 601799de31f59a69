"""The sums behind the collection indicators, each in one set-based statement.

Receivables as of a date are the aging report's definition (``storage.queries.aging``):
what is owed now on invoices issued by the date, plus what payments dated after it
applied to them. Money applied is read from the allocations' copied facts
(``storage/models/allocation_facts.py``, covering index ``ix_allocations_facts``), so no
sum here joins a payment or an invoice per allocation; day differences are differences of
the stored day numbers. As aging does, these sums see the book as it was on the date:
payments dated after it do not count.

Conventions: sales are issued invoices (``kind = 'invoice'``, not late charges, not
voided) by issue date; money received is non-reversed payments other than discounts
(a discount is not money); payment timing is weighted by the amount applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from cobranza_desktop.storage.dialect import (
    dialect_of,
    fetch_tuples,
    sql_date,
    sql_days_between,
    sql_fraction,
    sql_in_ids,
    sql_least,
    sql_truncate,
    sql_unindexed,
)
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.allocation_facts import day_number, day_number_sql
from cobranza_desktop.storage.queries.predicates import as_sql, open_invoice, table_alias

_OPEN = as_sql(open_invoice(table_alias(Invoice, "i")))
_MONEY = "p.reversed_at IS NULL AND p.method != 'discount'"
# An active allocation of money (not a discount) on a sale (not a late charge); a reversed
# payment has no active allocation, and neither has a voided invoice.
_APPLIED = "a.active AND a.is_money AND a.on_invoice"


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
    customer_ids: Sequence[int] | None = None,
) -> list[Timing]:
    """Money applied to invoices by payments dated within [start, end], with its timing.

    ``group``: None (one row), "customer", "day" (the payment's day number) or "month"
    (of the payment date, "YYYY-MM"). Read from the allocations' copied facts alone
    (``ix_allocations_facts``): day numbers make the day differences integer arithmetic,
    and months are folded here from the days. ``customer_ids``: only those customers
    (the grouping then sorts their few rows, not every customer's).
    """
    key = {None: "NULL", "customer": "a.customer_id", "day": "a.payment_day"}.get(
        group, "a.payment_day"
    )
    params: dict[str, Any] = {"start": day_number(start), "end": day_number(end)}
    where = _customer_filter("a.customer_id", customer_id, params)
    if customer_ids is not None:
        where += " AND " + sql_in_ids("a.customer_id", customer_ids, params)
    rows = _rows(
        session,
        f"""SELECT {key} AS k, SUM(a.amount_cents),
               SUM(a.amount_cents * (a.payment_day - a.issue_day)),
               SUM(CASE WHEN a.payment_day > a.due_day
                        THEN a.amount_cents * (a.payment_day - a.due_day) ELSE 0 END),
               SUM(CASE WHEN a.payment_day <= a.due_day THEN a.amount_cents ELSE 0 END)
        FROM allocations a
        WHERE a.payment_day >= :start AND a.payment_day <= :end AND {_APPLIED}{where}
        GROUP BY k""",
        params,
    )
    timings = [
        Timing(k, int(c), int(dp), int(dl), int(ot)) for k, c, dp, dl, ot in rows if c is not None
    ]
    return fold_months(timings) if group == "month" else timings


def fold_months(days: list[Timing]) -> list[Timing]:
    """Per-day timings (keyed by day number) summed per month ("YYYY-MM")."""
    months: dict[str, list[int]] = {}
    for t in days:
        sums = months.setdefault(date.fromordinal(int(t.key)).isoformat()[:7], [0, 0, 0, 0])
        for i, value in enumerate(
            (t.cents, t.days_to_pay_cents, t.days_late_cents, t.on_time_cents)
        ):
            sums[i] += value
    return [Timing(m, *sums) for m, sums in sorted(months.items())]


def sum_days(days: list[Timing], start: date, end: date) -> list[Timing]:
    """The per-day timings within [start, end] summed into one (none when there are none)."""
    low, high = day_number(start), day_number(end)
    inside = [t for t in days if low <= int(t.key) <= high]
    if not inside:
        return []
    return [
        Timing(
            None,
            sum(t.cents for t in inside),
            sum(t.days_to_pay_cents for t in inside),
            sum(t.days_late_cents for t in inside),
            sum(t.on_time_cents for t in inside),
        )
    ]


def collected_by_day(
    session: Session, start: date, end: date, customer_id: int | None = None
) -> list[tuple[date, str, int]]:
    """(day, payment method, cents) of money received within [start, end], from the
    covering ``ix_payments_money_day``: no date function in the SQL."""
    params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
    where = _customer_filter("p.customer_id", customer_id, params)
    rows = _rows(
        session,
        f"""SELECT p.payment_date, p.method, SUM(p.amount_cents) FROM payments p
        WHERE p.payment_date >= :start AND p.payment_date <= :end AND {_MONEY}{where}
        GROUP BY p.payment_date, p.method""",
        params,
    )
    return [(_day(day), str(method), int(cents)) for day, method, cents in rows]


def fold_received_months(days: list[tuple[date, str, int]]) -> list[tuple[str, str, int]]:
    """(month, payment method, cents): the per-day rows of ``collected_by_day`` summed."""
    months: dict[tuple[str, str], int] = {}
    for day, method, cents in days:
        key = (day.isoformat()[:7], method)
        months[key] = months.get(key, 0) + cents
    return [(m, method, c) for (m, method), c in sorted(months.items())]


def collected_by_month(
    session: Session, start: date, end: date, customer_id: int | None = None
) -> list[tuple[str, str, int]]:
    """(month, payment method, cents) of money received within [start, end]."""
    return fold_received_months(collected_by_day(session, start, end, customer_id))


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
    """(customer, week, cents) of open balances as of ``as_of`` (what is owed now on invoices
    issued by then, plus what later payments applied to them, from the allocations'
    copied facts, as ``receivables_as_of``), each expected on its due date moved by the
    customer's amount-weighted delay (payment - due date, in days) over
    payments dated within [delay_since, as_of], or the whole book's when it has none.

    Week 0 starts the day after ``as_of``; -1 gathers what is already later than usual.
    Customers on a current payment plan are left out: their instalments stand instead.
    """
    d = dialect_of(session)
    due_day = day_number_sql("i.due_date", d)
    rows = _rows(
        session,
        f"""WITH open_items AS (
            SELECT i.customer_id AS customer_id, {due_day} AS due_day,
                   i.total_cents - i.paid_cents AS balance
            FROM invoices i WHERE {_OPEN} AND {sql_unindexed(d, "i.issue_date")} <= :as_of
            UNION ALL
            SELECT a.customer_id, a.due_day, a.amount_cents FROM allocations a
            WHERE a.payment_day > :as_of_day AND a.active AND a.issue_day <= :as_of_day
        ),
        lateness AS (
            SELECT a.customer_id AS customer_id, SUM(a.amount_cents) AS cents,
                   SUM(a.amount_cents * (a.payment_day - a.due_day)) AS day_cents
            FROM allocations a
            WHERE a.payment_day >= :since_day AND a.payment_day <= :as_of_day AND {_APPLIED}
            GROUP BY a.customer_id
        ),
        overall AS (
            SELECT COALESCE(ROUND({sql_fraction(d, "SUM(day_cents)")} / SUM(cents)), 0) AS delay
            FROM lateness
        ),
        moved AS (
            SELECT o.customer_id AS customer_id, o.balance AS balance,
                   o.due_day + COALESCE(
                       ROUND({sql_fraction(d, "l.day_cents")} / l.cents),
                       (SELECT delay FROM overall)) - :as_of_day AS ahead
            FROM open_items o LEFT JOIN lateness l ON l.customer_id = o.customer_id
            WHERE o.customer_id NOT IN (
                SELECT customer_id FROM payment_plans WHERE status = 'current')
        )
        SELECT customer_id,
               CASE WHEN ahead < 1 THEN -1 ELSE {sql_truncate(d, "(ahead - 1) / 7")} END AS week,
               SUM(balance)
        FROM moved WHERE ahead <= :horizon
        GROUP BY customer_id, week""",
        {
            "as_of": as_of.isoformat(),
            "as_of_day": day_number(as_of),
            "since_day": day_number(delay_since),
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

    The aging report's open items (what is owed now, on invoices issued by the date), plus
    what payments dated after the date applied to those invoices, read from the
    allocations' copied facts (``ix_allocations_facts``) rather than by joining every later
    payment to its invoice (the join cost seconds for a month end a year back). The same
    total as the aging report, without its per-customer grouping and names.
    """
    risk_bound = date.fromordinal(as_of.toordinal() - at_risk_days)
    params = {
        "as_of": as_of.isoformat(),
        "risk": risk_bound.isoformat(),
        "as_of_day": day_number(as_of),
        "risk_day": day_number(risk_bound),
    }
    d = dialect_of(session)
    sql = f"""SELECT * FROM
        (SELECT COALESCE(SUM(i.total_cents - i.paid_cents), 0),
                COALESCE(SUM(CASE WHEN i.due_date >= :as_of
                                  THEN i.total_cents - i.paid_cents ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN i.due_date < :risk
                                  THEN i.total_cents - i.paid_cents ELSE 0 END), 0)
         FROM invoices i WHERE {_OPEN} AND {sql_unindexed(d, "i.issue_date")} <= :as_of)
             AS now_open,
        (SELECT COALESCE(SUM(a.amount_cents), 0),
                COALESCE(SUM(CASE WHEN a.due_day >= :as_of_day
                                  THEN a.amount_cents ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN a.due_day < :risk_day
                                  THEN a.amount_cents ELSE 0 END), 0)
         FROM allocations a
         WHERE a.payment_day > :as_of_day AND a.active AND a.issue_day <= :as_of_day) AS later"""
    # Plain tuples (on SQLite straight through the DBAPI cursor), as the aging report: this
    # runs for each of a dozen month ends, and SQLAlchemy's Row machinery cost as much.
    (row,) = fetch_tuples(session, sql, params)
    assert row is not None  # an aggregate without GROUP BY returns one row
    now, later = row[:3], row[3:]
    return tuple(int(n) + int(m) for n, m in zip(now, later, strict=True))  # type: ignore[return-value]
