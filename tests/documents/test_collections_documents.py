from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from decimal import Decimal

from pypdf import PdfReader

from cobranza_desktop.documents.collections_pdf import BusinessHeader
from cobranza_desktop.documents.dossier import (
    Dossier,
    DossierContact,
    DossierInvoice,
    DossierPlan,
    DossierPromise,
    StatementLine,
    invoices_csv,
    render_dossier_pdf,
)
from cobranza_desktop.documents.plan import (
    PlanDocument,
    PlanInstalmentLine,
    PlanInvoiceLine,
    render_plan_pdf,
)

BUSINESS = BusinessHeader(
    "Ferretería Núñez & Hijos <S.A.>", "NUHF800101AB1", "Av. Juárez 10, Oaxaca"
)
DAY = date(2026, 11, 22)


def read(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_plan_pdf_shows_schedule_and_escapes_text() -> None:
    doc = PlanDocument(
        business=BUSINESS,
        plan_number="CONV-0007",
        customer_name="José Peña <b>Ñandú</b> & Cía",
        customer_tax_id="PEJJ900101XX1",
        created=DAY,
        frequency_label="Mensual",
        invoices=(PlanInvoiceLine("A-0012", DAY - timedelta(days=40), Decimal("12345.67")),),
        principal=Decimal("12345.67"),
        waived=Decimal("0.00"),
        down_payment=Decimal("1000.00"),
        interest=Decimal("0.00"),
        total=Decimal("12345.67"),
        grace_days=5,
        instalments=(
            PlanInstalmentLine(0, DAY, Decimal("1000.00")),
            PlanInstalmentLine(1, DAY + timedelta(days=30), Decimal("5672.84")),
            PlanInstalmentLine(2, DAY + timedelta(days=60), Decimal("5672.83")),
        ),
    )
    pages, content = read(render_plan_pdf(doc))
    assert pages == 1
    assert "José Peña <b>Ñandú</b> & Cía" in content
    assert "$12,345.67" in content and "$5,672.83" in content and "$1,000.00" in content
    assert "A-0012" in content and "Página 1 de 1" in content


def test_dossier_pdf_and_csv() -> None:
    invoices = tuple(
        DossierInvoice(
            f"A-{n:04d}", DAY - timedelta(days=100 + n), DAY - timedelta(days=70 + n),
            Decimal("100.50"), Decimal("0.00"), Decimal("100.50"), 70 + n, "Vencida",
        )
        for n in range(300)
    )  # fmt: skip
    dossier = Dossier(
        business=BUSINESS,
        as_of=DAY,
        customer_name="Abarrotes «La Güera»",
        customer_tax_id="",
        customer_contact="+52 951 123 4567 · guera@example.com",
        customer_status="Bloqueado (sin crédito)",
        balance=Decimal("30150.00"),
        statement=(
            StatementLine(
                DAY, "A-0001", "Factura", Decimal("100.50"), Decimal(0), Decimal("100.50")
            ),
        ),
        invoices=invoices,
        contacts=(
            DossierContact(
                datetime(2026, 10, 1, 11, 5),
                "Llamada",
                "Promesa de pago",
                "Sin fondos por ahora",
                "Pagará el viernes & más",
                DAY,
            ),
        ),
        promises=(DossierPromise(DAY, Decimal("500.00"), DAY, "Incumplida"),),
        plans=(
            DossierPlan("CONV-0001", DAY, Decimal("900.00"), Decimal("300.00"), "Incumplido", 3),
        ),
    )
    pages, content = read(render_dossier_pdf(dossier))
    assert pages >= 5
    assert f"Página {pages} de {pages}" in content
    for needle in (
        "Abarrotes «La Güera»",
        "A-0299",
        "Pagará el viernes & más",
        "CONV-0001",
        "$30,150.00",
    ):
        assert needle in content
    csv_text = invoices_csv(invoices)
    lines = csv_text.splitlines()
    assert lines[0].startswith("folio,issue_date") and len(lines) == 301
    assert lines[1].split(",")[3] == "100.50"
