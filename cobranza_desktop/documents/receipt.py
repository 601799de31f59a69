"""The payment receipt, with a thank-you: the seed text asks to thank the customer
for every payment, even a late one."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from cobranza_desktop.documents.base import (
    ACCENT,
    CONTENT_WIDTH,
    DataRenderer,
    boxed,
    contact_paragraph,
    data_table,
    esc,
    key_values,
    money,
    para,
    party_block,
    right_aligned,
    short_date,
    text,
)
from cobranza_desktop.documents.data import ReceiptData
from cobranza_desktop.documents.prepayment_block import prepayment_block
from cobranza_desktop.documents.words import amount_in_words
from cobranza_desktop.domain.i18n import _


class ReceiptRenderer(DataRenderer[ReceiptData]):
    def title(self) -> str:
        return _("Recibo de pago")

    def running_title(self) -> str:
        return f"{self.title()} {self.data.number}"

    def reference(self) -> list[tuple[str, str]]:
        d = self.data
        return [
            (_("Número"), d.number),
            (_("Fecha"), short_date(d.payment_date)),
        ]

    def body(self) -> list[Flowable]:
        d = self.data
        c = d.currency
        story: list[Flowable] = [
            party_block(_("Recibimos de"), d.customer),
            Spacer(1, 4 * mm),
        ]
        amount = money(d.amount, c)
        lines = [
            para(_("La cantidad de <b>{amount}</b>").format(amount=amount)),
            para(f"({esc(amount_in_words(d.amount, c))})", "small"),
        ]
        method = f"{esc(_('Forma de pago'))}: {esc(d.method)}"
        if d.reference:
            method += f" · {esc(_('Referencia'))}: {esc(d.reference)}"
        lines.append(para(method, "small"))
        box = boxed(lines, CONTENT_WIDTH, ACCENT)
        story += [box, Spacer(1, 4 * mm)]
        if d.allocations:
            story.append(text(_("Aplicación del pago"), "h2"))
            rows = [
                [
                    f"{a.invoice_number} ({a.original})" if a.original else a.invoice_number,
                    money(a.applied, c),
                    money(a.balance_after, c),
                ]
                for a in d.allocations
            ]
            header = [
                _("Factura"),
                _("Importe aplicado"),
                _("Saldo de la factura"),
            ]
            story.append(data_table(header, rows, [None, 36, 36], right=(1, 2)))
            story.append(Spacer(1, 3 * mm))
        pairs = [(_("Monto recibido"), amount)]
        if d.unapplied:
            pairs.append((_("Saldo a favor"), money(d.unapplied, c)))
        pairs.append((_("Su saldo pendiente"), money(d.balance_after, c)))
        summary = right_aligned(key_values(pairs, (44 * mm, 36 * mm), bold_last=True), 80 * mm)
        story.append(summary)
        if d.prepayment is not None:
            story.append(prepayment_block(d.prepayment, c))
        if d.notes:
            story += [text(_("Notas"), "h2"), text(d.notes)]
        story += [
            Spacer(1, 6 * mm),
            para(f"<b>{esc(_('¡Gracias por su pago!'))}</b>", "h2"),
            para(
                esc(
                    _(
                        "Valoramos mucho su confianza y su compromiso. Cada pago nos ayuda a "
                        "seguir atendiéndole como usted merece."
                    )
                )
            ),
            Spacer(1, 3 * mm),
            *contact_paragraph(_("Para cualquier aclaración: "), d.contact, d.business, "small"),
        ]
        return story


def render_receipt(data: ReceiptData) -> bytes:
    """The payment receipt as PDF bytes."""
    return ReceiptRenderer(data).render()
