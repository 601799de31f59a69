"""Announcements to many customers, against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.customer_status import CustomerStatus
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.messaging.announcements import (
    Announcement,
    AnnouncementService,
    Audience,
)
from cobranza_desktop.services.messaging.outbox import OutboxService
from tests.factories import invoice
from tests.messaging.conftest import SmtpServer

MONDAY = date(2026, 11, 23)
BODY = (
    "Estimado(a) {{ contact_name }}: cerramos el 24 de diciembre."
    "{% if due_date %} Su próximo pago vence el {{ due_date }}.{% endif %}"
)
CLOSING = Announcement(
    title="Cierre navideño",
    channel=Channel.EMAIL,
    subject="Aviso de {{ business_name }}",
    body=BODY,
    audience=Audience.WITH_BALANCE,
)


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Workspace, FixedClock]]:
    clock = FixedClock.on(MONDAY, hour=11)
    ws = open_workspace(tmp_path / "libro.sqlite", clock)
    yield ws, clock
    ws.close()


def _customer(ws: Workspace, name: str, email: str = "", owes: bool = True) -> int:
    cid = ws.customers.create(CustomerData(name=name, phone="55 1234 5678", email=email)).id
    if owes:
        invoice(ws, cid, "500.00", issued=date(2026, 11, 1), due=date(2026, 12, 1), tax="0")
    return cid


def test_announcement_by_email_respects_the_cap_and_lists_who_is_left_out(
    shop: tuple[Workspace, FixedClock], smtp_server: SmtpServer
) -> None:
    ws, clock = shop
    outbox = OutboxService(ws.book, clock, password_getter=lambda: None)
    outbox.save_smtp_settings(
        SmtpSettings("127.0.0.1", smtp_server.port, "none", "", "avisos@taller.mx", timeout=3)
    )
    service = AnnouncementService(ws.book, clock, outbox)
    ana = _customer(ws, "Ana Abarrotes", "ana@example.com")
    beto = _customer(ws, "Beto Bicicletas", "beto@example.com")
    _customer(ws, "Carla Sin Saldo", "carla@example.com", owes=False)
    capped = _customer(ws, "Dora Ya Contactada", "dora@example.com")
    no_mail = _customer(ws, "Eli Sin Correo")
    ws.contacts.log(
        ContactInput(capped, "phone", "no_answer", contacted_at=datetime(2026, 11, 23, 9, 30))
    )

    preview = service.preview(CLOSING)
    assert preview.count == 2
    assert [r.customer_id for r in preview.samples] == [ana, beto]
    assert preview.samples[0].body.strip() == (
        "Estimado(a) Ana Abarrotes: cerramos el 24 de diciembre. "
        "Su próximo pago vence el 01/12/2026."
    )
    left = {lo.customer_id: lo.reasons for lo in preview.left_out}
    assert set(left) == {capped, no_mail}  # Carla has no balance: not in the audience
    assert "máximo de veces" in left[capped][0]
    assert left[no_mail] == ("No tiene correo",)
    assert smtp_server.inbox.messages == []  # the preview sends nothing

    result = service.send(CLOSING)
    assert [r.customer_id for r in result.sent] == [ana, beto]
    assert sorted(m.rcpt_tos[0] for m in smtp_server.inbox.messages) == [
        "ana@example.com",
        "beto@example.com",
    ]
    assert all(m.message["Subject"].startswith("Aviso de") for m in smtp_server.inbox.messages)
    assert (
        "Su próximo pago vence el 01/12/2026."
        in smtp_server.inbox.messages[0].message.get_content()
    )
    [logged] = ws.contacts.timeline(ana)
    assert logged.notes == "Comunicado: Cierre navideño" and str(logged.channel) == "email"

    # Again the same day: the cap (one contact a day) now leaves everyone out.
    again = service.send(CLOSING)
    assert again.sent == () and len(smtp_server.inbox.messages) == 2
    assert {lo.customer_id for lo in again.left_out} == {ana, beto, capped, no_mail}


def test_announcement_as_whatsapp_links_with_filters(shop: tuple[Workspace, FixedClock]) -> None:
    ws, clock = shop
    service = AnnouncementService(ws.book, clock, OutboxService(ws.book, clock))
    ana = _customer(ws, "Ana Abarrotes")
    blocked = _customer(ws, "Bloqueado")
    ws.restrictions.change(blocked, CustomerStatus.SUSPENDED, "Adeudo de 60 días")
    message = Announcement(
        "Horario", Channel.WHATSAPP, "Hola {{ contact_name }}: abrimos a las 9.",
        audience=Audience.STATUS, status=CustomerStatus.SUSPENDED,
    )  # fmt: skip
    result = service.send(message)
    [link] = result.links
    assert link.customer_id == blocked and "wa.me/52" in link.link
    assert "Hola Bloqueado: abrimos a las 9." in unquote(link.link)
    assert next(c.notes for c in ws.contacts.timeline(blocked)) == "Comunicado: Horario"
    assert ws.contacts.timeline(ana) == []
    everyone = service.preview(
        Announcement("Todos", Channel.WHATSAPP, "Hola {{ contact_name }}", audience=Audience.ALL)
    )
    assert {r.customer_id for r in everyone.recipients} == {ana}  # blocked: capped today


def test_bad_templates_and_filters_are_refused(shop: tuple[Workspace, FixedClock]) -> None:
    ws, clock = shop
    service = AnnouncementService(ws.book, clock, OutboxService(ws.book, clock))
    _customer(ws, "Ana")
    with pytest.raises(ValidationError):
        service.preview(Announcement("X", Channel.WHATSAPP, "Hola {{ nombre_raro }}"))
    with pytest.raises(ValidationError):
        service.preview(Announcement("X", Channel.WHATSAPP, "Hola", audience=Audience.STATUS))
    with pytest.raises(ValidationError):
        service.preview(Announcement("X", Channel.EMAIL, "Hola"))  # no subject
    with pytest.raises(ValidationError):
        service.preview(Announcement("", Channel.WHATSAPP, "Hola"))
