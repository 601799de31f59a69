"""History is not business: an imported book is charged nothing for its past.

An invoice that was paid late before the import owes no interest; one still open and
overdue since long before the import is charged from the import day on, not from its
due date; a fee whose day came before the import is not charged.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.penalties import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.services.penalties.engine import PenaltyService
from tests.imports.cfdi_factory import OURS, invoice, payment, uuid_n

IMPORT_DAY = date(2026, 11, 22)
# $150.00 fee 3 days after due, 36 % a year on a 360 basis (0.1 % a day).
POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM,
    grace_days=3,
    fixed_fee=Decimal("150.00"),
    annual_rate_percent=Decimal("36"),
    day_basis=360,
)


def _import(ws: Workspace, tmp_path: Path) -> None:
    profile = ws.business.profile()
    ws.business.update_profile(replace(profile, rfc=OURS, name=profile.name or "Kemper"))
    folder = tmp_path / "xml"
    folder.mkdir()
    # Paid late: due 2026-02-09 (30 days), paid in full on 2026-06-30.
    (folder / "late.xml").write_bytes(
        invoice(uuid_n(1), total="1000.00", folio="1", fecha="2026-01-10T00:00:00")
    )
    (folder / "late-p.xml").write_bytes(
        payment(
            uuid_n(2),
            [("2026-06-30T00:00:00", "1000.00", [(uuid_n(1), "1000.00", "1000.00", "0.00", 1)])],
        )
    )
    # Still open, overdue since March.
    (folder / "open.xml").write_bytes(
        invoice(uuid_n(3), total="2000.00", folio="2", fecha="2026-02-01T00:00:00")
    )
    report = CfdiImportService(ws.book, ws.clock).commit([folder])
    assert report.committed, report.problems


def test_imported_history_owes_nothing_for_the_past(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    assert clock.today() == IMPORT_DAY
    _import(ws, tmp_path)
    penalties = PenaltyService(ws.book, clock)
    penalties.set_business_policy(POLICY)
    # On the import day: the late-paid invoice and the months overdue charge nothing.
    assert penalties.propose(IMPORT_DAY).charges == ()
    # Thirty days on: only the open invoice, only interest since the import day.
    later = IMPORT_DAY + timedelta(days=30)
    clock.advance(days=30)
    proposal = penalties.propose(later)
    [charge] = proposal.charges
    assert charge.invoice_number == "F-2"
    assert charge.breakdown.period_start >= IMPORT_DAY
    # 2,000.00 x 0.1 % x 30 days = 60.00, not the ~500.00 since its due date in March.
    assert charge.amount == Decimal("60.00")
    applied = penalties.apply(later)
    assert applied is not None
    assert BookCheckService(ws.book).run().ok


def test_an_invoice_typed_by_hand_is_still_charged_from_its_due_date(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    """The control: the rule is about imports, not about old invoices in general."""
    from tests.factories import customer
    from tests.factories import invoice as typed_invoice

    ana = customer(ws, "Ana")
    typed_invoice(ws, ana.id, "1000.00", issued=date(2026, 10, 1), due=date(2026, 10, 31))
    penalties = PenaltyService(ws.book, clock)
    penalties.set_business_policy(POLICY)
    proposal = penalties.propose(IMPORT_DAY)
    kinds = sorted(c.breakdown.kind.value for c in proposal.charges)
    assert "fee" in kinds and "interest" in kinds
