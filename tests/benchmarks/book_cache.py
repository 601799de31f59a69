"""The large benchmark book, built once and cached between runs.

The book is kept under ``$COBRANZA_BENCH_CACHE`` (default ``~/.cache/cobranza-bench``),
named after its parameters, the generator version and a hash of the migrations, so a
change to either builds a new one. Shrink it for a quick run with
``COBRANZA_BENCH_CUSTOMERS`` and ``COBRANZA_BENCH_INVOICES``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cobranza_desktop.storage.database import MIGRATIONS_DIR, SCHEMA_HEAD
from tests.benchmarks.large_book import DEFAULT_TODAY, GENERATOR_VERSION

BENCH_TODAY = DEFAULT_TODAY


@dataclass(frozen=True)
class BenchParameters:
    customers: int
    invoices: int
    seed: int
    today: date = BENCH_TODAY


def bench_parameters() -> BenchParameters:
    return BenchParameters(
        customers=int(os.environ.get("COBRANZA_BENCH_CUSTOMERS", "20000")),
        invoices=int(os.environ.get("COBRANZA_BENCH_INVOICES", "1000000")),
        seed=int(os.environ.get("COBRANZA_BENCH_SEED", "1")),
    )


def schema_fingerprint() -> str:
    """Changes whenever a migration script changes (an index added, say)."""
    digest = hashlib.sha256(SCHEMA_HEAD.encode())
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        digest.update(script.name.encode())
        digest.update(script.read_bytes())
    return digest.hexdigest()[:12]


def cached_book_path(parameters: BenchParameters) -> Path:
    root = Path(os.environ.get("COBRANZA_BENCH_CACHE", Path.home() / ".cache" / "cobranza-bench"))
    name = (
        f"book-c{parameters.customers}-i{parameters.invoices}-s{parameters.seed}"
        f"-{parameters.today.isoformat()}-g{GENERATOR_VERSION}-{schema_fingerprint()}.sqlite"
    )
    return root / name
