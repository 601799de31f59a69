from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from cobranza_desktop.imports.tables import read_table
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.imports.batches import ImportBatchService
from cobranza_desktop.services.imports.sheet_import import SheetImportService
from cobranza_desktop.storage.models import Customer, Invoice, Payment
from cobranza_desktop.storage.models.summaries import RiskTally

INVOICES_CSV = (
    "Cliente;RFC;Folio;Fecha;Vencimiento;Importe;Saldo;Disputa\n"
    "Ferretería Núñez;FENU800101AB1;F-100;15/09/2026;15/10/2026;$1.500,00;$1.000,00;\n"
    "Ferretería Núñez;FENU800101AB1;F-101;2026-10-01;;2,000.50;2,000.50;sí\n"
    "Papelería Sol;;F-102;46000;;;350;\n"
)


def _service(ws: Workspace) -> SheetImportService:
    return SheetImportService(ws.book, ws.clock)


def _write(tmp_path: Path, text: str, encoding: str = "cp1252", name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _counts(ws: Workspace) -> tuple[int, int, int]:
    with ws.book.session() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) or 0 for m in (Customer, Invoice, Payment)
        )


def test_invoices_with_opening_balances_in_windows_1252(ws: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, INVOICES_CSV)
    table = read_table(path)
    assert table.headers[0] == "Cliente"
    service = _service(ws)
    mapping = service.mapping_for(table, "invoices")
    assert mapping["total"] == "Importe" and mapping["balance"] == "Saldo"
    preview = service.preview("invoices", table, mapping, source="f.csv")
    assert preview.can_commit, preview.report.problems
    assert preview.control_file == preview.control_booked == Decimal("3350.50")
    assert preview.report.new_customers == ("Ferretería Núñez", "Papelería Sol")
    assert _counts(ws) == (0, 0, 0)
    done = service.commit("invoices", table, mapping, source="f.csv")
    assert done.report.committed
    assert _counts(ws) == (2, 3, 1)  # the paid 500.00 of F-100 is a historical payment
    with ws.book.session() as s:
        f100 = s.scalars(select(Invoice).where(Invoice.external_number == "F-100")).one()
        assert (f100.total_cents, f100.paid_cents) == (150000, 50000)
        f101 = s.scalars(select(Invoice).where(Invoice.external_number == "F-101")).one()
        assert f101.disputed
        f102 = s.scalars(select(Invoice).where(Invoice.external_number == "F-102")).one()
        assert f102.issue_date.isoformat() == "2025-12-09"  # Excel serial 46000
    assert ws.checks.run().ok
    # The mapping is remembered for next time.
    assert ws.settings.get("imports.mapping.invoices") == mapping


def test_a_bad_row_is_listed_with_row_and_column_and_nothing_written(
    ws: Workspace, tmp_path: Path
) -> None:
    text = INVOICES_CSV + "Otro;;F-103;31/02/2026;;abc;;\n"
    path = _write(tmp_path, text, "utf-8-sig")
    report = _service(ws).run_file("invoices", path)
    assert not report.committed
    [problem] = report.problems
    assert problem.source == "f.csv:5, Fecha"
    assert _counts(ws) == (0, 0, 0)


def test_duplicates_are_skipped_and_the_control_total_still_matches(
    ws: Workspace, tmp_path: Path
) -> None:
    path = _write(tmp_path, INVOICES_CSV)
    assert _service(ws).run_file("invoices", path).committed
    again = _service(ws).run_file("invoices", path)
    assert again.committed and again.counts["invoices"] == 0 and again.counts["skipped"] == 3
    assert _counts(ws) == (2, 3, 1)


def test_undo_voids_the_batch_with_its_reason(ws: Workspace, tmp_path: Path) -> None:
    report = _service(ws).run_file("invoices", _write(tmp_path, INVOICES_CSV))
    assert report.batch_id is not None
    ImportBatchService(ws.book, ws.clock).undo(report.batch_id)
    with ws.book.session() as s:
        reasons = set(s.scalars(select(Invoice.void_reason)))
        assert reasons == {"importación deshecha"}
        assert s.scalar(select(func.sum(Invoice.paid_cents))) == 0
    assert ws.checks.run().ok


def test_customers_file_and_xlsx(ws: Workspace, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Razón social", "RFC", "Celular", "Correo"])
    sheet.append(["Taller Ruiz", "RUTA800101AB1", "55 1234 5678", "taller@example.com"])
    sheet.append(["Gimnasio Alfa", "", "", ""])
    path = tmp_path / "clientes.xlsx"
    book.save(path)
    report = _service(ws).run_file("customers", path)
    assert report.committed, report.problems
    assert report.counts["customers"] == 2


def test_payments_by_folio_then_oldest_first(ws: Workspace, tmp_path: Path) -> None:
    assert _service(ws).run_file("invoices", _write(tmp_path, INVOICES_CSV)).committed
    payments = (
        "Cliente,Folio,Fecha,Importe\n"
        "Ferretería Núñez,F-101,01/11/2026,100.00\n"
        "Ferretería Núñez,,02/11/2026,1200\n"
    )
    report = _service(ws).run_file("payments", _write(tmp_path, payments, name="p.csv"))
    assert report.committed, report.problems
    with ws.book.session() as s:
        paid = dict(s.execute(select(Invoice.external_number, Invoice.paid_cents)).all())
    assert paid["F-101"] == 10000 + 20000  # 100 by folio, then 200 after F-100's 1000
    assert paid["F-100"] == 150000
    assert ws.checks.run().ok


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cents=st.integers(min_value=1, max_value=10**10))
def test_amounts_in_any_local_shape_read_exactly(cents: int) -> None:
    from cobranza_desktop.imports.values import parse_amount

    value = Decimal(cents) / 100
    us = f"${value:,.2f}"
    mx_comma = f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert parse_amount(us) == value
    assert parse_amount(mx_comma) == value
    assert parse_amount(f"{value:.2f}") == value


@pytest.mark.parametrize("text", ["1.2.3", "12,3456", "abc", "$", "1e5"])
def test_amounts_that_are_not_amounts(text: str) -> None:
    from cobranza_desktop.imports.values import CellError, parse_amount

    with pytest.raises(CellError):
        parse_amount(text)


def test_a_settled_invoice_counts_in_the_customers_risk_history(
    ws: Workspace, tmp_path: Path
) -> None:
    """A paid-up row is history the rating reads (the risk tallies): the bulk writer keeps
    them as the one-by-one path does, so `cobranza check` is green right after."""
    path = _write(
        tmp_path,
        "Cliente;Folio;Fecha;Vencimiento;Importe;Saldo\n"
        "Ana Ruiz;F1;01/12/2025;10/01/2026;1000;0\n"
        "Ana Ruiz;F2;01/02/2026;10/03/2026;500;200\n",
    )
    table = read_table(path)
    service = _service(ws)
    mapping = service.mapping_for(table, "invoices")
    assert service.commit("invoices", table, mapping, source="f.csv").report.committed
    report = ws.checks.run()
    assert report.ok, report
    with ws.book.session() as s:
        (tally,) = s.scalars(select(RiskTally)).all()
    assert tally.settled_count == 1
