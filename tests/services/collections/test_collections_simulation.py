"""120 days of collections on a demo book, day by day, with an injected clock.

Every day the agenda is computed (twice: the same), each proposed action is done with
an outcome drawn from a seeded generator, customers sometimes pay, promise or sign a
plan. Control customers check that each stage fires on its day, and that promises and
plans change the track as the issue specifies.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from cobranza_desktop.domain.agenda import BROKEN_PROMISE, ActionKey, AgendaItem
from cobranza_desktop.domain.ladder import DEFAULT_LADDER, INSISTENT_PREFIX
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy
from cobranza_desktop.domain.plans import PlanStatus
from cobranza_desktop.services.book.demo import build_demo_book
from cobranza_desktop.services.collections.plans import PlanRequest
from cobranza_desktop.services.penalties.policies import store_business_policy
from cobranza_desktop.storage.models.collections import ContactLog
from tests.services.collections.collections_helpers import Env, make_env

D0 = date(2026, 1, 5)  # a Monday
DAYS = 120
CONTROL_DUE = D0 + timedelta(days=15)  # a Tuesday: no stage of the default ladder on a Sunday


def _open_balance(env: Env, cid: int) -> Decimal:
    return env.customers.balance(cid).open_amount


def test_one_hundred_twenty_days_of_collections(tmp_path: Path) -> None:
    env = make_env(tmp_path, D0)
    try:
        _simulate(env)
    finally:
        env.book.close()


def _simulate(env: Env) -> None:
    build_demo_book(env.book, env.clock, customers=40, seed=11)
    # The ladder's own timing is checked here, without a contract's penalties (the demo
    # business charges the legal rate and a late fee: their stages move the later ones).
    with env.book.transaction() as session:
        store_business_policy(session, PenaltyPolicy.none())
    assert CONTROL_DUE.weekday() == 1
    plain = env.customer("Control: nunca paga")
    env.invoice(plain, "1200.00", D0, CONTROL_DUE)
    promiser = env.customer("Control: promete y no cumple")
    env.invoice(promiser, "800.00", D0, CONTROL_DUE)
    planner = env.customer("Control: convenio")
    plan_invoice = env.invoice(planner, "3000.00", D0, CONTROL_DUE)
    controls = {plain, promiser, planner}

    rng = random.Random(20260105)
    scheduled_payments: dict[date, list[tuple[int, Decimal]]] = defaultdict(list)
    proposed: dict[ActionKey, date] = {}
    fired: dict[int, list[tuple[date, AgendaItem]]] = defaultdict(list)
    plan_id: int | None = None

    for step in range(DAYS + 1):
        day = D0 + timedelta(days=step)
        env.go(day)
        for cid, amount in scheduled_payments.pop(day, []):
            owed = _open_balance(env, cid)
            if owed > 0:
                env.pay(cid, str(min(amount, owed)))

        if day == CONTROL_DUE + timedelta(days=7) and plan_id is None:
            plan = env.plans.create(
                PlanRequest(planner, (plan_invoice,), 3, "fortnightly", day + timedelta(days=7))
            )
            plan_id = plan.id
            first = plan.instalments[0]
            scheduled_payments[first.due_date].append((planner, first.amount))

        agenda = env.agenda.agenda()
        assert env.agenda.agenda() == agenda, f"computing {day} twice differs"
        if day.weekday() == 6:
            assert agenda.items == ()
        for item in agenda.items:
            for key in item.keys:
                assert key not in proposed, f"{key} proposed on {proposed[key]} and {day}"
                proposed[key] = day
            fired[item.customer_id].append((day, item))
            if item.customer_id == promiser and item.stage == "phone_reminder":
                env.agenda.complete(
                    item,
                    "promise",
                    reason="no_funds",
                    promise_amount="800.00",
                    promise_date=day + timedelta(days=4),
                )
                continue
            if item.customer_id in controls:
                env.agenda.complete(item, "no_answer")
                continue
            draw = rng.random()
            owed = _open_balance(env, item.customer_id)
            if draw < 0.08 and owed > 0:
                env.agenda.complete(item, "paid")
                scheduled_payments[day + timedelta(days=1)].append((item.customer_id, owed))
            elif draw < 0.2 and item.stage not in (BROKEN_PROMISE, "lift_restriction"):
                amount = min(owed, Decimal("500.00")) if owed > 0 else Decimal("100.00")
                env.agenda.complete(
                    item,
                    "promise",
                    reason="no_funds",
                    promise_amount=str(amount),
                    promise_date=day + timedelta(days=3),
                )
                if rng.random() < 0.5:
                    scheduled_payments[day + timedelta(days=3)].append((item.customer_id, amount))
            elif draw < 0.25:
                env.agenda.skip(item, "Se atenderá en la visita semanal")
            else:
                env.agenda.complete(item, rng.choice(["no_answer", "contacted"]))
        # Running the same day again proposes nothing new: everything was logged.
        again = env.agenda.agenda()
        assert again.items == ()
        assert {d.customer_id for d in again.deferred} <= {
            d.customer_id for d in agenda.deferred
        } | {i.customer_id for i in agenda.items}

    _check_cap(env)
    _check_plain_control(fired[plain])
    _check_promise_control(fired[promiser])
    assert plan_id is not None
    _check_plan_control(env, fired[planner], plan_id)
    insistent = [
        i for items in fired.values() for _, i in items if i.stage.startswith(INSISTENT_PREFIX)
    ]
    assert insistent, "chronic late payers of the demo follow the insistent track"
    assert all(i.channel.value == "phone" and i.mentions_penalty for i in insistent)
    assert len(proposed) > 100


def _check_cap(env: Env) -> None:
    policy = env.agenda.policy()
    with env.book.session() as session:
        rows = session.execute(select(ContactLog.customer_id, ContactLog.contacted_at)).all()
    days: dict[int, list[date]] = defaultdict(list)
    for cid, moment in rows:
        days[cid].append(moment.date())
        assert not policy.in_quiet_hours(moment.time())
    assert rows, "the simulation logged contacts"
    for contact_days in days.values():
        for d in contact_days:
            assert d.weekday() != 6
            assert contact_days.count(d) <= policy.max_per_day
            window = [x for x in contact_days if d - timedelta(days=6) <= x <= d]
            assert len(window) <= policy.max_per_week


def _check_plain_control(items: list[tuple[date, AgendaItem]]) -> None:
    got = {item.stage: day for day, item in items}
    expected = {s.code: CONTROL_DUE + timedelta(days=s.offset_days) for s in DEFAULT_LADDER.stages}
    # Two days after issue the agenda asks whether the invoice arrived (once).
    expected["confirm_receipt"] = D0 + timedelta(days=2)
    assert got == expected


def _check_promise_control(items: list[tuple[date, AgendaItem]]) -> None:
    promised_on = next(day for day, item in items if item.stage == "phone_reminder")
    assert promised_on == CONTROL_DUE + timedelta(days=1)
    promised_for = promised_on + timedelta(days=4)
    # the ladder waits while the promise is pending
    assert not [d for d, _ in items if promised_on < d <= promised_for]
    after = [(d, i) for d, i in items if d > promised_for]
    day, first = after[0]
    assert first.stage == BROKEN_PROMISE and day == promised_for + timedelta(days=1)
    # the broken promise moves the customer to the insistent track
    assert any(i.stage.startswith(INSISTENT_PREFIX) for _, i in after)


def _check_plan_control(env: Env, items: list[tuple[date, AgendaItem]], plan_id: int) -> None:
    plan = env.plans.get(plan_id)
    start = plan.start_date
    assert start == CONTROL_DUE + timedelta(days=7)
    assert plan.status is PlanStatus.BROKEN and plan.broken_instalment == 2
    during = [(d, i) for d, i in items if start <= d]
    ladder_codes = {s.code for s in DEFAULT_LADDER.stages}
    second_due = plan.instalments[1].due_date
    broke_on = second_due + timedelta(days=plan.grace_days + 1)
    while broke_on.weekday() == 6:
        broke_on += timedelta(days=1)
    current = [(d, i) for d, i in during if d < broke_on]
    # while the plan is current its invoice leaves the ladder; instalments get reminders
    assert current and all(not i.stage.startswith(INSISTENT_PREFIX) for _, i in current)
    assert all(i.stage not in ladder_codes for _, i in current)
    assert {i.stage for _, i in current} == {"instalment_reminder", "instalment_overdue"}
    reminder_days = [d for d, i in current if i.stage == "instalment_reminder"]
    assert reminder_days[0] == plan.instalments[0].due_date - timedelta(days=3)
    # the missed instalment breaks the plan after the grace days, and collection resumes
    day, follow = next((d, i) for d, i in during if d >= broke_on)
    assert follow.stage == BROKEN_PROMISE and day == broke_on
    resumed = [i for d, i in during if d > broke_on]
    assert resumed and all(i.stage in ladder_codes or i.stage.startswith(INSISTENT_PREFIX)
                           for i in resumed)  # fmt: skip
