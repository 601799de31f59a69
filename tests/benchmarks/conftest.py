"""Fixtures for the large benchmark book, built once and cached between runs (see book_cache)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cobranza_desktop.storage.database import Book, open_book
from tests.benchmarks.book_cache import BenchParameters, bench_parameters, cached_book_path
from tests.benchmarks.large_book import build_large_book


@pytest.fixture(scope="session")
def installed_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for timing a command as the installed program runs: with bytecode.

    pip and PyInstaller ship compiled modules; a shell that sets PYTHONDONTWRITEBYTECODE
    would time the compiling of every module on every run instead. The bytecode goes to a
    folder of the session's own, so the checkout stays clean.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path_factory.mktemp("bytecode"))
    return env


@pytest.fixture(scope="session")
def bench_params() -> BenchParameters:
    return bench_parameters()


@pytest.fixture(scope="session")
def large_book_path(bench_params: BenchParameters) -> Path:
    """The cached large book, built on first use (written aside, then renamed into place)."""
    path = cached_book_path(bench_params)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.partial-{os.getpid()}.sqlite")
        try:
            build_large_book(
                partial,
                bench_params.customers,
                bench_params.invoices,
                bench_params.seed,
                bench_params.today,
            )
            os.replace(partial, path)
        finally:
            for leftover in (partial, Path(f"{partial}.lock")):
                leftover.unlink(missing_ok=True)
    return path


@pytest.fixture(scope="session")
def large_book(large_book_path: Path) -> Iterator[Book]:
    """The large book, opened the way the program opens it."""
    book = open_book(large_book_path)
    try:
        yield book
    finally:
        book.close()
