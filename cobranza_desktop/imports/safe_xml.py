"""XML parsing hardened against hostile files: no DTD, no entities, no network, no huge trees."""

from __future__ import annotations

from lxml import etree

from cobranza_desktop.domain.i18n import tr
from cobranza_desktop.imports.problems import FileRefused

# A real CFDI is a few kilobytes; one with thousands of concepts stays under a few MB.
MAX_XML_BYTES = 20 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes) -> etree._Element:
    """The root element, or FileRefused with a message a person understands."""
    if len(data) > MAX_XML_BYTES:
        raise FileRefused(
            tr(
                f"El archivo pesa {len(data) // (1024 * 1024)} MB; un CFDI no pasa de "
                f"{MAX_XML_BYTES // (1024 * 1024)} MB.",
                f"The file is {len(data) // (1024 * 1024)} MB; a CFDI is at most "
                f"{MAX_XML_BYTES // (1024 * 1024)} MB.",
            )
        )
    head = data[:4096].lstrip()
    if not head.startswith(b"<") and not head.startswith(b"\xef\xbb\xbf<"):
        raise FileRefused(tr("El archivo no es XML.", "The file is not XML."))
    # A CFDI never declares a DTD; one that does is refused before any parsing.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise FileRefused(
            tr(
                "El XML declara un DTD o entidades; por seguridad no se lee.",
                "The XML declares a DTD or entities; it is not read, for safety.",
            )
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise FileRefused(
            tr(
                f"El XML está incompleto o dañado ({exc.msg}).",
                f"The XML is truncated or damaged ({exc.msg}).",
            )
        ) from None
    if root is None:
        raise FileRefused(tr("El archivo XML está vacío.", "The XML file is empty."))
    return root
