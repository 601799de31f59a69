"""Invoice arithmetic and status. Totals are exact; the status is derived, never typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.money import QUANTITY_LIMIT, ZERO, parse_decimal, round_money

HUNDRED = Decimal(100)


class Lifecycle(StrEnum):
    """What was done to the invoice; the only status-like thing that is stored."""

    DRAFT = "draft"
    ISSUED = "issued"
    VOIDED = "voided"


class InvoiceStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    OVERDUE = "overdue"
    VOIDED = "voided"

    def label(self) -> str:
        return {
            InvoiceStatus.DRAFT: gettext("Borrador"),
            InvoiceStatus.ISSUED: gettext("Emitida"),
            InvoiceStatus.PARTIALLY_PAID: gettext("Pago parcial"),
            InvoiceStatus.PAID: gettext("Pagada"),
            InvoiceStatus.OVERDUE: gettext("Vencida"),
            InvoiceStatus.VOIDED: gettext("Cancelada"),
        }[self]


class InvoiceKind(StrEnum):
    INVOICE = "invoice"
    LATE_CHARGE = "late_charge"
    # Customer credit paid back by the owner: a document in its own series (never a
    # folio of the invoices), paid in full from the credit it returns.
    REFUND = "refund"


class PaymentMethodSAT(StrEnum):
    """CFDI payment method: one payment (PUE) or in instalments (PPD)."""

    PUE = "PUE"
    PPD = "PPD"


@dataclass(frozen=True)
class LineInput:
    description: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal = ZERO
    tax_rate_percent: Decimal = Decimal("16")


@dataclass(frozen=True)
class LineAmounts:
    gross: Decimal  # quantity × price, exact
    discount: Decimal  # exact
    net: Decimal  # gross − discount, exact
    tax: Decimal  # exact


@dataclass(frozen=True)
class InvoiceTotals:
    subtotal: Decimal  # after discounts, rounded to cents
    discount: Decimal  # rounded to cents, shown for information
    tax: Decimal  # rounded to cents
    total: Decimal  # subtotal + tax: the printed figures always add up


def make_line(
    description: str,
    quantity: str | Decimal | int,
    unit_price: str | Decimal | int,
    discount_percent: str | Decimal | int = ZERO,
    tax_rate_percent: str | Decimal | int = Decimal("16"),
    *,
    position: int = 1,
) -> LineInput:
    """Validate one invoice line as typed by a person."""
    where = gettext("Renglón {position}").format(position=position)
    text = description.strip()
    if not text:
        raise ValidationError(
            f"lines[{position}].description",
            gettext("{where}: falta la descripción.").format(where=where),
        )
    qty = parse_decimal(
        quantity, f"lines[{position}].quantity", minimum=Decimal("0.000001"), below=QUANTITY_LIMIT
    )
    price = parse_decimal(unit_price, f"lines[{position}].unit_price", minimum=ZERO)
    discount = parse_decimal(
        discount_percent, f"lines[{position}].discount", minimum=ZERO, maximum=HUNDRED
    )
    tax = parse_decimal(tax_rate_percent, f"lines[{position}].tax", minimum=ZERO, maximum=HUNDRED)
    return LineInput(text, qty, price, discount, tax)


def line_amounts(line: LineInput) -> LineAmounts:
    gross = line.quantity * line.unit_price
    discount = gross * line.discount_percent / HUNDRED
    net = gross - discount
    return LineAmounts(
        gross=gross, discount=discount, net=net, tax=net * line.tax_rate_percent / HUNDRED
    )


def invoice_totals(lines: list[LineInput]) -> InvoiceTotals:
    """Exact sums over the lines, each figure rounded once, at the end."""
    amounts = [line_amounts(line) for line in lines]
    subtotal = round_money(sum((a.net for a in amounts), Decimal(0)))
    discount = round_money(sum((a.discount for a in amounts), Decimal(0)))
    tax = round_money(sum((a.tax for a in amounts), Decimal(0)))
    return InvoiceTotals(subtotal=subtotal, discount=discount, tax=tax, total=subtotal + tax)


def due_date_for(issue_date: date, terms_days: int) -> date:
    return issue_date + timedelta(days=terms_days)


def validate_dates(issue_date: date, due_date: date) -> None:
    if due_date < issue_date:
        raise ValidationError(
            "due_date",
            gettext("La fecha de vencimiento no puede ser anterior a la fecha de emisión."),
        )


def validate_terms(days: int, field: str = "payment_terms_days") -> int:
    if not 0 <= days <= 365:
        raise ValidationError(
            field,
            gettext("El plazo de pago debe estar entre 0 y 365 días."),
        )
    return days


def derive_status(
    lifecycle: Lifecycle, total: Decimal, paid: Decimal, due_date: date, today: date
) -> InvoiceStatus:
    """The invoice status follows from what happened to it and from the date."""
    if lifecycle is Lifecycle.DRAFT:
        return InvoiceStatus.DRAFT
    if lifecycle is Lifecycle.VOIDED:
        return InvoiceStatus.VOIDED
    if paid >= total:
        return InvoiceStatus.PAID
    if today > due_date:
        return InvoiceStatus.OVERDUE
    if paid > 0:
        return InvoiceStatus.PARTIALLY_PAID
    return InvoiceStatus.ISSUED


def format_number(series: str, folio: int) -> str:
    """The invoice number people read: ``A-00042``."""
    return f"{series}-{folio:05d}" if series else f"{folio:05d}"


def is_open(lifecycle: str, total_cents: int, paid_cents: int) -> bool:
    """An issued invoice that still owes something: the Python side of the storage
    predicate ``open_invoice()``, for a record already in hand."""
    return lifecycle == Lifecycle.ISSUED.value and paid_cents < total_cents


def invoice_number(series: str, folio: int | None, external: str = "") -> str:
    """The number shown for any invoice, everywhere below the window: ``A-00042``, or
    ``""`` for a draft, which has no folio until it is issued. An imported invoice has
    no folio of ours and shows its own (``external``) number."""
    return format_number(series, folio) if folio is not None else external


def parse_number(number: str) -> tuple[str, int]:
    """Inverse of :func:`format_number`; raises ValidationError on anything else."""
    text = number.strip().upper()
    series, _, folio = text.rpartition("-")
    if not folio.isdigit():
        raise ValidationError(
            "number",
            gettext("«{number}» no es un número de factura (ej. A-00042).").format(number=number),
        )
    return series, int(folio)
