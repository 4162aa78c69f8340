"""Writing files so that a failure never leaves a half-written or lost file behind.

The new content goes to a temporary file in the target's folder (same file system, so
the final rename is atomic) and replaces the target only once complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from contractdesk.errors import UserError


@contextmanager
def atomic_writer(target: Path, mode: str = "wb", encoding: str | None = "utf-8",
                  newline: str | None = None) -> Iterator[IO[Any]]:
    """Yields a file to write; on success it replaces ``target``, on error it vanishes.

    Raises:
        UserError: the folder is missing, the disk is full, or the target is locked.
    """
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"The folder {folder} does not exist.")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=folder)
    except OSError as error:
        raise UserError(f"Cannot write in {folder}: {error.strerror}.") from error
    temp = Path(temp_name)
    try:
        text_encoding = None if "b" in mode else encoding
        with os.fdopen(fd, mode, encoding=text_encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        try:
            temp.replace(target)
        except PermissionError as error:
            raise UserError(f"{target} is locked (is it open in another program?); "
                            "close it and try again. The earlier file was kept.") from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Like :func:`atomic_writer` for libraries that want a file name to write to."""
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"The folder {folder} does not exist.")
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        try:
            temp.replace(target)
        except PermissionError as error:
            raise UserError(f"{target} is locked (is it open in another program?); "
                            "close it and try again. The earlier file was kept.") from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
