"""The statement of account (estado de cuenta): opening balance, invoices and
payments with a running balance, closing balance and an aging summary.

The movements table is a :class:`ChunkedTable`, so 5,000 movements render in
linear time."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from cobranza_desktop.documents.base import (
    DataRenderer,
    bank_text,
    contact_paragraph,
    data_table,
    key_values,
    money,
    para,
    party_block,
    right_aligned,
    short_date,
    text,
)
from cobranza_desktop.documents.data import EntryKind, StatementData
from cobranza_desktop.domain.i18n import tr
from cobranza_desktop.domain.money import ZERO


def _kind(kind: EntryKind) -> str:
    return {
        EntryKind.INVOICE: tr("Factura", "Invoice"),
        EntryKind.LATE_CHARGE: tr("Cargo moratorio", "Late charge"),
        EntryKind.PAYMENT: tr("Pago", "Payment"),
        EntryKind.CREDIT: tr("Abono", "Credit"),
    }[kind]


class StatementRenderer(DataRenderer[StatementData]):
    def title(self) -> str:
        return tr("Estado de cuenta", "Statement of account")

    def running_title(self) -> str:
        return f"{self.title()} · {self.data.customer.name}"

    def reference(self) -> list[tuple[str, str]]:
        d = self.data
        return [
            (tr("Fecha", "Date"), short_date(d.statement_date)),
            (tr("Periodo", "Period"), f"{short_date(d.period_start)} – {short_date(d.period_end)}"),
        ]

    def body(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = [
            party_block(tr("Cliente", "Customer"), d.customer),
            Spacer(1, 4 * mm),
        ]
        story.append(self._summary())
        story.append(text(tr("Movimientos", "Transactions"), "h2"))
        story.append(self._movements())
        if d.aging:
            story.append(
                KeepTogether(
                    [text(tr("Antigüedad de saldos", "Aging summary"), "h2"), self._aging()]
                )
            )
        pay = bank_text(d.business)
        tail: list[Flowable] = []
        if d.how_to_pay:
            tail.append(text(d.how_to_pay))
        if pay:
            tail.append(para(pay))
        if tail:
            tail.insert(0, text(tr("Cómo pagar", "How to pay"), "h2"))
        tail.append(Spacer(1, 2 * mm))
        tail += contact_paragraph(
            tr("Para aclaraciones, comuníquese con: ", "For any query, please contact: "),
            d.contact,
            d.business,
        )
        story.append(KeepTogether(tail))
        return story

    def _summary(self) -> Flowable:
        d = self.data
        charges = sum((e.charge for e in d.entries), ZERO)
        credits = sum((e.credit for e in d.entries), ZERO)
        pairs = [
            (tr("Saldo inicial", "Opening balance"), money(d.opening_balance, d.currency)),
            (tr("Cargos", "Charges"), money(charges, d.currency)),
            (tr("Pagos y abonos", "Payments and credits"), money(credits, d.currency)),
            (tr("Saldo final", "Closing balance"), money(d.closing_balance, d.currency)),
        ]
        return right_aligned(key_values(pairs, (44 * mm, 36 * mm), bold_last=True), 80 * mm)

    def _movements(self) -> Flowable:
        d = self.data
        c = d.currency
        balance: Decimal = d.opening_balance
        rows: list[list[object]] = [
            [
                short_date(d.period_start),
                "",
                tr("Saldo inicial", "Opening balance"),
                "",
                "",
                money(balance, c),
            ]
        ]
        for e in d.entries:
            balance += e.charge - e.credit
            description = _kind(e.kind) + (f" · {e.description}" if e.description else "")
            rows.append(
                [
                    short_date(e.entry_date),
                    e.reference,
                    description,
                    money(e.charge, c) if e.charge else "",
                    money(e.credit, c) if e.credit else "",
                    money(balance, c),
                ]
            )
        rows.append(
            [
                short_date(d.period_end),
                "",
                tr("Saldo final", "Closing balance"),
                "",
                "",
                money(d.closing_balance, c),
            ]
        )
        header = [
            tr("Fecha", "Date"),
            tr("Referencia", "Reference"),
            tr("Concepto", "Description"),
            tr("Cargo", "Charge"),
            tr("Abono", "Credit"),
            tr("Saldo", "Balance"),
        ]
        return data_table(
            header,
            rows,
            [19, 28, None, 28, 28, 28],
            right=(3, 4, 5),
            bold_rows=frozenset({0, len(rows) - 1}),
        )

    def _aging(self) -> Flowable:
        d = self.data
        total = sum((b.amount for b in d.aging), ZERO)
        header = [b.label for b in d.aging] + [tr("Total", "Total")]
        row = [money(b.amount, d.currency) for b in d.aging] + [money(total, d.currency)]
        n = len(header)
        return data_table(header, [row], [None] * n, right=range(n))


def render_statement(data: StatementData) -> bytes:
    """The statement of account as PDF bytes."""
    return StatementRenderer(data).render()
