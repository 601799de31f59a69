import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.imports.cfdi import read_cfdi
from cobranza_desktop.imports.problems import FileRefused
from cobranza_desktop.imports.safe_xml import MAX_XML_BYTES
from cobranza_desktop.imports.sources import iter_sources
from tests.imports.cfdi_factory import SAMPLES, invoice, stamped_sample, uuid_n


def test_cfdi33_invoice_is_read_exactly_as_stamped() -> None:
    record = read_cfdi((SAMPLES / "cfdiutils_cfdi33-real.xml").read_bytes(), "a.xml")
    assert (record.version, record.doc_type, record.number) == ("3.3", "I", "H-11541")
    assert record.uuid == "CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC"
    assert record.issued_on == date(2018, 1, 12)
    assert (record.subtotal, record.total) == (Decimal("1709.12"), Decimal("2010.01"))
    assert record.issuer.rfc == "POT9207213D6"
    assert record.receiver.rfc == "DIM8701081LA"
    assert record.payment_method == "PUE"


def test_cfdi40_with_discount_and_taxes() -> None:
    record = read_cfdi((SAMPLES / "cfdiutils_cfdi40-valid.xml").read_bytes(), "b.xml")
    assert record.version == "4.0"
    assert record.discount == Decimal("956.04")
    assert record.total == Decimal("3327.01")
    assert record.receiver.regime == "603"
    assert record.receiver.postal_code == "54700"


def test_usd_invoice_keeps_currency_rate_and_discount() -> None:
    data = stamped_sample("cfdiutils_cfdi40-usd-discounts.xml", uuid_n(1))
    record = read_cfdi(data, "usd.xml")
    assert (record.currency, record.exchange_rate) == ("USD", Decimal("18.9008"))
    assert (record.subtotal, record.discount, record.total) == (
        Decimal("3300.00"),
        Decimal("500.00"),
        Decimal("3248.00"),
    )


def test_pagos10_without_imp_pagado_takes_the_amount() -> None:
    record = read_cfdi(stamped_sample("cfdiutils_pago10-usd.xml", uuid_n(2)), "p.xml")
    assert record.doc_type == "P"
    [pago] = record.payments
    [doc] = pago.documents
    assert (pago.amount, doc.paid, doc.balance_after) == (
        Decimal("100.00"),
        Decimal("100.00"),
        Decimal("0.00"),
    )
    assert pago.operation == "4343"


def test_pagos20_with_two_payments() -> None:
    record = read_cfdi(stamped_sample("cfdiutils_pago20-calc-003-two-payments.xml", uuid_n(3)), "p")
    assert [p.amount for p in record.payments] == [Decimal("14072.73"), Decimal("2313.60")]
    assert [p.paid_on for p in record.payments] == [date(2023, 5, 20), date(2023, 5, 22)]
    assert record.payments[0].documents[0].uuid == "555E3C48-C6C5-5FCC-BAF5-18C9E953FE59"


def test_pagos20_equivalence_between_currencies() -> None:
    record = read_cfdi(stamped_sample("cfdiutils_pago20-calc-001-mxn-usd.xml", uuid_n(4)), "p")
    usd = record.payments[1]
    assert usd.currency == "USD"
    assert [d.equivalence for d in usd.documents][-1] == Decimal("17.36075")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (invoice(None, total="10.00"), "no está timbrado"),
        (b"PK\x03\x04 this is a zip, not xml", "no es XML"),
        (invoice(uuid_n(5), total="10.00")[:-40], "incompleto"),
        (b"<?xml version='1.0'?><root/>", "no es un CFDI"),
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>',
            "DTD",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<foo>&xxe;</foo>",
            "DTD",
        ),
        (invoice(uuid_n(6), total="10.00", kind="T"), "solo se importan I, E y P"),
        (invoice(uuid_n(7), total="1e400"), "no es válido"),
    ],
)
def test_bad_files_are_refused_clearly(data: bytes, expected: str) -> None:
    with pytest.raises(FileRefused) as caught:
        read_cfdi(data, "bad.xml")
    assert expected in caught.value.message


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    with big.open("wb") as out:
        out.truncate(200 * 1024 * 1024)  # sparse: the test does not write 200 MB
    [source] = list(iter_sources([big]))
    assert source.data is None
    assert "200 MB" in source.error


def test_zip_entries_are_read_in_memory_and_bombs_refused(tmp_path: Path) -> None:
    archive = tmp_path / "sat.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("../../evil.xml", invoice(uuid_n(8), total="10.00"))
        z.writestr("bomb.xml", b"<a>" + b" " * (30 * 1024 * 1024) + b"</a>")
        z.writestr("notes.txt", b"ignored")
    sources = {s.name: s for s in iter_sources([archive])}
    assert read_cfdi(sources["sat.zip:../../evil.xml"].data or b"", "x").uuid == uuid_n(8)
    assert sources["sat.zip:bomb.xml"].data is None
    assert "bomba" in sources["sat.zip:bomb.xml"].error
    assert not (tmp_path.parent / "evil.xml").exists()
    assert len(sources) == 2


def test_folders_are_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.XML").write_bytes(invoice(uuid_n(9), total="1.00"))
    (tmp_path / "a" / "y.xml").write_bytes(invoice(uuid_n(10), total="1.00"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("z.xml", invoice(uuid_n(11), total="1.00"))
    (tmp_path / "a" / "bulk.zip").write_bytes(buffer.getvalue())
    uuids = {read_cfdi(s.data or b"", s.name).uuid for s in iter_sources([tmp_path])}
    assert uuids == {uuid_n(9), uuid_n(10), uuid_n(11)}


def test_a_file_of_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    at_limit, over = tmp_path / "at.xml", tmp_path / "over.xml"
    for path, size in ((at_limit, MAX_XML_BYTES), (over, MAX_XML_BYTES + 1)):
        with path.open("wb") as out:
            out.truncate(size)  # sparse
    sources = {s.name: s for s in iter_sources([at_limit, over])}
    assert len(sources["at.xml"].data or b"") == MAX_XML_BYTES
    assert sources["over.xml"].data is None and "MB" in sources["over.xml"].error


def test_folders_are_read_in_the_order_of_their_sorted_paths(tmp_path: Path) -> None:
    # A subfolder "b" sorts before the file "b.xml" beside it, and "B.xml" before both.
    for relative in ("b.xml", "b/z.xml", "b/a/y.xml", "B.xml", "a.xml", "b-1.xml", "c/x.XML"):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"<x/>")
    expected = [p.name for p in sorted(tmp_path.rglob("*")) if p.is_file()]
    assert [s.name for s in iter_sources([tmp_path])] == expected
    assert expected[:4] == ["B.xml", "a.xml", "y.xml", "z.xml"]
