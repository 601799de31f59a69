"""Build CFDI XML with lxml for the cases the samples do not cover."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

CFDI40 = "http://www.sat.gob.mx/cfd/4"
CFDI33 = "http://www.sat.gob.mx/cfd/3"
TFD = "http://www.sat.gob.mx/TimbreFiscalDigital"
PAGO20 = "http://www.sat.gob.mx/Pagos20"
SAMPLES = Path(__file__).with_name("samples")
OURS = "EKU9003173C9"


def _stamp(root: etree._Element, ns: str, uuid: str) -> None:
    complemento = root.find(f"{{{ns}}}Complemento")
    if complemento is None:
        complemento = etree.SubElement(root, f"{{{ns}}}Complemento")
    etree.SubElement(
        complemento,
        f"{{{TFD}}}TimbreFiscalDigital",
        Version="1.1",
        UUID=uuid,
        FechaTimbrado="2026-01-01T00:00:00",
    )


def stamped_sample(name: str, uuid: str) -> bytes:
    """A CfdiUtils sample that lacks a stamp, with one added (the tests' own UUID)."""
    root = etree.fromstring((SAMPLES / name).read_bytes())
    _stamp(root, etree.QName(root).namespace or CFDI40, uuid)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _root(kind: str, fecha: str, version: str, **attrs: str) -> tuple[etree._Element, str]:
    ns = CFDI40 if version == "4.0" else CFDI33
    root = etree.Element(
        f"{{{ns}}}Comprobante",
        nsmap={"cfdi": ns, "tfd": TFD, "pago20": PAGO20},
        Version=version,
        Fecha=fecha,
        TipoDeComprobante=kind,
        **attrs,
    )
    return root, ns


def _parties(root: etree._Element, ns: str, issuer: str, receiver: str, name: str) -> None:
    etree.SubElement(
        root, f"{{{ns}}}Emisor", Rfc=issuer, Nombre="ESCUELA KEMPER URGATE", RegimenFiscal="601"
    )
    etree.SubElement(
        root,
        f"{{{ns}}}Receptor",
        Rfc=receiver,
        Nombre=name,
        RegimenFiscalReceptor="612",
        DomicilioFiscalReceptor="52000",
        UsoCFDI="G03",
    )


def invoice(
    uuid: str | None,
    *,
    total: str,
    folio: str = "1",
    series: str = "F",
    fecha: str = "2026-10-01T10:00:00",
    method: str = "PPD",
    receiver: str = "COSC8001137NA",
    name: str = "CARLOS CORTES SOTO",
    issuer: str = OURS,
    version: str = "4.0",
    kind: str = "I",
    related: Sequence[str] = (),
    currency: str = "MXN",
    rate: str | None = None,
    parts: tuple[str, str, str, str] | None = None,
) -> bytes:
    """``parts``: SubTotal, Descuento, TotalImpuestosTrasladados, TotalImpuestosRetenidos
    as stamped (``total`` should be what they add up to); none: SubTotal is the total."""
    extra = {"TipoCambio": rate} if rate is not None else {}
    subtotal = total if parts is None else parts[0]
    if parts is not None and parts[1] != "0.00":
        extra["Descuento"] = parts[1]
    root, ns = _root(
        kind,
        fecha,
        version,
        Serie=series,
        Folio=folio,
        SubTotal=subtotal,
        Total=total,
        Moneda=currency,
        MetodoPago=method,
        FormaPago="99",
        **extra,
    )
    if related:
        group = etree.SubElement(root, f"{{{ns}}}CfdiRelacionados", TipoRelacion="01")
        for item in related:
            etree.SubElement(group, f"{{{ns}}}CfdiRelacionado", UUID=item)
    _parties(root, ns, issuer, receiver, name)
    if parts is not None:
        taxes = {"TotalImpuestosTrasladados": parts[2], "TotalImpuestosRetenidos": parts[3]}
        etree.SubElement(root, f"{{{ns}}}Impuestos", **{k: v for k, v in taxes.items() if v})
    if uuid is not None:
        _stamp(root, ns, uuid)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def payment(
    uuid: str,
    pagos: Sequence[tuple[str, str, Sequence[tuple[str, str, str, str, int]]]],
    *,
    receiver: str = "COSC8001137NA",
    name: str = "CARLOS CORTES SOTO",
    currency: str = "MXN",
    rate: str = "1",
) -> bytes:
    """pagos: (FechaPago, Monto, [(IdDocumento, ImpSaldoAnt, ImpPagado, ImpSaldoInsoluto,
    NumParcialidad)]); the payment and its documents are in ``currency`` at ``rate``."""
    root, ns = _root("P", "2026-11-01T10:00:00", "4.0", SubTotal="0", Total="0", Moneda="XXX")
    _parties(root, ns, OURS, receiver, name)
    complemento = etree.SubElement(root, f"{{{ns}}}Complemento")
    pagos_el = etree.SubElement(complemento, f"{{{PAGO20}}}Pagos", Version="2.0")
    for fecha, monto, docs in pagos:
        pago = etree.SubElement(
            pagos_el,
            f"{{{PAGO20}}}Pago",
            FechaPago=fecha,
            FormaDePagoP="03",
            MonedaP=currency,
            TipoCambioP=rate,
            Monto=monto,
            NumOperacion="OP-1",
        )
        for doc, before, paid, after, n in docs:
            etree.SubElement(
                pago,
                f"{{{PAGO20}}}DoctoRelacionado",
                IdDocumento=doc,
                MonedaDR=currency,
                EquivalenciaDR="1",
                NumParcialidad=str(n),
                ImpSaldoAnt=before,
                ImpPagado=paid,
                ImpSaldoInsoluto=after,
                ObjetoImpDR="01",
            )
    _stamp(root, ns, uuid)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def uuid_n(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"
