import csv
import json
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.commands import agenda as agenda_command
from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.services.receivables.rep_radar import RepRadarService
from cobranza_desktop.storage.database import open_book
from tests.imports.cfdi_factory import OURS, invoice, payment, uuid_n


@pytest.fixture
def book_file(tmp_path: Path) -> Path:
    path = tmp_path / "libro.sqlite"
    open_book(path, create=True).close()
    return path


def test_import_cfdi_json_dry_run_then_commit_and_check(
    book_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "xml"
    folder.mkdir()
    (folder / "f.xml").write_bytes(invoice(uuid_n(1), total="1000.00", fecha="2026-01-10T00:00:00"))
    base = ["import", "cfdi", str(folder), "--book", str(book_file), "--json"]
    assert main([*base, "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["committed"] is False and preview["counts"]["invoices"] == 1
    assert set(preview["counts"]) == {
        "customers",
        "invoices",
        "credit_notes",
        "payments",
        "skipped",
    }
    assert main(base) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["committed"] is True and done["problems"] == []
    assert main(["check", "--book", str(book_file)]) == 0
    capsys.readouterr()
    assert main(base) == 0  # again: nothing added
    again = json.loads(capsys.readouterr().out)
    assert again["counts"]["invoices"] == 0 and again["counts"]["skipped"] == 1


def test_import_with_a_problem_exits_1_and_writes_nothing(
    book_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "laughs.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">]><l>&a;</l>')
    assert main(["import", "cfdi", str(bad), "--book", str(book_file), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["committed"] is False
    assert out["problems"][0]["source"] == "laughs.xml"


def test_usage_error_exits_2(book_file: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["import", "nonsense", "--book", str(book_file)])
    assert caught.value.code == 2


def test_rep_radar_lists_ppd_payments_and_a_p_closes_them(
    book_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "i.xml").write_bytes(
        invoice(uuid_n(1), total="1000.00", fecha="2026-09-10T00:00:00")
    )
    (tmp_path / "pue.xml").write_bytes(
        invoice(uuid_n(5), total="300.00", fecha="2026-09-12T00:00:00", method="PUE", folio="2")
    )
    assert (
        main(
            [
                "import",
                "cfdi",
                str(tmp_path / "i.xml"),
                str(tmp_path / "pue.xml"),
                "--book",
                str(book_file),
                "--business-rfc",
                OURS,
            ]
        )
        == 0
    )
    clock = FixedClock.on(date(2026, 11, 22))
    ws = open_workspace(book_file, clock)
    try:
        [item] = ws.payments.open_items(1)[:1]
        ws.payments.record(
            PaymentInput(
                1,
                "400.00",
                date(2026, 10, 20),
                allocations=(Allocation(item.invoice_id, Decimal("400.00")),),
            )
        )
    finally:
        ws.close()
    capsys.readouterr()
    assert main(["rep", "--book", str(book_file), "--date", "2026-11-22", "--json"]) == 0
    radar = json.loads(capsys.readouterr().out)
    assert radar["date"] == "2026-11-22"
    [pending] = radar["pending"]
    assert pending == {
        **pending,
        "invoice": "F-1",
        "amount": "400.00",
        "paid_on": "2026-10-20",
        "deadline": "2026-11-05",
    }
    [pue] = radar["pue_unpaid"]
    assert (pue["invoice"], pue["balance"], pue["month_end"]) == ("F-2", "300.00", "2026-09-30")
    (tmp_path / "p.xml").write_bytes(
        payment(
            uuid_n(9),
            [("2026-10-20T00:00:00", "400.00", [(uuid_n(1), "1000.00", "400.00", "600.00", 1)])],
        )
    )
    assert main(["import", "cfdi", str(tmp_path / "p.xml"), "--book", str(book_file)]) == 0
    capsys.readouterr()
    assert main(["rep", "--book", str(book_file), "--date", "2026-11-22", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pending"] == []
    assert main(["check", "--book", str(book_file)]) == 0


def test_export_invoices_json_csv_safe_cells_and_book_zip(
    book_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "i.xml").write_bytes(
        invoice(uuid_n(1), total="1234.56", name='=HYPERLINK("http://x")')
    )
    assert main(["import", "cfdi", str(tmp_path / "i.xml"), "--book", str(book_file)]) == 0
    capsys.readouterr()
    assert main(["export", "invoices", "--book", str(book_file), "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert set(row) == {
        "number",
        "customer_id",
        "customer",
        "issue_date",
        "due_date",
        "total",
        "paid",
        "balance",
        "status",
        "uuid",
        "payment_method",
        "disputed",
    }
    assert (row["total"], row["balance"], row["number"]) == ("1234.56", "1234.56", "F-1")
    assert row["issue_date"] == "2026-10-01" and row["disputed"] is False
    out = tmp_path / "facturas.csv"
    assert main(["export", "invoices", "--book", str(book_file), "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][2].startswith("'=HYPERLINK")
    zipped = tmp_path / "libro.zip"
    assert main(["export", "book", "--book", str(book_file), "--out", str(zipped)]) == 0
    with zipfile.ZipFile(zipped) as archive:
        names = set(archive.namelist())
        assert {"README.txt", "invoices.csv", "customers.csv", "cfdi_documents.csv"} <= names
        assert "total_cents" in archive.read("README.txt").decode()
    xlsx = tmp_path / "clientes.xlsx"
    assert main(["export", "customers", "--book", str(book_file), "--out", str(xlsx)]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx, read_only=True).worksheets[0]
    values = [r for r in sheet.iter_rows(values_only=True)]
    assert values[1][1] == '\'=HYPERLINK("http://x")'


def _more_rep_tasks_than_shown(
    book_file: Path,
    args: list[str],
    invoice_id: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A second payment without its REP, and room for one row of each list: the first
    rows, the counts of all, and a line that says how many more there are."""
    ws = open_workspace(book_file, FixedClock.on(date(2026, 11, 22)))
    try:
        second = ws.payments.record(
            PaymentInput(
                1,
                "100.00",
                date(2026, 11, 2),
                allocations=(Allocation(invoice_id, Decimal("100.00")),),
            )
        )
    finally:
        ws.close()
    monkeypatch.setattr(agenda_command, "OWNER_TASK_ROWS", 1)
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    tasks = json.loads(capsys.readouterr().out)["owner_tasks"]
    assert len(tasks["pending_rep"]) == 1 and len(tasks["pue_unpaid"]) == 1
    assert tasks["pending_rep"][0]["deadline"] == "2026-11-05"  # the overdue one first
    assert (tasks["pending_rep_count"], tasks["pending_rep_overdue_count"]) == (2, 1)
    assert tasks["pue_unpaid_count"] == 1
    assert main(args) == 0
    assert "… y 1 tarea más: la lista entera con «cobranza rep»." in capsys.readouterr().out
    ws = open_workspace(book_file, FixedClock.on(date(2026, 11, 22)))
    try:  # back as it was: the rest of the test closes the first payment's REP
        ws.payments.reverse(second.id, "Prueba del límite de la agenda")
    finally:
        ws.close()
    monkeypatch.undo()


def test_agenda_carries_the_same_rep_tasks_as_today_and_a_p_closes_them(
    book_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "i.xml").write_bytes(
        invoice(uuid_n(1), total="1000.00", fecha="2026-09-10T00:00:00")
    )
    (tmp_path / "pue.xml").write_bytes(
        invoice(uuid_n(5), total="300.00", fecha="2026-09-12T00:00:00", method="PUE", folio="2")
    )
    files = [str(tmp_path / "i.xml"), str(tmp_path / "pue.xml")]
    assert main(["import", "cfdi", *files, "--book", str(book_file), "--business-rfc", OURS]) == 0
    ws = open_workspace(book_file, FixedClock.on(date(2026, 11, 22)))
    try:
        ppd = next(i for i in ws.payments.open_items(1) if i.number == "F-1")
        ws.payments.record(
            PaymentInput(
                1,
                "400.00",
                date(2026, 10, 20),
                allocations=(Allocation(ppd.invoice_id, Decimal("400.00")),),
            )
        )
        radar = RepRadarService(ws.book, ws.clock).radar(date(2026, 11, 22))
    finally:
        ws.close()
    capsys.readouterr()
    args = ["agenda", "--book", str(book_file), "--date", "2026-11-22"]
    assert main([*args, "--json"]) == 0
    tasks = json.loads(capsys.readouterr().out)["owner_tasks"]
    # The very items of Today's panel (the radar), in its order.
    assert tasks == {
        "pending_rep": [p.to_json() for p in radar.pending],
        "pue_unpaid": [u.to_json() for u in radar.pue_unpaid],
        "pending_rep_count": 1,
        "pending_rep_overdue_count": 1,
        "pue_unpaid_count": 1,
    }
    [pending] = tasks["pending_rep"]
    assert (pending["invoice"], pending["amount"], pending["deadline"]) == (
        "F-1",
        "400.00",
        "2026-11-05",
    )
    assert [u["invoice"] for u in tasks["pue_unpaid"]] == ["F-2"]
    assert main(args) == 0
    table = capsys.readouterr().out
    assert "Tareas del dueño (REP):" in table
    assert "Emitir REP del pago del" in table and "VENCIDO" in table and "F-2" in table
    assert "tareas más" not in table and "tarea más" not in table
    _more_rep_tasks_than_shown(book_file, args, ppd.invoice_id, capsys, monkeypatch)
    (tmp_path / "p.xml").write_bytes(
        payment(
            uuid_n(9),
            [("2026-10-20T00:00:00", "400.00", [(uuid_n(1), "1000.00", "400.00", "600.00", 1)])],
        )
    )
    assert main(["import", "cfdi", str(tmp_path / "p.xml"), "--book", str(book_file)]) == 0
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["owner_tasks"]["pending_rep"] == []
