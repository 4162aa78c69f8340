"""The error cells of an xlsx workbook (``#N/A``, ``#REF!``, ``#DIV/0!``) by sheet.

python-calamine reads an error cell as an empty string, so a lookup that failed in the
user's register would be imported as a blank without a word. The cells are found here,
in the reader child next to calamine (stdlib only), by streaming each visible sheet's
part again: the workbook names its sheets' parts through its relationships, wherever
in the package they are.
"""

from __future__ import annotations

import posixpath
import zipfile
from xml.parsers import expat

from contractdesk.importing.sheet_extent import TooLarge, XlsxCells
from contractdesk.importing.xml_stream import DocumentTypeDeclared, streaming_parser

ErrorCells = dict[tuple[int, int], str]  # (row, column) from 1 → the error's text
CHUNK = 1024 * 1024
ROOT_RELS = "_rels/.rels"
DEFAULT_WORKBOOK = "xl/workbook.xml"


class _Collect:
    """Gathers elements of one local name (their attributes, by local name)."""

    def __init__(self, wanted: str) -> None:
        self.wanted = wanted
        self.found: list[dict[str, str]] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == self.wanted:
            self.found.append({key.rpartition(":")[2]: value
                               for key, value in attributes.items()})

    def end(self, name: str) -> None:
        pass


def workbook_errors(path: str) -> dict[str, ErrorCells]:
    """Each sheet's error cells, by sheet name; empty for anything but an xlsx package
    (and for one too damaged to say: the guard has checked it already)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.casefold(): name for name in archive.namelist()}
            found: dict[str, ErrorCells] = {}
            for sheet, part in _sheet_parts(archive, names).items():
                errors = _errors_in(archive, part)
                if errors:
                    found[sheet] = errors
            return found
    except (zipfile.BadZipFile, OSError, KeyError, expat.ExpatError, DocumentTypeDeclared,
            TooLarge, ValueError):
        return {}


def _elements(archive: zipfile.ZipFile, names: dict[str, str], part: str,
              wanted: str) -> list[dict[str, str]]:
    name = names.get(part.casefold())
    if name is None:
        return []
    collect = _Collect(wanted)
    streaming_parser(collect).Parse(archive.read(name), True)
    return collect.found


def _rels_of(part: str) -> str:
    folder, file = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{file}.rels")


def _sheet_parts(archive: zipfile.ZipFile, names: dict[str, str]) -> dict[str, str]:
    documents = [r["Target"] for r in _elements(archive, names, ROOT_RELS, "Relationship")
                 if r.get("Type", "").endswith("/officeDocument") and "Target" in r]
    workbook = documents[0].lstrip("/") if documents else DEFAULT_WORKBOOK
    targets = {r["Id"]: r["Target"] for r in
               _elements(archive, names, _rels_of(workbook), "Relationship")
               if "Id" in r and "Target" in r}
    folder = posixpath.dirname(workbook)
    parts = {}
    for sheet in _elements(archive, names, workbook, "sheet"):
        target = targets.get(sheet.get("id", ""))
        if target is not None and "name" in sheet:
            joined = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            parts[sheet["name"]] = names.get(joined.casefold(), joined)
    return parts


def _errors_in(archive: zipfile.ZipFile, part: str) -> ErrorCells:
    cells = XlsxCells()
    parser = streaming_parser(cells)
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    return cells.errors
