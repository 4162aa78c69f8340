"""Hostile and broken files: a clear message, and the database as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contractdesk.cli import main
from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Change, Organization
from contractdesk.errors import UserError
from contractdesk.importing.service import run_import
from contractdesk.services.progress import CallbackProgress, Cancelled
from tests.conftest import SAMPLES
from tests.importing.conftest import WriteXlsx

LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">'
                    for n in range(1, 10)).replace("&lol0;", "&lol;")
          + ']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
          "</sheetData></worksheet>")


def _state(database: Database) -> tuple[int, int, int]:
    with database.transaction("test") as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (Organization, Agreement, Change))  # type: ignore[return-value]


def _rewrite(source: Path, target: Path, replace: dict[str, bytes],
             extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            new.writestr(entry.filename, replace.get(entry.filename, old.read(entry)))
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


@pytest.fixture
def valid_xlsx(write_xlsx: WriteXlsx) -> Path:
    return write_xlsx("valid.xlsx", {"Sheet": [["OEM", "Contract No.", "End"],
                                               ["IBM", "I-1", "2026-01-01"]]})


def _hostile(name: str, valid: Path, tmp_path: Path) -> Path:
    sheet = "xl/worksheets/sheet1.xml"
    if name == "billion laughs":
        return _rewrite(valid, tmp_path / "laughs.xlsx", {sheet: LAUGHS.encode()})
    if name == "external entity":
        secret = tmp_path / "secret.txt"
        secret.write_text("TOP-SECRET")
        xxe = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM '
               f'"file://{secret}">]><worksheet xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr">'
               "<is><t>&xxe;</t></is></c></row></sheetData></worksheet>")
        return _rewrite(valid, tmp_path / "xxe.xlsx", {sheet: xxe.encode()})
    if name == "zip bomb":
        return _rewrite(valid, tmp_path / "bomb.xlsx", {},
                        {"xl/media/padding.bin": bytes(64 * 1024 * 1024)})
    if name == "absurd dimension":
        wide = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c>'
                '<c r="XFD1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c>'
                "</row></sheetData></worksheet>")
        return _rewrite(valid, tmp_path / "wide.xlsx", {sheet: wide.encode()})
    if name == "text renamed":
        path = tmp_path / "notes.xlsx"
        path.write_text("Contract No.,End\nA,2026-01-01\n")
        return path
    if name == "truncated":
        path = tmp_path / "cut.xlsx"
        path.write_bytes(valid.read_bytes()[: valid.stat().st_size // 2])
        return path
    if name == "empty csv":
        path = tmp_path / "empty.csv"
        path.write_bytes(b"")
        return path
    if name == "blank csv":
        path = tmp_path / "blank.csv"
        path.write_bytes(b" \r\n\r\n")
        return path
    path = tmp_path / "binary.csv"
    path.write_bytes(bytes(range(256)) * 64)
    return path


@pytest.mark.parametrize(("name", "message"), [
    ("billion laughs", "document type declaration"),
    ("external entity", "document type declaration"),
    ("zip bomb", "zip bomb"),
    ("absurd dimension", "1,048,576 rows by 16,384 columns"),
    ("text renamed", "is not a .xlsx workbook"),
    ("truncated", "damaged or not a spreadsheet"),
    ("empty csv", "is empty"),
    ("blank csv", "is empty"),
    ("binary csv", "binary file"),
])
def test_hostile_files_are_refused(sample_database: Database, db_target: str,
                                   valid_xlsx: Path, tmp_path: Path, name: str, message: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = _state(sample_database)
    path = _hostile(name, valid_xlsx, tmp_path)
    with pytest.raises(UserError, match=message):
        run_import(sample_database, path)
    assert _state(sample_database) == before
    code = main(["--db", db_target, "import", str(path)])
    error = capsys.readouterr().err
    assert code == 2 and message in error and len(error.strip().splitlines()) == 1
    assert "Traceback" not in error and "TOP-SECRET" not in error
    assert _state(sample_database) == before


def test_the_valid_file_behind_the_hostile_ones_imports(database: Database,
                                                        valid_xlsx: Path) -> None:
    assert run_import(database, valid_xlsx).created["agreements"] == 1


def test_cancel_commits_nothing(sample_database: Database) -> None:
    before = _state(sample_database)
    cancel = threading.Event()
    seen: list[str] = []

    def report(done: int, total: int, message: str) -> None:
        seen.append(message)
        if message.startswith("adding"):
            cancel.set()

    with pytest.raises(Cancelled):
        run_import(sample_database, SAMPLES / "uk_supplier_register.xlsx",
                   progress=CallbackProgress(report, cancel, per_second=1e9))
    assert any(m.startswith("adding") for m in seen)
    assert _state(sample_database) == before


KILLED_IMPORT = """
import sys, time
from pathlib import Path
from contractdesk.db.database import open_database
from contractdesk.importing.service import run_import

class Stall:
    def update(self, done, total, message=""):
        if message.startswith("adding agreements"):
            print("writing", flush=True)
            time.sleep(60)

run_import(open_database(sys.argv[1]), Path(sys.argv[2]), progress=Stall())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_import_leaves_the_database_as_it_was(sample_database: Database,
                                                       db_target: str) -> None:
    before = _state(sample_database)
    sample_database.close()
    with subprocess.Popen(
            [sys.executable, "-c", KILLED_IMPORT, db_target,
             str(SAMPLES / "uk_supplier_register.xlsx")],
            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}) as process:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "writing"  # mid-transaction now
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert _state(sample_database) == before
