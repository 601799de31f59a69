"""The penalty notice (aviso de penalización): polite but firm.

It takes the penalty figures as data (:class:`PenaltyNoticeData`), as computed by
the penalty engine; it never computes a penalty itself.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from cobranza_desktop.documents.base import (
    CONTENT_WIDTH,
    WARN,
    DataRenderer,
    bank_text,
    boxed,
    contact_paragraph,
    data_table,
    esc,
    key_values,
    long_date,
    money,
    para,
    party_block,
    percent,
    short_date,
    text,
)
from cobranza_desktop.documents.common import instalments_text, overdue_table
from cobranza_desktop.documents.data import PenaltyNoticeData, RatePeriod
from cobranza_desktop.documents.layout import Columns
from cobranza_desktop.domain.i18n import _, pgettext
from cobranza_desktop.domain.penalty_policy import LEGAL_ANNUAL_RATE


def _period(period: RatePeriod) -> str:
    return {
        RatePeriod.ANNUAL: _("anual"),
        RatePeriod.MONTHLY: _("mensual"),
        RatePeriod.DAILY: _("diaria"),
        RatePeriod.ONCE: _("único"),
    }[period]


class PenaltyNoticeRenderer(DataRenderer[PenaltyNoticeData]):
    def title(self) -> str:
        return _("Aviso de penalización")

    def running_title(self) -> str:
        return f"{self.title()} · {self.data.customer.name}"

    def reference(self) -> list[tuple[str, str]]:
        d = self.data
        pairs = []
        if d.reference:
            pairs.append((_("Referencia"), d.reference))
        pairs.append((_("Fecha"), short_date(d.notice_date)))
        return pairs

    def body(self) -> list[Flowable]:
        d = self.data
        c = d.currency
        name = esc(d.customer.name)
        story: list[Flowable] = [party_block(_("Para"), d.customer), Spacer(1, 4 * mm)]
        legal = any(p.legal_rate for p in d.penalties)
        basis = (
            _("el interés legal que la ley prevé cuando no se pactó una tasa")
            if legal
            else _("la penalización por atraso prevista en nuestras condiciones de pago")
        )
        story.append(
            para(
                _(
                    "Estimado(a) {name}: en nuestros registros aparecen las facturas vencidas "
                    "que se detallan abajo. Sabemos que pueden presentarse imprevistos y "
                    "queremos ayudarle a regularizar su cuenta antes de aplicar {basis}."
                ).format(name=name, basis=basis)
            )
        )
        story += [text(_("Facturas vencidas"), "h2")]
        story.append(overdue_table(d.overdue, c, d.debt))
        story += [text(_("Detalle de la penalización"), "h2")]
        story.append(self._penalties())
        if legal:
            # Why this rate: the customer never signed the business's credit terms.
            story.append(
                para(
                    _(
                        "Usted no ha firmado nuestras condiciones de crédito, así que no hay "
                        "una tasa pactada: solo se calcula el interés legal de {rate} anual "
                        "(artículo 362 del Código de Comercio), sin comisiones."
                    ).format(rate=percent(LEGAL_ANNUAL_RATE)),
                    "small",
                )
            )
        story += [Spacer(1, 3 * mm), self._summary()]
        if d.instalments:
            story += [
                KeepTogether(
                    [
                        para(esc(_("Pago en mensualidades")), "h2"),
                        self._instalments(),
                    ]
                )
            ]
        story += self._how_to_pay()
        return story

    def _penalties(self) -> Flowable:
        d = self.data
        c = d.currency
        if not d.penalties:
            return text(_("Sin penalización calculada."), "small")
        rows: list[list[object]] = [
            [
                p.concept,
                money(p.base, c),
                money(p.fee, c),
                f"{percent(p.rate_percent)} {_period(p.rate_period)}" if p.rate_percent else "—",
                str(p.days) if p.day_basis else "—",
                str(p.day_basis) if p.day_basis else "—",
                money(p.interest, c),
                money(p.amount, c),
            ]
            for p in d.penalties
        ]
        rows.append(["", "", "", "", "", "", _("Total"), money(d.penalty_total, c)])
        header = [
            pgettext("documents.penalty_notice", "Concepto"),
            _("Base"),
            _("Cuota fija"),
            _("Tasa"),
            _("Días"),
            _("Año de"),
            _("Interés"),
            _("Penalización"),
        ]
        return data_table(
            header,
            rows,
            [None, 25, 21, 23, 11, 15, 22, 24],
            right=(1, 2, 3, 4, 5, 6, 7),
            bold_rows=frozenset({len(rows) - 1}),
        )

    def _summary(self) -> Flowable:
        d = self.data
        pairs = [
            (_("Adeudo vencido"), money(d.debt, d.currency)),
            (_("Penalización"), money(d.penalty_total, d.currency)),
            (_("Nuevo total"), money(d.new_total, d.currency)),
        ]
        return Columns(
            [
                [self._avoid_box(CONTENT_WIDTH - 82 * mm)],
                [key_values(pairs, (40 * mm, 36 * mm), bold_last=True)],
            ],
            [CONTENT_WIDTH - 76 * mm, 76 * mm],
        )

    def _avoid_box(self, width: float) -> Flowable:
        d = self.data
        when = esc(long_date(d.avoid_by))
        amount = money(d.debt, d.currency)
        message = _(
            "Si paga <b>{amount}</b> a más tardar el <b>{when}</b>, no se aplicará la penalización."
        ).format(amount=amount, when=when)
        return boxed([para(message, "body")], width, WARN)

    def _instalments(self) -> Flowable:
        d = self.data
        rows = [
            [
                _("{months} meses").format(months=o.months) if o.months != 1 else _("1 mes"),
                instalments_text(o.without_penalty, d.currency),
                instalments_text(o.with_penalty, d.currency),
            ]
            for o in d.instalments
        ]
        header = [
            _("Plazo"),
            _("Mensualidad sin penalización"),
            _("Mensualidad con penalización"),
        ]
        return data_table(header, rows, [30, None, None], right=(1, 2))

    def _how_to_pay(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = []
        if d.how_to_pay:
            story.append(text(d.how_to_pay))
        bank = bank_text(d.business, inline=True)
        if bank:
            story.append(para(bank))
        if story:
            story.insert(0, text(_("Cómo pagar"), "h2"))
        story.append(Spacer(1, 1.5 * mm))
        story += contact_paragraph(
            _("Para cualquier duda o para acordar un plan de pagos, comuníquese con: "),
            d.contact,
            d.business,
        )
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            para(
                esc(_("Si ya realizó su pago, le agradecemos y le pedimos ignorar este aviso.")),
                "small",
            )
        )
        return story


def render_penalty_notice(data: PenaltyNoticeData) -> bytes:
    """The penalty notice as PDF bytes."""
    return PenaltyNoticeRenderer(data).render()
