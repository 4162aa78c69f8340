"""Writing files so that a failure never leaves a half-written or lost file behind.

The new content goes to a temporary file in the target's folder (same file system, so
the final rename is atomic) and replaces the target only once complete. Whatever goes
wrong on the way (a full disk, a target locked by Excel, a cancel, Ctrl+C) removes the
temporary file and leaves the earlier target as it was. The new file keeps the
permissions of the one it replaces (a new one gets 0666 less the umask, as any program
creating a file would), unless it is private (a backup: 0600).
"""

from __future__ import annotations

import errno
import gc
import logging
import os
import secrets
import stat
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from contractdesk.errors import UserError

log = logging.getLogger("contractdesk.exporting")

KEPT = "The earlier file was kept."
PRIVATE = 0o600
_NEW_FILE = 0o666  # less the umask, which the system applies when creating the file


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


def _create_temp(target: Path, private: bool) -> Path:
    """An empty temporary file beside ``target`` with the permissions the result must
    have (``tempfile.mkstemp`` would always make it 0600)."""
    if private:
        mode, exact = PRIVATE, True
    elif target.is_file():
        mode, exact = stat.S_IMODE(target.stat().st_mode), True
    else:
        mode, exact = _NEW_FILE, False
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        break
    os.close(fd)
    if exact:
        os.chmod(temp, mode)  # the umask may have taken bits the earlier file had
    return temp


def _log_unraisable(unraisable: Any) -> None:
    log.debug("while discarding a failed write: %s", unraisable.exc_value)


def _discard_failed_writer(error: BaseException) -> None:
    """Lets go of what the failed writer still holds, now and quietly.

    A writer that fails half-way (openpyxl's zip on a full disk) leaves its file open
    in the frames of the traceback; when those are freed at exit, closing the file
    fails again and Python prints that second failure as a traceback after our one
    sentence. Clearing the frames closes it here, with that echo only logged.
    """
    previous = sys.unraisablehook
    sys.unraisablehook = _log_unraisable
    try:
        traceback.clear_frames(error.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = previous


@contextmanager
def atomic_path(target: Path, *, private: bool = False) -> Iterator[Path]:
    """Yields a temporary file name to write; on success it replaces ``target``.

    Raises:
        UserError: the folder is missing, the disk is full, or the target is locked.
    """
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"The folder {folder} does not exist.")
    try:
        temp = _create_temp(target, private)
    except OSError as error:
        raise UserError(f"Cannot write in {folder}: {error.strerror}.") from error
    try:
        try:
            yield temp
        except OSError as error:
            _discard_failed_writer(error)
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
