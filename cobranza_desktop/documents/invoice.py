"""The invoice PDF: numbering and dates, customer, lines, totals, amount in words,
payment terms, bank data and the CFDI UUID."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from cobranza_desktop.documents.base import (
    CONTENT_WIDTH,
    DataRenderer,
    bank_text,
    data_table,
    esc,
    key_values,
    money,
    para,
    party_block,
    percent,
    short_date,
    text,
)
from cobranza_desktop.documents.data import InvoiceData
from cobranza_desktop.documents.layout import Columns
from cobranza_desktop.documents.words import amount_in_words
from cobranza_desktop.domain.formatting import format_number
from cobranza_desktop.domain.i18n import locale_for, tr


def _quantity(value: Decimal) -> str:
    return format_number(value, locale_for())


class InvoiceRenderer(DataRenderer[InvoiceData]):
    def title(self) -> str:
        if self.data.is_late_charge:
            return tr("Nota de cargo", "Late charge")
        return tr("Factura", "Invoice")

    def running_title(self) -> str:
        return f"{self.title()} {self.data.number}"

    def reference(self) -> list[tuple[str, str]]:
        d = self.data
        return [
            (tr("Número", "Number"), d.number),
            (tr("Fecha", "Date"), short_date(d.issue_date)),
            (tr("Vencimiento", "Due date"), short_date(d.due_date)),
        ]

    def body(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = []
        if d.voided:
            story += [
                text(tr("DOCUMENTO CANCELADO", "VOIDED DOCUMENT"), "notice"),
                Spacer(1, 3 * mm),
            ]
        story += [party_block(tr("Facturar a", "Bill to"), d.customer), Spacer(1, 5 * mm)]
        story.append(self._lines())
        story += [Spacer(1, 4 * mm), KeepTogether(self._totals())]
        story += self._payment()
        return story

    def _lines(self) -> Flowable:
        d = self.data
        if not d.lines:
            return para(
                esc(tr("Esta factura no tiene conceptos.", "This invoice has no lines.")), "small"
            )
        with_unit = any(line.unit for line in d.lines)
        with_discount = any(line.discount_percent for line in d.lines)
        header = [tr("Cant.", "Qty")]
        widths: list[float | None] = [16]
        if with_unit:
            header.append(tr("Unidad", "Unit"))
            widths.append(20)
        header += [tr("Descripción", "Description"), tr("Precio unitario", "Unit price")]
        widths += [None, 30]
        if with_discount:
            header.append(tr("Desc.", "Disc."))
            widths.append(16)
        header.append(tr("Importe", "Amount"))
        widths.append(30)
        rows = []
        for line in d.lines:
            row = [_quantity(line.quantity)]
            if with_unit:
                row.append(line.unit)
            row += [line.description, money(line.unit_price, d.currency)]
            if with_discount:
                row.append(percent(line.discount_percent))
            row.append(money(line.amount, d.currency))
            rows.append(row)
        right = [i for i, _ in enumerate(header) if i == 0 or i >= (3 if with_unit else 2)]
        return data_table(header, rows, widths, right=right)

    def _totals(self) -> list[Flowable]:
        d = self.data
        pairs = [(tr("Subtotal", "Subtotal"), money(d.subtotal, d.currency))]
        pairs += [(t.label, money(t.amount, d.currency)) for t in d.taxes]
        pairs.append((tr("Total", "Total"), money(d.total, d.currency)))
        totals = key_values(pairs, (34 * mm, 34 * mm), bold_last=True)
        if d.amount_paid:
            paid = key_values(
                [
                    (tr("Pagado", "Paid"), money(d.amount_paid, d.currency)),
                    (tr("Saldo", "Balance due"), money(d.balance_due, d.currency)),
                ],
                (34 * mm, 34 * mm),
                bold_last=True,
            )
            right: list[Flowable] = [totals, Spacer(1, 2 * mm), paid]
        else:
            right = [totals]
        if d.discount:
            included = money(d.discount, d.currency)
            right.append(
                text(
                    tr(f"Incluye descuentos por {included}.", f"Includes discounts of {included}."),
                    "small",
                )
            )
        words = [
            text(tr("IMPORTE CON LETRA", "AMOUNT IN WORDS"), "label"),
            text(amount_in_words(d.total, d.currency), "body"),
        ]
        return [Columns([words, right], [CONTENT_WIDTH - 70 * mm, 70 * mm], [8, 0])]

    def _payment(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = []
        if d.payment_terms:
            story += [
                text(tr("Condiciones de pago", "Payment terms"), "h2"),
                text(d.payment_terms),
            ]
        bank = bank_text(d.business)
        if bank:
            story += [
                text(tr("Datos para transferencia", "Bank transfer details"), "h2"),
                para(bank),
            ]
        if d.notes:
            story += [text(tr("Notas", "Notes"), "h2"), text(d.notes)]
        if d.cfdi_uuid:
            story += [
                Spacer(1, 4 * mm),
                para(
                    f"{esc(tr('Folio fiscal (UUID)', 'CFDI fiscal folio (UUID)'))}: "
                    f"<font name='Courier'>{esc(d.cfdi_uuid)}</font>",
                    "small",
                ),
            ]
        return story


def render_invoice(data: InvoiceData) -> bytes:
    """The invoice as PDF bytes."""
    return InvoiceRenderer(data).render()
