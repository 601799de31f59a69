"""Nothing is cut off: rasterize with pdftoppm and check that no ink reaches the margins."""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

from PIL import Image

from cobranza_desktop.documents import render_invoice, render_statement
from cobranza_desktop.documents.samples import sample_business, sample_invoice, sample_statement

UNBREAKABLE = "Ñ" * 40 + "&<>" + "X" * 200
DPI = 50
MARGIN_PX = int(18 / 25.4 * DPI)  # the 18 mm side margins


def _pages(pdf: bytes, tmp_path: Path) -> list[Image.Image]:
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", str(source), str(tmp_path / "page")], check=True
    )
    return [Image.open(BytesIO(p.read_bytes())) for p in sorted(tmp_path.glob("page*.pgm"))]


def _ink_in_side_margins(image: Image.Image) -> bool:
    width, height = image.size
    inner = MARGIN_PX - 4
    for box in ((0, 0, inner, height), (width - inner, 0, width, height)):
        lowest, _ = image.crop(box).getextrema()
        if lowest < 200:
            return True
    return False


def test_unbreakable_names_stay_inside_the_page(tmp_path: Path) -> None:
    invoice = sample_invoice(name=UNBREAKABLE, lines=40, description=UNBREAKABLE)
    pages = _pages(render_invoice(invoice), tmp_path)
    assert len(pages) > 1
    assert not any(_ink_in_side_margins(page) for page in pages)


def test_long_business_name_and_statement_stay_inside(tmp_path: Path) -> None:
    statement = sample_statement(name=UNBREAKABLE, entries=60, description=UNBREAKABLE)
    data = statement.__class__(
        **{**statement.__dict__, "business": sample_business(name=UNBREAKABLE + " S.A. de C.V.")}
    )
    pages = _pages(render_statement(data), tmp_path)
    assert not any(_ink_in_side_margins(page) for page in pages)
