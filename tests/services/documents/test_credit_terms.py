"""The credit terms PDF, read back with the policy's real figures; signing and versions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.incentives import EarlyPaymentTerms, PunctualityReward
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.billing.incentives import IncentiveService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.documents.credit_terms import CreditTermsService
from tests.documents.pdftext import pdf_text
from tests.factories import customer

POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM,
    annual_rate_percent=Decimal("24"),
    day_basis=360,
    cap_percent=Decimal("20"),
    fixed_fee=Decimal("150.00"),
)


def _customer(ws: Workspace) -> int:
    return ws.customers.create(
        CustomerData(
            name="Abarrotes Doña Chelo",
            phone="55 1234 5678",
            payment_terms_days=15,
            credit_limit=Decimal("5000.00"),
        )
    ).id


def test_terms_pdf_reads_back_the_policy_figures(ws: Workspace) -> None:
    ws.penalties.set_business_policy(POLICY)
    incentives = IncentiveService(ws.book, ws.clock)
    incentives.set_early_payment_terms(EarlyPaymentTerms(Decimal("2"), 10, 30))
    incentives.set_punctuality_rule(PunctualityReward(3, Decimal("5")))
    cid = _customer(ws)
    text = pdf_text(CreditTermsService(ws.book, ws.clock).pdf(cid))
    assert "Condiciones de crédito y cobranza" in text
    assert "Abarrotes Doña Chelo" in text
    assert "15 días después de su fecha de emisión" in text
    assert "$5,000.00" in text
    assert "24% al año" in text and "base de 360 días" in text
    assert "nunca supera el 20%" in text
    assert "$150.00" in text
    # The worked example: 10,000 × 24 % × 30 / 360 = 200.00.
    assert "$10,000.00" in text and "= $200.00 de interés" in text
    assert "dentro de 10 días" in text and "2% de descuento" in text
    assert "3 pagos puntuales" in text and "5% de descuento" in text
    assert "90 días después del vencimiento" in text  # the agency stage of the ladder
    assert "entre las 09:00 y las 20:00" in text
    assert "Firma del cliente" in text and "Firma del negocio" in text


def test_no_agreed_rate_states_the_legal_six_percent(ws: Workspace) -> None:
    cid = customer(ws).id
    text = pdf_text(CreditTermsService(ws.book, ws.clock).pdf(cid))
    assert "6% al año" in text and "362 del Código de Comercio" in text
    # The example uses the legal rate: 10,000 × 6 % × 30 / 365 = 49.32.
    assert "= $49.32 de interés" in text


def test_signing_records_date_and_version_and_a_change_lists_the_customer(ws: Workspace) -> None:
    service = CreditTermsService(ws.book, ws.clock)
    cid = _customer(ws)
    other = customer(ws, "Papelería Sol").id
    assert not service.status(cid).signed
    status = service.mark_signed(cid, date(2026, 11, 20))
    assert status.signed_on == date(2026, 11, 20)
    assert status.signed_version == status.current_version and not status.outdated
    assert service.outdated() == []
    ws.penalties.set_business_policy(POLICY)
    stale = service.outdated()
    assert [s.customer_id for s in stale] == [cid]  # the unsigned one is not "outdated"
    assert stale[0].changed == ("Intereses moratorios y cargos por atraso",)
    text = pdf_text(service.pdf(cid))
    assert f"versión {status.signed_version} que usted firmó" in text
    assert not service.status(other).signed


def test_signing_in_the_future_is_refused(ws: Workspace) -> None:
    service = CreditTermsService(ws.book, ws.clock)
    cid = customer(ws).id
    with pytest.raises(ValidationError):
        service.mark_signed(cid, date(2026, 12, 1))
    assert not service.status(cid).signed


@pytest.mark.sqlite_only  # the verb is given the book's file
def test_pdf_terms_verb(ws: Workspace, tmp_path: Path) -> None:
    cid = _customer(ws)
    out = tmp_path / "condiciones.pdf"
    argv = ["pdf", "--book", str(ws.book_path), "terms", str(cid), "--out", str(out)]
    ws.close()
    assert main(argv) == 0
    assert "Abarrotes Doña Chelo" in pdf_text(out.read_bytes())
    assert main(["pdf", "--book", str(ws.book_path), "terms", "999", "--out", str(out)]) == 2
