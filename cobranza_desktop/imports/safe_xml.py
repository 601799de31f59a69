"""XML parsing hardened against hostile files: no DTD, no entities, no network, no huge trees."""

from __future__ import annotations

import threading

from lxml import etree

from cobranza_desktop.domain.i18n import _
from cobranza_desktop.imports.problems import FileRefused

# A real CFDI is a few kilobytes; one with thousands of concepts stays under a few MB.
MAX_XML_BYTES = 20 * 1024 * 1024


_local = threading.local()  # an lxml parser is reused, but never shared between threads


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = _new_parser()
    return parser


def _new_parser() -> etree.XMLParser:
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
            _("El archivo pesa {data_count} MB; un CFDI no pasa de {max_xml_bytes} MB.").format(
                data_count=len(data) // (1024 * 1024), max_xml_bytes=MAX_XML_BYTES // (1024 * 1024)
            )
        )
    head = data[:4096].lstrip()
    if not head.startswith(b"<") and not head.startswith(b"\xef\xbb\xbf<"):
        raise FileRefused(_("El archivo no es XML."))
    # A CFDI never declares a DTD; one that does is refused before any parsing.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise FileRefused(_("El XML declara un DTD o entidades; por seguridad no se lee."))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise FileRefused(
            _("El XML está incompleto o dañado ({msg}).").format(msg=exc.msg)
        ) from None
    if root is None:
        raise FileRefused(_("El archivo XML está vacío."))
    return root
