"""Receiving and issuing are each one transaction: a failure after the payment (or the
invoice) is flushed leaves nothing behind, so an earned discount can never be lost."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.incentives import EarlyPaymentTerms, PunctualityReward
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing import issuing
from cobranza_desktop.services.billing.incentives import IncentiveService
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections import receiving
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Payment
from tests.factories import customer, invoice


class Killed(Exception):
    """The program stopping between two steps of one use case."""


def test_a_stop_after_the_payment_writes_no_payment(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    IncentiveService(ws.book, ws.clock).set_early_payment_terms(
        EarlyPaymentTerms(Decimal("2"), 10, 30)
    )
    c = customer(ws)
    inv = invoice(ws, c.id, "1000.00", issued=date(2026, 11, 15), due=date(2026, 12, 15))
    flushed: list[int] = []

    def stop(session: object, payment: Payment, now: object) -> list[object]:
        flushed.append(payment.id)  # the payment reached the database...
        raise Killed

    monkeypatch.setattr(receiving, "grant_early_payment_discounts", stop)
    with pytest.raises(Killed):
        ws.receiving.receive(PaymentInput(c.id, "1136.80", date(2026, 11, 20)))
    assert flushed and flushed[0] is not None
    assert ws.payments.for_customer(c.id) == []  # ...and was rolled back with the rest
    assert ws.invoices.get(inv.id).balance == Decimal("1160.00")
    assert ws.checks.run().ok


def test_a_stop_after_the_invoice_writes_no_invoice(
    ws: Workspace, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    IncentiveService(ws.book, ws.clock).set_punctuality_rule(PunctualityReward(1, Decimal("5")))
    c = customer(ws)

    def stop(session: object, inv: object, today: object, now: object) -> None:
        raise Killed

    monkeypatch.setattr(issuing, "grant_punctuality_reward", stop)
    line = make_line("Servicio", 1, "100.00")
    with pytest.raises(Killed):
        ws.issuing.issue(InvoiceDraft(c.id, (line,), clock.today()))
    assert ws.invoices.for_customer(c.id) == []
    assert ws.checks.run().ok


def test_check_finds_a_payment_whose_earned_discount_is_missing(ws: Workspace) -> None:
    incentives = IncentiveService(ws.book, ws.clock)
    incentives.set_early_payment_terms(EarlyPaymentTerms(Decimal("2"), 10, 30))
    c = customer(ws)
    inv = invoice(ws, c.id, "1000.00", issued=date(2026, 11, 15), due=date(2026, 12, 15))
    # What the two-transaction receiving left after a stop: the payment, no discount.
    pay = ws.payments.record(PaymentInput(c.id, "1136.80", date(2026, 11, 20)))
    report = ws.checks.run()
    failed = {r.name: r.offending for r in report.results if not r.ok}
    assert failed == {"early_payment_discounts_granted": ((pay.id, inv.id),)}
    incentives.on_payment(pay.id)  # settling it mends the book
    assert ws.checks.run().ok


def test_check_leaves_a_late_or_partial_payment_alone(ws: Workspace) -> None:
    IncentiveService(ws.book, ws.clock).set_early_payment_terms(
        EarlyPaymentTerms(Decimal("2"), 10, 30)
    )
    c = customer(ws)
    invoice(ws, c.id, "1000.00", issued=date(2026, 10, 1), due=date(2026, 10, 31))
    invoice(ws, c.id, "1000.00", issued=date(2026, 11, 15), due=date(2026, 12, 15))
    ws.payments.record(PaymentInput(c.id, "1160.00", date(2026, 11, 20)))  # first one, late
    ws.payments.record(PaymentInput(c.id, "500.00", date(2026, 11, 21)))  # not settling
    assert ws.checks.run().ok


def test_check_finds_an_invoice_issued_without_its_punctuality_reward(
    ws: Workspace, clock: FixedClock
) -> None:
    incentives = IncentiveService(ws.book, ws.clock)
    incentives.set_punctuality_rule(PunctualityReward(2, Decimal("5")))
    c = customer(ws)
    start = clock.today()
    for _ in range(2):
        clock.advance(hours=1)
        inv = invoice(ws, c.id, "100.00", issued=start, due=start + timedelta(days=30))
        clock.advance(hours=1)
        ws.payments.record(PaymentInput(c.id, inv.total, start))  # on time
    clock.advance(hours=1)
    line = make_line("Servicio", 1, "100.00")
    # Issued the plain way, the reward the rule says was earned is missing.
    plain = ws.invoices.issue(InvoiceDraft(c.id, (line,), start))
    report = ws.checks.run()
    failed = {r.name: r.offending for r in report.results if not r.ok}
    assert failed == {"punctuality_rewards_granted": ((plain.id,),)}
    ws.invoices.void(plain.id, "emitida sin premio")
    clock.advance(hours=1)
    issued = ws.issuing.issue(InvoiceDraft(c.id, (line,), start))
    assert issued.reward is not None and issued.reward.amount == Decimal("5.80")
    assert ws.checks.run().ok
