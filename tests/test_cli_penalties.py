"""`cobranza penalties`, run as a user runs it: in a separate process."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import LineInput
from cobranza_desktop.domain.penalties import PenaltyPolicy
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.storage.database import open_book


def cobranza(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cobranza_desktop", *args],
        capture_output=True,
        text=True,
        env={"COBRANZA_HOME": str(home), "PATH": "/usr/bin:/bin"},
        cwd=Path(__file__).resolve().parents[1],
        timeout=120,
    )


def test_penalties_verb_lists_then_applies_once(tmp_path: Path) -> None:
    path = tmp_path / "libro.sqlite"
    clock = FixedClock.on(date(2026, 1, 1))
    with open_book(path, create=True, now=clock.now()) as book:
        customer = CustomerService(book, clock).create(CustomerData(name="Ana")).id
        InvoiceService(book, clock).issue(
            InvoiceDraft(
                customer_id=customer,
                lines=(
                    LineInput("Servicio", Decimal(1), Decimal("36500.00"), Decimal(0), Decimal(0)),
                ),
                issue_date=date(2026, 1, 1),
                due_date=date(2026, 1, 31),
            )
        )
        PenaltyService(book, clock).set_business_policy(PenaltyPolicy.legal())

    listed = cobranza(
        "penalties", "--book", str(path), "--as-of", "2026-02-13", "--json", home=tmp_path
    )
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    # 36,500 × 6 % × 13 / 365 = 78.00 (01/02..13/02)
    assert data["applied"] is False
    assert [(c["key"], c["days"], c["amount"]) for c in data["charges"]] == [
        ("interest:2026-02-13", 13, "78.00")
    ]
    assert data["unsigned_customers"] == [{"customer_id": customer, "customer": "Ana"}]
    # Ana never signed the credit terms: --apply leaves her out without a reason.
    bare = ("penalties", "--book", str(path), "--as-of", "2026-02-13", "--apply", "--json")
    assert json.loads(cobranza(*bare, home=tmp_path).stdout)["charges"] == []
    args = (*bare, "--unsigned-reason", "Contrato firmado en papel")
    first = json.loads(cobranza(*args, home=tmp_path).stdout)
    second = json.loads(cobranza(*args, home=tmp_path).stdout)
    assert (first["total"], second["total"], second["charges"]) == ("78.00", "0.00", [])
    table = cobranza("penalties", "--book", str(path), "--as-of", "2026-02-20", home=tmp_path)
    # 14/02..20/02: 7 × 6.00 = 42.00
    assert "$42.00" in table.stdout
    assert cobranza("check", "--book", str(path), home=tmp_path).returncode == 0
    bad = cobranza("penalties", "--book", str(path), "--as-of", "2999-01-01", home=tmp_path)
    assert bad.returncode == 2 and "futura" in bad.stderr
