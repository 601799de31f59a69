"""`cobranza check`: the file's integrity and the bookkeeping invariants."""

from __future__ import annotations

from dataclasses import dataclass

from cobranza_desktop.domain.errors import BookDamagedError
from cobranza_desktop.domain.i18n import tr
from cobranza_desktop.services.book.incentive_check import (
    missing_early_payment_discounts,
    missing_punctuality_rewards,
)
from cobranza_desktop.storage.database import Book, check_file_integrity
from cobranza_desktop.storage.queries.book_check import invariant_violations

INVARIANT_LABELS = {
    "invoice_paid_matches_allocations": (
        "Lo pagado de cada factura es la suma de sus aplicaciones",
        "Each invoice's paid amount equals the sum of its allocations",
    ),
    "payment_not_over_allocated": (
        "Ningún pago está aplicado de más",
        "No payment is over-allocated",
    ),
    "allocation_matches_customer": (
        "Cada aplicación une un pago y una factura vigente del mismo cliente",
        "Each allocation joins a payment and a live invoice of the same customer",
    ),
    "customer_balance_consistent": (
        "Saldo de cada cliente = facturas − pagos + saldo a favor",
        "Each customer's balance = invoices − payments + credit",
    ),
    "early_payment_discounts_granted": (
        "Cada pago a tiempo para el pronto pago tiene su descuento",
        "Each payment within the early-payment window has its discount",
    ),
    "punctuality_rewards_granted": (
        "Cada premio por puntualidad ganado fue otorgado",
        "Each punctuality reward earned was granted",
    ),
}


@dataclass(frozen=True)
class CheckResult:
    name: str
    label: str
    ok: bool
    offending: tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class CheckReport:
    results: tuple[CheckResult, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


class BookCheckService:
    def __init__(self, book: Book) -> None:
        self._book = book

    def run(self) -> CheckReport:
        results = []
        try:
            check_file_integrity(self._book.path)
            results.append(
                CheckResult("integrity", tr("Integridad del archivo", "File integrity"), True, ())
            )
        except BookDamagedError as exc:
            results.append(CheckResult("integrity", exc.message, False, ()))
        with self._book.session() as session:
            violations = invariant_violations(session)
            violations["early_payment_discounts_granted"] = missing_early_payment_discounts(session)
            violations["punctuality_rewards_granted"] = missing_punctuality_rewards(session)
        for name, rows in violations.items():
            label = tr(*INVARIANT_LABELS[name])
            results.append(CheckResult(name, label, not rows, tuple(rows)))
        return CheckReport(tuple(results))
