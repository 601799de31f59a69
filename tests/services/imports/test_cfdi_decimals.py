"""A stamped amount with more than two decimals (``Total="1160.005"``) is a problem of its
file, named with the field, in the preview as in the commit, and nothing is written; an
amount exact to the cent written with more zeros is read as it is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.storage.models import CfdiDocument, Invoice, Payment
from tests.imports.cfdi_factory import OURS, invoice, payment, uuid_n


def _rows(ws: Workspace) -> tuple[int, int, int]:
    with ws.book.session() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Invoice, Payment, CfdiDocument)
        )


def _set_rfc(ws: Workspace) -> None:
    from dataclasses import replace

    ws.business.update_profile(replace(ws.business.profile(), rfc=OURS, name="Kemper"))


@pytest.mark.parametrize(
    ("name", "data", "field", "text"),
    [
        ("i2.xml", invoice(uuid_n(2), total="1160.005", folio="2"), "Total", "1160.005"),
        (
            "p3.xml",
            payment(
                uuid_n(3),
                [
                    (
                        "2026-11-05T00:00:00",
                        "100.00",
                        [(uuid_n(1), "500.00", "100.005", "399.995", 1)],
                    )
                ],
            ),
            "ImpPagado",
            "100.005",
        ),
        (
            "p4.xml",
            payment(uuid_n(4), [("2026-11-05T00:00:00", "100.001", [])]),
            "Monto",
            "100.001",
        ),
    ],
)
def test_an_amount_past_the_cent_is_a_problem_of_its_file_and_nothing_is_written(
    ws: Workspace, tmp_path: Path, name: str, data: bytes, field: str, text: str
) -> None:
    _set_rfc(ws)
    (tmp_path / "i1.xml").write_bytes(invoice(uuid_n(1), total="500.00", folio="1"))
    (tmp_path / name).write_bytes(data)
    before = _rows(ws)
    service = CfdiImportService(ws.book, ws.clock)
    for report in (service.preview([tmp_path]), service.commit([tmp_path])):
        assert not report.committed
        [problem] = report.problems
        assert problem.source.endswith(name)
        assert field in problem.message and text in problem.message
        assert _rows(ws) == before


def test_an_amount_exact_to_the_cent_with_more_zeros_is_booked(
    ws: Workspace, tmp_path: Path
) -> None:
    _set_rfc(ws)
    (tmp_path / "i1.xml").write_bytes(invoice(uuid_n(1), total="1160.500000", folio="1"))
    report = CfdiImportService(ws.book, ws.clock).commit([tmp_path])
    assert report.committed, report.problems
    assert report.total_receivable == Decimal("1160.50")
    assert ws.checks.run().ok
