"""The Linux bundle, built once per test session from this checkout by packaging/build.sh.

Nothing is cached between sessions: the build venv, PyInstaller's work folder and the
bundle all live in the session's temporary folder. If system libraries or PyInstaller are
missing, the build script installs them (its own build venv, Debian packages).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build.sh"
# PyInstaller on two busy cores takes a few minutes; CI's whole run has 90.
BUILD_TIMEOUT = 1800


@dataclass(frozen=True)
class Bundle:
    folder: Path  # the one-folder bundle
    tarball: Path
    build_seconds: float

    @property
    def executable(self) -> Path:
        return self.folder / "cobranza-desktop"


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives the program: no venv, no PYTHONPATH, offscreen Qt."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "COBRANZA_HOME": str(home / "cobranza-home"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    env.update(extra)
    return env


def run(
    command: Sequence[str | Path], env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def build_bundle(out: Path) -> Bundle:
    env = dict(os.environ)
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)
    started = time.perf_counter()
    done = subprocess.run(
        ["bash", str(BUILD_SCRIPT), str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=BUILD_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    assert done.returncode == 0, f"build failed:\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    tarball = Path(done.stdout.strip().splitlines()[-1])
    assert tarball.is_file() and tarball.name.endswith(".tar.gz"), done.stdout
    return Bundle(out / "dist" / "cobranza-desktop", tarball, seconds)


# The bundles built in this session, for the closing summary.
BUILT: list[Bundle] = []


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    built = build_bundle(tmp_path_factory.mktemp("bundle"))
    BUILT.append(built)
    return built
