from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from cobranza_desktop.domain.invoices import LineInput
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.storage.models import Customer, FolioSequence, Invoice, Payment
from tests.imports.cfdi_factory import OURS, SAMPLES, invoice, payment, stamped_sample, uuid_n


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def _service(ws: Workspace) -> CfdiImportService:
    return CfdiImportService(ws.book, ws.clock)


def _counts(ws: Workspace) -> tuple[int, int, int]:
    with ws.book.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Customer)) or 0,
            s.scalar(select(func.count()).select_from(Invoice)) or 0,
            s.scalar(select(func.count()).select_from(Payment)) or 0,
        )


def _set_rfc(ws: Workspace, rfc: str) -> None:
    profile = ws.business.profile()
    from dataclasses import replace

    ws.business.update_profile(replace(profile, rfc=rfc, name=profile.name or "Kemper"))


def test_preview_writes_nothing_and_commit_books_invoices_and_payments(
    ws: Workspace, tmp_path: Path
) -> None:
    _set_rfc(ws, OURS)
    folder = tmp_path / "xml"
    _write(folder, "f1.xml", invoice(uuid_n(1), total="1000.00", folio="10"))
    _write(folder, "f2.xml", invoice(uuid_n(2), total="500.50", folio="11", method="PUE"))
    _write(
        folder,
        "p1.xml",
        payment(
            uuid_n(3),
            [("2026-10-15T00:00:00", "400.00", [(uuid_n(1), "1000.00", "400.00", "600.00", 1)])],
        ),
    )
    before = _counts(ws)
    preview = _service(ws).preview([folder])
    assert not preview.committed
    assert preview.counts == {
        "customers": 1,
        "invoices": 2,
        "credit_notes": 0,
        "payments": 1,
        "skipped": 0,
    }
    assert preview.new_customers == ("CARLOS CORTES SOTO",)
    assert preview.total_receivable == Decimal("1100.50")
    assert _counts(ws) == before

    report = _service(ws).commit([folder])
    assert report.committed and report.problems == ()
    assert _counts(ws) == (before[0] + 1, before[1] + 2, before[2] + 1)
    invoices = {i.number: i for i in ws.invoices.for_customer(_customer_id(ws))}
    assert invoices["F-10"].balance == Decimal("600.00")
    assert invoices["F-11"].balance == Decimal("500.50")
    assert ws.checks.run().ok


def _customer_id(ws: Workspace) -> int:
    with ws.book.session() as s:
        found = s.scalars(select(Customer.id).where(Customer.rfc == "COSC8001137NA")).first()
        assert found is not None
        return found


def test_importing_twice_adds_nothing(ws: Workspace, tmp_path: Path) -> None:
    _set_rfc(ws, OURS)
    folder = tmp_path / "xml"
    _write(folder, "f1.xml", invoice(uuid_n(1), total="1000.00"))
    _write(
        folder,
        "p.xml",
        payment(
            uuid_n(2),
            [("2026-10-15T00:00:00", "100.00", [(uuid_n(1), "1000.00", "100.00", "900.00", 1)])],
        ),
    )
    assert _service(ws).commit([folder]).committed
    after_first = _counts(ws)
    again = _service(ws).commit([folder])
    assert again.counts["invoices"] == 0 and again.counts["payments"] == 0
    assert again.counts["skipped"] == 2
    assert _counts(ws) == after_first
    assert ws.checks.run().ok


def test_a_payment_before_its_invoice_waits_as_credit_then_applies(
    ws: Workspace, tmp_path: Path
) -> None:
    _set_rfc(ws, OURS)
    p = _write(
        tmp_path,
        "p.xml",
        payment(
            uuid_n(2),
            [("2026-10-15T00:00:00", "300.00", [(uuid_n(1), "1000.00", "300.00", "700.00", 1)])],
        ),
    )
    first = _service(ws).commit([p])
    assert first.committed and first.counts["payments"] == 1
    cid = _customer_id(ws)
    assert ws.customers.balance(cid).credit == Decimal("300.00")
    assert ws.checks.run().ok
    i = _write(tmp_path, "i.xml", invoice(uuid_n(1), total="1000.00"))
    second = _service(ws).commit([i])
    assert second.committed, second.problems
    [inv] = ws.invoices.for_customer(cid)
    assert inv.balance == Decimal("700.00")
    assert ws.customers.balance(cid).credit == Decimal("0.00")
    assert ws.checks.run().ok


def test_a_broken_chain_is_reported_with_both_figures_and_nothing_written(
    ws: Workspace, tmp_path: Path
) -> None:
    _set_rfc(ws, OURS)
    folder = tmp_path / "xml"
    _write(folder, "f.xml", invoice(uuid_n(1), total="1000.00"))
    _write(
        folder,
        "p.xml",
        payment(
            uuid_n(2),
            [("2026-10-15T00:00:00", "100.00", [(uuid_n(1), "900.00", "100.00", "800.00", 2)])],
        ),
    )
    before = _counts(ws)
    report = _service(ws).commit([folder])
    assert not report.committed
    [problem] = report.problems
    assert problem.source == "p.xml"
    assert "900.00" in problem.message and "1,000.00" in problem.message
    assert _counts(ws) == before


def test_insoluto_must_be_previous_minus_paid(ws: Workspace, tmp_path: Path) -> None:
    _set_rfc(ws, OURS)
    folder = tmp_path / "xml"
    _write(folder, "f.xml", invoice(uuid_n(1), total="1000.00"))
    _write(
        folder,
        "p.xml",
        payment(
            uuid_n(2),
            [("2026-10-15T00:00:00", "100.00", [(uuid_n(1), "1000.00", "100.00", "850.00", 1)])],
        ),
    )
    report = _service(ws).preview([folder])
    assert any("ImpSaldoInsoluto 850.00" in p.message for p in report.problems)


def test_credit_note_reduces_related_invoice_or_stays_as_credit(
    ws: Workspace, tmp_path: Path
) -> None:
    _set_rfc(ws, OURS)
    folder = tmp_path / "xml"
    _write(folder, "f.xml", invoice(uuid_n(1), total="1000.00"))
    _write(folder, "e1.xml", invoice(uuid_n(2), total="200.00", kind="E", related=[uuid_n(1)]))
    _write(folder, "e2.xml", invoice(uuid_n(3), total="50.00", kind="E", folio="9"))
    report = _service(ws).commit([folder])
    assert report.committed and report.counts["credit_notes"] == 2
    cid = _customer_id(ws)
    [inv] = ws.invoices.for_customer(cid)
    assert inv.balance == Decimal("800.00")
    assert ws.customers.balance(cid).credit == Decimal("50.00")
    assert ws.checks.run().ok


def test_received_documents_are_skipped_with_reason(ws: Workspace, tmp_path: Path) -> None:
    _set_rfc(ws, OURS)
    f = _write(
        tmp_path, "r.xml", invoice(uuid_n(1), total="10.00", issuer="AAA010101AAA", receiver=OURS)
    )
    report = _service(ws).commit([f])
    assert report.counts["skipped"] == 1 and report.counts["invoices"] == 0
    assert "Recibido" in report.skipped[0].message


def test_without_profile_rfc_the_most_frequent_issuer_is_taken(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "xml"
    _write(folder, "a.xml", invoice(uuid_n(1), total="10.00"))
    _write(folder, "b.xml", invoice(uuid_n(2), total="10.00", folio="2"))
    _write(folder, "c.xml", invoice(uuid_n(3), total="10.00", issuer="AAA010101AAA"))
    report = _service(ws).commit([folder])
    assert report.committed
    assert OURS in report.notes[0]
    assert ws.business.profile().rfc == OURS
    assert report.counts["invoices"] == 2


def test_imported_invoices_take_no_folio_of_the_program(ws: Workspace, tmp_path: Path) -> None:
    _set_rfc(ws, OURS)
    f = _write(tmp_path, "f.xml", invoice(uuid_n(1), total="10.00", series="A", folio="7"))
    assert _service(ws).commit([f]).committed
    with ws.book.session() as s:
        assert s.scalars(select(FolioSequence)).all() == []
    issued = InvoiceService(ws.book, ws.clock).issue(
        InvoiceDraft(_customer_id(ws), (LineInput("x", Decimal(1), Decimal(10)),), ws.clock.today())
    )
    assert issued.number.endswith("00001")


def test_samples_stamped_by_the_tests_import_and_check_is_green(
    ws: Workspace, tmp_path: Path
) -> None:
    _set_rfc(ws, OURS)
    folder = tmp_path / "xml"
    _write(folder, "valid.xml", (SAMPLES / "cfdiutils_cfdi40-valid.xml").read_bytes())
    _write(folder, "usd.xml", stamped_sample("cfdiutils_cfdi40-usd-discounts.xml", uuid_n(1)))
    # Both payments of this P pay invoices not in the book: they wait as credit.
    _write(folder, "p.xml", stamped_sample("cfdiutils_pago20-calc-003-two-payments.xml", uuid_n(2)))
    report = _service(ws).commit([folder])
    assert report.committed, report.problems
    assert report.counts["invoices"] == 2 and report.counts["payments"] == 2
    # The USD invoice counts in MXN at its TipoCambio 18.9008: 3,248.00 USD = 61,389.80 MXN
    # (324,800 × 18.9008 = 6,138,979.84 cents, half up); it keeps its stamped USD total.
    assert report.total_receivable == Decimal("3327.01") + Decimal("61389.80")
    with ws.book.session() as s:
        usd = s.scalars(select(Invoice).where(Invoice.currency == "USD")).one()
        assert (usd.total_cents, usd.foreign_total_cents) == (6_138_980, 324_800)
        assert usd.exchange_rate == Decimal("18.9008")
    assert ws.checks.run().ok


def test_unstamped_file_is_a_problem_and_nothing_is_written(ws: Workspace, tmp_path: Path) -> None:
    _set_rfc(ws, OURS)
    folder = tmp_path / "xml"
    _write(folder, "good.xml", invoice(uuid_n(1), total="10.00"))
    _write(folder, "raw.xml", invoice(None, total="10.00"))
    before = _counts(ws)
    report = _service(ws).commit([folder])
    assert not report.committed
    assert [p.source for p in report.problems] == ["raw.xml"]
    assert _counts(ws) == before


def _pay_in_full(uuid: str, invoice_uuid: str, amount: Decimal) -> bytes:
    text = f"{amount:.2f}"
    return payment(uuid, [("2026-10-20T00:00:00", text, [(invoice_uuid, text, text, "0.00", 1)])])


def test_a_later_import_pays_invoices_already_in_the_book(ws: Workspace, tmp_path: Path) -> None:
    """The invoices a P pays may be in the book before the import: one imported earlier,
    one issued in the program with its UUID. Both are found and paid."""
    _set_rfc(ws, OURS)
    assert _service(ws).commit([_write(tmp_path, "i.xml", invoice(uuid_n(1), total="80.00"))])
    issued = InvoiceService(ws.book, ws.clock).issue(
        InvoiceDraft(
            _customer_id(ws),
            (LineInput("x", Decimal(1), Decimal(10)),),
            ws.clock.today(),
            cfdi_uuid=uuid_n(7),
        )
    )
    folder = tmp_path / "later"
    _write(folder, "p1.xml", _pay_in_full(uuid_n(2), uuid_n(1), Decimal("80.00")))
    _write(folder, "p2.xml", _pay_in_full(uuid_n(3), uuid_n(7), issued.total))
    report = _service(ws).commit([folder])
    assert report.committed, report.problems
    assert report.counts["payments"] == 2
    balances = {i.cfdi_uuid: i.balance for i in ws.invoices.for_customer(_customer_id(ws))}
    assert balances == {uuid_n(1): Decimal("0.00"), uuid_n(7): Decimal("0.00")}
    assert ws.customers.balance(_customer_id(ws)).credit == Decimal("0.00")
    assert ws.checks.run().ok
