"""The penalty engine warns about customers without signed credit terms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

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
    signed = customer(ws, "Firmó S.A.").id
    unsigned = customer(ws, "Sin Firma").id
    for cid in (signed, unsigned):
        invoice(ws, cid, "10000.00", issued=date(2026, 9, 1), due=date(2026, 10, 1), tax="0")
    CreditTermsService(ws.book, ws.clock).mark_signed(signed, date(2026, 9, 1))
    return signed, unsigned


def test_preview_lists_the_unsigned_customers(ws: Workspace) -> None:
    signed, unsigned = _book(ws)
    proposal = ws.penalties.propose()
    assert proposal.unsigned_customers() == [(unsigned, "Sin Firma")]
    assert {c.customer_id for c in proposal.charges if c.terms_signed} == {signed}
    # Both get the contract's figures in the plain preview: 100 fee + 10,000 × 36.5 % × 52 / 365.
    assert proposal.total_for(signed) == proposal.total_for(unsigned) == Decimal("620.00")


def test_legal_rate_for_unsigned_customers(ws: Workspace) -> None:
    signed, unsigned = _book(ws)
    proposal = ws.penalties.propose(legal_for_unsigned=True)
    assert proposal.total_for(signed) == Decimal("620.00")
    # No fee, 6 % a year: 10,000 × 6 % × 52 / 365 = 85.48.
    assert proposal.total_for(unsigned) == Decimal("85.48")


def test_without_a_reason_unsigned_customers_are_left_out(ws: Workspace) -> None:
    signed, unsigned = _book(ws)
    applied = ws.penalties.apply(unsigned_reason="  ")
    assert {c.customer_id for c in applied.charges} == {signed}
    assert ws.penalties.propose().unsigned_customers() == [(unsigned, "Sin Firma")]


def test_charging_with_a_reason_writes_it_on_the_document(ws: Workspace) -> None:
    signed, unsigned = _book(ws)
    applied = ws.penalties.apply(unsigned_reason="Acordado por correo")
    assert {c.customer_id for c in applied.charges} == {signed, unsigned}
    with ws.book.session() as session:
        notes = session.scalars(
            select(Invoice.notes).where(
                Invoice.customer_id == unsigned, Invoice.kind == "late_charge"
            )
        ).all()
        signed_notes = session.scalars(
            select(Invoice.notes).where(
                Invoice.customer_id == signed, Invoice.kind == "late_charge"
            )
        ).all()
    assert notes and all("Acordado por correo" in n for n in notes)
    assert signed_notes and not any("Acordado" in n for n in signed_notes)
