from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.agenda import (
    BROKEN_PROMISE,
    FOLLOW_UP,
    LIFT_RESTRICTION,
    ActionKey,
    AgendaItem,
    BrokenPromise,
    CustomerCase,
    DueInstalment,
    FollowUp,
    LadderInvoice,
    compute_agenda,
    invoice_subject,
)
from cobranza_desktop.domain.contact_policy import Channel, ContactPolicy, Violation
from cobranza_desktop.domain.customer_status import CustomerStatus
from cobranza_desktop.domain.ladder import DEFAULT_LADDER, Track

POLICY = ContactPolicy()
DUE = date(2026, 3, 2)  # a Monday


def inv(invoice_id: int, due: date = DUE, amount: str = "1000.00") -> LadderInvoice:
    return LadderInvoice(invoice_id, f"F-{invoice_id:04d}", due, Decimal(amount))


def agenda(
    day: date, cases: list[CustomerCase], logged: set[ActionKey] | None = None
) -> list[AgendaItem]:
    return list(compute_agenda(day, cases, logged or set(), DEFAULT_LADDER, POLICY).items)


def test_each_stage_fires_on_its_day_and_once() -> None:
    case = CustomerCase(1, "Ana", invoices=(inv(10),))
    logged: set[ActionKey] = set()
    fired: dict[str, date] = {}
    day = DUE - timedelta(days=10)
    while day <= DUE + timedelta(days=100):
        for item in agenda(day, [case], logged):
            assert item.stage not in fired
            fired[item.stage] = day
            logged.update(item.keys)
        day += timedelta(days=1)
    expected = {s.code: DUE + timedelta(days=s.offset_days) for s in DEFAULT_LADDER.stages}
    # a stage falling on a Sunday waits for Monday (day 90 here)
    assert expected["agency_legal"].weekday() == 6
    expected["agency_legal"] += timedelta(days=1)
    assert fired == expected


def test_catch_up_proposes_only_the_most_advanced_stage_once() -> None:
    case = CustomerCase(1, "Ana", invoices=(inv(10),))
    day = DUE + timedelta(days=17)
    items = agenda(day, [case])
    assert [i.stage for i in items] == ["penalty_warning"]
    assert items[0].days_past_due == 17
    logged = set(items[0].keys)
    assert agenda(day, [case], logged) == []
    assert agenda(day + timedelta(days=1), [case], logged) == []


def test_invoices_of_a_customer_merge_into_one_action() -> None:
    case = CustomerCase(1, "Ana", invoices=(inv(10), inv(11, DUE + timedelta(days=13), "500.00")))
    day = DUE + timedelta(days=7)
    (item,) = agenda(day, [case])
    assert item.stage == "firm_reminder"
    assert item.amount_due == Decimal("1500.00")
    assert item.days_past_due == 7
    assert item.invoice_ids == (10, 11)
    assert {k.stage for k in item.keys} == {"firm_reminder", "friendly_reminder"}
    assert "F-0010" in item.reason


def test_priority_broken_promises_first_then_amount_times_days() -> None:
    small_old = CustomerCase(1, "A", invoices=(inv(1, DUE, "100.00"),))
    big_recent = CustomerCase(2, "B", invoices=(inv(2, DUE + timedelta(days=5), "5000.00"),))
    promise = CustomerCase(
        3,
        "C",
        invoices=(inv(3, DUE, "10.00"),),
        broken_promises=(BrokenPromise(7, Decimal("10.00"), DUE + timedelta(days=6)),),
    )
    day = DUE + timedelta(days=7)
    items = agenda(day, [small_old, big_recent, promise])
    assert [i.customer_id for i in items] == [3, 2, 1]
    assert items[0].stage == BROKEN_PROMISE and items[0].broken_promise
    # after the promise follow-up, the ladder resumes the next day
    logged = set(items[0].keys)
    assert agenda(day + timedelta(days=1), [promise], logged)[0].stage == "firm_reminder"


def test_cap_and_sundays_defer_and_the_action_waits() -> None:
    case = CustomerCase(1, "Ana", invoices=(inv(10),), contact_days=(DUE + timedelta(days=1),))
    day = DUE + timedelta(days=1)
    result = compute_agenda(day, [case], set(), DEFAULT_LADDER, POLICY)
    assert result.items == ()
    assert result.deferred[0].deferred_by == (Violation.DAILY_CAP,)
    sunday = DUE + timedelta(days=6)
    assert sunday.weekday() == 6
    result = compute_agenda(
        sunday, [CustomerCase(2, "B", invoices=(inv(2),))], set(), DEFAULT_LADDER, POLICY
    )
    assert result.items == () and Violation.SUNDAY in result.deferred[0].deferred_by


def test_pending_promise_pauses_the_ladder() -> None:
    case = CustomerCase(1, "Ana", invoices=(inv(10),), pending_promise_date=DUE + timedelta(days=5))
    assert agenda(DUE + timedelta(days=2), [case]) == []
    assert agenda(DUE + timedelta(days=5), [case]) == []
    case = CustomerCase(1, "Ana", invoices=(inv(10),), pending_promise_date=DUE + timedelta(days=5))
    assert [i.stage for i in agenda(DUE + timedelta(days=8), [case])] == ["firm_reminder"]


def test_instalment_reminders() -> None:
    inst = DueInstalment(5, 2, DUE, Decimal("250.00"))
    case = CustomerCase(1, "Ana", instalments=(inst,))
    assert agenda(DUE - timedelta(days=4), [case]) == []
    (before,) = agenda(DUE - timedelta(days=3), [case])
    assert before.stage == "instalment_reminder" and before.channel == Channel.WHATSAPP
    (after,) = agenda(DUE + timedelta(days=1), [case], set(before.keys))
    assert after.stage == "instalment_overdue" and after.amount_due == Decimal("250.00")


def test_lift_restriction_once_paid_up_and_agency_stops_everything() -> None:
    paid_up = CustomerCase(1, "Ana", status=CustomerStatus.SUSPENDED, status_transition_id=4)
    (item,) = agenda(DUE, [paid_up])
    assert item.stage == LIFT_RESTRICTION and item.sets_status == CustomerStatus.ACTIVE
    assert agenda(DUE, [paid_up], set(item.keys)) == []
    owing = CustomerCase(
        1, "Ana", status=CustomerStatus.SUSPENDED, status_transition_id=4, invoices=(inv(1),)
    )
    # Suspended already: the suspension is not proposed again; the agency stage comes at 90.
    assert agenda(DUE + timedelta(days=70), [owing]) == []
    assert agenda(DUE + timedelta(days=91), [owing])[0].stage == "agency_legal"  # a Monday
    agency = CustomerCase(1, "Ana", status=CustomerStatus.AGENCY, invoices=(inv(1),))
    assert agenda(DUE + timedelta(days=70), [agency]) == []


def test_an_extension_gives_the_invoice_a_fresh_ladder() -> None:
    logged = {ActionKey(1, "ask_reason_call", invoice_subject(10, DUE))}
    new_due = DUE + timedelta(days=21)
    case = CustomerCase(1, "Ana", invoices=(inv(10, new_due),))
    assert agenda(DUE + timedelta(days=3), [case], logged) == []
    (item,) = agenda(new_due + timedelta(days=1), [case], logged)
    assert item.stage == "phone_reminder"


def test_insistent_track_calls_every_two_days() -> None:
    case = CustomerCase(1, "Ana", track=Track.INSISTENT, invoices=(inv(10),))
    logged: set[ActionKey] = set()
    days: list[int] = []
    for offset in range(-10, 15):
        day = DUE + timedelta(days=offset)
        for item in agenda(day, [case], logged):
            assert item.channel == Channel.PHONE
            days.append(offset)
            logged.update(item.keys)
    # day 13 is a Sunday: that call waits for Monday
    assert days == [-7, 1, 2, 3, 5, 7, 9, 11, 14]


def test_json_shape() -> None:
    (item,) = agenda(DUE + timedelta(days=2), [CustomerCase(9, "Zoe", invoices=(inv(1),))])
    assert item.to_json() == {
        "customer_id": 9,
        "customer": "Zoe",
        "stage": "ask_reason_call",
        "channel": "phone",
        "amount_due": "1000.00",
        "days_past_due": 2,
        "reason": item.reason,
    }


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.integers(-20, 80), st.integers(1, 500_000)),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(list(Track)),
    st.integers(0, 6),
)
def test_daily_runs_never_repeat_and_respect_the_cap(
    invoices: list[tuple[int, int, int]], track: Track, closed_every: int
) -> None:
    by_customer: dict[int, list[LadderInvoice]] = {}
    for n, (cid, offset, cents) in enumerate(invoices):
        by_customer.setdefault(cid, []).append(
            LadderInvoice(n, f"F{n}", DUE + timedelta(days=offset), Decimal(cents) / 100)
        )
    logged: set[ActionKey] = set()
    contacts: dict[int, list[date]] = {cid: [] for cid in by_customer}
    proposed: list[ActionKey] = []
    for step in range(140):
        day = DUE - timedelta(days=30) + timedelta(days=step)
        if closed_every and step % (closed_every + 3) == 0:
            continue  # the shop was closed: the program did not run
        cases = [
            CustomerCase(
                cid, f"C{cid}", track=track, invoices=tuple(invs), contact_days=tuple(contacts[cid])
            )
            for cid, invs in by_customer.items()
        ]
        items = agenda(day, cases, logged)
        again = agenda(day, cases, logged)
        assert again == items  # running twice without logging proposes the same
        assert len({i.customer_id for i in items}) == len(items)
        for item in items:
            assert not (set(item.keys) & logged)
            proposed.extend(item.keys)
            logged.update(item.keys)
            contacts[item.customer_id].append(day)
        assert agenda(day, [*cases], logged) == []
    assert len(proposed) == len(set(proposed))
    policy = POLICY
    for days in contacts.values():
        for d in days:
            assert d.weekday() != 6
            assert sum(1 for x in days if x == d) <= policy.max_per_day
            assert sum(1 for x in days if d - timedelta(days=6) <= x <= d) <= policy.max_per_week


def test_broken_plan_is_followed_up_first_and_once() -> None:
    broken = BrokenPromise(3, Decimal("250.00"), DUE, is_plan=True)
    case = CustomerCase(1, "Ana", broken_promises=(broken,))
    (item,) = agenda(DUE + timedelta(days=8), [case])
    assert item.stage == BROKEN_PROMISE and item.keys[0].subject == "plan:3"
    assert "convenio" in item.reason
    assert agenda(DUE + timedelta(days=9), [case], set(item.keys)) == []


def test_follow_up_dates_join_the_day_action_or_stand_alone() -> None:
    case = CustomerCase(1, "Ana", follow_ups=(FollowUp(40, DUE + timedelta(days=3)),))
    assert agenda(DUE + timedelta(days=2), [case]) == []
    (alone,) = agenda(DUE + timedelta(days=3), [case])
    assert alone.stage == FOLLOW_UP and alone.channel == Channel.PHONE
    with_ladder = CustomerCase(
        1, "Ana", invoices=(inv(10),), follow_ups=(FollowUp(40, DUE + timedelta(days=1)),)
    )
    (item,) = agenda(DUE + timedelta(days=1), [with_ladder])
    assert item.stage == "phone_reminder"
    assert {k.stage for k in item.keys} == {"phone_reminder", FOLLOW_UP}


def test_one_action_a_day_once_something_was_done_or_skipped() -> None:
    case = CustomerCase(1, "Ana", invoices=(inv(10),), acted_today=True)
    assert agenda(DUE + timedelta(days=2), [case]) == []


def test_a_step_the_status_already_took_is_not_proposed_again() -> None:
    restricted = CustomerCase(1, "Ana", status=CustomerStatus.RESTRICTED, invoices=(inv(1),))
    assert agenda(DUE + timedelta(days=50), [restricted]) == []  # no restriction again
    (then,) = agenda(DUE + timedelta(days=60), [restricted])
    assert then.stage == "suspension"
    suspended = CustomerCase(1, "Ana", status=CustomerStatus.SUSPENDED, invoices=(inv(1),))
    assert agenda(DUE + timedelta(days=46), [suspended]) == []  # no partial restriction
    # A new invoice of a suspended customer still gets its own early reminders.
    fresh = CustomerCase(
        1,
        "Ana",
        status=CustomerStatus.SUSPENDED,
        invoices=(inv(1), inv(2, DUE + timedelta(days=45))),
    )
    (item,) = agenda(DUE + timedelta(days=46), [fresh])
    assert item.stage == "phone_reminder"
    assert item.amount_due == Decimal("2000.00")  # the reminder covers both debts
