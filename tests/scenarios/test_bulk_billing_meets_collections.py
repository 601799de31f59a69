"""The bulk billing run meets collections: a catch-up run over three months pays the
prepaid and the credit customers' invoices as it issues them, so that only the ordinary
member is on the agenda or charged; the risk tallies the run wrote match a full
recomputation, and `cobranza check` is green."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.incentives import PrepaymentKind, PrepaymentOffer
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.prepayments import PrepaymentService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.risk_tallies import stale_tallies
from tests.factories import customer

YEAR = PrepaymentOffer(12, PrepaymentKind.FREE_MONTHS, free_months=1)


def test_a_catch_up_run_leaves_only_the_ordinary_member_to_chase(ws: Workspace) -> None:
    subs = SubscriptionService(ws.book, ws.clock)
    members = {}
    for name, phone in (("Prepagado", "55 1111 2222"), ("Con saldo", "55 3333 4444"),
                        ("Ordinario", "55 5555 6666")):  # fmt: skip
        who = customer(ws, name, phone=phone, payment_terms_days=5).id
        start = date(2026, 8, 1)
        sub = subs.create(SubscriptionInput(who, "Internet", "500.00", "mensual", 1, start))
        members[name] = (who, sub.id)
    PrepaymentService(ws.book, ws.clock).accept(members["Prepagado"][1], YEAR, date(2026, 8, 1))
    credit_id = members["Con saldo"][0]
    ws.payments.record(PaymentInput(credit_id, "2000.00", date(2026, 7, 30), allocations=()))
    result = BillingRunService(ws.book, ws.clock).run(date(2026, 10, 1))
    assert len(result.invoices) == 9  # August to October, three members
    for name in ("Prepagado", "Con saldo"):
        assert ws.invoices.for_customer(members[name][0], open_only=True) == []
    assert ws.customers.balance(credit_id).credit == Decimal("2000.00") - 3 * Decimal("580.00")
    day = ws.agenda.agenda()
    chased = {item.customer_id for item in (*day.items, *day.deferred)}
    assert chased == {members["Ordinario"][0]}
    ws.penalties.set_business_policy(PenaltyPolicy.legal())
    assert set(ws.penalties.propose().by_customer()) == {members["Ordinario"][0]}
    with ws.book.session() as session:
        assert stale_tallies(session.connection()) == []
    assert ws.checks.run().ok
