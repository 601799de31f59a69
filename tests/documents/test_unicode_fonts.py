"""Text Helvetica cannot draw is set in the shipped DejaVu Sans, and what no shipped font
draws (colour emoji) is left out: a document never prints empty boxes (documents/fonts.py)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader

from cobranza_desktop.documents.fonts import drawable, needs_unicode_font
from cobranza_desktop.services.book.workspace import Workspace
from tests.documents.pdftext import pdf_text
from tests.factories import customer, invoice


def _fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1].lstrip("/"))
    return names


def test_only_text_beyond_windows_1252_needs_the_unicode_font() -> None:
    assert not needs_unicode_font("Ferretería Muñoz, S.A. de C.V. — 50 € «ok»")
    assert needs_unicode_font("Ольга")
    assert needs_unicode_font("Pago ≥ 100")
    assert drawable("Hola 👋 Ольга ✓") == "Hola  Ольга ✓"  # DejaVu has ✓, not 👋
    assert drawable("Gracias 🙏") == "Gracias "


def test_a_statement_with_other_scripts_embeds_dejavu_and_prints_no_boxes(
    ws: Workspace,
) -> None:
    c = customer(ws, "Ольга Петрова ✓ 👋")
    invoice(ws, c.id, "100.00", issued=date(2026, 10, 1))
    pdf = ws.documents.statement_pdf(c.id)
    text = pdf_text(pdf)
    assert "Ольга Петрова ✓" in text
    assert "👋" not in text
    fonts = _fonts(pdf)
    assert "DejaVuSans" in fonts or "DejaVuSans-Bold" in fonts
    assert "Helvetica" in fonts  # the rest of the page keeps the built-in font


def test_a_latin_statement_keeps_helvetica_only(ws: Workspace) -> None:
    c = customer(ws, "Ferretería Muñoz")
    invoice(ws, c.id, "100.00", issued=date(2026, 10, 1))
    pdf = ws.documents.statement_pdf(c.id)
    assert "Ferretería Muñoz" in pdf_text(pdf)
    assert not {f for f in _fonts(pdf) if f.startswith("DejaVu")}
