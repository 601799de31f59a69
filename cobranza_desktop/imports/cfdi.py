"""CFDI 3.3 and 4.0 (types I, E and P with Pagos 1.0 and 2.0) read into plain records.

Amounts are taken exactly as stamped: nothing is recomputed from the concepts.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from lxml import etree

from cobranza_desktop.domain.i18n import _
from cobranza_desktop.imports.problems import FileRefused
from cobranza_desktop.imports.safe_xml import parse_xml

VERSIONS = ("3.3", "4.0")
TYPES = ("I", "E", "P")
_UUID = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")
ZERO = Decimal("0")
_ONE = Decimal("1")


# Records are named tuples: immutable like a frozen dataclass, and built in a third of
# the time (10,000 files build some 50,000 of them).
class Party(NamedTuple):
    rfc: str
    name: str
    regime: str = ""
    postal_code: str = ""


class RelatedDocument(NamedTuple):
    """A DoctoRelacionado: the part of one Pago applied to one invoice."""

    uuid: str
    currency: str
    equivalence: Decimal  # units of the document's currency per unit of the payment's
    instalment: int
    balance_before: Decimal | None
    paid: Decimal  # in the document's currency
    balance_after: Decimal | None
    number: str  # the document's series-folio, as the P states it


class PaymentRecord(NamedTuple):
    """One Pago of a P document."""

    paid_on: date
    form: str
    currency: str
    exchange_rate: Decimal | None
    amount: Decimal  # in the payment's currency
    operation: str
    documents: tuple[RelatedDocument, ...]


class CfdiRecord(NamedTuple):
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


# Elements are reached directly: one pass over the Comprobante's children, by local name
# (any namespace: CFDI 3.3, 4.0, Pagos 1.0, 2.0), instead of a search per name. Over
# 10,000 files the searches and small helpers cost more than lxml's parse itself.
def _local(tag: object) -> str:
    """The local name of an element's tag ("" for a comment or entity, which have none)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


# lxml matches a "{*}" tag (any namespace, or none) in C, without a proxy per element.
_STAMP, _PAGOS, _PAGO = "{*}TimbreFiscalDigital", "{*}Pagos", "{*}Pago"
_DOCTO, _RELATED = "{*}DoctoRelacionado", "{*}CfdiRelacionado"


def _children(element: etree._Element) -> dict[str, list[etree._Element]]:
    found: dict[str, list[etree._Element]] = {}
    for child in element:
        tag = child.tag
        name = tag.rpartition("}")[2] if isinstance(tag, str) else ""  # _local, inlined
        if name in found:
            found[name].append(child)
        else:
            found[name] = [child]
    return found


_LIMIT = Decimal("1e13")
_EMPTY: list[etree._Element] = []


def _amount(element: etree._Element, name: str, *, required: bool = False) -> Decimal | None:
    text = element.get(name)
    if text is None:
        value = None
    else:
        try:
            value = Decimal(text)  # Decimal takes the spaces around a number itself
        except InvalidOperation:
            value = None if not text.strip() else Decimal("NaN")
    if value is None:
        if required:
            raise FileRefused(_("Falta el importe {name}.").format(name=name))
        return None
    if not value.is_finite() or not -_LIMIT < value < _LIMIT:
        raise FileRefused(
            _("El importe {name}=«{text}» no es válido.").format(name=name, text=text)
        )
    return value


_CENT = Decimal("0.01")


def _money(element: etree._Element, name: str, *, required: bool = False) -> Decimal | None:
    """A stamped amount, exact to the cent: the SAT lets a Comprobante's and a Pago's
    amounts carry only the currency's decimals (two for MXN and USD), so a third one
    means a file the PAC did not validate or one changed after stamping; it is refused,
    never rounded, so that the book keeps what the SAT has."""
    text = element.get(name)
    if text is not None:  # the usual case first: finite, under the limit, to the cent
        try:
            usual = Decimal(text)
        except InvalidOperation:
            pass
        else:
            if usual.is_finite() and -_LIMIT < usual < _LIMIT and usual == usual.quantize(_CENT):
                return usual
    value = _amount(element, name, required=required)  # anything else: say what is wrong
    if value is not None and value != value.quantize(_CENT):
        raise FileRefused(
            _(
                "El importe {name}=«{text}» tiene más de dos decimales: el SAT solo admite "
                "los decimales de la moneda; no se redondea un importe timbrado."
            ).format(name=name, text=element.get(name))
        )
    return value


def _date(text: str | None, name: str) -> date:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        raise FileRefused(
            _("La fecha {name}=«{text}» no es válida.").format(name=name, text=text)
        ) from None


def _text(element: etree._Element, name: str) -> str:
    return (element.get(name) or "").strip()


def _party(elements: list[etree._Element]) -> Party:
    if not elements:
        return Party("", "")
    get = elements[0].get
    # Positional: a named tuple built from keywords costs half as much again.
    return Party(
        (get("Rfc") or "").strip().upper(),
        (get("Nombre") or "").strip(),
        (get("RegimenFiscal") or get("RegimenFiscalReceptor") or "").strip(),
        (get("DomicilioFiscalReceptor") or "").strip(),
    )


def _related_document(
    element: etree._Element, pago_amount: Decimal, single: bool
) -> RelatedDocument:
    get = element.get
    uuid = (get("IdDocumento") or "").strip().upper()
    if not _UUID.match(uuid):
        raise FileRefused(_("Un DoctoRelacionado no dice qué factura paga (IdDocumento)."))
    paid = _money(element, "ImpPagado")
    if paid is None:  # Pagos 1.0 allows leaving it out when one document takes it all
        if not single:
            raise FileRefused(_("Falta el importe ImpPagado."))
        paid = pago_amount
    equivalence = _amount(element, "EquivalenciaDR") or _amount(element, "TipoCambioDR")
    series, folio = get("Serie") or "", get("Folio") or ""
    try:
        instalment = int(get("NumParcialidad") or "0")
    except ValueError:
        instalment = 0
    return RelatedDocument(  # positional, in the fields' order (see Party)
        uuid,
        (get("MonedaDR") or "").strip().upper(),
        equivalence if equivalence else _ONE,
        instalment,
        _money(element, "ImpSaldoAnt"),
        paid,
        _money(element, "ImpSaldoInsoluto"),
        f"{series}-{folio}" if series and folio else folio,
    )


def _pagos(root: etree._Element, complemento: list[etree._Element]) -> list[etree._Element]:
    """The Pago elements: under Complemento/Pagos, where the SAT puts them; anywhere else
    in the file only when none is there (the search costs a walk of the whole tree)."""
    found = [
        pago
        for block in complemento
        for pagos in block.iterchildren(_PAGOS)
        for pago in pagos.iterchildren(_PAGO)
    ]
    return found or list(root.iter(_PAGO))


def _payments(pagos: list[etree._Element]) -> tuple[PaymentRecord, ...]:
    records = []
    for pago in pagos:
        amount = _money(pago, "Monto", required=True)
        assert amount is not None
        related = list(pago.iterchildren(_DOCTO))
        single = len(related) == 1
        records.append(
            PaymentRecord(  # positional, in the fields' order (see Party)
                _date(pago.get("FechaPago"), "FechaPago"),
                _text(pago, "FormaDePagoP"),
                (pago.get("MonedaP") or "MXN").strip().upper(),
                _amount(pago, "TipoCambioP"),
                amount,
                _text(pago, "NumOperacion"),
                tuple([_related_document(d, amount, single) for d in related]),
            )
        )
    if not records:
        raise FileRefused(_("El CFDI de pago no trae ningún Pago."))
    return tuple(records)


def _stamp_uuid(root: etree._Element, complemento: list[etree._Element]) -> str:
    # The stamp lives in Complemento; a file that has it elsewhere is searched whole.
    stamps = [stamp for block in complemento for stamp in block.iterchildren(_STAMP)] or list(
        root.iter(_STAMP)
    )
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
    if _local(root.tag) != "Comprobante":
        raise FileRefused(_("El XML no es un CFDI."))
    get = root.get
    version = get("Version") or get("version") or ""
    if version not in VERSIONS:
        raise FileRefused(
            _("Versión de CFDI no soportada: «{version}» (se leen 3.3 y 4.0).").format(
                version=version
            )
        )
    doc_type = (get("TipoDeComprobante") or "").strip().upper()
    if doc_type not in TYPES:
        raise FileRefused(
            _("Tipo de comprobante «{doc_type}»: solo se importan I, E y P.").format(
                doc_type=doc_type
            )
        )
    children = _children(root)
    complemento = children.get("Complemento", _EMPTY)
    uuid = _stamp_uuid(root, complemento)
    taxes = children.get("Impuestos", _EMPTY)
    groups = children.get("CfdiRelacionados")
    related = (
        tuple(
            ((group.get("TipoRelacion") or "").strip(), (item.get("UUID") or "").strip().upper())
            for group in groups
            for item in group.iterchildren(_RELATED)
        )
        if groups
        else ()
    )
    return CfdiRecord(  # positional, in the fields' order (see Party)
        source,
        version,
        doc_type,
        uuid,
        (get("Serie") or "").strip(),  # series
        (get("Folio") or "").strip(),  # folio
        _date(get("Fecha"), "Fecha"),  # issued_on
        _party(children.get("Emisor", _EMPTY)),
        _party(children.get("Receptor", _EMPTY)),
        (get("Moneda") or "MXN").strip().upper(),  # currency
        _amount(root, "TipoCambio"),  # exchange_rate
        (get("MetodoPago") or "").strip().upper(),  # payment_method
        (get("FormaPago") or "").strip(),  # payment_form
        _money(root, "SubTotal") or ZERO,
        _money(root, "Descuento") or ZERO,
        (_money(taxes[0], "TotalImpuestosTrasladados") if taxes else None) or ZERO,
        (_money(taxes[0], "TotalImpuestosRetenidos") if taxes else None) or ZERO,
        _money(root, "Total", required=True) or ZERO,
        related,
        _payments(_pagos(root, complemento)) if doc_type == "P" else (),
    )
