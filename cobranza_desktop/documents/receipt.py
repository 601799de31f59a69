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
from cobranza_desktop.documents.words import amount_in_words
from cobranza_desktop.domain.i18n import tr


class ReceiptRenderer(DataRenderer[ReceiptData]):
    def title(self) -> str:
        return tr("Recibo de pago", "Payment receipt")

    def running_title(self) -> str:
        return f"{self.title()} {self.data.number}"

    def reference(self) -> list[tuple[str, str]]:
        d = self.data
        return [
            (tr("Número", "Number"), d.number),
            (tr("Fecha", "Date"), short_date(d.payment_date)),
        ]

    def body(self) -> list[Flowable]:
        d = self.data
        c = d.currency
        story: list[Flowable] = [
            party_block(tr("Recibimos de", "Received from"), d.customer),
            Spacer(1, 4 * mm),
        ]
        amount = money(d.amount, c)
        lines = [
            para(tr(f"La cantidad de <b>{amount}</b>", f"The amount of <b>{amount}</b>")),
            para(f"({esc(amount_in_words(d.amount, c))})", "small"),
        ]
        method = f"{esc(tr('Forma de pago', 'Payment method'))}: {esc(d.method)}"
        if d.reference:
            method += f" · {esc(tr('Referencia', 'Reference'))}: {esc(d.reference)}"
        lines.append(para(method, "small"))
        box = boxed(lines, CONTENT_WIDTH, ACCENT)
        story += [box, Spacer(1, 4 * mm)]
        if d.allocations:
            story.append(text(tr("Aplicación del pago", "How the payment was applied"), "h2"))
            rows = [
                [a.invoice_number, money(a.applied, c), money(a.balance_after, c)]
                for a in d.allocations
            ]
            header = [
                tr("Factura", "Invoice"),
                tr("Importe aplicado", "Amount applied"),
                tr("Saldo de la factura", "Invoice balance"),
            ]
            story.append(data_table(header, rows, [None, 36, 36], right=(1, 2)))
            story.append(Spacer(1, 3 * mm))
        pairs = [(tr("Monto recibido", "Amount received"), amount)]
        if d.unapplied:
            pairs.append((tr("Saldo a favor", "Credit on account"), money(d.unapplied, c)))
        pairs.append(
            (tr("Su saldo pendiente", "Your remaining balance"), money(d.balance_after, c))
        )
        summary = right_aligned(key_values(pairs, (44 * mm, 36 * mm), bold_last=True), 80 * mm)
        story.append(summary)
        if d.notes:
            story += [text(tr("Notas", "Notes"), "h2"), text(d.notes)]
        story += [
            Spacer(1, 6 * mm),
            para(f"<b>{esc(tr('¡Gracias por su pago!', 'Thank you for your payment!'))}</b>", "h2"),
            para(
                esc(
                    tr(
                        "Valoramos mucho su confianza y su compromiso. Cada pago nos ayuda a "
                        "seguir atendiéndole como usted merece.",
                        "We truly value your trust and your commitment. Every payment helps us "
                        "keep serving you as you deserve.",
                    )
                )
            ),
            Spacer(1, 3 * mm),
            *contact_paragraph(
                tr("Para cualquier aclaración: ", "For any query: "), d.contact, d.business, "small"
            ),
        ]
        return story


def render_receipt(data: ReceiptData) -> bytes:
    """The payment receipt as PDF bytes."""
    return ReceiptRenderer(data).render()
