"""Plain, frozen data for the printed documents.

Services fill these from the book; the renderers only read them. Every amount is an
exact ``Decimal`` to the cent. Where a document shows a total, the data carries it and
``__post_init__`` checks that it adds up, so a document can never print a sum that
does not match its own lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum

from cobranza_desktop.domain.money import ZERO, round_money, split_evenly


def _check_exact(name: str, value: Decimal) -> None:
    if round_money(value) != value:
        raise ValueError(f"{name} must be exact to the cent: {value}")


def _check_sum(name: str, expected: Decimal, actual: Decimal) -> None:
    if expected != actual:
        raise ValueError(f"{name} does not add up: {expected} != {actual}")


@dataclass(frozen=True)
class BusinessInfo:
    """The issuer: printed in every header and footer."""

    name: str
    rfc: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: bytes | None = None  # PNG or JPEG bytes
    bank_name: str = ""
    bank_account_holder: str = ""
    bank_account: str = ""
    clabe: str = ""


@dataclass(frozen=True)
class CustomerInfo:
    """The addressee of a document."""

    name: str
    rfc: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    code: str = ""  # the business's own customer number, if any


@dataclass(frozen=True)
class ContactInfo:
    """Whom the customer should talk to about the document."""

    name: str = ""
    phone: str = ""
    email: str = ""


# ---------------------------------------------------------------------------- invoice


@dataclass(frozen=True)
class InvoiceLineData:
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal  # after the line's discount, before tax
    unit: str = ""
    discount_percent: Decimal = ZERO

    def __post_init__(self) -> None:
        _check_exact("line amount", self.amount)


@dataclass(frozen=True)
class TaxData:
    label: str  # e.g. "IVA 16 %"
    amount: Decimal


@dataclass(frozen=True)
class InvoiceData:
    business: BusinessInfo
    customer: CustomerInfo
    number: str
    issue_date: date
    due_date: date
    lines: tuple[InvoiceLineData, ...]
    subtotal: Decimal
    total: Decimal
    taxes: tuple[TaxData, ...] = ()
    # Discounts already applied in the line amounts and the subtotal: printed for information.
    discount: Decimal = ZERO
    currency: str = "MXN"
    payment_terms: str = ""
    notes: str = ""
    cfdi_uuid: str | None = None
    amount_paid: Decimal = ZERO
    is_late_charge: bool = False
    voided: bool = False
    # A stamped CFDI's SubTotal comes before its Descuento (total = subtotal − discount
    # + taxes); the program's own invoices print the subtotal after discounts.
    subtotal_before_discount: bool = False
    # A document in a foreign currency: every amount above is in ``currency`` (as
    # stamped), and the book carries it in ``book_currency`` at ``exchange_rate``.
    exchange_rate: Decimal | None = None
    book_currency: str = "MXN"
    book_total: Decimal = ZERO
    book_balance: Decimal = ZERO

    def __post_init__(self) -> None:
        for name in ("subtotal", "total", "discount", "amount_paid", "book_total", "book_balance"):
            _check_exact(name, getattr(self, name))
        taxes = sum((t.amount for t in self.taxes), ZERO)
        net = self.subtotal - self.discount if self.subtotal_before_discount else self.subtotal
        _check_sum("invoice total", self.total, net + taxes)
        if self.exchange_rate is not None and self.exchange_rate <= 0:
            raise ValueError(f"exchange rate must be positive: {self.exchange_rate}")

    @property
    def balance_due(self) -> Decimal:
        return self.total - self.amount_paid


# --------------------------------------------------------------------- overdue items


@dataclass(frozen=True)
class OverdueInvoiceData:
    """An overdue invoice as notices and letters list it."""

    number: str
    issue_date: date
    due_date: date
    days_late: int
    total: Decimal
    balance: Decimal  # what is still owed on it

    def __post_init__(self) -> None:
        _check_exact("total", self.total)
        _check_exact("balance", self.balance)


# -------------------------------------------------------------------- penalty notice


class RatePeriod(Enum):
    ANNUAL = "annual"
    MONTHLY = "monthly"
    DAILY = "daily"
    ONCE = "once"  # a one-time percentage fee, not a rate over time


@dataclass(frozen=True)
class PenaltyLineData:
    """One penalty as the penalty engine computed it. The notice only prints it.

    ``amount`` is the engine's figure (fee plus interest, rounded once by the engine).
    """

    concept: str  # e.g. "Factura A-102"
    base: Decimal  # the amount the interest is computed on
    fee: Decimal
    rate_percent: Decimal
    rate_period: RatePeriod
    days: int
    day_basis: int  # 360 or 365
    interest: Decimal
    amount: Decimal
    # The customer never signed credit terms: the legal rate (Código de Comercio) applies.
    legal_rate: bool = False

    def __post_init__(self) -> None:
        for name in ("base", "fee", "interest", "amount"):
            _check_exact(name, getattr(self, name))
        _check_sum("penalty amount", self.amount, self.fee + self.interest)


@dataclass(frozen=True)
class InstalmentOption:
    """Paying the debt in ``months`` monthly instalments, with and without the penalty.

    The instalments come from :func:`split_evenly`, so they add up to the cent.
    """

    months: int
    without_penalty: tuple[Decimal, ...]
    with_penalty: tuple[Decimal, ...]

    @classmethod
    def compute(cls, months: int, debt: Decimal, penalty: Decimal) -> InstalmentOption:
        return cls(
            months, tuple(split_evenly(debt, months)), tuple(split_evenly(debt + penalty, months))
        )


@dataclass(frozen=True)
class PenaltyNoticeData:
    business: BusinessInfo
    customer: CustomerInfo
    notice_date: date
    avoid_by: date  # paying in full before the end of this day avoids the penalty
    overdue: tuple[OverdueInvoiceData, ...]
    penalties: tuple[PenaltyLineData, ...]
    debt: Decimal  # sum of overdue balances
    penalty_total: Decimal
    new_total: Decimal
    instalments: tuple[InstalmentOption, ...] = ()
    reference: str = ""
    currency: str = "MXN"
    how_to_pay: str = ""
    contact: ContactInfo = field(default_factory=ContactInfo)

    def __post_init__(self) -> None:
        _check_sum("debt", self.debt, sum((o.balance for o in self.overdue), ZERO))
        _check_sum(
            "penalty total", self.penalty_total, sum((p.amount for p in self.penalties), ZERO)
        )
        _check_sum("new total", self.new_total, self.debt + self.penalty_total)
        for option in self.instalments:
            _check_sum("instalments", self.debt, sum(option.without_penalty, ZERO))
            _check_sum("instalments", self.new_total, sum(option.with_penalty, ZERO))


# ------------------------------------------------------------------- reminder letter


class LetterTone(Enum):
    FRIENDLY = "friendly"
    FIRM = "firm"
    FINAL = "final"


@dataclass(frozen=True)
class ReminderLetterData:
    business: BusinessInfo
    customer: CustomerInfo
    letter_date: date
    tone: LetterTone
    overdue: tuple[OverdueInvoiceData, ...]
    total_due: Decimal
    pay_by: date | None = None
    currency: str = "MXN"
    how_to_pay: str = ""
    contact: ContactInfo = field(default_factory=ContactInfo)
    signer_name: str = ""
    signer_title: str = ""

    def __post_init__(self) -> None:
        _check_sum("total due", self.total_due, sum((o.balance for o in self.overdue), ZERO))


# ----------------------------------------------------------------------- statement


class EntryKind(Enum):
    INVOICE = "invoice"
    LATE_CHARGE = "late_charge"
    PAYMENT = "payment"
    CREDIT = "credit"


@dataclass(frozen=True)
class StatementEntryData:
    entry_date: date
    kind: EntryKind
    reference: str
    description: str
    charge: Decimal = ZERO
    credit: Decimal = ZERO

    def __post_init__(self) -> None:
        _check_exact("charge", self.charge)
        _check_exact("credit", self.credit)


@dataclass(frozen=True)
class AgingBucketData:
    label: str  # e.g. "1-30 días"
    amount: Decimal


@dataclass(frozen=True)
class StatementData:
    business: BusinessInfo
    customer: CustomerInfo
    statement_date: date
    period_start: date
    period_end: date
    opening_balance: Decimal
    entries: tuple[StatementEntryData, ...]
    closing_balance: Decimal
    aging: tuple[AgingBucketData, ...] = ()
    currency: str = "MXN"
    how_to_pay: str = ""
    contact: ContactInfo = field(default_factory=ContactInfo)
    prepayments: tuple[PrepaymentSummaryData, ...] = ()  # the active ones

    def __post_init__(self) -> None:
        charges = sum((e.charge for e in self.entries), ZERO)
        credits = sum((e.credit for e in self.entries), ZERO)
        _check_sum(
            "closing balance", self.closing_balance, self.opening_balance + charges - credits
        )


# ------------------------------------------------------------------ prepayment


@dataclass(frozen=True)
class CoveredPeriodData:
    """One period a prepayment pays: its dates, its price with the offer, whether billed."""

    start: date
    end: date
    amount: Decimal
    billed: bool


@dataclass(frozen=True)
class PrepaymentSummaryData:
    """A prepayment as the receipt and the statement show it: the months covered and
    what is left of it."""

    description: str  # the service
    offer: str  # "12 meses por el precio de 11"
    total: Decimal
    remaining: Decimal
    periods: tuple[CoveredPeriodData, ...]


# ------------------------------------------------------------------------- receipt


@dataclass(frozen=True)
class ReceiptAllocationData:
    invoice_number: str
    applied: Decimal
    balance_after: Decimal
    original: str = ""  # a foreign invoice: its own total and rate ("USD 3,248.00 a 18.90")


@dataclass(frozen=True)
class ReceiptData:
    business: BusinessInfo
    customer: CustomerInfo
    number: str
    payment_date: date
    amount: Decimal
    method: str
    allocations: tuple[ReceiptAllocationData, ...]
    unapplied: Decimal
    balance_after: Decimal  # the customer's remaining balance after this payment
    reference: str = ""
    currency: str = "MXN"
    notes: str = ""
    contact: ContactInfo = field(default_factory=ContactInfo)
    prepayment: PrepaymentSummaryData | None = None  # the payment is a prepayment

    def __post_init__(self) -> None:
        applied = sum((a.applied for a in self.allocations), ZERO)
        _check_sum("receipt amount", self.amount, applied + self.unapplied)
