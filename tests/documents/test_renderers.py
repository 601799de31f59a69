"""Every document with tricky data, read back with pypdf: names and amounts appear exactly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from cobranza_desktop.documents import (
    render_invoice,
    render_letters,
    render_penalty_notice,
    render_receipt,
    render_reminder_letter,
    render_statement,
)
from cobranza_desktop.documents.base import long_date, money, short_date
from cobranza_desktop.documents.common import instalments_text
from cobranza_desktop.documents.data import LetterTone
from cobranza_desktop.documents.samples import (
    sample_customer,
    sample_invoice,
    sample_letter,
    sample_notice,
    sample_receipt,
    sample_statement,
)
from cobranza_desktop.documents.words import amount_in_words
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.domain.money import ZERO
from tests.documents.pdftext import flat, pdf_pages, pdf_text

ACCENTS = "José Peña Núñez, Ñandú Ámbar e Hijos"
LONG = " ".join(["Compañía Constructora y Arrendadora del Sureste de la República Mexicana"] * 4)
MARKUP = 'Pérez & Hijos <b>Falso</b> <font size="40">X</font> a<b "comillas"'

NAMES = pytest.mark.parametrize("name", [ACCENTS, LONG, MARKUP], ids=["accents", "long", "markup"])

Builder = Callable[[str], tuple[bytes, list[str]]]


def _invoice(name: str) -> tuple[bytes, list[str]]:
    data = sample_invoice(name=name, description=name)
    amounts = [money(line.amount) for line in data.lines]
    expected = [
        *amounts,
        money(data.subtotal),
        money(data.total),
        data.number,
        data.cfdi_uuid or "",
    ]
    expected.append(amount_in_words(data.total))
    return render_invoice(data), expected


def _notice(name: str) -> tuple[bytes, list[str]]:
    data = sample_notice(name=name)
    expected = [money(data.debt), money(data.penalty_total), money(data.new_total)]
    expected += [money(p.amount) for p in data.penalties]
    expected += [instalments_text(o.with_penalty, "MXN") for o in data.instalments]
    expected += [instalments_text(o.without_penalty, "MXN") for o in data.instalments]
    expected += [long_date(data.avoid_by), "Lucía Ortega", "CLABE: 012180001234567899"]
    return render_penalty_notice(data), expected


def _letter(name: str) -> tuple[bytes, list[str]]:
    data = sample_letter(name=name, tone=LetterTone.FIRM)
    return render_reminder_letter(data), [
        money(data.total_due),
        long_date(data.pay_by or data.letter_date),
    ]


def _statement(name: str) -> tuple[bytes, list[str]]:
    data = sample_statement(name=name, description=name)
    expected = [money(data.opening_balance), money(data.closing_balance)]
    expected += [money(e.charge or e.credit) for e in data.entries]
    return render_statement(data), expected


def _receipt(name: str) -> tuple[bytes, list[str]]:
    data = sample_receipt(name=name)
    expected = [money(data.amount), money(data.balance_after), "¡Gracias por su pago!"]
    expected += [money(a.applied) for a in data.allocations]
    return render_receipt(data), expected


BUILDERS: dict[str, Builder] = {
    "invoice": _invoice,
    "notice": _notice,
    "letter": _letter,
    "statement": _statement,
    "receipt": _receipt,
}


@NAMES
@pytest.mark.parametrize("kind", list(BUILDERS))
def test_names_and_amounts_appear_exactly(kind: str, name: str) -> None:
    pdf, expected = BUILDERS[kind](name)
    text = pdf_text(pdf)
    assert flat(name) in text
    for value in expected:
        assert flat(value) in text, value
    pages = pdf_pages(pdf)
    assert f"Página {len(pages)} de {len(pages)}" in pages[-1]
    assert "Ferretería La Ñora, S.A. de C.V." in pages[0]


def test_markup_in_user_text_is_printed_not_interpreted() -> None:
    evil = sample_customer('<para>x</para> & <img src="/etc/passwd"/> <br/>')
    data = replace(sample_invoice(), customer=evil, notes="<b>no</b> & <<>>")
    text = pdf_text(render_invoice(data))
    assert '<para>x</para> & <img src="/etc/passwd"/> <br/>' in text
    assert "<b>no</b> & <<>>" in text


def test_invoice_with_no_lines() -> None:
    data = sample_invoice(lines=0, cfdi_uuid=None)
    text = pdf_text(render_invoice(data))
    assert "Esta factura no tiene conceptos." in text
    assert "CERO PESOS 00/100 M.N." in text
    assert "UUID" not in text


def test_invoice_with_500_lines_keeps_every_amount_and_repeats_the_header() -> None:
    data = sample_invoice(lines=500)
    pages = pdf_pages(render_invoice(data))
    text = " ".join(pages)
    assert len(pages) > 5
    assert all("Descripción" in page for page in pages[:-1])
    for line in data.lines:
        assert f"#{data.lines.index(line) + 1} " in text or text.endswith(f"#{len(data.lines)}")
    assert text.count(money(data.lines[0].amount)) >= 1
    assert money(data.total) in pages[-1] or money(data.total) in pages[-2]
    assert sum((line.amount for line in data.lines), ZERO) == data.subtotal


def test_statement_with_no_movements_and_500_movements() -> None:
    empty = sample_statement(entries=0)
    text = pdf_text(render_statement(empty))
    assert "Saldo inicial" in text and "Saldo final" in text
    assert money(Decimal("1500.00")) in text

    big = sample_statement(entries=500)
    pages = pdf_pages(render_statement(big))
    assert len(pages) > 5
    assert all("Referencia" in page for page in pages[:-1])
    text = " ".join(pages)
    balance = big.opening_balance
    for entry in big.entries:
        balance += entry.charge - entry.credit
        assert money(balance) in text
    assert balance == big.closing_balance


def test_notice_without_penalties_and_receipt_without_allocations() -> None:
    notice = sample_notice()
    plain = replace(
        notice,
        penalties=(),
        penalty_total=ZERO,
        new_total=notice.debt,
        instalments=(),
    )
    assert "Sin penalización calculada." in pdf_text(render_penalty_notice(plain))
    receipt = sample_receipt(allocations=0)
    text = pdf_text(render_receipt(receipt))
    assert money(Decimal("50.00")) in text and "Saldo a favor" in text


def test_one_page_notice_is_one_page() -> None:
    assert len(pdf_pages(render_penalty_notice(sample_notice()))) == 1


@pytest.mark.parametrize("tone", list(LetterTone))
def test_letter_tones_differ(tone: LetterTone) -> None:
    text = pdf_text(render_reminder_letter(sample_letter(tone=tone)))
    expected = {
        LetterTone.FRIENDLY: "Recordatorio de pago",
        LetterTone.FIRM: "Segundo aviso",
        LetterTone.FINAL: "Aviso final de cobranza",
    }[tone]
    assert expected in text


def test_letters_in_one_pdf_each_with_its_own_page_numbers() -> None:
    letters = [sample_letter("Ana Ñúñez"), sample_letter(LONG, invoices=45), sample_letter("Beto")]
    pages = pdf_pages(render_letters(letters))
    assert len(pages) >= 4
    firsts = [i for i, page in enumerate(pages) if "Página 1 de" in page]
    assert len(firsts) == 3
    assert "Ana Ñúñez" in pages[firsts[0]] and "Beto" in pages[firsts[2]]
    assert f"Página 1 de {firsts[2] - firsts[1]}" in pages[firsts[1]]


def test_english() -> None:
    set_language("en")
    data = sample_notice()
    text = pdf_text(render_penalty_notice(data))
    assert "Penalty notice" in text
    assert "Page 1 of 1" in text
    assert money(data.new_total) in text
    assert long_date(data.avoid_by) in text
    receipt = pdf_text(render_receipt(sample_receipt()))
    assert "Thank you for your payment!" in receipt


def test_rendering_is_deterministic() -> None:
    data: Any = sample_statement(entries=30)
    assert render_statement(data) == render_statement(data)


def _png(width: int, height: int) -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (width, height), (31, 58, 95)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("logo", [_png(400, 100), _png(60, 300), b"not an image"])
def test_logo_is_drawn_or_skipped(logo: bytes) -> None:
    from cobranza_desktop.documents.samples import sample_business

    data = replace(sample_receipt(), business=sample_business(logo=logo))
    pdf = render_receipt(data)
    assert money(data.amount) in pdf_text(pdf)
    assert (b"/Subtype /Image" in pdf) == (logo != b"not an image")


def test_phones_print_for_humans_not_in_e164() -> None:
    data = sample_statement()
    data = replace(
        data,
        business=replace(data.business, phone="+525512345678"),
        customer=replace(data.customer, phone="+523398765432"),
    )
    text = flat(pdf_text(render_statement(data)))
    assert "55 1234 5678" in text and "33 9876 5432" in text
    assert "+52" not in text


def test_a_letter_prints_its_date_once() -> None:
    data = sample_letter()
    text = flat(pdf_text(render_letters([data])))
    assert text.count(long_date(data.letter_date)) == 1
    assert short_date(data.letter_date) not in text
