from decimal import Decimal

import pytest

from cobranza_desktop.domain.customers import Channel, CustomerData, CustomerListFilter
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.services.book.workspace import Workspace
from tests.factories import customer, invoice


def test_create_and_read_back(ws: Workspace) -> None:
    created = ws.customers.create(
        CustomerData(
            name="  Papelería Ñandú  ",
            rfc="pañ850101ab1".replace("ñ", "n"),
            email="compras@nandu.mx",
            phone="55 1234 5678",
            whatsapp="(33) 3615-1234",
            credit_limit=Decimal("5000"),
            preferred_channel=Channel.EMAIL,
        )
    )
    again = ws.customers.get(created.id)
    assert again.name == "Papelería Ñandú"
    assert again.phone == "+525512345678"
    assert again.whatsapp == "+523336151234"
    assert again.credit_limit == Decimal("5000.00")
    assert again.status == "active"


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("name", CustomerData(name="")),
        ("phone", CustomerData(name="X", phone="12")),
        ("rfc", CustomerData(name="X", rfc="nope")),
        ("email", CustomerData(name="X", email="a@")),
        ("email", CustomerData(name="X", preferred_channel=Channel.EMAIL)),
        ("payment_terms_days", CustomerData(name="X", payment_terms_days=-1)),
        ("credit_limit", CustomerData(name="X", credit_limit=Decimal("-1"))),
    ],
)
def test_bad_customer_data_is_refused_and_nothing_is_written(
    ws: Workspace, field: str, data: CustomerData
) -> None:
    with pytest.raises(ValidationError) as caught:
        ws.customers.create(data)
    assert caught.value.field == field
    assert ws.customers.list_summary().count == 0


def test_errors_speak_english_when_asked(ws: Workspace) -> None:
    set_language("en")
    with pytest.raises(ValidationError) as caught:
        ws.customers.create(CustomerData(name="X", phone="12"))
    assert "not a valid phone number" in caught.value.message


def test_list_search_sort_and_totals(ws: Workspace) -> None:
    a = customer(ws, "Abarrotes Zapata", email="zapata@ejemplo.mx")
    b = customer(ws, "Botica Ávila", phone="33 3615 1234")
    invoice(ws, a.id, "100.00")  # 116.00 due 2026-10-31: overdue on 2026-11-22
    invoice(ws, b.id, "1000.00")  # 1160.00
    names = [c.name for c in ws.customers.list_page(sort="balance", descending=True)]
    assert names == ["Botica Ávila", "Abarrotes Zapata"]
    assert [c.name for c in ws.customers.list_page(CustomerListFilter(search="zapata@"))] == [
        "Abarrotes Zapata"
    ]
    assert [c.name for c in ws.customers.list_page(CustomerListFilter(search="3615 12"))] == [
        "Botica Ávila"
    ]
    # Without accents and in any case, as people type.
    assert [c.name for c in ws.customers.list_page(CustomerListFilter(search="AVILA"))] == [
        "Botica Ávila"
    ]
    customer(ws, "Ángel Núñez")
    assert [c.name for c in ws.customers.list_page()] == [
        "Abarrotes Zapata",
        "Ángel Núñez",
        "Botica Ávila",
    ]
    summary = ws.customers.list_summary()
    assert (summary.count, summary.balance, summary.overdue) == (
        3,
        Decimal("1276.00"),
        Decimal("1276.00"),
    )
    page = ws.customers.list_page(CustomerListFilter(overdue_only=True), limit=1, offset=1)
    assert len(page) == 1 and page[0].days_past_due == 22
