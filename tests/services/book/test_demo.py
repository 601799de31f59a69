import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.services.book.demo import build_demo_book
from cobranza_desktop.services.book.workspace import open_workspace


def _fingerprint(path: Path, seed: int) -> tuple[object, ...]:
    ws = open_workspace(path, FixedClock.on(date(2026, 11, 22)))
    try:
        summary = build_demo_book(ws.book, ws.clock, customers=25, seed=seed)
        people = ws.customers.list_page(limit=1000)
        aging = ws.aging.report()
        assert ws.checks.run().ok
        return (summary, tuple((p.name, p.rfc, p.phone, p.balance) for p in people), aging.total)
    finally:
        ws.close()


def test_same_seed_same_book_and_a_realistic_mix(tmp_path: Path) -> None:
    first = _fingerprint(tmp_path / "a.sqlite", seed=3)
    again = _fingerprint(tmp_path / "b.sqlite", seed=3)
    other = _fingerprint(tmp_path / "c.sqlite", seed=4)
    assert first == again
    assert first != other
    summary, people, total = first
    assert summary.invoices > 25 * 8  # about 18 months of history
    assert all(p[2].startswith("+52") for p in people)
    balances = [p[3] for p in people]
    assert any(b == 0 for b in balances) and any(b > 0 for b in balances)
    assert total > 0


def test_the_demo_business_has_a_contracts_penalty_policy(tmp_path: Path) -> None:
    """Not «Sin penalizaciones»: the notice of an overdue customer shows a real penalty,
    and the instalments with and without it differ (the first seed's ask)."""
    from tests.documents.pdftext import pdf_text

    ws = open_workspace(tmp_path / "demo.sqlite", FixedClock.on(date(2026, 11, 22)))
    try:
        build_demo_book(ws.book, ws.clock, customers=25, seed=7)
        policy = ws.penalties.business_policy()
        assert policy.is_active and policy.has_interest and policy.has_fees
        owing = [p.id for p in ws.customers.list_page(limit=1000) if p.balance > 0]
        overdue = []
        for customer_id in owing:
            try:
                overdue.append((customer_id, ws.documents.notice_data(customer_id)))
            except ConflictError:  # owes, but nothing past due yet
                continue
        assert overdue
        # Most demo customers signed the credit terms; the others are charged the legal
        # rate only, and their notice says so.
        legal = [n for _c, n in overdue if any(p.legal_rate for p in n.penalties)]
        signed = [(c, n) for c, n in overdue if not any(p.legal_rate for p in n.penalties)]
        assert legal and signed
        # The signed customer most behind: past the 30 days, so the fee is charged as well.
        customer_id, notice = max(signed, key=lambda pair: pair[1].penalty_total)
        assert notice.penalty_total > 0
        assert notice.new_total == notice.debt + notice.penalty_total
        text = " ".join(pdf_text(ws.documents.notice_pdf(customer_id)).split())
        summary = re.search(r"Adeudo vencido \$([\d,.]+) Penalización \$([\d,.]+)", text)
        assert summary is not None
        assert Decimal(summary.group(2).replace(",", "")) == notice.penalty_total
        assert "$250.00" in text  # the late fee after 30 days
        assert notice.instalments
        for option in notice.instalments:  # the two columns differ, and both are printed
            assert option.with_penalty != option.without_penalty
            assert f"{option.months} meses" in text
    finally:
        ws.close()
