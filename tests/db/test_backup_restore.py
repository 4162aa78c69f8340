import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contractdesk.db.backup import automatic_backup, backups_dir, copy_database
from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Organization
from contractdesk.db.restore import restore_from
from contractdesk.errors import DatabaseError, NewerSchemaError
from contractdesk.services import records


def count_orgs(db: Database) -> int:
    with db.session("cli") as session:
        return session.scalar(select(func.count(Organization.id))) or 0


def test_backup_and_restore_round_trip(sqlite_database: Database, tmp_path: Path) -> None:
    with sqlite_database.transaction("cli") as session:
        records.create(session, Organization, name="Before")
    copy = tmp_path / "copy.sqlite3"
    copy_database(sqlite_database.path, copy)  # type: ignore[arg-type]
    with sqlite_database.transaction("cli") as session:
        records.create(session, Organization, name="After")
    assert count_orgs(sqlite_database) == 2
    sqlite_database.close()
    restore_from(copy, sqlite_database.path)  # type: ignore[arg-type]
    reopened = open_database(sqlite_database.path)
    assert count_orgs(reopened) == 1
    reopened.close()


def test_backups_rotate(sqlite_database: Database) -> None:
    path = sqlite_database.path
    assert path is not None
    for _ in range(4):
        automatic_backup(path, "test", keep=3)
    assert len(list(backups_dir(path).glob("contractdesk-*.sqlite3"))) == 3


def test_restore_refuses_a_file_that_is_not_a_backup(sqlite_database: Database,
                                                     tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(DatabaseError, match="not a ContractDesk database"):
        restore_from(bogus, sqlite_database.path)  # type: ignore[arg-type]
    foreign = tmp_path / "foreign.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(DatabaseError, match="not a ContractDesk backup"):
        restore_from(foreign, sqlite_database.path)  # type: ignore[arg-type]


def test_restore_refuses_a_newer_backup(sqlite_database: Database, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    copy_database(sqlite_database.path, newer)  # type: ignore[arg-type]
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'zzz'")
    conn.commit()
    conn.close()
    with pytest.raises(NewerSchemaError):
        restore_from(newer, sqlite_database.path)  # type: ignore[arg-type]
