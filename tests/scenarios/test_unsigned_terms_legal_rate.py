"""Credit terms meet the penalty engine: a customer who signed them pays what the contract
says; one who never signed agreed no rate, so the preview, "apply", the penalty notice and
the agenda's automatic stage all charge them the legal 6 % a year only, and say why."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from pypdf import PdfReader

from cobranza_desktop.domain.penalties import FeeMode, PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.documents.credit_terms import CreditTermsService
from cobranza_desktop.storage.models import Invoice
from tests.factories import customer
from tests.scenarios.conftest import START, charged_total, invoice, items_for, move_to

CONTRACT = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM,
    annual_rate_percent=Decimal("36.5"),
    fixed_fee=Decimal("250.00"),
    fee_mode=FeeMode.PER_STAGE,
    stage_days=(30,),
)
DUE = date(2026, 1, 31)


def _pdf_text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())  # lines wrap anywhere


def test_signed_and_unsigned_through_preview_apply_notice_and_agenda(book_ws: Workspace) -> None:
    ws = book_ws
    ws.penalties.set_business_policy(CONTRACT)
    signed = customer(ws, "Firmó S.A.", signed=False).id  # signs below
    unsigned = customer(ws, "Sin Firma", signed=False).id
    for cid in (signed, unsigned):
        invoice(ws, cid, "10000.00", issued=START, due=DUE, tax="0")
    CreditTermsService(ws.book, ws.clock).mark_signed(signed, START)

    # -- 20 days late: the preview ---------------------------------------------------
    move_to(ws.clock, date(2026, 2, 20))
    preview = ws.penalties.propose()
    # Contract: 10,000 × 36.5 % × 20 / 365 = 200.00 (the fee comes at 30 days).
    assert preview.total_for(signed) == Decimal("200.00")
    # No rate agreed: 10,000 × 6 % × 20 / 365 = 32.88, marked as the legal rate.
    assert preview.total_for(unsigned) == Decimal("32.88")
    assert preview.unsigned_customers() == [(unsigned, "Sin Firma")]
    assert all(c.legal_rate for c in preview.charges if c.customer_id == unsigned)

    # -- apply, as the daily script does (no reason given) -----------------------------
    applied = ws.penalties.apply()
    assert applied.total == Decimal("232.88")
    assert charged_total(ws, unsigned) == Decimal("32.88")

    # -- the penalty notice says why the unsigned customer's rate is 6 % ---------------
    unsigned_text = _pdf_text(ws.documents.notice_pdf(unsigned))
    assert "no ha firmado nuestras condiciones de crédito" in unsigned_text
    assert "artículo 362 del Código de Comercio" in unsigned_text
    assert "interés legal que la ley prevé" in unsigned_text
    assert "$32.88" in unsigned_text
    signed_text = _pdf_text(ws.documents.notice_pdf(signed))
    assert "no ha firmado" not in signed_text
    assert "condiciones de pago" in signed_text and "$200.00" in signed_text
    notice = ws.documents.notice_data(unsigned)
    assert [p.rate_percent for p in notice.penalties] == [Decimal("6")]
    assert all(p.legal_rate for p in notice.penalties)

    # -- 30 days late: the agenda's penalty stage charges by itself --------------------
    move_to(ws.clock, date(2026, 3, 2))
    stage = {i.customer_id: i for i in items_for(ws, signed) + items_for(ws, unsigned)}
    assert stage[signed].applies_penalty and stage[unsigned].applies_penalty
    by_signed = ws.agenda.complete(stage[signed], "contacted")
    by_unsigned = ws.agenda.complete(stage[unsigned], "contacted")
    # Signed: the 250.00 fee of the 30-day stage + 10 more days at 36.5 % = 100.00.
    assert by_signed.penalties_applied == Decimal("350.00")
    # Unsigned: no fee, 10 more days at 6 % = 16.44.
    assert by_unsigned.penalties_applied == Decimal("16.44")
    assert charged_total(ws, unsigned) == Decimal("49.32")
    with ws.book.session() as session:
        notes = [
            n
            for (n,) in session.query(Invoice.notes).filter(
                Invoice.customer_id == unsigned, Invoice.kind == "late_charge"
            )
        ]
    assert len(notes) == 2 and all("interés legal" in n for n in notes)
    # Nothing is left to charge on either: running again charges nothing twice.
    assert ws.penalties.apply().charges == ()
