"""The large-book generator, at a small size, in the normal suite.

It must satisfy every invariant of ``cobranza check``, look like a real book, and the SQL
aging report over it must agree with a plain Python computation.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import phonenumbers
import pytest

from cobranza_desktop.domain.aging import AgingBuckets
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.invoices import invoice_totals, make_line
from cobranza_desktop.domain.money import to_cents
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.settings import SettingsService
from cobranza_desktop.services.receivables.aging import AgingService
from cobranza_desktop.storage.database import Book, open_book
from tests.benchmarks.large_book import DEFAULT_TODAY, build_large_book, main

CUSTOMERS = 200
INVOICES = 5_000
TODAY = DEFAULT_TODAY


@pytest.fixture(scope="module")
def small_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_large_book(
        tmp_path_factory.mktemp("large_book") / "small.sqlite", CUSTOMERS, INVOICES, seed=3
    )


@pytest.fixture
def small_book(small_path: Path) -> Iterator[Book]:
    book = open_book(small_path)
    try:
        yield book
    finally:
        book.close()


@pytest.fixture(scope="module")
def db(small_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{small_path}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def content_digest(path: Path) -> str:
    digest = hashlib.sha256()
    connection = sqlite3.connect(path)
    try:
        for table in ("customers", "invoices", "invoice_lines", "payments", "allocations"):
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()


def test_book_check_passes(small_book: Book) -> None:
    report = BookCheckService(small_book).run()
    assert report.ok, [(r.name, r.offending[:3]) for r in report.results if not r.ok]


def test_sizes_references_and_folios(db: sqlite3.Connection) -> None:
    assert db.execute("SELECT COUNT(*) FROM customers").fetchone() == (CUSTOMERS,)
    assert db.execute("SELECT COUNT(*) FROM invoices").fetchone() == (INVOICES,)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    folios = [f for (f,) in db.execute("SELECT folio FROM invoices WHERE series = 'A' ORDER BY 1")]
    assert folios == list(range(1, INVOICES + 1))
    assert db.execute("SELECT series, next_folio FROM folio_sequences").fetchall() == [
        ("A", INVOICES + 1)
    ]
    # Folios follow the issue dates, as when a business issues them one after another.
    issues = [d for (d,) in db.execute("SELECT issue_date FROM invoices ORDER BY folio")]
    assert issues == sorted(issues)
    assert max(issues) <= TODAY.isoformat()
    assert db.execute(
        "SELECT COUNT(*) FROM payments WHERE payment_date > ? "
        "OR payment_date < (SELECT MIN(issue_date) FROM invoices)",
        (TODAY.isoformat(),),
    ).fetchone() == (0,)
    # Every allocation's payment is on or after its invoice's issue date.
    assert db.execute(
        "SELECT COUNT(*) FROM allocations a JOIN payments p ON p.id = a.payment_id "
        "JOIN invoices i ON i.id = a.invoice_id WHERE p.payment_date < i.issue_date"
    ).fetchone() == (0,)


def test_schema_is_the_migrated_one(small_path: Path, tmp_path: Path) -> None:
    """Dropping and re-creating the indexes during the load leaves the schema as migrated."""
    open_book(tmp_path / "fresh.sqlite", create=True).close()

    def schema(path: Path) -> list[tuple[str, str, str]]:
        connection = sqlite3.connect(path)
        try:
            return connection.execute(
                "SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name"
            ).fetchall()
        finally:
            connection.close()

    assert schema(small_path) == schema(tmp_path / "fresh.sqlite")
    connection = sqlite3.connect(small_path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        connection.close()


def test_phones_are_valid_e164(db: sqlite3.Connection) -> None:
    phones = [
        p
        for (p,) in db.execute(
            "SELECT phone FROM customers UNION SELECT whatsapp FROM customers WHERE whatsapp != ''"
        )
    ]
    assert phones
    for phone in phones:
        number = phonenumbers.parse(phone, None)
        assert phonenumbers.is_valid_number(number), phone
        assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == phone
        assert phone.startswith("+52")


def test_invoice_amounts_match_their_lines(db: sqlite3.Connection) -> None:
    lines = {
        invoice_id: make_line(description, quantity, price, discount, tax)
        for invoice_id, description, quantity, price, discount, tax in db.execute(
            "SELECT invoice_id, description, quantity, unit_price, discount_percent, "
            "tax_rate_percent FROM invoice_lines"
        )
    }
    rows = db.execute(
        "SELECT id, subtotal_cents, discount_cents, tax_cents, total_cents FROM invoices"
    ).fetchall()
    assert len(lines) == len(rows)
    for invoice_id, subtotal, discount, tax, total in rows:
        totals = invoice_totals([lines[invoice_id]])
        assert (subtotal, discount, tax, total) == (
            to_cents(totals.subtotal),
            to_cents(totals.discount),
            to_cents(totals.tax),
            to_cents(totals.total),
        ), invoice_id


def test_book_looks_real(db: sqlite3.Connection) -> None:
    def count(sql: str, *params: object) -> int:
        return int(db.execute(sql, params).fetchone()[0])

    cutoff = (TODAY - timedelta(days=180)).isoformat()
    old = count(
        "SELECT COUNT(*) FROM invoices WHERE lifecycle = 'issued' AND issue_date < ?", cutoff
    )
    old_paid = count(
        "SELECT COUNT(*) FROM invoices WHERE lifecycle = 'issued' AND issue_date < ? "
        "AND paid_cents = total_cents",
        cutoff,
    )
    assert old_paid / old > 0.85  # most old invoices are paid...
    assert old_paid < old  # ...but not all
    recent = (TODAY - timedelta(days=10)).isoformat()
    recent_count = count("SELECT COUNT(*) FROM invoices WHERE issue_date >= ?", recent)
    recent_open = count(
        "SELECT COUNT(*) FROM invoices WHERE issue_date >= ? AND paid_cents < total_cents", recent
    )
    assert recent_open / recent_count > 0.4  # recent ones are mostly open
    open_share = (
        count(
            "SELECT COUNT(*) FROM invoices WHERE lifecycle = 'issued' AND paid_cents < total_cents"
        )
        / INVOICES
    )
    overdue_share = (
        count(
            "SELECT COUNT(*) FROM invoices WHERE lifecycle = 'issued' AND paid_cents < total_cents "
            "AND due_date < ?",
            TODAY.isoformat(),
        )
        / INVOICES
    )
    assert 0.02 < overdue_share < open_share < 0.2
    # Some paid late, some in part, some voided, some bounced checks, some credit.
    assert (
        count(
            "SELECT COUNT(*) FROM allocations a JOIN payments p ON p.id = a.payment_id "
            "JOIN invoices i ON i.id = a.invoice_id "
            "WHERE a.active = 1 AND p.payment_date > i.due_date"
        )
        > INVOICES * 0.2
    )
    assert (
        count("SELECT COUNT(*) FROM invoices WHERE paid_cents > 0 AND paid_cents < total_cents") > 0
    )
    assert count("SELECT COUNT(*) FROM invoices WHERE lifecycle = 'voided'") > 0
    assert count("SELECT COUNT(*) FROM payments WHERE reversed_at IS NOT NULL") > 0
    assert count("SELECT COUNT(*) FROM allocations WHERE active = 0") > 0
    assert (
        count(
            "SELECT COUNT(*) FROM payments WHERE allocated_cents < amount_cents "
            "AND reversed_at IS NULL"
        )
        > 0
    )
    # Invoices spread over customers, but not evenly.
    per_customer = [n for (n,) in db.execute("SELECT COUNT(*) FROM invoices GROUP BY customer_id")]
    assert len(per_customer) > CUSTOMERS * 0.9
    assert max(per_customer) > 3 * min(per_customer)


def python_aging(db: sqlite3.Connection, as_of: date) -> dict[int, list[int]]:
    """Each customer's balance by bucket, from the raw rows, without SQL arithmetic."""
    applied: dict[int, int] = defaultdict(int)
    for invoice_id, amount, paid_on in db.execute(
        "SELECT a.invoice_id, a.amount_cents, p.payment_date FROM allocations a "
        "JOIN payments p ON p.id = a.payment_id WHERE a.active = 1"
    ):
        if date.fromisoformat(paid_on) <= as_of:
            applied[invoice_id] += amount
    buckets = AgingBuckets()
    result: dict[int, list[int]] = {}
    for invoice_id, customer_id, lifecycle, issued, due, total in db.execute(
        "SELECT id, customer_id, lifecycle, issue_date, due_date, total_cents FROM invoices"
    ):
        if lifecycle != "issued" or date.fromisoformat(issued) > as_of:
            continue
        balance = total - applied[invoice_id]
        if balance <= 0:
            continue
        days_late = (as_of - date.fromisoformat(due)).days
        line = result.setdefault(customer_id, [0] * buckets.count)
        line[buckets.index_for(days_late)] += balance
    return result


@pytest.mark.parametrize("days_back", [0, 45, 200, 400])
def test_aging_matches_python(small_book: Book, db: sqlite3.Connection, days_back: int) -> None:
    as_of = TODAY - timedelta(days=days_back)
    assert SettingsService(small_book).aging_buckets() == AgingBuckets()
    report = AgingService(small_book, FixedClock(datetime(2026, 11, 22, 10))).report(as_of)
    expected = python_aging(db, as_of)
    got = {line.customer_id: [to_cents(b) for b in line.buckets] for line in report.lines}
    assert got == expected
    bucket_totals = [sum(line[i] for line in expected.values()) for i in range(5)]
    assert [to_cents(b) for b in report.bucket_totals] == bucket_totals
    assert report.total == sum(report.bucket_totals, Decimal(0)) > 0
    assert all(b > 0 for b in bucket_totals)  # every bucket has money in it


def test_same_seed_same_book(small_path: Path, tmp_path: Path) -> None:
    again = build_large_book(tmp_path / "again.sqlite", CUSTOMERS, INVOICES, seed=3)
    assert content_digest(again) == content_digest(small_path)
    other = build_large_book(tmp_path / "other.sqlite", CUSTOMERS, INVOICES, seed=4)
    assert content_digest(other) != content_digest(small_path)


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "cli.sqlite"
    assert main([str(target), "--customers", "20", "--invoices", "300", "--seed", "9"]) == 0
    assert "300 invoices" in capsys.readouterr().out
    with open_book(target) as book:
        assert BookCheckService(book).run().ok
