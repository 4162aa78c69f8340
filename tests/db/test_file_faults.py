"""A sound database on a full disk or in a read-only folder, a damaged one being
restored over, and copies that stop half-way: real reasons, no debris (issue 22)."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from contractdesk.cli import EXIT_INTERRUPTED, EXIT_USER_ERROR, main
from contractdesk.db import sqlite_files
from contractdesk.db.sqlite_files import write_reason
from tests.db.test_opening import damage

SIDECAR_NAMES = ("-wal", "-shm", "-journal")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name
                  and p.name.startswith(path.name))


@pytest.fixture
def sample_file(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, _, err = run(capsys, "--db", str(db_path), "sample")
    assert code == 0, err
    assert beside(db_path) == []  # WAL checkpointed and removed on close
    return db_path


class Usage(NamedTuple):
    total: int
    used: int
    free: int


@pytest.fixture
def full_disk(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The disk is full as SQLite meets it in WAL mode: the ``-shm`` lock file cannot be
    made (a link to nowhere in its place fails even for root) and no space is left."""
    if os.name != "posix":
        pytest.skip("symbolic links")
    Path(f"{sample_file}-shm").symlink_to(sample_file.parent / "nowhere" / "shm")
    monkeypatch.setattr(sqlite_files.shutil, "disk_usage", lambda _folder: Usage(1, 1, 0))
    return sample_file


def test_full_disk_is_named_and_reading_commands_read(
        full_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = full_disk.read_bytes()
    for command in (["check"], ["renewals", "--json"]):
        code, _, err = run(capsys, "--db", str(full_disk), *command)
        assert code == 0, err
        assert "read-only" in err and "is full" in err and "damaged" not in err
    assert "Integrity: ok" in run(capsys, "--db", str(full_disk), "check")[1]
    code, _, err = run(capsys, "--db", str(full_disk), "preferences", "own.name=Us")
    assert code == EXIT_USER_ERROR
    assert "is open read-only because the disk holding" in err and "nothing was changed" in err
    assert full_disk.read_bytes() == before
    assert beside(full_disk) == [f"{full_disk.name}-shm"]  # only the obstacle itself


def test_writing_commands_name_the_full_disk_when_nothing_can_be_read_only(
        full_disk: Path) -> None:
    from contractdesk.db.database import open_database
    from contractdesk.db.sqlite_files import UnwritableDatabaseError

    with pytest.raises(UnwritableDatabaseError, match=r"Cannot write to .* is full"):
        open_database(full_disk)


def test_sqlite_full_is_told_from_damage(tmp_path: Path) -> None:
    """SQLite's own page limit gives the genuine SQLITE_FULL a full disk gives."""
    path = tmp_path / "small.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    conn.close()
    assert write_reason(caught.value, path) == "the disk is full (free some space)"
    assert write_reason(sqlite3.DatabaseError("file is not a database"), path) is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a user that folder permissions apply to (not root)")
def test_read_only_folder_is_named_and_reading_commands_read(
        sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = sample_file.parent
    folder.chmod(0o555)
    try:
        code, _, err = run(capsys, "--db", str(sample_file), "renewals")
        assert code == 0 and "not writable" in err and "damaged" not in err
        code, _, err = run(capsys, "--db", str(sample_file), "preferences", "own.name=Us")
        assert code == EXIT_USER_ERROR and "not writable" in err
        assert beside(sample_file) == []
    finally:
        folder.chmod(0o755)


def test_read_only_folder_reason_as_root_too(sample_file: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    real_access = os.access

    def no_write(path: Any, mode: int, **kwargs: Any) -> bool:
        return not mode & os.W_OK and real_access(path, mode, **kwargs)

    monkeypatch.setattr(sqlite_files.os, "access", no_write)
    error = sqlite3.OperationalError("attempt to write a readonly database")
    error.sqlite_errorcode = 1544  # SQLITE_READONLY_DIRECTORY
    assert write_reason(error, sample_file) == (
        f"the folder {sample_file.parent} is not writable (check its permissions)")


# -- 13: restoring over a damaged database -----------------------------------------------

def test_restore_over_a_damaged_database_keeps_it_aside(
        sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "good.zip"
    assert run(capsys, "--db", str(sample_file), "backup", "-o", str(backup))[0] == 0
    damage(sample_file)
    damaged_bytes = sample_file.read_bytes()
    code, _, err = run(capsys, "--db", str(sample_file), "check")
    assert code == EXIT_USER_ERROR and "contractdesk restore" in err
    assert beside(sample_file) == []  # no -wal/-shm left by looking at it

    code, out, err = run(capsys, "--db", str(sample_file), "restore", str(backup))
    assert code == 0, err
    (aside,) = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert aside.read_bytes() == damaged_bytes and str(aside) in out
    code, out, _ = run(capsys, "--db", str(sample_file), "renewals", "--json")
    assert code == 0 and '"renewals"' in out


def test_a_refused_backup_leaves_the_damaged_database_where_it_is(
        sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damage(sample_file)
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a backup")
    code, _, err = run(capsys, "--db", str(sample_file), "restore", str(bogus))
    assert code == EXIT_USER_ERROR and "not a ContractDesk database" in err
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name] == []
    assert sample_file.is_file()


# -- 14: nothing left behind ---------------------------------------------------------------

@pytest.fixture
def page_limited_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies made by the backup API hit SQLite's page limit: a full disk, to SQLite."""
    real_connect = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real_connect(database, *args, **kwargs)
        if str(database).endswith(".partial"):
            conn.execute("PRAGMA max_page_count = 3")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_backup_on_a_full_disk_leaves_no_partial_file(
        sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        page_limited_copies: None) -> None:
    target = tmp_path / "out" / "b.sqlite3"
    target.parent.mkdir()
    code, _, err = run(capsys, "--db", str(sample_file), "backup", "-o", str(target))
    assert code == EXIT_USER_ERROR and "disk is full" in err
    assert list(target.parent.iterdir()) == []


def test_stale_partial_and_restore_folders_are_removed_by_the_next_run(
        sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "b.sqlite3"
    Path(f"{target}.partial").write_bytes(b"left by kill -9")
    Path(f"{target}.partial-journal").write_bytes(b"")
    assert run(capsys, "--db", str(sample_file), "backup", "-o", str(target))[0] == 0
    assert beside(target) == []
    archive = tmp_path / "b.zip"
    assert run(capsys, "--db", str(sample_file), "backup", "-o", str(archive))[0] == 0
    stale = sample_file.parent / ".restore-x1y2z3"
    stale.mkdir()
    (stale / "contractdesk.sqlite3").write_bytes(b"\0" * 1000)
    assert run(capsys, "--db", str(sample_file), "restore", str(archive))[0] == 0
    assert list(sample_file.parent.glob(".restore-*")) == []


def test_interrupted_restore_removes_its_folder(
        sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from contractdesk.services import backup_archive

    archive = tmp_path / "b.zip"
    assert run(capsys, "--db", str(sample_file), "backup", "-o", str(archive))[0] == 0
    before = sample_file.read_bytes()

    def interrupted(_path: Path) -> None:
        assert list(sample_file.parent.glob(".restore-*"))  # unpacked by now
        raise KeyboardInterrupt

    monkeypatch.setattr(backup_archive, "validate_backup", interrupted)
    code, _, _ = run(capsys, "--db", str(sample_file), "restore", str(archive))
    assert code == EXIT_INTERRUPTED
    assert list(sample_file.parent.glob(".restore-*")) == []
    assert sample_file.read_bytes() == before


TERMINATED_EXPORT = """
import os, signal, sys
from contractdesk.cli import data_commands, main
from contractdesk.exporting.safe_write import atomic_path

def terminated(session, target, *args, **kwargs):
    with atomic_path(target) as temp:
        temp.write_bytes(b"half")
        os.kill(os.getpid(), signal.SIGTERM)

data_commands.export_to = terminated
sys.exit(main(sys.argv[1:]))
"""


def test_terminated_export_removes_its_temporary_file(sample_file: Path,
                                                      tmp_path: Path) -> None:
    target = tmp_path / "out" / "x.json"
    target.parent.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", TERMINATED_EXPORT, "--db", str(sample_file), "export",
         "-o", str(target)], capture_output=True, text=True, timeout=120, check=False,
        cwd=Path(__file__).parents[2], env={**os.environ})
    assert result.returncode == EXIT_INTERRUPTED, result.stderr
    assert list(target.parent.iterdir()) == []


# -- 15: backups stay private --------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("name", ["b.zip", "b.sqlite3"])
def test_backups_are_private_even_over_a_readable_file(
        sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        umask_022: None, name: str) -> None:
    target = tmp_path / name
    target.write_bytes(b"")
    target.chmod(0o644)
    assert run(capsys, "--db", str(sample_file), "backup", "-o", str(target))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert zipfile.is_zipfile(target) == (name == "b.zip")


def test_os_errors_of_writing_count_as_unwritable(tmp_path: Path) -> None:
    assert write_reason(OSError(errno.EROFS, "Read-only file system"),
                        tmp_path / "x.sqlite3") == "read-only file system"
