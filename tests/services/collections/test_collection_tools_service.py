from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.domain.risk import Rating
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.services.collections.collections_helpers import START, Env, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.book.close()


def test_extension_restarts_the_ladder_from_the_new_deadline(env: Env) -> None:
    cid = env.customer()
    inv = env.invoice(cid, "700.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=2))
    (item,) = env.agenda.agenda().items
    env.agenda.complete(item, "contacted", reason="no_funds")
    new_due = START + timedelta(days=16)
    ext = env.tools.extend_due_date(inv, new_due, "Sin fondos; paga en quincena")
    assert ext.previous_due_date == START
    for offset in range(3, 16):
        env.go(START + timedelta(days=offset))
        stages = [i.stage for i in env.agenda.agenda().items]
        assert stages in ([], ["friendly_reminder"]), offset
    env.go(new_due + timedelta(days=1))
    assert [i.stage for i in env.agenda.agenda().items] == ["phone_reminder"]
    with pytest.raises(ValidationError):
        env.tools.extend_due_date(inv, new_due, "otra vez")
    with pytest.raises(ValidationError):
        env.tools.extend_due_date(inv, new_due + timedelta(days=5), " ")
    assert env.invoices.get(inv).due_date == START  # the issued invoice is not edited


def test_discount_on_next_payment_and_barter(env: Env) -> None:
    cid = env.customer()
    env.invoice(cid, "1000.00", START - timedelta(days=30), START)
    with pytest.raises(ValidationError):
        env.tools.grant_discount(cid, "2000.00", "demasiado")
    env.tools.grant_discount(cid, "100.00", "Pronto pago acordado")
    assert len(env.tools.pending_discounts(cid)) == 1
    views = env.tools.record_payment_with_discount(PaymentInput(cid, "400.00", START))
    assert [v.method for v in views] == [PaymentMethod.CASH, PaymentMethod.DISCOUNT]
    assert env.tools.pending_discounts(cid) == []
    assert env.customers.balance(cid).balance == Decimal("500.00")
    with pytest.raises(ValidationError):
        env.tools.settle_by_barter(cid, "100.00", "  ")
    with pytest.raises(ValidationError):
        env.tools.settle_by_barter(cid, "600.00", "Comidas")
    barter = env.tools.settle_by_barter(cid, "500.00", "20 comidas a domicilio para el personal")
    assert barter.method is PaymentMethod.BARTER and barter.notes.startswith("20 comidas")
    assert env.customers.balance(cid).balance == Decimal("0.00")


def test_blocked_customer_needs_override_and_limit_warns(env: Env) -> None:
    cid = env.customer(limit="1000.00")
    env.invoice(cid, "900.00", START - timedelta(days=10), START + timedelta(days=20))
    ok = env.restrictions.check_credit(cid, Decimal("100.00"))
    assert not ok.blocked and not ok.over_limit and ok.messages == ()
    warn = env.restrictions.check_credit(cid, Decimal("100.01"))
    assert warn.over_limit and "límite" in warn.messages[0]
    with pytest.raises(ValidationError):
        env.restrictions.change(cid, "restricted", "45 días")  # needs the services limited
    env.restrictions.change(cid, "restricted", "45 días", "Timbrado de facturas")
    env.restrictions.change(cid, CustomerStatus.BLOCKED, "90 días sin pago")
    with pytest.raises(ValidationError) as err:
        env.restrictions.check_credit(cid, Decimal("10.00"))
    assert err.value.field == "override_reason"
    allowed = env.restrictions.check_credit(cid, Decimal("10.00"), "Pagó de contado el resto")
    assert allowed.blocked
    with pytest.raises(ValidationError):
        env.restrictions.change(cid, "suspended", "marcha atrás")
    history = env.restrictions.history(cid)
    assert [(h.from_status.value, h.to_status.value) for h in history] == [
        ("active", "restricted"), ("restricted", "blocked")
    ]  # fmt: skip
    assert history[0].effective_date == START


def test_risk_rating_from_history(env: Env) -> None:
    good = env.customer("Puntual")
    late = env.customer("Moroso")
    for month in range(6):
        issue = START - timedelta(days=200 - 30 * month)
        due = issue + timedelta(days=15)
        env.invoice(good, "1000.00", issue, due)
        env.invoice(late, "1000.00", issue, due)
        env.pay(good, "1000.00", due)
        if month < 5:
            env.pay(late, "1000.00", due + timedelta(days=25))
    env.go(START + timedelta(days=1))
    env.contacts.log(ContactInput(late, "phone", "dispute", reason="product_dispute"))
    profiles = env.risk.profiles([good, late])
    assert profiles[good].rating is Rating.A
    assert profiles[late].rating in (Rating.C, Rating.D)
    assert profiles[late].disputes == 1
    assert profiles[good].suggested_credit_limit > profiles[late].suggested_credit_limit
    # a chronic late payer follows the insistent track: calls mentioning penalties
    cid_items = {i.customer_id: i for i in env.agenda.agenda().items}
    assert late not in cid_items  # contacted today already (cap)


def test_agency_dossier_folder_and_zip(env: Env, tmp_path: Path) -> None:
    cid = env.customer("Ferretería «El Martillo» & Cía")
    inv = env.invoice(cid, "2500.00", START - timedelta(days=120), START - timedelta(days=95))
    env.pay(cid, "500.00", START - timedelta(days=60))
    env.contacts.log(
        ContactInput(cid, "visit", "refused", reason="refuses_no_reason", notes="No abrió <b>")
    )
    export = env.dossier.export(cid, tmp_path / "out", reason="Entregado a Despacho Ruiz")
    assert export.marked_agency and export.balance == Decimal("2000.00")
    pdf = (export.path / "expediente.pdf").read_bytes()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for needle in ("Ferretería «El Martillo» & Cía", "No abrió <b>", "$2,000.00", "$2,500.00"):
        assert needle in text
    rows = list(csv.DictReader((export.path / "facturas.csv").open(encoding="utf-8")))
    assert rows[0]["balance"] == "2000.00" and rows[0]["days_past_due"] == "95"
    assert env.customers.get(cid).status == "agency"
    env.go(START + timedelta(days=1))
    assert env.agenda.agenda().items == ()  # the ladder stops with the agency
    again = env.dossier.export(cid, tmp_path / "zips", as_zip=True)
    assert not again.marked_agency
    with zipfile.ZipFile(again.path) as archive:
        assert sorted(archive.namelist()) == ["expediente.pdf", "facturas.csv"]
    assert inv > 0


def test_contact_validation_changes_nothing(env: Env) -> None:
    cid = env.customer()
    bad = [
        ContactInput(cid, "fax", "contacted"),
        ContactInput(cid, "phone", "maybe"),
        ContactInput(cid, "phone", "refused"),  # needs a reason
        ContactInput(cid, "phone", "promise"),  # needs amount and date
        ContactInput(cid, "phone", "contacted", next_action_date=START),
        ContactInput(cid, "phone", "promise", promise_amount="0", promise_date=START),
    ]
    for data in bad:
        with pytest.raises(ValidationError):
            env.contacts.log(data)
    assert env.contacts.timeline(cid) == []
    logged = env.contacts.log(ContactInput(cid, "email", "contacted"))
    env.contacts.void(logged.id, "Registrado en el cliente equivocado")
    with pytest.raises(ConflictError):
        env.contacts.void(logged.id, "otra vez")
    assert env.contacts.timeline(cid) == []
    assert len(env.contacts.timeline(cid, include_voided=True)) == 1


def test_a_new_customer_has_no_history_and_no_suggested_limit(env: Env) -> None:
    """Not «B · Retrasos menores · límite sugerido $0.00»: nothing to rate yet."""
    new = env.customer("Recién llegado")
    future = env.customer("Con factura por vencer")
    env.invoice(future, "500.00", START, START + timedelta(days=30))
    profiles = env.risk.profiles([new, future])
    for cid in (new, future):
        assert not profiles[cid].has_history
        assert profiles[cid].rating_label == "Sin historial"
        assert profiles[cid].suggested_credit_limit == Decimal("0.00")
    env.go(START + timedelta(days=31))
    assert env.risk.profiles([future])[future].has_history


def test_a_dossier_is_never_written_into_the_books_backups(env: Env) -> None:
    from cobranza_desktop.storage.paths import backup_dir_for

    cid = env.customer()
    env.invoice(cid, "900.00", START - timedelta(days=120), START - timedelta(days=95))
    backups = backup_dir_for(env.book.path)
    with pytest.raises(ValidationError):
        env.dossier.export(cid, backups, as_zip=True)
    assert env.customers.get(cid).status != "agency"  # nothing written, nothing marked
    assert list(backups.glob("*.zip")) == []


def test_a_page_of_ratings_is_each_customers_own(env: Env) -> None:
    """The customer list asks for a page of ratings in one query set: each must be what
    the customer alone gets, with its credit limit and its average monthly purchases."""
    limited = env.customer("Con límite", limit="9000")
    plain = env.customer("Sin límite")
    quiet = env.customer("Sin compras")
    # Within the last 6 x 30 days: 1,200.00 + 600.00 = 1,800.00 -> 300.00 a month.
    env.invoice(limited, "1200.00", START - timedelta(days=20), START + timedelta(days=10))
    env.invoice(limited, "600.00", START - timedelta(days=90), START - timedelta(days=60))
    env.invoice(limited, "5000.00", START - timedelta(days=200), START - timedelta(days=170))
    voided = env.invoice(plain, "999.00", START - timedelta(days=5), START + timedelta(days=25))
    env.invoices.void(voided, "Capturada por error")
    env.invoice(plain, "300.00", START - timedelta(days=5), START + timedelta(days=25))
    page = env.risk.profiles([quiet, limited, plain])
    assert page == {cid: env.risk.profile(cid) for cid in (quiet, limited, plain)}
    assert page[limited].average_monthly_purchases == Decimal("300.00")
    assert page[limited].credit_limit == Decimal("9000.00")
    assert page[plain].average_monthly_purchases == Decimal("50.00")  # 300.00 / 6; void left out
    assert page[plain].credit_limit is None
    assert page[quiet].average_monthly_purchases == Decimal("0.00")
    with pytest.raises(NotFoundError):
        env.risk.profiles([limited, 999_999])
