"""install.sh and uninstall.sh from the bundle's tarball, in a throwaway home folder."""

from __future__ import annotations

import shlex
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.packaging.bundle import Bundle, run

pytestmark = pytest.mark.bundle

APP_ID = "mx.cobranza.Desktop"


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """A desktop user's environment: no COBRANZA_HOME, so books go to the data directory."""
    env = {
        "PATH": f"{home}/.local/bin:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    env.update(extra)
    return env


@pytest.fixture
def unpacked(bundle: Bundle, tmp_path: Path) -> Path:
    with tarfile.open(bundle.tarball) as archive:
        archive.extractall(tmp_path / "download", filter="tar")
    (folder,) = (tmp_path / "download").iterdir()
    return folder


def installed_paths(home: Path) -> dict[str, Path]:
    share = home / ".local" / "share"
    return {
        "program": home / ".local" / "opt" / "cobranza-desktop" / "app" / "cobranza-desktop",
        "cobranza": home / ".local" / "bin" / "cobranza",
        "cobranza-desktop": home / ".local" / "bin" / "cobranza-desktop",
        "desktop": share / "applications" / f"{APP_ID}.desktop",
        "metainfo": share / "metainfo" / f"{APP_ID}.metainfo.xml",
        "mime": share / "mime" / "packages" / f"{APP_ID}.xml",
        "icon": share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        "icon256": share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png",
    }


def desktop_exec(desktop: Path, file: Path) -> list[str]:
    """The command a file manager runs to open ``file`` with the desktop entry."""
    line = next(x for x in desktop.read_text().splitlines() if x.startswith("Exec="))
    return [str(file) if part == "%f" else part for part in shlex.split(line[len("Exec=") :])]


def test_install_open_a_book_from_the_file_manager_then_uninstall(
    unpacked: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = user_env(home)
    done = run(["sh", unpacked / "install.sh"], env)
    assert done.returncode == 0, done.stderr
    # Running it again upgrades in place.
    done = run(["sh", unpacked / "install.sh"], env)
    assert done.returncode == 0, done.stderr
    paths = installed_paths(home)
    assert [name for name, path in paths.items() if not path.is_file()] == []

    # The launchers on PATH, and the user's own book in the data directory.
    done = run(["cobranza", "--version"], env)
    assert done.returncode == 0 and done.stdout.startswith("cobranza "), done.stderr
    done = run(["cobranza", "demo", "--customers", "5", "--no-open"], env)
    assert done.returncode == 0, done.stderr
    data_dir = home / ".local" / "share" / "cobranza-desktop"
    user_book = data_dir / "demo.sqlite"
    assert user_book.is_file()

    # The desktop entry is valid, and the desktop knows the book's file type and its program.
    desktop = paths["desktop"]
    validated = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    share = home / ".local" / "share"
    assert "application/x-cobranza-book:*.cobranza" in (share / "mime" / "globs2").read_text()
    cache = (share / "applications" / "mimeinfo.cache").read_text()
    assert f"application/x-cobranza-book={APP_ID}.desktop;" in cache
    assert f"application/vnd.sqlite3={APP_ID}.desktop;" in cache

    # Opening a file from the file manager runs Exec with %f: that book is opened, the
    # window shows and the book is ready. No default book exists in this home, so a
    # window on any other book would have failed.
    opened = tmp_path / "Mis libros" / "Ferretería 2026.cobranza"
    opened.parent.mkdir()
    done = run(["cobranza", "demo", "--book", opened, "--customers", "3", "--no-open"], env)
    assert done.returncode == 0, done.stderr
    command = desktop_exec(desktop, opened)
    assert Path(command[0]).is_absolute()
    done = run(command, user_env(home, COBRANZA_STARTUP_PROBE="1"), timeout=60)
    assert done.returncode == 0, done.stderr
    assert "book ready" in done.stdout, done.stdout
    assert not (data_dir / "cobranza.sqlite").exists()

    # Uninstall: everything install.sh put down goes, the books stay, intact.
    uninstall = home / ".local" / "opt" / "cobranza-desktop" / "uninstall.sh"
    done = run(["sh", uninstall], env)
    assert done.returncode == 0, done.stderr
    assert [name for name, path in paths.items() if path.exists()] == []
    assert not (home / ".local" / "opt" / "cobranza-desktop").exists()
    assert APP_ID not in (share / "applications" / "mimeinfo.cache").read_text()
    assert "x-cobranza-book" not in (share / "mime" / "globs2").read_text()
    assert user_book.is_file() and opened.is_file()
    with sqlite3.connect(user_book) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM customers").fetchone() == (5,)


def test_install_refuses_a_folder_without_the_program(tmp_path: Path, unpacked: Path) -> None:
    stray = tmp_path / "stray"
    stray.mkdir()
    (stray / "install.sh").write_bytes((unpacked / "install.sh").read_bytes())
    home = tmp_path / "home"
    home.mkdir()
    done = run(["sh", stray / "install.sh"], user_env(home))
    assert done.returncode == 2
    assert not (home / ".local").exists()  # nothing written
