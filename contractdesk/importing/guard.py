"""Checks a workbook must pass before a parser sees it, so a hostile file costs a
message, not the machine.

python-calamine loads a whole sheet into memory, sized by the cells' bounding box; a
zip bomb or a sheet with one cell in A1 and one in XFD1048576 would exhaust memory
before any row was read. So every zip entry is inflated here first, in chunks and
with a cap (a declared size can lie), and on the way the XML parts are checked for a
document type declaration (entity expansion, external entities: a spreadsheet never
needs one) and the worksheets for their dimension and the cells' real extent.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from contractdesk.errors import UserError

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_TOTAL_INFLATED = 400 * 1024 * 1024
MAX_ENTRY_INFLATED = 300 * 1024 * 1024
MAX_RATIO = 200  # inflated / compressed, for entries past RATIO_FLOOR
RATIO_FLOOR = 4 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_CELLS = 30_000_000  # rows x columns of one sheet's bounding box
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
CHUNK = 1024 * 1024

_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_ROW_REF = re.compile(rb'<row [^>]*?r="([0-9]{1,7})"')
_WIDE_CELL_REF = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')  # columns past Z: rare, so cheap
_DIMENSION = re.compile(rb'<dimension ref="([A-Z]{1,3})?([0-9]{1,7})?:?([A-Z]{1,3})?([0-9]{1,7})?"')


@dataclass(frozen=True, slots=True)
class Extent:
    rows: int
    columns: int


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def check_size(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        raise UserError(f"{path.name} is empty.")
    if size > MAX_FILE_BYTES:
        raise UserError(f"{path.name} is {size // 2**20} MB; ContractDesk imports files up "
                        f"to {MAX_FILE_BYTES // 2**20} MB.")


def check_zip(path: Path) -> None:
    """Refuses a zip-based workbook that would inflate past the limits, declares an XML
    document type, or has a sheet of absurd extent.

    Raises:
        UserError: saying which limit the file broke.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise UserError(f"{path.name} holds {len(entries)} parts, too many for a "
                                "spreadsheet; it was not imported.")
            total = 0
            for entry in entries:
                total += _inflate_checked(archive, entry, path, total)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error,
            NotImplementedError) as error:
        raise UserError(f"{path.name} is damaged or not a spreadsheet ({error}).") from error


def _inflate_checked(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, path: Path,
                     total_before: int) -> int:
    name = entry.filename
    is_xml = name.endswith((".xml", ".rels", ".vml"))
    is_sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
    inflated = 0
    head = b""
    extent = Extent(0, 0)
    tail = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(CHUNK):
            inflated += len(chunk)
            _check_inflation(path, name, inflated, entry.compress_size, total_before)
            if is_xml and len(head) < 4096:
                head += chunk[:4096]
                if _DTD.search(head):
                    raise UserError(f"{path.name} contains an XML document type declaration "
                                    f"({name}); spreadsheets never need one, and it can hide "
                                    "entity expansion or read local files. Not imported.")
                if is_sheet:
                    _check_dimension(path, name, head)
            if is_sheet:
                extent = _widen(extent, tail + chunk)
                tail = chunk[-32:]
                if extent.rows * extent.columns > MAX_CELLS:
                    _too_large(path, name, extent)
    return inflated


def _check_inflation(path: Path, name: str, inflated: int, compressed: int,
                     total_before: int) -> None:
    if inflated > MAX_ENTRY_INFLATED or total_before + inflated > MAX_TOTAL_INFLATED:
        raise UserError(f"{path.name} would inflate to more than "
                        f"{MAX_TOTAL_INFLATED // 2**20} MB when unpacked ({name}); it looks "
                        "like a zip bomb and was not imported.")
    if inflated > RATIO_FLOOR and inflated > MAX_RATIO * max(compressed, 1):
        raise UserError(f"{path.name} is compressed more than {MAX_RATIO} to 1 ({name}); it "
                        "looks like a zip bomb and was not imported.")


def _check_dimension(path: Path, name: str, head: bytes) -> None:
    match = _DIMENSION.search(head)
    if match is None or not match.group(3):
        return
    rows = int(match.group(4) or 1)
    columns = column_number(match.group(3))
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        _too_large(path, name, Extent(rows, columns))


def _widen(extent: Extent, data: bytes) -> Extent:
    """The extent so far, widened by this chunk's row numbers and wide column letters
    (a sheet of columns A to Z is taken as 26 wide, which errs on the safe side)."""
    rows = max((int(r) for r in _ROW_REF.findall(data)), default=extent.rows)
    wide = max((column_number(c) for c in _WIDE_CELL_REF.findall(data)), default=26)
    return Extent(max(rows, extent.rows), max(wide, extent.columns))


def _too_large(path: Path, name: str, extent: Extent) -> None:
    raise UserError(f"{path.name} has a sheet of {extent.rows:,} rows by {extent.columns:,} "
                    f"columns ({name}), more than ContractDesk reads "
                    f"({MAX_CELLS:,} cells); it was not imported.")
