from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.plans import PlanStatus
from cobranza_desktop.services.collections.plans import PlanRequest
from tests.services.collections.collections_helpers import START, Env, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.book.close()


def test_plan_takes_invoices_off_the_ladder_and_reminds_instalments(env: Env) -> None:
    cid = env.customer()
    inv1 = env.invoice(cid, "1000.00", START - timedelta(days=60), START - timedelta(days=30))
    inv2 = env.invoice(cid, "500.00", START - timedelta(days=40), START - timedelta(days=10))
    request = PlanRequest(
        cid, (inv1, inv2), 3, "weekly", START + timedelta(days=7), down_payment="300.00"
    )
    preview = env.plans.preview(request)
    assert [i.amount for i in preview.schedule.instalments] == [
        Decimal("300.00"), Decimal("400.00"), Decimal("400.00"), Decimal("400.00")
    ]  # fmt: skip
    assert env.agenda.agenda().items[0].stage == "penalty_notice"
    plan = env.plans.create(request)
    assert plan.number == "CONV-0001" and plan.status is PlanStatus.CURRENT
    (down,) = env.agenda.agenda().items  # the down payment is due today
    assert down.stage == "instalment_reminder" and down.amount_due == Decimal("300.00")
    with pytest.raises(ConflictError):
        env.plans.create(request)
    env.pay(cid, "300.00")
    assert env.agenda.agenda().items == ()
    env.go(START + timedelta(days=4))
    (item,) = env.agenda.agenda().items
    assert item.stage == "instalment_reminder" and item.amount_due == Decimal("400.00")
    env.agenda.complete(item, "contacted")
    env.go(START + timedelta(days=7))
    env.pay(cid, "400.00")
    view = env.plans.get(plan.id)
    assert view.paid == Decimal("700.00")
    assert [i.remaining for i in view.instalments] == [0, 0, Decimal("400.00"), Decimal("400.00")]
    # the second instalment is missed: after 5 grace days the plan breaks
    env.go(START + timedelta(days=14 + 5))
    assert env.plans.get(plan.id).status is PlanStatus.CURRENT
    env.go(START + timedelta(days=14 + 6))
    assert env.plans.get(plan.id).status is PlanStatus.BROKEN
    sunday = env.agenda.agenda()  # day 20 is a Sunday: the follow-up waits for Monday
    assert sunday.items == () and sunday.deferred[0].stage == "broken_promise"
    env.go(START + timedelta(days=14 + 7))
    (item,) = env.agenda.agenda().items
    assert item.stage == "broken_promise" and "convenio" in item.reason
    env.agenda.complete(item, "no_answer")
    env.go(START + timedelta(days=14 + 8))
    (item,) = env.agenda.agenda().items
    assert item.invoice_ids == (inv1, inv2)  # collection resumes on the ladder


def test_plan_with_interest_and_waived_penalty_and_pdf(env: Env) -> None:
    from cobranza_desktop.domain.invoices import InvoiceKind, make_line
    from cobranza_desktop.services.billing.invoices import InvoiceDraft, create_invoice

    cid = env.customer("José Peña & Hijos")
    inv = env.invoice(cid, "1000.00", START - timedelta(days=60), START - timedelta(days=30))
    with env.book.transaction() as session:
        charge = create_invoice(
            session,
            InvoiceDraft(cid, (make_line("Recargo", 1, "100", tax_rate_percent=0),), START, START),
            env.clock.now(),
            kind=InvoiceKind.LATE_CHARGE,
            parent_invoice_id=inv,
        ).id
    plan = env.plans.create(
        PlanRequest(
            cid, (inv, charge), 2, "monthly", START + timedelta(days=30),
            interest_percent="5", waive_penalties=True,
        )
    )  # fmt: skip
    assert plan.waived == Decimal("100.00") and plan.interest == Decimal("50.00")
    assert plan.total == Decimal("1050.00")
    assert env.invoices.get(charge).lifecycle.value == "voided"
    open_total = sum(i.balance for i in env.invoices.for_customer(cid, open_only=True))
    assert open_total == plan.total  # the interest became a charge in the plan
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(env.plans.pdf(plan.id))).pages)
    assert "José Peña & Hijos" in text and "$525.00" in text and plan.number in text
    cancelled = env.plans.cancel(plan.id, "Acuerdo de ambas partes")
    assert cancelled.status is PlanStatus.CANCELLED


def test_bad_plan_requests(env: Env) -> None:
    cid = env.customer()
    other = env.customer("Otro")
    inv = env.invoice(other, "100.00", START, START)
    with pytest.raises(ValidationError):
        env.plans.create(PlanRequest(cid, (inv,), 2, "weekly", START))
    with pytest.raises(ValidationError):
        env.plans.create(PlanRequest(cid, (), 2, "weekly", START))
    mine = env.invoice(cid, "100.00", START, START)
    with pytest.raises(ValidationError):
        env.plans.create(PlanRequest(cid, (mine,), 2, "daily", START))
    with pytest.raises(ValidationError):
        env.plans.create(PlanRequest(cid, (mine,), 2, "weekly", START, custom_amounts=("1", "2")))
    assert env.plans.for_customer(cid) == []


def test_list_plans_filters_by_status_and_open_invoices_skip_current_plans(env: Env) -> None:
    ana = env.customer("Ana")
    beto = env.customer("Beto")
    old = env.invoice(ana, "900.00", START - timedelta(days=60), START - timedelta(days=30))
    new = env.invoice(ana, "300.00", START, START + timedelta(days=30))
    other = env.invoice(beto, "500.00", START - timedelta(days=40), START - timedelta(days=10))
    assert env.plans.list_plans() == []
    listed = env.plans.open_invoices(ana)
    assert [(i.invoice_id, i.overdue, i.balance) for i in listed] == [
        (old, True, Decimal("900.00")), (new, False, Decimal("300.00"))
    ]  # fmt: skip
    first = env.plans.create(PlanRequest(ana, (old,), 3, "monthly", START + timedelta(days=7)))
    second = env.plans.create(PlanRequest(beto, (other,), 2, "weekly", START + timedelta(days=7)))
    assert [i.invoice_id for i in env.plans.open_invoices(ana)] == [new]
    assert [p.id for p in env.plans.list_plans()] == [second.id, first.id]
    env.plans.cancel(second.id, "Acordado por teléfono")
    assert [p.id for p in env.plans.list_plans(PlanStatus.CURRENT)] == [first.id]
    assert [p.id for p in env.plans.list_plans("cancelled")] == [second.id]
    assert env.plans.list_plans(PlanStatus.BROKEN) == []
    # once cancelled, Beto's invoice may go in a new plan
    assert [i.invoice_id for i in env.plans.open_invoices(beto)] == [other]
