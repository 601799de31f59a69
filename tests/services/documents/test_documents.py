"""DocumentService against a real SQLite book: the data gathered, then the PDF read back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.documents.base import money
from cobranza_desktop.documents.data import (
    LetterTone,
    OverdueInvoiceData,
    PenaltyLineData,
    RatePeriod,
)
from cobranza_desktop.documents.words import amount_in_words
from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.errors import ConflictError, NotFoundError
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.domain.ladder import Ladder, Stage
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.business import BusinessProfileView
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.documents.printing import DocumentService, letter_tone
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.documents.pdftext import pdf_pages, pdf_text
from tests.factories import customer, invoice

TRICKY = "Peña & Hijos <Ñandú> Núñez"


@pytest.fixture
def docs(ws: Workspace) -> DocumentService:
    ws.business.update_profile(
        BusinessProfileView(
            name="Ferretería La Ñora",
            rfc="FÑO010101AB1",
            address="Av. Revolución 1234\nCiudad de México",
            phone="55 1234 5678",
            email="cobranza@lanora.mx",
            bank_name="BBVA México",
            clabe="012180001234567899",
        )
    )
    return DocumentService(ws.book, ws.clock)


def test_invoice_by_number(ws: Workspace, docs: DocumentService) -> None:
    c = customer(ws, TRICKY, address="Calle 5 <b>no</b> & más")
    lines = (
        make_line('Tornillos 1/4" & tuercas', 3, "12.35"),
        make_line("Servicio de instalación", 1, "1500.00", discount_percent="10"),
    )
    view = ws.invoices.issue(InvoiceDraft(c.id, lines, date(2026, 10, 1), cfdi_uuid=""))
    data = docs.invoice_data(view.number)
    assert (data.number, data.subtotal, data.total) == (view.number, view.subtotal, view.total)
    assert data.taxes[0].amount == view.tax and data.taxes[0].label.startswith("IVA 16")
    assert data.discount == Decimal("150.00")
    assert data.business.clabe == "012180001234567899"
    text = pdf_text(docs.invoice_pdf(view.number.lower()))
    for expected in (TRICKY, "Calle 5 <b>no</b> & más", view.number, money(view.total)):
        assert expected in text
    assert amount_in_words(view.total) in text
    assert docs.invoice_pdf_by_id(view.id) == docs.invoice_pdf(view.number)
    with pytest.raises(NotFoundError):
        docs.invoice_data("A-99999")


def test_statement_balances_add_up_to_the_book(ws: Workspace, docs: DocumentService) -> None:
    c = customer(ws, TRICKY)
    invoice(ws, c.id, "1000.00", issued=date(2026, 6, 1))  # 1,160.00 before the period
    ws.payments.record(PaymentInput(c.id, "160.00", date(2026, 6, 15)))
    invoice(ws, c.id, "500.00", issued=date(2026, 9, 1))  # 580.00
    voided = invoice(ws, c.id, "999.00", issued=date(2026, 9, 2))
    ws.invoices.void(voided.id, "Error de captura")
    ws.payments.record(PaymentInput(c.id, "300.00", date(2026, 10, 5), "transfer", "SPEI 42"))
    data = docs.statement_data(c.id, date(2026, 8, 1), date(2026, 11, 22))
    assert data.opening_balance == Decimal("1000.00")
    assert [(e.charge, e.credit) for e in data.entries] == [
        (Decimal("580.00"), Decimal("0.00")),
        (Decimal("0.00"), Decimal("300.00")),
    ]
    assert data.closing_balance == Decimal("1280.00") == ws.customers.balance(c.id).balance
    assert sum(b.amount for b in data.aging) == Decimal("1280.00")
    text = pdf_text(docs.statement_pdf(c.id, date(2026, 8, 1), date(2026, 11, 22)))
    assert TRICKY in text and "SPEI 42" in text
    assert money(Decimal("1280.00")) in text and money(Decimal("1000.00")) in text


def test_statement_with_no_movements(ws: Workspace, docs: DocumentService) -> None:
    c = customer(ws, "Cliente Nuevo")
    data = docs.statement_data(c.id)
    assert data.entries == () and data.closing_balance == 0
    assert "Saldo final" in pdf_text(docs.statement_pdf(c.id))


class _FixedPenalty:
    def penalties(
        self, customer_id: int, overdue: Sequence[OverdueInvoiceData], today: date
    ) -> tuple[PenaltyLineData, ...]:
        return tuple(
            PenaltyLineData(
                f"Factura {o.number}",
                o.balance,
                Decimal("100.00"),
                Decimal("3"),
                RatePeriod.MONTHLY,
                o.days_late,
                360,
                Decimal("0.01"),
                Decimal("100.01"),
            )
            for o in overdue
        )


def test_notice_takes_penalties_as_data(ws: Workspace, docs: DocumentService) -> None:
    c = customer(ws, TRICKY)
    invoice(ws, c.id, "1000.00", issued=date(2026, 9, 1))  # due 1 Oct, 1,160.00
    invoice(ws, c.id, "100.00", issued=date(2026, 10, 1))  # due 31 Oct, 116.00
    invoice(ws, c.id, "100.00", issued=date(2026, 11, 20))  # not yet due
    plain = docs.notice_data(c.id)
    assert plain.debt == Decimal("1276.00") == ws.customers.balance(c.id).overdue
    assert [o.days_late for o in plain.overdue] == [52, 22]
    assert plain.penalty_total == 0 and plain.new_total == plain.debt
    assert plain.avoid_by == date(2026, 11, 29)
    with_penalty = DocumentService(ws.book, ws.clock, penalties=_FixedPenalty()).notice_data(c.id)
    assert with_penalty.penalty_total == Decimal("200.02")
    assert with_penalty.new_total == Decimal("1476.02")
    assert sum(with_penalty.instalments[0].with_penalty) == Decimal("1476.02")
    text = pdf_text(DocumentService(ws.book, ws.clock, _FixedPenalty()).notice_pdf(c.id))
    assert TRICKY in text and money(Decimal("1476.02")) in text
    assert "2 × $492.01 + 1 × $492.00" in text  # 1,476.02 over three months, to the cent
    other = customer(ws, "Al Corriente")
    with pytest.raises(ConflictError):
        docs.notice_data(other.id)


def test_receipt(ws: Workspace, docs: DocumentService) -> None:
    c = customer(ws, TRICKY)
    first = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))  # 116.00
    invoice(ws, c.id, "100.00", issued=date(2026, 10, 1))  # 116.00
    paid = ws.payments.record(
        PaymentInput(c.id, "150.00", date(2026, 11, 20), "transfer", "SPEI 9")
    )
    data = docs.receipt_data(paid.id)
    assert data.amount == Decimal("150.00") and data.unapplied == 0
    assert [(a.invoice_number, a.applied, a.balance_after) for a in data.allocations] == [
        (first.number, Decimal("116.00"), Decimal("0.00")),
        (first.number[:-1] + "2", Decimal("34.00"), Decimal("82.00")),
    ]
    assert data.balance_after == ws.customers.balance(c.id).balance == Decimal("82.00")
    text = pdf_text(docs.receipt_pdf(paid.id))
    assert "¡Gracias por su pago!" in text and money(Decimal("150.00")) in text
    ws.payments.reverse(paid.id, "Cheque sin fondos")
    with pytest.raises(ConflictError):
        docs.receipt_data(paid.id)


def test_letters_for_every_customer_with_overdue_invoices(
    ws: Workspace, docs: DocumentService
) -> None:
    # Letters come from the agenda: a ladder whose every reminder goes by letter.
    ws.agenda.set_ladder(
        Ladder((Stage("carta", 1, Channel.LETTER, "overdue_reminder", "Carta", "Letter"),))
    )
    late = customer(ws, "Zapatería Ñ")
    invoice(ws, late.id, "100.00", issued=date(2026, 8, 1))  # due 31 Aug: 83 days late
    early = customer(ws, "Abarrotes Álvarez")
    invoice(ws, early.id, "100.00", issued=date(2026, 10, 15))  # due 14 Nov: 8 days late
    current = customer(ws, "Al Corriente")
    invoice(ws, current.id, "100.00", issued=date(2026, 11, 20))
    letters = docs.letters_data()
    assert [(x.customer.name, x.tone) for x in letters] == [
        ("Abarrotes Álvarez", LetterTone.FRIENDLY),
        ("Zapatería Ñ", LetterTone.FINAL),
    ]
    pages = pdf_pages(docs.letters_pdf())
    assert len(pages) == 2 and all("Página 1 de 1" in page for page in pages)
    assert "Abarrotes Álvarez" in pages[0] and "Zapatería Ñ" in pages[1]
    assert docs.letters_data(date(2026, 9, 15))[0].customer.name == "Zapatería Ñ"
    with pytest.raises(NotFoundError):
        docs.letters_pdf(date(2026, 8, 1))


def test_letters_follow_the_default_ladder_and_its_stages(
    ws: Workspace, docs: DocumentService
) -> None:
    """With the default ladder only letter stages print: an email reminder does not."""
    emailed = customer(ws, "Abarrotes Álvarez")
    invoice(ws, emailed.id, "100.00", issued=date(2026, 10, 15))  # 8 days late: e-mail stage
    noticed = customer(ws, "Ferretería López")
    invoice(ws, noticed.id, "100.00", issued=date(2026, 9, 20))  # 33 days late: notice letter
    suspended = customer(ws, "Zapatería Ñ")
    invoice(ws, suspended.id, "100.00", issued=date(2026, 8, 10))  # 73 days: suspension
    letters = docs.letters_data()
    assert [(x.customer.name, x.tone) for x in letters] == [
        ("Ferretería López", LetterTone.FIRM),
        ("Zapatería Ñ", LetterTone.FINAL),
    ]
    assert letters[0].total_due == Decimal("116.00")
    # Logged as done, the letter is not proposed (nor printed) again that day.
    agenda = ws.agenda.agenda()  # a Sunday: the actions wait, the letters still print
    (item,) = [i for i in agenda.deferred if i.customer_id == noticed.id]
    ws.agenda.skip(item, "Enviada por mensajería")
    assert [x.customer.name for x in docs.letters_data()] == ["Zapatería Ñ"]


def test_letter_tone_by_days_late() -> None:
    assert [letter_tone(d) for d in (1, 30, 31, 60, 61)] == [
        LetterTone.FRIENDLY,
        LetterTone.FRIENDLY,
        LetterTone.FIRM,
        LetterTone.FIRM,
        LetterTone.FINAL,
    ]


def test_notice_figures_come_from_the_penalty_engine(ws: Workspace, docs: DocumentService) -> None:
    from cobranza_desktop.domain.penalties import PenaltyPolicy, PenaltyPreset
    from cobranza_desktop.services.penalties.engine import PenaltyService

    penalties = PenaltyService(ws.book, ws.clock)
    penalties.set_business_policy(
        PenaltyPolicy(
            preset=PenaltyPreset.CUSTOM,
            fixed_fee=Decimal("150.00"),
            annual_rate_percent=Decimal("36"),
            day_basis=360,
        )
    )
    c = customer(ws, TRICKY)
    invoice(ws, c.id, "1000.00", issued=date(2026, 9, 1))  # due 1 Oct: 52 days late
    data = docs.notice_data(c.id)
    expected = penalties.propose(customer_id=c.id).total_for(c.id)
    assert expected > 0
    assert data.penalty_total == expected
    assert data.new_total == data.debt + expected == Decimal("1160.00") + expected
    assert {p.rate_period for p in data.penalties} >= {RatePeriod.ANNUAL}
    text = pdf_text(docs.notice_pdf(c.id))
    assert "(por cargar)" in text and money(data.new_total) in text


def test_how_to_pay_text_is_printed(ws: Workspace, docs: DocumentService) -> None:
    c = customer(ws, "Cliente Ñ")
    invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))
    docs.set_how_to_pay("  En caja: lunes a sábado, 9 a 18 h. Depósitos en OXXO.  ")
    assert docs.how_to_pay() == "En caja: lunes a sábado, 9 a 18 h. Depósitos en OXXO."
    for pdf in (docs.notice_pdf(c.id), docs.letters_pdf(), docs.statement_pdf(c.id)):
        assert "En caja: lunes a sábado, 9 a 18 h. Depósitos en OXXO." in pdf_text(pdf)
