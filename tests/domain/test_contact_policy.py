from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.contact_policy import (
    Channel,
    ContactPolicy,
    NonPaymentReason,
    Outcome,
    Violation,
    parse_channel,
    parse_outcome,
    parse_reason,
)
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import set_language

MONDAY = date(2026, 11, 23)


def test_fixed_lists_and_labels_in_both_languages() -> None:
    assert {o.value for o in Outcome} == {
        "contacted", "no_answer", "promise", "dispute", "refused", "paid", "wrong_number"
    }  # fmt: skip
    assert len(NonPaymentReason) == 7
    assert Outcome.NO_ANSWER.label() == "No contestó"
    set_language("en")
    try:
        assert Outcome.NO_ANSWER.label() == "No answer"
        assert NonPaymentReason.NO_FUNDS.label() == "No funds right now"
        assert Channel.WHATSAPP.label() == "WhatsApp"
    finally:
        set_language("es")
    assert NonPaymentReason.NO_FUNDS.label() == "Sin fondos por ahora"


def test_parsers_reject_unknown_values() -> None:
    assert parse_channel("visit") == Channel.VISIT
    assert parse_outcome("paid") == Outcome.PAID
    assert parse_reason("") is None
    assert parse_reason("forgot") == NonPaymentReason.FORGOT
    for parse in (parse_channel, parse_outcome, parse_reason):
        with pytest.raises(ValidationError):
            parse("fax")


def test_default_cap_one_a_day_three_a_week() -> None:
    policy = ContactPolicy()
    assert policy.day_violations(MONDAY, []) == []
    assert policy.day_violations(MONDAY, [MONDAY]) == [Violation.DAILY_CAP]
    week = [MONDAY - timedelta(days=d) for d in (1, 3, 5)]
    assert policy.day_violations(MONDAY, week) == [Violation.WEEKLY_CAP]
    # the window is seven days ending today: a contact 7 days ago no longer counts
    week = [MONDAY - timedelta(days=d) for d in (1, 3, 7)]
    assert policy.day_violations(MONDAY, week) == []


def test_sundays_and_quiet_hours() -> None:
    policy = ContactPolicy()
    sunday = MONDAY - timedelta(days=1)
    assert Violation.SUNDAY in policy.day_violations(sunday, [])
    assert policy.in_quiet_hours(time(21, 0))
    assert policy.in_quiet_hours(time(8, 59))
    assert not policy.in_quiet_hours(time(9, 0))
    assert Violation.QUIET_HOURS in policy.violations(datetime(2026, 11, 23, 22, 0), [])
    daytime = ContactPolicy(quiet_start=time(13, 0), quiet_end=time(15, 0))
    assert daytime.in_quiet_hours(time(14, 0)) and not daytime.in_quiet_hours(time(16, 0))
    relaxed = ContactPolicy(no_sundays=False, quiet_start=time(0), quiet_end=time(0))
    assert relaxed.violations(datetime(2026, 11, 22, 23, 0), []) == []


def test_overriding_needs_a_reason() -> None:
    policy = ContactPolicy()
    moment = datetime(2026, 11, 23, 10, 0)
    with pytest.raises(ValidationError) as err:
        policy.check(moment, [MONDAY])
    assert err.value.field == "override_reason"
    with pytest.raises(ValidationError):
        policy.check(moment, [MONDAY], override_reason="   ")
    assert policy.check(moment, [MONDAY], override_reason="El cliente pidió que le llamara") == [
        Violation.DAILY_CAP
    ]
    assert policy.check(moment, []) == []


def test_policy_configuration_round_trip_and_validation() -> None:
    policy = ContactPolicy(max_per_day=2, max_per_week=5, quiet_start=time(21, 30))
    assert ContactPolicy.from_dict(policy.to_dict()) == policy
    assert ContactPolicy.from_dict({}) == ContactPolicy()
    with pytest.raises(ValidationError):
        ContactPolicy(max_per_day=0)
    with pytest.raises(ValidationError):
        ContactPolicy(max_per_day=3, max_per_week=2)
    with pytest.raises(ValidationError):
        ContactPolicy.from_dict({"quiet_start": "25:00"})


@given(
    st.lists(st.integers(min_value=0, max_value=20), max_size=30),
    st.integers(min_value=1, max_value=3),
    st.integers(min_value=0, max_value=4),
)
def test_greedy_contacts_never_exceed_the_cap(offsets: list[int], per_day: int, extra: int) -> None:
    """Whoever contacts only when allowed never breaks the cap in any window."""
    policy = ContactPolicy(max_per_day=per_day, max_per_week=per_day + extra, no_sundays=False)
    start = MONDAY
    done: list[date] = []
    for off in sorted(offsets):
        day = start + timedelta(days=off)
        if not policy.day_violations(day, done):
            done.append(day)
    for i in range(21):
        day = start + timedelta(days=i)
        assert sum(1 for d in done if d == day) <= policy.max_per_day
        assert sum(1 for d in done if day - timedelta(days=6) <= d <= day) <= policy.max_per_week
