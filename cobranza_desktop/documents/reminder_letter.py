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
    short_date,
    text,
)
from cobranza_desktop.documents.common import overdue_table
from cobranza_desktop.documents.data import LetterTone, ReminderLetterData
from cobranza_desktop.domain.i18n import tr


def _subject(tone: LetterTone) -> str:
    return {
        LetterTone.FRIENDLY: tr("Recordatorio de pago", "Payment reminder"),
        LetterTone.FIRM: tr("Segundo aviso: pago pendiente", "Second notice: payment overdue"),
        LetterTone.FINAL: tr("Aviso final de cobranza", "Final notice before further action"),
    }[tone]


def _opening(tone: LetterTone) -> str:
    return {
        LetterTone.FRIENDLY: tr(
            "Le saludamos cordialmente. Le escribimos para recordarle que las facturas "
            "siguientes ya vencieron. Es posible que se trate de un descuido; si ya realizó el "
            "pago, le pedimos que nos envíe el comprobante y disculpe la molestia.",
            "We hope this letter finds you well. This is a friendly reminder that the invoices "
            "below are now past due. It may simply be an oversight; if you have already paid, "
            "please send us the receipt and accept our apologies for the inconvenience.",
        ),
        LetterTone.FIRM: tr(
            "A pesar de nuestros recordatorios anteriores, las facturas siguientes continúan "
            "pendientes de pago. Le solicitamos atentamente regularizar su cuenta.",
            "Despite our previous reminders, the invoices below remain unpaid. We kindly but "
            "firmly ask you to bring your account up to date.",
        ),
        LetterTone.FINAL: tr(
            "Por este medio le notificamos formalmente que su cuenta presenta el saldo vencido "
            "que se detalla abajo, el cual no ha sido cubierto a pesar de nuestros avisos "
            "anteriores.",
            "We hereby formally notify you that your account has the overdue balance detailed "
            "below, which remains unpaid despite our previous notices.",
        ),
    }[tone]


def _request(tone: LetterTone, amount: str, when: str | None) -> str:
    if when is None:
        return {
            LetterTone.FRIENDLY: tr(
                f"Le agradeceremos realizar el pago de <b>{amount}</b> a la brevedad.",
                f"We would be grateful if you could pay <b>{amount}</b> at your earliest "
                "convenience.",
            ),
            LetterTone.FIRM: tr(
                f"Le pedimos liquidar el saldo vencido de <b>{amount}</b> a la brevedad. Si "
                "necesita un plan de pagos, comuníquese con nosotros.",
                f"Please settle the overdue balance of <b>{amount}</b> promptly. If you need a "
                "payment plan, please contact us.",
            ),
            LetterTone.FINAL: tr(
                f"Le requerimos el pago inmediato de <b>{amount}</b>.",
                f"We require immediate payment of <b>{amount}</b>.",
            ),
        }[tone]
    return {
        LetterTone.FRIENDLY: tr(
            f"Le agradeceremos realizar el pago de <b>{amount}</b> a más tardar el <b>{when}</b>.",
            f"We would be grateful if you could pay <b>{amount}</b> by <b>{when}</b>.",
        ),
        LetterTone.FIRM: tr(
            f"Le pedimos liquidar el saldo vencido de <b>{amount}</b> a más tardar el "
            f"<b>{when}</b>. Si necesita un plan de pagos, comuníquese con nosotros antes de esa "
            "fecha.",
            f"Please settle the overdue balance of <b>{amount}</b> by <b>{when}</b>. If you need "
            "a payment plan, please contact us before that date.",
        ),
        LetterTone.FINAL: tr(
            f"De no recibir el pago de <b>{amount}</b>, o un acuerdo de pago, a más tardar el "
            f"<b>{when}</b>, aplicaremos las medidas previstas en nuestras condiciones de pago, "
            "incluidas la suspensión del crédito y la gestión de la cuenta por un despacho de "
            "cobranza.",
            f"If we do not receive payment of <b>{amount}</b>, or a payment arrangement, by "
            f"<b>{when}</b>, we will take the measures set out in our payment terms, including "
            "suspending your credit and referring the account to a collection agency.",
        ),
    }[tone]


def _closing(tone: LetterTone) -> str:
    return {
        LetterTone.FRIENDLY: tr("Gracias por su preferencia.", "Thank you for your business."),
        LetterTone.FIRM: tr(
            "Agradecemos su pronta atención.", "Thank you for your prompt attention."
        ),
        LetterTone.FINAL: tr(
            "Preferimos siempre llegar a un acuerdo; estamos a sus órdenes para encontrarlo.",
            "We always prefer to reach an agreement, and we remain at your disposal to find one.",
        ),
    }[tone]


class ReminderLetterRenderer(DataRenderer[ReminderLetterData]):
    def title(self) -> str:
        return _subject(self.data.tone)

    def running_title(self) -> str:
        return f"{self.title()} · {self.data.customer.name}"

    def reference(self) -> list[tuple[str, str]]:
        return [(tr("Fecha", "Date"), short_date(self.data.letter_date))]

    def body(self) -> list[Flowable]:
        d = self.data
        amount = money(d.total_due, d.currency)
        when = esc(long_date(d.pay_by)) if d.pay_by else None
        story: list[Flowable] = [
            text(long_date(d.letter_date), "body_r"),
            Spacer(1, 2 * mm),
            party_block(tr("Para", "To"), d.customer),
            Spacer(1, 5 * mm),
            para(f"<b>{esc(tr('Asunto', 'Subject'))}:</b> {esc(_subject(d.tone))}"),
            Spacer(1, 3 * mm),
            para(tr(f"Estimado(a) {esc(d.customer.name)}:", f"Dear {esc(d.customer.name)}:")),
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
            story += [text(tr("Cómo pagar", "How to pay"), "h2"), *pay, Spacer(1, 3 * mm)]
        story += contact_paragraph(
            tr("Para cualquier duda, comuníquese con: ", "For any question, please contact: "),
            d.contact,
            d.business,
        )
        story.append(Spacer(1, 2 * mm))
        story.append(
            para(
                esc(
                    tr(
                        "Si ya realizó su pago, le agradecemos y le pedimos ignorar esta carta.",
                        "If you have already paid, thank you, and please disregard this letter.",
                    )
                ),
                "small",
            )
        )
        story.append(Spacer(1, 4 * mm))
        signature = [
            text(_closing(d.tone)),
            Spacer(1, 3 * mm),
            text(tr("Atentamente,", "Sincerely,")),
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
        title=tr("Cartas de cobranza", "Collection letters"),
    )
