"""`cobranza users …` and `cobranza audit …`: the office from the command line."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from cobranza_desktop.cli import main


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "oficina.sqlite"
    assert main(["new", "--book", str(path), "--name", "Papelería Sol"]) == 0
    return path


def test_users_are_listed_added_and_changed(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    me = getpass.getuser()
    capsys.readouterr()
    assert main(["users", "list", "--book", str(book)]) == 0
    assert f"({me}) es su dueño" in capsys.readouterr().out
    assert main(["users", "add", "carla", "collector", "--name", "Carla", "--book", str(book)]) == 0
    assert main(["users", "set-role", "carla", "read-only", "--book", str(book)]) == 0
    capsys.readouterr()
    assert main(["--json", "users", "list", "--book", str(book)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["me"] == {"login": me, "role": "owner"}
    assert {(u["login"], u["role"], u["active"]) for u in listed["users"]} == {
        ("carla", "read_only", True),
        (me, "owner", True),
    }
    assert main(["users", "deactivate", "carla", "--book", str(book)]) == 0
    assert "carla — Carla: Solo lectura (dado de baja)" in capsys.readouterr().out


def test_bad_input_is_one_line_and_exit_2(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["users", "add", "carla", "jefa", "--book", str(book)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Rol desconocido «jefa»" in err[0]
    assert main(["users", "deactivate", "nadie", "--book", str(book)]) == 2
    assert "No hay ningún usuario «nadie»" in capsys.readouterr().err


def test_audit_prints_who_did_what(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["users", "add", "carla", "collector", "--book", str(book)])
    capsys.readouterr()
    assert main(["audit", "--json", "--book", str(book)]) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    actions = [(e["action"], e["user"]) for e in entries]
    me = getpass.getuser()
    assert ("user.added", me) in actions
    assert ("profile.changed", me) in actions
    assert set(entries[0]) == {
        "at",
        "user",
        "action",
        "entity",
        "entity_id",
        "customer_id",
        "summary",
        "details",
    }
    assert main(["audit", "--book", str(book)]) == 0
    assert "Usuario dado de alta" in capsys.readouterr().out
    assert main(["audit", "--json", "--since", "2999-01-01", "--book", str(book)]) == 0
    assert json.loads(capsys.readouterr().out) == {"entries": []}
    assert main(["audit", "--customer", "99", "--book", str(book)]) == 0
    assert "No hay movimientos registrados." in capsys.readouterr().out
