"""Global options are read wherever they are written: before or after the verb name."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.cli import VERBS, build_parser, main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.demo import build_demo_book
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.paths import backup_dir_for


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with open_book(path, create=True) as book:
        build_demo_book(book, FixedClock.on(date(2026, 11, 22)), customers=6, seed=5)
    return path


@pytest.fixture
def demo(demo_source: Path, tmp_path: Path) -> Path:
    path = tmp_path / "libro.sqlite"
    shutil.copyfile(demo_source, path)
    return path


def _customer_with_invoices(book: Path) -> int:
    import sqlite3

    with sqlite3.connect(book) as raw:
        row = raw.execute("SELECT MIN(customer_id) FROM invoices").fetchone()
    return int(row[0])


def _lines(book: Path, out: Path) -> dict[str, list[str]]:
    """For each verb, its arguments after the verb name (no --book)."""
    customer = str(_customer_with_invoices(book))
    return {
        "aging": ["aging", "--as-of", "2026-11-22"],
        "check": ["check"],
        "agenda": ["agenda", "--date", "2026-11-23"],
        "penalties": ["penalties", "--as-of", "2026-11-22"],
        "send": ["send", "--dry-run", "--date", "2026-11-23"],
        "pdf": ["pdf", "statement", customer, "--out", str(out)],
        "backup": ["backup"],
        "restore": ["restore", "--list"],
    }


def test_every_verb_reads_the_global_options_in_both_places() -> None:
    parser = build_parser()
    for verb in VERBS:
        tail = {
            "pdf": ["letters", "--out", "x.pdf"],
            "restore": ["--list"],
            "import": ["cfdi", "x.xml"],
            "export": ["invoices"],
            "users": ["list"],
            "refund": ["1", "10.00", "--reason", "x"],
            "book": ["copy", "a.sqlite", "b.sqlite"],
            "payment": ["reverse", "1", "--reason", "x"],
            "credit": ["apply", "1"],
            "invoice": ["extend", "1", "--to", "2026-12-01", "--reason", "x"],
            "dossier": ["1", "--out", "x.zip"],
            "discount": ["1", "10", "--reason", "x"],
            "barter": ["1", "10", "--description", "x"],
            "customer": ["1", "invoices"],
            "void": ["contact", "1", "--reason", "x"],
            "promise": ["1", "10", "--date", "2026-12-01"],
            "prepay": ["1"],
            "announce": ["--title", "Aviso", "--body-file", "aviso.txt"],
            "terms": ["outdated"],
        }.get(verb, [])
        before = parser.parse_args(["--book", "B.sqlite", "--lang", "en", verb, *tail])
        after = parser.parse_args([verb, *tail, "--book", "B.sqlite", "--lang", "en"])
        for args in (before, after):
            assert (args.verb, args.book, args.lang) == (verb, Path("B.sqlite"), "en"), verb


@pytest.mark.parametrize(
    "verb", ["aging", "check", "agenda", "penalties", "send", "pdf", "backup", "restore"]
)
@pytest.mark.parametrize("where", ["before", "after"])
def test_each_verb_opens_the_book_named_before_or_after_it(
    verb: str, where: str, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No default book exists: a verb that ignored --book would fail with exit code 2.
    out = tmp_path / "estado.pdf"
    line = _lines(demo, out)[verb]
    argv = ["--book", str(demo), *line] if where == "before" else [*line, "--book", str(demo)]
    if verb == "restore":
        main(["backup", "--book", str(demo)])
        capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    if verb == "pdf":
        assert out.read_bytes().startswith(b"%PDF")
    if verb in ("backup", "restore"):
        (made,) = backup_dir_for(demo).glob("*.sqlite")
        assert verb == "backup" or str(made) in captured.out


@pytest.mark.parametrize("verb", ["new", "demo"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_new_and_demo_create_the_book_named_before_or_after_them(
    verb: str, where: str, tmp_path: Path
) -> None:
    path = tmp_path / "nuevo.sqlite"
    line = [verb, "--customers", "3", "--no-open"] if verb == "demo" else [verb, "--name", "Ana"]
    argv = ["--book", str(path), *line] if where == "before" else [*line, "--book", str(path)]
    assert main(argv) == 0
    assert path.stat().st_size > 0


@pytest.mark.parametrize("verb", ["aging", "agenda", "penalties"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_json_and_lang_before_or_after_the_verb(
    verb: str, where: str, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _lines(demo, demo.with_name("x.pdf"))[verb]
    options = ["--book", str(demo), "--json"]
    argv = [*options, *line] if where == "before" else [*line, *options]
    assert main(argv) == 0
    assert isinstance(json.loads(capsys.readouterr().out), dict)
    english = (
        ["--lang", "en", *line, "--book", str(demo)]
        if where == "before"
        else [
            *line,
            "--lang",
            "en",
            "--book",
            str(demo),
        ]
    )
    assert main(english) == 0
    title = capsys.readouterr().out.splitlines()[0]
    assert title.startswith(("Aging report", "Collections agenda", "Penalties due"))


def test_json_where_it_does_not_apply_is_one_line_and_exit_2(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--json", "check", "--book", str(demo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "JSON" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["aging", "--as-of", "mañana"],
        ["pdf", "invoice"],
        ["nosuchverb"],
        ["backup", "--bogus"],
        ["restore", "--book"],
        ["--lang", "fr", "check"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("cobranza")
