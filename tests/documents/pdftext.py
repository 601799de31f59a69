"""Reading a PDF back as text, for the document tests."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, whitespace collapsed (wrapped names join back up)."""
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def pdf_text(pdf: bytes) -> str:
    return " ".join(pdf_pages(pdf))


def flat(value: str) -> str:
    return " ".join(value.split())
