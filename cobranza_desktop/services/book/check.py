"""`cobranza check`: the file's integrity and the bookkeeping invariants."""

from __future__ import annotations

from dataclasses import dataclass

from cobranza_desktop.domain.errors import BookDamagedError
from cobranza_desktop.domain.i18n import N_, _
from cobranza_desktop.services.book.incentive_check import (
    missing_early_payment_discounts,
    missing_punctuality_rewards,
)
from cobranza_desktop.storage.database import (
    SCHEMA_HEAD,
    Book,
    check_file_integrity,
    current_revision,
)
from cobranza_desktop.storage.queries.book_check import invariant_violations
from cobranza_desktop.storage.risk_tallies import stale_tallies

INVARIANT_LABELS = {
    "invoice_paid_matches_allocations": N_(
        "Lo pagado de cada factura es la suma de sus aplicaciones"
    ),
    "payment_not_over_allocated": N_("Ningún pago está aplicado de más"),
    "allocation_matches_customer": N_(
        "Cada aplicación une un pago y una factura vigente del mismo cliente"
    ),
    "customer_balance_consistent": N_("Saldo de cada cliente = facturas − pagos + saldo a favor"),
    "allocation_facts_match": N_("Cada aplicación guarda las fechas de su pago y de su factura"),
    "early_payment_discounts_granted": N_(
        "Cada pago a tiempo para el pronto pago tiene su descuento"
    ),
    "punctuality_rewards_granted": N_("Cada premio por puntualidad ganado fue otorgado"),
    "risk_tallies_match": N_("El resumen de riesgo de cada cliente coincide con sus facturas"),
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
        if self._book.is_file:
            try:
                check_file_integrity(self._book.path)
                results.append(CheckResult("integrity", _("Integridad del archivo"), True, ()))
            except BookDamagedError as exc:
                results.append(CheckResult("integrity", exc.message, False, ()))
        else:  # the server keeps its own files sound; the schema is ours to check
            revision = current_revision(self._book.engine)
            results.append(
                CheckResult(
                    "integrity",
                    _("Estructura del libro al día en el servidor"),
                    revision == SCHEMA_HEAD,
                    () if revision == SCHEMA_HEAD else ((revision,),),
                )
            )
        with self._book.session() as session:
            violations = invariant_violations(session)
            violations["early_payment_discounts_granted"] = missing_early_payment_discounts(session)
            violations["punctuality_rewards_granted"] = missing_punctuality_rewards(session)
            violations["risk_tallies_match"] = list(stale_tallies(session.connection()))
        for name, rows in violations.items():
            label = _(INVARIANT_LABELS[name])
            results.append(CheckResult(name, label, not rows, tuple(rows)))
        return CheckReport(tuple(results))
