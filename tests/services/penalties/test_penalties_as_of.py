"""`penalties --as-of` a past date reads the book as it was then, or refuses."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice

POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("36"), day_basis=360
)


def test_a_past_date_counts_the_invoices_open_then_and_refuses_to_charge_behind_charges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FixedClock.on(date(2026, 4, 1))
    path = tmp_path / "libro.sqlite"
    ws = open_workspace(path, clock)
    ws.penalties.set_business_policy(POLICY)
    cid = customer(ws, "Ópticas Ríos").id
    invoice(ws, cid, "10000.00", issued=date(2026, 1, 1), due=date(2026, 1, 31), tax="0")
    ws.payments.record(PaymentInput(cid, "10000.00", date(2026, 3, 15)))  # paid since
    # On 28/02 the invoice was open, 28 days late: 280.00 of interest was due then.
    past = ws.penalties.propose(date(2026, 2, 28))
    assert past.total == Decimal("280.00")
    # Today it is paid and was never charged: nothing is charged retroactively.
    assert ws.penalties.propose().total == Decimal("0.00")
    # Charges made as of a date hide nothing from an earlier look, and an earlier
    # application is refused: it would charge their periods twice.
    ws.penalties.apply(date(2026, 3, 1))
    assert ws.penalties.propose(date(2026, 2, 28)).total == Decimal("280.00")
    with pytest.raises(ConflictError):
        ws.penalties.apply(date(2026, 2, 28))
    ws.close()
    assert main(["penalties", "--book", str(path), "--as-of", "2026-02-28", "--apply"]) == 2
    assert "Ya hay cargos calculados después del 28/02/2026" in capsys.readouterr().err
