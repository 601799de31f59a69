from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import pytest
from pypdf import PdfReader

from cobranza_desktop.domain.i18n import set_language


@pytest.fixture(autouse=True)
def spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language("es")


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, whitespace collapsed (wrapped names join back up)."""
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def pdf_text(pdf: bytes) -> str:
    return " ".join(pdf_pages(pdf))


def flat(value: str) -> str:
    return " ".join(value.split())
