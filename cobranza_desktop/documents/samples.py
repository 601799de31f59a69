"""Sample document data: for tests, benchmarks and previews of the document designs.

Every builder takes the awkward cases as parameters (name, number of lines) so that
tests can push accents, markup characters, very long names and long tables through
the renderers.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.documents.data import (
    AgingBucketData,
    BusinessInfo,
    ContactInfo,
    CustomerInfo,
    EntryKind,
    InstalmentOption,
    InvoiceData,
    InvoiceLineData,
    LetterTone,
    OverdueInvoiceData,
    PenaltyLineData,
    PenaltyNoticeData,
    RatePeriod,
    ReceiptAllocationData,
    ReceiptData,
    ReminderLetterData,
    StatementData,
    StatementEntryData,
    TaxData,
)
from cobranza_desktop.domain.money import ZERO, round_money

TODAY = date(2026, 11, 22)


def sample_business(
    name: str = "Ferretería La Ñora, S.A. de C.V.", logo: bytes | None = None
) -> BusinessInfo:
    return BusinessInfo(
        name=name,
        rfc="FÑO010101AB1",
        address="Av. Revolución 1234, Col. San Ángel\nÁlvaro Obregón, 01000 Ciudad de México",
        phone="55 1234 5678",
        email="cobranza@ferreterialanora.mx",
        website="ferreterialanora.mx",
        logo=logo,
        bank_name="BBVA México",
        bank_account_holder=name,
        bank_account="0123456789",
        clabe="012180001234567899",
    )


def sample_customer(name: str = "José Peña Núñez") -> CustomerInfo:
    return CustomerInfo(
        name=name,
        rfc="PENJ800101XY2",
        address="Calle Niños Héroes 45, int. 3\nGuadalajara, Jal. 44100",
        email="jose.pena@example.mx",
        phone="33 9876 5432",
        code="C-0042",
    )


def sample_invoice(
    name: str = "José Peña Núñez",
    lines: int = 3,
    description: str = 'Tornillo galvanizado de 1/4" × 2"',
    cfdi_uuid: str | None = "6F9619FF-8B86-D011-B42D-00C04FC964FF",
) -> InvoiceData:
    items = tuple(
        InvoiceLineData(
            description=f"{description} #{i + 1}",
            quantity=Decimal(i % 7 + 1),
            unit_price=Decimal("123.45") + i,
            amount=(Decimal(i % 7 + 1) * (Decimal("123.45") + i)),
            unit="pza",
        )
        for i in range(lines)
    )
    subtotal = sum((line.amount for line in items), ZERO)
    tax = round_money(subtotal * Decimal("0.16"))
    return InvoiceData(
        business=sample_business(),
        customer=sample_customer(name),
        number="A-1024",
        issue_date=TODAY - timedelta(days=40),
        due_date=TODAY - timedelta(days=10),
        lines=items,
        subtotal=subtotal,
        taxes=(TaxData("IVA 16 %", tax),),
        total=subtotal + tax,
        payment_terms="Crédito a 30 días. Pago en una sola exhibición.",
        notes="Gracias por su compra.",
        cfdi_uuid=cfdi_uuid,
    )


def sample_overdue(count: int = 3) -> tuple[OverdueInvoiceData, ...]:
    return tuple(
        OverdueInvoiceData(
            number=f"A-{1000 + i}",
            issue_date=TODAY - timedelta(days=60 + 10 * i),
            due_date=TODAY - timedelta(days=30 + 10 * i),
            days_late=30 + 10 * i,
            total=Decimal("4115.89") + i,
            balance=Decimal("4115.89") + i,
        )
        for i in range(count)
    )


def sample_notice(name: str = "José Peña Núñez", invoices: int = 3) -> PenaltyNoticeData:
    overdue = sample_overdue(invoices)
    debt = sum((o.balance for o in overdue), ZERO)
    penalties = tuple(
        PenaltyLineData(
            concept=f"Factura {o.number}",
            base=o.balance,
            fee=Decimal("150.00"),
            rate_percent=Decimal("3"),
            rate_period=RatePeriod.MONTHLY,
            days=o.days_late,
            day_basis=360,
            interest=round_money(o.balance * Decimal("0.36") * o.days_late / 360),
            amount=Decimal("150.00") + round_money(o.balance * Decimal("0.36") * o.days_late / 360),
        )
        for o in overdue
    )
    penalty = sum((p.amount for p in penalties), ZERO)
    return PenaltyNoticeData(
        business=sample_business(),
        customer=sample_customer(name),
        notice_date=TODAY,
        avoid_by=TODAY + timedelta(days=7),
        overdue=overdue,
        penalties=penalties,
        debt=debt,
        penalty_total=penalty,
        new_total=debt + penalty,
        instalments=tuple(InstalmentOption.compute(n, debt, penalty) for n in (3, 6)),
        reference="AP-2026-0042",
        how_to_pay="Transferencia o depósito a la cuenta indicada; en caja, de lunes a sábado "
        "de 9 a 18 h.",
        contact=ContactInfo("Lucía Ortega", "55 1234 5678 ext. 3", "lucia@ferreterialanora.mx"),
    )


def sample_letter(
    name: str = "José Peña Núñez", tone: LetterTone = LetterTone.FRIENDLY, invoices: int = 3
) -> ReminderLetterData:
    overdue = sample_overdue(invoices)
    return ReminderLetterData(
        business=sample_business(),
        customer=sample_customer(name),
        letter_date=TODAY,
        tone=tone,
        overdue=overdue,
        total_due=sum((o.balance for o in overdue), ZERO),
        pay_by=TODAY + timedelta(days=10),
        how_to_pay="Transferencia o depósito a la cuenta indicada.",
        contact=ContactInfo("Lucía Ortega", "55 1234 5678", "lucia@ferreterialanora.mx"),
        signer_name="Lucía Ortega",
        signer_title="Responsable de crédito y cobranza",
    )


def sample_statement(
    name: str = "José Peña Núñez", entries: int = 12, description: str = "Material de ferretería"
) -> StatementData:
    opening = Decimal("1500.00")
    items = []
    for i in range(entries):
        day = TODAY - timedelta(days=entries - i)
        if i % 3 == 2:
            items.append(
                StatementEntryData(
                    day, EntryKind.PAYMENT, f"P-{i}", "Transferencia", credit=Decimal("999.99")
                )
            )
        else:
            items.append(
                StatementEntryData(
                    day,
                    EntryKind.INVOICE,
                    f"A-{2000 + i}",
                    f"{description} {i}",
                    charge=Decimal("1234.56") + i,
                )
            )
    charges = sum((e.charge for e in items), ZERO)
    credits = sum((e.credit for e in items), ZERO)
    closing = opening + charges - credits
    return StatementData(
        business=sample_business(),
        customer=sample_customer(name),
        statement_date=TODAY,
        period_start=TODAY - timedelta(days=entries + 1),
        period_end=TODAY,
        opening_balance=opening,
        entries=tuple(items),
        closing_balance=closing,
        aging=(
            AgingBucketData("Por vencer", Decimal("1000.00")),
            AgingBucketData("1-30 días", Decimal("2000.00")),
            AgingBucketData("31-60 días", Decimal("300.50")),
            AgingBucketData("61-90 días", ZERO),
            AgingBucketData("Más de 90 días", Decimal("45.67")),
        ),
        how_to_pay="Transferencia o depósito a la cuenta indicada.",
    )


def sample_receipt(name: str = "José Peña Núñez", allocations: int = 2) -> ReceiptData:
    allocs = tuple(
        ReceiptAllocationData(f"A-{1000 + i}", Decimal("1000.00") + i, Decimal("115.89"))
        for i in range(allocations)
    )
    applied = sum((a.applied for a in allocs), ZERO)
    return ReceiptData(
        business=sample_business(),
        customer=sample_customer(name),
        number="R-0007",
        payment_date=TODAY,
        amount=applied + Decimal("50.00"),
        method="Transferencia SPEI",
        reference="SPEI 7788990011",
        allocations=allocs,
        unapplied=Decimal("50.00"),
        balance_after=Decimal("231.78"),
    )
