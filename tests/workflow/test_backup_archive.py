"""Backups with documents: round trip, and restores that refuse hostile archives."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Document, Organization
from contractdesk.errors import UserError
from contractdesk.services.backup_archive import DATABASE, MANIFEST, restore_archive, write_archive
from contractdesk.services.documents import attach, default_store

CONTENT = b"signed quote"


@pytest.fixture
def database(sqlite_database: Database) -> Database:
    """Zip backups are of SQLite files; a server's backup is a JSON export."""
    return sqlite_database


@pytest.fixture
def with_document(database: Database, tmp_path: Path) -> str:
    source = tmp_path / "quote.pdf"
    source.write_bytes(CONTENT)
    with database.transaction("cli") as session:
        org = Organization(name="Bechtle")
        session.add(org)
        return attach(session, source, organization=org).sha256


def organizations(db_path: Path) -> list[str]:
    database = open_database(db_path)
    try:
        with database.session("cli") as session:
            return list(session.scalars(select(Organization.name).order_by(Organization.name)))
    finally:
        database.close()


def test_zip_backup_round_trips_database_and_documents(
        database: Database, db_path: Path, with_document: str, tmp_path: Path) -> None:
    target = tmp_path / "backup.zip"
    database.close()
    summary = write_archive(db_path, target, default_store())
    assert (summary.documents, summary.missing) == (1, ())
    entry = f"documents/{with_document[:2]}/{with_document}.bin"
    assert set(zipfile.ZipFile(target).namelist()) == {MANIFEST, DATABASE, entry}

    stored = default_store().path_of(with_document)
    stored.unlink()
    database = open_database(db_path)
    with database.transaction("cli") as session:
        session.add(Organization(name="Added after the backup"))
    database.close()

    restored = restore_archive(target, db_path, default_store())
    assert restored.documents == 1
    assert stored.read_bytes() == CONTENT
    assert organizations(db_path) == ["Bechtle"]


def test_backup_lists_documents_missing_from_the_store(
        database: Database, db_path: Path, with_document: str, tmp_path: Path) -> None:
    default_store().path_of(with_document).unlink()
    database.close()
    summary = write_archive(db_path, tmp_path / "b.zip", default_store())
    assert (summary.documents, summary.missing) == (0, (with_document,))


def archive_with(tmp_path: Path, db_path: Path, name: str, content: bytes) -> Path:
    target = tmp_path / "hostile.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(db_path, DATABASE)
        archive.writestr(name, content)
    return target


@pytest.mark.parametrize("entry", [
    "../evil.bin", "/tmp/evil.bin", "documents/ab/../../../evil.bin",
    "documents/" + "a" * 64 + ".bin", "documents/00/" + "a" * 64 + ".bin", "notes.txt",
    "documents/aa/" + "a" * 64 + ".bin\x00"])
def test_restore_refuses_unexpected_entries_and_changes_nothing(
        database: Database, db_path: Path, with_document: str, tmp_path: Path,
        entry: str) -> None:
    database.close()
    hostile = archive_with(tmp_path, db_path, entry, b"x")
    before = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    database = open_database(db_path)
    with database.transaction("cli") as session:
        session.add(Organization(name="Kept"))
    database.close()
    with pytest.raises(UserError, match=r"nothing was restored|not a readable"):
        restore_archive(hostile, db_path, default_store())
    assert organizations(db_path) == ["Bechtle", "Kept"]
    after = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert [p for p in after if p not in before and "test.sqlite3" not in p.name] == []


def test_restore_refuses_a_document_that_does_not_match_its_hash(
        database: Database, db_path: Path, with_document: str, tmp_path: Path) -> None:
    database.close()
    other = "b" * 64
    hostile = archive_with(tmp_path, db_path, f"documents/bb/{other}.bin", b"tampered")
    with pytest.raises(UserError, match="does not match"):
        restore_archive(hostile, db_path, default_store())
    assert not default_store().path_of(other).exists()


def test_restore_refuses_what_is_not_a_backup(database: Database, db_path: Path,
                                              tmp_path: Path) -> None:
    database.close()
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    with pytest.raises(UserError, match="not a readable backup"):
        restore_archive(junk, db_path, default_store())
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UserError, match="not a ContractDesk backup"):
        restore_archive(empty, db_path, default_store())


def test_document_rows_survive_the_round_trip(
        database: Database, db_path: Path, with_document: str, tmp_path: Path) -> None:
    database.close()
    target = tmp_path / "b.zip"
    write_archive(db_path, target, default_store())
    restore_archive(target, db_path, default_store())
    database = open_database(db_path)
    with database.session("cli") as session:
        assert session.scalar(select(func.count(Document.id))) == 1
    database.close()
