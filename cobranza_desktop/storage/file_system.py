"""What the file system under a book allows, and file moves that survive Windows' habits.

**A book on a network drive** (a UNC path ``\\\\server\\share\\…`` or a mapped drive such as
``Z:`` that Windows reports as remote; on Linux an NFS or SMB mount): SQLite's WAL mode
keeps its index in shared memory (the ``-shm`` file mapped by every opener), which does
not work across computers, so two machines on one WAL book can corrupt it. The program
does not refuse such a book, because sharing one on the office's file server is what a
small business does, and the book's ``.lock`` file already keeps a second opener out, on
another computer too. It opens it in the rollback-journal mode (``journal_mode=DELETE``)
instead, which needs only file locks, and says so in the log.

**Antivirus and indexers on Windows** open a freshly written file for a moment; meanwhile
``os.replace`` and ``os.unlink`` fail with ``PermissionError`` (sharing violation). The
moves here retry a few times with a short backoff, on Windows only: elsewhere such an
error is real and is raised at once.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

log = logging.getLogger(__name__)

DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a network drive
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)  # seconds between tries, 1.55 s at most
# Linux file systems where several computers may open the same file.
NETWORK_FS_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afs", "ceph", "glusterfs"}
)


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _linux_mounts() -> list[tuple[str, str]]:
    """(mount point, file system type) of each mount, from /proc/self/mounts."""
    try:
        lines = Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((fields[1].replace("\\040", " "), fields[2]))
    return mounts


def is_network_path(
    path: Path | str,
    platform: str = sys.platform,
    drive_type: Callable[[str], int] = _windows_drive_type,
    mounts: Callable[[], list[tuple[str, str]]] = _linux_mounts,
) -> bool:
    """True when ``path`` lies on a drive that other computers may open too."""
    if platform == "win32":
        windows = PureWindowsPath(str(path))
        if windows.drive.startswith("\\\\") or str(path).startswith(("\\\\", "//")):
            return True  # UNC: \\server\share\... (or //server/share/...)
        if not windows.drive:
            return False
        return drive_type(windows.drive + "\\") == DRIVE_REMOTE
    if platform.startswith("linux"):
        target = os.path.abspath(str(path))
        best = ("", "")
        for point, fs_type in mounts():
            inside = target == point or target.startswith(point.rstrip("/") + "/")
            if inside and len(point) > len(best[0]):
                best = (point, fs_type)
        return best[1] in NETWORK_FS_TYPES
    return False


def journal_mode(path: Path | str, network: bool | None = None) -> str:
    """SQLite's journal mode for a book at ``path``: WAL, or DELETE on a network drive."""
    if network is None:
        network = is_network_path(path)
    if network:
        log.warning(
            "The book %s is on a network drive: opened with journal_mode=DELETE "
            "(WAL needs memory shared between the openers, which a network drive lacks).",
            path,
        )
        return "DELETE"
    return "WAL"


def _retrying(action: Callable[[], None], platform: str, sleep: Callable[[float], None]) -> None:
    if platform != "win32":
        action()
        return
    for delay in RETRY_DELAYS:
        try:
            action()
            return
        except PermissionError:
            sleep(delay)  # a scanner holds the file for a moment; try again
    action()  # the last try raises what it raises


def replace_file(
    source: Path | str,
    target: Path | str,
    platform: str = sys.platform,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """``os.replace``, retried briefly on Windows while another program holds a file."""
    _retrying(lambda: os.replace(source, target), platform, sleep)


def remove_file(
    path: Path | str,
    missing_ok: bool = True,
    platform: str = sys.platform,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """``Path.unlink``, retried briefly on Windows while another program holds the file."""
    _retrying(lambda: Path(path).unlink(missing_ok=missing_ok), platform, sleep)
