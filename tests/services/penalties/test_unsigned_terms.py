"""Customers without signed credit terms agreed no rate: the legal 6 % only, unless the
business says why it charges them the contract's terms. Enforced in the service itself."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.penalties import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.documents.credit_terms import CreditTermsService
from cobranza_desktop.storage.models import Invoice
from tests.factories import customer, invoice

POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("36.5"), fixed_fee=Decimal("100")
)


def _book(ws: Workspace) -> tuple[int, int]:
    ws.penalties.set_business_policy(POLICY)
    signed = customer(ws, "Firmó S.A.", signed=False).id  # signs below
    unsigned = customer(ws, "Sin Firma", signed=False).id
    for cid in (signed, unsigned):
        invoice(ws, cid, "10000.00", issued=date(2026, 9, 1), due=date(2026, 10, 1), tax="0")
    CreditTermsService(ws.book, ws.clock).mark_signed(signed, date(2026, 9, 1))
    return signed, unsigned


def _late_charges(ws: Workspace, customer_id: int) -> list[str]:
    with ws.book.session() as session:
        return list(
            session.scalars(
                select(Invoice.notes).where(
                    Invoice.customer_id == customer_id, Invoice.kind == "late_charge"
                )
            )
        )


def test_preview_gives_the_unsigned_the_legal_rate(ws: Workspace) -> None:
    signed, unsigned = _book(ws)
    proposal = ws.penalties.propose()
    assert proposal.unsigned_customers() == [(unsigned, "Sin Firma")]
    # The contract: 100 fee + 10,000 × 36.5 % × 52 / 365 = 620.00.
    assert proposal.total_for(signed) == Decimal("620.00")
    # No fee, 6 % a year: 10,000 × 6 % × 52 / 365 = 85.48.
    assert proposal.total_for(unsigned) == Decimal("85.48")
    theirs = [c for c in proposal.charges if c.customer_id == unsigned]
    assert theirs and all(c.legal_rate and not c.terms_signed for c in theirs)
    assert not any(c.legal_rate for c in proposal.charges if c.customer_id == signed)


def test_preview_of_the_contract_terms_for_the_unsigned(ws: Workspace) -> None:
    signed, unsigned = _book(ws)
    proposal = ws.penalties.propose(contract_for_unsigned=True)
    assert proposal.total_for(signed) == proposal.total_for(unsigned) == Decimal("620.00")
    assert not any(c.legal_rate for c in proposal.charges)


def test_a_script_without_a_reason_charges_the_unsigned_the_legal_rate_only(
    ws: Workspace,
) -> None:
    signed, unsigned = _book(ws)
    applied = ws.penalties.apply()  # called as a script would: no reason at all
    totals: dict[int, Decimal] = {}
    for charge in applied.charges:
        totals[charge.customer_id] = totals.get(charge.customer_id, Decimal(0)) + charge.amount
    assert totals == {signed: Decimal("620.00"), unsigned: Decimal("85.48")}
    notes = _late_charges(ws, unsigned)
    assert len(notes) == 1 and "interés legal" in notes[0]  # no fee document
    # Nothing is left to charge either way: the legal period is charged, not the fee.
    assert ws.penalties.propose().charges == ()
    assert ws.penalties.apply_due().charges == ()


def test_a_blank_reason_is_refused_and_charges_nothing(ws: Workspace) -> None:
    _book(ws)
    with pytest.raises(ValidationError) as raised:
        ws.penalties.apply(unsigned_reason="  ")
    assert raised.value.field == "unsigned_reason"
    with pytest.raises(ValidationError):
        ws.penalties.apply_due(unsigned_reason="")
    assert ws.penalties.charges() == []


def test_charging_the_contract_with_a_reason_writes_it_on_the_document(ws: Workspace) -> None:
    signed, unsigned = _book(ws)
    applied = ws.penalties.apply(unsigned_reason="Acordado por correo")
    assert {c.customer_id for c in applied.charges} == {signed, unsigned}
    assert sum((c.amount for c in applied.charges), Decimal(0)) == Decimal("1240.00")
    notes = _late_charges(ws, unsigned)
    assert len(notes) == 2 and all("Acordado por correo" in n for n in notes)
    signed_notes = _late_charges(ws, signed)
    assert signed_notes and not any("Acordado" in n or "legal" in n for n in signed_notes)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    cents=st.integers(min_value=100, max_value=50_000_000),
    days=st.integers(min_value=1, max_value=50),
)
def test_the_legal_rate_is_six_percent_a_year_on_any_amount(
    ws: Workspace, cents: int, days: int
) -> None:
    """Whatever the contract says, an unsigned customer is proposed exactly
    principal × 6 % × days / 365, rounded once, and no fee."""
    ws.penalties.set_business_policy(POLICY)
    with ws.book.session() as session:
        existing = session.scalar(select(func.count()).select_from(Invoice)) or 0
    who = customer(ws, f"Cliente {existing}", signed=False).id
    today = ws.clock.today()
    amount = Decimal(cents) / 100
    invoice(
        ws,
        who,
        amount,
        issued=today - timedelta(days=days + 30),
        due=today - timedelta(days=days),
        tax="0",
    )
    theirs = ws.penalties.propose(customer_id=who).charges
    expected = (amount * Decimal("0.06") * days / 365).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    assert sum((c.amount for c in theirs), Decimal(0)) == expected
    assert all(c.legal_rate and c.breakdown.kind.value == "interest" for c in theirs)


def test_the_customer_file_shows_the_legal_rate_for_the_unsigned(ws: Workspace) -> None:
    signed, unsigned = _book(ws)
    theirs = ws.penalties.customer_summary(unsigned)
    assert theirs.legal_rate and theirs.policy == PenaltyPolicy.legal()
    assert theirs.pending == Decimal("85.48")
    ours = ws.penalties.customer_summary(signed)
    assert not ours.legal_rate and ours.policy == POLICY and ours.pending == Decimal("620.00")
