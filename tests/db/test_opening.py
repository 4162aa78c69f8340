"""Opening databases: new, migrated, refused (and then byte-identical)."""

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from contractdesk.db import migrate
from contractdesk.db.backup import backups_dir
from contractdesk.db.database import open_database
from contractdesk.errors import DatabaseError, NewerSchemaError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_head_with_sqlite_settings(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    assert {"organization", "agreement", "change"} <= set(inspect(db.engine).get_table_names())
    db.close()


def test_empty_file_is_migrated(db_path: Path) -> None:
    db_path.touch()
    db = open_database(db_path)
    assert "agreement" in inspect(db.engine).get_table_names()
    db.close()


def test_default_location_is_the_data_folder(data_home: Path) -> None:
    db = open_database(None)
    assert db.path == data_home / "contractdesk.sqlite3"
    db.close()


def test_environment_variable_names_the_database(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTRACTDESK_DB", str(tmp_path / "env.sqlite3"))
    db = open_database(None)
    assert db.path == tmp_path / "env.sqlite3"
    db.close()


def _stamp(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


def test_newer_schema_is_refused_and_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    _stamp(db_path, "9999_from_the_future")
    before = digest(db_path)
    with pytest.raises(NewerSchemaError, match="newer version of ContractDesk"):
        open_database(db_path)
    assert digest(db_path) == before
    assert not backups_dir(db_path).exists()


def test_text_file_is_refused_and_untouched(db_path: Path) -> None:
    db_path.write_text("Name;Vendor\nA;B\n")
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="not a ContractDesk database"):
        open_database(db_path)
    assert digest(db_path) == before


def damage(db_path: Path) -> None:
    """A ContractDesk database with one b-tree page scribbled over."""
    db = open_database(db_path)
    with db.transaction("cli") as session:
        session.execute(text("INSERT INTO organization (name, name_key, roles, status, notes,"
                             " version) VALUES ('A', 'a', '', 'approved', '', 1)"))
    db.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 2 + 8: page * 2 + 400] = b"\xff" * 392
    db_path.write_bytes(bytes(data))


def test_corrupt_database_is_refused_and_untouched(db_path: Path) -> None:
    damage(db_path)
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        open_database(db_path)
    assert digest(db_path) == before


def test_other_programs_sqlite_file_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE moz_places (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="another program"):
        open_database(db_path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(tmp_path / "nope" / "x.sqlite3")


def test_older_schema_is_backed_up_then_upgraded(db_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(db_path).close()
    real_head = migrate.head_revision()
    # Pretend this file predates the newest migration: opening must back up first.
    monkeypatch.setattr(migrate, "head_revision", lambda: "a-newer-head")
    monkeypatch.setattr(migrate, "upgrade_to_head", lambda conn: None)
    open_database(db_path).close()
    backups = list(backups_dir(db_path).glob("contractdesk-*-before-upgrade.sqlite3"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == real_head
    conn.close()


def test_locked_database_is_a_clear_error(db_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from contractdesk.db import database as database_module

    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 50)
    db = open_database(db_path)
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="locked"), db.transaction("cli") as session:
            session.execute(text("INSERT INTO change (at, source, user, entity, entity_id,"
                                 " label, action) VALUES (CURRENT_TIMESTAMP, 'x', '', 'x',"
                                 " 1, '', 'create')"))
    finally:
        blocker.rollback()
        blocker.close()
        db.close()
