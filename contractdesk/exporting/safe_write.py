"""Writing files so that a failure never leaves a half-written or lost file behind.

The new content goes to a temporary file in the target's folder (same file system, so
the final rename is atomic) and replaces the target only once complete. Whatever goes
wrong on the way (a full disk, a target locked by Excel, a cancel) removes the temporary
file and leaves the earlier target as it was.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from contractdesk.errors import UserError

KEPT = "The earlier file was kept."


def _write_failure(target: Path, error: OSError) -> UserError:
    if error.errno == errno.ENOSPC:
        reason = "the disk is full; free some space and try again"
    elif isinstance(error, PermissionError):
        reason = "permission denied (is it open in another program?)"
    else:
        reason = (error.strerror or str(error)).rstrip(".")
    return UserError(f"Cannot write {target}: {reason}. {KEPT}")


def _locked(target: Path) -> UserError:
    return UserError(f"{target} is locked (is it open in another program?); "
                     f"close it and try again. {KEPT}")


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yields a temporary file name to write; on success it replaces ``target``.

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
    os.close(fd)
    temp = Path(temp_name)
    try:
        try:
            yield temp
        except OSError as error:
            raise _write_failure(target, error) from error
        try:
            temp.replace(target)
        except PermissionError as error:
            raise _locked(target) from error
        except OSError as error:
            raise _write_failure(target, error) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_writer(target: Path, mode: str = "wb", encoding: str | None = "utf-8",
                  newline: str | None = None) -> Iterator[IO[Any]]:
    """Like :func:`atomic_path`, yielding the open file (flushed to disk before the rename).

    Raises:
        UserError: the folder is missing, the disk is full, or the target is locked.
    """
    with atomic_path(target) as temp:
        text_encoding = None if "b" in mode else encoding
        with open(temp, mode, encoding=text_encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
