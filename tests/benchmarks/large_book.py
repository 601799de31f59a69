"""A large, realistic book for benchmarks: 20,000 customers and 1,000,000 invoices by default.

The schema comes from ``open_book`` (the real Alembic migration). The rows are then
written with ``executemany`` on a raw sqlite3 connection, in one transaction, with the
secondary indexes dropped during the load and re-created from their own DDL at the end
(a sorted index build is several times faster than a million random B-tree inserts).
The result satisfies every invariant that ``cobranza check`` verifies:

- each invoice's ``paid_cents`` is the sum of its active allocations;
- each payment's ``allocated_cents`` is the sum of its active allocations, never more than
  its amount (the rest is customer credit); reversed payments have no active allocation;
- every allocation joins a payment and an issued invoice of the same customer;
- series "A" has gapless folios 1..N and ``folio_sequences`` holds N + 1.

The history covers three years up to ``today``. Customers have a payer profile
(punctual, late, partial, disputes, stopped paying); most old invoices are paid, some
late, some in two instalments, a few are disputed or voided, a few checks bounce and are
paid again, a few payments leave credit, and recent invoices are open. The same
parameters give the same book, byte for byte in content.

Run: ``python -m tests.benchmarks.large_book PATH [--customers N] [--invoices M] [--seed S]``.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import time as timer
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from pathlib import Path

from cobranza_desktop.domain.text import search_key
from cobranza_desktop.services.book import demo_data as data
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.models.allocation_facts import fill_facts_sql
from cobranza_desktop.storage.risk_tallies import refresh_tallies

# Bump when the generated content changes, so that cached books are rebuilt.
GENERATOR_VERSION = 3
HISTORY_DAYS = 3 * 365
SERIES = "A"
DEFAULT_TODAY = date(2026, 11, 22)
# The columns each generated row fills, in order: named, so that a column added later
# with a default does not shift the values.
COLUMNS = {
    "customers": (
        "id, name, name_key, rfc, contact_name, email, phone, whatsapp, address, "
        "payment_terms_days, credit_limit_cents, preferred_channel, notes, status, created_at"
    ),
    "invoices": (
        "id, customer_id, kind, series, folio, lifecycle, issue_date, due_date, "
        "subtotal_cents, discount_cents, tax_cents, total_cents, paid_cents, cfdi_uuid, "
        "sat_payment_method, notes, parent_invoice_id, created_at, voided_at, void_reason"
    ),
    "invoice_lines": (
        "id, invoice_id, position, description, quantity, unit_price, discount_percent, "
        "tax_rate_percent"
    ),
    "payments": (
        "id, customer_id, payment_date, amount_cents, allocated_cents, method, reference, "
        "notes, created_at, reversed_at, reverse_reason"
    ),
    "allocations": (
        "id, payment_id, invoice_id, amount_cents, active, created_at, undone_at, undo_reason"
    ),
}
LOADED_TABLES = tuple(COLUMNS)

# (payer kind, share of customers)
PAYER_MIX = (("punctual", 45), ("late", 25), ("partial", 13), ("dispute", 10), ("stopped", 7))
TERMS = (0, 15, 15, 30, 30, 30, 30, 45, 60)
METHODS = ("transfer", "transfer", "transfer", "cash", "card", "check")
VOID_SHARE = 0.004
OVERPAY_SHARE = 0.01
BOUNCE_SHARE = 0.002
DISPUTED_SHARE = 0.15


def _timestamp(day: date, hour: int) -> str:
    """SQLAlchemy's SQLite DATETIME text for ``day`` at ``hour``:00."""
    return f"{day.isoformat()} {hour:02d}:00:00.000000"


def _half_up(numerator: int, denominator: int) -> int:
    """Round a non-negative fraction half up to an integer."""
    return (2 * numerator + denominator) // (2 * denominator)


def _customer_rows(rng: random.Random, count: int, created_at: str) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for cid in range(1, count + 1):
        first, last1, last2 = data.person_name(rng)
        line, area = data.address(rng)
        if rng.random() < 0.55:
            kind = rng.choice(data.BUSINESS_KINDS)
            name = f"{kind} {last1}{rng.choice(data.BUSINESS_SUFFIXES)}"
            founded = date(rng.randint(1995, 2020), rng.randint(1, 12), rng.randint(1, 28))
            rfc = data.rfc_for_company(name, founded, rng)
            contact = f"{first} {last1}"
        else:
            name = f"{first} {last1} {last2}"
            born = date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
            rfc = data.rfc_for_person(first, last1, last2, born, rng)
            contact = ""
        slug = name.split()[0].lower().translate(str.maketrans("áéíóúñü", "aeiounu"))
        email = f"{slug}{cid}@ejemplo.mx" if rng.random() < 0.8 else ""
        mobile = data.phone(rng, area)
        whatsapp = mobile if rng.random() < 0.85 else ""
        channel = "email" if email and rng.random() < 0.4 else "whatsapp"
        rows.append(
            (
                cid,
                name,
                search_key(name),
                rfc,
                contact,
                email,
                mobile,
                whatsapp,
                line,
                None,  # payment_terms_days: filled in by the caller
                rng.choice((500_000, 1_000_000, 2_000_000, 5_000_000)),
                channel,
                "",
                "active",
                created_at,
            )
        )
    return rows


class _Plan:
    """Every row of the book, computed in memory before anything is written."""

    def __init__(self, customers: int, invoices: int, seed: int, today: date) -> None:
        rng = random.Random(seed)
        rnd = rng.random
        self.today = today
        horizon = HISTORY_DAYS
        start = today - timedelta(days=horizon)
        # Text of every date the book can mention, by day offset from ``start``.
        self.day_text = [(start + timedelta(days=d)).isoformat() for d in range(horizon + 200)]
        self.stamp_text = [f"{d} 10:00:00.000000" for d in self.day_text]
        self.customers = _customer_rows(rng, customers, _timestamp(start, 9))

        kinds = [k for k, _ in PAYER_MIX]
        kind_weights = [w for _, w in PAYER_MIX]
        payer: list[str] = []
        terms: list[int] = []
        since: list[int] = []
        until: list[int] = []
        stop: list[int] = []
        weights: list[float] = []
        for row_index in range(customers):
            kind = rng.choices(kinds, kind_weights)[0]
            first = 0 if rnd() < 0.7 else int(rnd() * horizon * 0.8)
            stops = first + 90 + int(rnd() * max(1, horizon - first - 150))
            # Sales stop a while after a customer stops paying.
            last = min(horizon, stops + 60 + int(rnd() * 90)) if kind == "stopped" else horizon
            payer.append(kind)
            terms.append(TERMS[int(rnd() * len(TERMS))])
            since.append(first)
            until.append(last)
            stop.append(stops)
            weights.append(rng.lognormvariate(0.0, 0.8) * (last - first + 1))
            row = self.customers[row_index]
            self.customers[row_index] = (*row[:9], terms[-1], *row[10:])

        # Which customer each invoice belongs to, and its issue day; then number them by day.
        owners = rng.choices(range(customers), cum_weights=list(accumulate(weights)), k=invoices)
        by_day: list[list[int]] = [[] for _ in range(horizon + 1)]
        for c in owners:
            by_day[since[c] + int(rnd() * (until[c] - since[c] + 1))].append(c)

        products = [(desc, round(float(price) * 100)) for desc, price in data.PRODUCTS]
        self.invoice_customer: list[int] = []
        self.invoice_issue: list[int] = []
        self.invoice_due: list[int] = []
        self.invoice_amounts: list[tuple[int, int, int, int]] = []
        self.invoice_voided: list[int] = []  # day offset of voiding, -1 when not voided
        self.invoice_paid: list[int] = []
        self.lines: list[tuple[int, int, int]] = []  # (product, quantity, discount %)
        # Payments by day: (customer, invoice, amount, allocated, method, bounced)
        self.payments_by_day: list[list[tuple[int, int, int, int, str, bool]]] = [
            [] for _ in range(horizon + 1)
        ]
        pay_on = self.payments_by_day
        n_products = len(products)
        n_methods = len(METHODS)
        invoice_id = 0
        for day, owners_today in enumerate(by_day):
            for c in owners_today:
                invoice_id += 1
                product = int(rnd() * n_products)
                quantity = 1 + int(rnd() * 4)
                discount = 0 if rnd() < 0.9 else (5 if rnd() < 0.6 else 10)
                gross = quantity * products[product][1]
                subtotal = _half_up(gross * (100 - discount), 100)
                discount_cents = _half_up(gross * discount, 100)
                tax = _half_up(gross * (100 - discount) * 16, 10_000)
                total = subtotal + tax
                due = day + terms[c]
                self.invoice_customer.append(c + 1)
                self.invoice_issue.append(day)
                self.invoice_due.append(due)
                self.invoice_amounts.append((subtotal, discount_cents, tax, total))
                self.lines.append((product, quantity, discount))
                if rnd() < VOID_SHARE:
                    self.invoice_voided.append(min(horizon, day + 1 + int(rnd() * 5)))
                    self.invoice_paid.append(0)
                    continue
                self.invoice_voided.append(-1)
                kind = payer[c]
                if kind == "punctual":
                    schedule = [(day + int(rnd() * (terms[c] + 1)), total)]
                elif kind == "late":
                    schedule = [(due + 5 + int(rnd() * 56), total)]
                elif kind == "partial":
                    first_part = total * (3 + int(rnd() * 4)) // 10
                    schedule = [
                        (due + int(rnd() * 21), first_part),
                        (due + 30 + int(rnd() * 61), total - first_part),
                    ]
                elif kind == "dispute":
                    schedule = [] if rnd() < DISPUTED_SHARE else [(due + int(rnd() * 26), total)]
                else:  # stopped paying at some point
                    schedule = [(due + int(rnd() * 31), total)] if day < stop[c] else []
                paid = 0
                for pay_day, amount in schedule:
                    if pay_day > horizon:
                        continue  # not paid yet
                    method = METHODS[int(rnd() * n_methods)]
                    if (
                        method == "check"
                        and rnd() < BOUNCE_SHARE * n_methods
                        and (pay_day + 10 <= horizon)
                    ):
                        # The check bounces three days later; it is paid again by transfer.
                        pay_on[pay_day].append((c + 1, invoice_id, amount, amount, method, True))
                        pay_day += 10
                        method = "transfer"
                    received = amount
                    if len(schedule) == 1 and rnd() < OVERPAY_SHARE:
                        received = (amount // 10_000 + 1) * 10_000  # rounded up: the rest is credit
                    pay_on[pay_day].append((c + 1, invoice_id, received, amount, method, False))
                    paid += amount
                self.invoice_paid.append(paid)
        self.invoice_count = invoice_id
        self.products = products

    def invoice_rows(self) -> Iterator[tuple[object, ...]]:
        day_text, stamp_text = self.day_text, self.stamp_text
        for n in range(self.invoice_count):
            subtotal, discount, tax, total = self.invoice_amounts[n]
            voided = self.invoice_voided[n]
            issue = self.invoice_issue[n]
            yield (
                n + 1,
                self.invoice_customer[n],
                "invoice",
                SERIES,
                n + 1,
                "issued" if voided < 0 else "voided",
                day_text[issue],
                day_text[self.invoice_due[n]],
                subtotal,
                discount,
                tax,
                total,
                self.invoice_paid[n],
                "",
                "PUE" if self.invoice_due[n] == issue else "PPD",
                "",
                None,
                stamp_text[issue],
                None if voided < 0 else stamp_text[voided],
                "" if voided < 0 else "Error en los datos fiscales",
            )

    def line_rows(self) -> Iterator[tuple[object, ...]]:
        texts = [(desc, f"{cents // 100}.{cents % 100:02d}") for desc, cents in self.products]
        for n, (product, quantity, discount) in enumerate(self.lines, start=1):
            description, price = texts[product]
            yield (n, n, 1, description, str(quantity), price, str(discount), "16")

    def payment_and_allocation_rows(
        self,
    ) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        payments: list[tuple[object, ...]] = []
        allocations: list[tuple[object, ...]] = []
        day_text, stamp_text = self.day_text, self.stamp_text
        payment_id = 0
        for day, todays in enumerate(self.payments_by_day):
            stamp = stamp_text[day]
            for customer, invoice, received, applied, method, bounced in todays:
                payment_id += 1
                reference = "" if method == "cash" else f"REF-{payment_id:08d}"
                if bounced:
                    undone = stamp_text[day + 3]
                    payments.append(
                        (
                            payment_id,
                            customer,
                            day_text[day],
                            received,
                            0,
                            method,
                            reference,
                            "",
                            stamp,
                            undone,
                            "Cheque devuelto por fondos insuficientes",
                        )
                    )
                    allocations.append(
                        (
                            payment_id,
                            payment_id,
                            invoice,
                            applied,
                            0,
                            stamp,
                            undone,
                            "Pago revertido",
                        )
                    )
                else:
                    payments.append(
                        (
                            payment_id,
                            customer,
                            day_text[day],
                            received,
                            applied,
                            method,
                            reference,
                            "",
                            stamp,
                            None,
                            "",
                        )
                    )
                    allocations.append(
                        (payment_id, payment_id, invoice, applied, 1, stamp, None, "")
                    )
        return payments, allocations


# The facts each allocation copies from its payment and invoice (models/allocation_facts.py),
# filled set-based after the load, before the indexes are built.
FILL_ALLOCATION_FACTS = fill_facts_sql("sqlite", only_missing=False)


def _insert(connection: sqlite3.Connection, table: str, rows: Iterable[tuple[object, ...]]) -> None:
    columns = COLUMNS[table]
    marks = ", ".join("?" * len(columns.split(",")))
    connection.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def build_large_book(
    path: Path | str,
    customers: int = 20_000,
    invoices: int = 1_000_000,
    seed: int = 1,
    today: date = DEFAULT_TODAY,
    *,
    log: Callable[[str], object] | None = None,
) -> Path:
    """Write a new book at ``path`` (replacing any file there) and return its path.

    ``log``, when given, receives the time each phase took.
    """
    started = last = timer.perf_counter()

    def phase(name: str) -> None:
        nonlocal last
        now = timer.perf_counter()
        if log is not None:
            log(f"  {name}: {now - last:.1f} s (total {now - started:.1f} s)")
        last = now

    book_path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{book_path}{suffix}").unlink(missing_ok=True)
    open_book(book_path, create=True, now=datetime.combine(today, time(8, 0))).close()
    phase("schema (migration)")
    plan = _Plan(customers, invoices, seed, today)
    phase("plan")

    connection = sqlite3.connect(book_path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = MEMORY")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -500000")
        connection.execute("PRAGMA temp_store = MEMORY")
        marks = ", ".join("?" * len(LOADED_TABLES))
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks}) ORDER BY name",
            LOADED_TABLES,
        ).fetchall()
        connection.execute("BEGIN")
        for name, _sql in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        connection.execute(
            "INSERT OR REPLACE INTO business_profile (id, name, rfc, address, phone, email, "
            "logo_path, currency, payment_terms_days, tax_rate_percent, bank_name, clabe, "
            "invoice_series) VALUES (1, ?, ?, ?, ?, ?, '', 'MXN', 30, '16', ?, ?, ?)",
            (
                "Distribuidora Benchmark del Bajío, S.A. de C.V.",
                "DBB150312AB7",
                "Blvd. Adolfo López Mateos 1500, Col. Centro, C.P. 37000, León, Gto.",
                "+524777151234",
                "cobranza@benchmark.mx",
                "BBVA México",
                data.clabe(random.Random(seed)),
                SERIES,
            ),
        )
        _insert(connection, "customers", plan.customers)
        _insert(connection, "invoices", plan.invoice_rows())
        phase("invoices")
        _insert(connection, "invoice_lines", plan.line_rows())
        phase("invoice lines")
        payments, allocations = plan.payment_and_allocation_rows()
        _insert(connection, "payments", payments)
        _insert(connection, "allocations", allocations)
        phase("payments and allocations")
        connection.execute(FILL_ALLOCATION_FACTS)
        phase("allocation facts")
        connection.execute(
            "INSERT OR REPLACE INTO folio_sequences (series, next_folio) VALUES (?, ?)",
            (SERIES, plan.invoice_count + 1),
        )
        for _name, sql in indexes:
            connection.execute(sql)
        phase(f"{len(indexes)} indexes")
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode = WAL")
        phase("commit")
    except BaseException:
        connection.close()
        book_path.unlink(missing_ok=True)
        raise
    connection.close()
    # The risk tallies, as the program keeps them (the rows above bypassed the sessions).
    with open_book(book_path, check_integrity=False) as book, book.engine.begin() as conn:
        refresh_tallies(conn, None)
    phase("risk tallies")
    return book_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=DEFAULT_TODAY)
    args = parser.parse_args(argv)
    started = timer.perf_counter()
    path = build_large_book(
        args.path, args.customers, args.invoices, args.seed, args.today, log=print
    )
    elapsed = timer.perf_counter() - started
    size = os.path.getsize(path) / 1_000_000
    print(
        f"{path}: {args.customers} customers, {args.invoices} invoices, "
        f"{elapsed:.1f} s, {size:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
