"""`cobranza bill`: JSON shape, dry run writes nothing, idempotent, bad input exits 2."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput
from cobranza_desktop.services.book.workspace import open_workspace


@pytest.fixture
def gym_book(tmp_path: Path) -> Path:
    path = tmp_path / "gym.sqlite"
    ws = open_workspace(path, FixedClock.on(date(2026, 1, 1)))
    try:
        for i, day in enumerate((1, 15, 31), start=1):
            member = ws.customers.create(CustomerData(name=f"Socio {i}", phone=f"55 1234 567{i}"))
            from cobranza_desktop.services.billing.subscriptions import SubscriptionService

            SubscriptionService(ws.book, ws.clock).create(
                SubscriptionInput(member.id, "Plan", "300.00", "mensual", day, date(2026, 1, day))
            )
    finally:
        ws.close()
    return path


def _bill(book: Path, *extra: str) -> list[str]:
    return ["bill", "--book", str(book), "--date", "2026-03-31", *extra]


def test_dry_run_then_run_then_nothing_new(
    gym_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_bill(gym_book, "--dry-run", "--json")) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["dry_run"] is True and len(dry["invoices"]) == 9
    assert main(_bill(gym_book, "--json")) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["total"] == dry["total"] == "3132.00"  # 9 × 348.00
    assert [i["issue_date"] for i in done["invoices"] if i["subscription_id"] == 3] == [
        "2026-01-31",
        "2026-02-28",
        "2026-03-31",
    ]
    assert sorted(i["number"] for i in done["invoices"]) == [f"A-{n:05d}" for n in range(1, 10)]
    assert main(_bill(gym_book, "--json")) == 0
    assert json.loads(capsys.readouterr().out)["invoices"] == []
    assert main(_bill(gym_book)) == 0
    assert "Facturados 0 periodos" in capsys.readouterr().out


def test_a_bad_date_exits_2(gym_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["bill", "--book", str(gym_book), "--date", "31/03/2026"])
    assert exc.value.code == 2
    assert main(["bill", "--book", str(gym_book), "--date", "1800-01-01"]) == 2
    assert "date" in capsys.readouterr().err
