"""What every import shares: its report, customers found or created, batches."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.text import search_key
from cobranza_desktop.imports.problems import Problem
from cobranza_desktop.storage.models import Customer, ImportBatch

GENERIC_RFCS = {"XAXX010101000", "XEXX010101000"}


@dataclass(frozen=True)
class ImportReport:
    """What the preview shows and the commit returns. The window's wizard reads the same."""

    committed: bool
    counts: dict[str, int]
    problems: tuple[Problem, ...]
    new_customers: tuple[str, ...] = ()
    matched_customers: int = 0
    total_receivable: Decimal = Decimal("0.00")
    skipped: tuple[Problem, ...] = ()  # not problems: why a file was left out
    notes: tuple[str, ...] = ()  # e.g. which RFC was taken as the business's
    batch_id: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "committed": self.committed,
            "counts": self.counts,
            "problems": [p.to_json() for p in self.problems],
            "new_customers": list(self.new_customers),
            "matched_customers": self.matched_customers,
            "total_receivable": str(self.total_receivable),
            "skipped": [p.to_json() for p in self.skipped],
            "notes": list(self.notes),
            "batch_id": self.batch_id,
        }


def empty_counts() -> dict[str, int]:
    return {"customers": 0, "invoices": 0, "credit_notes": 0, "payments": 0, "skipped": 0}


class RollBack(Exception):
    """Raised inside the transaction to throw away a preview or a refused import."""


@dataclass
class CustomerFinder:
    """Customers by RFC, else by name; creates the missing ones and remembers them."""

    session: Session
    now: datetime
    flush_each: bool = True  # False: the caller flushes once for many new customers
    created: list[str] = field(default_factory=list)
    matched: set[int] = field(default_factory=set)
    _created_objects: set[int] = field(default_factory=set)  # id() of the new ones
    _by_rfc: dict[str, Customer] = field(default_factory=dict)
    _by_name: dict[str, Customer] = field(default_factory=dict)
    # (rfc, name) as typed -> customer: a file names the same customer on many rows.
    _seen: dict[tuple[str, str], Customer] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for customer in self.session.scalars(select(Customer)):
            if customer.rfc and customer.rfc not in GENERIC_RFCS:
                self._by_rfc.setdefault(customer.rfc, customer)
            self._by_name.setdefault(customer.name_key or search_key(customer.name), customer)

    def find(self, rfc: str, name: str) -> Customer | None:
        seen = self._seen.get((rfc, name))
        if seen is not None:
            return seen
        key = rfc.strip().upper()
        found = self._by_rfc.get(key) if key and key not in GENERIC_RFCS else None
        found = found or self._by_name.get(search_key(name))
        if found is not None:
            self._seen[(rfc, name)] = found
        return found

    def get_or_create(
        self, rfc: str, name: str, *, regime: str = "", postal_code: str = "", **extra: str
    ) -> Customer:
        found = self.find(rfc, name)
        if found is not None:
            if id(found) not in self._created_objects:
                self.matched.add(found.id)
            return found
        clean = " ".join(name.split())[:200] or rfc
        customer = Customer(
            name=clean,
            name_key=search_key(clean),
            rfc=rfc.strip().upper()[:13],
            tax_regime=regime[:3],
            postal_code=postal_code[:5],
            created_at=self.now,
            **extra,
        )
        self.session.add(customer)
        if self.flush_each:
            self.session.flush()
        self.created.append(clean)
        self._created_objects.add(id(customer))
        if customer.rfc and customer.rfc not in GENERIC_RFCS:
            self._by_rfc[customer.rfc] = customer
        self._by_name[customer.name_key] = customer
        return customer


def new_batch(session: Session, kind: str, source: str, now: datetime) -> ImportBatch:
    batch = ImportBatch(kind=kind, source=source[:2000], summary="{}", created_at=now)
    session.add(batch)
    session.flush()
    return batch


def close_batch(batch: ImportBatch, counts: dict[str, int]) -> None:
    batch.summary = json.dumps(counts, sort_keys=True)
