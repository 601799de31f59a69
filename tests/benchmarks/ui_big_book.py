"""A large book for the window's benchmarks: 20,000 customers and 1,000,000 invoices.

Built once with raw SQLite inserts into the migrated schema (seconds, not hours) and
kept in ``$COBRANZA_BENCH_DIR`` (default: the system temp folder) for later runs.
Invoices have no lines and there are few payments: the lists and the aging view read
the denormalized totals, which is what is measured. About 8 % of invoices are open,
spread over every aging bucket.

Replace with the lead's shared generator once it is on main.
"""

from __future__ import annotations

import os
import random
import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path

from cobranza_desktop.domain.text import search_key
from cobranza_desktop.storage.database import open_book

CUSTOMERS = 20_000
INVOICES = 1_000_000
TODAY = date(2026, 11, 22)
VERSION = 1

FIRST = [
    "Ana",
    "Luis",
    "María",
    "José",
    "Ángel",
    "Sofía",
    "Jorge",
    "Lucía",
    "Raúl",
    "Elena",
    "Carlos",
    "Beatriz",
    "Miguel",
    "Rosa",
    "Íñigo",
    "Patricia",
    "Tomás",
    "Julia",
]
LAST = [
    "García",
    "López",
    "Martínez",
    "Hernández",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Cruz",
    "Flores",
    "Ávila",
    "Núñez",
    "Ortiz",
    "Castillo",
    "Muñoz",
    "Zapata",
    "Vázquez",
]
TRADES = [
    "Ferretería",
    "Abarrotes",
    "Farmacia",
    "Taller",
    "Papelería",
    "Gimnasio",
    "Colegio",
    "Panadería",
    "Consultorio",
    "Estética",
    "Imprenta",
    "Carnicería",
]
STATUSES = ["active"] * 18 + ["restricted", "suspended"]


def big_book_path(customers: int = CUSTOMERS, invoices: int = INVOICES) -> Path:
    folder = Path(os.environ.get("COBRANZA_BENCH_DIR", tempfile.gettempdir()))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"cobranza-ui-bench-v{VERSION}-{customers}-{invoices}.sqlite"
    if not path.exists():
        build(path, customers, invoices)
    return path


def build(path: Path, customers: int, invoices: int) -> None:
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with open_book(partial):
        pass  # creates the schema with the real migrations
    rng = random.Random(20261122)
    db = sqlite3.connect(partial)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    created = "2023-01-01 09:00:00.000000"
    rows = []
    for i in range(1, customers + 1):
        if rng.random() < 0.4:
            name = f"{rng.choice(TRADES)} {rng.choice(LAST)} {i}"
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)} {i}"
        phone = f"+5255{rng.randrange(10**7, 10**8)}"
        rows.append(
            (
                i,
                name,
                search_key(name),
                f"XAXX{i:06d}AB1"[:13],
                "",
                f"cliente{i}@ejemplo.mx",
                phone,
                phone,
                "",
                30,
                None,
                "whatsapp",
                "",
                rng.choice(STATUSES),
                created,
            )
        )
    db.executemany(f"INSERT INTO customers VALUES ({','.join('?' * 15)})", rows)
    per_customer = invoices // customers
    start = TODAY - timedelta(days=3 * 365)
    folio = 0
    batch: list[tuple[object, ...]] = []
    for customer in range(1, customers + 1):
        late_payer = rng.random() < 0.3
        for k in range(per_customer):
            folio += 1
            issue = start + timedelta(days=int(k * (3 * 365) / per_customer) + rng.randint(0, 10))
            if issue > TODAY:
                issue = TODAY
            due = issue + timedelta(days=30)
            subtotal = rng.randrange(20_000, 2_000_000)
            tax = subtotal * 16 // 100
            total = subtotal + tax
            age = (TODAY - due).days
            open_ = age > -30 and (k >= per_customer - 2 or (late_payer and age < 200))
            paid = 0 if open_ else total
            if open_ and rng.random() < 0.2:
                paid = total // 3
            batch.append(
                (
                    folio,
                    customer,
                    "invoice",
                    "A",
                    folio,
                    "issued",
                    issue.isoformat(),
                    due.isoformat(),
                    subtotal,
                    0,
                    tax,
                    total,
                    paid,
                    "",
                    "",
                    "",
                    None,
                    f"{issue.isoformat()} 10:00:00.000000",
                    None,
                    "",
                )
            )
        if len(batch) >= 50_000:
            db.executemany(f"INSERT INTO invoices VALUES ({','.join('?' * 20)})", batch)
            batch.clear()
    if batch:
        db.executemany(f"INSERT INTO invoices VALUES ({','.join('?' * 20)})", batch)
    db.execute("INSERT OR REPLACE INTO folio_sequences VALUES ('A', ?)", (folio + 1,))
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    partial.rename(path)
    Path(f"{partial}.lock").unlink(missing_ok=True)  # left by the book lock
