"""Any sequence of invoices, payments, allocations, voids and reversals conserves every cent."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import URL

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.incentives import IncentiveService
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput

START = date(2026, 1, 1)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("5000"), places=2)

operation = st.one_of(
    st.tuples(st.just("invoice"), st.integers(0, 1), amounts, st.sampled_from(["0", "16"])),
    st.tuples(st.just("pay"), st.integers(0, 1), amounts, st.booleans()),
    st.tuples(st.just("void"), st.integers(0, 30), st.just(Decimal(0)), st.just(False)),
    st.tuples(st.just("reverse"), st.integers(0, 30), st.just(Decimal(0)), st.just(False)),
    st.tuples(st.just("apply_credit"), st.integers(0, 30), st.just(Decimal(0)), st.just(False)),
)


@settings(
    max_examples=40,
    deadline=None,
    # A new book for each example, from the factory fixture: on SQLite and on PostgreSQL.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ops=st.lists(operation, min_size=1, max_size=25))
def test_every_cent_is_conserved(
    new_book_location: Callable[[], Path | URL], ops: list[tuple[str, int, Decimal, object]]
) -> None:
    ws = open_workspace(new_book_location(), FixedClock.on(date(2026, 12, 31)))
    try:
        people = [ws.customers.create(CustomerData(name=f"Cliente {i}")).id for i in range(2)]
        invoiced = {p: Decimal(0) for p in people}
        received = {p: Decimal(0) for p in people}
        invoice_ids: list[int] = []
        payment_ids: list[int] = []
        for step, (kind, who, amount, flag) in enumerate(ops):
            day = START + timedelta(days=step)
            try:
                if kind == "invoice":
                    line = make_line("x", 1, amount, tax_rate_percent=str(flag))
                    inv = ws.invoices.issue(InvoiceDraft(people[who], (line,), day))
                    invoice_ids.append(inv.id)
                    invoiced[people[who]] += inv.total
                elif kind == "pay":
                    by_hand = None
                    if flag:  # by hand: everything to the newest open invoice that fits
                        items = ws.payments.open_items(people[who])
                        if items:
                            target = items[-1]
                            by_hand = (Allocation(target.invoice_id, min(amount, target.balance)),)
                    pay = ws.payments.record(
                        PaymentInput(people[who], amount, day, allocations=by_hand)
                    )
                    payment_ids.append(pay.id)
                    received[pay.customer_id] += amount
                elif kind == "void" and invoice_ids:
                    inv = ws.invoices.get(invoice_ids[who % len(invoice_ids)])
                    ws.invoices.void(inv.id, "prueba")
                    invoiced[inv.customer_id] -= inv.total
                elif kind == "reverse" and payment_ids:
                    pay = ws.payments.get(payment_ids[who % len(payment_ids)])
                    ws.payments.reverse(pay.id, "prueba")
                    received[pay.customer_id] -= pay.amount
                elif kind == "apply_credit" and payment_ids:
                    ws.payments.allocate_credit(payment_ids[who % len(payment_ids)])
            except CobranzaError:
                pass  # refused operations must leave the book untouched (checked below)
        assert ws.checks.run().ok
        for person in people:
            balance = ws.customers.balance(person)
            assert balance.balance == invoiced[person] - received[person]
        aging = ws.aging.report(date(2026, 12, 31))
        assert aging.total == sum(ws.customers.balance(p).open_amount for p in people)
        assert aging.total == sum(aging.bucket_totals)
    finally:
        ws.close()


class _Stopped(Exception):
    """The program killed between two steps of one use case."""


killed = st.booleans()
incentive_operation = st.one_of(
    st.tuples(st.just("issue"), st.integers(0, 1), amounts, st.integers(0, 8), st.just(False)),
    st.tuples(st.just("issue"), st.integers(0, 1), amounts, st.integers(0, 8), killed),
    st.tuples(st.just("receive"), st.integers(0, 1), amounts, st.integers(0, 20), killed),
    # Settle the newest open invoice in full (earns the discount when within the window).
    st.tuples(st.just("settle"), st.integers(0, 1), st.just(Decimal(0)), st.integers(0, 1), killed),
    st.tuples(st.just("reverse"), st.integers(0, 30), st.just(Decimal(0)), st.just(0), killed),
    st.tuples(st.just("void"), st.integers(0, 30), st.just(Decimal(0)), st.just(0), killed),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(incentive_operation, min_size=4, max_size=20))
# Always tried: an invoice, then a payment that earns its discount killed halfway.
@example(
    [
        ("issue", 0, Decimal("100.00"), 0, False),
        ("settle", 0, Decimal(0), 0, True),
        ("issue", 1, Decimal("50.00"), 0, False),
        ("settle", 1, Decimal(0), 0, False),
    ]
)
def test_every_earned_incentive_is_granted_even_after_a_stop(
    ops: list[tuple[str, int, Decimal, int, bool]],
) -> None:
    """Receiving and issuing with the incentive rules on, the program sometimes killed
    right after the payment or invoice is written: the grants the rules say were earned
    always exist (``cobranza check``), and every cent is still conserved."""
    from unittest import mock

    from cobranza_desktop.domain.incentives import EarlyPaymentTerms, PunctualityReward
    from cobranza_desktop.services.billing import issuing
    from cobranza_desktop.services.collections import receiving

    with tempfile.TemporaryDirectory() as folder:
        clock = FixedClock.on(START)
        ws = open_workspace(Path(folder) / "b.sqlite", clock)
        try:
            rules = IncentiveService(ws.book, clock)
            rules.set_early_payment_terms(EarlyPaymentTerms(Decimal("2"), 10, 30))
            rules.set_punctuality_rule(PunctualityReward(2, Decimal("5")))
            people = [ws.customers.create(CustomerData(name=f"Cliente {i}")).id for i in range(2)]
            invoice_ids: list[int] = []
            payment_ids: list[int] = []
            for kind, who, amount, back, stopped in ops:
                clock.advance(days=1, minutes=1)  # every step its own moment
                day = clock.today() - timedelta(days=back)
                stop = mock.Mock(side_effect=_Stopped)
                try:
                    if kind == "issue":
                        line = make_line("x", 1, amount)
                        draft = InvoiceDraft(people[who], (line,), day, day + timedelta(days=15))
                        if stopped:
                            with mock.patch.object(issuing, "grant_punctuality_reward", stop):
                                ws.issuing.issue(draft)
                        else:
                            invoice_ids.append(ws.issuing.issue(draft).invoice.id)
                    elif kind in ("receive", "settle"):
                        by_hand = None
                        if kind == "settle":
                            items = ws.payments.open_items(people[who])
                            if items:
                                amount = items[-1].balance
                                by_hand = (Allocation(items[-1].invoice_id, amount),)
                        data = PaymentInput(people[who], amount, day, allocations=by_hand)
                        if stopped:
                            with mock.patch.object(
                                receiving, "grant_early_payment_discounts", stop
                            ):
                                ws.receiving.receive(data)
                        else:
                            payment_ids.append(ws.receiving.receive(data).payment.id)
                    elif kind == "reverse" and payment_ids:
                        ws.payments.reverse(payment_ids[who % len(payment_ids)], "prueba")
                    elif kind == "void" and invoice_ids:
                        ws.invoices.void(invoice_ids[who % len(invoice_ids)], "prueba")
                except (CobranzaError, _Stopped):
                    pass  # refused or killed: nothing of the use case may remain
            report = ws.checks.run()
            assert report.ok, [r for r in report.results if not r.ok]
            aging = ws.aging.report(clock.today())
            assert aging.total == sum(ws.customers.balance(p).open_amount for p in people)
        finally:
            ws.close()
