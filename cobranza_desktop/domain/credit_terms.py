"""The credit and collection terms a customer reads and signs ("Condiciones de crédito").

The seed text asks that rewards and penalties be "perfectamente especificados en el
contrato o mediante documentos adicionales con valor jurídico que el cliente tiene que
comprender y firmar". The terms are built from what the book already knows (payment
terms, credit limit, penalty policy, rewards, prepayment offers, the ladder, the contact
hours). Their *version* is a fingerprint of those facts, so that a customer who signed
an older version can be found, and what changed since can be shown clause by clause.

Pure: no I/O. The text goes through the catalogue; the snapshot is language-free.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from cobranza_desktop.domain.contact_policy import ContactPolicy
from cobranza_desktop.domain.formatting import format_money, format_percent
from cobranza_desktop.domain.i18n import N_, _, ngettext
from cobranza_desktop.domain.incentives import (
    EarlyPaymentTerms,
    PrepaymentKind,
    PrepaymentOffer,
    PunctualityReward,
)
from cobranza_desktop.domain.ladder import Ladder
from cobranza_desktop.domain.money import round_money
from cobranza_desktop.domain.penalty_policy import LEGAL_ANNUAL_RATE, PenaltyPolicy

# The worked example of interest: this amount, this many days late.
EXAMPLE_AMOUNT = Decimal("10000.00")
EXAMPLE_DAYS = 30

# The clauses, in the order of the document; the key is the snapshot's.
CLAUSE_TITLES: dict[str, str] = {
    "payment": N_("Plazo de pago y límite de crédito"),
    "penalties": N_("Intereses moratorios y cargos por atraso"),
    "rewards": N_("Descuentos por pronto pago y premios por puntualidad"),
    "prepayment": N_("Pagos por adelantado"),
    "ladder": N_("Qué pasa si el pago se atrasa"),
    "contact": N_("Horario de contacto"),
}


@dataclass(frozen=True)
class TermsFacts:
    """What the terms of one customer are made of."""

    business_name: str
    customer_name: str
    payment_terms_days: int
    credit_limit: Decimal | None
    penalty: PenaltyPolicy
    early_payment: EarlyPaymentTerms | None
    punctuality: PunctualityReward | None
    prepayment_offers: tuple[PrepaymentOffer, ...]
    ladder: Ladder
    contact: ContactPolicy


@dataclass(frozen=True)
class Clause:
    key: str
    title: str
    paragraphs: tuple[str, ...]


def snapshot(facts: TermsFacts) -> dict[str, str]:
    """The terms as language-free values, one per clause: what the version fingerprints."""

    def dump(value: object) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    return {
        "payment": dump(
            {
                "days": facts.payment_terms_days,
                "limit": None if facts.credit_limit is None else str(facts.credit_limit),
            }
        ),
        "penalties": dump(facts.penalty.to_dict()),
        "rewards": dump(
            {
                "early": facts.early_payment.to_dict() if facts.early_payment else None,
                "punctuality": None
                if facts.punctuality is None
                else [facts.punctuality.after_on_time, str(facts.punctuality.discount_percent)],
            }
        ),
        "prepayment": dump(
            [
                [o.months, o.kind.value, str(o.discount_percent), o.free_months]
                for o in facts.prepayment_offers
            ]
        ),
        "ladder": dump([[s.offset_days, s.code] for s in facts.ladder.stages]),
        "contact": dump(facts.contact.to_dict()),
    }


def terms_version(values: Mapping[str, str]) -> str:
    """A short fingerprint of a snapshot: the same terms always give the same version."""
    canonical = json.dumps(dict(values), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:10]


def changed_clauses(old: Mapping[str, str], new: Mapping[str, str]) -> list[str]:
    """The keys of the clauses that differ between two snapshots, in document order."""
    return [key for key in CLAUSE_TITLES if old.get(key) != new.get(key)]


def example_interest(policy: PenaltyPolicy) -> tuple[Decimal, Decimal, int]:
    """(rate, interest, day basis) on :data:`EXAMPLE_AMOUNT` for :data:`EXAMPLE_DAYS` days.

    When no rate was agreed, the legal 6 % of the Código de Comercio (art. 362) applies.
    """
    rate = policy.annual_rate_percent if policy.has_interest else LEGAL_ANNUAL_RATE
    basis = policy.day_basis
    interest = round_money(EXAMPLE_AMOUNT * rate / Decimal(100) * EXAMPLE_DAYS / basis)
    return rate, interest, basis


def _payment(facts: TermsFacts) -> tuple[str, ...]:
    lines = [
        _("Cada factura se paga a más tardar {days} días después de su fecha de emisión.").format(
            days=facts.payment_terms_days
        )
    ]
    if facts.credit_limit is not None:
        lines.append(
            _("Su límite de crédito es de {limit}: no se vende a crédito por encima de él.").format(
                limit=format_money(facts.credit_limit)
            )
        )
    else:
        lines.append(_("No hay un límite de crédito fijado por escrito."))
    return tuple(lines)


def _penalties(policy: PenaltyPolicy) -> tuple[str, ...]:
    lines: list[str] = []
    if policy.has_interest:
        lines.append(
            _(
                "Si una factura no se paga a tiempo, su saldo pendiente genera un interés "
                "moratorio de {rate} al año, calculado por día sobre una base de {basis} días"
            ).format(rate=format_percent(policy.annual_rate_percent), basis=policy.day_basis)
            + (
                _(", a partir de {grace} días después del vencimiento.").format(
                    grace=policy.grace_days
                )
                if policy.grace_days
                else _(", a partir del día siguiente al vencimiento.")
            )
        )
        if policy.cap_percent is not None:
            lines.append(
                _("El interés de una factura nunca supera el {cap} de su importe.").format(
                    cap=format_percent(policy.cap_percent)
                )
            )
    else:
        lines.append(
            _(
                "No se pactó una tasa de interés moratorio. Si hubiera que cobrarlo, se aplica "
                "la tasa legal de {rate} al año (artículo 362 del Código de Comercio)."
            ).format(rate=format_percent(LEGAL_ANNUAL_RATE))
        )
    if policy.has_fees:
        amounts = []
        if policy.fixed_fee:
            amounts.append(format_money(policy.fixed_fee))
        if policy.percent_fee:
            amounts.append(
                _("{percent} del saldo vencido").format(percent=format_percent(policy.percent_fee))
            )
        lines.append(
            _("Además, se cobra un cargo por atraso de {amounts}.").format(
                amounts=" + ".join(amounts)
            )
        )
    else:
        lines.append(_("No se cobran cargos fijos por atraso."))
    rate, interest, basis = example_interest(policy)
    lines.append(
        _(
            "Ejemplo: una factura de {amount} pagada {days} días tarde genera {amount} × "
            "{rate} × {days} / {basis} = {interest} de interés."
        ).format(
            amount=format_money(EXAMPLE_AMOUNT),
            days=EXAMPLE_DAYS,
            rate=format_percent(rate),
            basis=basis,
            interest=format_money(interest),
        )
    )
    return tuple(lines)


def _rewards(facts: TermsFacts) -> tuple[str, ...]:
    lines: list[str] = []
    if facts.early_payment is not None:
        terms = facts.early_payment
        lines.append(
            _(
                "Si paga la factura completa dentro de {within} días de su emisión, recibe "
                "{percent} de descuento."
            ).format(within=terms.within_days, percent=format_percent(terms.discount_percent))
        )
    if facts.punctuality is not None:
        lines.append(
            _(
                "Después de {count} pagos puntuales seguidos, su siguiente factura lleva "
                "{percent} de descuento."
            ).format(
                count=facts.punctuality.after_on_time,
                percent=format_percent(facts.punctuality.discount_percent),
            )
        )
    return tuple(lines) or (_("Por ahora no hay descuentos ni premios pactados."),)


def _prepayment(offers: Sequence[PrepaymentOffer]) -> tuple[str, ...]:
    lines = []
    for offer in offers:
        if offer.kind is PrepaymentKind.FREE_MONTHS:
            lines.append(
                _("Pague {months} meses por adelantado y pague solo {paid}.").format(
                    months=offer.months, paid=offer.months - offer.free_months
                )
            )
        else:
            lines.append(
                _("Pague {months} meses por adelantado con {percent} de descuento.").format(
                    months=offer.months, percent=format_percent(offer.discount_percent)
                )
            )
    return tuple(lines) or (_("No hay ofertas de pago por adelantado."),)


def _ladder(ladder: Ladder) -> tuple[str, ...]:
    lines = []
    for stage in ladder.stages:
        if stage.offset_days < 0:
            when = ngettext(
                "{days} día antes del vencimiento",
                "{days} días antes del vencimiento",
                -stage.offset_days,
            ).format(days=-stage.offset_days)
        elif stage.offset_days == 0:
            when = _("el día del vencimiento")
        else:
            when = ngettext(
                "{days} día después del vencimiento",
                "{days} días después del vencimiento",
                stage.offset_days,
            ).format(days=stage.offset_days)
        lines.append(f"{when[0].upper()}{when[1:]}: {stage.label()}.")
    return tuple(lines)


def _contact(policy: ContactPolicy) -> tuple[str, ...]:
    lines = [
        _(
            "Le contactamos entre las {start} y las {end} horas, no más de {day} vez al día ni "
            "de {week} veces por semana."
        ).format(
            start=policy.quiet_end.strftime("%H:%M"),
            end=policy.quiet_start.strftime("%H:%M"),
            day=policy.max_per_day,
            week=policy.max_per_week,
        )
    ]
    if policy.no_sundays:
        lines.append(_("Los domingos no le contactamos."))
    return tuple(lines)


def clauses(facts: TermsFacts) -> list[Clause]:
    """The document's clauses in plain Spanish (or English), in order."""
    bodies = {
        "payment": _payment(facts),
        "penalties": _penalties(facts.penalty),
        "rewards": _rewards(facts),
        "prepayment": _prepayment(facts.prepayment_offers),
        "ladder": _ladder(facts.ladder),
        "contact": _contact(facts.contact),
    }
    return [Clause(key, _(title), bodies[key]) for key, title in CLAUSE_TITLES.items()]
