"""The penalty engine against a real SQLite book: apply, idempotence, catch-up, waivers."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.invoices import InvoiceKind, Lifecycle, LineInput
from cobranza_desktop.domain.penalties import (
    ChargeKind,
    PenaltyPolicy,
    PenaltyPreset,
)
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.penalties.engine import LATE_CHARGE_SERIES, PenaltyService
from cobranza_desktop.services.receivables.aging import AgingService
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.penalties import PenaltyCharge
from tests.factories import sign_terms

D = Decimal
JAN31 = date(2026, 1, 31)

# 3 grace days, $150.00 + 2 % once per invoice, 36 % a year on a 360 basis (0.1 % a day).
FEE_POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM,
    grace_days=3,
    fixed_fee=D("150.00"),
    percent_fee=D("2"),
    annual_rate_percent=D("36"),
    day_basis=360,
)
# 10 % a year, basis 365, interest only: rounding matters.
TEN_PERCENT = PenaltyPolicy(preset=PenaltyPreset.CUSTOM, annual_rate_percent=D("10"))


class Shop:
    """A book with the services the tests drive."""

    def __init__(self, book: Book, clock: FixedClock) -> None:
        self.book = book
        self.clock = clock
        self.customers = CustomerService(book, clock)
        self.invoices = InvoiceService(book, clock)
        self.payments = PaymentService(book, clock)
        self.penalties = PenaltyService(book, clock)
        self.aging = AgingService(book, clock)
        self.checks = BookCheckService(book)

    def customer(self, name: str, *, signed: bool = True) -> int:
        made = self.customers.create(CustomerData(name=name)).id
        if signed:  # the contract's terms apply (unsigned: the legal rate only)
            sign_terms(self.book, self.clock, made)
        return made

    def invoice(self, customer_id: int, amount: str, due: date = JAN31) -> int:
        draft = InvoiceDraft(
            customer_id=customer_id,
            lines=(LineInput("Servicio", D(1), D(amount), D(0), D(0)),),
            issue_date=due - timedelta(days=30),
            due_date=due,
        )
        return self.invoices.issue(draft).id

    def pay(self, customer_id: int, amount: str, on: date) -> None:
        self.payments.record(PaymentInput(customer_id, amount, on))

    def on(self, day: date) -> None:
        self.clock.current = FixedClock.on(day).current


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    clock = FixedClock.on(date(2026, 1, 1))
    book = open_book(tmp_path / "book.sqlite", create=True, now=clock.now())
    try:
        yield Shop(book, clock)
    finally:
        book.close()


def _late_charges(book: Book) -> list[Invoice]:
    with book.session() as session:
        return list(
            session.scalars(
                select(Invoice).where(Invoice.kind == "late_charge").order_by(Invoice.id)
            )
        )


def test_policy_defaults_to_none_and_customer_override(shop: Shop) -> None:
    ana = shop.customer("Ana")
    assert shop.penalties.business_policy() == PenaltyPolicy.none()
    shop.penalties.set_business_policy(PenaltyPolicy.legal())
    assert shop.penalties.policy_for(ana) == PenaltyPolicy.legal()
    shop.penalties.set_customer_policy(ana, FEE_POLICY)
    assert shop.penalties.customer_policy(ana) == FEE_POLICY
    assert shop.penalties.policy_for(ana) == FEE_POLICY
    assert shop.penalties.customers_with_own_policy() == [(ana, "Ana")]
    shop.penalties.set_customer_policy(ana, None)
    assert shop.penalties.policy_for(ana) == PenaltyPolicy.legal()


def test_propose_writes_nothing_then_apply_books_late_charges(shop: Shop) -> None:
    ana = shop.customer("Ana")
    invoice_id = shop.invoice(ana, "8000.00")
    shop.on(date(2026, 2, 13))
    shop.pay(ana, "3000.00", date(2026, 2, 2))
    shop.penalties.set_business_policy(FEE_POLICY)

    proposal = shop.penalties.propose()
    # Fee on 04/02 on the 5,000 outstanding: 150 + 2 % × 5,000 = 250.00
    # Interest 04/02..13/02: 10 days × 5,000 × 0.1 % = 50.00
    assert [(c.invoice_id, c.key, c.amount) for c in proposal.charges] == [
        (invoice_id, "fee", D("250.00")),
        (invoice_id, "interest:2026-02-13", D("50.00")),
    ]
    assert proposal.total == D("300.00")
    assert _late_charges(shop.book) == []

    applied = shop.penalties.apply()
    assert applied.total == D("300.00")
    documents = _late_charges(shop.book)
    assert [(d.total_cents, d.parent_invoice_id, d.series, d.lifecycle) for d in documents] == [
        (25000, invoice_id, LATE_CHARGE_SERIES, "issued"),
        (5000, invoice_id, LATE_CHARGE_SERIES, "issued"),
    ]
    assert [c.charge_number for c in applied.charges] == ["CM-00001", "CM-00002"]
    assert documents[1].tax_cents == 0
    # Charges are part of the balance and of aging, as their own kind of document.
    balance = shop.customers.balance(ana)
    assert balance.balance == D("5300.00")
    views = shop.invoices.for_customer(ana)
    assert sorted(v.kind for v in views) == [
        InvoiceKind.INVOICE,
        InvoiceKind.LATE_CHARGE,
        InvoiceKind.LATE_CHARGE,
    ]
    assert shop.aging.report(date(2026, 2, 13)).total == D("5300.00")
    assert shop.checks.run().ok


def test_applying_twice_the_same_day_charges_nothing_more(shop: Shop) -> None:
    ana = shop.customer("Ana")
    shop.invoice(ana, "8000.00")
    shop.on(date(2026, 2, 13))
    shop.penalties.set_business_policy(FEE_POLICY)
    first = shop.penalties.apply()
    assert first.total == D("390.00")  # fee 150 + 2 % × 8,000 = 310.00; 10 days × 8.00 = 80.00
    assert shop.penalties.propose().charges == ()
    assert shop.penalties.apply().charges == ()
    with shop.book.session() as session:
        assert session.scalar(select(func.count()).select_from(PenaltyCharge)) == 2


def _interest_total(shop: Shop) -> Decimal:
    return sum(
        (c.amount for c in shop.penalties.charges() if c.kind is ChargeKind.INTEREST), D("0")
    )


def test_catch_up_after_days_closed_charges_only_the_new_days(shop: Shop) -> None:
    ana = shop.customer("Ana")
    shop.invoice(ana, "1000.00")
    shop.penalties.set_business_policy(TEN_PERCENT)
    shop.on(date(2026, 2, 10))
    # 1,000 × 10 % × 10 / 365 = 2.739726… → 2.74
    assert shop.penalties.apply().total == D("2.74")
    # Closed until 28/02: 28 days → 7.671232… → 7.67 in all; this period 7.67 − 2.74 = 4.93
    shop.on(date(2026, 2, 28))
    catch_up = shop.penalties.apply()
    assert [(c.period_start, c.period_end, c.days, c.amount) for c in catch_up.charges] == [
        (date(2026, 2, 11), date(2026, 2, 28), 18, D("4.93"))
    ]
    assert _interest_total(shop) == D("7.67")


def test_daily_runs_add_up_to_one_run(shop: Shop) -> None:
    ana = shop.customer("Ana")
    shop.invoice(ana, "1000.00")
    shop.penalties.set_business_policy(TEN_PERCENT)
    day = date(2026, 1, 25)
    while day <= date(2026, 2, 28):
        shop.on(day)
        shop.penalties.apply()
        shop.penalties.apply()  # twice a day, on purpose
        day += timedelta(days=1)
    # Same total as charging once on 28/02: 7.67; no period charged twice.
    assert _interest_total(shop) == D("7.67")
    charges = sorted(shop.penalties.charges(), key=lambda c: c.period_start)
    for earlier, later in itertools.pairwise(charges):
        assert later.period_start == earlier.period_end + timedelta(days=1)
    assert charges[0].period_start == date(2026, 2, 1)
    assert charges[-1].period_end == date(2026, 2, 28)


def test_final_period_is_charged_after_the_invoice_is_paid(shop: Shop) -> None:
    ana = shop.customer("Ana")
    shop.invoice(ana, "8000.00")
    shop.penalties.set_business_policy(FEE_POLICY)
    shop.on(date(2026, 2, 13))
    shop.penalties.apply()  # fee 310.00 + interest 04/02..13/02 = 80.00
    shop.on(date(2026, 2, 20))
    # The customer pays the invoice (the oldest due, so the payment goes to it first).
    shop.pay(ana, "8000.00", date(2026, 2, 20))
    shop.on(date(2026, 2, 28))
    # 14/02..20/02 = 7 days × 8,000 × 0.1 % = 56.00; nothing after the payment day.
    charges = shop.penalties.apply().charges
    assert [(c.period_start, c.period_end, c.days, c.amount) for c in charges] == [
        (date(2026, 2, 14), date(2026, 2, 28), 7, D("56.00"))
    ]
    shop.on(date(2026, 3, 31))
    assert shop.penalties.apply().charges == ()


def test_waive_voids_the_document_and_is_never_recharged(shop: Shop) -> None:
    ana = shop.customer("Ana")
    shop.invoice(ana, "8000.00")
    shop.penalties.set_business_policy(FEE_POLICY)
    shop.on(date(2026, 2, 13))
    fee, _interest = shop.penalties.apply().charges
    with pytest.raises(ValidationError):
        shop.penalties.waive(fee.id, "  ")
    assert not shop.penalties.charges(customer_id=ana)[0].waived

    waived = shop.penalties.waive(fee.id, "Cliente de muchos años")
    assert waived.waived and waived.waive_reason == "Cliente de muchos años"
    assert waived.balance == D("0.00")
    with shop.book.session() as session:
        document = session.get(Invoice, fee.charge_invoice_id)
        assert document is not None
        assert document.lifecycle == Lifecycle.VOIDED.value
        assert "Cliente de muchos años" in document.void_reason
    with pytest.raises(ConflictError):
        shop.penalties.waive(fee.id, "otra vez")
    # Balance: 8,000 + 80 of interest; the fee is gone. Running again charges nothing new.
    assert shop.customers.balance(ana).balance == D("8080.00")
    assert shop.penalties.apply().charges == ()
    summary = shop.penalties.customer_summary(ana)
    assert (summary.charged, summary.waived, summary.pending) == (
        D("80.00"),
        D("310.00"),
        D("0.00"),
    )
    assert shop.checks.run().ok


def test_customer_terms_override_the_business(shop: Shop) -> None:
    ana = shop.customer("Ana")
    beto = shop.customer("Beto")
    shop.invoice(ana, "8000.00")
    shop.invoice(beto, "8000.00")
    shop.penalties.set_business_policy(FEE_POLICY)
    shop.penalties.set_customer_policy(beto, PenaltyPolicy.none())
    shop.on(date(2026, 2, 13))
    proposal = shop.penalties.propose()
    assert {c.customer_id for c in proposal.charges} == {ana}
    assert shop.penalties.propose(customer_id=beto).charges == ()


def test_apply_only_the_selected_rows(shop: Shop) -> None:
    ana = shop.customer("Ana")
    invoice_id = shop.invoice(ana, "8000.00")
    shop.penalties.set_business_policy(FEE_POLICY)
    shop.on(date(2026, 2, 13))
    applied = shop.penalties.apply(selected=[(invoice_id, "interest:2026-02-13")])
    assert [c.key for c in applied.charges] == ["interest:2026-02-13"]
    assert [c.key for c in shop.penalties.propose().charges] == ["fee"]


def test_cancelled_apply_writes_nothing(shop: Shop) -> None:
    ana = shop.customer("Ana")
    shop.invoice(ana, "8000.00")
    shop.penalties.set_business_policy(FEE_POLICY)
    shop.on(date(2026, 2, 13))
    assert shop.penalties.apply(cancelled=lambda: True).charges == ()
    assert _late_charges(shop.book) == []


def test_future_dates_are_refused(shop: Shop) -> None:
    shop.on(date(2026, 2, 13))
    with pytest.raises(ValidationError) as info:
        shop.penalties.propose(date(2026, 2, 14))
    assert info.value.field == "as_of"


def test_no_penalties_on_late_charges_nor_voided_invoices(shop: Shop) -> None:
    ana = shop.customer("Ana")
    voided = shop.invoice(ana, "500.00")
    shop.invoices.void(voided, "Error de captura")
    shop.invoice(ana, "8000.00")
    shop.penalties.set_business_policy(FEE_POLICY)
    shop.on(date(2026, 2, 13))
    shop.penalties.apply()
    shop.on(date(2026, 4, 30))
    # Only the 8,000 invoice accrues: late charges (due 13/02) never do.
    charges = shop.penalties.propose().charges
    assert {c.invoice_id for c in charges} == {c.invoice_id for c in shop.penalties.charges()}
    assert [c.key for c in charges] == ["interest:2026-04-30"]


def test_negotiation_preview(shop: Shop) -> None:
    ana = shop.customer("Ana")
    shop.invoice(ana, "10000.00")
    shop.penalties.set_business_policy(
        PenaltyPolicy(
            preset=PenaltyPreset.CUSTOM,
            fixed_fee=D("200.00"),
            annual_rate_percent=D("36"),
            day_basis=360,
        )
    )
    shop.on(date(2026, 3, 2))  # 30 days past due
    # Fee 200.00 + 10,000 × 30 × 0.1 % = 300.00 → penalties 500.00, not yet charged.
    preview = shop.penalties.negotiation_preview(ana, 3)
    assert preview.without_penalties == (D("3333.34"), D("3333.33"), D("3333.33"))
    assert preview.with_penalties == (D("3500.00"),) * 3
    # Once charged, the same figures come from the open late charges.
    shop.penalties.apply()
    assert shop.penalties.negotiation_preview(ana, 3) == preview


def test_invoices_in_a_current_plan_accrue_nothing_and_plan_waivers_show(shop: Shop) -> None:
    from cobranza_desktop.services.collections.plans import PlanRequest, PlanService

    ana = shop.customer("Ana")
    invoice_id = shop.invoice(ana, "8000.00")
    shop.penalties.set_business_policy(FEE_POLICY)
    shop.on(date(2026, 2, 13))
    fee, _interest = shop.penalties.apply().charges
    # A plan over the invoice and the fee, waiving the fee (the plan voids its document).
    plans = PlanService(shop.book, shop.clock)
    plans.create(
        PlanRequest(
            ana,
            (invoice_id, fee.charge_invoice_id),
            4,
            "monthly",
            date(2026, 3, 13),
            waive_penalties=True,
        )
    )
    waived = next(c for c in shop.penalties.charges() if c.id == fee.id)
    assert waived.waived and waived.balance == D("0.00")
    assert "convenio" in waived.waive_reason
    with pytest.raises(ConflictError):
        shop.penalties.waive(fee.id, "otra vez")
    # While the plan is kept, the invoice accrues nothing.
    shop.on(date(2026, 2, 28))
    assert shop.penalties.propose().charges == ()


def test_penalty_notice_gets_the_engine_figures(shop: Shop) -> None:
    from cobranza_desktop.services.documents.printing import DocumentService

    ana = shop.customer("Ana")
    shop.invoice(ana, "8000.00")
    shop.penalties.set_business_policy(FEE_POLICY)
    shop.on(date(2026, 2, 13))
    documents = DocumentService(shop.book, shop.clock)
    # Not yet charged: fee 150 + 2 % × 8,000 = 310.00; interest 10 days × 8.00 = 80.00
    notice = documents.notice_data(ana)
    ((line,),) = (notice.penalties,)
    assert (line.fee, line.interest, line.amount, line.days, line.day_basis) == (
        D("310.00"),
        D("80.00"),
        D("390.00"),
        10,
        360,
    )
    assert notice.penalty_total == D("390.00") and notice.debt == D("8000.00")
    # Charged today: the two documents are due today, not yet overdue; the notice lists
    # them as penalties (once), with nothing left to charge.
    shop.penalties.apply()
    notice = documents.notice_data(ana)
    assert sorted(p.amount for p in notice.penalties) == [D("80.00"), D("310.00")]
    assert notice.penalty_total == D("390.00") and notice.debt == D("8000.00")
    # The next day they are overdue items of the notice, and only the new day accrues.
    shop.on(date(2026, 2, 14))
    notice = documents.notice_data(ana)
    assert notice.debt == D("8390.00")
    assert [p.amount for p in notice.penalties] == [D("8.00")]
    assert notice.penalty_total == D("8.00")
    assert documents.notice_pdf(ana).startswith(b"%PDF")
