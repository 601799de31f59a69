"""``assess_invoice`` in integer cents, for the engine's run over a whole book.

The same rules as ``domain.penalty_assessment.assess_invoice`` and the same results to the
cent (a property test compares the two on random invoices). The falling balance's periods
are found once, in integer cents, and each cumulative interest ``C(day)`` is read off
their running ``balance × days`` sum instead of walking the payments again; the one
division and the one rounding per figure are exact rational arithmetic: the Decimal
computation at 60 digits rounds to the same cent, since a quotient over at most
``10⁴ · 100 · 365`` never falls within 10⁻⁴⁵ of a half cent without sitting on it.

Fees (at most once per invoice and key) keep the Decimal arithmetic of ``fee_amount``.
Negative amounts (never in a valid book) go to the Decimal reference, which refuses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.penalty_assessment import (
    ChargeHistory,
    InvoiceFacts,
    PenaltyBreakdown,
    assess_invoice,
    fee_charges,
    interest_key,
)
from cobranza_desktop.domain.penalty_interest import InterestSegment, PaymentEvent
from cobranza_desktop.domain.penalty_policy import ChargeKind, PenaltyPolicy

_ONE_DAY = timedelta(days=1)
_NO_PERCENT = Decimal(0)
_NO_HISTORY = ChargeHistory()
_new = tuple.__new__

# A period: first day, last day (inclusive), balance in cents.
_Period = tuple[date, date, int]


@dataclass(frozen=True)
class _Terms:
    """A policy's rate and cap as integer ratios: interest in cents = bd · num / den."""

    num: int
    den: int
    cap_num: int | None  # the cap in cents = principal · cap_num / cap_den
    cap_den: int


@lru_cache(maxsize=256)
def _terms(policy: PenaltyPolicy) -> _Terms:
    rate_num, rate_den = policy.annual_rate_percent.as_integer_ratio()
    # bd cents·days × rate % / (100 × day basis) = cents of interest.
    den = rate_den * 100 * policy.day_basis
    if policy.cap_percent is None:
        return _Terms(rate_num, den, None, 1)
    cap_num, cap_den = policy.cap_percent.as_integer_ratio()
    return _Terms(rate_num, den, cap_num, cap_den * 100)


def _round_half_up(num: int, den: int) -> int:
    """``num / den`` (both positive or zero over positive) rounded half up."""
    return (2 * num + den) // (2 * den)


def _periods(
    principal: int, payments: Sequence[tuple[date, int]], start: date, end: date
) -> list[_Period]:
    """``outstanding_periods`` in cents: constant positive balances, neighbours joined."""
    if end < start:
        return []
    balance = principal
    by_day: dict[date, int] = {}
    for on, cents in payments:
        if on < start:
            balance -= cents
        elif on <= end:
            by_day[on] = by_day.get(on, 0) + cents
    periods: list[_Period] = []
    cursor = start
    for day in sorted(by_day):
        if balance > 0:
            periods.append((cursor, day, balance))
        balance -= by_day[day]
        cursor = day + _ONE_DAY
    if cursor <= end and balance > 0:
        periods.append((cursor, end, balance))
    merged: list[_Period] = []
    for period in periods:
        if merged and merged[-1][2] == period[2]:
            merged[-1] = (merged[-1][0], period[1], period[2])
        else:
            merged.append(period)
    return merged


def _rounded(balance_days: int, terms: _Terms, cap: int | None) -> tuple[int, bool]:
    """``R(C)`` in cents for a sum of ``balance × days``, and whether the cap was reached
    (``cap``: the cap's numerator over ``terms.cap_den``)."""
    num, den = balance_days * terms.num, terms.den
    if cap is None:
        return (2 * num + den) // (2 * den), False
    # num/den against cap/cap_den, by cross products (all positive).
    over = num * terms.cap_den - cap * den
    if over > 0:
        return _round_half_up(cap, terms.cap_den), True
    return _round_half_up(num, den), over == 0


def _balance_days(periods: list[_Period], day: date) -> int:
    """``Σ balance × days`` through ``day``. With payments never negative the balance only
    falls, so the periods through any day are those through the last, cut at that day."""
    total = 0
    for first, last, balance in periods:
        if first > day:
            break
        total += balance * ((min(last, day) - first).days + 1)
    return total


def _fees(
    policy: PenaltyPolicy,
    principal: int,
    due_date: date,
    payments: Sequence[tuple[date, int]],
    as_of: date,
    history: ChargeHistory,
) -> list[PenaltyBreakdown]:
    def balance_at(day: date) -> Decimal:
        paid = sum(cents for on, cents in payments if on < day)
        return from_cents(max(principal - paid, 0))

    return fee_charges(policy, due_date, as_of, history, balance_at)


class CentsAssessor:
    """One policy's assessment on one day, set up once for many invoices (the rate as an
    integer ratio, the grace, the interest key), the same as ``assess_invoice`` for each."""

    def __init__(self, policy: PenaltyPolicy, as_of: date) -> None:
        self.policy = policy
        self.as_of = as_of
        self._terms = _terms(policy)
        self._grace = timedelta(days=policy.grace_days + 1)
        self._fees = policy.has_fees
        self._interest = policy.has_interest
        self._key = interest_key(as_of)
        self._rate = policy.annual_rate_percent
        self._day_basis = policy.day_basis

    def assess(
        self,
        principal: int,
        due_date: date,
        payments: Sequence[tuple[date, int]],
        history: ChargeHistory = _NO_HISTORY,
    ) -> list[PenaltyBreakdown]:
        """``assess_invoice`` for an invoice of ``principal`` cents and its ``payments``
        (payment date, cents applied), with the same charges, breakdowns and rounding."""
        policy, as_of = self.policy, self.as_of
        if principal < 0 or (payments and any(cents < 0 for _, cents in payments)):
            facts = InvoiceFacts(
                from_cents(principal),
                due_date,
                tuple(PaymentEvent(on, from_cents(cents)) for on, cents in payments),
            )
            return assess_invoice(policy, facts, as_of, history)
        charges: list[PenaltyBreakdown] = []
        if self._fees:
            charges = _fees(policy, principal, due_date, payments, as_of, history)
        if self._interest:
            interest = self._interest_charge(principal, due_date, payments, history)
            if interest is not None:
                charges.append(interest)
        return charges

    def _interest_charge(
        self,
        principal: int,
        due_date: date,
        payments: Sequence[tuple[date, int]],
        history: ChargeHistory,
    ) -> PenaltyBreakdown | None:
        as_of = self.as_of
        first_day = due_date + self._grace
        start = first_day
        through = history.interest_through
        if through is not None and through >= first_day:
            start = through + _ONE_DAY
        if as_of < start:
            return None  # nothing to accrue: the common case once charged through today
        terms = self._terms
        cap = None if terms.cap_num is None else principal * terms.cap_num
        if not payments or all(on > as_of for on, _ in payments):
            # One balance all along (most invoices): one segment, built directly.
            return self._one_balance(principal, first_day, start, cap)
        accrued = _periods(principal, payments, first_day, as_of)
        if start == first_day:
            # Nothing charged yet: the periods to charge are those accrued, and nothing
            # accrued before them (R(0) is 0).
            before, periods = 0, accrued
        else:
            before = _rounded(_balance_days(accrued, start - _ONE_DAY), terms, cap)[0]
            periods = _periods(principal, payments, start, as_of)
        total, capped = _rounded(_balance_days(accrued, as_of), terms, cap)
        amount = total - before
        if amount <= 0:
            return None
        segments: list[InterestSegment] = []
        previous = before
        days = 0
        for first, last, balance in periods:
            if last == as_of:
                end_cents, end_capped = total, capped
            else:
                end_cents, end_capped = _rounded(_balance_days(accrued, last), terms, cap)
            length = (last - first).days + 1
            days += length
            segments.append(
                InterestSegment(
                    start=first,
                    end=last,
                    balance=from_cents(balance),
                    days=length,
                    amount=from_cents(end_cents - previous),
                    capped=end_capped,
                )
            )
            previous = end_cents
        return PenaltyBreakdown(
            kind=ChargeKind.INTEREST,
            key=self._key,
            period_start=start,
            period_end=as_of,
            base=segments[0].balance if segments else ZERO,
            fixed_fee=ZERO,
            percent_fee=_NO_PERCENT,
            annual_rate_percent=self._rate,
            days=days,
            day_basis=self.policy.day_basis,
            amount=from_cents(amount),
            segments=tuple(segments),
            capped=capped,
        )

    def _one_balance(
        self, principal: int, first_day: date, start: date, cap: int | None
    ) -> PenaltyBreakdown | None:
        """The interest of an invoice with no payment by ``as_of``: one segment."""
        if principal <= 0:
            return None
        as_of, terms = self.as_of, self._terms
        total, capped = _rounded(principal * ((as_of - first_day).days + 1), terms, cap)
        # Nothing accrued before the first day: R(0) is 0, capped or not.
        before = 0
        if start != first_day:
            before = _rounded(principal * (start - first_day).days, terms, cap)[0]
        if total <= before:
            return None
        balance = Decimal(principal).scaleb(-2)  # from_cents, inline: once per invoice
        amount = Decimal(total - before).scaleb(-2)
        days = (as_of - start).days + 1
        # The named tuples built straight from their fields (all given, in order): their
        # generated constructors cost as much again, for the commonest charge of a book.
        segment = _new(InterestSegment, (start, as_of, balance, days, amount, capped))
        return _new(
            PenaltyBreakdown,
            (
                ChargeKind.INTEREST,
                self._key,
                start,
                as_of,
                balance,
                ZERO,
                _NO_PERCENT,
                self._rate,
                days,
                self._day_basis,
                amount,
                (segment,),
                capped,
            ),
        )


def assess_invoice_cents(
    policy: PenaltyPolicy,
    principal: int,
    due_date: date,
    payments: Sequence[tuple[date, int]],
    as_of: date,
    history: ChargeHistory = _NO_HISTORY,
) -> list[PenaltyBreakdown]:
    """``assess_invoice`` in cents for one invoice (see :class:`CentsAssessor`)."""
    return CentsAssessor(policy, as_of).assess(principal, due_date, payments, history)
