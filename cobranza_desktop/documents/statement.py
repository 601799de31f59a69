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
from cobranza_desktop.documents.prepayment_block import prepayment_block
from cobranza_desktop.domain.i18n import _, pgettext
from cobranza_desktop.domain.money import ZERO


def _kind(kind: EntryKind) -> str:
    return {
        EntryKind.INVOICE: _("Factura"),
        EntryKind.LATE_CHARGE: _("Cargo moratorio"),
        EntryKind.PAYMENT: _("Pago"),
        EntryKind.CREDIT: pgettext("documents.statement", "Abono"),
    }[kind]


class StatementRenderer(DataRenderer[StatementData]):
    def title(self) -> str:
        return _("Estado de cuenta")

    def running_title(self) -> str:
        return f"{self.title()} · {self.data.customer.name}"

    def reference(self) -> list[tuple[str, str]]:
        d = self.data
        return [
            (_("Fecha"), short_date(d.statement_date)),
            (_("Periodo"), f"{short_date(d.period_start)} – {short_date(d.period_end)}"),
        ]

    def body(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = [
            party_block(_("Cliente"), d.customer),
            Spacer(1, 4 * mm),
        ]
        story.append(self._summary())
        story.append(text(_("Movimientos"), "h2"))
        story.append(self._movements())
        if d.aging:
            story.append(KeepTogether([text(_("Antigüedad de saldos"), "h2"), self._aging()]))
        story += [prepayment_block(p, d.currency) for p in d.prepayments]
        pay = bank_text(d.business)
        tail: list[Flowable] = []
        if d.how_to_pay:
            tail.append(text(d.how_to_pay))
        if pay:
            tail.append(para(pay))
        if tail:
            tail.insert(0, text(_("Cómo pagar"), "h2"))
        tail.append(Spacer(1, 2 * mm))
        tail += contact_paragraph(
            _("Para aclaraciones, comuníquese con: "),
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
            (_("Saldo inicial"), money(d.opening_balance, d.currency)),
            (_("Cargos"), money(charges, d.currency)),
            (_("Pagos y abonos"), money(credits, d.currency)),
            (_("Saldo final"), money(d.closing_balance, d.currency)),
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
                _("Saldo inicial"),
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
                _("Saldo final"),
                "",
                "",
                money(d.closing_balance, c),
            ]
        )
        header = [
            _("Fecha"),
            _("Referencia"),
            _("Concepto"),
            _("Cargo"),
            pgettext("documents.statement", "Abono"),
            _("Saldo"),
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
        header = [b.label for b in d.aging] + [_("Total")]
        row = [money(b.amount, d.currency) for b in d.aging] + [money(total, d.currency)]
        n = len(header)
        return data_table(header, [row], [None] * n, right=range(n))


def render_statement(data: StatementData) -> bytes:
    """The statement of account as PDF bytes."""
    return StatementRenderer(data).render()
