"""The correction and collection-tool verbs: payment, credit, invoice extend, dossier,
discount, barter. Each answers bad input with one line and exit code 2."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.clock import Clock, FixedClock
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The verbs run on the system clock; here it is fixed on TODAY."""
    import cobranza_desktop.commands as package

    def fixed(_day: date | None) -> Clock:
        return FixedClock.on(TODAY)

    for name in (
        "payment",
        "credit",
        "invoice",
        "dossier",
        "discount",
        "customer",
        "void",
        "promise",
        "prepay",
        "service_cuts",
        "batches",
    ):
        module = __import__(f"{package.__name__}.{name}", fromlist=["clock_for"])
        monkeypatch.setattr(module, "clock_for", fixed)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[tuple[Path, int, int, int, int]]:
    path = tmp_path / "libro.sqlite"
    ws = open_workspace(path, FixedClock.on(TODAY))
    c = customer(ws)
    first = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))  # 116.00
    second = invoice(ws, c.id, "100.00", issued=date(2026, 10, 1))
    paid = ws.payments.record(
        PaymentInput(c.id, "150.00", TODAY, allocations=(Allocation(first.id, Decimal("116")),))
    )
    ws.close()
    yield path, c.id, first.id, second.id, paid.id


def _reopen(path: Path) -> Workspace:
    return open_workspace(path, FixedClock.on(TODAY))


def test_payment_reverse_dry_run_then_for_real(
    book: tuple[Path, int, int, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _cid, first, _second, paid = book
    assert main(["payment", "reverse", str(paid), "--book", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "A-00001: $0.00 → $116.00" in out
    ws = _reopen(path)
    assert ws.invoices.get(first).balance == 0
    ws.close()
    assert main(["--book", str(path), "payment", "reverse", str(paid)]) == 2  # no reason
    assert "reason" in capsys.readouterr().err
    assert main(["payment", "reverse", str(paid), "--reason", "Cheque", "--book", str(path)]) == 0
    ws = _reopen(path)
    assert ws.invoices.get(first).balance == Decimal("116.00")
    ws.close()


def test_credit_apply_and_undo_last(
    book: tuple[Path, int, int, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, cid, _first, second, _paid = book
    assert main(["credit", "apply", str(cid), "--book", str(path)]) == 0
    assert "A-00002: $116.00 → $82.00" in capsys.readouterr().out
    ws = _reopen(path)
    assert ws.invoices.get(second).balance == Decimal("82.00")
    ws.close()
    assert main(["credit", "apply", str(cid), "--book", str(path)]) == 2  # nothing left
    capsys.readouterr()
    assert main(["payment", "undo-last", str(cid), "--reason", "Error", "--book", str(path)]) == 0
    ws = _reopen(path)
    assert ws.invoices.get(second).balance == Decimal("116.00")
    ws.close()


def test_invoice_extend_discount_and_barter(
    book: tuple[Path, int, int, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, cid, first, second, _paid = book
    args = ["invoice", "extend", str(second), "--to", "2026-12-20", "--book", str(path)]
    assert main([*args, "--reason", "Acordado por teléfono"]) == 0
    assert "20/12/2026" in capsys.readouterr().out
    assert (
        main(
            [
                "invoice",
                "extend",
                str(second),
                "--to",
                "2026-11-01",
                "--reason",
                "x",
                "--book",
                str(path),
            ]
        )
        == 2
    )  # before the current due date
    capsys.readouterr()
    assert (
        main(["discount", str(cid), "10.00", "--reason", "Buen cliente", "--book", str(path)]) == 0
    )
    assert main(["barter", str(cid), "abc", "--description", "Pintura", "--book", str(path)]) == 2
    assert main(["barter", str(cid), "50", "--description", "Pintura", "--book", str(path)]) == 0
    ws = _reopen(path)
    assert ws.invoices.get(first).balance == 0
    tools = CollectionToolsService(ws.book, ws.clock)
    assert [d.amount for d in tools.pending_discounts(cid)] == [Decimal("10.00")]
    assert ws.invoices.get(second).balance == Decimal("66.00")  # 116 - 50 of barter
    ws.close()


def test_dossier_to_a_zip_marks_the_customer(
    book: tuple[Path, int, int, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, cid, *_rest = book
    target = tmp_path / "out" / "expediente.zip"
    target.parent.mkdir()
    assert main(["dossier", str(cid), "--out", str(target), "--book", str(path)]) == 0
    assert sorted(zipfile.ZipFile(target).namelist()) == ["expediente.pdf", "facturas.csv"]
    ws = _reopen(path)
    assert ws.customers.get(cid).status == CustomerStatus.AGENCY.value
    ws.close()
    # Never over the book.
    assert main(["dossier", str(cid), "--out", str(path), "--book", str(path)]) == 2


def test_customer_records_promise_and_void(
    book: tuple[Path, int, int, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    path, cid, _first, second, paid = book
    for what in (
        "invoices",
        "payments",
        "contacts",
        "incentives",
        "discounts",
        "risk",
        "indicators",
        "penalty-terms",
        "negotiation",
    ):
        assert main(["customer", str(cid), what, "--json", "--book", str(path)]) == 0, what
        json.loads(capsys.readouterr().out)
    assert main(["customer", str(cid), "invoices", "--open", "--json", "--book", str(path)]) == 0
    assert [i["id"] for i in json.loads(capsys.readouterr().out)] == [second]
    assert main(["customer", str(cid), "payments", "--book", str(path)]) == 0
    assert f"id={paid}" in capsys.readouterr().out
    assert main(["promise", str(cid), "50", "--date", "2026-11-30", "--book", str(path)]) == 0
    assert "30/11/2026" in capsys.readouterr().out
    assert main(["promise", str(cid), "50", "--date", "2026-11-01", "--book", str(path)]) == 2
    capsys.readouterr()
    ws = _reopen(path)
    (promise,) = ws.promises.for_customer(cid)
    ws.close()
    assert promise.amount == Decimal("50.00")
    assert main(["void", "contact", "999", "--reason", "x", "--book", str(path)]) == 2
    assert main(["batches", "--json", "--book", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["service-cuts", "--json", "--book", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["to_cut"] == []


def test_prepay_quote_then_accept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from cobranza_desktop.services.billing.subscriptions import (
        SubscriptionInput,
        SubscriptionService,
    )

    path = tmp_path / "gym.sqlite"
    ws = open_workspace(path, FixedClock.on(TODAY))
    member = customer(ws, "Luis Prieto")
    sub = SubscriptionService(ws.book, ws.clock).create(
        SubscriptionInput(member.id, "Membresía", "500.00", "mensual", 1, date(2026, 12, 1))
    )
    ws.close()
    assert main(["prepay", str(sub.id), "--months", "12", "--book", str(path)]) == 0
    quote = json.loads(capsys.readouterr().out)
    assert len(quote["periods"]) == 12 and Decimal(quote["saving"]) > 0
    assert main(["prepay", str(sub.id), "--accept", "--book", str(path)]) == 2  # no --months
    assert main(["prepay", str(sub.id), "--months", "12", "--accept", "--book", str(path)]) == 0
    capsys.readouterr()
    assert main(["prepay", str(sub.id), "--book", str(path)]) == 0
    (made,) = json.loads(capsys.readouterr().out)
    assert made["months"] == 12
