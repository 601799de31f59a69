"""The invoice PDF: numbering and dates, customer, lines, totals, amount in words,
payment terms, bank data and the CFDI UUID."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from cobranza_desktop.documents.base import (
    ACCENT,
    CONTENT_WIDTH,
    DataRenderer,
    bank_text,
    boxed,
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
from cobranza_desktop.domain.formatting import format_number, format_rate
from cobranza_desktop.domain.i18n import gettext, locale_for, pgettext


def _quantity(value: Decimal) -> str:
    return format_number(value, locale_for())


class InvoiceRenderer(DataRenderer[InvoiceData]):
    def title(self) -> str:
        if self.data.is_late_charge:
            return gettext("Nota de cargo")
        return gettext("Factura")

    def running_title(self) -> str:
        return f"{self.title()} {self.data.number}"

    def reference(self) -> list[tuple[str, str]]:
        d = self.data
        return [
            (gettext("Número"), d.number),
            (gettext("Fecha"), short_date(d.issue_date)),
            (pgettext("documents.invoice", "Vencimiento"), short_date(d.due_date)),
        ]

    def body(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = []
        if d.voided:
            story += [
                text(gettext("DOCUMENTO CANCELADO"), "notice"),
                Spacer(1, 3 * mm),
            ]
        story += [party_block(gettext("Facturar a"), d.customer), Spacer(1, 5 * mm)]
        story.append(self._lines())
        story += [Spacer(1, 4 * mm), KeepTogether(self._totals())]
        story += self._payment()
        return story

    def _lines(self) -> Flowable:
        d = self.data
        if not d.lines:
            return para(esc(gettext("Esta factura no tiene conceptos.")), "small")
        with_unit = any(line.unit for line in d.lines)
        with_discount = any(line.discount_percent for line in d.lines)
        header = [gettext("Cant.")]
        widths: list[float | None] = [16]
        if with_unit:
            header.append(gettext("Unidad"))
            widths.append(20)
        header += [gettext("Descripción"), gettext("Precio unitario")]
        widths += [None, 30]
        if with_discount:
            header.append(gettext("Desc."))
            widths.append(16)
        header.append(gettext("Importe"))
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
        pairs = [(gettext("Subtotal"), money(d.subtotal, d.currency))]
        if d.subtotal_before_discount and d.discount:
            pairs.append((gettext("Descuento"), money(-d.discount, d.currency)))
        pairs += [(t.label, money(t.amount, d.currency)) for t in d.taxes]
        pairs.append((gettext("Total"), money(d.total, d.currency)))
        totals = key_values(pairs, (34 * mm, 34 * mm), bold_last=True)
        if d.amount_paid:
            paid = key_values(
                [
                    (gettext("Pagado"), money(d.amount_paid, d.currency)),
                    (pgettext("documents.invoice", "Saldo"), money(d.balance_due, d.currency)),
                ],
                (34 * mm, 34 * mm),
                bold_last=True,
            )
            right: list[Flowable] = [totals, Spacer(1, 2 * mm), paid]
        else:
            right = [totals]
        if d.discount and not d.subtotal_before_discount:
            included = money(d.discount, d.currency)
            right.append(
                text(
                    gettext("Incluye descuentos por {included}.").format(included=included),
                    "small",
                )
            )
        words = [
            text(gettext("IMPORTE CON LETRA"), "label"),
            text(amount_in_words(d.total, d.currency), "body"),
        ]
        story: list[Flowable] = [
            Columns([words, right], [CONTENT_WIDTH - 70 * mm, 70 * mm], [8, 0])
        ]
        if d.exchange_rate is not None:
            story += [Spacer(1, 3 * mm), self._exchange()]
        return story

    def _exchange(self) -> Flowable:
        """A foreign document: the rate it was stamped with and what the book carries."""
        d = self.data
        assert d.exchange_rate is not None
        line = gettext(
            "Documento en {currency}. Tipo de cambio: 1 {currency} = {rate} {book_currency}. "
            "Equivalente en {book_currency}: {book_total}"
        ).format(
            currency=d.currency,
            rate=format_rate(d.exchange_rate),
            book_currency=d.book_currency,
            book_total=money(d.book_total, d.book_currency),
        )
        if d.amount_paid:
            line += " · " + gettext("saldo {balance}").format(
                balance=money(d.book_balance, d.book_currency)
            )
        return boxed([para(esc(line) + ".", "body")], CONTENT_WIDTH, ACCENT)

    def _payment(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = []
        if d.payment_terms:
            story += [
                text(gettext("Condiciones de pago"), "h2"),
                text(d.payment_terms),
            ]
        bank = bank_text(d.business)
        if bank:
            story += [
                text(gettext("Datos para transferencia"), "h2"),
                para(bank),
            ]
        if d.notes:
            story += [text(gettext("Notas"), "h2"), text(d.notes)]
        if d.cfdi_uuid:
            story += [
                Spacer(1, 4 * mm),
                para(
                    f"{esc(gettext('Folio fiscal (UUID)'))}: "
                    f"<font name='Courier'>{esc(d.cfdi_uuid)}</font>",
                    "small",
                ),
            ]
        return story


def render_invoice(data: InvoiceData) -> bytes:
    """The invoice as PDF bytes."""
    return InvoiceRenderer(data).render()
