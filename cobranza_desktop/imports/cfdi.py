"""CFDI 3.3 and 4.0 (types I, E and P with Pagos 1.0 and 2.0) read into plain records.

Amounts are taken exactly as stamped: nothing is recomputed from the concepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from cobranza_desktop.domain.i18n import _
from cobranza_desktop.imports.problems import FileRefused
from cobranza_desktop.imports.safe_xml import parse_xml

VERSIONS = ("3.3", "4.0")
TYPES = ("I", "E", "P")
_UUID = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")
ZERO = Decimal("0")


@dataclass(frozen=True)
class Party:
    rfc: str
    name: str
    regime: str = ""
    postal_code: str = ""


@dataclass(frozen=True)
class RelatedDocument:
    """A DoctoRelacionado: the part of one Pago applied to one invoice."""

    uuid: str
    currency: str
    equivalence: Decimal  # units of the document's currency per unit of the payment's
    instalment: int
    balance_before: Decimal | None
    paid: Decimal  # in the document's currency
    balance_after: Decimal | None
    number: str  # the document's series-folio, as the P states it


@dataclass(frozen=True)
class PaymentRecord:
    """One Pago of a P document."""

    paid_on: date
    form: str
    currency: str
    exchange_rate: Decimal | None
    amount: Decimal  # in the payment's currency
    operation: str
    documents: tuple[RelatedDocument, ...]


@dataclass(frozen=True)
class CfdiRecord:
    source: str
    version: str
    doc_type: str
    uuid: str
    series: str
    folio: str
    issued_on: date
    issuer: Party
    receiver: Party
    currency: str
    exchange_rate: Decimal | None
    payment_method: str  # PUE / PPD
    payment_form: str
    subtotal: Decimal
    discount: Decimal
    transferred_tax: Decimal
    withheld_tax: Decimal
    total: Decimal
    related: tuple[tuple[str, str], ...]  # (TipoRelacion, UUID)
    payments: tuple[PaymentRecord, ...]

    @property
    def number(self) -> str:
        """The external number people read: "F-1234", or the UUID's start without one."""
        if self.series and self.folio:
            return f"{self.series}-{self.folio}"
        return self.folio or self.series or self.uuid[:8]


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


# "{*}Name" matches the local name in any namespace (CFDI 3.3, 4.0, Pagos 1.0, 2.0),
# inside lxml, without a Python call per element.
def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return list(element.iterchildren(f"{{*}}{name}"))


def _descendants(element: etree._Element, name: str) -> list[etree._Element]:
    return list(element.iter(f"{{*}}{name}"))


def _amount(element: etree._Element, name: str, *, required: bool = False) -> Decimal | None:
    text = element.get(name)
    if text is None or not text.strip():
        if required:
            raise FileRefused(_("Falta el importe {name}.").format(name=name))
        return None
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or abs(value) >= Decimal("1e13"):
        raise FileRefused(
            _("El importe {name}=«{text}» no es válido.").format(name=name, text=text)
        )
    return value


def _date(text: str | None, name: str) -> date:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        raise FileRefused(
            _("La fecha {name}=«{text}» no es válida.").format(name=name, text=text)
        ) from None


def _party(element: etree._Element | None) -> Party:
    if element is None:
        return Party("", "")
    return Party(
        rfc=(element.get("Rfc") or "").strip().upper(),
        name=(element.get("Nombre") or "").strip(),
        regime=(element.get("RegimenFiscal") or element.get("RegimenFiscalReceptor") or "").strip(),
        postal_code=(element.get("DomicilioFiscalReceptor") or "").strip(),
    )


def _related_document(
    element: etree._Element, pago_amount: Decimal, single: bool
) -> RelatedDocument:
    uuid = (element.get("IdDocumento") or "").strip().upper()
    if not _UUID.match(uuid):
        raise FileRefused(_("Un DoctoRelacionado no dice qué factura paga (IdDocumento)."))
    paid = _amount(element, "ImpPagado")
    if paid is None:  # Pagos 1.0 allows leaving it out when one document takes it all
        if not single:
            raise FileRefused(_("Falta el importe ImpPagado."))
        paid = pago_amount
    equivalence = _amount(element, "EquivalenciaDR") or _amount(element, "TipoCambioDR")
    series, folio = element.get("Serie") or "", element.get("Folio") or ""
    try:
        instalment = int(element.get("NumParcialidad") or "0")
    except ValueError:
        instalment = 0
    return RelatedDocument(
        uuid=uuid,
        currency=(element.get("MonedaDR") or "").strip().upper(),
        equivalence=equivalence if equivalence else Decimal("1"),
        instalment=instalment,
        balance_before=_amount(element, "ImpSaldoAnt"),
        paid=paid,
        balance_after=_amount(element, "ImpSaldoInsoluto"),
        number=f"{series}-{folio}" if series and folio else folio,
    )


def _payments(root: etree._Element) -> tuple[PaymentRecord, ...]:
    records = []
    for pago in _descendants(root, "Pago"):
        amount = _amount(pago, "Monto", required=True)
        assert amount is not None
        related = _children(pago, "DoctoRelacionado")
        records.append(
            PaymentRecord(
                paid_on=_date(pago.get("FechaPago"), "FechaPago"),
                form=(pago.get("FormaDePagoP") or "").strip(),
                currency=(pago.get("MonedaP") or "MXN").strip().upper(),
                exchange_rate=_amount(pago, "TipoCambioP"),
                amount=amount,
                operation=(pago.get("NumOperacion") or "").strip(),
                documents=tuple(_related_document(d, amount, len(related) == 1) for d in related),
            )
        )
    if not records:
        raise FileRefused(_("El CFDI de pago no trae ningún Pago."))
    return tuple(records)


def _stamp_uuid(root: etree._Element) -> str:
    stamps = _descendants(root, "TimbreFiscalDigital")
    uuid = (stamps[0].get("UUID") or "").strip().upper() if stamps else ""
    if not uuid:
        raise FileRefused(
            _("El CFDI no está timbrado (no tiene UUID); solo se importan CFDI timbrados.")
        )
    if not _UUID.match(uuid):
        raise FileRefused(_("El UUID «{uuid}» no es válido.").format(uuid=uuid))
    return uuid


def read_cfdi(data: bytes, source: str) -> CfdiRecord:
    """Parse one CFDI file; FileRefused says why a file cannot be taken."""
    root = parse_xml(data)
    if _local(root) != "Comprobante":
        raise FileRefused(_("El XML no es un CFDI."))
    version = root.get("Version") or root.get("version") or ""
    if version not in VERSIONS:
        raise FileRefused(
            _("Versión de CFDI no soportada: «{version}» (se leen 3.3 y 4.0).").format(
                version=version
            )
        )
    doc_type = (root.get("TipoDeComprobante") or "").strip().upper()
    if doc_type not in TYPES:
        raise FileRefused(
            _("Tipo de comprobante «{doc_type}»: solo se importan I, E y P.").format(
                doc_type=doc_type
            )
        )
    uuid = _stamp_uuid(root)
    taxes = _children(root, "Impuestos")
    related = tuple(
        ((group.get("TipoRelacion") or "").strip(), (item.get("UUID") or "").strip().upper())
        for group in _children(root, "CfdiRelacionados")
        for item in _children(group, "CfdiRelacionado")
    )
    emisor, receptor = _children(root, "Emisor"), _children(root, "Receptor")
    return CfdiRecord(
        source=source,
        version=version,
        doc_type=doc_type,
        uuid=uuid,
        series=(root.get("Serie") or "").strip(),
        folio=(root.get("Folio") or "").strip(),
        issued_on=_date(root.get("Fecha"), "Fecha"),
        issuer=_party(emisor[0] if emisor else None),
        receiver=_party(receptor[0] if receptor else None),
        currency=(root.get("Moneda") or "MXN").strip().upper(),
        exchange_rate=_amount(root, "TipoCambio"),
        payment_method=(root.get("MetodoPago") or "").strip().upper(),
        payment_form=(root.get("FormaPago") or "").strip(),
        subtotal=_amount(root, "SubTotal") or ZERO,
        discount=_amount(root, "Descuento") or ZERO,
        transferred_tax=(_amount(taxes[0], "TotalImpuestosTrasladados") if taxes else None) or ZERO,
        withheld_tax=(_amount(taxes[0], "TotalImpuestosRetenidos") if taxes else None) or ZERO,
        total=_amount(root, "Total", required=True) or ZERO,
        related=related,
        payments=_payments(root) if doc_type == "P" else (),
    )
