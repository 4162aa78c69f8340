"""Reading a CSV or text table: its encoding, its delimiter, its rows.

Excel saves CSV in the system's code page (Windows-1252 in Germany and England, cp850
from old ERP systems) with the list separator of the locale (``;`` in Germany), so both
are detected unless the user names them.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from contractdesk.errors import UserError
from contractdesk.importing.cells import Cell, RowWarning

DELIMITERS = (";", ",", "\t", "|")
SNIFF_LINES = 50
# Python's csv module refuses cells over 128 KiB; a long notes cell is still a cell
csv.field_size_limit(2**31 - 1)

Rows = list[list[Cell]]


@dataclass(frozen=True)
class TextFormat:
    """How a CSV file is read: ``None`` means detect it. ``delimiter`` is one character
    (``"\t"`` for tab)."""

    encoding: str | None = None
    delimiter: str | None = None

    def checked(self) -> TextFormat:
        """Raises:
            UserError: an encoding Python does not know, or a delimiter that is not one
            plain character."""
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError as error:
                raise UserError(f"{self.encoding!r} is not a text encoding ContractDesk "
                                "knows (such as utf-8, cp1252, latin-1, cp850).") from error
        if self.delimiter is not None and (len(self.delimiter) != 1
                                           or self.delimiter in "\"\r\n"):
            raise UserError(f"{self.delimiter!r} cannot separate columns: give one "
                            "character such as ';', ',' or a tab.")
        return self


DETECT = TextFormat()
DELIMITER_NAMES = {";": "semicolons", ",": "commas", "\t": "tabs", "|": "bars"}


def describe_delimiter(delimiter: str | None) -> str:
    return DELIMITER_NAMES.get(delimiter or "", repr(delimiter))


@dataclass(frozen=True, slots=True)
class CsvReading:
    """A CSV file's rows, how its text was read, and what reading it had to repair."""

    rows: Rows
    text_format: TextFormat
    warnings: tuple[RowWarning, ...]


@dataclass(frozen=True, slots=True)
class _Decoded:
    text: str
    encoding: str
    warnings: tuple[RowWarning, ...] = ()


_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)?")


def _lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The lines of ``data`` (line endings kept), numbered from 1."""
    for number, match in enumerate(_LINE.finditer(data), start=1):
        if match.group():
            yield number, match.group()


def decode_text(data: bytes, name: str, encoding: str | None = None) -> _Decoded:
    """The text, the encoding it was read in, and the lines that needed repair:
    ``encoding`` if given, else UTF-16 or UTF-8 (with or without BOM) first, then
    Windows-1252, as German and English Excel save CSV.

    A UTF-8 file with a few lines in another code page (a line pasted in from an old
    export) is read line by line, each such line in the legacy code page and named in a
    warning, rather than all of it as Windows-1252 (which turns every ``ü`` of the
    UTF-8 lines into ``Ã¼``). NUL characters past the start of a text file (where they
    mark it as binary) are removed with a warning: no text holds them, and PostgreSQL
    refuses them.

    Raises:
        UserError: empty, binary rather than text, or not in the ``encoding`` given.
    """
    warnings: tuple[RowWarning, ...] = ()
    if encoding is not None:
        text = _decode_strictly(data, name, encoding)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_strictly(data, name, "utf-16"), "utf-16"
    else:
        if b"\x00" in data[:65536]:
            raise UserError(f"{name} is a binary file, not a CSV or text table.")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            text, encoding, warnings = _decode_mixed(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise UserError(f"{name} is empty.")
    sample = text[:65536]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t")
    if controls > len(sample) // BINARY_CONTROL_SHARE or \
            sample.count("\ufffd") > max(len(sample) // 50, BINARY_MIN_UNREADABLE):
        raise UserError(f"{name} is a binary file, not a CSV or text table.")
    if "\x00" in text:
        text, removed = _without_nul(text)
        warnings += removed
    return _Decoded(text, encoding, warnings)


def _decode_strictly(data: bytes, name: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise UserError(f"{name} is not {encoding} text (line {line}, byte "
                        f"{error.start + 1} cannot be read); choose another "
                        "encoding.") from error


def _decode_mixed(data: bytes) -> tuple[str, str, tuple[RowWarning, ...]]:
    """A file that is not UTF-8 throughout: the legacy code page for all of it, unless
    some lines are UTF-8 with letters past ASCII, which makes it a UTF-8 file with a
    few foreign lines."""
    legacy = _legacy_code_page(data)
    lines: list[str] = []
    foreign: list[int] = []
    utf8_letters = False
    for number, raw in _lines(data[3:] if data.startswith(b"\xef\xbb\xbf") else data):
        try:
            line = raw.decode("utf-8")
            utf8_letters = utf8_letters or not line.isascii()
        except UnicodeDecodeError:
            line = raw.decode(legacy, errors="replace")
            foreign.append(number)
        lines.append(line)
    if not utf8_letters:
        return data.decode(legacy, errors="replace"), legacy, ()
    warnings = tuple(RowWarning(0, f"line {number} is not UTF-8 like the rest of the file; "
                                   f"read as {legacy}") for number in foreign)
    return "".join(lines), "utf-8", warnings


def _without_nul(text: str) -> tuple[str, tuple[RowWarning, ...]]:
    lines = text.split("\n")
    warned = tuple(RowWarning(0, f"line {number} holds a NUL character (removed)")
                   for number, line in enumerate(lines, start=1) if "\x00" in line)
    return text.replace("\x00", ""), warned


# German letters (ä ö ü Ä Ö Ü ß) as Windows and as DOS (cp850, old ERP exports) store them
WINDOWS_UMLAUTS = frozenset(b"\xe4\xf6\xfc\xc4\xd6\xdc\xdf")
DOS_UMLAUTS = frozenset(b"\x84\x94\x81\x8e\x99\x9a\xe1")
BINARY_MIN_UNREADABLE = 16  # a short text with a few odd bytes is still text
# Binary data is told by its NULs first; control characters are the fallback, and a
# ContractDesk export may carry a few of them in notes (pasted from a terminal).
BINARY_CONTROL_SHARE = 10


def _legacy_code_page(data: bytes) -> str:
    """Windows-1252, unless the bytes spell German letters the DOS way more often."""
    sample = data[:65536]
    windows = sum(1 for byte in sample if byte in WINDOWS_UMLAUTS)
    dos = sum(1 for byte in sample if byte in DOS_UMLAUTS)
    return "cp850" if dos > windows else "cp1252"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most equal, widest rows."""
    lines = text.splitlines()[:SNIFF_LINES]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        counts: dict[int, int] = {}
        for width in widths:
            if width > 1:
                counts[width] = counts.get(width, 0) + 1
        if not counts:
            continue
        width, lines_of_width = max(counts.items(), key=lambda pair: (pair[1], pair[0]))
        score = (lines_of_width, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, text_format: TextFormat = DETECT) -> CsvReading:
    """The rows, the encoding and delimiter they were read with, and the repairs.

    Raises:
        UserError: see :func:`decode_text`.
    """
    decoded = decode_text(path.read_bytes(), path.name, text_format.encoding)
    delimiter = text_format.delimiter or sniff_delimiter(decoded.text)
    rows, unclosed = _records(_text_lines(decoded.text), delimiter)
    warnings = decoded.warnings + tuple(
        RowWarning(row, f"a quote (\") opened on line {line} is never closed; the line was "
                        "read with the quote as a character, so the rows after it are "
                        "not swallowed into one cell") for row, line in unclosed)
    return CsvReading(rows, TextFormat(decoded.encoding, delimiter), warnings)


_TEXT_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def _text_lines(text: str) -> list[str]:
    return [line for line in _TEXT_LINE.findall(text) if line]


def _records(lines: list[str], delimiter: str) -> tuple[Rows, list[tuple[int, int]]]:
    """The rows of ``lines``, and (row, line) of each quote that is never closed.

    Python's csv reader, meeting a quote that never closes, reads everything after it
    into one cell. Only the last record can have done so: it is read again strictly,
    and if the file ended inside its quote, its first line is read with quotes as
    plain characters and reading goes on after that line.
    """
    rows: Rows = []
    unclosed: list[tuple[int, int]] = []
    position = 0
    while position < len(lines):
        reader = csv.reader(itertools.islice(lines, position, None), delimiter=delimiter)
        first = position
        for row in reader:
            end = position + reader.line_num
            if end == len(lines) and end - first > 1 and \
                    _ends_inside_quote(lines[first:end], delimiter):
                literal = next(csv.reader([lines[first]], delimiter=delimiter,
                                          quoting=csv.QUOTE_NONE))
                rows.append([cell or None for cell in literal])
                unclosed.append((len(rows), first + 1))
                position = first + 1
                break
            rows.append([cell or None for cell in row])
            first = end
        else:
            break
    return rows, unclosed


def _ends_inside_quote(lines: list[str], delimiter: str) -> bool:
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False
