"""Limits on what a backup archive may unpack to, checked before a byte is written.

A zip says how large each entry is and how small it was packed; both can be forged,
so the declared sizes are checked first (a 6 GiB "database" is refused at once, not
after filling the disk), and every entry is then read through a ceiling at its
declared size, so an entry that inflates beyond what it claimed stops there too.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import IO

from contractdesk.errors import UserError

MAX_DATABASE_BYTES = 2 * 1024**3  # a hundred times a large register
MAX_RATIO = 100  # unpacked / packed, past RATIO_FLOOR (a SQLite file packs 3-10 to 1)
RATIO_FLOOR = 16 * 1024 * 1024
SPARE_BYTES = 64 * 1024 * 1024  # left free after unpacking, so the database can work


class ArchiveTooLarge(UserError):
    """The archive would unpack to more than it may."""


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"


def check_declared(archive: zipfile.ZipFile, source: Path, database: str,
                   folder: Path) -> None:
    """Refuses, before unpacking, an archive whose entries claim too much.

    Raises:
        ArchiveTooLarge: the database entry is larger than any real one, an entry is
            packed implausibly tightly, or the whole would not fit on ``folder``'s disk.
    """
    total = 0
    for entry in archive.infolist():
        if entry.filename == database and entry.file_size > MAX_DATABASE_BYTES:
            raise ArchiveTooLarge(f"{source} claims a database of {_mb(entry.file_size)}, "
                                  f"more than the {_mb(MAX_DATABASE_BYTES)} a backup may "
                                  "hold; nothing was restored.")
        if (entry.file_size > RATIO_FLOOR
                and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)):
            raise ArchiveTooLarge(f"{source} has an entry packed more than {MAX_RATIO} to 1 "
                                  f"({entry.filename[:100]!r}, {_mb(entry.file_size)}), "
                                  "as a zip bomb is; nothing was restored.")
        total += entry.file_size
    free = shutil.disk_usage(folder).free
    if total + SPARE_BYTES > free:
        raise ArchiveTooLarge(f"{source} unpacks to {_mb(total)} but only {_mb(free)} are "
                              f"free in {folder}; free some space first. Nothing was "
                              "restored.")


class CappedReader:
    """Reads an entry, failing once it yields more than it declared."""

    def __init__(self, packed: IO[bytes], entry: zipfile.ZipInfo, source: Path) -> None:
        self._packed = packed
        self._left = entry.file_size
        self._name = entry.filename
        self._source = source

    def read(self, size: int = -1) -> bytes:
        chunk = self._packed.read(self._left + 1 if size < 0 else min(size, self._left + 1))
        self._left -= len(chunk)
        if self._left < 0:
            raise ArchiveTooLarge(f"{self._source}: {self._name[:100]!r} unpacks to more "
                                  "than it declares; nothing was restored.")
        return chunk


def copy_capped(archive: zipfile.ZipFile, name: str, source: Path, target: Path) -> None:
    """Unpacks one entry to ``target`` through the ceiling."""
    entry = archive.getinfo(name)
    with archive.open(entry) as packed, target.open("wb") as unpacked:
        shutil.copyfileobj(CappedReader(packed, entry, source), unpacked)
