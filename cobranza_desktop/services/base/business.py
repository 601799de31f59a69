"""The business profile: who is collecting, and how to pay them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from reportlab.lib.utils import ImageReader
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
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
from cobranza_desktop.domain.validation import check_multiline, check_single_line
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.versions import Edited, check_version
from cobranza_desktop.storage.concurrency import add_unless_duplicate
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import BusinessProfile

SUPPORTED_CURRENCIES = ("MXN", "USD")
MAX_LOGO_BYTES = 5 * 1024 * 1024
# PNG's signature, and JPEG's start-of-image marker.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


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
    version: int = 0  # what an edit sends back (0: never saved, or not loaded first)


def load_profile(session: Session) -> BusinessProfile:
    profile = session.get(BusinessProfile, 1)
    if profile is None:
        profile = BusinessProfile(id=1)
        # Two programs on a new server book may both make it: the second reads the first's.
        if not add_unless_duplicate(session, profile):
            profile = session.get(BusinessProfile, 1, populate_existing=True)
            assert profile is not None
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
        version=profile.version or 0,
    )


def validate_profile(data: BusinessProfileView) -> BusinessProfileView:
    """Normalise and validate the profile; raises ValidationError naming the field.

    The one-line fields refuse line breaks and control characters (they go into
    email headers and printed letterheads), the series and CLABE take ASCII only,
    and a logo must be a readable PNG or JPEG of at most 5 MB.
    """
    _check_characters(data)
    series = data.invoice_series.strip().upper()
    if not (series.isascii() and series.isalnum()) or len(series) > 10:
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
        logo_path=check_logo(data.logo_path),
    )


def _check_characters(data: BusinessProfileView) -> None:
    one_line = (
        (data.name, "name", _("El nombre del negocio")),
        (data.rfc, "rfc", "RFC"),
        (data.phone, "phone", _("El teléfono")),
        (data.email, "email", _("El correo electrónico")),
        (data.logo_path, "logo_path", _("El logotipo")),
        (data.bank_name, "bank_name", _("El banco")),
        (data.clabe, "clabe", "CLABE"),
        (data.invoice_series, "invoice_series", _("La serie")),
    )
    for text, field, label in one_line:
        check_single_line(text, field, label)
    check_multiline(data.address, "address", _("La dirección"))


def check_logo(path_text: str, field: str = "logo_path") -> str:
    """The logo's path if it names a readable PNG or JPEG of at most 5 MB; empty stays empty.

    Checked when saved, so a wrong file is refused where it was chosen instead of
    silently missing from every printed document.
    """
    text = path_text.strip()
    if not text:
        return ""
    path = Path(text).expanduser()
    try:
        size = path.stat().st_size if path.is_file() else -1
        data = path.read_bytes() if 0 <= size <= MAX_LOGO_BYTES else b""
    except OSError:
        size, data = -1, b""
    if size < 0:
        raise ValidationError(
            field,
            _("No se puede leer el logotipo «{text}».").format(text=text),
        )
    if size > MAX_LOGO_BYTES:
        raise ValidationError(
            field,
            _("El logotipo pesa más de 5 MB."),
        )
    if not data.startswith(_IMAGE_MAGIC) or not _decodes(data):
        raise ValidationError(
            field,
            _("El logotipo debe ser una imagen PNG o JPEG."),
        )
    return text


def _decodes(data: bytes) -> bool:
    """Whether ReportLab, which prints the logo, can read the image's size."""
    try:
        width, height = ImageReader(BytesIO(data)).getSize()
    except Exception:  # any decoder error means the same to the person: not an image
        return False
    return width > 0 and height > 0


def read_profile(session: Session) -> BusinessProfileView:
    """The business profile as it is (empty when never saved); writes nothing."""
    profile = session.get(BusinessProfile, 1)
    return BusinessProfileView() if profile is None else profile_view(profile)


class BusinessService:
    def __init__(self, book: Book) -> None:
        self._book = book

    def profile(self) -> BusinessProfileView:
        with self._book.session() as session:
            return read_profile(session)

    def update_profile(self, data: BusinessProfileView) -> BusinessProfileView:
        """Save the profile. ``data.version`` is the version it was loaded at: if someone
        saved the profile since, the edit is refused (0 skips the check)."""
        clean = validate_profile(data)
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            existing = session.get(BusinessProfile, 1)
            if data.version and existing is not None:
                check_version(existing.version, data.version, Edited.PROFILE)
            profile = load_profile(session)
            for field, value in clean.__dict__.items():
                if field != "version":
                    setattr(profile, field, value)
            session.flush()  # the view carries the new version
            return profile_view(profile)
