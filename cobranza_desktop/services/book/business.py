"""The business profile: who is collecting, and how to pay them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.domain.contact_data import (
    normalize_clabe,
    normalize_email,
    normalize_phone,
    normalize_rfc,
    require_text,
)
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import validate_terms
from cobranza_desktop.domain.money import parse_decimal
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import BusinessProfile

SUPPORTED_CURRENCIES = ("MXN", "USD")


@dataclass(frozen=True)
class BusinessProfileView:
    name: str = ""
    rfc: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_path: str = ""
    currency: str = "MXN"
    payment_terms_days: int = 30
    tax_rate_percent: Decimal = Decimal("16")
    bank_name: str = ""
    clabe: str = ""
    invoice_series: str = "A"


def load_profile(session: Session) -> BusinessProfile:
    profile = session.get(BusinessProfile, 1)
    if profile is None:
        profile = BusinessProfile(id=1)
        session.add(profile)
        session.flush()
    return profile


def profile_view(profile: BusinessProfile) -> BusinessProfileView:
    return BusinessProfileView(
        name=profile.name,
        rfc=profile.rfc,
        address=profile.address,
        phone=profile.phone,
        email=profile.email,
        logo_path=profile.logo_path,
        currency=profile.currency,
        payment_terms_days=profile.payment_terms_days,
        tax_rate_percent=profile.tax_rate_percent,
        bank_name=profile.bank_name,
        clabe=profile.clabe,
        invoice_series=profile.invoice_series,
    )


def validate_profile(data: BusinessProfileView) -> BusinessProfileView:
    series = data.invoice_series.strip().upper()
    if not series.isalnum() or len(series) > 10:
        raise ValidationError(
            "invoice_series",
            _("La serie debe ser de 1 a 10 letras o dígitos."),
        )
    if data.currency not in SUPPORTED_CURRENCIES:
        raise ValidationError("currency", _("Moneda no soportada."))
    return replace(
        data,
        name=require_text(data.name, "name", _("el nombre del negocio")),
        rfc=normalize_rfc(data.rfc),
        address=data.address.strip(),
        phone=normalize_phone(data.phone),
        email=normalize_email(data.email),
        payment_terms_days=validate_terms(data.payment_terms_days),
        tax_rate_percent=parse_decimal(
            data.tax_rate_percent, "tax_rate_percent", minimum=Decimal(0), maximum=Decimal(100)
        ),
        bank_name=data.bank_name.strip(),
        clabe=normalize_clabe(data.clabe),
        invoice_series=series,
    )


class BusinessService:
    def __init__(self, book: Book) -> None:
        self._book = book

    def profile(self) -> BusinessProfileView:
        with self._book.session() as session:
            profile = session.get(BusinessProfile, 1)
            return BusinessProfileView() if profile is None else profile_view(profile)

    def update_profile(self, data: BusinessProfileView) -> BusinessProfileView:
        clean = validate_profile(data)
        with self._book.transaction() as session:
            profile = load_profile(session)
            for field, value in clean.__dict__.items():
                setattr(profile, field, value)
            return profile_view(profile)
