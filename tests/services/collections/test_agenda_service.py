from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.domain.contact_policy import ContactPolicy
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.services.collections.contacts import ContactInput
from tests.services.collections.collections_helpers import START, Env, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.book.close()


def test_stage_is_proposed_done_once_and_counted_as_contact(env: Env) -> None:
    cid = env.customer()
    env.invoice(cid, "1500.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    (item,) = env.agenda.agenda().items
    assert item.stage == "phone_reminder" and item.amount_due == 1500
    assert env.agenda.agenda().items == (item,)  # computing twice changes nothing
    result = env.agenda.complete(item, "no_answer", notes="Buzón de voz")
    assert result.contact_id is not None and result.state == "done"
    assert env.agenda.agenda().items == ()
    with pytest.raises(ConflictError):
        env.agenda.complete(item)
    timeline = env.contacts.timeline(cid)
    assert [c.outcome.value for c in timeline] == ["no_answer"]
    # the next day the next stage comes
    env.go(START + timedelta(days=2))
    (item,) = env.agenda.agenda().items
    assert item.stage == "ask_reason_call"


def test_skip_needs_a_reason_and_is_not_proposed_again(env: Env) -> None:
    cid = env.customer()
    env.invoice(cid, "800.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=7))
    (item,) = env.agenda.agenda().items
    with pytest.raises(ValidationError):
        env.agenda.skip(item, " ")
    env.agenda.skip(item, "Ya habló con el dueño")
    assert env.agenda.agenda().items == ()
    assert env.contacts.timeline(cid) == []


def test_catch_up_after_closed_days_and_stage_effects(env: Env) -> None:
    cid = env.customer()
    env.invoice(cid, "2000.00", START - timedelta(days=60), START)
    env.go(START + timedelta(days=47))
    (item,) = env.agenda.agenda().items
    assert item.stage == "partial_restriction"
    result = env.agenda.complete(item, "contacted")
    assert result.new_status is CustomerStatus.RESTRICTED
    assert env.customers.get(cid).status == "restricted"
    history = env.restrictions.history(cid)
    assert history[-1].to_status is CustomerStatus.RESTRICTED and history[-1].restricted_services
    # paid up: propose lifting the restriction and a thank-you
    env.go(START + timedelta(days=49))
    env.pay(cid, "2000.00")
    (lift,) = env.agenda.agenda().items
    assert lift.stage == "lift_restriction"
    env.agenda.complete(lift, "paid")
    assert env.customers.get(cid).status == "active"
    env.go(START + timedelta(days=50))
    assert env.agenda.agenda().items == ()


def test_contact_cap_defers_and_override_needs_reason(env: Env) -> None:
    cid = env.customer()
    env.invoice(cid, "500.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    env.contacts.log(_contact(cid, "whatsapp", "contacted"))
    agenda = env.agenda.agenda()
    assert agenda.items == () and agenda.deferred[0].customer_id == cid
    with pytest.raises(ValidationError) as err:
        env.agenda.complete(agenda.deferred[0])
    assert err.value.field == "override_reason"
    done = env.agenda.complete(agenda.deferred[0], override_reason="El cliente pidió la llamada")
    assert done.contact_id is not None
    assert env.contacts.timeline(cid)[0].override_reason == "El cliente pidió la llamada"


def test_policy_and_quiet_hours_are_configurable(env: Env) -> None:
    cid = env.customer()
    env.go(START + timedelta(days=1), hour=22)
    with pytest.raises(ValidationError):
        env.contacts.log(_contact(cid, "phone", "no_answer"))
    env.agenda.set_policy(
        ContactPolicy(2, 5, quiet_start=time(23, 0), quiet_end=time(7, 0), no_sundays=False)
    )
    env.contacts.log(_contact(cid, "phone", "no_answer"))
    env.contacts.log(_contact(cid, "phone", "no_answer"))
    with pytest.raises(ValidationError):
        env.contacts.log(_contact(cid, "phone", "no_answer"))
    assert env.agenda.policy().max_per_day == 2


def test_broken_promise_goes_first_and_pending_promise_pauses(env: Env) -> None:
    a = env.customer("Ana")
    b = env.customer("Beto")
    env.invoice(a, "100.00", START - timedelta(days=30), START)
    env.invoice(b, "9000.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    items = env.agenda.agenda().items
    assert [i.customer_id for i in items] == [b, a]  # amount × days
    first = items[1]
    env.agenda.complete(
        first, "promise", promise_amount="100.00", promise_date=START + timedelta(days=4)
    )
    env.agenda.complete(items[0], "no_answer")
    for offset in (2, 3, 4):  # the ladder waits while the promise is pending
        env.go(START + timedelta(days=offset))
        assert a not in [i.customer_id for i in env.agenda.agenda().items]
    env.go(START + timedelta(days=5))
    items = env.agenda.agenda().items
    assert items[0].customer_id == a and items[0].stage == "broken_promise"
    assert items[0].broken_promise


def test_kept_promise_and_reasons_report(env: Env) -> None:
    a = env.customer("Ana")
    env.invoice(a, "300.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    env.contacts.log(
        _contact(a, "phone", "promise", reason="no_funds", amount="300.00",
                 promise_date=START + timedelta(days=3))
    )  # fmt: skip
    env.go(START + timedelta(days=3))
    env.pay(a, "300.00")
    env.go(START + timedelta(days=6))
    assert env.agenda.agenda().items == ()
    env.go(START + timedelta(days=8))
    env.contacts.log(_contact(a, "visit", "dispute", reason="product_dispute"))
    report = env.contacts.reasons_report(START, START + timedelta(days=10))
    counts = {r.reason.value: r.count for r in report}
    assert counts["no_funds"] == 1 and counts["product_dispute"] == 1 and counts["forgot"] == 0
    assert len(report) == 7
    assert (
        env.contacts.reasons_report(START + timedelta(days=9), START + timedelta(days=10))[0].count
        == 0
    )


def _contact(
    cid: int,
    channel: str,
    outcome: str,
    reason: str | None = None,
    amount: str | None = None,
    promise_date: date | None = None,
) -> ContactInput:
    return ContactInput(
        cid, channel, outcome, reason=reason, promise_amount=amount, promise_date=promise_date
    )


def test_lifting_an_already_lifted_restriction_only_logs_the_action(env: Env) -> None:
    cid = env.customer()
    env.restrictions.change(cid, "suspended", "60 días")
    (lift,) = env.agenda.agenda().items
    assert lift.stage == "lift_restriction"
    env.restrictions.change(cid, "active", "Pagó en mostrador")
    result = env.agenda.complete(lift, "paid")
    assert result.new_status is None and env.customers.get(cid).status == "active"


def test_penalty_stage_applies_the_contract_penalty_once(env: Env) -> None:
    from cobranza_desktop.domain.penalties import PenaltyPolicy
    from cobranza_desktop.services.penalties.engine import PenaltyService

    penalties = PenaltyService(env.book, env.clock)
    penalties.set_business_policy(PenaltyPolicy(preset="custom", fixed_fee=Decimal("250.00")))
    from cobranza_desktop.services.documents.credit_terms import CreditTermsService

    cid = env.customer()
    unsigned = env.customer("Sin Firma")
    CreditTermsService(env.book, env.clock).mark_signed(cid, START - timedelta(days=30))
    inv = env.invoice(cid, "1000.00", START - timedelta(days=30), START)
    env.invoice(unsigned, "1000.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=30))
    items = {i.customer_id: i for i in env.agenda.agenda().items}
    # Without signed terms the stage charges nothing: the preview asks for a reason.
    skipped = env.agenda.complete(items[unsigned], "contacted")
    assert items[unsigned].applies_penalty and skipped.penalties_applied == 0
    item = items[cid]
    assert item.stage == "penalty_notice" and item.applies_penalty
    result = env.agenda.complete(item, "contacted")
    assert result.penalties_applied > 0
    charges = [i for i in env.invoices.for_customer(cid) if i.kind.value == "late_charge"]
    assert sum(c.total for c in charges) == result.penalties_applied
    assert all(c.parent_invoice_id == inv for c in charges)
    assert [p for p in penalties.propose().charges if p.invoice_id == inv] == []
