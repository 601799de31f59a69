"""`cobranza announce` and `cobranza terms`, as a script runs them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.penalties import PenaltyPolicy
from cobranza_desktop.services.book.workspace import Workspace


def test_announce_previews_then_prepares_whatsapp_links(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws.customers.create(CustomerData(name="Ana Abarrotes", phone="55 1234 5678"))
    ws.customers.create(CustomerData(name="Sin Teléfono"))
    body = tmp_path / "aviso.txt"
    body.write_text("Hola {{ contact_name }}: cerramos el 24 de diciembre.", encoding="utf-8")
    base = ["announce", "--book", str(ws.book_path), "--title", "Cierre", "--body-file", str(body),
            "--date", "2026-11-23"]  # fmt: skip
    ws.close()
    assert main([*base, "--channel", "whatsapp", "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["sent"] is False and preview["recipients"] == 1
    assert (
        preview["samples"][0]["body"].strip() == "Hola Ana Abarrotes: cerramos el 24 de diciembre."
    )
    assert preview["left_out"][0]["customer"] == "Sin Teléfono"
    assert main([*base, "--channel", "whatsapp", "--send"]) == 0
    out = capsys.readouterr().out
    assert "Ana Abarrotes: https://wa.me/52" in out
    bad = tmp_path / "malo.txt"
    bad.write_text("Hola {{ nombre }}", encoding="utf-8")
    argv = ["announce", "--book", str(ws.book_path), "--title", "X", "--body-file", str(bad),
            "--date", "2026-11-23"]  # fmt: skip
    assert main([*argv, "--channel", "whatsapp"]) == 2


def test_terms_sign_and_outdated(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    cid = ws.customers.create(CustomerData(name="Ana Abarrotes", phone="55 1234 5678")).id
    path = str(ws.book_path)
    ws.close()
    assert main(["terms", "--book", path, "sign", str(cid), "--date", "2026-11-01"]) == 0
    assert "Ana Abarrotes: firmó la versión" in capsys.readouterr().out
    assert main(["terms", "--book", path, "outdated", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    from cobranza_desktop.services.book.workspace import open_workspace

    again = open_workspace(Path(path), ws.clock)
    again.penalties.set_business_policy(PenaltyPolicy.legal())
    again.close()
    assert main(["terms", "--book", path, "outdated", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["customer_id"] == cid and row["signed_on"] == date(2026, 11, 1).isoformat()
    assert row["changed"] == ["Intereses moratorios y cargos por atraso"]
    assert main(["terms", "--book", path, "sign", "999"]) == 2
