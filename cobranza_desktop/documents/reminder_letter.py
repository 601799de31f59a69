"""The reminder letter for printing or mailing, in three tones:
friendly, firm, and formal/final. Always courteous; the final one states plainly
what happens next."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from cobranza_desktop.documents.base import (
    DataRenderer,
    bank_text,
    contact_paragraph,
    esc,
    long_date,
    money,
    para,
    party_block,
    render_many,
    text,
)
from cobranza_desktop.documents.common import overdue_table
from cobranza_desktop.documents.data import LetterTone, ReminderLetterData
from cobranza_desktop.domain.i18n import _


def _subject(tone: LetterTone) -> str:
    return {
        LetterTone.FRIENDLY: _("Recordatorio de pago"),
        LetterTone.FIRM: _("Segundo aviso: pago pendiente"),
        LetterTone.FINAL: _("Aviso final de cobranza"),
    }[tone]


def _opening(tone: LetterTone) -> str:
    return {
        LetterTone.FRIENDLY: _(
            "Le saludamos cordialmente. Le escribimos para recordarle que las facturas "
            "siguientes ya vencieron. Es posible que se trate de un descuido; si ya realizó el "
            "pago, le pedimos que nos envíe el comprobante y disculpe la molestia."
        ),
        LetterTone.FIRM: _(
            "A pesar de nuestros recordatorios anteriores, las facturas siguientes continúan "
            "pendientes de pago. Le solicitamos atentamente regularizar su cuenta."
        ),
        LetterTone.FINAL: _(
            "Por este medio le notificamos formalmente que su cuenta presenta el saldo vencido "
            "que se detalla abajo, el cual no ha sido cubierto a pesar de nuestros avisos "
            "anteriores."
        ),
    }[tone]


def _request(tone: LetterTone, amount: str, when: str | None) -> str:
    if when is None:
        return {
            LetterTone.FRIENDLY: _(
                "Le agradeceremos realizar el pago de <b>{amount}</b> a la brevedad."
            ).format(amount=amount),
            LetterTone.FIRM: _(
                "Le pedimos liquidar el saldo vencido de <b>{amount}</b> a la brevedad. Si "
                "necesita un plan de pagos, comuníquese con nosotros."
            ).format(amount=amount),
            LetterTone.FINAL: _("Le requerimos el pago inmediato de <b>{amount}</b>.").format(
                amount=amount
            ),
        }[tone]
    return {
        LetterTone.FRIENDLY: _(
            "Le agradeceremos realizar el pago de <b>{amount}</b> a más tardar el <b>{when}</b>."
        ).format(amount=amount, when=when),
        LetterTone.FIRM: _(
            "Le pedimos liquidar el saldo vencido de <b>{amount}</b> a más tardar el "
            "<b>{when}</b>. Si necesita un plan de pagos, comuníquese con nosotros antes de "
            "esa fecha."
        ).format(amount=amount, when=when),
        LetterTone.FINAL: _(
            "De no recibir el pago de <b>{amount}</b>, o un acuerdo de pago, a más tardar el "
            "<b>{when}</b>, aplicaremos las medidas previstas en nuestras condiciones de pago, "
            "incluidas la suspensión del crédito y la gestión de la cuenta por un despacho de "
            "cobranza."
        ).format(amount=amount, when=when),
    }[tone]


def _closing(tone: LetterTone) -> str:
    return {
        LetterTone.FRIENDLY: _("Gracias por su preferencia."),
        LetterTone.FIRM: _("Agradecemos su pronta atención."),
        LetterTone.FINAL: _(
            "Preferimos siempre llegar a un acuerdo; estamos a sus órdenes para encontrarlo."
        ),
    }[tone]


class ReminderLetterRenderer(DataRenderer[ReminderLetterData]):
    def title(self) -> str:
        return _subject(self.data.tone)

    def running_title(self) -> str:
        return f"{self.title()} · {self.data.customer.name}"

    # No "Fecha" under the title: the letter is dated once, in its body, as letters are.

    def body(self) -> list[Flowable]:
        d = self.data
        amount = money(d.total_due, d.currency)
        when = esc(long_date(d.pay_by)) if d.pay_by else None
        story: list[Flowable] = [
            text(long_date(d.letter_date), "body_r"),
            Spacer(1, 2 * mm),
            party_block(_("Para"), d.customer),
            Spacer(1, 5 * mm),
            para(f"<b>{esc(_('Asunto'))}:</b> {esc(_subject(d.tone))}"),
            Spacer(1, 3 * mm),
            para(_("Estimado(a) {name}:").format(name=esc(d.customer.name))),
            Spacer(1, 2 * mm),
            text(_opening(d.tone)),
            Spacer(1, 3 * mm),
        ]
        if d.overdue:
            story.append(overdue_table(d.overdue, d.currency, d.total_due))
            story.append(Spacer(1, 3 * mm))
        story.append(para(_request(d.tone, amount, when)))
        story.append(Spacer(1, 3 * mm))
        pay = []
        if d.how_to_pay:
            pay.append(text(d.how_to_pay))
        bank = bank_text(d.business)
        if bank:
            pay.append(para(bank))
        if pay:
            story += [text(_("Cómo pagar"), "h2"), *pay, Spacer(1, 3 * mm)]
        story += contact_paragraph(
            _("Para cualquier duda, comuníquese con: "),
            d.contact,
            d.business,
        )
        story.append(Spacer(1, 2 * mm))
        story.append(
            para(
                esc(_("Si ya realizó su pago, le agradecemos y le pedimos ignorar esta carta.")),
                "small",
            )
        )
        story.append(Spacer(1, 4 * mm))
        signature = [
            text(_closing(d.tone)),
            Spacer(1, 3 * mm),
            text(_("Atentamente,")),
            Spacer(1, 12 * mm),
        ]
        if d.signer_name:
            signature.append(para(f"<b>{esc(d.signer_name)}</b>"))
        if d.signer_title:
            signature.append(text(d.signer_title))
        signature.append(text(d.business.name))
        story.append(KeepTogether(signature))
        return story


def render_reminder_letter(data: ReminderLetterData) -> bytes:
    """One reminder letter as PDF bytes."""
    return ReminderLetterRenderer(data).render()


def render_letters(letters: Sequence[ReminderLetterData]) -> bytes:
    """Many letters in one PDF, ready to print; each has its own page numbering."""
    return render_many(
        [ReminderLetterRenderer(letter) for letter in letters],
        title=_("Cartas de cobranza"),
    )
