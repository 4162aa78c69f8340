"""Checks a workbook must pass before a parser sees it, so a hostile file costs a
message, not the machine.

python-calamine loads a whole sheet into memory, sized by the box of its filled cells;
a zip bomb, or a tiny sheet with one cell in A1 and one in XFD1048576, would exhaust
memory before any row was read. So every zip entry is inflated here first, in chunks
and with a cap (a declared size can lie), and streamed through expat on the way: any
document type declaration is refused (entity expansion, external entities: a
spreadsheet never needs one), and any part holding sheet data, wherever it lives, is
measured as calamine will lay it out (:mod:`contractdesk.importing.sheet_extent`).
Binary workbooks (.xls, .xlsb) are not measured here; they rely on the memory ceiling
of :mod:`contractdesk.importing.limited`, as does anything this guard misses.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.parsers import expat

from contractdesk.errors import UserError
from contractdesk.importing.package_parts import (
    CONTENT_TYPES,
    WORKBOOK_RELS,
    named_parts,
    part_key,
)
from contractdesk.importing.sheet_extent import OdsCells, TooLarge, XlsxCells
from contractdesk.importing.xml_stream import (
    DocumentTypeDeclared,
    ElementHandler,
    streaming_parser,
)

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_TOTAL_INFLATED = 400 * 1024 * 1024
MAX_ENTRY_INFLATED = 300 * 1024 * 1024
MAX_RATIO = 200  # inflated / compressed, for entries past RATIO_FLOOR
RATIO_FLOOR = 4 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_INDEX_BYTES = 8 * 1024 * 1024  # content types and workbook rels
CHUNK = 1024 * 1024
ODS_CONTENT = "content.xml"


def check_size(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        raise UserError(f"{path.name} is empty.")
    if size > MAX_FILE_BYTES:
        raise UserError(f"{path.name} is {size // 2**20} MB; ContractDesk imports files up "
                        f"to {MAX_FILE_BYTES // 2**20} MB.")


def check_zip(path: Path) -> None:
    """Refuses a zip-based workbook that would inflate past the limits, declares an XML
    document type, is not well-formed where calamine reads it, or has a sheet of absurd
    or absurdly sparse extent.

    Raises:
        UserError: saying which limit the file broke.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise UserError(f"{path.name} holds {len(entries)} parts, too many for a "
                                "spreadsheet; it was not imported.")
            _Inflater(archive, path).check(entries)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error,
            NotImplementedError) as error:
        raise UserError(f"{path.name} is damaged or not a spreadsheet ({error}).") from error


class _Inflater:
    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive = archive
        self.path = path
        self.total = 0

    def check(self, entries: list[zipfile.ZipInfo]) -> None:
        indexes = {part_key(e.filename): e for e in entries
                   if part_key(e.filename) in (CONTENT_TYPES, WORKBOOK_RELS)}
        try:
            sheets = named_parts({key: self._read_index(entry)
                                  for key, entry in indexes.items()})
        except DocumentTypeDeclared:
            self._refuse_dtd(", ".join(e.filename for e in indexes.values()))
        except expat.ExpatError as error:
            self._damaged(CONTENT_TYPES, error)
        self.total = 0
        for entry in entries:
            key = part_key(entry.filename)
            self._stream(entry, must_parse=key in sheets or key == ODS_CONTENT)

    def _read_index(self, entry: zipfile.ZipInfo) -> bytes:
        data = b""
        with self.archive.open(entry) as stream:
            while chunk := stream.read(CHUNK):
                data += chunk
                self._check_inflation(entry, len(data))
                if len(data) > MAX_INDEX_BYTES:
                    self._damaged(entry.filename, "far too large")
        return data

    def _stream(self, entry: zipfile.ZipInfo, must_parse: bool) -> None:
        """Inflates ``entry``, parsing it on the way; a part nobody needs as XML (an
        image, a sloppy VML drawing) stops being parsed at its first error."""
        handler: ElementHandler = OdsCells() if part_key(entry.filename) == ODS_CONTENT \
            else XlsxCells()
        parser: expat.XMLParserType | None = streaming_parser(handler)
        inflated = 0
        with self.archive.open(entry) as stream:
            while True:
                chunk = stream.read(CHUNK)
                inflated += len(chunk)
                self._check_inflation(entry, inflated)
                if parser is not None:
                    parser = self._feed(parser, handler, entry, chunk, must_parse)
                if not chunk:
                    break
        self.total += inflated

    def _feed(self, parser: expat.XMLParserType, handler: ElementHandler,
              entry: zipfile.ZipInfo, chunk: bytes,
              must_parse: bool) -> expat.XMLParserType | None:
        try:
            parser.Parse(chunk, not chunk)
        except DocumentTypeDeclared:
            self._refuse_dtd(entry.filename)
        except TooLarge as error:
            self._too_large(entry.filename, error)
        except expat.ExpatError as error:
            if must_parse or (isinstance(handler, XlsxCells) and handler.saw_sheet):
                self._damaged(entry.filename, error)
            return None
        return parser

    def _check_inflation(self, entry: zipfile.ZipInfo, inflated: int) -> None:
        name = entry.filename
        if inflated > MAX_ENTRY_INFLATED or self.total + inflated > MAX_TOTAL_INFLATED:
            raise UserError(f"{self.path.name} would inflate to more than "
                            f"{MAX_TOTAL_INFLATED // 2**20} MB when unpacked ({name}); it "
                            "looks like a zip bomb and was not imported.")
        if inflated > RATIO_FLOOR and inflated > MAX_RATIO * max(entry.compress_size, 1):
            raise UserError(f"{self.path.name} is compressed more than {MAX_RATIO} to 1 "
                            f"({name}); it looks like a zip bomb and was not imported.")

    def _refuse_dtd(self, name: str) -> None:
        raise UserError(f"{self.path.name} contains an XML document type declaration "
                        f"({name}); spreadsheets never need one, and it can hide entity "
                        "expansion or read local files. Not imported.")

    def _damaged(self, name: str, error: object) -> None:
        raise UserError(f"{self.path.name} is damaged or not a spreadsheet ({name}: "
                        f"{error}).")

    def _too_large(self, name: str, error: TooLarge) -> None:
        raise UserError(f"{self.path.name} has a sheet of {error.rows:,} rows by "
                        f"{error.columns:,} columns ({name}){error.why}; it was not "
                        "imported.")
