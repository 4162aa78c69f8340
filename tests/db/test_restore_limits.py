"""Restoring a zip backup checks declared sizes before unpacking anything, and
attaching a file checks the team's size limit before copying it (issue 22, item 16)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest
from sqlalchemy.orm import Session

from contractdesk.cli import EXIT_USER_ERROR, main
from contractdesk.db.models import Organization
from contractdesk.errors import UserError
from contractdesk.paths import documents_dir
from contractdesk.services import preferences, zip_limits
from contractdesk.services.backup_archive import DATABASE, MANIFEST
from contractdesk.services.documents import attach
from contractdesk.services.workflow_view import attach_files

CENTRAL_HEADER = b"PK\x01\x02"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def declare_size(archive: Path, name: str, size: int) -> None:
    """Rewrites the unpacked size the central directory gives for ``name``."""
    data = bytearray(archive.read_bytes())
    at = data.find(CENTRAL_HEADER)
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46: at + 46 + name_length] == name.encode():
            struct.pack_into("<I", data, at + 24, size)
            archive.write_bytes(bytes(data))
            return
        at = data.find(CENTRAL_HEADER, at + 4)
    raise AssertionError(f"{name} not in {archive}")


@pytest.fixture
def backup(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, "--db", str(db_path), "sample")[0] == 0
    target = tmp_path / "backup.zip"
    assert run(capsys, "--db", str(db_path), "backup", "-o", str(target))[0] == 0
    return target


def leftovers(db_path: Path) -> list[str]:
    restore_dirs = [p.name for p in db_path.parent.glob(".restore-*")]
    stored = [p.name for p in documents_dir().rglob("*") if p.is_file()]
    return restore_dirs + stored


def assert_refused(capsys: pytest.CaptureFixture[str], db_path: Path, archive: Path,
                   reason: str) -> None:
    before = db_path.read_bytes()
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(archive))
    assert code == EXIT_USER_ERROR and reason in err, err
    assert "nothing was restored" in err.lower() or "not restored" in err
    assert db_path.read_bytes() == before
    assert leftovers(db_path) == []


def test_a_database_claiming_4_gib_is_refused_before_unpacking(
        backup: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    declare_size(backup, DATABASE, 2**32 - 2)  # the most without zip64 fields
    assert_refused(capsys, db_path, backup, "claims a database of")


def test_a_tightly_packed_entry_is_refused_before_unpacking(
        backup: Path, db_path: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(bomb, "w") as target:
        for name in (MANIFEST, DATABASE):
            target.writestr(name, source.read(name), zipfile.ZIP_DEFLATED)
        target.writestr(f"documents/ab/ab{'0' * 62}.bin", b"\0" * (20 * 2**20),
                        zipfile.ZIP_DEFLATED)
    assert_refused(capsys, db_path, bomb, "packed more than 100 to 1")


def test_an_entry_that_unpacks_beyond_its_claim_stops_there(
        backup: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    declare_size(backup, DATABASE, 4096)
    before = db_path.read_bytes()
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(backup))
    assert code == EXIT_USER_ERROR and "Traceback" not in err
    assert db_path.read_bytes() == before and leftovers(db_path) == []


class Usage(NamedTuple):
    total: int
    used: int
    free: int


def test_an_archive_larger_than_the_free_space_is_refused(
        backup: Path, db_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zip_limits.shutil, "disk_usage",
                        lambda _folder: Usage(2**30, 2**30 - 2**20, 2**20))
    assert_refused(capsys, db_path, backup, "free some space first")


def test_capped_reader_refuses_more_than_declared(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("x", b"y" * 1000)
    with zipfile.ZipFile(archive) as source, source.open("x") as packed:
        info = source.getinfo("x")
        info.file_size = 10
        reader = zip_limits.CappedReader(packed, info, archive)
        with pytest.raises(zip_limits.ArchiveTooLarge, match="more than it declares"):
            while reader.read(4):
                pass


# -- attachments -------------------------------------------------------------------------

@pytest.fixture
def sparse_file(tmp_path: Path) -> Path:
    """A file that claims 3 MB and takes almost no disk (as the 2 GiB one did)."""
    path = tmp_path / "huge.iso"
    with path.open("wb") as handle:
        handle.truncate(3_000_000)
    return path


def test_attachment_limit_defaults_to_200_mb(session: Session) -> None:
    assert preferences.get(session, preferences.MAX_ATTACHMENT_MB) == 200


def test_a_file_over_the_limit_is_refused_before_copying(session: Session,
                                                         sparse_file: Path) -> None:
    preferences.set_preference(session, preferences.MAX_ATTACHMENT_MB.name, "2")
    org = Organization(name="Bechtle")
    session.add(org)
    with pytest.raises(UserError, match=r"huge\.iso is 3\.0 MB; files larger than 2\.0 MB "
                                        r"cannot be attached .*documents\.max_mb"):
        attach(session, sparse_file, organization=org)
    assert not documents_dir().exists() or [p for p in documents_dir().rglob("*")
                                            if p.is_file()] == []
    preferences.set_preference(session, preferences.MAX_ATTACHMENT_MB.name, "3")
    assert attach(session, sparse_file, organization=org).size == 3_000_000


def test_the_window_s_attach_gives_the_same_message(session: Session,
                                                    sparse_file: Path) -> None:
    preferences.set_preference(session, preferences.MAX_ATTACHMENT_MB.name, "1")
    org = Organization(name="Bechtle")
    session.add(org)
    session.flush()
    with pytest.raises(UserError, match="cannot be attached"):
        attach_files(session, "organization", org.id, [sparse_file])


def test_the_limit_is_a_whole_number_of_megabytes(session: Session) -> None:
    from contractdesk.errors import ValidationError

    for bad in ("0", "-5", "lots", "100001"):
        with pytest.raises(ValidationError, match="number of MB from 1 to 100000"):
            preferences.set_preference(session, preferences.MAX_ATTACHMENT_MB.name, bad)
