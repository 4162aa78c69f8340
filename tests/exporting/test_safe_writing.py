"""A full disk, a locked target or a cancel leaves the earlier file as it was."""

from __future__ import annotations

import errno
import gc
import io
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from contractdesk.db.database import Database
from contractdesk.errors import UserError
from contractdesk.exporting.dispatch import export_to
from contractdesk.services.progress import CallbackProgress, Cancelled
from tests.conftest import TODAY

FORMATS = ["x.xlsx", "x.csv", "x.json"]
EARLIER = b"the earlier export"


@pytest.fixture
def earlier(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    target = tmp_path / "out" / request.param
    target.parent.mkdir()
    target.write_bytes(EARLIER)
    return target


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """openpyxl streams sheets into the system temp folder: watch a private one."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def export(database: Database, target: Path, **options: Any) -> dict[str, int]:
    with database.session("cli") as session:
        return export_to(session, target, TODAY, **options)


def assert_untouched(target: Path, private_temp: Path) -> None:
    assert target.read_bytes() == EARLIER
    assert os.listdir(target.parent) == [target.name]  # no temporary file left behind
    assert os.listdir(private_temp) == []


def disk_full(*_args: Any, **_kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("earlier", FORMATS, indirect=True)
def test_full_disk_is_one_sentence_and_keeps_the_earlier_file(
        sample_database: Database, earlier: Path, private_temp: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", disk_full)  # text formats fail as they finish
    monkeypatch.setattr(openpyxl.Workbook, "save", disk_full)  # xlsx fails as it zips
    with pytest.raises(UserError, match="disk is full") as caught:
        export(sample_database, earlier)
    assert "earlier file was kept" in str(caught.value)
    assert_untouched(earlier, private_temp)


@pytest.mark.parametrize("earlier", FORMATS, indirect=True)
def test_locked_target_is_one_sentence_and_keeps_the_earlier_file(
        sample_database: Database, earlier: Path, private_temp: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(self: Path, target: Path) -> Path:
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(target))

    monkeypatch.setattr(Path, "replace", locked)
    with pytest.raises(UserError, match="is locked"):
        export(sample_database, earlier)
    assert_untouched(earlier, private_temp)


def cancel_after(updates: int) -> tuple[CallbackProgress, list[tuple[int, int]]]:
    seen: list[tuple[int, int]] = []
    progress = CallbackProgress(per_second=1e9)

    def record(done: int, total: int, _message: str) -> None:
        seen.append((done, total))
        if len(seen) >= updates:
            progress.cancel.set()

    progress.callback = record
    return progress, seen


@pytest.mark.parametrize("earlier", FORMATS, indirect=True)
def test_cancel_writes_nothing(sample_database: Database, earlier: Path,
                               private_temp: Path) -> None:
    progress = CallbackProgress()
    progress.cancel.set()
    with pytest.raises(Cancelled):
        export(sample_database, earlier, progress=progress)
    assert_untouched(earlier, private_temp)


@pytest.mark.parametrize("earlier", ["x.xlsx"], indirect=True)
def test_cancel_halfway_through_the_workbook_removes_its_sheet_files(
        sample_database: Database, earlier: Path, private_temp: Path) -> None:
    progress, seen = cancel_after(3)  # after three sheets were streamed to disk
    with pytest.raises(Cancelled):
        export(sample_database, earlier, progress=progress)
    assert len(seen) == 3
    assert_untouched(earlier, private_temp)


@pytest.mark.parametrize("earlier", FORMATS, indirect=True)
def test_progress_climbs_to_the_total(sample_database: Database, earlier: Path,
                                      private_temp: Path) -> None:
    seen: list[tuple[int, int]] = []
    progress = CallbackProgress(lambda done, total, _: seen.append((done, total)),
                                per_second=1e9)
    counts = export(sample_database, earlier, progress=progress)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    final_done, total = seen[-1]
    assert final_done == total >= sum(counts.values())
    assert earlier.read_bytes() != EARLIER
    assert os.listdir(private_temp) == []


def test_missing_folder_is_one_sentence(sample_database: Database, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        export(sample_database, tmp_path / "nowhere" / "x.xlsx")


def test_unknown_extension_names_the_known_ones(sample_database: Database,
                                                tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.csv, \.json, \.xlsx"):
        export(sample_database, tmp_path / "x.ods")


class FullDiskFile(io.FileIO):
    """A file on a disk that fills up after the first few bytes."""

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("earlier", ["x.xlsx"], indirect=True)
def test_full_disk_during_the_zip_leaves_no_second_error(
        sample_database: Database, earlier: Path, private_temp: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl leaves its zip open when the disk fills; closing it later failed again
    and printed a traceback after the one-line message."""
    real_open = io.open

    def open_on_full_disk(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith(".tmp") and "b" in mode and "w" in mode:
            return io.BufferedRandom(FullDiskFile(file, "w+"))
        return real_open(file, mode, *args, **kwargs)

    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr(io, "open", open_on_full_disk)
    with pytest.raises(UserError, match="disk is full"):
        export(sample_database, earlier)
    monkeypatch.setattr(io, "open", real_open)
    gc.collect()
    assert unraisable == []
    assert_untouched(earlier, private_temp)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("earlier", FORMATS, indirect=True)
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o664])
def test_replacing_a_file_keeps_its_permissions(sample_database: Database, earlier: Path,
                                                umask_022: None, mode: int) -> None:
    earlier.chmod(mode)
    export(sample_database, earlier)
    assert earlier.read_bytes() != EARLIER
    assert stat.S_IMODE(earlier.stat().st_mode) == mode


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_the_umask_s_permissions(sample_database: Database, tmp_path: Path,
                                                 umask: int) -> None:
    previous = os.umask(umask)
    try:
        export(sample_database, tmp_path / "new.csv")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o666 & ~umask
