"""Tiny hostile workbooks that used to abort the process inside calamine, the ODS
repeats, the memory ceiling behind the guard, and merged cells."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from contractdesk.errors import UserError
from contractdesk.importing import readers
from contractdesk.importing.limited import OutOfMemory, run_limited
from contractdesk.importing.readers import read_sheets
from tests.importing.conftest import WriteXlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
V = "<v>1</v>"


def write_xlsx_by_hand(path: Path, sheet_data: str, part: str = "xl/worksheets/sheet1.xml",
                       prefix: str = "") -> Path:
    """A minimal package whose one sheet lives at ``part``, its elements under
    ``prefix`` when given."""
    tag = f"{prefix}:" if prefix else ""
    declaration = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    target = part.removeprefix("xl/") if part.startswith("xl/") else "/" + part
    parts = {
        "[Content_Types].xml":
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" ContentType="application/'
            'xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
            f'PartName="/{part}" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels":
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
            'org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"'
            "/></Relationships>",
        "xl/workbook.xml":
            f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
            'org/officeDocument/2006/relationships/worksheet" Target="' + target + '"/>'
            "</Relationships>",
        part: f"<{tag}worksheet {declaration}><{tag}sheetData>{sheet_data}</{tag}sheetData>"
              f"</{tag}worksheet>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


MANIFEST = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>")


def write_ods(path: Path, table: str) -> Path:
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
               'xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:'
               '1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:'
               'body><office:spreadsheet><table:table table:name="Sheet1">' + table +
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
    return path


def text(value: str, repeat: int = 1) -> str:
    return (f'<table:table-cell office:value-type="string" table:number-columns-repeated='
            f'"{repeat}"><text:p>{value}</text:p></table:table-cell>')


FAR = f'<c r="XFD1048576">{V}</c>'
HOSTILE_XLSX = {
    "s before r": (f'<row r="1"><c r="A1">{V}</c></row><row r="1048576">'
                   f'<c s="0" r="XFD1048576">{V}</c></row>', {}),
    "row without r": (f'<row><c r="A1">{V}</c>{FAR}</row>', {}),
    "part outside worksheets": (f'<row r="1"><c r="A1">{V}</c></row><row r="1048576">{FAR}'
                                "</row>", {"part": "xl/elsewhere/data.xml"}),
    "namespace prefix": ('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="104857'
                         '6"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>', {"prefix": "x"}),
    "eight-digit row": (f'<row r="1"><c r="A1">{V}</c><c r="Z1">{V}</c></row>'
                        f'<row r="12345678"><c r="A12345678">{V}</c></row>', {}),
    "sparse box": (f'<row r="1"><c r="A1">{V}</c></row><row r="1048576">'
                   f'<c r="AB1048576">{V}</c></row>', {}),
}


@pytest.mark.parametrize("name", HOSTILE_XLSX)
def test_tiny_hostile_xlsx_is_refused_by_the_guard(tmp_path: Path, name: str) -> None:
    data, options = HOSTILE_XLSX[name]
    path = write_xlsx_by_hand(tmp_path / "hostile.xlsx", data, **options)
    assert path.stat().st_size < 5000
    with pytest.raises(UserError, match=r"rows by [0-9,]+ columns .*not imported"):
        read_sheets(path)


@pytest.mark.parametrize(("data", "expected"), [
    (f'<row r="1"><c>{V}</c><c>{V}</c></row><row><c>{V}</c></row>',
     [[1.0, 1.0], [1.0, ""]]),  # positions without r=, as Excel counts them
    (f'<row r="1"><c r="A1">{V}</c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>',
     [[1.0]]),  # a styled empty cell far away holds nothing and costs nothing
])
def test_harmless_xlsx_shapes_import(tmp_path: Path, data: str,
                                     expected: list[list[object]]) -> None:
    path = write_xlsx_by_hand(tmp_path / "fine.xlsx", data)
    assert read_sheets(path)[0].rows == expected


def test_libreoffice_trailing_repeats_import(tmp_path: Path) -> None:
    row = f'<table:table-row>{text("a")}{text("b")}<table:table-cell table:number-columns-' \
          'repeated="1022"/></table:table-row>'
    trailing = '<table:table-row table:number-rows-repeated="1048574"><table:table-cell ' \
               'table:number-columns-repeated="1024"/></table:table-row>'
    path = write_ods(tmp_path / "real.ods", row + row + trailing)
    assert read_sheets(path)[0].rows == [["a", "b"], ["a", "b"]]


@pytest.mark.parametrize("table", [
    f'<table:table-row table:number-rows-repeated="1048576">{text("x", 16384)}'
    "</table:table-row>",
    f'<table:table-row table:number-rows-repeated="3000000">{text("x")}</table:table-row>',
    '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/>'
    f'</table:table-row><table:table-row>{text("x", 20)}</table:table-row>',
])
def test_ods_repeats_are_bounded(tmp_path: Path, table: str) -> None:
    with pytest.raises(UserError, match=r"rows by [0-9,]+ columns .*not imported"):
        read_sheets(write_ods(tmp_path / "repeats.ods", table))


def test_a_document_type_anywhere_is_refused(tmp_path: Path) -> None:
    path = write_xlsx_by_hand(tmp_path / "dtd.xlsx", f'<row r="1"><c r="A1">{V}</c></row>')
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/custom/anything.bin", '<!DOCTYPE x [<!ENTITY a "b">]><x/>')
    with pytest.raises(UserError, match="document type declaration"):
        read_sheets(path)


def test_what_the_guard_misses_meets_the_memory_ceiling(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    """Without the guard this file aborts calamine; the child dies, the test process
    lives and the user gets a sentence."""
    data, _ = HOSTILE_XLSX["eight-digit row"]
    path = write_xlsx_by_hand(tmp_path / "missed.xlsx", data)
    monkeypatch.setattr(readers, "check_zip", lambda path: None)
    with pytest.raises(UserError, match=r"needs more memory than ContractDesk allows for "
                                        r"one import \(2048 MB\); it was not imported"):
        read_sheets(path)


@pytest.mark.skipif(sys.platform == "win32", reason="no address-space limit")
def test_a_memory_error_in_the_child_is_out_of_memory() -> None:
    with pytest.raises(OutOfMemory):
        run_limited(bytearray, 4 * 2**30, limit_mb=512)


WORST = """
import resource, sys
from pathlib import Path
from contractdesk.errors import UserError
from contractdesk.importing.readers import read_sheets
try:
    read_sheets(Path(sys.argv[1]))
except UserError:
    pass
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(own // 1024, children // 1024)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="getrusage")
def test_the_worst_tiny_file_stays_under_300_mb(tmp_path: Path) -> None:
    """The densest box a small file may declare: a value repeated down a million rows."""
    path = write_ods(tmp_path / "dense.ods", '<table:table-row table:number-rows-repeated='
                     f'"1048576">{text("x")}</table:table-row>')
    assert path.stat().st_size < 5000
    # without coverage's tracer (pytest-cov starts it in subprocesses), which adds its own
    untraced = {k: v for k, v in os.environ.items() if not k.startswith("COV_CORE")}
    run = subprocess.run([sys.executable, "-c", WORST, str(path)], capture_output=True,
                         text=True, check=True, cwd=Path(__file__).parents[2], env=untraced)
    importer, reader = map(int, run.stdout.split())  # MB (ru_maxrss is in KiB on Linux)
    # the reader child is where calamine lays out the sheet, and what the guard bounds;
    # the importer holds the rows read, a million of them here
    assert reader < 300, f"reader child {reader} MB, importer {importer} MB"


def test_merged_cells_fill_every_cell_they_span(tmp_path: Path,
                                                write_xlsx: WriteXlsx) -> None:
    from openpyxl import load_workbook
    path = write_xlsx("merged.xlsx", {"Sheet": [
        ["Manufacturer", "Serial", "Note"], ["Dell", "S1", "n"], [None, "S2", None],
        [None, "S3", None], ["HP", "S4", None]]})
    workbook = load_workbook(path)
    workbook["Sheet"].merge_cells("A2:A4")
    workbook["Sheet"].merge_cells("C2:C3")
    workbook.save(path)
    rows = read_sheets(path)[0].rows
    assert [row[0] for row in rows] == ["Manufacturer", "Dell", "Dell", "Dell", "HP"]
    assert [row[2] for row in rows] == ["Note", "n", "n", "", ""]

