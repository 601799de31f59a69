"""«Condiciones de crédito y cobranza»: the terms a customer reads and signs.

Plain data in (the clauses are already worded by ``domain.credit_terms``), PDF bytes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from cobranza_desktop.documents.base import (
    CONTENT_WIDTH,
    DataRenderer,
    esc,
    para,
    party_block,
    short_date,
    text,
)
from cobranza_desktop.documents.data import BusinessInfo, CustomerInfo
from cobranza_desktop.documents.layout import Columns
from cobranza_desktop.domain.credit_terms import Clause
from cobranza_desktop.domain.i18n import _


@dataclass(frozen=True)
class CreditTermsData:
    business: BusinessInfo
    customer: CustomerInfo
    version: str
    printed_on: date
    clauses: tuple[Clause, ...]
    # Titles of the clauses that changed since the version the customer signed (if any).
    changed: tuple[str, ...] = field(default=())
    signed_version: str = ""


class CreditTermsRenderer(DataRenderer[CreditTermsData]):
    def title(self) -> str:
        return _("Condiciones de crédito y cobranza")

    def reference(self) -> list[tuple[str, str]]:
        return [
            (_("Versión"), self.data.version),
            (_("Fecha"), short_date(self.data.printed_on)),
        ]

    def body(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = [party_block(_("Cliente"), d.customer), Spacer(1, 4 * mm)]
        story.append(
            para(
                esc(
                    _(
                        "Estas son las condiciones con las que {business} le vende a crédito. "
                        "Léalas con calma; si algo no está claro, pregúntenos antes de firmar."
                    ).format(business=d.business.name or _("el negocio"))
                )
            )
        )
        if d.changed:
            story += [
                Spacer(1, 2 * mm),
                text(
                    _("Cambios respecto a la versión {version} que usted firmó").format(
                        version=d.signed_version
                    ),
                    "h2",
                ),
                *(para("• " + esc(title)) for title in d.changed),
            ]
        for number, clause in enumerate(d.clauses, start=1):
            story.append(text(f"{number}. {clause.title}", "h2"))
            story += [para(esc(p)) for p in clause.paragraphs]
        story += [Spacer(1, 10 * mm), self._signatures()]
        return story

    def _signatures(self) -> Flowable:
        def block(label: str, name: str) -> list[Flowable]:
            return [
                Spacer(1, 12 * mm),
                para("_" * 38),
                para(f"<b>{esc(label)}</b>"),
                para(esc(name), "small"),
                Spacer(1, 4 * mm),
                para(esc(_("Fecha: ____ / ____ / ________")), "small"),
            ]

        half = CONTENT_WIDTH / 2 - 4 * mm
        columns = Columns(
            [
                block(_("Firma del cliente"), self.data.customer.name),
                block(_("Firma del negocio"), self.data.business.name or " "),
            ],
            [half, half],
            [8 * mm, 0],
        )
        return KeepTogether(
            [
                para(
                    esc(
                        _(
                            "Al firmar, ambas partes declaran haber leído y entendido estas "
                            "condiciones."
                        )
                    )
                ),
                columns,
            ]
        )


def render_credit_terms(data: CreditTermsData) -> bytes:
    return CreditTermsRenderer(data).render()
