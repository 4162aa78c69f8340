"""Attached files, kept by content hash in the data folder's ``documents/``.

The stored file's path comes only from the SHA-256 of its content
(``documents/ab/abcdef….bin``): the user's file name is a label in the database and
never part of a path, so no name (``../../etc/passwd``, ``C:\\x``, NUL bytes) can write
or open anything outside the folder. Equal content is stored once, however many
records it is attached to. Files are not deleted when a document row is: a stored
file is only garbage once no row refers to it, and backups take only referenced ones.
A file larger than the team's limit (the ``documents.max_mb`` preference) is refused
before a byte is copied, and the copy stops at the limit should the file grow meanwhile.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Document, Organization, Purchase
from contractdesk.errors import UserError, ValidationError
from contractdesk.paths import documents_dir
from contractdesk.services import preferences

CHUNK = 1024 * 1024
MAX_NAME = 255
FALLBACK_NAME = "document"
FALLBACK_TYPE = "application/octet-stream"
_HASH = re.compile(r"^[0-9a-f]{64}$")
_SEPARATORS = re.compile(r"[\\/]")


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class TooLarge(UserError):
    """A file over the attachment limit."""


@dataclass(frozen=True, slots=True)
class DocumentStore:
    """A folder of files named by their content hash."""

    root: Path

    def path_of(self, sha256: str) -> Path:
        """Where the content with this hash lives.

        Raises:
            UserError: ``sha256`` is not a SHA-256 hex digest (a damaged record); no
                path is built from it.
        """
        if not _HASH.fullmatch(sha256):
            raise UserError(f"The document record is damaged (its hash {sha256[:80]!r} "
                            "is not a SHA-256 digest).")
        return self.root / sha256[:2] / f"{sha256}.bin"

    def put_stream(self, source: Readable, expected: str | None = None,
                   max_bytes: int | None = None) -> tuple[str, int]:
        """Stores what ``source`` yields; returns its hash and size.

        The content goes to a temporary file in the store first and is renamed into
        place once complete, so a failure never leaves a half file under a hash name.

        Raises:
            UserError: ``expected`` is given and the content does not match it.
            TooLarge: ``source`` yields more than ``max_bytes``.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise TooLarge(f"The file is larger than {_megabytes(max_bytes)}, "
                                       "the most that may be attached.")
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            sha256 = digest.hexdigest()
            if expected is not None and sha256 != expected:
                raise UserError(f"A document does not match its hash {expected}; "
                                "nothing was restored.")
            target = self.path_of(sha256)
            if target.is_file():
                temp.unlink()
            else:
                target.parent.mkdir(exist_ok=True)
                temp.replace(target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return sha256, size

    def put_file(self, source: Path, max_bytes: int | None = None) -> tuple[str, int]:
        """Stores the file ``source``.

        Raises:
            TooLarge: it is larger than ``max_bytes`` (checked before copying, and
                again while copying).
        """
        with source.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise TooLarge(f"{source.name} is {_megabytes(size)}; files larger than "
                               f"{_megabytes(max_bytes)} cannot be attached (a team "
                               f"preference: {preferences.MAX_ATTACHMENT_MB.name}).")
            return self.put_stream(handle, max_bytes=max_bytes)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def default_store() -> DocumentStore:
    return DocumentStore(documents_dir())


def display_name(name: str) -> str:
    """The label shown for a file: its last path part, without control characters."""
    cleaned = "".join(ch for ch in unicodedata.normalize("NFC", name)
                      if unicodedata.category(ch)[0] != "C")
    last = _SEPARATORS.split(cleaned)[-1].strip()
    if last in ("", ".", ".."):
        return FALLBACK_NAME
    return last[:MAX_NAME]


def media_type(name: str) -> str:
    guessed, _encoding = mimetypes.guess_type(name, strict=False)
    return guessed or FALLBACK_TYPE


Owner = Organization | Purchase | Agreement


def _owner(organization: Organization | None, purchase: Purchase | None,
           agreement: Agreement | None) -> tuple[str, Owner]:
    """The one record a document belongs to, as (column name, record)."""
    owners = [(column, value) for column, value in (("organization_id", organization),
                                                    ("purchase_id", purchase),
                                                    ("agreement_id", agreement))
              if value is not None]
    if len(owners) != 1:
        raise ValidationError({"owner": "a document belongs to exactly one organization, "
                                        "purchase or agreement"})
    return owners[0]


def attach(session: Session, source: Path, *, organization: Organization | None = None,
           purchase: Purchase | None = None, agreement: Agreement | None = None,
           name: str | None = None, notes: str = "",
           store: DocumentStore | None = None) -> Document:
    """Stores ``source`` (once per content) and attaches it to one record.

    Args:
        name: the label to show; by default the file's own name. Only ever a label.

    Raises:
        ValidationError: not exactly one record to attach to.
        UserError: ``source`` is not a readable file.
        TooLarge: ``source`` is over the team's limit (``documents.max_mb``).
    """
    column, owner = _owner(organization, purchase, agreement)
    if not source.is_file():
        raise UserError(f"No such file: {source}")
    limit = preferences.get(session, preferences.MAX_ATTACHMENT_MB) * 1_000_000
    sha256, size = (store or default_store()).put_file(source, max_bytes=limit)
    label = display_name(name if name is not None else source.name)
    session.flush()  # a record created in this transaction needs its id
    document = Document(sha256=sha256, file_name=label, media_type=media_type(label),
                        size=size, notes=notes, **{column: owner.id})
    session.add(document)
    session.flush()
    return document


def documents_of(session: Session, *, organization: Organization | None = None,
                 purchase: Purchase | None = None,
                 agreement: Agreement | None = None) -> list[Document]:
    """The documents attached to one record, newest first."""
    column, owner = _owner(organization, purchase, agreement)
    return list(session.scalars(
        select(Document).where(getattr(Document, column) == owner.id)
        .order_by(Document.added_at.desc(), Document.id.desc())))


def stored_path(document: Document, store: DocumentStore | None = None) -> Path:
    """The file to open with the system viewer.

    Raises:
        UserError: the stored file is missing (restore a backup) or the record damaged.
    """
    path = (store or default_store()).path_of(document.sha256)
    if not path.is_file():
        raise UserError(f"The stored file of {document.file_name!r} is missing from "
                        f"{path.parent.parent}; restore a backup that includes documents.")
    return path
