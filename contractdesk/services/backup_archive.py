"""Backups that include documents: one zip with the database and the files it refers to.

Layout (``.zip``)::

    contractdesk-backup.json          {"format": "contractdesk-backup", "version": 1, ...}
    contractdesk.sqlite3              a consistent copy (SQLite's backup API)
    documents/ab/abcdef….bin          every stored file the copy's documents refer to

A plain ``.sqlite3`` backup stays what it was: the database alone. Restoring a zip
checks everything before the database is replaced: every entry must have one of the
names above (so no entry can be written outside the documents folder), every file
must match the hash in its name, and the database must be a sound ContractDesk one.
Restored files are added to the documents folder; none is ever deleted, since the
folder is content-addressed and other databases may refer to files in it. Sizes are
checked before anything is unpacked (:mod:`contractdesk.services.zip_limits`), and the
unpacking folder (``.restore-…`` beside the database) goes however the restore ends; one
left by a killed earlier restore is removed when the next one starts.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from contractdesk.db.backup import copy_database
from contractdesk.db.restore import KeepPrevious, restore_from, validate_backup
from contractdesk.errors import UserError
from contractdesk.exporting.safe_write import atomic_path
from contractdesk.services.documents import DocumentStore
from contractdesk.services.zip_limits import CappedReader, check_declared, copy_capped

ARCHIVE_SUFFIX = ".zip"
MANIFEST = "contractdesk-backup.json"
DATABASE = "contractdesk.sqlite3"
FORMAT = "contractdesk-backup"
VERSION = 1
_DOCUMENT_ENTRY = re.compile(r"^documents/([0-9a-f]{2})/(\1[0-9a-f]{62})\.bin$")
_WORK_PREFIX = ".restore-"

log = logging.getLogger("contractdesk.backup")


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    documents: int  # files included or restored
    missing: tuple[str, ...] = ()  # referenced by the database but not in the store
    previous: Path | None = None  # where a restore kept the database it replaced


def is_archive(path: Path) -> bool:
    return path.suffix.lower() == ARCHIVE_SUFFIX


def _referenced(db_copy: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db_copy}?mode=ro", uri=True)
    try:
        return sorted(str(row[0]) for row in
                      conn.execute("SELECT DISTINCT sha256 FROM document"))
    finally:
        conn.close()


def write_archive(db_path: Path, target: Path, store: DocumentStore) -> ArchiveSummary:
    """Writes the database and its documents to ``target`` (a zip), atomically.

    Files the database refers to but the store lacks are listed in the summary rather
    than failing the backup: a backup of what there is beats none.
    """
    with tempfile.TemporaryDirectory(prefix="contractdesk-backup-") as work:
        db_copy = Path(work) / DATABASE
        copy_database(db_path, db_copy)
        included: list[str] = []
        missing: list[str] = []
        for sha256 in _referenced(db_copy):
            (included if store.path_of(sha256).is_file() else missing).append(sha256)
        manifest = {"format": FORMAT, "version": VERSION, "documents": len(included),
                    "missing_documents": missing}
        with atomic_path(target, private=True) as temp, zipfile.ZipFile(
                temp, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
            archive.write(db_copy, DATABASE)
            for sha256 in included:
                archive.write(store.path_of(sha256),
                              f"documents/{sha256[:2]}/{sha256}.bin",
                              compress_type=zipfile.ZIP_STORED)
    return ArchiveSummary(len(included), tuple(missing))


def _document_entries(archive: zipfile.ZipFile, source: Path) -> dict[str, str]:
    """Entry name → hash for every document; refuses any entry of another shape."""
    names = archive.namelist()
    if DATABASE not in names:
        raise UserError(f"{source} is not a ContractDesk backup (no {DATABASE} inside); "
                        "nothing was restored.")
    documents: dict[str, str] = {}
    for name in names:
        if name in (DATABASE, MANIFEST) or name.endswith("/"):
            continue
        match = _DOCUMENT_ENTRY.fullmatch(name)
        if match is None:
            raise UserError(f"{source} contains an unexpected entry {name[:100]!r}; "
                            "nothing was restored.")
        documents[name] = match.group(2)
    return documents


def restore_archive(source: Path, db_path: Path, store: DocumentStore,
                    keep_previous: KeepPrevious | None = None) -> ArchiveSummary:
    """Replaces the database at ``db_path`` and adds the documents from ``source``.

    ``keep_previous`` keeps the current database (see :func:`restore_from`). Documents
    are verified and stored before the database is replaced, so a bad file leaves the
    database as it was.

    Raises:
        UserError: not a zip, not a ContractDesk backup, an unexpected entry, a file
            that does not match its hash, or a damaged or newer database.
    """
    _remove_stale_work(db_path.parent)
    try:
        with zipfile.ZipFile(source) as archive:
            documents = _document_entries(archive, source)
            check_declared(archive, source, DATABASE, db_path.parent)
            with tempfile.TemporaryDirectory(prefix=_WORK_PREFIX, dir=db_path.parent) as work:
                db_copy = Path(work) / DATABASE
                copy_capped(archive, DATABASE, source, db_copy)
                validate_backup(db_copy)
                for name, sha256 in documents.items():
                    entry = archive.getinfo(name)
                    with archive.open(entry) as packed:
                        store.put_stream(CappedReader(packed, entry, source),
                                         expected=sha256)
                previous = restore_from(db_copy, db_path, keep_previous)
    except zipfile.BadZipFile as error:
        raise UserError(f"{source} is not a readable backup archive ({error}); the "
                        "database was not restored.") from error
    return ArchiveSummary(len(documents), previous=previous)


def _remove_stale_work(folder: Path) -> None:
    """Removes unpacking folders that a killed restore (kill -9, power loss) left, each
    a database-sized copy. Another restore into the same folder at this very moment
    would lose its copy and fail with a message; two restores at once cannot both win
    anyway."""
    for stale in folder.glob(f"{_WORK_PREFIX}*"):
        if stale.is_dir():
            log.info("removing %s, left by an interrupted restore", stale)
            shutil.rmtree(stale, ignore_errors=True)
